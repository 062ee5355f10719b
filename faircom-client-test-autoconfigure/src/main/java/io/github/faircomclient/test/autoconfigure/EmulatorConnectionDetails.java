package io.github.faircomclient.test.autoconfigure;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.pem.PemSslStore;
import org.springframework.boot.ssl.pem.PemSslStoreBundle;
import org.springframework.boot.ssl.pem.PemSslStoreDetails;

import io.github.faircomclient.autoconfigure.FairComConnectionDetails;
import io.github.faircomclient.test.FairComEmulator;
import io.github.faircomclient.test.tls.TlsMaterial;

/**
 * {@link FairComConnectionDetails} of an emulator: its url (https when it serves HTTPS,
 * with an SSL bundle that trusts the CA of its TLS material) and its account.
 */
final class EmulatorConnectionDetails implements FairComConnectionDetails {

	private final FairComEmulator emulator;

	private final String username;

	private final String password;

	private final @Nullable SslBundle sslBundle;

	EmulatorConnectionDetails(FairComEmulator emulator, String username, String password,
			@Nullable TlsMaterial tls) {
		this.emulator = emulator;
		this.username = username;
		this.password = password;
		this.sslBundle = (tls != null) ? SslBundle.of(new PemSslStoreBundle(null,
				PemSslStore.load(PemSslStoreDetails.forCertificate(tls.caCertificate().toUri().toString()))))
				: null;
	}

	@Override
	public URI getUrl() {
		return (this.sslBundle != null) ? this.emulator.httpsUrl() : this.emulator.httpUrl();
	}

	@Override
	public String getUsername() {
		return this.username;
	}

	@Override
	public String getPassword() {
		return this.password;
	}

	@Override
	public @Nullable SslBundle getSslBundle() {
		return this.sslBundle;
	}

	@Override
	public String toString() {
		return "EmulatorConnectionDetails[url=" + getUrl() + ", username=" + this.username + "]";
	}

}
