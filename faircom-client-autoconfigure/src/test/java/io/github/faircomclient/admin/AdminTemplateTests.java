package io.github.faircomclient.admin;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.faircomclient.FairComProtocolException;
import io.github.faircomclient.test.golden.GoldenComparison;
import io.github.faircomclient.test.golden.GoldenExample;
import io.github.faircomclient.test.golden.GoldenExamples;
import io.github.faircomclient.testsupport.FairComStub;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The requests {@link AdminTemplate} writes, compared with FairCom's documented requests,
 * and the documented answers it reads.
 */
class AdminTemplateTests {

	private final FairComStub stub = new FairComStub();

	@AfterEach
	void close() {
		this.stub.close();
	}

	private AdminOperations admin() {
		return this.stub.template().admin();
	}

	@Test
	void pingSendsPingSessionWithTheToken() {
		admin().pingSession();
		JsonNode sent = this.stub.request("pingSession");
		assertThat(sent.get("api").stringValue()).isEqualTo("admin");
		assertThat(sent.get("authToken").stringValue()).isEqualTo("T1");
		assertParams("admin-pingSession-minimal", sent);
	}

	@Test
	void listSessionsWithAFilterIsTheDocumentedRequest() {
		this.stub.answer("listSessions", "{\"sessions\":[{\"authToken\":\"S1\",\"username\":\"jim\","
				+ "\"description\":\"batch job\"}]}");
		List<SessionSummary> sessions = admin().listSessions(List.of("jim"));
		assertParams("admin-listSessions-maximal-filter", this.stub.request("listSessions"));
		assertThat(sessions).containsExactly(new SessionSummary("S1", "jim", "batch job"));
		assertThat(sessions.get(0).toString()).doesNotContain("S1").contains("jim");
	}

	@Test
	void sessionsThatAreNotAnArrayOrAbsentAreAProtocolError() {
		this.stub.answer("listSessions", "{\"sessions\":{\"authToken\":\"S1\"}}");
		assertThatExceptionOfType(FairComProtocolException.class).isThrownBy(() -> admin().listSessions())
			.withMessageContaining("admin/listSessions without a 'sessions' array (sessions is object)")
			.withMessageNotContaining("S1")
			.satisfies((ex) -> assertThat(ex.getKind()).isEqualTo(FairComProtocolException.Kind.INCOMPLETE_RESULT));
		this.stub.answer("describeSessions", "{\"sessions\":\"none\"}");
		assertThatExceptionOfType(FairComProtocolException.class).isThrownBy(() -> admin().describeSessions())
			.withMessageContaining("(sessions is string)");
		this.stub.answer("listSessions", "{}");
		assertThatExceptionOfType(FairComProtocolException.class).isThrownBy(() -> admin().listSessions())
			.withMessageContaining("admin/listSessions without a 'sessions' array (sessions is missing)");
		this.stub.answer("listSessions", "[]");
		assertThatExceptionOfType(FairComProtocolException.class).isThrownBy(() -> admin().listSessions())
			.withMessageContaining("(the result is array)");
		this.stub.answer("describeSessions", "42");
		assertThatExceptionOfType(FairComProtocolException.class).isThrownBy(() -> admin().describeSessions())
			.withMessageContaining("(the result is number)");
		this.stub.answer("listSessions", "{\"sessions\":[]}");
		assertThat(admin().listSessions()).isEmpty();
	}

	@Test
	void readsTheDocumentedDescribeSessionsAnswer() {
		GoldenExample example = GoldenExamples.load("admin-describeSessions-minimal-newer");
		this.stub.answerEnvelope("describeSessions", answer(example));
		List<SessionDescription> sessions = admin().describeSessions();
		assertParams("admin-describeSessions-minimal-newer", this.stub.request("describeSessions"));
		assertThat(sessions).singleElement().satisfies((session) -> {
			assertThat(session.username()).isEqualTo("ADMIN");
			assertThat(session.description()).isEqualTo("new description");
			assertThat(session.defaultApi()).isEqualTo("db");
			assertThat(session.defaultDatabaseName()).isEqualTo("ctreeSQL");
			assertThat(session.idleConnectionTimeout()).isEqualTo(Duration.ofSeconds(60000));
			assertThat(session.idleCursorTimeout()).isEqualTo(Duration.ofSeconds(60000));
			assertThat(session.permanentSession()).isFalse();
			assertThat(session.sessionStartTimestamp()).isEqualTo(LocalDateTime.of(2026, 5, 7, 22, 36, 12));
			assertThat(session.details().at("/defaultResponseOptions/numberFormat").stringValue()).isEqualTo("string");
			assertThat(session.toString()).doesNotContain("replaceWithAuthTokenFromCreateSession");
		});
	}

	@Test
	void describeSessionsByToken() {
		this.stub.answer("describeSessions", "{\"sessions\":[]}");
		admin().describeSessions(List.of("S1", "S2"));
		assertThat(this.stub.request("describeSessions").at("/params/authTokens").toString())
			.isEqualTo("[\"S1\",\"S2\"]");
	}

	@Test
	void alterSessionIsTheDocumentedRequestAndReadsTheNewSession() {
		GoldenExample example = GoldenExamples.load("admin-alterSession-full");
		this.stub.answerEnvelope("alterSession", answer(example));
		SessionDescription altered = admin().alterSession(SessionChanges.builder()
			.description("optional user description of session for troubleshooting")
			.defaultApi("db")
			.defaultDatabase("ctreeSQL")
			.defaultOwner("admin")
			.defaultBinaryFormat("hex")
			.defaultDebug("max")
			.defaultResponseOptions(Map.of("dataFormat", "objects", "numberFormat", "string", "binaryFormat", "hex"))
			.idleTimeout(Duration.ofSeconds(60000))
			.cursorIdleTimeout(Duration.ofSeconds(60000))
			.build());
		assertParams("admin-alterSession-full", this.stub.request("alterSession"));
		assertThat(altered.defaultApi()).isEqualTo("mq");
		assertThat(altered.sessionLastAccessedTimestamp()).isEqualTo(LocalDateTime.of(2023, 4, 20, 18, 10, 22));
		assertThatIllegalStateException().isThrownBy(() -> SessionChanges.builder().build());
	}

	private static void assertParams(String golden, JsonNode sent) {
		JsonNode documented = GoldenExamples.load(golden).request();
		JsonNode expected = documented.has("params") ? documented.get("params")
				: JsonNodeFactory.instance.objectNode();
		GoldenComparison.Result result = GoldenComparison.of(expected).compare(sent.get("params"));
		assertThat(result.matches()).as(result::describe).isTrue();
		assertThat(sent.get("action")).isEqualTo(documented.get("action"));
		assertThat(sent.get("api")).isEqualTo(documented.get("api"));
	}

	private static String answer(GoldenExample example) {
		ObjectNode answer = (ObjectNode) example.requiredResponse().deepCopy();
		answer.remove("requestId");
		answer.remove("authToken");
		if (!answer.has("errorCode")) {
			answer.put("errorCode", 0);
		}
		return answer.toString();
	}

}
