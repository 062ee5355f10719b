package io.github.faircomclient.it;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.github.faircomclient.FairComException;
import io.github.faircomclient.FairComTlsException;
import io.github.faircomclient.FairComTransportException;
import io.github.faircomclient.autoconfigure.FairComAutoConfiguration;
import io.github.faircomclient.core.FairComTemplate;
import io.github.faircomclient.test.ClientAuth;
import io.github.faircomclient.test.FairComEmulator;
import io.github.faircomclient.test.FairComEmulatorBuilder;
import io.github.faircomclient.test.tls.CertificateFiles;
import io.github.faircomclient.test.tls.TlsMaterial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every TLS refusal ends the call without a login, with an exception whose message says
 * what to check: an untrusted, expired or misnamed server certificate (a
 * {@link FairComTlsException}, not retried), and a missing or unknown client certificate
 * (a {@link FairComTlsException}, or a transport failure when the TLS 1.3 server closed
 * the connection before the client read its alert).
 */
class TlsRefusalIntegrationTests {

	private static TlsMaterial tls;

	private static final List<FairComEmulator> emulators = new ArrayList<>();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, FairComAutoConfiguration.class));

	@BeforeAll
	static void generate() {
		tls = TlsMaterial.generate();
	}

	@AfterAll
	static void stop() {
		emulators.forEach(FairComEmulator::close);
		tls.close();
	}

	private static FairComEmulator serverWith(CertificateFiles certificate, ClientAuth clientAuth) {
		FairComEmulatorBuilder builder = FairComEmulator.builder()
			.httpsPort(0)
			.serverCertificate(certificate.certificate(), certificate.privateKey())
			.clientCertificateTrust(tls.caCertificate())
			.clientAuth(clientAuth)
			.user("app", "secret");
		FairComEmulator emulator = builder.build().start();
		emulators.add(emulator);
		return emulator;
	}

	private void assertRefused(FairComEmulator emulator, List<String> bundle, String advice) {
		assertRefused(emulator, bundle, (ex) -> {
			assertThat(ex).isInstanceOf(FairComTlsException.class).hasMessageContaining(advice);
			assertThat(ex.getSuppressed()).as("not retried").isEmpty();
		});
	}

	/**
	 * A TLS 1.3 server checks the client certificate after the client has finished the
	 * handshake: depending on timing the client reads its alert (a TLS failure) or finds
	 * the connection closed (a transport failure, retried like any dropped connection).
	 * Either way the message points at the client certificate.
	 */
	private void assertClientCertificateRefused(FairComEmulator emulator, List<String> bundle) {
		assertRefused(emulator, bundle, (ex) -> {
			if (ex instanceof FairComTlsException) {
				assertThat(ex).hasMessageContaining("refused the client certificate or expected one");
			}
			else {
				assertThat(ex).hasMessageContaining("refusing the client certificate or requires one");
			}
			assertThat(ex).hasMessageContaining("spring.ssl.bundle.pem.<name>.keystore");
		});
	}

	private void assertRefused(FairComEmulator emulator, List<String> bundle, Consumer<FairComException> check) {
		List<String> properties = new ArrayList<>(bundle);
		properties.add("faircom.url=" + emulator.httpsUrl());
		properties.add("faircom.ssl.bundle=faircom");
		properties.add("faircom.username=app");
		properties.add("faircom.password=secret");
		this.runner.withPropertyValues(properties.toArray(String[]::new)).run((context) -> {
			FairComTemplate template = context.getBean(FairComTemplate.class);
			assertThatExceptionOfType(FairComTransportException.class)
				.isThrownBy(() -> template.execute("admin", "listSessions", null))
				.satisfies((ex) -> {
					check.accept(ex);
					assertThat(ex.getMessage()).doesNotContain("secret");
				});
		});
		assertThat(emulator.actionCount("createSession")).isZero();
	}

	private static List<String> trustOnly() {
		return List.of("spring.ssl.bundle.pem.faircom.truststore.certificate=" + tls.caCertificate().toUri());
	}

	private static List<String> withClient(CertificateFiles client) {
		return List.of("spring.ssl.bundle.pem.faircom.truststore.certificate=" + tls.caCertificate().toUri(),
				"spring.ssl.bundle.pem.faircom.keystore.certificate=" + client.certificate().toUri(),
				"spring.ssl.bundle.pem.faircom.keystore.private-key=" + client.privateKey().toUri());
	}

	@Test
	void serverCertificateFromAnUntrustedCa() {
		assertRefused(serverWith(tls.untrustedServerCertificate(), ClientAuth.NONE), trustOnly(),
				"not signed by a CA the client trusts");
	}

	@Test
	void serverCertificateForAnotherHost() {
		assertRefused(serverWith(tls.wrongHostnameServerCertificate(), ClientAuth.NONE), trustOnly(),
				"does not name the host in faircom.url");
	}

	@Test
	void expiredServerCertificate() {
		assertRefused(serverWith(tls.expiredServerCertificate(), ClientAuth.NONE), trustOnly(),
				"outside its validity period");
	}

	@Test
	void missingClientCertificate() {
		assertClientCertificateRefused(serverWith(tls.server(), ClientAuth.NEED), trustOnly());
	}

	@Test
	void clientCertificateFromAnUnknownCa() {
		assertClientCertificateRefused(serverWith(tls.server(), ClientAuth.NEED),
				withClient(tls.untrustedClientCertificate("app")));
	}

	@Test
	void anHttpsUrlPointingAtAServiceThatNeverAnswersTheHandshakeIsATlsFailureSentOnce() throws Exception {
		java.util.concurrent.atomic.AtomicInteger accepted = new java.util.concurrent.atomic.AtomicInteger();
		try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 10, java.net.InetAddress.getLoopbackAddress())) {
			Thread acceptor = new Thread(() -> {
				List<java.net.Socket> held = new ArrayList<>();
				while (!silent.isClosed()) {
					try {
						held.add(silent.accept());
						accepted.incrementAndGet();
					}
					catch (java.io.IOException ex) {
						held.forEach((socket) -> {
							try {
								socket.close();
							}
							catch (java.io.IOException ignored) {
								// closing anyway
							}
						});
					}
				}
			}, "silent-tcp");
			acceptor.setDaemon(true);
			acceptor.start();
			try (FairComTemplate template = FairComTemplate.builder()
				.url("https://127.0.0.1:" + silent.getLocalPort() + "/api")
				.credentials("app", "secret")
				.connectTimeout(java.time.Duration.ofMillis(300))
				.build()) {
				assertThatExceptionOfType(FairComTlsException.class)
					.isThrownBy(() -> template.execute("admin", "listSessions", null))
					.withMessageContaining("the TLS handshake got no answer within 300 ms")
					.withMessageContaining("Is the service at that port speaking TLS?");
			}
			assertThat(accepted.get()).as("a TLS failure is not retried").isOne();
		}
	}

}
