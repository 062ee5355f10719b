package io.github.faircomclient.core;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import io.github.faircomclient.FairComProtocolException;
import io.github.faircomclient.FairComProtocolException.Kind;
import io.github.faircomclient.http.FairComHttpResponse;
import io.github.faircomclient.session.FairComSession;
import io.github.faircomclient.session.FairComSessionSettings;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link FairComWireFormat}.
 */
class FairComWireFormatTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final FairComWireFormat wire = new FairComWireFormat();

	private final FairComRequest request = FairComRequest.of("db", "listTables", null);

	@Test
	void encodesTheEnvelope() {
		byte[] body = this.wire.encode(FairComRequest.builder("someAction")
			.api("someApi")
			.apiVersion("1.0")
			.debug("max")
			.responseOptions(Map.of("dataFormat", "objects"))
			.params(json.readTree("{\"a\":1}"))
			.build(), "r-1", "TOKEN");
		JsonNode envelope = json.readTree(body);
		assertThat(envelope.propertyNames()).containsExactly("requestId", "api", "apiVersion", "action", "params",
				"responseOptions", "debug", "authToken");
		assertThat(envelope.get("params").get("a").intValue()).isOne();
		assertThat(envelope.get("authToken").stringValue()).isEqualTo("TOKEN");
	}

	@Test
	void writesTheSameBytesAsTheEnvelopeBuiltAsATree() {
		RecordsByIds params = new RecordsByIds("athlete", List.of(1L, 2L, 3L), new BigDecimal("1.50"),
				Map.of("nested", List.of("ä \"quoted\"", Map.of())));
		FairComRequest request = FairComRequest.builder("getRecordsByIds")
			.api("db")
			.apiVersion("1.0")
			.responseOptions(Map.of("dataFormat", "objects"))
			.params(params)
			.build();
		ObjectNode tree = json.createObjectNode();
		tree.put("requestId", "r-1");
		tree.put("api", "db");
		tree.put("apiVersion", "1.0");
		tree.put("action", "getRecordsByIds");
		tree.set("params", this.wire.mapper().valueToTree(params));
		tree.set("responseOptions", this.wire.mapper().valueToTree(Map.of("dataFormat", "objects")));
		tree.put("debug", "none");
		tree.put("authToken", "TOKEN");
		assertThat(new String(this.wire.encode(request, "r-1", "TOKEN"), StandardCharsets.UTF_8))
			.isEqualTo(new String(this.wire.mapper().writeValueAsBytes(tree), StandardCharsets.UTF_8));
	}

	record RecordsByIds(String tableName, List<Long> ids, BigDecimal amount,
			Map<String, Object> extra) {
	}

	@Test
	void failureToReadTheAnswerIsRethrownNotTakenForBadJson() {
		IOException reset = new IOException("Connection reset");
		InputStream broken = new SequenceInputStream(
				new ByteArrayInputStream("{\"errorCode\":0,\"result\":{".getBytes(StandardCharsets.UTF_8)),
				new InputStream() {
					@Override
					public int read() throws IOException {
						throw reset;
					}
				});
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		assertThatExceptionOfType(IOException.class)
			.isThrownBy(() -> this.wire.decode(this.request, "r-1", 200, headers, broken, null))
			.isSameAs(reset);
	}

	@Test
	void rejectsParamsThatAreNotAnObject() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.wire.encode(FairComRequest.of("db", "x", java.util.List.of(1)), "r", null))
			.withMessageContaining("params");
	}

	@Test
	void createSessionWithoutUsernameSendsNoCredentials() {
		JsonNode params = json.readTree(this.wire
			.encode(this.wire.createSessionRequest(null, null, FairComSessionSettings.defaults()), "r", null))
			.get("params");
		assertThat(params.propertyNames()).isEmpty();
	}

	@Test
	void sessionTimeoutsAreSentInWholeSeconds() {
		FairComSessionSettings settings = FairComSessionSettings.builder()
			.idleTimeout(Duration.ofMillis(1500))
			.cursorIdleTimeout(Duration.ZERO)
			.build();
		JsonNode params = json.readTree(this.wire.encode(this.wire.createSessionRequest("u", "p", settings), "r", null))
			.get("params");
		assertThat(params.get("idleConnectionTimeoutSeconds").intValue()).isEqualTo(2);
		assertThat(params.get("idleCursorTimeoutSeconds").intValue()).isZero();
	}

	@Test
	void missingResultIsAnEmptyObject() {
		FairComResponse response = decode("{\"requestId\":\"r-1\",\"errorCode\":12031,\"errorMessage\":\"x\"}");
		assertThat(response.result().isObject()).isTrue();
		assertThat(response.result().isEmpty()).isTrue();
		assertThat(response.errorCode()).isEqualTo(12031);
		assertThat(response.debugInfo()).isNull();
	}

	@Test
	void missingRequestIdEchoIsTolerated() {
		assertThat(decode("{\"errorCode\":0}").errorMessage()).isEmpty();
	}

	@Test
	void textualErrorCodeIsAccepted() {
		assertThat(decode("{\"errorCode\":\"0\",\"result\":{}}").isSuccess()).isTrue();
	}

	@Test
	void readsBothWarningShapes() {
		FairComResponse response = decode("{\"errorCode\":0,\"debugInfo\":{\"warnings\":["
				+ "{\"code\":12031,\"message\":\"gone\"},"
				+ "{\"warningCode\":7,\"warningMessage\":\"seven\",\"warningData\":{\"k\":1}}]}}");
		assertThat(response.warnings()).hasSize(2);
		assertThat(response.warnings().get(0)).isEqualTo(new FairComWarning(12031, "gone", null));
		assertThat(response.warnings().get(1).code()).isEqualTo(7);
		assertThat(response.warnings().get(1).message()).isEqualTo("seven");
		assertThat(response.warnings().get(1).data().get("k").intValue()).isOne();
		assertThat(response.debugInfo()).isNotNull();
	}

	@Test
	void redactsTheSessionTokenFromErrorMessages() {
		FairComSession session = new FairComSession("SECRET", "app", Duration.ZERO, Instant.EPOCH, false, true);
		FairComResponse response = this.wire.decode(this.request, "r-1",
				http(200, MediaType.APPLICATION_JSON, "{\"errorCode\":5,\"errorMessage\":\"token SECRET is bad\"}"),
				session);
		assertThat(response.errorMessage()).isEqualTo("token ****** is bad");
		assertThat(response.session()).as("the session that carried the call").isSameAs(session);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			''                                          | EMPTY_BODY
			'   '                                       | EMPTY_BODY
			'<!DOCTYPE html><html><body>x</body></html>' | HTML_PAGE
			'Internal Server Error'                     | NOT_JSON
			'{"errorCode":0,"result":{"data":[1,2'      | TRUNCATED
			'[1,2,3]'                                   | NOT_AN_OBJECT
			'"text"'                                    | NOT_AN_OBJECT
			'{"result":{}}'                             | MISSING_ERROR_CODE
			'{"errorCode":"abc"}'                       | MISSING_ERROR_CODE
			'{"errorCode":1.5}'                         | MISSING_ERROR_CODE
			'{"errorCode":0,"requestId":"other"}'       | REQUEST_ID_MISMATCH
			'{"errorCode":0,"requestId":7}'             | REQUEST_ID_MISMATCH
			'{"errorCode":0} trailing'                  | NOT_JSON
			""")
	void rejectsInvalidAnswers(String body, Kind kind) {
		assertThatExceptionOfType(FairComProtocolException.class)
			.isThrownBy(() -> this.wire.decode(this.request, "r-1", http(500, MediaType.APPLICATION_JSON, body), null))
			.satisfies((ex) -> {
				assertThat(ex.getKind()).isEqualTo(kind);
				assertThat(ex.getHttpStatus()).isEqualTo(500);
				assertThat(ex.getRequestId()).isEqualTo("r-1");
				assertThat(ex.getAction()).isEqualTo("listTables");
			});
	}

	@Test
	void htmlContentTypeIsAnHtmlPageWhateverTheBody() {
		assertThatExceptionOfType(FairComProtocolException.class)
			.isThrownBy(() -> this.wire.decode(this.request, "r-1", http(200, MediaType.TEXT_HTML, "oops"), null))
			.satisfies((ex) -> assertThat(ex.getKind()).isEqualTo(Kind.HTML_PAGE));
	}

	@Test
	void readsTheSessionFromTheNewestLayout() {
		FairComResponse response = decode("{\"authToken\":\"TOP\",\"result\":{\"authToken\":\"INNER\","
				+ "\"username\":\"ADMIN\",\"idleConnectionTimeoutSeconds\":120,\"permanentSession\":false},\"errorCode\":0}");
		FairComSession session = this.wire.readSession(response, FairComSessionSettings.defaults(), Instant.EPOCH);
		assertThat(session.getToken()).isEqualTo("INNER");
		assertThat(session.getUsername()).isEqualTo("ADMIN");
		assertThat(session.getIdleTimeout()).isEqualTo(Duration.ofSeconds(120));
		assertThat(session.isPermanent()).isFalse();
		assertThat(session.isCreatedByClient()).isTrue();
		assertThat(session.getServerVersion()).as("not reported").isNull();
	}

	@Test
	void readsTheServerVersionOfNewerServers() {
		FairComResponse response = decode("{\"result\":{\"authToken\":\"T\",\"serverVersion\":"
				+ "\"FairCom EDGE Server - V4.2.1\"},\"errorCode\":0}");
		FairComSession session = this.wire.readSession(response, FairComSessionSettings.defaults(), Instant.EPOCH);
		assertThat(session.getServerVersion()).isEqualTo("FairCom EDGE Server - V4.2.1");
		assertThat(session.toString()).contains("serverVersion=FairCom EDGE Server - V4.2.1").doesNotContain("T,");
	}

	@Test
	void sessionWithoutReportedIdleTimeoutUsesTheRequestedOneThenTheServerDefault() {
		FairComResponse response = decode("{\"result\":{\"authToken\":\"T\"},\"errorCode\":0}");
		assertThat(this.wire
			.readSession(response, FairComSessionSettings.builder().idleTimeout(Duration.ofSeconds(90)).build(),
					Instant.EPOCH)
			.getIdleTimeout()).isEqualTo(Duration.ofSeconds(90));
		assertThat(this.wire.readSession(response, FairComSessionSettings.defaults(), Instant.EPOCH).getIdleTimeout())
			.isEqualTo(Duration.ofHours(1));
	}

	@Test
	void permanentSessionAsStringIsTolerated() {
		FairComResponse response = decode("{\"result\":{\"authToken\":\"T\",\"permanentSession\":\"true\","
				+ "\"idleConnectionTimeoutSeconds\":0},\"errorCode\":0}");
		FairComSession session = this.wire.readSession(response, FairComSessionSettings.defaults(), Instant.EPOCH);
		assertThat(session.isPermanent()).isTrue();
		assertThat(session.canIdleOut()).isFalse();
	}

	@Test
	void sessionWithoutTokenIsAProtocolError() {
		FairComResponse response = decode("{\"result\":{\"username\":\"x\"},\"errorCode\":0}");
		assertThatExceptionOfType(FairComProtocolException.class)
			.isThrownBy(() -> this.wire.readSession(response, FairComSessionSettings.defaults(), Instant.EPOCH))
			.satisfies((ex) -> assertThat(ex.getKind()).isEqualTo(Kind.MISSING_AUTH_TOKEN));
	}

	@Test
	void mapsTheResultToGenericTypesAndReportsMismatches() {
		FairComResponse response = decode("{\"errorCode\":0,\"result\":{\"data\":[{\"id\":1},{\"id\":2}]}}");
		Map<String, java.util.List<Map<String, Integer>>> data = response
			.resultAs(new tools.jackson.core.type.TypeReference<>() {
			});
		assertThat(data.get("data")).extracting((row) -> row.get("id")).containsExactly(1, 2);
		record Wrong(int data) {
		}
		assertThatExceptionOfType(io.github.faircomclient.FairComMappingException.class)
			.isThrownBy(() -> response.resultAs(Wrong.class))
			.withMessageContaining("Could not map the result of db/listTables (requestId r-1) to ")
			.withMessageContaining("Wrong")
			.satisfies((ex) -> assertThat(ex.getTargetType()).isEqualTo(Wrong.class.getName()))
			.satisfies((ex) -> assertThat(ex.getAction()).isEqualTo("listTables"));
	}

	@Test
	void resultArraysAreArraysEmptyWhenAbsentAndAProtocolErrorOtherwise() {
		FairComResponse response = decode("{\"errorCode\":0,\"result\":{\"data\":[{\"id\":1}],\"sessions\":null,"
				+ "\"fields\":{\"id\":1}}}");
		assertThat(response.resultArray("data")).hasSize(1);
		assertThat(response.resultArray("sessions").isArray()).isTrue();
		assertThat(response.resultArray("sessions").isEmpty()).isTrue();
		assertThat(response.resultArray("indexes").isEmpty()).isTrue();
		assertThatExceptionOfType(FairComProtocolException.class).isThrownBy(() -> response.resultArray("fields"))
			.withMessageContaining("db/listTables without a 'fields' array (fields is object)")
			.satisfies((ex) -> assertThat(ex.getKind()).isEqualTo(Kind.INCOMPLETE_RESULT));
	}

	@Test
	void detectsCursorAndTransactionParams() {
		assertThat(this.wire.referencesSessionState(FairComRequest.of("db", "a", Map.of("cursorId", "c")))).isTrue();
		assertThat(this.wire.referencesSessionState(FairComRequest.of("db", "a", Map.of("transactionId", "t"))))
			.isTrue();
		assertThat(this.wire.referencesSessionState(FairComRequest.of("db", "a", Map.of("tableName", "t")))).isFalse();
		assertThat(this.wire.referencesSessionState(FairComRequest.of("db", "a", null))).isFalse();
	}

	private FairComResponse decode(String body) {
		return this.wire.decode(this.request, "r-1", http(200, MediaType.APPLICATION_JSON, body), null);
	}

	private static FairComHttpResponse http(int status, MediaType contentType, String body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(contentType);
		return new FairComHttpResponse(status, headers, body.getBytes(StandardCharsets.UTF_8));
	}

}
