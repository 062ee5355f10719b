package io.github.faircomclient.http;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.hc.core5.concurrent.Cancellable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CallDeadlines}.
 */
class CallDeadlinesTests {

	private final CallDeadlines deadlines = new CallDeadlines();

	@AfterEach
	void close() {
		this.deadlines.close();
	}

	@Test
	void cancelsTheRequestOfACallThatOutlivesItsDeadline() throws InterruptedException {
		LatchedRequest request = new LatchedRequest();
		long start = System.nanoTime();
		CallDeadlines.Deadline deadline = this.deadlines.start(Duration.ofMillis(50));
		this.deadlines.attach(request);
		assertThat(request.cancelled.await(10, TimeUnit.SECONDS)).isTrue();
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(50));
		assertThat(deadline.isExpired()).isTrue();
		this.deadlines.finish(deadline);
	}

	@Test
	void callsWithTheSameTimeoutDoNotWakeTheTimerEachTime() {
		for (int i = 0; i < 1000; i++) {
			CallDeadlines.Deadline deadline = this.deadlines.start(Duration.ofSeconds(60));
			this.deadlines.attach(new LatchedRequest());
			this.deadlines.finish(deadline);
			assertThat(deadline.isExpired()).isFalse();
		}
		assertThat(this.deadlines.scheduledChecks()).isOne();
	}

	@Test
	void shorterDeadlineAfterALongerOneStillExpiresOnTime() throws InterruptedException {
		LatchedRequest slow = new LatchedRequest();
		CallDeadlines.Deadline longer = this.deadlines.start(Duration.ofSeconds(60));
		this.deadlines.attach(slow);
		LatchedRequest hasty = new LatchedRequest();
		CallDeadlines.Deadline shorter = this.deadlines.start(Duration.ofMillis(30));
		this.deadlines.attach(hasty);
		assertThat(hasty.cancelled.await(10, TimeUnit.SECONDS)).isTrue();
		assertThat(shorter.isExpired()).isTrue();
		assertThat(longer.isExpired()).isFalse();
		assertThat(slow.cancelled.getCount()).isOne();
		this.deadlines.finish(shorter);
		this.deadlines.finish(longer);
	}

	@Test
	void finishedCallIsNeverCancelledAndLaterCallsStillExpire() throws InterruptedException {
		LatchedRequest finished = new LatchedRequest();
		CallDeadlines.Deadline first = this.deadlines.start(Duration.ofMillis(20));
		this.deadlines.attach(finished);
		this.deadlines.finish(first);
		LatchedRequest pending = new LatchedRequest();
		CallDeadlines.Deadline second = this.deadlines.start(Duration.ofMillis(40));
		this.deadlines.attach(pending);
		assertThat(pending.cancelled.await(10, TimeUnit.SECONDS)).isTrue();
		assertThat(first.isExpired()).isFalse();
		assertThat(finished.cancelled.getCount()).isOne();
		this.deadlines.finish(second);
	}

	private static final class LatchedRequest implements Cancellable {

		private final CountDownLatch cancelled = new CountDownLatch(1);

		@Override
		public boolean cancel() {
			this.cancelled.countDown();
			return true;
		}

	}

}
