package io.github.faircomclient.it;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.annotation.PreDestroy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import io.github.faircomclient.FairComAuthenticationException;
import io.github.faircomclient.core.FairComOperations;
import io.github.faircomclient.core.FairComTemplate;
import io.github.faircomclient.session.FairComSessionCreatedEvent;
import io.github.faircomclient.session.FairComSessionDeletedEvent;
import io.github.faircomclient.session.FairComSessionEvent;
import io.github.faircomclient.test.FairComEmulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Full {@link SpringApplication} runs with the starter against the emulator.
 */
@ExtendWith(OutputCaptureExtension.class)
class SpringApplicationIntegrationTests {

	private FairComEmulator emulator;

	@BeforeEach
	void start() {
		this.emulator = FairComEmulator.builder().httpPort(0).user("app", "secret").build().start();
	}

	@AfterEach
	void stop() {
		this.emulator.stop();
	}

	private ConfigurableApplicationContext run(String... args) {
		SpringApplication application = new SpringApplication(Application.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		return application.run(args);
	}

	@Test
	void applicationCallsDuringShutdownAndLogsOutExactlyOnce() {
		ConfigurableApplicationContext context = run("--faircom.url=" + this.emulator.httpUrl(),
				"--faircom.username=app", "--faircom.password=secret", "--spring.application.name=orders");
		Recorder recorder = context.getBean(Recorder.class);
		context.getBean(FairComOperations.class).execute("admin", "listSessions", null);
		assertThat(this.emulator.sessions()).singleElement()
			.satisfies((session) -> assertThat(session.description()).startsWith("orders"));
		context.close();
		assertThat(recorder.shutdownCallSucceeded).isTrue();
		assertThat(this.emulator.actionCount("createSession")).isOne();
		assertThat(this.emulator.actionCount("deleteSession")).isOne();
		assertThat(this.emulator.sessions()).isEmpty();
		assertThat(recorder.events).hasSize(2);
		assertThat(recorder.events.get(0)).isInstanceOf(FairComSessionCreatedEvent.class);
		assertThat(recorder.events.get(1)).isInstanceOf(FairComSessionDeletedEvent.class);
	}

	@Test
	void eagerLoginWithBadCredentialsFailsTheStartupWithAnAnalysisNotAStackTrace(CapturedOutput output) {
		assertThatException()
			.isThrownBy(() -> run("--faircom.url=" + this.emulator.httpUrl(), "--faircom.username=app",
					"--faircom.password=wrong", "--faircom.session.login=eager"))
			.satisfies((ex) -> {
				Throwable cause = ex;
				while (cause != null && !(cause instanceof FairComAuthenticationException)) {
					cause = cause.getCause();
				}
				assertThat(cause).isInstanceOf(FairComAuthenticationException.class);
			});
		assertThat(this.emulator.actionCount("createSession")).isOne();
		String report = output.toString().substring(output.toString().indexOf("APPLICATION FAILED TO START"));
		assertThat(report).contains("The FairCom client could not log in while the application started")
			.contains("Server: " + this.emulator.httpUrl())
			.contains("Failure: FairComAuthenticationException")
			.contains("Check faircom.username and faircom.password")
			.doesNotContain("\tat ")
			.doesNotContain("wrong");
	}

	@Test
	void eagerLoginHappensDuringStartup() {
		try (ConfigurableApplicationContext context = run("--faircom.url=" + this.emulator.httpUrl(),
				"--faircom.username=app", "--faircom.password=secret", "--faircom.session.login=eager")) {
			assertThat(this.emulator.actionCount("createSession")).isOne();
			assertThat(context.getBean(FairComTemplate.class).getSessionManager().getCurrentSession()).isNotNull();
		}
		assertThat(this.emulator.actionCount("deleteSession")).isOne();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class Application {

		@Bean
		Recorder recorder(FairComOperations fairCom) {
			return new Recorder(fairCom);
		}

	}

	static class Recorder {

		private final FairComOperations fairCom;

		final List<FairComSessionEvent> events = new CopyOnWriteArrayList<>();

		volatile boolean shutdownCallSucceeded;

		Recorder(FairComOperations fairCom) {
			this.fairCom = fairCom;
		}

		@EventListener
		void on(FairComSessionEvent event) {
			this.events.add(event);
		}

		@PreDestroy
		void callWhileShuttingDown() {
			this.shutdownCallSucceeded = this.fairCom.execute("admin", "pingSession", null).isSuccess();
		}

	}

}
