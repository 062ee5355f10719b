package io.github.faircomclient.autoconfigure;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;

import io.github.faircomclient.FairComConfigurationException;
import io.github.faircomclient.http.FairComHttpTransport;

/**
 * {@link FairComConnectionDetails} from {@link FairComProperties}, checked when created so
 * that a wrong configuration fails the startup with the property at fault. Blank values
 * count as unset, so a profile can switch from a password to a client certificate with
 * {@code password: ""}.
 */
final class PropertiesFairComConnectionDetails implements FairComConnectionDetails {

	private final URI url;

	private final @Nullable String username;

	private final @Nullable String password;

	private final @Nullable String token;

	private final @Nullable SslBundle sslBundle;

	PropertiesFairComConnectionDetails(FairComProperties properties, @Nullable SslBundles sslBundles) {
		this.url = FairComHttpTransport.endpoint(ConfiguredText.of("faircom.url", properties.getUrl()));
		this.username = ConfiguredText.of("faircom.username", properties.getUsername());
		this.password = ConfiguredText.of("faircom.password", properties.getPassword());
		this.token = ConfiguredText.of("faircom.session.token", properties.getSession().getToken());
		checkCredentials();
		this.sslBundle = resolveSslBundle(ConfiguredText.of("faircom.ssl.bundle", properties.getSsl().getBundle()),
				sslBundles);
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
		if (this.token != null && (this.username != null || this.password != null)) {
			throw new FairComConfigurationException("faircom.session.token", null,
					"it is set together with " + ((this.username != null) ? "faircom.username" : "faircom.password")
							+ "; a permanent session token replaces the login",
					"Remove faircom.session.token to log in with the account, or remove faircom.username and "
							+ "faircom.password to use the token.");
		}
		if (this.password != null && this.username == null) {
			throw new FairComConfigurationException("faircom.username", null,
					"faircom.password is set but faircom.username is not",
					"Set faircom.username to the account the password belongs to, or leave faircom.password empty "
							+ "to log in with a client certificate.");
		}
	}

	private static @Nullable SslBundle resolveSslBundle(@Nullable String name, @Nullable SslBundles sslBundles) {
		if (name == null) {
			return null;
		}
		if (sslBundles == null) {
			throw new FairComConfigurationException("faircom.ssl.bundle", name, "no SSL bundles are available",
					"Define the bundle under spring.ssl.bundle.pem." + name + " (or .jks." + name
							+ "), or remove faircom.ssl.bundle.");
		}
		try {
			return sslBundles.getBundle(name);
		}
		catch (NoSuchSslBundleException ex) {
			throw new FairComConfigurationException("faircom.ssl.bundle", name,
					"there is no SSL bundle of that name (known bundles: " + sslBundles.getBundleNames() + ")",
					"Define it under spring.ssl.bundle.pem." + name + " or spring.ssl.bundle.jks." + name
							+ ", or fix faircom.ssl.bundle.",
					ex);
		}
	}

}
