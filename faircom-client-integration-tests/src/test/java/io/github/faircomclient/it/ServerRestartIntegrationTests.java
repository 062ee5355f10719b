package io.github.faircomclient.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.github.faircomclient.FairComConnectException;
import io.github.faircomclient.FairComException;
import io.github.faircomclient.core.FairComRetrySettings;
import io.github.faircomclient.core.FairComTemplate;
import io.github.faircomclient.it.support.Reliability;
import io.github.faircomclient.test.FairComEmulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * R2: the server is stopped and started again while 8 threads call it. While it is down,
 * calls fail fast, retries included: each makes at most 3 attempts with at most 100 + 200
 * ms of backoff between them, and an attempt against a stopped server fails at once
 * (connection refused, a few milliseconds for all three), so a failed call takes the
 * backoff, 150 ms on average, plus scheduling on a busy machine; the test wants the
 * median below 1 s. The hard bound, for a server that does not answer at all, is 3 connect
 * timeouts plus 300 ms, here 3.3 s, well below the 5 s call timeout.
 * When the server is back, calls succeed again on their own (the dead session is replaced
 * by one login), without restarting the client. Quick form: one outage; long form: five.
 * <p>
 * A call is judged only when it starts and ends in one phase: up, stopping, down or
 * starting, in that order. Stopping Jetty joins its threads, which on a loaded machine
 * takes longer than a call's three attempts; a call that fails then started while the
 * server was up but is not a failure "while up".
 */
@Tag("reliability")
class ServerRestartIntegrationTests {

	private static final int THREADS = 8;

	private static final long UP = 0;

	private static final long DOWN = 2;

	private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);

	private static final Duration BACKOFF_BOUND = Duration.ofMillis(100 + 200);

	private static final Duration HARD_BOUND = CONNECT_TIMEOUT.multipliedBy(3).plus(BACKOFF_BOUND);

	private static final Duration TYPICAL_BOUND = Duration.ofSeconds(1);

	private FairComEmulator emulator;

	private FairComTemplate template;

	@BeforeEach
	void start() {
		this.emulator = FairComEmulator.builder().httpPort(0).user("app", "secret").build().start();
		this.template = FairComTemplate.builder()
			.url(this.emulator.httpUrl())
			.credentials("app", "secret")
			.connectTimeout(CONNECT_TIMEOUT)
			.callTimeout(Duration.ofSeconds(5))
			.build();
	}

	@AfterEach
	void stop() {
		this.template.destroy();
		this.emulator.close();
	}

	@Test
	void callsFailFastWhileTheServerIsDownAndRecoverWhenItIsBack() throws Exception {
		assertThat(this.template.getRetrySettings()).usingRecursiveComparison()
			.isEqualTo(FairComRetrySettings.defaults());
		int outages = Reliability.choose(1, 5);
		AtomicBoolean running = new AtomicBoolean(true);
		AtomicLong phase = new AtomicLong(UP);
		AtomicLong successes = new AtomicLong();
		AtomicLong failuresWhileDown = new AtomicLong();
		List<Long> failureNanos = new java.util.concurrent.CopyOnWriteArrayList<>();
		AtomicLong failuresWhileUp = new AtomicLong();
		AtomicReference<Throwable> unexpected = new AtomicReference<>();
		ExecutorService callers = Executors.newFixedThreadPool(THREADS);
		List<Future<?>> workers = new ArrayList<>();
		for (int t = 0; t < THREADS; t++) {
			workers.add(callers.submit(() -> {
				while (running.get()) {
					long phaseAtStart = phase.get();
					long start = System.nanoTime();
					try {
						this.template.execute("admin", (start % 2 == 0) ? "listSessions" : "pingSession", null);
						successes.incrementAndGet();
					}
					catch (FairComException ex) {
						long took = System.nanoTime() - start;
						boolean onePhase = phase.get() == phaseAtStart;
						if (onePhase && phaseAtStart % 4 == DOWN) {
							failuresWhileDown.incrementAndGet();
							failureNanos.add(took);
							if (!(ex instanceof FairComConnectException)) {
								unexpected.compareAndSet(null, ex);
							}
						}
						else if (onePhase && phaseAtStart % 4 == UP) {
							failuresWhileUp.incrementAndGet();
							unexpected.compareAndSet(null, ex);
						}
					}
				}
			}));
		}
		List<Long> recoveries = new ArrayList<>();
		try {
			for (int outage = 0; outage < outages; outage++) {
				long before = successes.get();
				await().atMost(Duration.ofSeconds(10)).until(() -> successes.get() >= before + 500);
				phase.incrementAndGet();
				this.emulator.stop();
				phase.incrementAndGet();
				long failedBefore = failuresWhileDown.get();
				await().atMost(Duration.ofSeconds(10)).until(() -> failuresWhileDown.get() >= failedBefore + 50);
				phase.incrementAndGet();
				this.emulator.start();
				long back = System.nanoTime();
				phase.incrementAndGet();
				long okBefore = successes.get();
				await().atMost(Duration.ofSeconds(10)).until(() -> successes.get() > okBefore);
				recoveries.add(Duration.ofNanos(System.nanoTime() - back).toMillis());
			}
			long settled = successes.get();
			await().atMost(Duration.ofSeconds(10)).until(() -> successes.get() >= settled + 500);
		}
		finally {
			running.set(false);
			callers.shutdown();
		}
		for (Future<?> worker : workers) {
			worker.get(10, TimeUnit.SECONDS);
		}
		List<Long> sorted = failureNanos.stream().sorted().toList();
		Duration median = Duration.ofNanos(sorted.get(sorted.size() / 2));
		Duration p90 = Duration.ofNanos(sorted.get(sorted.size() * 9 / 10));
		Duration slowest = Duration.ofNanos(sorted.get(sorted.size() - 1));
		long logins = this.emulator.actionCount("createSession");
		Reliability.record("R2", THREADS + " threads, " + outages + " outage(s): " + successes.get()
				+ " calls ok, " + failuresWhileDown.get() + " failed while down (median " + median.toMillis()
				+ " ms, p90 " + p90.toMillis() + " ms, slowest " + slowest.toMillis() + " ms; hard bound "
				+ HARD_BOUND.toMillis() + " ms), " + failuresWhileUp.get() + " failed while up, first success "
				+ recoveries + " ms after each restart, " + logins + " logins");
		assertThat(unexpected.get()).as("unexpected failure").isNull();
		assertThat(failuresWhileUp.get()).isZero();
		assertThat(slowest).isLessThan(HARD_BOUND);
		assertThat(median).isLessThan(TYPICAL_BOUND);
		assertThat(logins).as("one login at start and one after each restart").isEqualTo(1 + outages);
	}

}
