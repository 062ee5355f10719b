package io.github.faircomclient.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEvent;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.util.Assert;

import io.github.faircomclient.FairComConfigurationException;
import io.github.faircomclient.FairComException;
import io.github.faircomclient.FairComFailureKind;
import io.github.faircomclient.FairComTimeoutException;
import io.github.faircomclient.FairComTransportException;
import io.github.faircomclient.core.FairComExceptionTranslator;
import io.github.faircomclient.observation.DefaultFairComSessionObservationConvention;
import io.github.faircomclient.observation.FairComObservationDocumentation;
import io.github.faircomclient.observation.FairComSessionObservationContext;
import io.github.faircomclient.observation.FairComSessionObservationContext.Event;
import io.github.faircomclient.observation.FairComSessionObservationConvention;

/**
 * {@link SessionManager} that logs in lazily, keeps its one session alive, replaces it
 * when the server reports it gone and deletes it on {@link #close()}.
 * <ul>
 * <li>One login at a time, shared by every caller that needs a session meanwhile: the
 * first caller runs it on its own thread, the others wait for its outcome no longer than
 * their own time allows, and share its failure (a new exception of the same type, with the
 * attempt's failure as its cause), unless the failure belonged to the thread that ran it
 * (its call timeout, an interrupt, the close). A caller that arrives after a failure tries
 * again. No lock is held while a login runs, so nothing waits on it uninterruptibly and
 * {@link #close()} never does.</li>
 * <li>{@link #sessionExpired(FairComSession)} drops exactly the reported session; the
 * next {@link #getSession(Duration)} logs in again. When the server reports sessions gone
 * that it never accepted a call on, twice in a row within a minute (a load balancer without
 * session affinity does this), logins are paused for 1 s, doubling up to 30 s with each
 * further one; the first session that works ends it. Meanwhile calls fail at once with a
 * {@link io.github.faircomclient.FairComSessionExpiredException} that says why, instead of
 * each logging in again, and each refused session is deleted.</li>
 * <li>Keepalive: a session that can idle out is checked at half the idle timeout the
 * server returned; {@code pingSession} is sent only when the session has not been used for
 * that long. A ping that finds the session gone drops it; one that fails otherwise is
 * retried at the next check.</li>
 * <li>{@link #close()} stops the keepalive, then sends {@code deleteSession} once for a
 * session this client created, outside the connection pool, bounded by the logout timeout
 * and without retry; errors are logged and swallowed. A session whose login completes
 * after the close is deleted by the thread that ran it. Afterwards every call fails at
 * once and nothing logs in again.</li>
 * </ul>
 * Events go to the listener on the thread that caused them, never while another caller
 * waits for that thread. Logins, re-logins, keepalives and the logout are each one
 * {@link FairComObservationDocumentation#SESSION} observation
 * ({@code faircom.client.sessions}) when an {@link ObservationRegistry} is set. The
 * lifecycle is logged at INFO, without tokens. This class is thread-safe.
 */
public class LifecycleAwareSessionManager implements SessionManager, AutoCloseable {

	private static final Log logger = LogFactory.getLog(LifecycleAwareSessionManager.class);

	private static final Duration MIN_KEEPALIVE_INTERVAL = Duration.ofSeconds(1);

	/**
	 * Refused sessions count together when each came within this time of the previous one.
	 */
	static final Duration REFUSAL_WINDOW = Duration.ofMinutes(1);

	static final Duration FIRST_LOGIN_PAUSE = Duration.ofSeconds(1);

	static final Duration MAX_LOGIN_PAUSE = Duration.ofSeconds(30);

	private final FairComAuthentication authentication;

	private final FairComSessionClient client;

	private final FairComSessionSettings settings;

	private final TaskScheduler taskScheduler;

	private final Clock clock;

	private final boolean keepalive;

	private final Duration actionTimeout;

	private final FairComSessionListener listener;

	private final AtomicReference<@Nullable ActiveSession> current = new AtomicReference<>();

	private final AtomicReference<@Nullable CompletableFuture<ActiveSession>> login = new AtomicReference<>();

	private final AtomicReference<@Nullable FairComSession> lastExpired = new AtomicReference<>();

	private final AtomicReference<Refusals> refusals = new AtomicReference<>(Refusals.NONE);

	private final AtomicBoolean closed = new AtomicBoolean();

	private volatile @Nullable FairComLoginAttempt lastLogin;

	private volatile ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

	private volatile @Nullable FairComSessionObservationConvention observationConvention;

