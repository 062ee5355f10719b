package io.github.faircomclient.test.db;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import io.github.faircomclient.test.EmulatorClock;
import io.github.faircomclient.test.FairComEmulator;
import io.github.faircomclient.test.FairComEmulatorBuilder;
import io.github.faircomclient.test.MutableEmulatorClock;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Talks to an emulator over real HTTP with {@link HttpClient} and Jackson, the way any client
 * would: no code of our FairCom client is involved.
 */
final class DbClient implements AutoCloseable {

	static final JsonMapper JSON = JsonMapper.builder().build();

	final MutableEmulatorClock clock = EmulatorClock.fixed(Instant.parse("2026-01-01T10:00:00Z"));

	final FairComEmulator emulator;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final URI url;

	String token;

	DbClient() {
		this(null);
	}

	/**
	 * Starts an emulator, with the given DB plugin instead of the discovered one when not null.
	 */
	DbClient(@Nullable DbPlugin plugin) {
		FairComEmulatorBuilder builder = FairComEmulator.builder().clock(this.clock);
		if (plugin != null) {
			builder.plugin(plugin);
		}
		this.emulator = builder.start();
		this.url = this.emulator.httpUrl();
		this.token = login();
	}

	DbPlugin plugin() {
		return this.emulator.plugin(DbPlugin.class).orElseThrow();
	}

	/**
	 * Creates a session whose defaults match FairCom DB's documentation examples (database
	 * ctreeSQL, owner admin, api db) with debug off.
	 */
	String login() {
		return login("{}");
	}

	/**
	 * Creates a session with the documentation's defaults plus the given extra createSession params.
	 */
	String login(String extraParams) {
		ObjectNode request = JSON.createObjectNode();
		request.put("api", "admin");
		request.put("action", "createSession");
		request.putObject("params")
			.put("username", "ADMIN")
			.put("password", "ADMIN")
			.put("defaultApi", "db")
			.put("defaultDebug", "none")
			.put("defaultDatabaseName", "ctreeSQL")
			.put("defaultOwnerName", "admin");
		((ObjectNode) request.get("params")).setAll((ObjectNode) JSON.readTree(extraParams));
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

	/** Sends a db action with this client's session and returns the whole answer. */
	JsonNode call(String action, String params) {
		return call(this.token, action, params);
	}

	JsonNode call(String authToken, String action, String params) {
		ObjectNode request = JSON.createObjectNode();
		request.put("api", "db");
		request.put("action", action);
		request.set("params", JSON.readTree(params));
		request.put("authToken", authToken);
		return send(request);
	}

	/** Sends a db action that must succeed and returns its {@code result}. */
	JsonNode result(String action, String params) {
		JsonNode answer = call(action, params);
		assertThat(answer.path("errorCode").asInt()).as(action + " answered " + answer).isZero();
		return answer.path("result");
	}

	/** Sends a db action that must fail and returns its error code. */
	int error(String action, String params) {
		JsonNode answer = call(action, params);
		assertThat(answer.path("errorCode").asInt()).as(action + " answered " + answer).isNotZero();
		assertThat(answer.has("result")).as("an error answer has no result").isFalse();
		return answer.path("errorCode").asInt();
	}

	@Override
	public void close() {
		this.emulator.close();
	}
}
