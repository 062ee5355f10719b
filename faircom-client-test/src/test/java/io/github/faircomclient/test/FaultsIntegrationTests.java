package io.github.faircomclient.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.faircomclient.test.JsonActionClient.Reply;
import io.github.faircomclient.test.junit.EnableFairComEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Each injected fault, seen from a real HTTP client.
 */
@EnableFairComEmulator
class FaultsIntegrationTests {

	private static final String PING = "{\"api\":\"admin\",\"action\":\"pingSession\"}";

	private final FairComEmulator emulator;

	private final JsonActionClient client;

	FaultsIntegrationTests(FairComEmulator emulator) {
		this.emulator = emulator;
		this.client = new JsonActionClient(emulator.httpUrl());
	}

	@AfterEach
	void endSessions() {
		this.emulator.faults().expireAllSessions();
	}

	@Test
	void http500WithoutJsonSkipsTheAction() {
		this.emulator.faults().failNext(Fault.http500());
		Reply reply = this.client.post(login());
		assertThat(reply.status()).isEqualTo(500);
		assertThat(reply.response().headers().firstValue("Content-Type")).hasValue("text/plain;charset=utf-8");
		assertThat(reply.body()).isEqualTo("Internal Server Error");
		assertThat(this.emulator.sessions()).isEmpty();
		assertThat(this.emulator.actionCount("createSession")).isEqualTo(1);
		assertThat(this.client.post(login()).errorCode()).as("the next request is normal").isZero();
	}

	@Test
	void afterExecutionRunsTheActionAndLosesTheAnswer() {
		this.emulator.faults().failNext(Fault.http500().afterExecution());
		assertThat(this.client.post(login()).status()).isEqualTo(500);
		assertThat(this.emulator.sessions()).hasSize(1);
	}

	@Test
	void htmlErrorPage() {
		this.emulator.faults().failNext(Fault.htmlErrorPage());
		this.emulator.faults().failNext(Fault.htmlErrorPage(200));
		Reply gateway = this.client.post(PING);
		assertThat(gateway.status()).isEqualTo(502);
		assertThat(gateway.response().headers().firstValue("Content-Type")).hasValue("text/html;charset=utf-8");
		assertThat(gateway.body()).startsWith("<!DOCTYPE html>").contains("<title>502 Bad Gateway</title>");
		Reply portal = this.client.post(PING);
		assertThat(portal.status()).isEqualTo(200);
		assertThat(portal.body()).contains("<h1>200 OK</h1>");
	}

	@Test
	void truncatedJsonCutsTheRealAnswer() {
		this.emulator.faults().failNext(Fault.truncatedJson());
		Reply reply = this.client.post(login());
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.response().headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(reply.body()).startsWith("{\"authToken\":\"");
		assertThatExceptionOfType(JacksonException.class).isThrownBy(reply::json);
		assertThat(this.emulator.sessions()).as("the action ran").hasSize(1);
		Reply complete = this.client.post(login());
		assertThat(reply.body()).hasSize(complete.body().length() / 2);
	}

