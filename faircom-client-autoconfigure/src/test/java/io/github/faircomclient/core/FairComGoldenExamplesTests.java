package io.github.faircomclient.core;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;


import io.github.faircomclient.test.golden.GoldenComparison;
import io.github.faircomclient.test.golden.GoldenExample;
import io.github.faircomclient.test.golden.GoldenExamples;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client against FairCom's documented examples (the golden files shared with the
 * emulator): it writes requests as documented and reads every documented answer.
 */
class FairComGoldenExamplesTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final FairComWireFormat wire = new FairComWireFormat();

	/**
	 * The properties of the envelope. A documented request with others (the alterMqSession
	 * page shows {@code cleanSession} beside {@code params}, a quirk of that page) cannot
	 * be written by any client and is left out.
	 */
	private static final java.util.Set<String> ENVELOPE = java.util.Set.of("requestId", "api", "apiVersion", "action",
			"params", "responseOptions", "debug", "authToken");

	static Stream<GoldenExample> requests() {
		return GoldenExamples.all().stream().filter((example) -> example.request().has("action")
				&& !example.request().has("schema") && !example.request().path("requestId").isNumber()
				&& ENVELOPE.containsAll(example.request().propertyNames()));
	}

	static Stream<GoldenExample> answers() {
		return GoldenExamples.all()
			.stream()
			.filter((example) -> example.response() != null && example.response().has("errorCode"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("requests")
	void writesRequestsAsDocumented(GoldenExample example) {
		ObjectNode documented = example.request();
		String requestId = documented.path("requestId").asString("generated-1");
		String token = documented.has("authToken") ? documented.get("authToken").stringValue() : null;
		FairComRequest request = FairComRequest.builder(documented.get("action").stringValue())
			.api(documented.has("api") ? documented.get("api").stringValue() : null)
			.apiVersion(documented.has("apiVersion") ? documented.get("apiVersion").stringValue() : null)
			.debug(documented.has("debug") ? documented.get("debug").stringValue() : null)
			.responseOptions(documented.get("responseOptions"))
			.params(documented.get("params"))
			.build();
		ObjectNode written = (ObjectNode) json.readTree(this.wire.encode(request,
				this.wire.toObject(request.params(), "params"),
				(request.responseOptions() != null)
						? this.wire.toObject(request.responseOptions(), "responseOptions") : null,
				requestId, token));
		if (!documented.has("requestId")) {
			written.remove("requestId");
		}
		if (!documented.has("params") && written.get("params").isEmpty()) {
			written.remove("params");
		}
		if (!documented.has("debug")) {
			assertThat(written.remove("debug").stringValue()).isEqualTo("none");
		}
		GoldenComparison.Result result = GoldenComparison.of(documented).compare(written);
		assertThat(result.matches()).as(result::describe).isTrue();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("answers")
	void readsEveryDocumentedAnswer(GoldenExample example) {
		JsonNode documented = example.response();
		String requestId = documented.path("requestId").asString("sent-1");
		FairComResponse response = decode(example, requestId);
		assertThat(response.errorCode()).isEqualTo(documented.get("errorCode").asInt());
		assertThat(response.result()).isEqualTo(documented.has("result") ? documented.get("result")
				: json.createObjectNode());
		int warnings = documented.path("debugInfo").path("warnings").size() + documented.path("warnings").size();
		assertThat(response.warnings()).hasSize(warnings);
	}

	@Test
	void classifiesTheDocumentedSessionGoneAnswers() {
		List<String> gone = answers()
			.filter((example) -> decode(example, "sent-1").isSessionGone())
			.map(GoldenExample::name)
			.toList();
		assertThat(gone).contains("admin-pingSession-invalid-token", "admin-pingSession-legacy-minus1",
				"admin-listSessions-invalid-token", "db-createDatabase-invalid-session-60031-tutorial")
			.allMatch((name) -> name.contains("invalid") || name.contains("legacy"))
			.noneMatch((name) -> name.contains("deleteSession-unknown-token-warning"));
	}

	private FairComResponse decode(GoldenExample example, String fallbackRequestId) {
		return decode(example, example.response(), fallbackRequestId);
	}

	private FairComResponse decode(GoldenExample example, JsonNode documented, String fallbackRequestId) {
		String requestId = documented.path("requestId").asString(fallbackRequestId);
		return TestResponses.decode(example.request().path("api").asString(null),
				example.request().path("action").asString("unknown"), requestId, json.writeValueAsString(documented),
				null);
	}

}
