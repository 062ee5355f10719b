package io.github.faircomclient.test.mq;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import io.github.faircomclient.test.EmulatorClock;
import io.github.faircomclient.test.FairComEmulator;
import io.github.faircomclient.test.MutableEmulatorClock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Talks to an emulator over real HTTP with {@link HttpClient} and Jackson, as any client would, on a
 * clock that stands still at 2026-01-01T10:00:00Z (UTC) until a test moves it.
 */
final class MqClient implements AutoCloseable {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final Instant START = Instant.parse("2026-01-01T10:00:00Z");

	final MutableEmulatorClock clock = EmulatorClock.fixed(START);

	final FairComEmulator emulator;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final URI url;

	String token;

	MqClient() {
		this.emulator = FairComEmulator.builder().clock(this.clock).start();
		this.url = this.emulator.httpUrl();
		this.token = login();
	}

	MqPlugin plugin() {
		return this.emulator.plugin(MqPlugin.class).orElseThrow();
	}

	/** A JSON session with debug off (so answers carry debugInfo only for errors and warnings). */
	String login() {
		ObjectNode request = JSON.createObjectNode();
		request.put("api", "admin");
		request.put("action", "createSession");
		request.putObject("params").put("username", "ADMIN").put("password", "ADMIN").put("defaultDebug", "none");
		JsonNode answer = send(request);
		assertThat(answer.path("errorCode").asInt()).as(answer.toString()).isZero();
		return answer.path("result").path("authToken").asString();
	}

	void logout(String authToken) {
		ObjectNode request = JSON.createObjectNode();
		request.put("api", "admin");
		request.put("action", "deleteSession");
		request.put("authToken", authToken);
		assertThat(send(request).path("errorCode").asInt()).isZero();
	}

	JsonNode send(ObjectNode request) {
		try {
			HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(this.url)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(request)))
				.build(), HttpResponse.BodyHandlers.ofString());
			return JSON.readTree(response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Sends an mq action with this client's JSON session and returns the whole answer. */
	JsonNode call(String action, String params) {
		return call(this.token, action, params);
	}

	JsonNode call(String authToken, String action, String params) {
		ObjectNode request = JSON.createObjectNode();
		request.put("api", "mq");
		request.put("action", action);
		request.set("params", JSON.readTree(params));
		request.put("authToken", authToken);
		return send(request);
	}

	/** Sends an mq action that must succeed and returns its {@code result}. */
	JsonNode result(String action, String params) {
		JsonNode answer = call(action, params);
		assertThat(answer.path("errorCode").asInt()).as(action + " answered " + answer).isZero();
		return answer.path("result");
	}

	/** Sends an mq action that must fail and returns the answer. */
	JsonNode error(String action, String params) {
		JsonNode answer = call(action, params);
		assertThat(answer.path("errorCode").asInt()).as(action + " answered " + answer).isNotZero();
		assertThat(answer.has("result")).as("an error answer has no result").isFalse();
		return answer;
	}

	void createSession(String clientName) {
		result("createMqApiSession", "{\"clientName\":\"" + clientName + "\"}");
	}

	void subscribe(String clientName, String topicFilter) {
		result("subscribeToMq", "{\"clientName\":\"" + clientName + "\",\"subscriptionActions\":[{\"subscriptionAction\":"
				+ "\"add\",\"topicFilter\":\"" + topicFilter + "\"}]}");
	}

	/** Publishes text messages, one per payload. */
	JsonNode publish(String clientName, String topic, String... payloads) {
		StringBuilder messages = new StringBuilder();
		for (String payload : payloads) {
			messages.append((messages.length() > 0) ? "," : "").append("{\"payload\":\"").append(payload).append("\"}");
		}
		return result("publishMessagesToMq", "{\"clientName\":\"" + clientName + "\",\"topic\":\"" + topic
				+ "\",\"messages\":[" + messages + "]}");
	}

	/** A stateful read; returns its result. */
	JsonNode read(String clientName, int maxMessages) {
		return result("getMessagesFromMqApiSession",
				"{\"clientName\":\"" + clientName + "\",\"maxMessages\":" + maxMessages + "}");
	}

	@Override
	public void close() {
		this.emulator.close();
	}

}
