package io.github.faircomclient.http;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.hc.core5.concurrent.Cancellable;
import org.apache.hc.core5.http.protocol.HttpCoreContext;
import org.jspecify.annotations.Nullable;

import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Enforces a total deadline per call. HttpClient's read timeout only bounds the silence
 * between two packets, so a server that trickles bytes would never trip it; at the
 * deadline the request is cancelled, which closes its connection and makes the blocked
 * reader fail at once.
 * <p>
 * Calls in flight are kept in a hash set (adding and removing a call is cheaper than in
 * a sorted set, and the timer only looks at them about once per timeout), and one timer
 * thread wakes only when the earliest deadline it knows of is due. A call whose deadline is not earlier than
 * the next wake-up (the usual case: every call has the same timeout) does not touch the
 * timer at all, so calls cost no thread hand-off; the timer wakes about once per timeout
 * while calls keep coming.
 */
final class CallDeadlines implements AutoCloseable {

	private static final long NO_CHECK = Long.MAX_VALUE;

	private final ThreadLocal<CurrentCall> current = ThreadLocal.withInitial(CurrentCall::new);

	private final Set<Deadline> inFlight = ConcurrentHashMap.newKeySet();

	/**
	 * The {@link System#nanoTime()} at which the timer will next look at the calls in flight,
	 * or {@link #NO_CHECK}.
	 */
	private final AtomicLong nextCheck = new AtomicLong(NO_CHECK);

	private final ScheduledThreadPoolExecutor executor;

	CallDeadlines() {
		CustomizableThreadFactory threadFactory = new CustomizableThreadFactory("faircom-call-deadline-");
		threadFactory.setDaemon(true);
		this.executor = new ScheduledThreadPoolExecutor(1, threadFactory);
	}

	Deadline start(Duration timeout) {
		Deadline deadline = new Deadline(timeout, System.nanoTime() + timeout.toNanos());
		this.inFlight.add(deadline);
		this.current.get().deadline = deadline;
		checkBy(deadline.expiresAt);
		return deadline;
	}

	void attach(Cancellable request) {
		Deadline deadline = this.current.get().deadline;
		if (deadline != null) {
			deadline.attach(request);
		}
	}

	void attach(HttpCoreContext context) {
		Deadline deadline = this.current.get().deadline;
		if (deadline != null) {
			deadline.context = context;
		}
	}

	void finish(Deadline deadline) {
		this.inFlight.remove(deadline);
		deadline.finish();
		CurrentCall current = this.current.get();
		if (current.deadline == deadline) {
			current.deadline = null;
		}
	}

	/**
	 * Make sure the timer looks at the calls in flight no later than the given time.
	 */
	private void checkBy(long at) {
		long scheduled = this.nextCheck.get();
		while (at - scheduled < 0 || scheduled == NO_CHECK) {
			if (this.nextCheck.compareAndSet(scheduled, at)) {
				try {
					this.executor.schedule(this::expireDue, at - System.nanoTime(), TimeUnit.NANOSECONDS);
				}
				catch (RejectedExecutionException ex) {
					// closed: calls in flight fail as the pool shuts down
				}
				return;
			}
			scheduled = this.nextCheck.get();
		}
	}

	private void expireDue() {
		this.nextCheck.set(NO_CHECK);
		long now = System.nanoTime();
		@Nullable Deadline earliest = null;
		for (Deadline deadline : this.inFlight) {
			if (deadline.expiresAt - now > 0) {
				if (earliest == null || deadline.expiresAt - earliest.expiresAt < 0) {
					earliest = deadline;
				}
				continue;
			}
			this.inFlight.remove(deadline);
			deadline.expire();
		}
		if (earliest != null) {
			checkBy(earliest.expiresAt);
		}
	}

	/**
	 * Return how many times the timer has been asked to wake up, for tests.
	 * @return the number of scheduled checks
	 */
	long scheduledChecks() {
		return this.executor.getTaskCount();
	}

	@Override
	public void close() {
		this.executor.shutdownNow();
	}

	/**
	 * The deadline of the call running on a thread: one mutable holder per thread, so that
	 * starting and finishing a call does not change the thread's map of thread-locals.
	 */
	private static final class CurrentCall {

		@Nullable Deadline deadline;

	}

	static final class Deadline {

		private final Duration timeout;

		private final long expiresAt;

		private final AtomicBoolean expired = new AtomicBoolean();

		private final AtomicReference<@Nullable Cancellable> request = new AtomicReference<>();

		private volatile @Nullable HttpCoreContext context;

		Deadline(Duration timeout, long expiresAt) {
			this.timeout = timeout;
			this.expiresAt = expiresAt;
		}

		void attach(Cancellable request) {
			this.request.set(request);
			if (this.expired.get()) {
				request.cancel();
			}
		}

		boolean isExpired() {
			return this.expired.get();
		}

		void abort() {
			Cancellable request = this.request.get();
			if (request != null) {
				request.cancel();
			}
		}

		Duration getTimeout() {
			return this.timeout;
		}

		/**
		 * Return the HttpClient context of the call's request, which tells over which
		 * connection it went.
		 * @return the context, or {@code null} if the request was never created
		 */
		@Nullable HttpCoreContext context() {
			return this.context;
		}

		private void expire() {
			this.expired.set(true);
			Cancellable request = this.request.get();
			if (request != null) {
				request.cancel();
			}
		}

		private void finish() {
			this.request.set(null);
		}

	}

}
