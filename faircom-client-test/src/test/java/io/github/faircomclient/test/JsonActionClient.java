package io.github.faircomclient.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Consumer;

import javax.net.ssl.SSLContext;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A minimal JDK-HttpClient client for the emulator's tests (the emulator's tests never use the project's
 * own client).
 */
final class JsonActionClient {

	static final JsonMapper MAPPER = JsonMapper.builder().build();

	private final HttpClient http;

	private final URI url;

	JsonActionClient(URI url) {
		this(url, null);
	}

	JsonActionClient(URI url, SSLContext sslContext) {
		HttpClient.Builder builder = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(30));
		if (sslContext != null) {
			builder.sslContext(sslContext);
		}
		this.http = builder.build();
		this.url = url;
	}

	URI url() {
		return this.url;
	}

	Reply post(String body) {
		return send(HttpRequest.newBuilder(this.url)
			.timeout(Duration.ofSeconds(20))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	Reply post(JsonNode body) {
		return post(body.toString());
	}

	Reply send(HttpRequest request) {
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			return new Reply(response.statusCode(), response.body(), response);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * createSession with a user name and password; returns the new token.
	 */
	String login(String username, String password) {
		return login(username, password, (params) -> {
		});
	}

	/**
	 * createSession with a user name, password and further params; returns the new token.
	 */
	String login(String username, String password, Consumer<ObjectNode> extraParams) {
		ObjectNode request = createSession(username, password);
		extraParams.accept((ObjectNode) request.get("params"));
		Reply reply = post(request);
		if (reply.json().path("errorCode").asInt() != 0) {
			throw new IllegalStateException("Login failed: " + reply.body());
		}
		return reply.json().path("result").path("authToken").asString();
	}

	/**
	 * A createSession request with a user name and password.
	 */
	static ObjectNode createSession(String username, String password) {
		ObjectNode request = request("admin", "createSession");
		request.putObject("params").put("username", username).put("password", password);
		return request;
	}

	static ObjectNode request(String api, String action) {
		ObjectNode request = MAPPER.createObjectNode();
		if (api != null) {
			request.put("api", api);
		}
		return request.put("action", action);
	}

	record Reply(int status, String body, HttpResponse<String> response) {

		JsonNode json() {
			return MAPPER.readTree(this.body);
		}

		int errorCode() {
			return json().path("errorCode").asInt();
		}

		String errorMessage() {
			return json().path("errorMessage").asString();
		}

	}

}
