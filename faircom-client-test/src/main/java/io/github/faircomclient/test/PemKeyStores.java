package io.github.faircomclient.test;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.jspecify.annotations.Nullable;

/**
 * Reads PEM certificates and private keys (PKCS#8, PKCS#1/SEC1, encrypted PKCS#8) into in-memory key
 * stores for Jetty.
 */
final class PemKeyStores {

	private static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();

	private PemKeyStores() {
	}

	static KeyStore keyStore(Path certificatePem, Path privateKeyPem, @Nullable String passphrase, char[] storePassword) {
		List<X509Certificate> chain = certificates(certificatePem);
		if (chain.isEmpty()) {
			throw new IllegalArgumentException("No certificate in " + certificatePem);
		}
		PrivateKey key = privateKey(privateKeyPem, passphrase);
		try {
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(null, null);
			store.setKeyEntry("server", key, storePassword, chain.toArray(new X509Certificate[0]));
			return store;
		}
		catch (GeneralSecurityException | IOException ex) {
			throw new IllegalArgumentException("Certificate " + certificatePem + " and key " + privateKeyPem
					+ " do not form a usable key pair: " + ex.getMessage(), ex);
		}
	}

	static KeyStore trustStore(Path caCertificatesPem) {
		List<X509Certificate> certificates = certificates(caCertificatesPem);
		if (certificates.isEmpty()) {
			throw new IllegalArgumentException("No certificate in " + caCertificatesPem);
		}
		try {
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(null, null);
			for (int i = 0; i < certificates.size(); i++) {
				store.setCertificateEntry("ca-" + i, certificates.get(i));
			}
			return store;
		}
		catch (GeneralSecurityException | IOException ex) {
			throw new IllegalArgumentException("Cannot build a trust store from " + caCertificatesPem, ex);
		}
	}

	static List<X509Certificate> certificates(Path pem) {
		List<X509Certificate> certificates = new ArrayList<>();
		JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
		try (Reader reader = Files.newBufferedReader(pem, StandardCharsets.US_ASCII); PEMParser parser = new PEMParser(reader)) {
			Object object;
			while ((object = parser.readObject()) != null) {
				if (object instanceof X509CertificateHolder holder) {
					certificates.add(converter.getCertificate(holder));
				}
			}
			return certificates;
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new IllegalArgumentException("Cannot read PEM certificates from " + pem + ": " + ex.getMessage(), ex);
		}
	}

	static PrivateKey privateKey(Path pem, @Nullable String passphrase) {
		JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
		try (Reader reader = Files.newBufferedReader(pem, StandardCharsets.US_ASCII); PEMParser parser = new PEMParser(reader)) {
			Object object;
			while ((object = parser.readObject()) != null) {
				if (object instanceof PrivateKeyInfo info) {
					return converter.getPrivateKey(info);
				}
				if (object instanceof PEMKeyPair pair) {
					return converter.getKeyPair(pair).getPrivate();
				}
				if (object instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
					char[] secret = requirePassphrase(pem, passphrase);
					return converter.getPrivateKey(
							encrypted.decryptPrivateKeyInfo(new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(BOUNCY_CASTLE).build(secret)));
				}
				if (object instanceof PEMEncryptedKeyPair encrypted) {
					char[] secret = requirePassphrase(pem, passphrase);
					return converter.getKeyPair(encrypted.decryptKeyPair(new JcePEMDecryptorProviderBuilder().setProvider(BOUNCY_CASTLE).build(secret)))
						.getPrivate();
				}
			}
			throw new IllegalArgumentException("No private key in " + pem);
		}
		catch (IOException | OperatorCreationException | PKCSException ex) {
			throw new IllegalArgumentException("Cannot read the private key in " + pem
					+ " (wrong passphrase or unsupported format): " + ex.getMessage(), ex);
		}
	}

	private static char[] requirePassphrase(Path pem, @Nullable String passphrase) {
		if (passphrase == null) {
			throw new IllegalArgumentException("The private key in " + pem + " is encrypted; give its passphrase");
		}
		return passphrase.toCharArray();
	}

}
