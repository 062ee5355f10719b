package io.github.faircomclient.http;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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
 */
final class CallDeadlines implements AutoCloseable {

	private final ThreadLocal<Deadline> current = new ThreadLocal<>();

	private final ScheduledThreadPoolExecutor executor;

	CallDeadlines() {
		CustomizableThreadFactory threadFactory = new CustomizableThreadFactory("faircom-call-deadline-");
		threadFactory.setDaemon(true);
		this.executor = new ScheduledThreadPoolExecutor(1, threadFactory);
		this.executor.setRemoveOnCancelPolicy(true);
	}

	Deadline start(Duration timeout) {
		Deadline deadline = new Deadline(timeout);
		deadline.schedule(this.executor);
		this.current.set(deadline);
		return deadline;
	}

	void attach(Cancellable request) {
		Deadline deadline = this.current.get();
		if (deadline != null) {
			deadline.attach(request);
		}
	}

	void attach(HttpCoreContext context) {
		Deadline deadline = this.current.get();
		if (deadline != null) {
			deadline.context = context;
		}
	}

	void finish(Deadline deadline) {
		deadline.finish();
		if (this.current.get() == deadline) {
			this.current.remove();
		}
	}

	@Override
	public void close() {
		this.executor.shutdownNow();
	}

	static final class Deadline {

		private final Duration timeout;

		private final AtomicBoolean expired = new AtomicBoolean();

		private final AtomicReference<@Nullable Cancellable> request = new AtomicReference<>();

		private volatile @Nullable ScheduledFuture<?> timer;

		private volatile @Nullable HttpCoreContext context;

		Deadline(Duration timeout) {
			this.timeout = timeout;
		}

		void schedule(ScheduledThreadPoolExecutor executor) {
			this.timer = executor.schedule(this::expire, this.timeout.toNanos(), TimeUnit.NANOSECONDS);
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
			ScheduledFuture<?> timer = this.timer;
			if (timer != null) {
				timer.cancel(false);
			}
			this.request.set(null);
		}

	}

}
