package io.github.faircomclient.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.github.faircomclient.core.FairComRequest;
import io.github.faircomclient.core.FairComTemplate;
import io.github.faircomclient.it.support.Reliability;
import io.github.faircomclient.test.FairComEmulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * R1: sessions force-expired at a fixed rate while 16 threads call the server: no call
 * fails, and the client logs in about once per expiry (one login serves every thread that
 * found the session gone). Quick form: 5 s with an expiry every 500 ms; long form: 60 s
 * with an expiry every 2 s.
 */
@Tag("reliability")
class SessionExpiryUnderLoadIntegrationTests {

	private static final int THREADS = 16;

	private FairComEmulator emulator;

	private FairComTemplate template;

	@BeforeEach
	void start() {
		this.emulator = FairComEmulator.builder().httpPort(0).user("app", "secret").build().start();
		this.template = FairComTemplate.builder()
			.url(this.emulator.httpUrl())
			.credentials("app", "secret")
			.maxConnections(THREADS)
			.build();
	}

	@AfterEach
	void stop() {
		this.template.destroy();
		this.emulator.close();
	}

	@Test
	void noCallFailsWhileSessionsExpireUnderLoad() throws Exception {
		Duration load = Reliability.choose(Duration.ofSeconds(5), Duration.ofSeconds(60));
		Duration expiryEvery = Reliability.choose(Duration.ofMillis(500), Duration.ofSeconds(2));
		List<FairComRequest> mix = List.of(FairComRequest.of("admin", "pingSession", null),
				FairComRequest.of("admin", "listSessions", null),
				FairComRequest.of("admin", "describeSessions", null),
				FairComRequest.of("admin", "alterSession", Map.of("description", "under load")));
		this.template.execute("admin", "pingSession", null);
		AtomicLong calls = new AtomicLong();
		AtomicLong expiries = new AtomicLong();
		AtomicLong expiryRounds = new AtomicLong();
		Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
		ScheduledExecutorService expirer = Executors.newSingleThreadScheduledExecutor();
		ExecutorService callers = Executors.newFixedThreadPool(THREADS);
		long end = System.nanoTime() + load.toNanos();
		try {
			expirer.scheduleAtFixedRate(() -> {
				expiryRounds.incrementAndGet();
				expiries.addAndGet(this.emulator.faults().expireAllSessions());
			}, expiryEvery.toMillis(), expiryEvery.toMillis(), TimeUnit.MILLISECONDS);
			List<Future<?>> workers = new ArrayList<>();
			for (int t = 0; t < THREADS; t++) {
				int offset = t;
				workers.add(callers.submit(() -> {
					for (int i = offset; System.nanoTime() < end; i++) {
						try {
							this.template.execute(mix.get(i % mix.size()));
							calls.incrementAndGet();
						}
						catch (RuntimeException ex) {
							failures.add(ex);
						}
					}
				}));
			}
			for (Future<?> worker : workers) {
				worker.get(load.toSeconds() + 30, TimeUnit.SECONDS);
			}
		}
		finally {
			expirer.shutdownNow();
			callers.shutdownNow();
		}
		long logins = this.emulator.actionCount("createSession");
		Reliability.record("R1", THREADS + " threads for " + load.toSeconds() + " s, expiry every "
				+ expiryEvery.toMillis() + " ms: " + calls.get() + " calls ok, " + failures.size() + " failed, "
				+ expiries.get() + " sessions expired in " + expiryRounds.get() + " rounds, " + logins
				+ " logins (1 initial + " + (logins - 1) + " after expiries), " + (calls.get() * 1000 / load.toMillis())
				+ " calls/s");
		assertThat(failures).as("failed calls").isEmpty();
		assertThat(expiries.get()).as("expiries").isGreaterThanOrEqualTo(expiryRounds.get() - 2);
		assertThat(logins - 1).as("logins after expiries").isBetween(expiries.get() - 1, expiries.get());
	}

}
