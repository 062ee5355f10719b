package io.github.faircomclient.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;
import org.springframework.web.util.UriComponentsBuilder;

import io.github.faircomclient.FairComConfigurationException;

/**
 * Parses and checks the endpoint of a FairCom server ({@code faircom.url}). Failures name
 * the property and show the url without its user info.
 */
final class Endpoints {

	private static final String DEFAULT_PATH = "/api";

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[^}]*}");

	private Endpoints() {
	}

	static URI parse(@Nullable String url) {
		if (url == null || url.isBlank()) {
			throw new FairComConfigurationException("faircom.url", null, "no FairCom server is configured",
					"Set faircom.url to the endpoint of your FairCom server, for example "
							+ "https://faircom.example.com:8443/api.");
		}
		Matcher placeholder = PLACEHOLDER.matcher(url);
		if (placeholder.find()) {
			throw new FairComConfigurationException("faircom.url", null,
					"it holds the unresolved placeholder " + placeholder.group(),
					"Define the environment variable or property " + placeholder.group() + " refers to, or give "
							+ "faircom.url a default after a colon, for example "
							+ "${FAIRCOM_URL:http://localhost:8080/api}.");
		}
		try {
			return check(new URI(url.trim()));
		}
		catch (URISyntaxException ex) {
			// the parser's message quotes the url: show it without its user info instead
			throw malformed(withoutUserInfo(url.trim()),
					"it is not a valid URL (" + ex.getReason() + " at index " + ex.getIndex() + ")");
		}
	}

	static URI check(URI url) {
		Assert.notNull(url, "'url' must not be null");
		if (url.getRawUserInfo() != null) {
			throw malformed(withoutUserInfo(url.toString()),
					"it contains credentials; set faircom.username and faircom.password instead");
		}
		String scheme = url.getScheme();
		if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
			throw malformed(url.toString(), "it must start with http:// or https://");
		}
		if (url.getHost() == null || url.getHost().isEmpty()) {
			throw malformed(url.toString(), "it names no host");
		}
		String path = url.getRawPath();
		return (path == null || path.isEmpty() || "/".equals(path))
				? UriComponentsBuilder.fromUri(url).replacePath(DEFAULT_PATH).build(true).toUri() : url;
	}

	private static FairComConfigurationException malformed(String shown, String reason) {
		return new FairComConfigurationException("faircom.url", shown, reason,
				"Set faircom.url to the endpoint of your FairCom server, for example "
						+ "https://faircom.example.com:8443/api.");
	}

	private static String withoutUserInfo(String url) {
		return url.replaceAll("(?<=//)[^/?#]*@", "******@");
	}

}
