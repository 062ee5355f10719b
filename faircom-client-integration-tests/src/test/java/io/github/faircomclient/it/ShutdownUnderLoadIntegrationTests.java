package io.github.faircomclient.it;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.github.faircomclient.FairComClientClosedException;
import io.github.faircomclient.core.FairComTemplate;
import io.github.faircomclient.it.support.HostileServer;
import io.github.faircomclient.it.support.Reliability;
import io.github.faircomclient.test.FairComEmulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Shutting down never waits behind a login or a saturated pool: {@code close()} aborts a
 * login in flight and returns within the logout timeout whatever the server does, and with
 * every pooled connection busy it still sends {@code deleteSession} (over a connection of
 * its own) and releases the callers waiting for a connection at once.
 */
@Tag("reliability")
class ShutdownUnderLoadIntegrationTests {

	private static final Duration LOGOUT_TIMEOUT = Duration.ofMillis(500);

	private final ExecutorService callers = Executors.newCachedThreadPool();

	private final CountDownLatch released = new CountDownLatch(1);

	@AfterEach
	void stop() {
		this.released.countDown();
		this.callers.shutdownNow();
	}

	@Test
	void closeDuringALoginToASilentServerReturnsWithinTheLogoutTimeout() throws Exception {
		try (HostileServer server = new HostileServer()) {
			server.loginAnswer((request, out) -> this.released.await(60, TimeUnit.SECONDS));
			Duration took = closeWhileLoggingIn(server);
			assertThat(took).isLessThan(LOGOUT_TIMEOUT);
			Reliability.record("D1", "close() with a login in flight, silent server: " + took.toMillis()
					+ " ms (logout timeout " + LOGOUT_TIMEOUT.toMillis() + " ms; before: read timeout, 29.5 s)");
		}
	}

	@Test
	void closeDuringALoginToATricklingServerReturnsWithinTheLogoutTimeout() throws Exception {
		try (HostileServer server = new HostileServer()) {
			server.loginAnswer((request, out) -> trickle(out));
			Duration took = closeWhileLoggingIn(server);
			assertThat(took).isLessThan(LOGOUT_TIMEOUT);
			Reliability.record("D1", "close() with a login in flight, server trickling 1 byte/s: " + took.toMillis()
					+ " ms (before: the call timeout, 59.5 s)");
		}
	}

	@Test
	void closeDuringALoginToASlowServerReturnsWithinTheLogoutTimeout() throws Exception {
		try (FairComEmulator emulator = FairComEmulator.builder().httpPort(0).user("app", "secret").build().start()) {
			emulator.faults().latency(Duration.ofSeconds(8));
			FairComTemplate template = template(emulator.httpUrl().toString(), 20);
			Future<?> call = this.callers.submit(() -> template.execute("admin", "pingSession", null));
			await().atMost(Duration.ofSeconds(10)).until(() -> emulator.actionCount("createSession") == 1);
			Duration took = timeClose(template);
			assertThat(took).isLessThan(LOGOUT_TIMEOUT);
			assertThat(failureOf(call)).isInstanceOf(FairComClientClosedException.class);
			Reliability.record("D1", "close() with a login in flight, live server with 8 s latency: "
					+ took.toMillis() + " ms (before: 12.5 s)");
		}
	}

	@Test
	void closeWithASaturatedPoolStillLogsOutAndReleasesTheWaitingCallersAtOnce() throws Exception {
		try (FairComEmulator emulator = FairComEmulator.builder().httpPort(0).user("app", "secret").build().start()) {
			FairComTemplate template = FairComTemplate.builder()
				.url(emulator.httpUrl().toString())
				.credentials("app", "secret")
				.maxConnections(20)
				.logoutTimeout(Duration.ofSeconds(5))
				.build();
			template.execute("admin", "pingSession", null);
			emulator.faults().latency(Duration.ofSeconds(1));
			int threads = Reliability.choose(64, 128);
			List<Future<?>> calls = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				calls.add(this.callers.submit(() -> {
					while (true) {
						template.execute("admin", "pingSession", null);
					}
				}));
			}
			await().atMost(Duration.ofSeconds(20))
				.until(() -> emulator.actionCount("pingSession") > 25 && emulator.sessions().size() == 1);
			Duration took = timeClose(template);
			long start = System.nanoTime();
			for (Future<?> call : calls) {
				assertThat(failureOf(call)).isInstanceOf(FairComClientClosedException.class);
			}
			Duration callersReleased = Duration.ofNanos(System.nanoTime() - start);
			assertThat(emulator.actionCount("deleteSession")).as("the logout got through").isOne();
			assertThat(emulator.sessions()).isEmpty();
			assertThat(took).as("one deleteSession with 1 s latency, within the 5 s logout timeout")
				.isLessThan(Duration.ofSeconds(5));
			assertThat(callersReleased).as("callers waiting for a connection are not held until the acquire timeout")
				.isLessThan(Duration.ofSeconds(2));
			Reliability.record("D2", threads + " threads, pool of 20 saturated, 1 s per call: close() took "
					+ took.toMillis() + " ms, deleteSession sent " + emulator.actionCount("deleteSession")
					+ " time(s), every caller released " + callersReleased.toMillis() + " ms after close() returned "
					+ "(before: 5 s, no deleteSession, callers released up to 10 s later)");
		}
	}

	private Duration closeWhileLoggingIn(HostileServer server) throws Exception {
		FairComTemplate template = template(server.url().toString(), 20);
		Future<?> call = this.callers.submit(() -> template.execute("admin", "pingSession", null));
		await().atMost(Duration.ofSeconds(10)).until(() -> server.requests() == 1);
		Duration took = timeClose(template);
		assertThat(failureOf(call)).isInstanceOf(FairComClientClosedException.class);
		return took;
	}

	private static FairComTemplate template(String url, int maxConnections) {
		return FairComTemplate.builder()
			.url(url)
			.credentials("app", "secret")
			.maxConnections(maxConnections)
			.readTimeout(Duration.ofSeconds(30))
			.callTimeout(Duration.ofSeconds(60))
			.logoutTimeout(LOGOUT_TIMEOUT)
			.build();
	}

	private void trickle(OutputStream out) throws IOException, InterruptedException {
		out.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n"
			.getBytes(StandardCharsets.ISO_8859_1));
		out.flush();
		while (!this.released.await(1, TimeUnit.SECONDS)) {
			out.write(' ');
			out.flush();
		}
	}

	private static Duration timeClose(FairComTemplate template) {
		long start = System.nanoTime();
		template.close();
		return Duration.ofNanos(System.nanoTime() - start);
	}

	private static Throwable failureOf(Future<?> call) throws InterruptedException {
		try {
			call.get(10, TimeUnit.SECONDS);
		}
		catch (ExecutionException ex) {
			return ex.getCause();
		}
		catch (java.util.concurrent.TimeoutException ex) {
			throw new AssertionError("the call was not released", ex);
		}
		throw new AssertionError("the call did not fail");
	}

}
