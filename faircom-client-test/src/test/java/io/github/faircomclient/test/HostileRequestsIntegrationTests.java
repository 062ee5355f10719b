package io.github.faircomclient.test;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

import io.github.faircomclient.test.JsonActionClient.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests a real server must survive: each gets a JSON error (or a clean close), and the emulator keeps
 * serving. Plugins are not discovered, so the messages name only the admin api.
 */
class HostileRequestsIntegrationTests {

	private static FairComEmulator emulator;

	private static JsonActionClient client;

	private static FairComEmulator impatient;

	@BeforeAll
	static void start() {
		emulator = FairComEmulator.builder().discoverPlugins(false).start();
		client = new JsonActionClient(emulator.httpUrl());
		impatient = FairComEmulator.builder()
			.discoverPlugins(false)
			.requestTimeout(Duration.ofMillis(400))
			.connectionIdleTimeout(Duration.ofMillis(1500))
			.start();
	}

	@AfterAll
	static void stop() {
		emulator.close();
		impatient.close();
	}

	@AfterEach
	void stillServes() {
		Reply ping = client.post("{\"api\":\"admin\",\"action\":\"pingSession\"}");
		assertThat(ping.status()).isEqualTo(200);
		assertThat(ping.errorCode()).isZero();
	}

	@Test
	void notJson() {
		Reply reply = client.post("{nope");
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.response().headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(reply.errorCode()).isEqualTo(99001);
		assertThat(reply.errorMessage()).startsWith("The request body is not valid JSON: Unexpected character ('n'");
		assertThat(reply.json().has("result")).isFalse();
		assertThat(reply.json().has("debugInfo")).isFalse();
	}

	@Test
	void emptyBody() {
		Reply reply = client.post("");
		assertThat(reply.errorCode()).isEqualTo(99001);
		assertThat(reply.errorMessage()).isEqualTo("The request body is not valid JSON: the body is empty");
	}

	@Test
	void trailingContentAfterTheObject() {
		assertThat(client.post("{\"action\":\"pingSession\"} {}").errorCode()).isEqualTo(99001);
	}

