package io.github.faircomclient.core;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.http.MediaType;

import io.github.faircomclient.FairComAuthenticationException;
import io.github.faircomclient.FairComException;
import io.github.faircomclient.FairComFailureKind;
import io.github.faircomclient.FairComProtocolException;
import io.github.faircomclient.FairComProtocolException.Kind;
import io.github.faircomclient.FairComServerBusyException;
import io.github.faircomclient.session.FairComSession;
import io.github.faircomclient.testsupport.TestAnswers;

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

	private static final ServerText NO_SECRETS = ServerText.masking(List.of());

	private final FairComWireFormat wire = new FairComWireFormat();

	private final FairComRequest request = FairComRequest.of("db", "listTables", null);

	private byte[] encode(FairComRequest request, String requestId, String token) {
		return this.wire.encode(request, this.wire.toObject(request.params(), "params"),
				(request.responseOptions() != null) ? this.wire.toObject(request.responseOptions(), "responseOptions")
						: null,
				requestId, token);
	}

	@Test
	void encodesTheEnvelope() {
		byte[] body = encode(FairComRequest.builder("someAction")
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
		assertThat(new String(encode(request, "r-1", "TOKEN"), StandardCharsets.UTF_8))
			.isEqualTo(new String(this.wire.mapper().writeValueAsBytes(tree), StandardCharsets.UTF_8));
	}

	record RecordsByIds(String tableName, List<Long> ids, BigDecimal amount, Map<String, Object> extra) {
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
		assertThatExceptionOfType(IOException.class)
			.isThrownBy(() -> this.wire.decode(this.request, "r-1",
					TestAnswers.of(200, MediaType.APPLICATION_JSON, broken), null, NO_SECRETS, null, false))
			.isSameAs(reset);
	}

	@Test
	void rejectsParamsThatAreNotAnObject() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.wire.toObject(List.of(1), "params"))
			.withMessageContaining("params");
	}

	@Test
	void missingResultIsAnEmptyObject() {
		FairComResponse response = decode("{\"requestId\":\"r-1\",\"errorCode\":12031,\"errorMessage\":\"x\"}");
		assertThat(response.result().isObject()).isTrue();
		assertThat(response.result().isEmpty()).isTrue();
		assertThat(response.errorCode()).isEqualTo(12031);
		assertThat(response.isSessionGone()).isTrue();
		assertThat(response.debugInfo()).isNull();
	}

	@Test
	void missingRequestIdEchoIsToleratedUntilTheServerHasShownThatItEchoes() throws IOException {
		assertThat(decode("{\"errorCode\":0}").errorMessage()).isEmpty();
		TestAnswers.Recorded answer = TestAnswers.of(200, MediaType.APPLICATION_JSON, "{\"errorCode\":0}");
		assertThat(this.wire.decode(this.request, "r-1", answer, null, NO_SECRETS, null, false).requestIdEchoed())
			.isFalse();
		TestAnswers.Recorded injected = TestAnswers.of(200, MediaType.APPLICATION_JSON,
				"{\"errorCode\":0,\"result\":{\"data\":[\"not yours\"]}}");
		assertThatExceptionOfType(FairComProtocolException.class)
			.isThrownBy(() -> this.wire.decode(this.request, "r-1", injected, null, NO_SECRETS, null, true))
			.satisfies((ex) -> {
				assertThat(ex.getKind()).isEqualTo(Kind.REQUEST_ID_MISMATCH);
				assertThat(ex.getFailureKind()).as("the call's own answer was lost")
					.isEqualTo(FairComFailureKind.ANSWER_LOST);
				assertThat(ex.getMessage()).contains("no requestId although the server echoes them");
			});
		assertThat(injected.discarded()).isTrue();
	}

	@Test
	void theAnswerToAnotherRequestDiscardsItsConnection() {
		TestAnswers.Recorded answer = TestAnswers.of(200, MediaType.APPLICATION_JSON,
				"{\"requestId\":\"r-0\",\"errorCode\":0}");
		assertThatExceptionOfType(FairComProtocolException.class)
			.isThrownBy(() -> this.wire.decode(this.request, "r-1", answer, null, NO_SECRETS, null, false))
			.satisfies((ex) -> assertThat(ex.getKind()).isEqualTo(Kind.REQUEST_ID_MISMATCH));
		assertThat(answer.discarded()).isTrue();
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
		assertThat(response.isSessionGone()).as("a 12031 warning is no expiry").isFalse();
	}

	@Test
	void masksTheSessionTokenInErrorMessages() throws IOException {
		FairComSession session = new FairComSession("SECRET", "app", Duration.ZERO, Instant.EPOCH, false, true);
		FairComResponse response = this.wire
			.decode(this.request, "r-1",
					TestAnswers.of(200, MediaType.APPLICATION_JSON,
							"{\"errorCode\":5,\"errorMessage\":\"token SECRET is bad\"}"),
					session, NO_SECRETS, null, false)
			.response();
		assertThat(response.errorMessage()).isEqualTo("token ****** is bad");
		assertThat(response.session()).as("the session that carried the call").isSameAs(session);
	}

	@Test
	void masksAnEchoedPasswordEvenCutOffAndNeutralisesLineBreaks() throws IOException {
		JsonNode params = json.readTree("{\"username\":\"app\",\"password\":\"S3cr3tPassw0rd\"}");
		FairComResponse response = this.wire
			.decode(FairComRequest.of("admin", "createSession", params), "r-1",
					TestAnswers.of(200, MediaType.APPLICATION_JSON, "{\"errorCode\":12010,\"errorMessage\":"
							+ "\"invalid password 'S3cr3tPassw0rd' (was 'S3cr3tP…')\\r\\nINFO forged line\","
							+ "\"debugInfo\":{\"request\":{\"params\":{\"password\":\"S3cr3tPassw0rd\"}},"
							+ "\"warnings\":[{\"code\":1,\"message\":\"S3cr3tPassw0rd\\n\"}]}}"),
					null, NO_SECRETS, params, false)
			.response();
		assertThat(response.errorMessage())
			.isEqualTo("invalid password '******' (was '******…')\\r\\nINFO forged line")
			.doesNotContain("\n", "\r", "S3cr3t");
		assertThat(response.warnings()).singleElement()
			.satisfies((warning) -> assertThat(warning.message()).isEqualTo("******\\n"));
		assertThat(response.debugInfo().toString()).doesNotContain("S3cr3t");
	}

	@Test
	void masksAnEchoedPasswordInTheDataOfWarningsAtTheTopLevelAndInDebugInfo() throws IOException {
		JsonNode params = json.readTree("{\"username\":\"reporting\",\"clonePassword\":\"Cl0neS3cret\"}");
		FairComResponse response = this.wire
			.decode(FairComRequest.of("admin", "cloneAccount", params), "r-1",
					TestAnswers.of(200, MediaType.APPLICATION_JSON, "{\"errorCode\":0,\"warnings\":["
							+ "{\"warningCode\":1,\"warningMessage\":\"m\",\"warningData\":\"Cl0neS3cret\"},"
							+ "{\"warningCode\":2,\"warningMessage\":\"m\","
							+ "\"warningData\":{\"echo\":[\"Cl0neS3cret\"]}}],"
							+ "\"debugInfo\":{\"warnings\":[{\"code\":3,\"message\":\"m\",\"data\":\"Cl0neS3c\"}]}}"),
					null, NO_SECRETS, params, false)
			.response();
		assertThat(response.warnings()).extracting((warning) -> warning.data().toString())
			.containsExactly("\"******\"", "{\"echo\":[\"******\"]}", "\"******\"");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			''                                          | EMPTY_BODY          | ANSWER_LOST
			'   '                                       | EMPTY_BODY          | ANSWER_LOST
			'<!DOCTYPE html><html><body>x</body></html>' | HTML_PAGE           | ANSWER_LOST
			'Internal Server Error'                     | NOT_JSON            | ANSWER_LOST
			'{"errorCode":0,"result":{"data":[1,2'      | TRUNCATED           | ANSWER_LOST
			'[1,2,3]'                                   | NOT_AN_OBJECT       | INVALID_ANSWER
			'"text"'                                    | NOT_AN_OBJECT       | INVALID_ANSWER
			'{"result":{}}'                             | MISSING_ERROR_CODE  | INVALID_ANSWER
			'{"errorCode":"abc"}'                       | MISSING_ERROR_CODE  | INVALID_ANSWER
			'{"errorCode":1.5}'                         | MISSING_ERROR_CODE  | INVALID_ANSWER
			'{"errorCode":0,"requestId":"other"}'       | REQUEST_ID_MISMATCH | ANSWER_LOST
			'{"errorCode":0,"requestId":7}'             | REQUEST_ID_MISMATCH | ANSWER_LOST
			'{"errorCode":0} trailing'                  | NOT_JSON            | ANSWER_LOST
			""")
	void rejectsInvalidAnswersAndDiscardsTheirConnection(String body, Kind kind, FairComFailureKind failureKind) {
		TestAnswers.Recorded answer = TestAnswers.of(500, MediaType.APPLICATION_JSON, body);
		assertThatExceptionOfType(FairComProtocolException.class)
			.isThrownBy(() -> this.wire.decode(this.request, "r-1", answer, null, NO_SECRETS, null, false))
			.satisfies((ex) -> {
				assertThat(ex.getKind()).isEqualTo(kind);
				assertThat(ex.getFailureKind()).isEqualTo(failureKind);
				assertThat(ex.getHttpStatus()).isEqualTo(500);
				assertThat(ex.getRequestId()).isEqualTo("r-1");
				assertThat(ex.getAction()).isEqualTo("listTables");
			});
		assertThat(answer.discarded()).isTrue();
	}

	@Test
	void anInvalidAnswerWithA200StatusIsNotALostOne() {
		assertThatExceptionOfType(FairComProtocolException.class)
			.isThrownBy(() -> decode("Internal Server Error"))
			.satisfies((ex) -> assertThat(ex.getFailureKind()).isEqualTo(FairComFailureKind.INVALID_ANSWER));
	}

	@Test
	void htmlContentTypeIsAnHtmlPageWhateverTheBody() {
		assertThatExceptionOfType(FairComProtocolException.class)
			.isThrownBy(() -> this.wire.decode(this.request, "r-1", TestAnswers.of(200, MediaType.TEXT_HTML, "oops"),
					null, NO_SECRETS, null, false))
			.satisfies((ex) -> assertThat(ex.getKind()).isEqualTo(Kind.HTML_PAGE));
	}

	@Test
	void eachAnswerIsJudgedByItsOwnContentTypeWhenTheServerChangesIt() throws IOException {
		assertThat(this.wire.decode(this.request, "r-1", TestAnswers.of(200, MediaType.APPLICATION_JSON,
				"{\"errorCode\":0}"), null, NO_SECRETS, null, false).response().isSuccess()).isTrue();
		assertThatExceptionOfType(FairComProtocolException.class)
			.isThrownBy(() -> this.wire.decode(this.request, "r-1", TestAnswers.of(200, MediaType.TEXT_HTML, "oops"),
					null, NO_SECRETS, null, false))
			.satisfies((ex) -> assertThat(ex.getMessage()).contains("Content-Type text/html"));
		assertThat(this.wire.decode(this.request, "r-1", TestAnswers.of(200, MediaType.APPLICATION_JSON,
				"{\"errorCode\":0}"), null, NO_SECRETS, null, false).response().isSuccess()).isTrue();
		assertThatExceptionOfType(FairComProtocolException.class)
			.isThrownBy(() -> this.wire.decode(this.request, "r-1",
					TestAnswers.withContentType(200, "not a media type", "oops"), null, NO_SECRETS, null, false))
			.satisfies((ex) -> assertThat(ex.getMessage()).contains("Content-Type none"));
	}

	@Test
	void plainTextUnauthorizedOrForbiddenIsAnAuthenticationFailureFromAGateway() {
		for (int status : new int[] { 401, 403 }) {
			assertThatExceptionOfType(FairComAuthenticationException.class)
				.isThrownBy(() -> this.wire.decode(this.request, "r-1",
						TestAnswers.of(status, MediaType.TEXT_PLAIN, "Unauthorized"), null, NO_SECRETS, null, false))
				.satisfies((ex) -> {
					assertThat(ex.getFailureKind()).isEqualTo(FairComFailureKind.AUTHENTICATION);
					assertThat(ex.getHttpStatus()).isEqualTo(status);
					assertThat(ex.getMessage()).contains("without a FairCom JSON answer",
							"something in front of FairCom (a proxy, gateway or load balancer) refused the call",
							"check that faircom.url points at the FairCom JSON API");
				});
		}
	}

	@Test
	void tooManyRequestsIsServerBusyNotProcessed() {
		assertThatExceptionOfType(FairComServerBusyException.class)
			.isThrownBy(() -> this.wire.decode(this.request, "r-1",
					TestAnswers.of(429, MediaType.TEXT_PLAIN, "slow down"), null, NO_SECRETS, null, false))
			.satisfies((ex) -> assertThat(ex.getFailureKind()).isEqualTo(FairComFailureKind.NOT_PROCESSED));
	}

	@Test
	void anAnswerWithMoreValuesThanTheBudgetIsTooLargeNotAnError() {
		FairComWireFormat bounded = new FairComWireFormat(Clock.systemUTC(), 1000, Integer.MAX_VALUE);
		StringBuilder body = new StringBuilder("{\"errorCode\":0,\"result\":{\"data\":[");
		for (int i = 0; i < 1000; i++) {
			body.append((i > 0) ? "," : "").append("{\"a\":").append(i).append('}');
		}
		body.append("]}}");
		TestAnswers.Recorded answer = TestAnswers.of(200, MediaType.APPLICATION_JSON, body.toString());
		assertThatExceptionOfType(FairComProtocolException.class)
			.isThrownBy(() -> bounded.decode(this.request, "r-1", answer, null, NO_SECRETS, null, false))
			.satisfies((ex) -> {
				assertThat(ex.getKind()).isEqualTo(Kind.TOO_LARGE);
				assertThat(ex.getFailureKind()).isEqualTo(FairComFailureKind.INVALID_ANSWER);
				assertThat(ex.getMessage()).contains("more than 1000 JSON values (faircom.max-response-values)");
			});
		assertThat(answer.discarded()).isTrue();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
			12031 | 'authToken' does not match any existing session. | true
			12031 | ""                                               | true
			60031 | Not possible to find valid session for the provided token. | true
			-1    | authToken invalid or expired.                    | true
			-1    | "  AUTHTOKEN INVALID OR EXPIRED. "               | true
			-1    | Something else failed                            | false
			0     | ""                                               | false
			19    | Can't create database                            | false
			12030 | ""                                               | false
			""")
	void classifiesSessionGoneAnswers(int errorCode, String errorMessage, boolean gone) {
		assertThat(FairComWireFormat.isSessionGone(errorCode, errorMessage)).isEqualTo(gone);
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
	void requiredResultArraysMustBeThereOptionalOnesMayBeAbsent() {
		FairComResponse response = decode("{\"errorCode\":0,\"result\":{\"data\":[{\"id\":1}],\"sessions\":null,"
				+ "\"fields\":{\"id\":1}}}");
		assertThat(response.resultArray("data")).hasSize(1);
		assertThat(response.optionalResultArray("sessions").isEmpty()).isTrue();
		assertThat(response.optionalResultArray("indexes").isEmpty()).isTrue();
		assertThatExceptionOfType(FairComProtocolException.class).isThrownBy(() -> response.resultArray("sessions"))
			.withMessageContaining("db/listTables without a 'sessions' array (sessions is null)");
		assertThatExceptionOfType(FairComProtocolException.class).isThrownBy(() -> response.resultArray("indexes"))
			.withMessageContaining("without a 'indexes' array (indexes is missing)");
		for (String call : List.of("resultArray", "optionalResultArray")) {
			assertThatExceptionOfType(FairComProtocolException.class)
				.isThrownBy(() -> array(response, call, "fields"))
				.withMessageContaining("db/listTables without a 'fields' array (fields is object)")
				.satisfies((ex) -> assertThat(ex.getKind()).isEqualTo(Kind.INCOMPLETE_RESULT));
		}
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			'[1,2]'   | array
			'"text"'  | string
			'42'      | number
			""")
	void aResultThatIsNotAnObjectHasNoArrays(String result, String type) {
		FairComResponse response = decode("{\"errorCode\":0,\"result\":" + result + "}");
		for (String call : List.of("resultArray", "optionalResultArray")) {
			assertThatExceptionOfType(FairComProtocolException.class)
				.isThrownBy(() -> array(response, call, "data"))
				.withMessageContaining("without a result object with a 'data' array (the result is " + type + ")");
		}
	}

	/**
	 * Reads each element of the data array as an Item, from the parser.
	 */
	private static final FairComResultReader<List<Item>> ITEMS = new FairComResultReader<>() {

		private final tools.jackson.databind.ObjectReader reader = json.readerFor(Item.class)
			.without(tools.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

		@Override
		public List<Item> read(tools.jackson.core.JsonParser parser) {
			List<Item> items = new java.util.ArrayList<>();
			while (parser.nextToken() != tools.jackson.core.JsonToken.END_ARRAY) {
				items.add(this.reader.readValue(parser));
			}
			return items;
		}

		@Override
		public String targetType() {
			return Item.class.getName();
		}

	};

	record Item(int id, String name) {
	}

	private FairComResponse decodeStreamed(String body) throws IOException {
		FairComRequest request = FairComRequest.builder("getRecordsByTable").api("db").readResultField("data", ITEMS)
			.build();
		FairComWireFormat.Decoded decoded = this.wire.decode(request, "r-1",
				TestAnswers.of(200, MediaType.APPLICATION_JSON, body), null, NO_SECRETS, null, false);
		if (decoded.failure() != null) {
			throw decoded.failure();
		}
		return decoded.response();
	}

	@Test
	@SuppressWarnings("unchecked")
	void readsOneResultFieldFromTheStreamAndTheRestAsATree() throws IOException {
		FairComResponse response = decodeStreamed("{\"result\":{\"dataFormat\":\"objects\",\"data\":[{\"id\":1,"
				+ "\"name\":\"bolt\",\"extra\":[1,{\"x\":2}]},{\"id\":2,\"name\":\"nut\"}],\"moreRecords\":true},"
				+ "\"requestId\":\"r-1\",\"errorCode\":0,\"errorMessage\":\"\"}");
		assertThat((List<Item>) response.readField()).containsExactly(new Item(1, "bolt"), new Item(2, "nut"));
		assertThat(response.result().has("data")).as("read from the stream, not kept in the tree").isFalse();
		assertThat(response.result().get("moreRecords").booleanValue()).isTrue();
		assertThat(response.result().get("dataFormat").stringValue()).isEqualTo("objects");
		assertThat(decodeStreamed("{\"errorCode\":0,\"result\":{}}").readField()).isNull();
	}

	@Test
	void aRecordThatDoesNotFitIsAMappingFailureOnlyOfASuccessfulAnswer() throws IOException {
		String records = "\"data\":[{\"id\":1,\"name\":\"bolt\"},{\"id\":\"x\",\"name\":{\"deep\":[1,2]}},"
				+ "{\"id\":3,\"name\":\"washer\"}],\"moreRecords\":false";
		assertThatExceptionOfType(io.github.faircomclient.FairComMappingException.class)
			.isThrownBy(() -> decodeStreamed("{\"result\":{" + records + "},\"errorCode\":0,\"requestId\":\"r-1\"}"))
			.withMessageContaining("Could not map the 'data' of db/getRecordsByTable (requestId r-1) to " + Item.class.getName())
			.withMessageContaining("field 'id'")
			.satisfies((ex) -> assertThat(ex.getFailureKind()).isEqualTo(FairComFailureKind.CLIENT));
		FairComResponse failed = decodeStreamed("{\"result\":{" + records + "},\"errorCode\":5,"
				+ "\"errorMessage\":\"no\"}");
		assertThat(failed.errorCode()).as("the rest of the bad value was skipped and the envelope read").isEqualTo(5);
		assertThat(failed.result().get("moreRecords").booleanValue()).isFalse();
	}

	@Test
	void aReaderThatLeavesNoCurrentTokenBehindIsSkippedToTheEndOfItsValueToo() throws IOException {
		FairComResultReader<List<Item>> iterating = new FairComResultReader<>() {

			private final tools.jackson.databind.ObjectReader reader = json.readerFor(Item.class)
				.without(tools.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

			@Override
			public List<Item> read(tools.jackson.core.JsonParser parser) {
				parser.nextToken();
				tools.jackson.databind.MappingIterator<Item> values = this.reader.readValues(parser);
				List<Item> items = new java.util.ArrayList<>();
				while (values.hasNextValue()) {
					items.add(values.nextValue());
				}
				return items;
			}

			@Override
			public String targetType() {
				return "items";
			}

			@Override
			public String describe(String field) {
				return "a record from";
			}

		};
		FairComRequest request = FairComRequest.builder("getRecordsByTable").api("db")
			.readResultField("data", iterating)
			.build();
		String body = "{\"result\":{\"data\":[{\"id\":1,\"name\":\"a\"},{\"id\":\"x\",\"name\":\"b\"},{\"id\":3}],"
				+ "\"moreRecords\":true},\"errorCode\":7,\"errorMessage\":\"no\"}";
		FairComWireFormat.Decoded failed = this.wire.decode(request, "r-1",
				TestAnswers.of(200, MediaType.APPLICATION_JSON, body), null, NO_SECRETS, null, false);
		assertThat(failed.response().errorCode()).as("the envelope after the skipped value was read").isEqualTo(7);
		assertThat(failed.response().result().get("moreRecords").booleanValue()).isTrue();
		FairComWireFormat.Decoded success = this.wire.decode(request, "r-1", TestAnswers.of(200,
				MediaType.APPLICATION_JSON, body.replace("\"errorCode\":7", "\"errorCode\":0")), null, NO_SECRETS, null,
				false);
		assertThat(success.failure()).isInstanceOf(io.github.faircomclient.FairComMappingException.class)
			.hasMessageContaining("Could not map a record from db/getRecordsByTable (requestId r-1) to items: field 'id'");
	}

	@Test
	@SuppressWarnings("unchecked")
	void skipsTheResultFieldsTheCallerDoesNotNeedCountingTheirValuesAgainstTheBudget() throws IOException {
		FairComRequest request = FairComRequest.builder("getRecordsByTable").api("db").readResultField("data", ITEMS)
			.skipResultFields("fields")
			.build();
		String body = "{\"result\":{\"fields\":[{\"name\":\"id\",\"type\":\"integer\"},{\"name\":\"name\","
				+ "\"type\":\"varchar\",\"length\":[1,{\"x\":2}]}],\"data\":[{\"id\":1,\"name\":\"bolt\"}],"
				+ "\"moreRecords\":false},\"requestId\":\"r-1\",\"errorCode\":0,\"errorMessage\":\"\"}";
		FairComResponse response = this.wire
			.decode(request, "r-1", TestAnswers.of(200, MediaType.APPLICATION_JSON, body), null, NO_SECRETS, null, false)
			.response();
		assertThat((List<Item>) response.readField()).containsExactly(new Item(1, "bolt"));
		assertThat(response.result().has("fields")).as("skipped, never built into the tree").isFalse();
		assertThat(response.result().get("moreRecords").booleanValue()).isFalse();
		FairComWireFormat bounded = new FairComWireFormat(Clock.systemUTC(), 30, Integer.MAX_VALUE);
		assertThatExceptionOfType(FairComProtocolException.class)
			.isThrownBy(() -> bounded.decode(request, "r-1", TestAnswers.of(200, MediaType.APPLICATION_JSON, body),
					null, NO_SECRETS, null, false))
			.satisfies((ex) -> assertThat(ex.getKind()).isEqualTo(Kind.TOO_LARGE));
		assertThat(new FairComWireFormat(Clock.systemUTC(), 60, Integer.MAX_VALUE)
			.decode(request, "r-1", TestAnswers.of(200, MediaType.APPLICATION_JSON, body), null, NO_SECRETS, null, false)
			.failure()).isNull();
	}

	@Test
	void theValueBudgetAppliesToAStreamedField() {
		FairComWireFormat bounded = new FairComWireFormat(Clock.systemUTC(), 100, Integer.MAX_VALUE);
		StringBuilder body = new StringBuilder("{\"errorCode\":0,\"result\":{\"data\":[");
		for (int i = 0; i < 100; i++) {
			body.append((i > 0) ? "," : "").append("{\"id\":").append(i).append(",\"name\":\"n\"}");
		}
		body.append("]}}");
		FairComRequest request = FairComRequest.builder("getRecordsByTable").api("db").readResultField("data", ITEMS)
			.build();
		assertThatExceptionOfType(FairComProtocolException.class)
			.isThrownBy(() -> bounded.decode(request, "r-1", TestAnswers.of(200, MediaType.APPLICATION_JSON,
					body.toString()), null, NO_SECRETS, null, false))
			.satisfies((ex) -> assertThat(ex.getKind()).isEqualTo(Kind.TOO_LARGE));
	}

	private static JsonNode array(FairComResponse response, String call, String name) {
		return ("resultArray".equals(call)) ? response.resultArray(name) : response.optionalResultArray(name);
	}

	private FairComResponse decode(String body) {
		try {
			FairComWireFormat.Decoded decoded = this.wire.decode(this.request, "r-1",
					TestAnswers.of(200, MediaType.APPLICATION_JSON, body), null, NO_SECRETS, null, false);
			return decoded.response();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (FairComException ex) {
			throw ex;
		}
	}

}
