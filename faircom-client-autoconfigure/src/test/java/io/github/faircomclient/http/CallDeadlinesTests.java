package io.github.faircomclient.http;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.hc.core5.concurrent.Cancellable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

import io.github.faircomclient.testsupport.Threads;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CallDeadlines}.
 */
class CallDeadlinesTests {

	private final CountingTimer timer = new CountingTimer();

	private final CallDeadlines deadlines = new CallDeadlines(this.timer);

	@AfterEach
	void close() {
		this.deadlines.close();
	}

	@Test
	void theTimerIsOneDaemonPlatformThreadByDefault() throws Exception {
		Thread thread = timerThread(false);
		assertThat(Threads.isVirtual(thread)).isFalse();
		assertThat(thread.isDaemon()).isTrue();
		assertThat(thread.getName()).isEqualTo("faircom-call-deadline-1");
	}

	@Test
	@EnabledForJreRange(min = JRE.JAVA_21)
	void theTimerRunsOnAVirtualThreadWhenAsked() throws Exception {
		Thread thread = timerThread(true);
		assertThat(Threads.isVirtual(thread)).isTrue();
		assertThat(thread.getName()).startsWith("faircom-call-deadline-");
	}

	@Test
	@EnabledForJreRange(min = JRE.JAVA_21)
	void aDeadlineOnAVirtualTimerCancelsTheCall() throws InterruptedException {
		try (CallDeadlines virtual = new CallDeadlines(CallDeadlines.timer(true))) {
			LatchedRequest request = new LatchedRequest();
			CallDeadlines.Deadline deadline = virtual.start(Duration.ofMillis(20), false);
			virtual.attach(request);
			assertThat(request.cancelled.await(10, TimeUnit.SECONDS)).isTrue();
			assertThat(deadline.ending()).isEqualTo(CallDeadlines.Ending.DEADLINE);
			virtual.finish(deadline);
		}
	}

	private static Thread timerThread(boolean virtualThreads) throws Exception {
		ScheduledExecutorService timer = CallDeadlines.timer(virtualThreads);
		try {
			CompletableFuture<Thread> ran = new CompletableFuture<>();
			timer.execute(() -> ran.complete(Thread.currentThread()));
			return ran.get(10, TimeUnit.SECONDS);
		}
		finally {
			timer.shutdownNow();
		}
	}

	@Test
	void cancelsTheRequestOfACallThatOutlivesItsDeadline() throws InterruptedException {
		LatchedRequest request = new LatchedRequest();
		long start = System.nanoTime();
		CallDeadlines.Deadline deadline = this.deadlines.start(Duration.ofMillis(50), false);
		this.deadlines.attach(request);
		assertThat(request.cancelled.await(10, TimeUnit.SECONDS)).isTrue();
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(50));
		assertThat(deadline.ending()).isEqualTo(CallDeadlines.Ending.DEADLINE);
		this.deadlines.finish(deadline);
	}

	@Test
	void callsWithTheSameTimeoutDoNotWakeTheTimerEachTime() {
		for (int i = 0; i < 1000; i++) {
			CallDeadlines.Deadline deadline = this.deadlines.start(Duration.ofSeconds(60), false);
			this.deadlines.attach(new LatchedRequest());
			this.deadlines.finish(deadline);
			assertThat(deadline.ending()).isNull();
		}
		assertThat(this.timer.scheduled).hasValue(1);
	}

	@Test
	void shorterDeadlineAfterALongerOneStillExpiresOnTime() throws InterruptedException {
		LatchedRequest slow = new LatchedRequest();
		CallDeadlines.Deadline longer = this.deadlines.start(Duration.ofSeconds(60), false);
		this.deadlines.attach(slow);
		LatchedRequest hasty = new LatchedRequest();
		CallDeadlines.Deadline shorter = this.deadlines.start(Duration.ofMillis(30), false);
		this.deadlines.attach(hasty);
		assertThat(hasty.cancelled.await(10, TimeUnit.SECONDS)).isTrue();
		assertThat(shorter.ending()).isEqualTo(CallDeadlines.Ending.DEADLINE);
		assertThat(longer.ending()).isNull();
		assertThat(slow.cancelled.getCount()).isOne();
		this.deadlines.finish(shorter);
		this.deadlines.finish(longer);
	}

	@Test
	void finishedCallIsNeverCancelledAndLaterCallsStillExpire() throws InterruptedException {
		LatchedRequest finished = new LatchedRequest();
		CallDeadlines.Deadline first = this.deadlines.start(Duration.ofMillis(20), false);
		this.deadlines.attach(finished);
		this.deadlines.finish(first);
		LatchedRequest pending = new LatchedRequest();
		CallDeadlines.Deadline second = this.deadlines.start(Duration.ofMillis(40), false);
		this.deadlines.attach(pending);
		assertThat(pending.cancelled.await(10, TimeUnit.SECONDS)).isTrue();
		assertThat(first.ending()).isNull();
		assertThat(finished.cancelled.getCount()).isOne();
		this.deadlines.finish(second);
	}

	@Test
	void abortingAllEndsPooledExchangesAndLaterOnesButNotThoseOutsideThePool() {
		LatchedRequest pooled = new LatchedRequest();
		CallDeadlines.Deadline inFlight = this.deadlines.start(Duration.ofSeconds(60), false);
		this.deadlines.attach(pooled);
		CallDeadlines.Deadline outside = this.deadlines.start(Duration.ofSeconds(60), true);
		this.deadlines.abortAll(false);
		assertThat(pooled.cancelled.getCount()).isZero();
		assertThat(inFlight.ending()).isEqualTo(CallDeadlines.Ending.CLOSED);
		assertThat(outside.ending()).isNull();
		assertThat(this.deadlines.start(Duration.ofSeconds(60), false).ending()).isEqualTo(CallDeadlines.Ending.CLOSED);
		assertThat(this.deadlines.start(Duration.ofSeconds(60), true).ending()).isNull();
		this.deadlines.abortAll(true);
		assertThat(outside.ending()).isEqualTo(CallDeadlines.Ending.CLOSED);
		assertThat(this.deadlines.start(Duration.ofSeconds(60), true).ending()).isEqualTo(CallDeadlines.Ending.CLOSED);
	}

	private static final class LatchedRequest implements Cancellable {

		private final CountDownLatch cancelled = new CountDownLatch(1);

		@Override
		public boolean cancel() {
			this.cancelled.countDown();
			return true;
		}

	}

	/**
	 * A timer that counts the tasks scheduled on it. Its own task count is no use here:
	 * it counts a worker thread that has not started yet as a running task.
	 */
	private static final class CountingTimer extends ScheduledThreadPoolExecutor {

		private final AtomicInteger scheduled = new AtomicInteger();

		CountingTimer() {
			super(1);
		}

		@Override
		public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
			this.scheduled.incrementAndGet();
			return super.schedule(command, delay, unit);
		}

	}

}