	@Test
	void invalidUtf8() {
		Reply reply = client.send(HttpRequest.newBuilder(client.url())
			.POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] { '{', '"', 'a', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}' }))
			.build());
		assertThat(reply.errorCode()).isEqualTo(99001);
	}

	@Test
	void deeplyNestedJson() {
		String body = "[".repeat(5000) + "]".repeat(5000);
		Reply reply = client.post(body);
		assertThat(reply.errorCode()).isEqualTo(99001);
		assertThat(reply.errorMessage()).contains("nesting depth");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "[1,2]|an array", "\"pingSession\"|a string", "42|a number", "null|null",
			"true|a boolean" })
	void notAnObject(String body, String kind) {
		Reply reply = client.post(body);
		assertThat(reply.errorCode()).isEqualTo(99002);
		assertThat(reply.errorMessage()).isEqualTo("The request body must be a JSON object, not " + kind + ".");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "{}", "{\"api\":\"admin\"}", "{\"action\":\"\"}", "{\"action\":null}",
			"{\"action\":\"   \"}" })
	void noAction(String body) {
		Reply reply = client.post(body);
		assertThat(reply.errorCode()).isEqualTo(99003);
		assertThat(reply.errorMessage())
			.isEqualTo("The request has no 'action' property; name the action to run, e.g. \"action\": \"pingSession\".");
	}

	@Test
	void unknownApi() {
		Reply reply = client.post("{\"api\":\"sql\",\"action\":\"pingSession\",\"requestId\":[1,{\"a\":true}]}");
		assertThat(reply.errorCode()).isEqualTo(99006);
		assertThat(reply.errorMessage()).isEqualTo("Unknown api 'sql'; this server offers admin.");
		assertThat(reply.json().path("requestId").toString()).isEqualTo("[1,{\"a\":true}]");
		assertThat(reply.json().path("debugInfo").path("request").path("api").asString()).isEqualTo("sql");
	}

	@Test
	void unknownActionIsAnsweredAndCounted() {
		Reply reply = client.post("{\"api\":\"admin\",\"action\":\"dance\",\"requestId\":3}");
		assertThat(reply.errorCode()).isEqualTo(99007);
		assertThat(reply.errorMessage()).isEqualTo("Unknown action 'dance' in api 'admin'.");
		assertThat(reply.json().path("requestId").isInt()).isTrue();
		assertThat(emulator.actionCount("DANCE")).isEqualTo(1);
		Reply documentedButMissing = client.post("{\"api\":\"db\",\"action\":\"listDatabases\"}");
		assertThat(documentedButMissing.errorMessage()).isEqualTo("Unknown action 'listDatabases' in api 'db'.");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"{\"action\":5}|Property 'action' must be a string.",
			"{\"action\":\"pingSession\",\"api\":[\"admin\"]}|Property 'api' must be a string.",
			"{\"action\":\"pingSession\",\"params\":[]}|Property 'params' must be an object.",
			"{\"action\":\"pingSession\",\"authToken\":12}|Property 'authToken' must be a string.",
			"{\"action\":\"pingSession\",\"debug\":true}|Property 'debug' must be a string.",
			"{\"action\":\"pingSession\",\"responseOptions\":\"objects\"}|Property 'responseOptions' must be an object.",
			"{\"action\":\"pingSession\",\"apiVersion\":1}|Property 'apiVersion' must be a string.",
			"{\"action\":\"createSession\",\"params\":{\"username\":5,\"password\":\"x\"}}|Property 'params.username' must be a string.",
			"{\"action\":\"createSession\",\"params\":{\"username\":\"ADMIN\",\"password\":\"ADMIN\",\"idleConnectionTimeoutSeconds\":\"60\"}}|Property 'params.idleConnectionTimeoutSeconds' must be an integer.",
			"{\"action\":\"createSession\",\"params\":{\"username\":\"ADMIN\",\"password\":\"ADMIN\",\"idleConnectionTimeoutSeconds\":1.5}}|Property 'params.idleConnectionTimeoutSeconds' must be an integer.",
			"{\"action\":\"createSession\",\"params\":{\"username\":\"ADMIN\",\"password\":\"ADMIN\",\"permanentSession\":\"maybe\"}}|Property 'params.permanentSession' must be a boolean (or \"true\"/\"false\").",
			"{\"action\":\"createSession\",\"params\":{\"username\":\"ADMIN\",\"password\":\"ADMIN\",\"defaultResponseOptions\":[]}}|Property 'params.defaultResponseOptions' must be an object." })
	void wrongTypes(String body, String message) {
		Reply reply = client.post(body);
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.errorCode()).isEqualTo(99004);
		assertThat(reply.errorMessage()).isEqualTo(message);
		assertThat(reply.json().has("result")).isFalse();
		assertThat(emulator.sessions()).isEmpty();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"{\"action\":\"pingSession\",\"debug\":\"verbose\"}|Property 'debug' has an invalid value: \"verbose\"; use \"none\", \"min\" or \"max\"",
			"{\"action\":\"createSession\",\"params\":{\"username\":\"ADMIN\",\"password\":\"ADMIN\",\"idleConnectionTimeoutSeconds\":-5}}|Property 'params.idleConnectionTimeoutSeconds' has an invalid value: -5; the minimum is 0",
			"{\"action\":\"createSession\",\"params\":{\"username\":\"ADMIN\",\"password\":\"ADMIN\",\"idleCursorTimeoutSeconds\":-2}}|Property 'params.idleCursorTimeoutSeconds' has an invalid value: -2; the minimum is -1",
			"{\"action\":\"createSession\",\"params\":{\"username\":\"ADMIN\",\"password\":\"ADMIN\",\"defaultApi\":\"sql\"}}|Property 'params.defaultApi' has an invalid value: \"sql\"; use one of admin, db, hub, mq, transform",
			"{\"action\":\"createSession\",\"params\":{\"username\":\"ADMIN\",\"password\":\"ADMIN\",\"defaultBinaryFormat\":\"octal\"}}|Property 'params.defaultBinaryFormat' has an invalid value: \"octal\"; use one of base64, byteArray, hex",
			"{\"action\":\"createSession\",\"params\":{\"username\":\"ADMIN\",\"password\":\"ADMIN\",\"defaultResponseOptions\":{\"dataFormat\":\"csv\"}}}|Property 'params.defaultResponseOptions.dataFormat' has an invalid value: \"csv\"; use one of arrays, default, objects" })
	void invalidValues(String body, String message) {
		Reply reply = client.post(body);
		assertThat(reply.errorCode()).isEqualTo(99005);
		assertThat(reply.errorMessage()).isEqualTo(message);
		assertThat(emulator.sessions()).isEmpty();
	}

	@Test
	void twentyMegabyteBodyWithContentLength() {
		Reply reply = client.post(hugeRequest());
		assertThat(reply.status()).isEqualTo(413);
		assertThat(reply.errorCode()).isEqualTo(99020);
		assertThat(reply.errorMessage()).isEqualTo("The request body exceeds the limit of 16777216 bytes.");
	}

	@Test
	void twentyMegabyteChunkedBody() {
		byte[] body = hugeRequest().getBytes(StandardCharsets.UTF_8);
		Reply reply = client.send(HttpRequest.newBuilder(client.url())
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
			.build());
		assertThat(reply.status()).isEqualTo(413);
		assertThat(reply.errorCode()).isEqualTo(99020);
	}

	@Test
	void slowClientGetsATimeoutAnswerAndTheConnectionCloses() throws Exception {
		String body = "{\"api\":\"admin\",\"action\":\"pingSession\"}";
		try (RawHttp raw = new RawHttp(impatient.httpPort())) {
			raw.send("POST /api HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " + body.length() + "\r\n\r\n");
			RawHttp.Answer answer = null;
			for (int i = 0; i < body.length() && answer == null; i++) {
				raw.send(body.substring(i, i + 1));
				Thread.sleep(100);
				raw.timeout(1);
				try {
					answer = raw.read();
				}
				catch (java.net.SocketTimeoutException stillWaiting) {
					// the server is still reading
				}
				raw.timeout(10_000);
			}
			if (answer == null) {
				answer = raw.read();
			}
			assertThat(answer.status()).isEqualTo(408);
			assertThat(answer.header("Connection")).isEqualTo("close");
			JsonNode json = JsonActionClient.MAPPER.readTree(answer.body());
			assertThat(json.path("errorCode").asInt()).isEqualTo(99021);
			assertThat(json.path("errorMessage").asString()).isEqualTo("The request body was not received within 400 ms.");
			assertThat(raw.closedByServer()).isTrue();
		}
	}

	@Test
	void silentClientIsDisconnected() throws Exception {
		try (RawHttp raw = new RawHttp(impatient.httpPort())) {
			raw.send("POST /api HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\n{\"act");
			RawHttp.Answer answer = raw.read();
			if (answer != null) {
				assertThat(answer.status()).isEqualTo(408);
				assertThat(JsonActionClient.MAPPER.readTree(answer.body()).path("errorCode").asInt()).isEqualTo(99021);
			}
			assertThat(raw.closedByServer()).isTrue();
		}
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "HELLO FAIRCOM|505", "POST /api HTTP/1.1\\r\\nHost 127.0.0.1|400" })
	void malformedHttpGetsAJsonError(String head, int status) throws Exception {
		try (RawHttp raw = new RawHttp(emulator.httpPort())) {
			raw.send(head.replace("\\r\\n", "\r\n") + "\r\n\r\n");
			RawHttp.Answer answer = raw.read();
			assertThat(answer.status()).isEqualTo(status);
			assertThat(answer.header("Content-Type")).startsWith("application/json");
			JsonNode json = JsonActionClient.MAPPER.readTree(answer.body());
			assertThat(json.path("errorCode").asInt()).isEqualTo(99024);
			assertThat(json.path("errorMessage").asString()).startsWith("HTTP error " + status + ": ");
		}
	}

	@Test
	void oversizedHeaderGetsAJsonError() throws Exception {
		char[] filler = new char[20_000];
		Arrays.fill(filler, 'x');
		try (RawHttp raw = new RawHttp(emulator.httpPort())) {
			raw.send("POST /api HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Filler: " + new String(filler) + "\r\nContent-Length: 2\r\n\r\n{}");
			RawHttp.Answer answer = raw.read();
			assertThat(answer.status()).isEqualTo(431);
			assertThat(JsonActionClient.MAPPER.readTree(answer.body()).path("errorCode").asInt()).isEqualTo(99024);
		}
	}

	private static String hugeRequest() {
		char[] filler = new char[20 * 1024 * 1024];
		Arrays.fill(filler, 'a');
		return "{\"api\":\"admin\",\"action\":\"pingSession\",\"params\":{\"blob\":\"" + new String(filler) + "\"}}";
	}

}
