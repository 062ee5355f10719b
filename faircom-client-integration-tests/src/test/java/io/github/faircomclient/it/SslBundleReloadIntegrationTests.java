package io.github.faircomclient.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.github.faircomclient.FairComTlsException;
import io.github.faircomclient.autoconfigure.FairComAutoConfiguration;
import io.github.faircomclient.core.FairComTemplate;
import io.github.faircomclient.session.FairComSession;
import io.github.faircomclient.test.ClientAuth;
import io.github.faircomclient.test.FairComEmulator;
import io.github.faircomclient.test.tls.CertificateFiles;
import io.github.faircomclient.test.tls.TlsMaterial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * An SSL bundle with {@code reload-on-update=true}: replacing its PEM files while the
 * application runs switches new connections to the new material, without a restart.
 * Against the emulator's https listener that requires a client certificate and maps its
 * CN to the account of a certificate login.
 */
@ExtendWith(OutputCaptureExtension.class)
class SslBundleReloadIntegrationTests {

	private static TlsMaterial tls;

	private static FairComEmulator emulator;

	@TempDir
	Path bundleFiles;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, FairComAutoConfiguration.class));

	@BeforeAll
	static void start() {
		tls = TlsMaterial.generate();
		emulator = FairComEmulator.builder()
			.httpsPort(0)
			.tls(tls)
			.clientAuth(ClientAuth.NEED)
			.user("alice", "not-used-with-a-certificate")
			.user("bob", "not-used-with-a-certificate")
			.build()
			.start();
	}

	@AfterAll
	static void stop() {
		emulator.close();
		tls.close();
	}

	private ApplicationContextRunner reloadingBundle() throws IOException {
		replace("ca.pem", tls.caCertificate());
		replaceClient(tls.clientCertificate("alice"));
		return this.runner.withPropertyValues(
				"spring.ssl.bundle.pem.faircom.truststore.certificate=" + file("ca.pem"),
				"spring.ssl.bundle.pem.faircom.keystore.certificate=" + file("client.pem"),
				"spring.ssl.bundle.pem.faircom.keystore.private-key=" + file("client-key.pem"),
				"spring.ssl.bundle.pem.faircom.reload-on-update=true",
				"spring.ssl.bundle.watch.file.quiet-period=100ms", "faircom.url=" + emulator.httpsUrl(),
				"faircom.ssl.bundle=faircom");
	}

	@Test
	void newClientCertificateIsUsedForTheNextLoginWithoutARestart(CapturedOutput output) throws IOException {
		reloadingBundle().run((context) -> {
			FairComTemplate template = context.getBean(FairComTemplate.class);
			template.execute("admin", "pingSession", null);
			assertThat(username(template)).isEqualToIgnoringCase("alice");
			assertThat(template.execute("admin", "listSessions", null).isSuccess()).as("a pooled connection exists")
				.isTrue();
			replaceClient(tls.clientCertificate("bob"));
			await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
				emulator.faults().expireAllSessions();
				template.execute("admin", "pingSession", null);
				assertThat(username(template)).isEqualToIgnoringCase("bob");
			});
			assertThat(emulator.sessions()).singleElement()
				.satisfies((session) -> assertThat(session.username()).isEqualToIgnoringCase("bob"));
			assertThat(output).contains("Reloaded the SSL bundle of FairCom server " + emulator.httpsUrl());
		});
	}

	@Test
	void newTrustFilesApplyToNewConnections() throws IOException {
		reloadingBundle().run((context) -> {
			FairComTemplate template = context.getBean(FairComTemplate.class);
			template.execute("admin", "pingSession", null);
			replace("ca.pem", tls.untrustedCaCertificate());
			await().atMost(Duration.ofSeconds(20))
				.pollInterval(Duration.ofMillis(100))
				.untilAsserted(() -> assertThatExceptionOfType(FairComTlsException.class)
					.isThrownBy(() -> template.execute("admin", "pingSession", null))
					.withMessageContaining("not signed by a CA the client trusts"));
			replace("ca.pem", tls.caCertificate());
			await().atMost(Duration.ofSeconds(20))
				.pollInterval(Duration.ofMillis(100))
				.ignoreException(FairComTlsException.class)
				.until(() -> template.execute("admin", "pingSession", null).isSuccess());
		});
	}

	private static String username(FairComTemplate template) {
		FairComSession session = template.getSessionManager().getCurrentSession();
		return (session != null) ? String.valueOf(session.getUsername()) : "";
	}

	private String file(String name) {
		return this.bundleFiles.resolve(name).toUri().toString();
	}

	private void replaceClient(CertificateFiles client) throws IOException {
		replace("client-key.pem", client.privateKey());
		replace("client.pem", client.certificate());
	}

	/**
	 * Replace a bundle file in one step, as a deployment tool would, so that the watcher
	 * never sees half a file.
	 */
	private void replace(String name, Path source) throws IOException {
		Path staged = Files.createTempFile(this.bundleFiles.getParent(), name, ".tmp");
		Files.copy(source, staged, StandardCopyOption.REPLACE_EXISTING);
		Files.move(staged, this.bundleFiles.resolve(name), StandardCopyOption.REPLACE_EXISTING,
				StandardCopyOption.ATOMIC_MOVE);
	}

}
