package io.github.faircomclient.actuate;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * {@link SanitizingFunction} that masks the FairCom client's secrets in the
 * {@code configprops} and {@code env} endpoints, also when they are configured to show
 * values ({@code show-values=ALWAYS}): every {@code faircom.*} property whose name says
 * password, secret, token, passphrase, credential or key (such as
 * {@code faircom.password} and {@code faircom.session.token}), the passwords of the SSL
 * bundles the client's TLS comes from ({@code spring.ssl.bundle.*.*password}, such as
 * {@code keystore.password} and {@code keystore.private-key-password}) and a private key
 * written into a bundle property instead of a file, in any spelling Spring binds
 * ({@code FAIRCOM_SESSION_TOKEN}, {@code faircom.session-token}), and their values on the
 * command line shown in {@code sun.java.command}.
 */
public final class FairComSanitizingFunction implements SanitizingFunction {

	private static final String PREFIX = "faircom.";

	private static final String SSL_BUNDLE_PREFIX = "spring.ssl.bundle.";

	private static final List<String> SECRET_WORDS = List.of("password", "passwd", "secret", "token",
			"passphrase", "credential");

	private static final Pattern COMMAND_LINE_SECRET = Pattern.compile(
			"((?:--|-D)(?:faircom[._][\\w.\\-\\[\\]]*?(?:password|passwd|secret|token|passphrase|credential|key)"
					+ "|spring[._]ssl[._]bundle[._][\\w.\\-\\[\\]]*?password)[\\w\\-]*=)(\\S+)",
			Pattern.CASE_INSENSITIVE);

	@Override
	public SanitizableData apply(SanitizableData data) {
		if (isSecret(data.getKey()) || isSslBundleSecret(data.getKey(), data.getValue())) {
			return data.withSanitizedValue();
		}
		if ("sun.java.command".equals(data.getLowerCaseKey()) && data.getValue() instanceof String command) {
			Matcher matcher = COMMAND_LINE_SECRET.matcher(command);
			if (matcher.find()) {
				return data.withValue(matcher.replaceAll("$1" + Matcher.quoteReplacement(SanitizableData.SANITIZED_VALUE)));
			}
		}
		return data;
	}

	/**
	 * Return whether a property of an SSL bundle holds a secret: a password, or a private
	 * key given as PEM text rather than as a file.
	 * @param key the property name, in any form Spring binds
	 * @param value the value
	 * @return whether its value must be masked
	 */
	static boolean isSslBundleSecret(String key, @Nullable Object value) {
		String name = key.toLowerCase(Locale.ROOT).replace('_', '.').replace("-", "").replaceAll("\\[[^]]*]", "");
		if (!name.startsWith(SSL_BUNDLE_PREFIX)) {
			return false;
		}
		String last = name.substring(name.lastIndexOf('.') + 1);
		return last.contains("password") || (last.equals("privatekey") && value instanceof String text
				&& text.contains("PRIVATE KEY"));
	}

	/**
	 * Return whether a property name denotes a FairCom secret.
	 * @param key the property name, in any form Spring binds
	 * @return whether its value must be masked
	 */
	static boolean isSecret(String key) {
		String name = key.toLowerCase(Locale.ROOT).replace('_', '.').replace("-", "").replaceAll("\\[[^]]*]", "");
		if (!name.startsWith(PREFIX)) {
			return false;
		}
		for (String segment : name.substring(PREFIX.length()).split("\\.")) {
			if (segment.endsWith("key")) {
				return true;
			}
			for (String word : SECRET_WORDS) {
				if (segment.contains(word)) {
					return true;
				}
			}
		}
		return false;
	}

}
