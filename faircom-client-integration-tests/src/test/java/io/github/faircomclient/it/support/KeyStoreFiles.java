package io.github.faircomclient.it.support;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.ssl.pem.PemContent;

import io.github.faircomclient.test.tls.CertificateFiles;

/**
 * Writes the PEM test material of the emulator as JKS or PKCS#12 stores, for SSL bundles
 * under {@code spring.ssl.bundle.jks.*}.
 */
public final class KeyStoreFiles {

	private KeyStoreFiles() {
	}

	/**
	 * Write a key store holding one private key with its certificate, under the alias
	 * {@code client}.
	 * @param client the PEM certificate and unencrypted key
	 * @param type {@code JKS} or {@code PKCS12}
	 * @param password the password of the store and of the key
	 * @param directory where to write it
	 * @return the file
	 */
	public static Path keyStore(CertificateFiles client, String type, String password, Path directory) {
		try {
			List<X509Certificate> chain = PemContent.load(client.certificate()).getCertificates();
			KeyStore store = empty(type);
			store.setKeyEntry("client", PemContent.load(client.privateKey()).getPrivateKey(), password.toCharArray(),
					chain.toArray(new Certificate[0]));
			return write(store, type, password, directory.resolve("client." + extension(type)));
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Write a trust store holding the certificates of a PEM file.
	 * @param certificates the PEM file, for example the CA
	 * @param type {@code JKS} or {@code PKCS12}
	 * @param password the password of the store
	 * @param directory where to write it
	 * @return the file
	 */
	public static Path trustStore(Path certificates, String type, String password, Path directory) {
		try {
			KeyStore store = empty(type);
			int i = 0;
			for (X509Certificate certificate : PemContent.load(certificates).getCertificates()) {
				store.setCertificateEntry("ca-" + i++, certificate);
			}
			return write(store, type, password, directory.resolve("trust." + extension(type)));
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static KeyStore empty(String type) throws IOException, GeneralSecurityException {
		KeyStore store = KeyStore.getInstance(type);
		store.load(null, null);
		return store;
	}

	private static Path write(KeyStore store, String type, String password, Path file)
			throws IOException, GeneralSecurityException {
		Files.createDirectories(file.getParent());
		try (OutputStream out = Files.newOutputStream(file)) {
			store.store(out, password.toCharArray());
		}
		return file;
	}

	private static String extension(String type) {
		return "PKCS12".equals(type.toUpperCase(Locale.ROOT)) ? "p12" : "jks";
	}

}
