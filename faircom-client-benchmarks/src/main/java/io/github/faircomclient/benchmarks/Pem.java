package io.github.faircomclient.benchmarks;

import java.nio.file.Path;

import javax.net.ssl.SSLContext;

import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.pem.PemSslStoreBundle;
import org.springframework.boot.ssl.pem.PemSslStoreDetails;

/**
 * TLS set-up from PEM files, the same for both clients (trust in one CA, host names verified) and
 * for the fixed-answer server (certificate and key).
 */
final class Pem {

	private Pem() {
	}

	/**
	 * Return an SSL bundle that trusts the given CA.
	 * @param caCertificate the PEM CA certificate
	 * @return the bundle, for {@code FairComTemplate}
	 */
	static SslBundle trusting(Path caCertificate) {
		return SslBundle.of(new PemSslStoreBundle(null, PemSslStoreDetails.forCertificate(location(caCertificate))));
	}

	/**
	 * Return an SSL context that trusts the given CA.
	 * @param caCertificate the PEM CA certificate
	 * @return the context, for the hand-written client
	 */
	static SSLContext trustingContext(Path caCertificate) {
		return trusting(caCertificate).createSslContext();
	}

	/**
	 * Return an SSL context that presents the given certificate.
	 * @param certificate the PEM certificate chain
	 * @param privateKey the PEM private key
	 * @return the context, for a server
	 */
	static SSLContext serverContext(Path certificate, Path privateKey) {
		PemSslStoreDetails keyStore = PemSslStoreDetails.forCertificate(location(certificate))
			.withPrivateKey(location(privateKey));
		return SslBundle.of(new PemSslStoreBundle(keyStore, null)).createSslContext();
	}

	private static String location(Path path) {
		return path.toAbsolutePath().toUri().toString();
	}

}
