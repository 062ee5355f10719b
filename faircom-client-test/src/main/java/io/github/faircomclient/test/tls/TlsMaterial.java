package io.github.faircomclient.test.tls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.stream.Stream;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.jspecify.annotations.Nullable;

/**
 * TLS material for tests, generated on the fly: a CA, a server certificate signed by it (SAN
 * {@code DNS:localhost}, {@code IP:127.0.0.1}), client certificates per common name, and, for refusal
 * tests, a second untrusted CA with its own certificates, a server certificate for the wrong host name,
 * an expired server certificate and a client key encrypted with a passphrase. Everything is written as
 * PEM (keys as PKCS#8) into one directory; the getters return {@link Path}s (use {@code path.toUri()} for
 * Spring's {@code spring.ssl.bundle.pem.*} properties). Extra certificates are generated on first use.
 * Thread-safe. {@link #close()} deletes a directory this class created.
 */
public final class TlsMaterial implements AutoCloseable {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();

	private static final Duration VALIDITY = Duration.ofDays(365);

	private final ReentrantLock lock = new ReentrantLock();

	private final Path directory;

	private final boolean ownsDirectory;

	private final KeyType keyType;

	private final Issuer ca;

	private final CertificateFiles caFiles;

	private final CertificateFiles server;

	private final Map<String, CertificateFiles> generated = new HashMap<>();

	private final Map<String, Issuer> clientIdentities = new HashMap<>();

	private @Nullable Issuer untrustedCa;

	private int fileCounter;

	private TlsMaterial(KeyType keyType, Path directory, boolean ownsDirectory) {
		this.keyType = keyType;
		this.directory = directory;
		this.ownsDirectory = ownsDirectory;
		this.ca = newIssuer("faircom-client test CA");
		this.caFiles = write("ca", this.ca.certificate(), this.ca.keyPair().getPrivate(), null);
		this.server = issueServer(this.ca, "server", "localhost", true, false);
	}

	/**
	 * Generates EC P-256 material in a new temporary directory.
	 * @return the material
	 */
	public static TlsMaterial generate() {
		return generate(KeyType.EC_P256);
	}

	/**
	 * Generates material with the given key type in a new temporary directory.
	 * @param keyType EC P-256 or RSA 2048
	 * @return the material
	 */
	public static TlsMaterial generate(KeyType keyType) {
		try {
			return new TlsMaterial(keyType, Files.createTempDirectory("faircom-tls-"), true);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create a temporary directory for TLS material", ex);
		}
	}

	/**
	 * Generates material into a given directory (created if missing, not deleted by {@link #close()}).
	 * @param keyType EC P-256 or RSA 2048
	 * @param directory where to write the PEM files
	 * @return the material
	 */
	public static TlsMaterial generate(KeyType keyType, Path directory) {
		try {
			return new TlsMaterial(keyType, Files.createDirectories(directory), false);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create " + directory, ex);
		}
	}

	/**
	 * The directory holding the PEM files.
	 * @return the directory
	 */
	public Path directory() {
		return this.directory;
	}

	/**
	 * The key algorithm of all generated keys.
	 * @return the key type
	 */
	public KeyType keyType() {
		return this.keyType;
	}

	/**
	 * The CA certificate that signs the server and client certificates (trust it on both sides).
	 * @return the PEM file
	 */
	public Path caCertificate() {
		return this.caFiles.certificate();
	}

	/**
	 * The CA's private key.
	 * @return the PEM file
	 */
	public Path caPrivateKey() {
		return this.caFiles.privateKey();
	}

	/**
	 * The server certificate (CN and SAN {@code localhost}, SAN {@code IP:127.0.0.1}), signed by the CA.
	 * @return the PEM file
	 */
	public Path serverCertificate() {
		return this.server.certificate();
	}

	/**
	 * The server certificate's private key.
	 * @return the PEM file
	 */
	public Path serverPrivateKey() {
		return this.server.privateKey();
	}

	/**
	 * The server certificate and key.
	 * @return the files
	 */
	public CertificateFiles server() {
		return this.server;
	}

