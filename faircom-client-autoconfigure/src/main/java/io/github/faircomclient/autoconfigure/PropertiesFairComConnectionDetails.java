package io.github.faircomclient.autoconfigure;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.MutuallyExclusiveConfigurationPropertiesException;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.util.StringUtils;

/**
 * {@link FairComConnectionDetails} from {@link FairComProperties}, checked when created so
 * that a wrong configuration fails the startup with the property at fault.
 */
final class PropertiesFairComConnectionDetails implements FairComConnectionDetails {

	private final URI url;

	private final @Nullable String username;

	private final @Nullable String password;

	private final @Nullable String token;

	private final @Nullable SslBundle sslBundle;

	PropertiesFairComConnectionDetails(FairComProperties properties, @Nullable SslBundles sslBundles) {
		this.url = parseUrl(properties.getUrl());
		this.username = properties.getUsername();
		this.password = properties.getPassword();
		this.token = properties.getSession().getToken();
		checkCredentials();
		this.sslBundle = resolveSslBundle(properties.getSsl().getBundle(), sslBundles);
		if (this.sslBundle != null && !"https".equalsIgnoreCase(this.url.getScheme())) {
			throw new FairComConfigurationException("faircom.ssl.bundle",
					"an SSL bundle is configured but faircom.url does not use https",
					"Change faircom.url to the server's https endpoint (for example https://host:8443/api), "
							+ "or remove faircom.ssl.bundle.");
		}
	}

	@Override
	public URI getUrl() {
		return this.url;
	}

	@Override
	public @Nullable String getUsername() {
		return this.username;
	}

	@Override
	public @Nullable String getPassword() {
		return this.password;
	}

	@Override
	public @Nullable String getToken() {
		return this.token;
	}

	@Override
	public @Nullable SslBundle getSslBundle() {
		return this.sslBundle;
	}

	private void checkCredentials() {
		if (this.token != null) {
			List<String> configured = new ArrayList<>();
			configured.add("faircom.session.token");
			if (this.username != null) {
				configured.add("faircom.username");
			}
			if (this.password != null) {
				configured.add("faircom.password");
			}
			if (configured.size() > 1) {
				throw new MutuallyExclusiveConfigurationPropertiesException(configured,
						List.of("faircom.session.token", "faircom.username", "faircom.password"));
			}
		}
		if (this.password != null && !StringUtils.hasText(this.username)) {
			throw new FairComConfigurationException("faircom.username",
					"faircom.password is set but faircom.username is not",
					"Set faircom.username to the account the password belongs to, or remove faircom.password "
							+ "to log in with a client certificate.");
		}
		if (this.username != null && !StringUtils.hasText(this.username)) {
			throw new FairComConfigurationException("faircom.username", "faircom.username is empty",
					"Set faircom.username to a FairCom account, or remove it.");
		}
		if (this.token != null && !StringUtils.hasText(this.token)) {
			throw new FairComConfigurationException("faircom.session.token", "faircom.session.token is empty",
					"Set faircom.session.token to a permanent session token, or remove it.");
		}
	}

	static URI parseUrl(@Nullable String url) {
		if (!StringUtils.hasText(url)) {
			throw new FairComConfigurationException("faircom.url",
					"no FairCom server is configured: faircom.url is not set and there is no "
							+ "FairComConnectionDetails bean",
					"Set faircom.url to the endpoint of your FairCom server (for example "
							+ "https://faircom.example.com:8443/api), define a FairComConnectionDetails bean, "
							+ "or set faircom.enabled=false.");
		}
		URI uri;
		try {
			uri = new URI(url.trim());
		}
		catch (URISyntaxException ex) {
			// the parser's message quotes the url, which may hold credentials: keep only the reason
			throw malformedUrl("it is not a valid URL (" + ex.getReason() + " at index " + ex.getIndex() + ")");
		}
		String scheme = uri.getScheme();
		if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
			throw malformedUrl("it must start with http:// or https://");
		}
		if (!StringUtils.hasText(uri.getHost())) {
			throw malformedUrl("it names no host");
		}
		if (uri.getRawUserInfo() != null) {
			throw malformedUrl("it contains credentials; use faircom.username and faircom.password instead");
		}
		return uri;
	}

	private static FairComConfigurationException malformedUrl(String reason) {
		return new FairComConfigurationException("faircom.url", "faircom.url is malformed: " + reason,
				"Set faircom.url to the endpoint of your FairCom server, for example "
						+ "https://faircom.example.com:8443/api.");
	}

	private static @Nullable SslBundle resolveSslBundle(@Nullable String name, @Nullable SslBundles sslBundles) {
		if (!StringUtils.hasText(name)) {
			return null;
		}
		if (sslBundles == null) {
			throw new FairComConfigurationException("faircom.ssl.bundle",
					"SSL bundle '" + name + "' is configured but no SSL bundles are available",
					"Define the bundle under spring.ssl.bundle.pem." + name + " or spring.ssl.bundle.jks." + name
							+ ", or remove faircom.ssl.bundle.");
		}
		try {
			return sslBundles.getBundle(name);
		}
		catch (NoSuchSslBundleException ex) {
			throw new FairComConfigurationException("faircom.ssl.bundle", "there is no SSL bundle named '" + name + "'",
					"Define it under spring.ssl.bundle.pem." + name + " or spring.ssl.bundle.jks." + name
							+ " (known bundles: " + sslBundles.getBundleNames() + "), or fix faircom.ssl.bundle.",
					ex);
		}
	}

}
