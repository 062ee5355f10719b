package io.github.faircomclient.autoconfigure;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;
import org.springframework.boot.ssl.SslBundle;

/**
 * Details required to connect to a FairCom server. By default they come from the
 * {@code faircom.*} properties; define a bean of this type to supply them otherwise (an
 * embedded emulator, a container started for tests, a secret store).
 * <p>
 * Which login is used follows from the details: a {@linkplain #getToken() token} is used
 * as is, a {@linkplain #getUsername() user name} logs in with its password, and with
 * neither the client certificate of the {@linkplain #getSslBundle() SSL bundle} logs in.
 */
public interface FairComConnectionDetails extends ConnectionDetails {

	/**
	 * Return the endpoint of the FairCom JSON Action API.
	 * @return the url, for example {@code https://faircom.example.com:8443/api}
	 */
	URI getUrl();

	/**
	 * Return the account to log in with.
	 * @return the user name or {@code null}
	 */
	default @Nullable String getUsername() {
		return null;
	}

	/**
	 * Return the password of the account.
	 * @return the password or {@code null}
	 */
	default @Nullable String getPassword() {
		return null;
	}

	/**
	 * Return a permanent session token to use instead of logging in.
	 * @return the token or {@code null}
	 */
	default @Nullable String getToken() {
		return null;
	}

	/**
	 * Return the SSL bundle with the trust material and, for mutual TLS, the client key.
	 * @return the SSL bundle or {@code null} for the JVM's default trust store
	 */
	default @Nullable SslBundle getSslBundle() {
		return null;
	}

}
