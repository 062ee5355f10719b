package io.github.faircomclient.test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.github.faircomclient.test.SessionRegistry.SessionLimits;
import io.github.faircomclient.test.spi.ActionException;
import io.github.faircomclient.test.spi.ReleaseReason;
import io.github.faircomclient.test.spi.Session;
import io.github.faircomclient.test.spi.SessionListener;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SessionRegistryTests {

	private final MutableEmulatorClock clock = EmulatorClock.fixed(Instant.parse("2026-01-01T00:00:00Z"));

	private final SessionSettings settings = SessionSettings.from(SessionDefaults.documented());

	@Test
	void capsCountSessionsInTotalPerUserAndPerAddress() {
		SessionRegistry registry = new SessionRegistry(this.clock, new SessionLimits(4, 2, 3));
		registry.create("ADMIN", "10.0.0.1", false, this.settings);
		registry.create("admin", "10.0.0.2", true, this.settings);
		assertThatExceptionOfType(ActionException.class).isThrownBy(() -> registry.create("Admin", "10.0.0.3", false, this.settings))
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(99015))
			.withMessage("Account 'Admin' already has 2 sessions (maxJsonApiSessionsPerUsername); delete unused sessions with deleteSession.");
		registry.create("jim", "10.0.0.1", false, this.settings);
		registry.create("joe", "10.0.0.1", false, this.settings);
		assertThatExceptionOfType(ActionException.class).isThrownBy(() -> registry.create("ann", "10.0.0.9", false, this.settings))
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(99014))
			.withMessage("The server already has 4 sessions (maxJsonApiSessions); delete unused sessions with deleteSession.");
		registry.expireAll();
		SessionRegistry perAddress = new SessionRegistry(this.clock, new SessionLimits(10, 10, 1));
		perAddress.create("ADMIN", "10.0.0.1", false, this.settings);
		assertThatExceptionOfType(ActionException.class).isThrownBy(() -> perAddress.create("jim", "10.0.0.1", false, this.settings))
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(99016))
			.withMessage("Client address 10.0.0.1 already has 1 sessions (maxJsonApiSessionsPerIpAddress); delete unused sessions with deleteSession.");
	}

	@Test
	void expiredSessionsDoNotCountTowardsTheCaps() {
		SessionRegistry registry = new SessionRegistry(this.clock, new SessionLimits(1, 1, 1));
		registry.create("ADMIN", "10.0.0.1", false, this.settings);
		this.clock.advance(Duration.ofSeconds(3600));
		assertThat(registry.create("ADMIN", "10.0.0.1", false, this.settings).authToken()).hasSize(64);
	}

	@Test
	void expiryHappensAtExactlyTheIdleTimeout() {
		SessionRegistry registry = new SessionRegistry(this.clock, SessionLimits.DOCUMENTED);
		LiveSession session = registry.create("ADMIN", "10.0.0.1", false, this.settings);
		this.clock.advance(Duration.ofSeconds(3599).plusMillis(999));
		assertThat(registry.find(session.authToken())).isSameAs(session);
		this.clock.advance(Duration.ofMillis(1));
		assertThat(registry.find(session.authToken())).isNull();
		assertThat(session.isActive()).isFalse();
	}

	@Test
	void findDoesNotTouchButTouchDoes() {
		SessionRegistry registry = new SessionRegistry(this.clock, SessionLimits.DOCUMENTED);
		LiveSession session = registry.create("ADMIN", "10.0.0.1", false, this.settings);
		this.clock.advanceSeconds(100);
		registry.find(session.authToken());
		assertThat(session.lastAccessedAt()).isEqualTo(session.createdAt());
		registry.touch(session);
		assertThat(session.lastAccessedAt()).isEqualTo(session.createdAt().plusSeconds(100));
	}

	@Test
	void listenersHearCreationAndEachReleaseOnce() {
		SessionRegistry registry = new SessionRegistry(this.clock, SessionLimits.DOCUMENTED);
		List<String> events = new ArrayList<>();
		registry.addListener(new SessionListener() {

			@Override
			public void sessionCreated(Session session) {
				events.add("created " + session.username());
			}

			@Override
			public void sessionReleased(Session session, ReleaseReason reason) {
				events.add(reason + " " + session.username());
			}

		});
		LiveSession first = registry.create("ADMIN", "10.0.0.1", false, this.settings);
		registry.create("jim", "10.0.0.1", true, this.settings);
		assertThat(registry.delete(first.authToken())).isTrue();
		assertThat(registry.delete(first.authToken())).isFalse();
		assertThat(registry.expire(first.authToken())).isFalse();
		registry.serverStopped();
		assertThat(events).containsExactly("created ADMIN", "created jim", "DELETED ADMIN", "SERVER_STOPPED jim");
		assertThat(registry.live()).extracting(LiveSession::username).containsExactly("jim");
	}

	@Test
	void tokensAreDistinct64CharacterAlphanumerics() {
		java.util.Set<String> tokens = new java.util.HashSet<>();
		for (int i = 0; i < 1000; i++) {
			String token = Tokens.newToken();
			assertThat(token).matches("[A-Za-z0-9]{64}");
			tokens.add(token);
		}
		assertThat(tokens).hasSize(1000);
	}

}
