package io.github.faircomclient.test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.cert.X509Certificate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class TlsFilesTests {

	@Test
	void writesACaAServerCertificateForLocalhostAndAClientCertificateForTheAccount(@TempDir Path folder) throws Exception {
		Path target = folder.resolve("tls");
		String summary = write(target, "jim");
		X509Certificate ca = SslContexts.certificate(target.resolve("ca.pem"));
		X509Certificate server = SslContexts.certificate(target.resolve("server.pem"));
		X509Certificate client = SslContexts.certificate(target.resolve("client.pem"));
		assertThat(ca.getBasicConstraints()).as("a CA").isGreaterThanOrEqualTo(0);
		server.verify(ca.getPublicKey());
		client.verify(ca.getPublicKey());
		List<String> alternativeNames = server.getSubjectAlternativeNames().stream().map((name) -> String.valueOf(name.get(1))).toList();
		assertThat(alternativeNames).containsExactlyInAnyOrder("localhost", "127.0.0.1");
		assertThat(client.getSubjectX500Principal().getName()).contains("CN=jim");
		assertThat(PemKeyStores.privateKey(target.resolve("server-key.pem"), null).getAlgorithm()).isEqualTo("EC");
		assertThat(PemKeyStores.privateKey(target.resolve("client-key.pem"), null)).isNotNull();
		try (var files = Files.list(target)) {
			assertThat(files.map((file) -> file.getFileName().toString())).containsExactlyInAnyOrder("ca.pem", "server.pem",
					"server-key.pem", "client.pem", "client-key.pem");
		}
		if (Files.getFileStore(target).supportsFileAttributeView("posix")) {
			assertThat(Files.getPosixFilePermissions(target.resolve("client-key.pem")))
				.containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
			assertThat(Files.getPosixFilePermissions(target.resolve("server-key.pem")))
				.containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
		}
		List<String> lines = summary.lines().toList();
		assertThat(lines.get(0)).isEqualTo("Wrote TLS files to " + target.toAbsolutePath() + ":");
		assertThat(lines).contains("  client.pem      client certificate with CN=jim: it logs in as the account jim",
				"  java -jar faircom-client-test-<version>-emulator.jar --cert " + target.resolve("server.pem") + " --key "
						+ target.resolve("server-key.pem") + " --client-ca " + target.resolve("ca.pem")
						+ " --user jim:<password>",
				"  faircom.url=https://localhost:8443/api", "  faircom.ssl.bundle=faircom",
				"  spring.ssl.bundle.pem.faircom.truststore.certificate=" + target.resolve("ca.pem").toUri(),
				"  spring.ssl.bundle.pem.faircom.keystore.certificate=" + target.resolve("client.pem").toUri(),
				"  spring.ssl.bundle.pem.faircom.keystore.private-key=" + target.resolve("client-key.pem").toUri());
	}

	@Test
	void theDefaultAccountNeedsNoUserOption(@TempDir Path folder) {
		String summary = write(folder, "ADMIN");
		assertThat(summary).contains("CN=ADMIN").doesNotContain("--user");
	}

	@Test
	void neverOverwritesAFile(@TempDir Path folder) throws Exception {
		Files.writeString(folder.resolve("client-key.pem"), "mine");
		assertThatIllegalStateException().isThrownBy(() -> write(folder, "ADMIN"))
			.withMessage(folder.resolve("client-key.pem") + " already exists; write into an empty folder or delete the old files first");
		assertThat(Files.readString(folder.resolve("client-key.pem"))).isEqualTo("mine");
		try (var files = Files.list(folder)) {
			assertThat(files).hasSize(1);
		}
	}

	private static String write(Path folder, String commonName) {
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		TlsFiles.write(folder, commonName, new PrintStream(output, true, StandardCharsets.UTF_8));
		return output.toString(StandardCharsets.UTF_8);
	}

}
