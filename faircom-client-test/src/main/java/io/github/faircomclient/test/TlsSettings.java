package io.github.faircomclient.test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;

import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.jspecify.annotations.Nullable;

/**
 * The TLS configuration of the HTTPS listener, read from PEM files when the emulator is built.
 *
 * @param keyStore the server certificate chain and key
 * @param keyStorePassword the in-memory key store's generated password
 * @param trustStore the CA certificates client certificates must chain to, if any
 * @param clientAuth whether client certificates are required, wanted or not asked for
 * @param certificateFile the server certificate's PEM file (reported by listServices)
 */
record TlsSettings(KeyStore keyStore, String keyStorePassword, @Nullable KeyStore trustStore, ClientAuth clientAuth,
		Path certificateFile) {

	/**
	 * Reads the PEM files.
	 * @param certificatePem the server certificate (chain)
	 * @param privateKeyPem its private key
	 * @param passphrase the key's passphrase, {@code null} when not encrypted
	 * @param clientTrustPem the trusted CA certificates for client certificates, or {@code null}
	 * @param clientAuth the mode, or {@code null} for NEED with a client trust and NONE without
	 * @return the settings
	 * @throws IllegalArgumentException if a file is unreadable or unusable
	 */
	static TlsSettings read(Path certificatePem, Path privateKeyPem, @Nullable String passphrase,
			@Nullable Path clientTrustPem, @Nullable ClientAuth clientAuth) {
		requireReadable(certificatePem, "server certificate");
		requireReadable(privateKeyPem, "server private key");
		String password = Tokens.newToken();
		KeyStore keyStore = PemKeyStores.keyStore(certificatePem, privateKeyPem, passphrase, password.toCharArray());
		KeyStore trustStore = null;
		if (clientTrustPem != null) {
			requireReadable(clientTrustPem, "client certificate trust");
			trustStore = PemKeyStores.trustStore(clientTrustPem);
		}
		ClientAuth mode = (clientAuth != null) ? clientAuth : (trustStore != null) ? ClientAuth.NEED : ClientAuth.NONE;
		return new TlsSettings(keyStore, password, trustStore, mode, certificatePem.toAbsolutePath());
	}

	SslContextFactory.Server sslContextFactory() {
		SslContextFactory.Server factory = new SslContextFactory.Server();
		factory.setKeyStore(this.keyStore);
		factory.setKeyStorePassword(this.keyStorePassword);
		if (this.trustStore != null) {
			factory.setTrustStore(this.trustStore);
		}
		factory.setNeedClientAuth(this.clientAuth == ClientAuth.NEED);
		factory.setWantClientAuth(this.clientAuth == ClientAuth.WANT);
		return factory;
	}

	private static void requireReadable(Path file, String what) {
		if (!Files.isReadable(file)) {
			throw new IllegalArgumentException("Cannot read the " + what + " file " + file);
		}
	}

	@Override
	public String toString() {
		return "TlsSettings[clientAuth=" + this.clientAuth + "]";
	}

}