	/**
	 * Create a new session manager.
	 * @param authentication how to obtain a session
	 * @param client what the session actions are sent with
	 * @param settings the settings sent with {@code createSession}
	 * @param taskScheduler the scheduler that runs the keepalive checks
	 * @param clock the clock used to track idle time
	 * @param keepalive whether to keep sessions alive with {@code pingSession}
	 * @param actionTimeout the time a keepalive {@code pingSession} and the logout's
	 * {@code deleteSession} may take
	 * @param listener the receiver of session events
	 */
	public LifecycleAwareSessionManager(FairComAuthentication authentication, FairComSessionClient client,
			FairComSessionSettings settings, TaskScheduler taskScheduler, Clock clock, boolean keepalive,
			Duration actionTimeout, FairComSessionListener listener) {
		Assert.notNull(authentication, "'authentication' must not be null");
		Assert.notNull(client, "'client' must not be null");
		Assert.notNull(settings, "'settings' must not be null");
		Assert.notNull(taskScheduler, "'taskScheduler' must not be null");
		Assert.notNull(clock, "'clock' must not be null");
		Assert.isTrue(!actionTimeout.isNegative() && !actionTimeout.isZero(), "'actionTimeout' must be positive");
		Assert.notNull(listener, "'listener' must not be null");
		this.authentication = authentication;
		this.client = client;
		this.settings = settings;
		this.taskScheduler = taskScheduler;
		this.clock = clock;
		this.keepalive = keepalive;
		this.actionTimeout = actionTimeout;
		this.listener = listener;
	}

	/**
	 * Set the registry that records the session-event observations. Set it before the
	 * first login.
	 * @param observationRegistry the registry; {@link ObservationRegistry#NOOP} (the
	 * default) observes nothing
	 */
	public void setObservationRegistry(ObservationRegistry observationRegistry) {
		Assert.notNull(observationRegistry, "'observationRegistry' must not be null");
		this.observationRegistry = observationRegistry;
	}

	/**
	 * Set the convention of the session-event observations.
	 * @param observationConvention the convention or {@code null} for
	 * {@link DefaultFairComSessionObservationConvention}
	 */
	public void setObservationConvention(@Nullable FairComSessionObservationConvention observationConvention) {
		this.observationConvention = observationConvention;
	}

