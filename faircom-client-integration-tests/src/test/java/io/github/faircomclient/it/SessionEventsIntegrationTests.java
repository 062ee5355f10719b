package io.github.faircomclient.it;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.EventListener;

import io.github.faircomclient.FairComAuthenticationException;
import io.github.faircomclient.autoconfigure.FairComAutoConfiguration;
import io.github.faircomclient.core.FairComTemplate;
import io.github.faircomclient.session.FairComLoginFailedEvent;
import io.github.faircomclient.session.FairComSession;
import io.github.faircomclient.session.FairComSessionCreatedEvent;
import io.github.faircomclient.session.FairComSessionDeletedEvent;
import io.github.faircomclient.session.FairComSessionExpiredEvent;
import io.github.faircomclient.test.FairComEmulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The session events reach {@code @EventListener} methods of the application context, end
 * to end against the emulator, and an operator at INFO sees the same lifecycle in the log
 * (issue 13, F12).
 */
@ExtendWith(OutputCaptureExtension.class)
class SessionEventsIntegrationTests {

	private FairComEmulator emulator;

	private final List<ApplicationEvent> events = new CopyOnWriteArrayList<>();

	@BeforeEach
	void start() {
		this.emulator = FairComEmulator.builder()
			.httpPort(0)
			.user("app", "secret")
			.user("app2", "secret-password")
			.build()
			.start();
	}

	@AfterEach
	void stop() {
		this.emulator.close();
	}

	private ApplicationContextRunner runner(String password) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, FairComAutoConfiguration.class))
			.withBean(Listener.class, () -> new Listener(this.events))
			.withPropertyValues("faircom.url=" + this.emulator.httpUrl(), "faircom.username=app",
					"faircom.password=" + password);
	}

	@Test
	void createdExpiredReplacedAndDeleted() {
		runner("secret").run((context) -> {
			FairComTemplate template = context.getBean(FairComTemplate.class);
			template.execute("admin", "listSessions", null);
			FairComSession first = template.getSessionManager().getCurrentSession();
			assertThat(this.emulator.faults().expireSession(first.getToken())).isTrue();
			template.execute("admin", "listSessions", null);
		});
		assertThat(this.events).hasSize(4);
		FairComSessionCreatedEvent created = (FairComSessionCreatedEvent) this.events.get(0);
		assertThat(created.isReplacement()).isFalse();
		assertThat(((FairComSessionExpiredEvent) this.events.get(1)).getSession()).isSameAs(created.getSession());
		FairComSessionCreatedEvent replacement = (FairComSessionCreatedEvent) this.events.get(2);
		assertThat(replacement.getReplaced()).isSameAs(created.getSession());
		assertThat(((FairComSessionDeletedEvent) this.events.get(3)).getSession())
			.isSameAs(replacement.getSession());
		assertThat(this.emulator.sessions()).isEmpty();
	}

	@Test
	void theLifecycleIsLoggedAtInfoWithoutTokensOrPasswords(CapturedOutput output) {
		List<String> tokens = new CopyOnWriteArrayList<>();
		runner("secret-password").withPropertyValues("faircom.username=app2").run((context) -> {
			FairComTemplate template = context.getBean(FairComTemplate.class);
			template.execute("admin", "listSessions", null);
			tokens.add(template.getSessionManager().getCurrentSession().getToken());
			this.emulator.faults().expireSession(tokens.get(0));
			template.execute("admin", "listSessions", null);
			tokens.add(template.getSessionManager().getCurrentSession().getToken());
		});
		List<String> lifecycle = output.toString()
			.lines()
			.filter((line) -> line.contains("LifecycleAwareSessionManager"))
			.toList();
		assertThat(lifecycle).hasSize(4).allSatisfy((line) -> assertThat(line).contains(" INFO "));
		assertThat(lifecycle.get(0)).contains("Created FairCom session FairComSession[token=******, username=app");
		assertThat(lifecycle.get(1)).contains("FairCom session expired; the next call logs in again");
		assertThat(lifecycle.get(2)).contains("Replaced the expired FairCom session with FairComSession[token=******");
		assertThat(lifecycle.get(3)).contains("Deleted FairCom session on shutdown: FairComSession[token=******");
		assertThat(output.toString()).doesNotContain(tokens.get(0))
			.doesNotContain(tokens.get(1))
			.doesNotContain("secret-password");
	}

	@Test
	void refusedLoginIsPublished() {
		runner("wr0ng-pa55").run((context) -> assertThatExceptionOfType(FairComAuthenticationException.class)
			.isThrownBy(() -> context.getBean(FairComTemplate.class).execute("admin", "listSessions", null)));
		assertThat(this.events).singleElement()
			.isInstanceOfSatisfying(FairComLoginFailedEvent.class, (event) -> assertThat(event.getException())
				.isInstanceOf(FairComAuthenticationException.class)
				.hasMessageNotContaining("wr0ng-pa55"));
	}

	static class Listener {

		private final List<ApplicationEvent> events;

		Listener(List<ApplicationEvent> events) {
			this.events = events;
		}

		@EventListener({ FairComSessionCreatedEvent.class, FairComSessionExpiredEvent.class,
				FairComSessionDeletedEvent.class, FairComLoginFailedEvent.class })
		void on(ApplicationEvent event) {
			this.events.add(event);
		}

	}

}
