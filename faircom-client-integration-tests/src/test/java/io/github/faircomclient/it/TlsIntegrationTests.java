package io.github.faircomclient.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.github.faircomclient.FairComTlsException;
import io.github.faircomclient.autoconfigure.FairComAutoConfiguration;
import io.github.faircomclient.core.FairComTemplate;
import io.github.faircomclient.session.ClientCertificateAuthentication;
import io.github.faircomclient.session.FairComAuthentication;
import io.github.faircomclient.test.ClientAuth;
import io.github.faircomclient.test.FairComEmulator;
import io.github.faircomclient.test.tls.CertificateFiles;
import io.github.faircomclient.test.tls.TlsMaterial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * TLS and mutual TLS with PEM SSL bundles configured through {@code spring.ssl.bundle.*},
 * against the emulator's https listener that requires a client certificate.
 */
class TlsIntegrationTests {

	private static TlsMaterial tls;

	private static FairComEmulator emulator;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, FairComAutoConfiguration.class));

	@BeforeAll
	static void start() {
		tls = TlsMaterial.generate();
		emulator = FairComEmulator.builder()
			.httpsPort(0)
			.tls(tls)
			.clientAuth(ClientAuth.NEED)
			.user("app", "secret")
			.user("robot", "not-used-with-a-certificate")
			.build()
			.start();
	}

	@AfterAll
	static void stop() {
		emulator.stop();
		tls.close();
	}

	private static String[] bundle(String name, CertificateFiles client) {
		return new String[] {
				"spring.ssl.bundle.pem." + name + ".truststore.certificate=" + tls.caCertificate().toUri(),
				"spring.ssl.bundle.pem." + name + ".keystore.certificate=" + client.certificate().toUri(),
				"spring.ssl.bundle.pem." + name + ".keystore.private-key=" + client.privateKey().toUri() };
	}

	@Test
	void clientCertificateLoginOverMutualTls() {
		this.runner.withPropertyValues(bundle("faircom", tls.clientCertificate("robot")))
			.withPropertyValues("faircom.url=" + emulator.httpsUrl(), "faircom.ssl.bundle=faircom")
			.run((context) -> {
				assertThat(context.getBean(FairComAuthentication.class))
					.isInstanceOf(ClientCertificateAuthentication.class);
				FairComTemplate template = context.getBean(FairComTemplate.class);
				template.execute("admin", "listSessions", null);
				assertThat(template.getSessionManager().getCurrentSession().getUsername())
					.isEqualToIgnoringCase("robot");
				assertThat(emulator.sessions()).anySatisfy(
						(session) -> assertThat(session.username()).isEqualToIgnoringCase("robot"));
			});
	}

	@Test
	void passwordLoginOverMutualTls() {
		long before = emulator.actionCount("createSession");
		this.runner.withPropertyValues(bundle("faircom", tls.clientCertificate("app")))
			.withPropertyValues("faircom.url=" + emulator.httpsUrl(), "faircom.ssl.bundle=faircom",
					"faircom.username=app", "faircom.password=secret")
			.run((context) -> {
				FairComTemplate template = context.getBean(FairComTemplate.class);
				assertThat(template.execute("admin", "pingSession", null).isSuccess()).isTrue();
				assertThat(template.getSessionManager().getCurrentSession().getUsername()).isEqualToIgnoringCase("app");
			});
		assertThat(emulator.actionCount("createSession")).isEqualTo(before + 1);
	}

	@Test
	void serverCertificateForAnotherHostIsRefusedUnlessHostnameVerificationIsOff() {
		CertificateFiles wrongHost = tls.wrongHostnameServerCertificate();
		FairComEmulator misnamed = FairComEmulator.builder()
			.httpsPort(0)
			.serverCertificate(wrongHost.certificate(), wrongHost.privateKey())
			.clientAuth(ClientAuth.NONE)
			.user("app", "secret")
			.build()
			.start();
		try {
			ApplicationContextRunner misnamedRunner = this.runner
				.withPropertyValues(
						"spring.ssl.bundle.pem.faircom.truststore.certificate=" + tls.caCertificate().toUri())
				.withPropertyValues("faircom.url=" + misnamed.httpsUrl(), "faircom.ssl.bundle=faircom",
						"faircom.username=app", "faircom.password=secret");
			misnamedRunner.run((context) -> assertThatExceptionOfType(FairComTlsException.class)
				.isThrownBy(() -> context.getBean(FairComTemplate.class).execute("admin", "pingSession", null)));
			assertThat(misnamed.actionCount("createSession")).isZero();
			misnamedRunner.withPropertyValues("faircom.ssl.verify-hostname=false")
				.run((context) -> assertThat(
						context.getBean(FairComTemplate.class).execute("admin", "pingSession", null).isSuccess())
					.isTrue());
			assertThat(misnamed.actionCount("createSession")).isOne();
		}
		finally {
			misnamed.stop();
		}
	}

	@Test
	void serverNotTrustedByTheJvmDefaultsIsRefused() {
		FairComTemplate template = FairComTemplate.builder()
			.url(emulator.httpsUrl())
			.credentials("app", "secret")
			.build();
		try {
			assertThatExceptionOfType(FairComTlsException.class)
				.isThrownBy(() -> template.execute("admin", "pingSession", null));
		}
		finally {
			template.destroy();
		}
	}

}
