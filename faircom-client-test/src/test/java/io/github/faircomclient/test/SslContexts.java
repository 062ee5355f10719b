package io.github.faircomclient.test;

import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * SSL contexts for test clients from arbitrary PEM files (uses the emulator's own PEM reader).
 */
final class SslContexts {

	private SslContexts() {
	}

	static SSLContext forClient(Path trustedCaPem, Path certificatePem, Path keyPem) throws Exception {
		TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trust.init(PemKeyStores.trustStore(trustedCaPem));
		KeyManagerFactory keys = null;
		if (certificatePem != null) {
			char[] password = "test".toCharArray();
			KeyStore store = PemKeyStores.keyStore(certificatePem, keyPem, null, password);
			keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
			keys.init(store, password);
		}
		SSLContext context = SSLContext.getInstance("TLS");
		context.init((keys != null) ? keys.getKeyManagers() : null, trust.getTrustManagers(), null);
		return context;
	}

	static X509Certificate certificate(Path pem) {
		return PemKeyStores.certificates(pem).get(0);
	}

}
