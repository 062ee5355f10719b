package io.github.faircomclient.testcontainers;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.jspecify.annotations.Nullable;
import org.testcontainers.containers.ContainerLaunchException;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Waits until the JSON Action API answers {@code pingSession} (sent without a session
 * token, so nothing logs in) with {@code errorCode} 0 on a port of the container: the
 * server is up and its API ready, not just its port open.
 */
class PingSessionWaitStrategy extends AbstractWaitStrategy {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final String PING = "{\"api\":\"admin\",\"action\":\"pingSession\",\"params\":{}}";

	private static final Duration PAUSE = Duration.ofMillis(500);

	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

	private final int port;

	PingSessionWaitStrategy(int port) {
		this.port = port;
	}

	@Override
	protected void waitUntilReady() {
		URI url = URI.create("http://" + this.waitStrategyTarget.getHost() + ":"
				+ this.waitStrategyTarget.getMappedPort(this.port) + "/api");
		HttpClient client = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();
		long deadline = System.nanoTime() + this.startupTimeout.toNanos();
		String last = "no answer yet";
		while (System.nanoTime() - deadline < 0) {
			String failure = ping(client, url);
			if (failure == null) {
				return;
			}
			last = failure;
			LockSupport.parkNanos(PAUSE.toNanos());
			if (Thread.currentThread().isInterrupted()) {
				throw new ContainerLaunchException("Interrupted while waiting for pingSession at " + url);
			}
		}
		throw new ContainerLaunchException("The FairCom server at " + url + " did not answer pingSession within "
				+ TimeUnit.NANOSECONDS.toSeconds(this.startupTimeout.toNanos()) + " s; last: " + last);
	}

	/**
	 * Send one ping.
	 * @return {@code null} if the server answered with errorCode 0, otherwise what it did
	 */
	private static @Nullable String ping(HttpClient client, URI url) {
		HttpRequest request = HttpRequest.newBuilder(url)
			.timeout(REQUEST_TIMEOUT)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(PING, StandardCharsets.UTF_8))
			.build();
		try {
			HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
			JsonNode errorCode = json.readTree(response.body()).path("errorCode");
			return (errorCode.isNumber() && errorCode.intValue() == 0) ? null
					: "HTTP " + response.statusCode() + " with errorCode " + errorCode;
		}
		catch (IOException | JacksonException ex) {
			return ex.getClass().getSimpleName() + ": " + ex.getMessage();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "interrupted";
		}
	}

}
