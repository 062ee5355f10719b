package io.github.faircomclient.http;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.hc.core5.concurrent.Cancellable;
import org.apache.hc.core5.http.protocol.HttpCoreContext;
import org.jspecify.annotations.Nullable;

import org.springframework.core.task.VirtualThreadTaskExecutor;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * The exchanges in flight on a transport, each with its deadline. HttpClient's read timeout
 * only bounds the silence between two packets, so a server that trickles bytes would never
 * trip it; at the deadline the exchange is cancelled, which closes its connection (or ends
 * its wait for one) and makes the blocked thread fail at once. {@link #abortAll()} does the
 * same to every exchange when the transport closes.
 * <p>
 * Exchanges are kept in a hash set, and one timer thread wakes only when the earliest
 * deadline it knows of is due. An exchange whose deadline is not earlier than the next
 * wake-up (the usual case: every call has the same timeout) does not touch the timer at
 * all; the timer wakes about once per timeout while calls keep coming.
 * <p>
 * The request factory learns which exchange a request, its HttpClient context and its
 * connection belong to through the one thread-local of the HTTP layer: HttpClient creates
 * them on the calling thread, inside the exchange, and hands them to no callback that
 * could carry the exchange.
 */
final class CallDeadlines implements AutoCloseable {

	static final String THREAD_NAME_PREFIX = "faircom-call-deadline-";

	private static final long NO_CHECK = Long.MAX_VALUE;

	private final ThreadLocal<CurrentCall> current = ThreadLocal.withInitial(CurrentCall::new);

	private final Set<Deadline> inFlight = ConcurrentHashMap.newKeySet();

	/**
	 * The {@link System#nanoTime()} at which the timer will next look at the exchanges in
	 * flight, or {@link #NO_CHECK}.
	 */
	private final AtomicLong nextCheck = new AtomicLong(NO_CHECK);

	private final AtomicBoolean closing = new AtomicBoolean();

	private final AtomicBoolean closed = new AtomicBoolean();

	private final ScheduledExecutorService timer;

	/**
	 * Create a new instance.
	 * @param timer the single-threaded timer that cancels overdue exchanges; shut down by
	 * {@link #close()}
	 */
	CallDeadlines(ScheduledExecutorService timer) {
		this.timer = timer;
	}

	/**
	 * Create the timer of a transport: one daemon thread, or a virtual one.
	 * @param virtualThreads whether the timer runs on a virtual thread (Java 21 or later)
	 * @return the timer, shut down by {@link #close()}
	 */
	static ScheduledExecutorService timer(boolean virtualThreads) {
		ThreadFactory threads;
		if (virtualThreads) {
			threads = new VirtualThreadTaskExecutor(THREAD_NAME_PREFIX).getVirtualThreadFactory();
		}
		else {
			CustomizableThreadFactory platformThreads = new CustomizableThreadFactory(THREAD_NAME_PREFIX);
			platformThreads.setDaemon(true);
			threads = platformThreads;
		}
		return new ScheduledThreadPoolExecutor(1, threads);
	}

	/**
	 * Start an exchange on this thread. Once the transport is closing, a pooled exchange
	 * starts already aborted; one outside the pool only once it is closed.
	 * @param timeout the time the exchange may take
	 * @param outsidePool whether the exchange goes over the side pool
	 * @return its deadline, to be given to {@link #finish(Deadline)}
	 */
	Deadline start(Duration timeout, boolean outsidePool) {
		Deadline deadline = new Deadline(timeout, System.nanoTime() + timeout.toNanos(), outsidePool);
		this.inFlight.add(deadline);
		this.current.get().deadline = deadline;
		if ((outsidePool) ? this.closed.get() : this.closing.get()) {
			deadline.abortForClose();
		}
		else {
			checkBy(deadline.expiresAt);
		}
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

	void attach(QuietConnectionFactory.QuietConnection connection) {
		Deadline deadline = this.current.get().deadline;
		if (deadline != null) {
			deadline.connection = connection;
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
	 * Return whether the exchange running on this thread goes over the side pool.
	 * @return whether the current exchange is outside the pool
	 */
	boolean currentIsOutsidePool() {
		Deadline deadline = this.current.get().deadline;
		return deadline != null && deadline.outsidePool;
	}

	/**
	 * Abort every pooled exchange in flight and every one started from now on, and with
	 * {@code all} the exchanges outside the pool too: threads waiting for a connection or
	 * for an answer fail at once. Those waiting for a connection go first, so that none of
	 * them gets the connection another one's abort frees.
	 * @param all whether to abort the exchanges outside the pool as well
	 */
	void abortAll(boolean all) {
		this.closing.set(true);
		if (all) {
			this.closed.set(true);
		}
		for (boolean connected : new boolean[] { false, true }) {
			for (Deadline deadline : this.inFlight) {
				if ((all || !deadline.outsidePool) && deadline.isConnected() == connected) {
					deadline.abortForClose();
				}
			}
		}
	}

	/**
	 * Make sure the timer looks at the exchanges in flight no later than the given time.
	 */
	private void checkBy(long at) {
		long scheduled = this.nextCheck.get();
		while (at - scheduled < 0 || scheduled == NO_CHECK) {
			if (this.nextCheck.compareAndSet(scheduled, at)) {
				try {
					this.timer.schedule(this::expireDue, at - System.nanoTime(), TimeUnit.NANOSECONDS);
				}
				catch (RejectedExecutionException ex) {
					// closed: exchanges in flight were aborted
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

	@Override
	public void close() {
		abortAll(true);
		this.timer.shutdownNow();
	}

	/**
	 * The exchange running on a thread: one mutable holder per thread, so that starting
	 * and finishing an exchange does not change the thread's map of thread-locals.
	 */
	private static final class CurrentCall {

		@Nullable Deadline deadline;

	}

	/**
	 * One exchange: its deadline, its request (to cancel it), its HttpClient context and
	 * connection (to tell what the failure did to them), and why it was ended early.
	 */
	static final class Deadline {

		private final Duration timeout;

		private final long expiresAt;

		private final boolean outsidePool;

		private final AtomicReference<@Nullable Ending> ending = new AtomicReference<>();

		private final AtomicReference<@Nullable Cancellable> request = new AtomicReference<>();

		private volatile @Nullable HttpCoreContext context;

		private volatile QuietConnectionFactory.@Nullable QuietConnection connection;

		private volatile boolean connectionDiscarded;

		Deadline(Duration timeout, long expiresAt, boolean outsidePool) {
			this.timeout = timeout;
			this.expiresAt = expiresAt;
			this.outsidePool = outsidePool;
		}

		void attach(Cancellable request) {
			this.request.set(request);
			if (this.ending.get() != null) {
				request.cancel();
			}
		}

		/**
		 * Return why the exchange was ended early.
		 * @return the ending, or {@code null} if it was not ended early
		 */
		@Nullable Ending ending() {
			return this.ending.get();
		}

		Duration getTimeout() {
			return this.timeout;
		}

		/**
		 * Return the HttpClient context of the exchange's request, which tells over which
		 * connection it went.
		 * @return the context, or {@code null} if the request was never created
		 */
		@Nullable HttpCoreContext context() {
			return this.context;
		}

		boolean isConnected() {
			HttpCoreContext context = this.context;
			return context != null && context.getEndpointDetails() != null;
		}

		/**
		 * Make sure the connection of this exchange is never used again: whatever else it
		 * holds (an answer nobody asked for) is not trusted. It is closed when it is next
		 * taken from the pool, or at once if the exchange is cancelled.
		 */
		void discardConnection() {
			this.connectionDiscarded = true;
			QuietConnectionFactory.QuietConnection connection = this.connection;
			if (connection != null) {
				connection.discard();
			}
		}

		boolean isConnectionDiscarded() {
			return this.connectionDiscarded;
		}

		/**
		 * Cancel the exchange because its answer is refused: the connection is closed at
		 * once instead of being read to the end of the answer.
		 */
		void abort() {
			discardConnection();
			cancelRequest();
		}

		private void expire() {
			end(Ending.DEADLINE);
		}

		private void abortForClose() {
			end(Ending.CLOSED);
		}

		private void end(Ending why) {
			if (this.ending.compareAndSet(null, why)) {
				cancelRequest();
			}
		}

		private void cancelRequest() {
			Cancellable request = this.request.get();
			if (request != null) {
				request.cancel();
			}
		}

		private void finish() {
			this.request.set(null);
		}

	}

	/**
	 * Why an exchange was ended before it completed.
	 */
	enum Ending {

		/**
		 * Its deadline passed.
		 */
		DEADLINE,

		/**
		 * The transport was closed.
		 */
		CLOSED

	}

}
