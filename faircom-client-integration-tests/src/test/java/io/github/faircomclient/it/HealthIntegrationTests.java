package io.github.faircomclient.it;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.github.faircomclient.FairComAuthenticationException;
import io.github.faircomclient.FairComTimeoutException;
import io.github.faircomclient.FairComTlsException;
import io.github.faircomclient.FairComTransportException;
import io.github.faircomclient.autoconfigure.FairComAutoConfiguration;
import io.github.faircomclient.autoconfigure.health.FairComHealthContributorAutoConfiguration;
import io.github.faircomclient.core.FairComTemplate;
import io.github.faircomclient.test.FairComEmulator;
import io.github.faircomclient.test.tls.TlsMaterial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The {@code faircom} health indicator against the emulator over real HTTP and TLS.
 */
@ExtendWith(OutputCaptureExtension.class)
class HealthIntegrationTests {

	private FairComEmulator emulator;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, FairComAutoConfiguration.class,
				HealthContributorAutoConfiguration.class, FairComHealthContributorAutoConfiguration.class));

	@BeforeEach
	void start() {
		this.emulator = FairComEmulator.builder().httpPort(0).user("app", "secret").build().start();
	}

	@AfterEach
	void stop() {
		this.emulator.close();
	}

	private ApplicationContextRunner configured(String password) {
		return this.runner.withPropertyValues("faircom.url=" + this.emulator.httpUrl(), "faircom.username=app",
				"faircom.password=" + password);
	}

	private static Health health(org.springframework.context.ApplicationContext context) {
		return context.getBean("faircomHealthContributor", HealthIndicator.class).health();
	}

	@Test
	void upWithoutEverCreatingASession() {
		configured("secret").run((context) -> {
			Health health = health(context);
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("url", this.emulator.httpUrl().toString())
				.containsEntry("session", "none");
		});
		assertThat(this.emulator.actionCount("pingSession")).isOne();
		assertThat(this.emulator.actionCount("createSession")).isZero();
	}

	@Test
	void activeSessionReportsTheEmulatorsServerVersion() {
		configured("secret").run((context) -> {
			context.getBean(FairComTemplate.class).execute("admin", "listSessions", null);
			Health health = health(context);
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("session", "active");
			assertThat(health.getDetails().get("serverVersion").toString())
				.startsWith("FairCom JSON Action API emulator");
			assertThat(health.getDetails().get("lastLogin").toString()).contains("outcome=success");
		});
		assertThat(this.emulator.actionCount("createSession")).isOne();
	}

	@Test
	void downWhileTheServerIsStoppedAndUpAgainWhenItIsBackOnTheSamePort() {
		configured("secret").run((context) -> {
			assertThat(health(context).getStatus()).isEqualTo(Status.UP);
			this.emulator.stop();
			Health down = health(context);
			assertThat(down.getStatus()).isEqualTo(Status.DOWN);
			String error = down.getDetails().get("error").toString();
			assertThat(Class.forName(error.substring(0, error.indexOf(':'))))
				.as("a refused connection or a pooled connection the stopped server closed")
				.isAssignableTo(FairComTransportException.class);
			this.emulator.start();
			assertThat(health(context).getStatus()).isEqualTo(Status.UP);
		});
	}

	@Test
	void anOutageIsLoggedOnceWithoutAStackTraceAndTheHeldSessionIsUnconfirmed(CapturedOutput output) {
		configured("secret").run((context) -> {
			context.getBean(FairComTemplate.class).admin().pingSession();
			assertThat(health(context).getDetails()).containsEntry("session", "active");
			this.emulator.stop();
			int before = output.length();
			for (int i = 0; i < 5; i++) {
				Health down = health(context);
				assertThat(down.getStatus()).isEqualTo(Status.DOWN);
				assertThat(down.getDetails()).as("the server may have lost it").containsEntry("session", "unconfirmed");
			}
			String outage = output.toString().substring(before);
			assertThat(outage.lines().filter((line) -> line.contains("WARN"))).singleElement()
				.asString()
				.contains("FairCom server " + this.emulator.httpUrl() + " is down: ")
				.contains("(logged once until its state changes)");
			assertThat(outage).doesNotContain("\tat ").doesNotContain("Health check failed");
			this.emulator.start();
			int outageEnd = output.length();
			assertThat(health(context).getStatus()).isEqualTo(Status.UP);
			assertThat(health(context).getStatus()).isEqualTo(Status.UP);
			assertThat(output.toString().substring(outageEnd).lines()
				.filter((line) -> line.contains("FairComHealthIndicator"))).singleElement()
				.asString()
				.contains("INFO")
				.contains("FairCom server " + this.emulator.httpUrl() + " answers again");
		});
	}

	@Test
	void slowServerIsDownAfterTheHealthTimeoutNotTheCallTimeout() {
		configured("secret").withPropertyValues("faircom.health.timeout=300ms").run((context) -> {
			this.emulator.faults().latency(Duration.ofSeconds(5));
			long start = System.nanoTime();
			Health health = health(context);
			Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
			this.emulator.faults().latency(Duration.ZERO);
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails().get("error").toString())
				.startsWith(FairComTimeoutException.class.getName())
				.contains("300ms");
			assertThat(elapsed).isLessThan(Duration.ofSeconds(4));
		});
	}

	@Test
	void refusedLoginMakesItDownWithTheReasonButNoSecret() {
		configured("wrong-password").run((context) -> {
			assertThatExceptionOfType(FairComAuthenticationException.class)
				.isThrownBy(() -> context.getBean(FairComTemplate.class).execute("admin", "listSessions", null));
			Health health = health(context);
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails().get("lastLogin").toString()).contains("outcome=failure",
					FairComAuthenticationException.class.getName());
			assertThat(health.toString()).doesNotContain("wrong-password");
		});
	}

	@Test
	void untrustedServerCertificateIsDownWithATlsError() {
		try (TlsMaterial tls = TlsMaterial.generate();
				FairComEmulator https = FairComEmulator.builder().withoutHttp().httpsPort(0).tls(tls).build().start()) {
			this.runner.withPropertyValues("faircom.url=" + https.httpsUrl(), "faircom.username=ADMIN",
					"faircom.password=ADMIN")
				.run((context) -> {
					Health health = health(context);
					assertThat(health.getStatus()).isEqualTo(Status.DOWN);
					assertThat(health.getDetails().get("error").toString())
						.startsWith(FairComTlsException.class.getName());
				});
		}
	}

}
