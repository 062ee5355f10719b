package io.github.faircomclient.session;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import io.github.faircomclient.FairComProtocolException;
import io.github.faircomclient.FairComProtocolException.Kind;
import io.github.faircomclient.core.FairComRequest;
import io.github.faircomclient.core.FairComResponse;
import io.github.faircomclient.core.TestResponses;
import io.github.faircomclient.test.golden.GoldenExample;
import io.github.faircomclient.test.golden.GoldenExamples;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link SessionActions}: the createSession request and the session read from
 * its answer, also against every documented answer.
 */
class SessionActionsTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@Test
	void createSessionWithoutUsernameSendsNoCredentials() {
		FairComRequest request = SessionActions.createSessionRequest(null, null, FairComSessionSettings.defaults());
		assertThat(((JsonNode) request.params()).propertyNames()).isEmpty();
		assertThat(request.api()).isEqualTo("admin");
		assertThat(request.action()).isEqualTo("createSession");
	}

	@Test
	void sessionTimeoutsAreSentInWholeSeconds() {
		FairComSessionSettings settings = FairComSessionSettings.builder()
			.idleTimeout(Duration.ofMillis(1500))
			.cursorIdleTimeout(Duration.ZERO)
			.build();
		JsonNode params = (JsonNode) SessionActions.createSessionRequest("u", "p", settings).params();
		assertThat(params.get("idleConnectionTimeoutSeconds").intValue()).isEqualTo(2);
		assertThat(params.get("idleCursorTimeoutSeconds").intValue()).isZero();
	}

	@Test
	void readsTheSessionFromTheNewestLayout() {
		FairComSession session = read("{\"authToken\":\"TOP\",\"result\":{\"authToken\":\"INNER\","
				+ "\"username\":\"ADMIN\",\"idleConnectionTimeoutSeconds\":120,\"permanentSession\":false},\"errorCode\":0}",
				FairComSessionSettings.defaults());
		assertThat(session.getToken()).isEqualTo("INNER");
		assertThat(session.getUsername()).isEqualTo("ADMIN");
		assertThat(session.getIdleTimeout()).isEqualTo(Duration.ofSeconds(120));
		assertThat(session.isPermanent()).isFalse();
		assertThat(session.isCreatedByClient()).isTrue();
		assertThat(session.getServerVersion()).as("not reported").isNull();
	}

	@Test
	void readsTheServerVersionOfNewerServers() {
		FairComSession session = read("{\"result\":{\"authToken\":\"T\",\"serverVersion\":"
				+ "\"FairCom EDGE Server - V4.2.1\"},\"errorCode\":0}", FairComSessionSettings.defaults());
		assertThat(session.getServerVersion()).isEqualTo("FairCom EDGE Server - V4.2.1");
		assertThat(session.toString()).contains("serverVersion=FairCom EDGE Server - V4.2.1").doesNotContain("T,");
	}

	@Test
	void sessionWithoutReportedIdleTimeoutUsesTheRequestedOneThenTheServerDefault() {
		String answer = "{\"result\":{\"authToken\":\"T\"},\"errorCode\":0}";
		assertThat(read(answer, FairComSessionSettings.builder().idleTimeout(Duration.ofSeconds(90)).build())
			.getIdleTimeout()).isEqualTo(Duration.ofSeconds(90));
		assertThat(read(answer, FairComSessionSettings.defaults()).getIdleTimeout()).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void permanentSessionAsStringIsTolerated() {
		FairComSession session = read("{\"result\":{\"authToken\":\"T\",\"permanentSession\":\"true\","
				+ "\"idleConnectionTimeoutSeconds\":0},\"errorCode\":0}", FairComSessionSettings.defaults());
		assertThat(session.isPermanent()).isTrue();
		assertThat(session.canIdleOut()).isFalse();
	}

	@Test
	void sessionWithoutTokenIsAProtocolError() {
		assertThatExceptionOfType(FairComProtocolException.class)
			.isThrownBy(() -> read("{\"result\":{\"username\":\"x\"},\"errorCode\":0}", FairComSessionSettings.defaults()))
			.satisfies((ex) -> assertThat(ex.getKind()).isEqualTo(Kind.MISSING_AUTH_TOKEN));
	}

	@Test
	void readsTheTokenFromEveryDocumentedCreateSessionAnswer() {
		// partial examples were cut off before their trailing errorCode; they document successes
		List<GoldenExample> sessions = GoldenExamples.forAction("admin", "createSession")
			.stream()
			.filter((example) -> example.response() != null && (example.response().has("authToken")
					|| example.response().path("result").has("authToken")))
			.toList();
		assertThat(sessions).hasSizeGreaterThanOrEqualTo(3);
		for (GoldenExample example : sessions) {
			JsonNode answer = example.response();
			if (example.partial() && !answer.has("errorCode")) {
				answer = ((ObjectNode) answer.deepCopy()).put("errorCode", 0);
			}
			String requestId = answer.path("requestId").asString("sent-1");
			FairComSession session = SessionActions.readSession(TestResponses.decode("admin", "createSession",
					requestId, json.writeValueAsString(answer), null), FairComSessionSettings.defaults(), Instant.EPOCH);
			assertThat(session.getToken()).as(example.name()).isNotBlank();
			assertThat(session.getIdleTimeout().isNegative()).as(example.name()).isFalse();
			assertThat(session.getServerVersion()).as(example.name())
				.isEqualTo(answer.path("result").path("serverVersion").asString(null));
		}
	}

	private static FairComSession read(String answer, FairComSessionSettings settings) {
		@Nullable FairComResponse response = TestResponses.decode("admin", "createSession", "r-1", answer, null);
		return SessionActions.readSession(response, settings, Instant.EPOCH);
	}

}
