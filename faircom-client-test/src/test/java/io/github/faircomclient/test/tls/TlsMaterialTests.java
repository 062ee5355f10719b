package io.github.faircomclient.test.tls;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Date;

import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Checks the generated material with the JDK alone, as Spring's PEM SSL bundles read it.
 */
class TlsMaterialTests {

	private static TlsMaterial material;

	@BeforeAll
	static void generate() {
		material = TlsMaterial.generate();
	}

	@AfterAll
	static void delete() {
		material.close();
	}

	@Test
	void serverCertificateIsSignedByTheCaForLocalhost() throws Exception {
		X509Certificate ca = certificate(material.caCertificate());
		X509Certificate server = certificate(material.serverCertificate());
		server.verify(ca.getPublicKey());
		server.checkValidity();
		assertThat(server.getSubjectX500Principal().getName()).startsWith("CN=localhost");
		assertThat(server.getSubjectAlternativeNames()).extracting((name) -> (Object) name.get(1))
			.containsExactly("localhost", "127.0.0.1");
		assertThat(server.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
		assertThat(ca.getBasicConstraints()).isGreaterThanOrEqualTo(0);
		assertThat(server.getBasicConstraints()).isEqualTo(-1);
		assertThat(ca.getPublicKey().getAlgorithm()).isEqualTo("EC");
	}

	@Test
	void keysArePkcs8PemReadableByTheJdk() throws Exception {
		String pem = Files.readString(material.serverPrivateKey());
		assertThat(pem).startsWith("-----BEGIN PRIVATE KEY-----");
		PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der(pem)));
		assertThat(key.getAlgorithm()).isEqualTo("EC");
		assertThat(Files.readString(material.caPrivateKey())).startsWith("-----BEGIN PRIVATE KEY-----");
	}

	@Test
	void clientCertificatesCarryTheCommonNameAndAreCached() throws Exception {
		CertificateFiles admin = material.clientCertificate("ADMIN");
		assertThat(material.clientCertificate("ADMIN")).isSameAs(admin);
		assertThat(material.clientCertificate("jim").certificate()).isNotEqualTo(admin.certificate());
		X509Certificate certificate = certificate(admin.certificate());
		certificate.verify(certificate(material.caCertificate()).getPublicKey());
		assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=ADMIN,O=faircom-client tests");
		assertThat(certificate.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
		assertThat(admin.passphrase()).isEmpty();
		assertThat(admin.toString()).doesNotContain("encrypted");
	}

	@Test
	void encryptedClientKeyOpensWithItsPassphraseInTheJdk() throws Exception {
		CertificateFiles encrypted = material.encryptedClientCertificate("ADMIN");
		String passphrase = encrypted.passphrase().orElseThrow();
		String pem = Files.readString(encrypted.privateKey());
		assertThat(pem).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");
		EncryptedPrivateKeyInfo info = new EncryptedPrivateKeyInfo(der(pem));
		String algorithm = info.getAlgParameters().toString();
		assertThat(algorithm).isEqualTo("PBEWithHmacSHA256AndAES_256");
		SecretKeyFactory factory = SecretKeyFactory.getInstance(algorithm);
		Cipher cipher = Cipher.getInstance(algorithm);
		cipher.init(Cipher.DECRYPT_MODE, factory.generateSecret(new PBEKeySpec(passphrase.toCharArray())),
				info.getAlgParameters());
		PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(info.getKeySpec(cipher));
		assertThat(key.getAlgorithm()).isEqualTo("EC");
		assertThat(encrypted.toString()).contains("encrypted").doesNotContain(passphrase);
	}

	@Test
	void untrustedCertificatesChainToTheSecondCa() throws Exception {
		X509Certificate untrustedCa = certificate(material.untrustedCaCertificate());
		X509Certificate client = certificate(material.untrustedClientCertificate("ADMIN").certificate());
		X509Certificate server = certificate(material.untrustedServerCertificate().certificate());
		client.verify(untrustedCa.getPublicKey());
		server.verify(untrustedCa.getPublicKey());
		assertThat(untrustedCa.getSubjectX500Principal()).isNotEqualTo(certificate(material.caCertificate()).getSubjectX500Principal());
		assertThat(server.getSubjectAlternativeNames()).extracting((name) -> (Object) name.get(1)).contains("localhost");
	}

	@Test
	void wrongHostnameCertificateNamesAnotherHost() throws Exception {
		X509Certificate certificate = certificate(material.wrongHostnameServerCertificate().certificate());
		certificate.verify(certificate(material.caCertificate()).getPublicKey());
		assertThat(certificate.getSubjectAlternativeNames()).extracting((name) -> (Object) name.get(1))
			.containsExactly("wrong-host.invalid");
	}

	@Test
	void expiredCertificateExpiredYesterday() throws Exception {
		X509Certificate certificate = certificate(material.expiredServerCertificate().certificate());
		assertThatExceptionOfType(CertificateExpiredException.class).isThrownBy(certificate::checkValidity);
		assertThat(certificate.getNotAfter()).isBefore(new Date());
		assertThat(certificate.getNotAfter()).isAfter(new Date(System.currentTimeMillis() - 2L * 24 * 3600 * 1000));
	}

	@Test
	void rsaMaterialUsesRsaKeys() throws Exception {
		try (TlsMaterial rsa = TlsMaterial.generate(TlsMaterial.KeyType.RSA_2048)) {
			X509Certificate server = certificate(rsa.serverCertificate());
			assertThat(server.getPublicKey().getAlgorithm()).isEqualTo("RSA");
			assertThat(server.getSigAlgName()).isEqualTo("SHA256withRSA");
			KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der(Files.readString(rsa.serverPrivateKey()))));
		}
	}

	@Test
	void closeDeletesAGeneratedDirectoryButNotAGivenOne(@org.junit.jupiter.api.io.TempDir Path given) {
		TlsMaterial temporary = TlsMaterial.generate();
		Path directory = temporary.directory();
		assertThat(directory).isDirectoryContaining((path) -> path.toString().endsWith(".pem"));
		temporary.close();
		assertThat(directory).doesNotExist();
		TlsMaterial kept = TlsMaterial.generate(TlsMaterial.KeyType.EC_P256, given.resolve("tls"));
		kept.close();
		assertThat(kept.serverCertificate()).exists();
	}

	@Test
	void clientSslContextsAreUsable() throws Exception {
		assertThat(material.clientSslContext().getProtocol()).isEqualTo("TLS");
		assertThat(material.clientSslContext("ADMIN").getProtocol()).isEqualTo("TLS");
		assertThat(material.trustStore().isCertificateEntry("ca")).isTrue();
		assertThat(material.trustStore().size()).isEqualTo(1);
	}

	private static X509Certificate certificate(Path pem) throws Exception {
		return (X509Certificate) CertificateFactory.getInstance("X.509")
			.generateCertificate(new ByteArrayInputStream(Files.readAllBytes(pem)));
	}

	private static byte[] der(String pem) {
		String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
		return Base64.getDecoder().decode(base64.getBytes(StandardCharsets.US_ASCII));
	}

}