	/**
	 * Return the current session, logging in first if there is none. Concurrent callers
	 * share one login attempt, and its failure (see the class description).
	 * @param timeout the time the caller has left for the login or the wait for one
	 * @return the session
	 * @throws FairComException if no session can be had, logins are paused, or the manager
	 * has been closed
	 */
	@Override
	public FairComSession getSession(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			ActiveSession active = this.current.get();
			if (this.closed.get()) {
				throw FairComExceptionTranslator.closed(null, null);
			}
			if (active != null) {
				active.touch(this.clock.instant());
				return active.session;
			}
			checkLoginsNotPaused();
			CompletableFuture<ActiveSession> running = this.login.get();
			if (running == null) {
				CompletableFuture<ActiveSession> mine = new CompletableFuture<>();
				if (this.login.compareAndSet(null, mine)) {
					return login(mine, remaining(deadline)).session;
				}
				continue;
			}
			active = awaitLogin(running, deadline);
			if (active != null) {
				active.touch(this.clock.instant());
				return active.session;
			}
		}
	}

	private void checkLoginsNotPaused() {
		Refusals refused = this.refusals.get();
		if (refused.pausedUntil() != null) {
			Duration left = Duration.between(this.clock.instant(), refused.pausedUntil());
			if (!left.isNegative() && !left.isZero()) {
				throw FairComExceptionTranslator.loginsPaused(refused.count(), left);
			}
		}
	}

	/**
	 * Wait for another thread's login. Return its session, throw its failure if it may be
	 * shared, or return {@code null} to try again.
	 */
	private @Nullable ActiveSession awaitLogin(CompletableFuture<ActiveSession> running, long deadline) {
		try {
			return running.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			throw new FairComTimeoutException("The call's time ran out while it waited for the login another call "
					+ "was running (faircom.call-timeout)", FairComTimeoutException.Type.CALL, SessionActions.ADMIN_API,
					"createSession", null, null);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new FairComTransportException("Interrupted while waiting for the login another call was running",
					FairComFailureKind.INTERRUPTED, SessionActions.ADMIN_API, "createSession",
					null, ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof FairComException failure) {
				if (FairComExceptionTranslator.isShareableLoginFailure(failure)) {
					throw FairComExceptionTranslator.sharedLoginFailure(failure);
				}
				return null;
			}
			throw new IllegalStateException("The login another call was running failed", ex.getCause());
		}
	}

	private ActiveSession login(CompletableFuture<ActiveSession> mine, Duration timeout) {
		FairComSession replaced = this.lastExpired.get();
		ActiveSession active;
		try {
			FairComSession session = observe((replaced != null) ? Event.RELOGIN : Event.LOGIN,
					(context) -> this.authentication.login(new FairComLogin(this.client, this.settings, timeout,
							this.clock)));
			active = new ActiveSession(session, this.clock.instant());
			this.current.set(active);
		}
		catch (FairComException ex) {
			this.lastLogin = new FairComLoginAttempt(this.clock.instant(), replaced != null, ex);
			end(mine, ex);
			if (!this.closed.get()) {
				logger.warn("FairCom login failed: " + ex.getMessage());
			}
			publish(new FairComLoginFailedEvent(this, ex));
			throw ex;
		}
		catch (RuntimeException | Error ex) {
			end(mine, ex);
			throw ex;
		}
		if (this.closed.get() && this.current.compareAndSet(active, null)) {
			FairComException closed = FairComExceptionTranslator.closed(null, null);
			end(mine, closed);
			logout(active.session, "created while the client closed");
			throw closed;
		}
		this.lastLogin = new FairComLoginAttempt(active.lastActivity(), replaced != null, null);
		this.lastExpired.compareAndSet(replaced, null);
		mine.complete(active);
		this.login.compareAndSet(mine, null);
		logger.info(((replaced != null) ? "Replaced the expired FairCom session with " : "Created FairCom session ")
				+ active.session);
		publish(new FairComSessionCreatedEvent(this, active.session, replaced));
		if (this.keepalive && active.session.canIdleOut()) {
			scheduleKeepalive(active, active.lastActivity().plus(keepaliveInterval(active.session)));
		}
		return active;
	}

	private void end(CompletableFuture<ActiveSession> mine, Throwable failure) {
		mine.completeExceptionally(failure);
		this.login.compareAndSet(mine, null);
	}

	private static Duration remaining(long deadline) {
		return Duration.ofNanos(Math.max(deadline - System.nanoTime(), Duration.ofMillis(1).toNanos()));
	}

	@Override
	public @Nullable FairComSession getCurrentSession() {
		ActiveSession active = this.current.get();
		return (active != null) ? active.session : null;
	}

	@Override
	public boolean isCurrent(FairComSession session) {
		ActiveSession active = this.current.get();
		if (active == null || active.session != session || this.closed.get()) {
			return false;
		}
		active.touch(this.clock.instant());
		return true;
	}

	@Override
	public boolean sessionExpired(FairComSession session) {
		return expired(session, true);
	}

	/**
	 * Drop the reported session. A call that finds a session gone that never accepted a
	 * call counts as a refusal; a keepalive that finds an unused session gone does not.
	 */
	private boolean expired(FairComSession session, boolean reportedByACall) {
		ActiveSession active = this.current.get();
		if (active == null || active.session != session || !this.current.compareAndSet(active, null)) {
			return false;
		}
		active.cancelKeepalive();
		this.lastExpired.set(session);
		Instant now = this.clock.instant();
		boolean refused = reportedByACall && !active.accepted;
		Refusals after = this.refusals.updateAndGet((earlier) -> earlier.after(refused, now));
		if (refused) {
			logger.warn("FairCom reported the session " + session + " gone before it accepted a call on it" + ((after
				.pausedUntil() != null) ? "; logins paused until " + after.pausedUntil() : ""));
			if (session.isCreatedByClient()) {
				deleteLater(session);
			}
		}
		else {
			logger.info("FairCom session expired; the next call logs in again: " + session);
		}
		publish(new FairComSessionExpiredEvent(this, session));
		return true;
	}

	private void deleteLater(FairComSession session) {
		try {
			this.taskScheduler.schedule(() -> logout(session, "refused"), this.clock.instant());
		}
		catch (RuntimeException ex) {
			logger.debug("Could not schedule the deletion of a refused FairCom session: " + ex.getMessage());
		}
	}

	@Override
	public void sessionAccepted(FairComSession session) {
		ActiveSession active = this.current.get();
		if (active != null && active.session == session && !active.accepted) {
			accepted(active);
		}
	}

	/**
	 * Remember that the server knows the session: refusals counted before it no longer
	 * run in a row.
	 */
	private void accepted(ActiveSession active) {
		active.accepted = true;
		this.refusals.set(Refusals.NONE);
	}

	@Override
	public @Nullable FairComLoginAttempt getLastLogin() {
		return this.lastLogin;
	}

	/**
	 * Return whether {@link #close()} has been called.
	 * @return whether this manager is closed
	 */
	public boolean isClosed() {
		return this.closed.get();
	}

	/**
	 * Stop the keepalive, then delete the session once if this client created it, outside
	 * the connection pool and within the logout timeout. Errors are logged at WARN and
	 * swallowed. Later calls to {@link #getSession(Duration)} fail at once. Never waits for
	 * a login in progress: the thread running it deletes its session when it completes.
	 */
	@Override
	public void close() {
		if (!this.closed.compareAndSet(false, true)) {
			return;
		}
		ActiveSession active = this.current.getAndSet(null);
		if (active == null) {
			return;
		}
		active.cancelKeepalive();
		if (active.session.isCreatedByClient()) {
			logout(active.session, "on shutdown");
		}
	}

	private void logout(FairComSession session, String why) {
		try {
			observe(Event.LOGOUT, (context) -> {
				SessionActions.deleteSession(this.client, session, this.actionTimeout);
				return session;
			});
			logger.info("Deleted FairCom session " + why + ": " + session);
			publish(new FairComSessionDeletedEvent(this, session));
		}
		catch (FairComException ex) {
			logger.warn("Could not delete FairCom session " + why + " within "
					+ FairComConfigurationException.display(this.actionTimeout) + "; the server ends it after its idle timeout: " + ex.getMessage());
		}
	}

	private static Duration keepaliveInterval(FairComSession session) {
		Duration half = session.getIdleTimeout().dividedBy(2);
		return (half.compareTo(MIN_KEEPALIVE_INTERVAL) < 0) ? MIN_KEEPALIVE_INTERVAL : half;
	}

	private void scheduleKeepalive(ActiveSession active, Instant at) {
		if (this.closed.get() || this.current.get() != active) {
			return;
		}
		try {
			active.keepalive = this.taskScheduler.schedule(() -> keepalive(active), at);
		}
		catch (RuntimeException ex) {
			logger.warn("Could not schedule FairCom session keepalive: " + ex.getMessage());
		}
	}

	private void keepalive(ActiveSession active) {
		if (this.closed.get() || this.current.get() != active) {
			return;
		}
		Duration interval = keepaliveInterval(active.session);
		Instant due = active.lastActivity().plus(interval);
		if (this.clock.instant().isBefore(due)) {
			scheduleKeepalive(active, due);
			return;
		}
		try {
			boolean alive = observe(Event.KEEPALIVE, (context) -> {
				boolean answered = SessionActions.pingSession(this.client, active.session, this.actionTimeout);
				context.setSessionGone(!answered);
				return answered;
			});
			if (!alive) {
				expired(active.session, false);
				return;
			}
			if (!active.accepted) {
				accepted(active);
			}
			active.touch(this.clock.instant());
		}
		catch (RuntimeException ex) {
			logger.debug("FairCom session keepalive failed; trying again at the next check: " + ex.getMessage());
		}
		scheduleKeepalive(active, this.clock.instant().plus(interval));
	}

	private <T> T observe(Event event, Function<FairComSessionObservationContext, T> action) {
		FairComSessionObservationContext context = new FairComSessionObservationContext(event);
		return FairComObservationDocumentation.SESSION
			.observation(this.observationConvention, DefaultFairComSessionObservationConvention.INSTANCE,
					() -> context, this.observationRegistry)
			.observe(() -> action.apply(context));
	}

	private void publish(ApplicationEvent event) {
		try {
			this.listener.onEvent(event);
		}
		catch (RuntimeException ex) {
			logger.debug("FairCom session listener failed on " + event.getClass().getSimpleName(), ex);
		}
	}

	/**
	 * Sessions the server reported gone right after creating them: how many in a row, the
	 * latest, and until when logins are paused.
	 */
	private record Refusals(int count, @Nullable Instant latest, @Nullable Instant pausedUntil) {

		static final Refusals NONE = new Refusals(0, null, null);

		Refusals after(boolean refused, Instant now) {
			if (!refused) {
				return NONE;
			}
			boolean inARow = this.latest != null && Duration.between(this.latest, now).compareTo(REFUSAL_WINDOW) < 0;
			int count = (inARow) ? this.count + 1 : 1;
			if (count < 2) {
				return new Refusals(count, now, null);
			}
			Duration pause = FIRST_LOGIN_PAUSE.multipliedBy(1L << Math.min(count - 2, 5));
			return new Refusals(count, now, now.plus((pause.compareTo(MAX_LOGIN_PAUSE) < 0) ? pause : MAX_LOGIN_PAUSE));
		}

	}

	private static final class ActiveSession {

		private final FairComSession session;

		private final AtomicReference<Instant> lastActivity;

		private volatile @Nullable ScheduledFuture<?> keepalive;

		private volatile boolean accepted;

		ActiveSession(FairComSession session, Instant now) {
			this.session = session;
			this.lastActivity = new AtomicReference<>(now);
		}

		Instant lastActivity() {
			return this.lastActivity.get();
		}

		void touch(Instant now) {
			this.lastActivity.accumulateAndGet(now, (previous, next) -> next.isAfter(previous) ? next : previous);
		}

		void cancelKeepalive() {
			ScheduledFuture<?> keepalive = this.keepalive;
			if (keepalive != null) {
				keepalive.cancel(false);
			}
		}

	}

}
