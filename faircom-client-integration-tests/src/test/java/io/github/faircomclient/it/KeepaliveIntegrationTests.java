package io.github.faircomclient.it;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.faircomclient.core.FairComTemplate;
import io.github.faircomclient.session.FairComSessionSettings;
import io.github.faircomclient.test.EmulatorClock;
import io.github.faircomclient.test.FairComEmulator;
import io.github.faircomclient.test.MutableEmulatorClock;
import io.github.faircomclient.testsupport.DrivenTaskScheduler;
import io.github.faircomclient.testsupport.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keepalive against the emulator, with the emulator's clock and a driven scheduler moved
 * in step: no sleeps.
 */
class KeepaliveIntegrationTests {

	private static final Instant START = Instant.parse("2026-03-01T08:00:00Z");

	private final MutableEmulatorClock serverClock = EmulatorClock.fixed(START);

	private final MutableClock clientClock = new MutableClock(START);

	private final DrivenTaskScheduler scheduler = new DrivenTaskScheduler(this.clientClock);

	private FairComEmulator emulator;

	private FairComTemplate template;

	@AfterEach
	void stop() {
		this.template.destroy();
		this.emulator.stop();
	}

	private void start(boolean keepalive) {
		this.emulator = FairComEmulator.builder()
			.httpPort(0)
			.user("app", "secret")
			.clock(this.serverClock)
			.build()
			.start();
		this.template = FairComTemplate.builder()
			.url(this.emulator.httpUrl())
			.credentials("app", "secret")
			.sessionSettings(FairComSessionSettings.builder().idleTimeout(Duration.ofSeconds(60)).build())
			.keepalive(keepalive)
			.taskScheduler(this.scheduler)
			.clock(this.clientClock)
			.build();
	}

	private void advance(Duration duration) {
		Duration step = Duration.ofSeconds(1);
		for (Duration done = Duration.ZERO; done.compareTo(duration) < 0; done = done.plus(step)) {
			this.serverClock.advance(step);
			this.scheduler.advance(step);
		}
	}

	@Test
	void idleSessionIsKeptAliveByPingSession() {
		start(true);
		this.template.execute("admin", "listSessions", null);
		advance(Duration.ofMinutes(5));
		assertThat(this.emulator.actionCount("pingSession")).isEqualTo(10);
		this.template.execute("admin", "listSessions", null);
		assertThat(this.emulator.actionCount("createSession")).isOne();
	}

	@Test
	void busySessionNeedsNoPing() {
		start(true);
		for (int i = 0; i < 10; i++) {
			this.template.execute("admin", "listSessions", null);
			advance(Duration.ofSeconds(20));
		}
		assertThat(this.emulator.actionCount("pingSession")).isZero();
		assertThat(this.emulator.actionCount("createSession")).isOne();
	}

	@Test
	void withoutKeepaliveTheIdleSessionExpiresAndIsReplaced() {
		start(false);
		this.template.execute("admin", "listSessions", null);
		advance(Duration.ofSeconds(90));
		this.template.execute("admin", "listSessions", null);
		assertThat(this.emulator.actionCount("pingSession")).isZero();
		assertThat(this.emulator.actionCount("createSession")).isEqualTo(2);
	}

}
