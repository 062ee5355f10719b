package io.github.faircomclient.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Makes text a server sent safe to show: every known secret in it is masked and control
 * characters are written as escapes, so that an {@code errorMessage} that echoes a password
 * or token reaches no exception, event, log or health detail, and a {@code \r\n} in it
 * cannot forge a log line. Known secrets are the configured ones (password, permanent
 * token, key passphrase), the token a call was sent with, and the string values of the
 * call's parameters whose names say password, passphrase, secret or token. A secret is
 * masked where it appears whole, and, if it has at least {@value #MIN_PREFIX} characters,
 * where a server echoes only its beginning. Immutable.
 */
final class ServerText {

	static final String MASK = "******";

	/**
	 * The shortest beginning of a secret that is masked when a server cuts the secret off.
	 */
	static final int MIN_PREFIX = 6;

	private static final ServerText NONE = new ServerText(List.of());

	private final List<String> secrets;

	private ServerText(List<String> secrets) {
		this.secrets = secrets;
	}

	/**
	 * Return an instance that masks the given secrets, empty ones ignored.
	 * @param secrets the configured secrets
	 * @return the instance
	 */
	static ServerText masking(Collection<@Nullable String> secrets) {
		List<String> known = new ArrayList<>();
		for (String secret : secrets) {
			if (secret != null && !secret.isEmpty()) {
				known.add(secret);
			}
		}
		return (known.isEmpty()) ? NONE : new ServerText(List.copyOf(known));
	}

	/**
	 * Return an instance that also masks the given token and the secrets among a call's
	 * parameters. Called only when a server's text has to be cleaned.
	 * @param token the token the call was sent with, if any
	 * @param params the call's parameters
	 * @return the text cleaner for that call
	 */
	ServerText forCall(@Nullable String token, @Nullable JsonNode params) {
		return withCallSecrets(token, params);
	}

	private ServerText withCallSecrets(@Nullable String token, @Nullable JsonNode params) {
		List<String> call = new ArrayList<>(this.secrets);
		if (token != null && !token.isEmpty()) {
			call.add(token);
		}
		if (params != null) {
			collectSecrets(params, call, 0);
		}
		return (call.size() == this.secrets.size()) ? this : new ServerText(List.copyOf(call));
	}

	private static void collectSecrets(JsonNode node, List<String> into, int depth) {
		if (depth > 8) {
			return;
		}
		if (node instanceof ObjectNode object) {
			for (var property : object.properties()) {
				JsonNode value = property.getValue();
				if (value.isString() && !value.stringValue().isEmpty() && isSecretName(property.getKey())) {
					into.add(value.stringValue());
				}
				else if (value.isContainer()) {
					collectSecrets(value, into, depth + 1);
				}
			}
		}
		else if (node instanceof ArrayNode array) {
			for (JsonNode element : array) {
				collectSecrets(element, into, depth + 1);
			}
		}
	}

	private static boolean isSecretName(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		return lower.contains("password") || lower.contains("passphrase") || lower.contains("secret")
				|| lower.contains("token");
	}

	/**
	 * Mask the known secrets in a text and escape its control characters.
	 * @param text the text a server sent
	 * @return the safe text, {@code null} for {@code null}
	 */
	@Nullable String clean(@Nullable String text) {
		if (text == null || text.isEmpty()) {
			return text;
		}
		String masked = text;
		for (String secret : this.secrets) {
			masked = mask(masked, secret);
		}
		return escapeControlCharacters(masked);
	}

	/**
	 * Mask the known secrets in every string of a tree, in place.
	 * @param node a tree the server sent, such as {@code debugInfo}
	 */
	void maskIn(JsonNode node) {
		if (this.secrets.isEmpty()) {
			return;
		}
		if (node instanceof ObjectNode object) {
			for (var property : object.properties()) {
				JsonNode value = property.getValue();
				if (value.isString()) {
					property.setValue(object.stringNode(mask(value.stringValue())));
				}
				else {
					maskIn(value);
				}
			}
		}
		else if (node instanceof ArrayNode array) {
			for (int i = 0; i < array.size(); i++) {
				JsonNode value = array.get(i);
				if (value.isString()) {
					array.set(i, array.stringNode(mask(value.stringValue())));
				}
				else {
					maskIn(value);
				}
			}
		}
	}

	/**
	 * Mask the known secrets in a value a server sent: a string is replaced, the strings of
	 * an object or array are masked in place.
	 * @param value the value, such as the data of a warning
	 * @return the masked value
	 */
	JsonNode masked(JsonNode value) {
		if (value.isString()) {
			String masked = mask(value.stringValue());
			return (masked.equals(value.stringValue())) ? value : JsonNodeFactory.instance.stringNode(masked);
		}
		maskIn(value);
		return value;
	}

	private String mask(String text) {
		String masked = text;
		for (String secret : this.secrets) {
			masked = mask(masked, secret);
		}
		return masked;
	}

	private static String mask(String text, String secret) {
		boolean prefixes = secret.length() >= MIN_PREFIX;
		StringBuilder out = null;
		int copied = 0;
		int i = 0;
		while (i < text.length()) {
			int matched = commonPrefix(text, i, secret);
			if (matched == secret.length() || (prefixes && matched >= MIN_PREFIX)) {
				if (out == null) {
					out = new StringBuilder(text.length());
				}
				out.append(text, copied, i).append(MASK);
				i += matched;
				copied = i;
			}
			else {
				i++;
			}
		}
		if (out == null) {
			return text;
		}
		return out.append(text, copied, text.length()).toString();
	}

	private static int commonPrefix(String text, int from, String secret) {
		int length = Math.min(text.length() - from, secret.length());
		int matched = 0;
		while (matched < length && text.charAt(from + matched) == secret.charAt(matched)) {
			matched++;
		}
		return matched;
	}

	private static String escapeControlCharacters(String text) {
		StringBuilder out = null;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			String escape = escape(c);
			if (escape == null) {
				if (out != null) {
					out.append(c);
				}
				continue;
			}
			if (out == null) {
				out = new StringBuilder(text.length() + 8).append(text, 0, i);
			}
			out.append(escape);
		}
		return (out != null) ? out.toString() : text;
	}

	private static @Nullable String escape(char c) {
		return switch (c) {
			case '\r' -> "\\r";
			case '\n' -> "\\n";
			case '\t' -> "\\t";
			default -> (Character.isISOControl(c) || c == '\u2028' || c == '\u2029')
					? String.format("\\u%04x", (int) c) : null;
		};
	}

}