	@Test
	void trickledAnswerArrivesCompleteButSlowly() {
		this.emulator.faults().failNext(Fault.trickle(10, Duration.ofMillis(20)));
		long start = System.nanoTime();
		Reply reply = this.client.post(PING);
		Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
		assertThat(reply.body()).isEqualTo("{\"result\":{},\"errorCode\":0,\"errorMessage\":\"\"}");
		int chunks = (reply.body().length() + 9) / 10;
		assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(20L * (chunks - 1)));
	}

	@Test
	void trickledAnswerSendsHeadersAtOnceAndTheBodySlowly() throws Exception {
		this.emulator.faults().failNext(Fault.trickle(Duration.ofMillis(200)));
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		HttpRequest request = HttpRequest.newBuilder(this.emulator.httpUrl())
			.timeout(Duration.ofMillis(500))
			.POST(HttpRequest.BodyPublishers.ofString(PING))
			.build();
		HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(45);
		try (InputStream body = response.body()) {
			assertThat(body.read()).isEqualTo('{');
			CompletableFuture<byte[]> rest = CompletableFuture.supplyAsync(() -> {
				try {
					return body.readAllBytes();
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
			assertThatExceptionOfType(TimeoutException.class).isThrownBy(() -> rest.get(300, TimeUnit.MILLISECONDS));
		}
	}

	@Test
	void droppedConnectionGivesNoAnswer() {
		this.emulator.faults().failNext(Fault.dropConnection());
		assertThatExceptionOfType(UncheckedIOException.class).isThrownBy(() -> this.client.post(login()));
		assertThat(this.emulator.sessions()).isEmpty();
		assertThat(this.emulator.actionCount("createSession")).isEqualTo(1);
		this.emulator.faults().failNext(Fault.dropConnection().afterExecution());
		assertThatExceptionOfType(UncheckedIOException.class).isThrownBy(() -> this.client.post(login()));
		assertThat(this.emulator.sessions()).as("the session was created, the token lost").hasSize(1);
		assertThat(this.client.post(PING).errorCode()).isZero();
	}

	@Test
	void tooManyRequestsWithRetryAfter() {
		this.emulator.faults().failNext(Fault.tooManyRequests(Duration.ofMillis(1500)));
		Reply reply = this.client.post(PING);
		assertThat(reply.status()).isEqualTo(429);
		assertThat(reply.response().headers().firstValue("Retry-After")).hasValue("2");
		assertThat(reply.body()).isEqualTo("Too Many Requests");
	}

	@Test
	void failNextCountsDownAndClearForgets() {
		this.emulator.faults().failNext(2, Fault.tooManyRequests(Duration.ofSeconds(1)));
		this.emulator.faults().failNext(Fault.http500());
		assertThat(this.emulator.faults().pendingFaults()).isEqualTo(3);
		assertThat(this.client.post(PING).status()).isEqualTo(429);
		assertThat(this.client.post(PING).status()).isEqualTo(429);
		assertThat(this.emulator.faults().pendingFaults()).isEqualTo(1);
		this.emulator.faults().clear();
		assertThat(this.client.post(PING).status()).isEqualTo(200);
		assertThat(this.emulator.actionCount("pingsession")).isEqualTo(3);
	}

	@Test
	void faultsAlsoHitInvalidRequests() {
		this.emulator.faults().failNext(Fault.http500());
		assertThat(this.client.post("{nope").status()).isEqualTo(500);
		assertThat(this.client.post("{nope").errorCode()).isEqualTo(99001);
	}

	@Test
	void latencyDelaysEveryAnswerUntilCleared() {
		this.emulator.faults().latency(Duration.ofMillis(300));
		this.emulator.faults().failNext(Fault.http500());
		long start = System.nanoTime();
		assertThat(this.client.post(PING).status()).isEqualTo(500);
		assertThat(this.client.post(PING).status()).isEqualTo(200);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(600));
		assertThat(this.emulator.faults().latency()).isEqualTo(Duration.ofMillis(300));
		this.emulator.faults().clear();
		assertThat(this.emulator.faults().latency()).isZero();
	}

	@Test
	void expiringSessionsReportsWhatWasExpired() {
		String first = this.client.login("ADMIN", "ADMIN");
		this.client.login("ADMIN", "ADMIN");
		assertThat(this.emulator.faults().expireSession("unknown")).isFalse();
		assertThat(this.emulator.faults().expireSession(first)).isTrue();
		assertThat(this.emulator.faults().expireSession(first)).isFalse();
		assertThat(this.emulator.faults().expireAllSessions()).isEqualTo(1);
		assertThat(this.emulator.sessions()).isEmpty();
	}

	@Test
	void stoppingCutsOffATrickleAtOnce() throws Exception {
		this.emulator.faults().failNext(Fault.trickle(Duration.ofSeconds(5)));
		CompletableFuture<Reply> slow = CompletableFuture.supplyAsync(() -> this.client.post(PING));
		while (this.emulator.faults().pendingFaults() > 0) {
			Thread.onSpinWait();
		}
		long start = System.nanoTime();
		this.emulator.stop();
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> slow.get(10, TimeUnit.SECONDS))
			.withCauseInstanceOf(UncheckedIOException.class);
		this.emulator.start();
	}

	@Test
	void invalidFaultsAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> Fault.trickle(Duration.ZERO));
		assertThatIllegalArgumentException().isThrownBy(() -> Fault.trickle(0, Duration.ofMillis(1)));
		assertThatIllegalArgumentException().isThrownBy(() -> Fault.htmlErrorPage(99));
		assertThatIllegalArgumentException().isThrownBy(() -> Fault.tooManyRequests(Duration.ofSeconds(-1)));
		assertThatIllegalArgumentException().isThrownBy(() -> this.emulator.faults().failNext(0, Fault.http500()));
		assertThatIllegalArgumentException().isThrownBy(() -> this.emulator.faults().latency(Duration.ofMillis(-1)));
		assertThat(Fault.trickle(3, Duration.ofMillis(5))).hasToString("Fault[TRICKLE, status 200, 3 byte(s) per PT0.005S, after execution]");
		assertThat(Fault.http500().afterExecution()).isEqualTo(Fault.http500().afterExecution()).isNotEqualTo(Fault.http500());
	}

	private static ObjectNode login() {
		return JsonActionClient.createSession("ADMIN", "ADMIN");
	}

}