	/**
	 * A client certificate with the given subject CN, signed by the CA (the emulator maps the CN to the
	 * account of a certificate login). The same CN gives the same files.
	 * @param commonName the subject CN, e.g. {@code ADMIN}
	 * @return the certificate and its unencrypted key
	 */
	public CertificateFiles clientCertificate(String commonName) {
		return cached("client:" + commonName, () -> issueClient(this.ca, "client", commonName, null));
	}

	/**
	 * A client certificate whose PKCS#8 key is encrypted (AES-256-CBC, PBKDF2 with HMAC-SHA256) with a
	 * generated passphrase, available from {@link CertificateFiles#passphrase()}.
	 * @param commonName the subject CN
	 * @return the certificate, encrypted key and passphrase
	 */
	public CertificateFiles encryptedClientCertificate(String commonName) {
		return cached("encrypted-client:" + commonName,
				() -> issueClient(this.ca, "encrypted-client", commonName, Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36)));
	}

	/**
	 * The certificate of a second CA that nobody trusts.
	 * @return the PEM file
	 */
	public Path untrustedCaCertificate() {
		return cached("untrusted-ca", () -> write("untrusted-ca", untrustedCa().certificate(),
				untrustedCa().keyPair().getPrivate(), null)).certificate();
	}

	/**
	 * A client certificate signed by the untrusted CA (a server that trusts only {@link #caCertificate()}
	 * refuses it).
	 * @param commonName the subject CN
	 * @return the certificate and key
	 */
	public CertificateFiles untrustedClientCertificate(String commonName) {
		return cached("untrusted-client:" + commonName, () -> issueClient(untrustedCa(), "untrusted-client", commonName, null));
	}

	/**
	 * A server certificate for {@code localhost}/{@code 127.0.0.1} signed by the untrusted CA.
	 * @return the certificate and key
	 */
	public CertificateFiles untrustedServerCertificate() {
		return cached("untrusted-server", () -> issueServer(untrustedCa(), "untrusted-server", "localhost", true, false));
	}

	/**
	 * A server certificate signed by the CA but issued for {@code wrong-host.invalid} only (no
	 * {@code localhost}, no {@code 127.0.0.1}): hostname verification must refuse it.
	 * @return the certificate and key
	 */
	public CertificateFiles wrongHostnameServerCertificate() {
		return cached("wrong-host-server", () -> issueServer(this.ca, "wrong-host-server", "wrong-host.invalid", false, false));
	}

	/**
	 * A server certificate for {@code localhost}/{@code 127.0.0.1} signed by the CA that expired yesterday.
	 * @return the certificate and key
	 */
	public CertificateFiles expiredServerCertificate() {
		return cached("expired-server", () -> issueServer(this.ca, "expired-server", "localhost", true, true));
	}

	/**
	 * A trust store holding the CA certificate.
	 * @return a new in-memory PKCS12 key store
	 */
	public KeyStore trustStore() {
		try {
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(null, null);
			store.setCertificateEntry("ca", this.ca.certificate());
			return store;
		}
		catch (GeneralSecurityException | IOException ex) {
			throw new IllegalStateException("Cannot build a trust store", ex);
		}
	}

	/**
	 * An SSL context that trusts the CA and presents no client certificate.
	 * @return the context
	 */
	public SSLContext clientSslContext() {
		return sslContext(null, null);
	}

	/**
	 * An SSL context that trusts the CA and presents the client certificate for the common name.
	 * @param commonName the client certificate's CN
	 * @return the context
	 */
	public SSLContext clientSslContext(String commonName) {
		clientCertificate(commonName);
		Issuer identity;
		this.lock.lock();
		try {
			identity = this.clientIdentities.get(commonName);
		}
		finally {
			this.lock.unlock();
		}
		return sslContext(identity.certificate(), identity.keyPair().getPrivate());
	}

	private SSLContext sslContext(@Nullable X509Certificate certificate, @Nullable PrivateKey key) {
		try {
			TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			trust.init(trustStore());
			KeyManagerFactory keys = null;
			if (certificate != null && key != null) {
				char[] password = "client".toCharArray();
				KeyStore store = KeyStore.getInstance("PKCS12");
				store.load(null, null);
				store.setKeyEntry("client", key, password, new X509Certificate[] { certificate, this.ca.certificate() });
				keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
				keys.init(store, password);
			}
			SSLContext context = SSLContext.getInstance("TLS");
			context.init((keys != null) ? keys.getKeyManagers() : null, trust.getTrustManagers(), null);
			return context;
		}
		catch (GeneralSecurityException | IOException ex) {
			throw new IllegalStateException("Cannot build an SSL context", ex);
		}
	}

	/**
	 * Deletes the directory and its files if this material created it.
	 */
	@Override
	public void close() {
		if (!this.ownsDirectory) {
			return;
		}
		try (Stream<Path> files = Files.walk(this.directory)) {
			files.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot delete " + this.directory, ex);
		}
	}

	@Override
	public String toString() {
		return "TlsMaterial[" + this.keyType + ", " + this.directory + "]";
	}

	private CertificateFiles cached(String key, Supplier<CertificateFiles> factory) {
		this.lock.lock();
		try {
			CertificateFiles files = this.generated.get(key);
			if (files == null) {
				files = factory.get();
				this.generated.put(key, files);
			}
			return files;
		}
		finally {
			this.lock.unlock();
		}
	}

	private Issuer untrustedCa() {
		this.lock.lock();
		try {
			if (this.untrustedCa == null) {
				this.untrustedCa = newIssuer("untrusted test CA");
			}
			return this.untrustedCa;
		}
		finally {
			this.lock.unlock();
		}
	}

	private Issuer newIssuer(String commonName) {
		KeyPair keyPair = newKeyPair();
		X500Name name = name(commonName);
		Instant now = Instant.now();
		try {
			JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
			X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial(),
					Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(VALIDITY.multipliedBy(10))), name,
					keyPair.getPublic());
			builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
			builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
			builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(keyPair.getPublic()));
			return new Issuer(sign(builder, keyPair.getPrivate()), keyPair);
		}
		catch (GeneralSecurityException | IOException ex) {
			throw new IllegalStateException("Cannot create a CA certificate", ex);
		}
	}

	private CertificateFiles issueServer(Issuer issuer, String fileName, String hostName, boolean withLoopbackIp,
			boolean expired) {
		GeneralName[] names = withLoopbackIp
				? new GeneralName[] { new GeneralName(GeneralName.dNSName, hostName),
						new GeneralName(GeneralName.iPAddress, InetAddress.getLoopbackAddress().getHostAddress()) }
				: new GeneralName[] { new GeneralName(GeneralName.dNSName, hostName) };
		Issued issued = issue(issuer, hostName, KeyPurposeId.id_kp_serverAuth, new GeneralNames(names), expired);
		return write(fileName, issued.certificate(), issued.keyPair().getPrivate(), null);
	}

	private CertificateFiles issueClient(Issuer issuer, String fileName, String commonName, @Nullable String passphrase) {
		Issued issued = issue(issuer, commonName, KeyPurposeId.id_kp_clientAuth, null, false);
		if (issuer == this.ca && passphrase == null) {
			this.clientIdentities.put(commonName, new Issuer(issued.certificate(), issued.keyPair()));
		}
		return write(fileName, issued.certificate(), issued.keyPair().getPrivate(), passphrase);
	}

	private Issued issue(Issuer issuer, String commonName, KeyPurposeId purpose, @Nullable GeneralNames subjectAltNames,
			boolean expired) {
		KeyPair keyPair = newKeyPair();
		Instant now = Instant.now();
		Instant notBefore = expired ? now.minus(Duration.ofDays(30)) : now.minus(Duration.ofHours(1));
		Instant notAfter = expired ? now.minus(Duration.ofDays(1)) : now.plus(VALIDITY);
		try {
			JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
			X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer.certificate(), serial(),
					Date.from(notBefore), Date.from(notAfter), name(commonName), keyPair.getPublic());
			builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
			int usage = (this.keyType == KeyType.RSA_2048) ? KeyUsage.digitalSignature | KeyUsage.keyEncipherment
					: KeyUsage.digitalSignature;
			builder.addExtension(Extension.keyUsage, true, new KeyUsage(usage));
			builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
			builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(keyPair.getPublic()));
			builder.addExtension(Extension.authorityKeyIdentifier, false,
					utils.createAuthorityKeyIdentifier(issuer.certificate()));
			if (subjectAltNames != null) {
				builder.addExtension(Extension.subjectAlternativeName, false, subjectAltNames);
			}
			return new Issued(sign(builder, issuer.keyPair().getPrivate()), keyPair);
		}
		catch (GeneralSecurityException | IOException ex) {
			throw new IllegalStateException("Cannot issue a certificate for " + commonName, ex);
		}
	}

	private X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey issuerKey) throws GeneralSecurityException {
		try {
			return new JcaX509CertificateConverter()
				.getCertificate(builder.build(new JcaContentSignerBuilder(this.keyType.signatureAlgorithm).build(issuerKey)));
		}
		catch (OperatorCreationException ex) {
			throw new GeneralSecurityException("Cannot sign a certificate", ex);
		}
	}

	private KeyPair newKeyPair() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance(this.keyType.keyAlgorithm);
			if (this.keyType == KeyType.EC_P256) {
				generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
			}
			else {
				generator.initialize(2048, RANDOM);
			}
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot generate a " + this.keyType + " key pair", ex);
		}
	}

	private CertificateFiles write(String baseName, X509Certificate certificate, PrivateKey key, @Nullable String passphrase) {
		String unique = baseName + "-" + (++this.fileCounter);
		Path certificateFile = this.directory.resolve(unique + ".pem");
		Path keyFile = this.directory.resolve(unique + "-key.pem");
		try {
			try (Writer out = Files.newBufferedWriter(certificateFile, StandardCharsets.US_ASCII);
					JcaPEMWriter pem = new JcaPEMWriter(out)) {
				pem.writeObject(certificate);
			}
			OutputEncryptor encryptor = null;
			if (passphrase != null) {
				encryptor = new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
					.setPRF(PKCS8Generator.PRF_HMACSHA256)
					.setIterationCount(10_000)
					.setRandom(RANDOM)
					.setProvider(BOUNCY_CASTLE)
					.setPassword(passphrase.toCharArray())
					.build();
			}
			try (Writer out = Files.newBufferedWriter(keyFile, StandardCharsets.US_ASCII); JcaPEMWriter pem = new JcaPEMWriter(out)) {
				pem.writeObject(new JcaPKCS8Generator(key, encryptor));
			}
			return new CertificateFiles(certificateFile, keyFile, passphrase);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write TLS material to " + this.directory, ex);
		}
		catch (OperatorCreationException ex) {
			throw new IllegalStateException("Cannot encrypt a private key", ex);
		}
	}

	private static X500Name name(String commonName) {
		return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, "faircom-client tests")
			.addRDN(BCStyle.CN, commonName)
			.build();
	}

	private static BigInteger serial() {
		return new BigInteger(64, RANDOM).add(BigInteger.ONE);
	}

	/**
	 * The key algorithm of the generated material.
	 */
	public enum KeyType {

		/**
		 * Elliptic curve P-256 keys, SHA256withECDSA signatures (fast; the default).
		 */
		EC_P256("EC", "SHA256withECDSA"),

		/**
		 * RSA 2048-bit keys, SHA256withRSA signatures.
		 */
		RSA_2048("RSA", "SHA256withRSA");

		private final String keyAlgorithm;

		private final String signatureAlgorithm;

		KeyType(String keyAlgorithm, String signatureAlgorithm) {
			this.keyAlgorithm = keyAlgorithm;
			this.signatureAlgorithm = signatureAlgorithm;
		}

	}

	private record Issuer(X509Certificate certificate, KeyPair keyPair) {

		Issuer {
			Objects.requireNonNull(certificate);
		}

	}

	private record Issued(X509Certificate certificate, KeyPair keyPair) {
	}

}
