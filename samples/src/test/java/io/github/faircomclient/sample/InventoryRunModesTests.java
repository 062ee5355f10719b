package io.github.faircomclient.sample;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

import io.github.faircomclient.core.FairComTemplate;
import io.github.faircomclient.sample.inventory.Inventory;
import io.github.faircomclient.test.ClientAuth;
import io.github.faircomclient.test.FairComEmulator;
import io.github.faircomclient.test.tls.CertificateFiles;
import io.github.faircomclient.test.tls.TlsMaterial;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the sample runs, as its README says: from the test classpath on an embedded emulator
 * ({@link TestInventoryApplication}), which stops only after the template logged out; by
 * default against the standalone emulator's account on port 8080 while serving on 8081; and
 * with the {@code tls} and {@code mtls} profiles against an emulator that serves HTTPS only
 * and asks for client certificates (only the environment variables the profiles read are
 * set; the mtls profile's empty user name and password turn application.yml's defaults
 * off).
 */
class InventoryRunModesTests {

	private static TlsMaterial tls;

	private static FairComEmulator emulator;

	@BeforeAll
	static void start() {
		tls = TlsMaterial.generate();
		emulator = FairComEmulator.builder()
			.withoutHttp()
			.httpsPort(0)
			.tls(tls)
			.clientAuth(ClientAuth.WANT)
			.user("ADMIN", "admin-password")
			.user("inventory", "not-used-with-a-certificate")
			.build()
			.start();
	}

	@AfterAll
	static void stop() {
		emulator.close();
		tls.close();
	}

	private static ConfigurableApplicationContext run(String profile, String... variables) {
		SpringApplication application = new SpringApplication(InventoryApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setAdditionalProfiles(profile);
		String[] args = new String[variables.length + 1];
		args[0] = "--FAIRCOM_URL=" + emulator.httpsUrl();
		System.arraycopy(variables, 0, args, 1, variables.length);
		return application.run(args);
	}

	@Test
	void testInventoryApplicationRunsOnAnEmbeddedEmulatorThatStopsOnlyAfterTheTemplateLoggedOut() {
		FairComEmulator embedded;
		try (ConfigurableApplicationContext context = SpringApplication.from(InventoryApplication::main)
			.with(TestInventoryApplication.EmbeddedEmulator.class)
			.run("--spring.main.web-application-type=none")
			.getApplicationContext()) {
			embedded = context.getBean(FairComEmulator.class);
			FairComTemplate template = context.getBean(FairComTemplate.class);
			assertThat(template.getUrl()).isEqualTo(embedded.httpUrl());
			assertThat(embedded.sessions()).as("the inventory logged in at startup").hasSize(1);
		}
		assertThat(embedded.isRunning()).isFalse();
		assertThat(embedded.actionCount("deleteSession")).as("logged out while the emulator still ran").isOne();
		assertThat(embedded.sessions()).isEmpty();
	}

	@Test
	void byDefaultItServesOn8081AndLogsInToTheStandaloneEmulatorsAccount() {
		try (FairComEmulator standalone = FairComEmulator.builder().httpPort(0).build().start()) {
			SpringApplication application = new SpringApplication(InventoryApplication.class);
			application.setWebApplicationType(WebApplicationType.NONE);
			try (ConfigurableApplicationContext context = application.run("--FAIRCOM_URL=" + standalone.httpUrl())) {
				assertThat(context.getEnvironment().getProperty("server.port")).isEqualTo("8081");
				assertThat(context.getBean(FairComTemplate.class).getSessionManager().getCurrentSession().getUsername())
					.isEqualToIgnoringCase("ADMIN");
			}
			assertThat(standalone.sessions()).isEmpty();
		}
	}

	@Test
	void tlsProfileLogsInWithThePasswordAndTrustsTheServerThroughTheBundle() {
		try (ConfigurableApplicationContext context = run("tls", "--FAIRCOM_PASSWORD=admin-password",
				"--FAIRCOM_CA=" + tls.caCertificate().toUri())) {
			assertThat(context.containsBean("fairComEmulator")).as("no embedded emulator").isFalse();
			assertThat(context.getBean(FairComTemplate.class).getSessionManager().getCurrentSession().getUsername())
				.as("the inventory logged in at startup").isEqualToIgnoringCase("ADMIN");
			assertThat(context.getBean(Inventory.class).createTableIfMissing()).isFalse();
		}
		assertThat(emulator.sessions()).isEmpty();
	}

	@Test
	void mtlsProfileLogsInWithTheClientCertificate() {
		CertificateFiles client = tls.clientCertificate("inventory");
		try (ConfigurableApplicationContext context = run("mtls", "--FAIRCOM_CA=" + tls.caCertificate().toUri(),
				"--FAIRCOM_CLIENT_CERT=" + client.certificate().toUri(),
				"--FAIRCOM_CLIENT_KEY=" + client.privateKey().toUri())) {
			assertThat(context.getBean(FairComTemplate.class).getSessionManager().getCurrentSession().getUsername())
				.isEqualToIgnoringCase("inventory");
			assertThat(context.getBean(Inventory.class).createTableIfMissing()).isFalse();
		}
		assertThat(emulator.sessions()).isEmpty();
	}

}
