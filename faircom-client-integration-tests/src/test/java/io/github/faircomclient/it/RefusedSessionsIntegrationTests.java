package io.github.faircomclient.it;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.github.faircomclient.FairComSessionExpiredException;
import io.github.faircomclient.core.FairComTemplate;
import io.github.faircomclient.it.support.HostileServer;
import io.github.faircomclient.it.support.HostileServer.Answer;
import io.github.faircomclient.it.support.Reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A server that hands out sessions and then refuses every call with 12031 (a load
 * balancer without session affinity in front of several servers): a call logs in again and
 * replays at most once, and after two such refusals logins pause for everybody instead of
 * storming; the refused sessions are deleted.
 */
@Tag("reliability")
class RefusedSessionsIntegrationTests {

	@Test
	void oneCallLogsInAgainAndReplaysAtMostOnce() throws Exception {
		AtomicInteger logins = new AtomicInteger();
		AtomicInteger deletes = new AtomicInteger();
		try (HostileServer server = refusingServer(logins, deletes); FairComTemplate template = template(server)) {
			assertThatExceptionOfType(FairComSessionExpiredException.class)
				.isThrownBy(() -> template.execute("admin", "listSessions", null))
				.withMessageContaining("replayed at most once");
			assertThat(logins.get()).as("login and one re-login").isEqualTo(2);
			org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(server.requests() - logins.get() - deletes.get())
					.as("the call and its one replay").isEqualTo(2));
		}
	}

	@Test
	void manyThreadsPauseTheirLoginsInsteadOfStorming() throws Exception {
		AtomicInteger logins = new AtomicInteger();
		AtomicInteger deletes = new AtomicInteger();
		int threads = 16;
		Duration run = Reliability.choose(Duration.ofSeconds(2), Duration.ofSeconds(20));
		AtomicLong calls = new AtomicLong();
		AtomicLong paused = new AtomicLong();
		try (HostileServer server = refusingServer(logins, deletes); FairComTemplate template = template(server)) {
			ExecutorService executor = Executors.newFixedThreadPool(threads);
			long end = System.nanoTime() + run.toNanos();
			List<Future<?>> workers = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				workers.add(executor.submit(() -> {
					while (System.nanoTime() < end) {
						calls.incrementAndGet();
						try {
							template.execute("admin", "listSessions", null);
						}
						catch (FairComSessionExpiredException ex) {
							if (ex.getMessage().contains("logins are paused")) {
								paused.incrementAndGet();
							}
						}
					}
					return null;
				}));
			}
			for (Future<?> worker : workers) {
				worker.get(60, TimeUnit.SECONDS);
			}
			executor.shutdown();
			double loginsPerSecond = logins.get() / (run.toMillis() / 1000.0);
			assertThat(loginsPerSecond).as("no storm: before, ~3,000 createSession/s").isLessThan(20);
			assertThat(paused.get()).isPositive();
			org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(deletes.get()).as("refused sessions are deleted")
					.isGreaterThanOrEqualTo(logins.get() - 1));
			Reliability.record("D5", threads + " threads for " + run.toMillis() + " ms against a server that refuses "
					+ "every session at once: " + calls.get() + " calls, " + logins.get() + " createSession ("
					+ String.format("%.1f", loginsPerSecond) + "/s, " + String.format("%.3f",
							logins.get() / (double) calls.get()) + " per call), " + paused.get()
					+ " calls failed fast while logins were paused, " + deletes.get()
					+ " refused sessions deleted (before: ~3,000 createSession/s, none deleted)");
		}
	}

	private static HostileServer refusingServer(AtomicInteger logins, AtomicInteger deletes) throws Exception {
		HostileServer server = new HostileServer();
		server.loginAnswer((request, out) -> {
			logins.incrementAndGet();
			Answer.VALID.write(request, out);
		});
		server.answer((request, out) -> {
			if ("deleteSession".equals(request.action())) {
				deletes.incrementAndGet();
			}
			out.write(Answer.http(200, "application/json", ("{\"requestId\":\"" + request.requestId()
					+ "\",\"errorCode\":12031,\"errorMessage\":\"'authToken' does not match any existing session.\"}")
				.getBytes(StandardCharsets.UTF_8)));
		});
		return server;
	}

	private static FairComTemplate template(HostileServer server) {
		return FairComTemplate.builder().url(server.url()).credentials("app", "secret").keepalive(false).build();
	}

}
