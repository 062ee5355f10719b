package io.github.faircomclient.it;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import io.github.faircomclient.core.FairComOperations;
import io.github.faircomclient.it.support.Reliability;
import io.github.faircomclient.test.FairComEmulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * R6: many application start/stop cycles, each making a call, leave no live session on
 * the server: each cycle logs in once and logs out once. Quick form: 5 cycles; long
 * form: 100.
 */
@Tag("reliability")
class ContextCyclesIntegrationTests {

	private FairComEmulator emulator;

	@BeforeEach
	void start() {
		this.emulator = FairComEmulator.builder().httpPort(0).user("app", "secret").build().start();
	}

	@AfterEach
	void stop() {
		this.emulator.close();
	}

	@Test
	void everyCycleLogsOutAndNoSessionIsLeft() {
		int cycles = Reliability.choose(5, 100);
		long start = System.nanoTime();
		for (int cycle = 0; cycle < cycles; cycle++) {
			SpringApplication application = new SpringApplication(Application.class);
			application.setWebApplicationType(WebApplicationType.NONE);
			application.setLogStartupInfo(false);
			try (ConfigurableApplicationContext context = application.run("--faircom.url=" + this.emulator.httpUrl(),
					"--faircom.username=app", "--faircom.password=secret", "--logging.level.root=warn",
					"--faircom.session.login=" + ((cycle % 2 == 0) ? "lazy" : "eager"))) {
				assertThat(context.getBean(FairComOperations.class).execute("admin", "listSessions", null).isSuccess())
					.isTrue();
				assertThat(this.emulator.sessions()).hasSize(1);
			}
		}
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		Reliability.record("R6", cycles + " context start/stop cycles with a call each in " + took.toMillis()
				+ " ms: " + this.emulator.actionCount("createSession") + " createSession, "
				+ this.emulator.actionCount("deleteSession") + " deleteSession, " + this.emulator.sessions().size()
				+ " live sessions left");
		assertThat(this.emulator.sessions()).isEmpty();
		assertThat(this.emulator.actionCount("createSession")).isEqualTo(cycles);
		assertThat(this.emulator.actionCount("deleteSession")).isEqualTo(cycles);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class Application {

	}

}
