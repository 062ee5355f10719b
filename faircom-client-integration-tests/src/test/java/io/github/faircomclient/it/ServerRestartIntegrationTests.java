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
 * calls fail fast, retries included: each makes 3 attempts (connection refused at once)
 * with at most 100 + 200 ms of backoff, so none should take longer than about 300 ms plus
 * scheduling; the test allows 1 s. When the server is back, calls succeed again on their
 * own (the dead session is replaced by one login), without restarting the client. Quick
 * form: one outage of about 1 s; long form: five outages.
 */
@Tag("reliability")
class ServerRestartIntegrationTests {

	private static final int THREADS = 8;

	private static final Duration FAIL_FAST_BOUND = Duration.ofSeconds(1);

	private FairComEmulator emulator;

	private FairComTemplate template;

	@BeforeEach
	void start() {
		this.emulator = FairComEmulator.builder().httpPort(0).user("app", "secret").build().start();
		this.template = FairComTemplate.builder()
			.url(this.emulator.httpUrl())
			.credentials("app", "secret")
			.connectTimeout(Duration.ofSeconds(1))
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
		AtomicBoolean down = new AtomicBoolean();
		AtomicLong successes = new AtomicLong();
		AtomicLong failuresWhileDown = new AtomicLong();
		AtomicLong slowestFailureNanos = new AtomicLong();
		AtomicLong failuresWhileUp = new AtomicLong();
		AtomicReference<Throwable> unexpected = new AtomicReference<>();
		ExecutorService callers = Executors.newFixedThreadPool(THREADS);
		List<Future<?>> workers = new ArrayList<>();
		for (int t = 0; t < THREADS; t++) {
			workers.add(callers.submit(() -> {
				while (running.get()) {
					boolean downAtStart = down.get();
					long start = System.nanoTime();
					try {
						this.template.execute("admin", (start % 2 == 0) ? "listSessions" : "pingSession", null);
						successes.incrementAndGet();
					}
					catch (FairComException ex) {
						long took = System.nanoTime() - start;
						if (downAtStart && down.get()) {
							failuresWhileDown.incrementAndGet();
							slowestFailureNanos.accumulateAndGet(took, Math::max);
							if (!(ex instanceof FairComConnectException)) {
								unexpected.compareAndSet(null, ex);
							}
						}
						else if (!downAtStart && !down.get()) {
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
				this.emulator.stop();
				down.set(true);
				long failedBefore = failuresWhileDown.get();
				await().atMost(Duration.ofSeconds(10)).until(() -> failuresWhileDown.get() >= failedBefore + 50);
				this.emulator.start();
				long back = System.nanoTime();
				down.set(false);
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
		Duration slowestFailure = Duration.ofNanos(slowestFailureNanos.get());
		long logins = this.emulator.actionCount("createSession");
		Reliability.record("R2", THREADS + " threads, " + outages + " outage(s): " + successes.get()
				+ " calls ok, " + failuresWhileDown.get() + " failed while down (slowest " + slowestFailure.toMillis()
				+ " ms, bound " + FAIL_FAST_BOUND.toMillis() + " ms), " + failuresWhileUp.get()
				+ " failed while up, first success " + recoveries + " ms after each restart, " + logins
				+ " logins");
		assertThat(unexpected.get()).as("unexpected failure").isNull();
		assertThat(failuresWhileUp.get()).isZero();
		assertThat(slowestFailure).isLessThan(FAIL_FAST_BOUND);
		assertThat(logins).as("one login at start and one after each restart").isEqualTo(1 + outages);
	}

}
