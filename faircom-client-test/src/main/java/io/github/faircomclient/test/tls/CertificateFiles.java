package io.github.faircomclient.test.tls;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A PEM certificate and its PEM private key on disk, e.g. for Spring's
 * {@code spring.ssl.bundle.pem.<name>.keystore.certificate} and {@code .private-key} (use
 * {@code path.toUri()} for a {@code file:} location). {@link #toString()} does not show the passphrase.
 */
public final class CertificateFiles {

	private final Path certificate;

	private final Path privateKey;

	private final @Nullable String passphrase;

	CertificateFiles(Path certificate, Path privateKey, @Nullable String passphrase) {
		this.certificate = Objects.requireNonNull(certificate, "certificate");
		this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
		this.passphrase = passphrase;
	}

	/**
	 * The certificate (PEM, {@code CERTIFICATE}).
	 * @return the path
	 */
	public Path certificate() {
		return this.certificate;
	}

	/**
	 * The private key (PEM, PKCS#8 {@code PRIVATE KEY} or, when encrypted, {@code ENCRYPTED PRIVATE KEY}).
	 * @return the path
	 */
	public Path privateKey() {
		return this.privateKey;
	}

	/**
	 * The passphrase of an encrypted private key.
	 * @return the passphrase, empty when the key is not encrypted
	 */
	public Optional<String> passphrase() {
		return Optional.ofNullable(this.passphrase);
	}

	@Override
	public String toString() {
		return "CertificateFiles[certificate=" + this.certificate + ", privateKey=" + this.privateKey
				+ ((this.passphrase != null) ? ", encrypted" : "") + "]";
	}

}
