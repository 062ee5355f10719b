package io.github.faircomclient.test;

import java.time.Duration;
import java.time.Instant;

import io.github.faircomclient.test.JsonActionClient.Reply;
import io.github.faircomclient.test.junit.EnableFairComEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sliding idle expiry driven by the emulator clock: no sleeps.
 */
@EnableFairComEmulator(mutableClock = true, permanentSessions = true)
class SessionExpiryIntegrationTests {

	private final FairComEmulator emulator;

	private final MutableEmulatorClock clock;

	private final JsonActionClient client;

	SessionExpiryIntegrationTests(FairComEmulator emulator, MutableEmulatorClock clock) {
		this.emulator = emulator;
		this.clock = clock;
		this.client = new JsonActionClient(emulator.httpUrl());
	}

	@AfterEach
	void endSessions() {
		this.emulator.faults().expireAllSessions();
	}

	@Test
	void sessionExpiresAfterItsIdleTimeoutAndEveryRequestExtendsIt() {
		String token = login(60, false);
		this.clock.advanceSeconds(59);
		assertThat(ping(token).errorCode()).isZero();
		this.clock.advanceSeconds(59);
		assertThat(ping(token).errorCode()).as("59 s after the last ping").isZero();
		this.clock.advanceSeconds(60);
		Reply expired = ping(token);
		assertThat(expired.errorCode()).isEqualTo(12031);
		assertThat(expired.json().path("authToken").asString()).isEqualTo(token);
		assertThat(this.emulator.sessions()).isEmpty();
	}

	@Test
	void idleSessionsDisappearFromIntrospectionWithoutAnyRequest() {
		String shortLived = login(10, false);
		String longLived = login(100, false);
		this.clock.advanceSeconds(10);
		assertThat(this.emulator.sessions()).extracting(EmulatedSession::authToken).containsExactly(longLived);
		assertThat(this.emulator.session(shortLived)).isEmpty();
	}

	@Test
	void serverDefaultIdleTimeoutIs3600Seconds() {
		String token = this.client.login("ADMIN", "ADMIN");
		assertThat(this.emulator.session(token).orElseThrow().idleConnectionTimeoutSeconds()).isEqualTo(3600);
		this.clock.advanceSeconds(3599);
		assertThat(this.emulator.session(token)).isPresent();
		this.clock.advanceSeconds(1);
		assertThat(this.emulator.session(token)).isEmpty();
	}

	@Test
	void zeroIdleTimeoutNeverExpires() {
		String token = login(0, false);
		this.clock.advance(Duration.ofDays(3650));
		assertThat(ping(token).errorCode()).isZero();
	}

	@Test
	void permanentSessionsNeverIdleOut() {
		String token = login(60, true);
		this.clock.advance(Duration.ofDays(400));
		assertThat(ping(token).errorCode()).isZero();
		assertThat(this.emulator.session(token).orElseThrow().permanent()).isTrue();
	}

	@Test
	void alterSessionChangesTheIdleTimeoutOfALiveSession() {
		String token = login(60, false);
		ObjectNode alter = JsonActionClient.request("admin", "alterSession").put("authToken", token);
		alter.putObject("params").put("idleConnectionTimeoutSeconds", 600);
		assertThat(this.client.post(alter).errorCode()).isZero();
		this.clock.advanceSeconds(599);
		assertThat(ping(token).errorCode()).isZero();
	}

	@Test
	void timestampsFollowTheClock() {
		this.clock.set(Instant.parse("2026-05-07T22:36:42Z"));
		String token = login(3600, false);
		this.clock.advanceSeconds(90);
		ObjectNode describe = JsonActionClient.request("admin", "describeSessions").put("authToken", token);
		JsonNode session = this.client.post(describe).json().path("result").path("sessions").get(0);
		assertThat(session.path("sessionStartTimestamp").asString()).isEqualTo("2026-05-07T22:36:42");
		assertThat(session.path("sessionLastAccessedTimestamp").asString()).isEqualTo("2026-05-07T22:38:12");
		EmulatedSession snapshot = this.emulator.session(token).orElseThrow();
		assertThat(snapshot.createdAt()).isEqualTo(Instant.parse("2026-05-07T22:36:42Z"));
		assertThat(snapshot.lastAccessedAt()).isEqualTo(Instant.parse("2026-05-07T22:38:12Z"));
	}

	private String login(int idleSeconds, boolean permanent) {
		return this.client.login("ADMIN", "ADMIN",
				(params) -> params.put("idleConnectionTimeoutSeconds", idleSeconds).put("permanentSession", permanent));
	}

	private Reply ping(String token) {
		return this.client.post(JsonActionClient.request("admin", "pingSession").put("authToken", token));
	}

}
