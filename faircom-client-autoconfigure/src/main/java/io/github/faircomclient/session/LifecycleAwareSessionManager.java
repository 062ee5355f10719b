package io.github.faircomclient.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEvent;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.util.Assert;

import io.github.faircomclient.FairComException;
import io.github.faircomclient.FairComExceptionTranslator;
import io.github.faircomclient.observation.DefaultFairComSessionObservationConvention;
import io.github.faircomclient.observation.FairComObservationDocumentation;
import io.github.faircomclient.observation.FairComSessionObservationContext;
import io.github.faircomclient.observation.FairComSessionObservationContext.Event;
import io.github.faircomclient.observation.FairComSessionObservationConvention;

/**
 * {@link SessionManager} that logs in lazily, keeps its one session alive, replaces it
 * when the server reports it gone and deletes it on {@link #destroy()}.
 * <ul>
 * <li>The session lives in an {@link AtomicReference}; logins are serialized by a
 * {@link ReentrantLock} with a re-check, so concurrent callers share one login, failed
 * ones too: callers that waited while a login attempt ran are given its failure (a new
 * exception of the same type, with the attempt's failure as its cause) instead of each
 * trying again, unless the failure belonged to the thread that ran it (its call timeout,
 * an interrupt). A call that arrives after a failure has been delivered tries again.</li>
 * <li>{@link #sessionExpired(FairComSession)} drops exactly the reported session by
 * compare-and-set; the next {@link #getSession()} logs in again.</li>
 * <li>Keepalive: a session that can idle out is checked at half the idle timeout the
 * server returned; {@code pingSession} is sent only when the session has not been used for
 * that long. A ping that finds the session gone drops it; one that fails otherwise is
 * retried at the next check.</li>
 * <li>{@link #destroy()} stops the keepalive, then sends {@code deleteSession} once for a
 * session this client created, bounded by the logout timeout and without retry; errors are
 * logged and swallowed. Afterwards every call fails at once and nothing logs in again.</li>
 * </ul>
 * Logins, re-logins, keepalives and the logout are each one
 * {@link FairComObservationDocumentation#SESSION} observation
 * ({@code faircom.client.sessions}) when an {@link ObservationRegistry} is set.
 * This class is thread-safe.
 */
public class LifecycleAwareSessionManager implements SessionManager, DisposableBean {

	private static final Log logger = LogFactory.getLog(LifecycleAwareSessionManager.class);

	private static final Duration MIN_KEEPALIVE_INTERVAL = Duration.ofSeconds(1);

	private final FairComAuthentication authentication;

	private final FairComSessionClient client;

	private final FairComSessionSettings settings;

	private final TaskScheduler taskScheduler;

	private final Clock clock;

	private final boolean keepalive;

	private final Duration logoutTimeout;

	private final FairComSessionListener listener;

	private final AtomicReference<@Nullable ActiveSession> current = new AtomicReference<>();

	private final AtomicReference<@Nullable FairComSession> lastExpired = new AtomicReference<>();

	private volatile @Nullable FairComLoginAttempt lastLogin;

	private final AtomicLong loginAttempts = new AtomicLong();

	private volatile @Nullable FailedLogin failedLogin;

	private final ReentrantLock loginLock = new ReentrantLock();

	private final AtomicBoolean closed = new AtomicBoolean();

	private volatile ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

	private volatile @Nullable FairComSessionObservationConvention observationConvention;

	/**
	 * Create a new session manager.
	 * @param authentication how to obtain a session
	 * @param client the session actions
	 * @param settings the settings sent with {@code createSession}
	 * @param taskScheduler the scheduler that runs the keepalive checks
	 * @param clock the clock used to track idle time
	 * @param keepalive whether to keep sessions alive with {@code pingSession}
	 * @param logoutTimeout the time {@code deleteSession} may take on shutdown
	 * @param listener the receiver of session events
	 */
	public LifecycleAwareSessionManager(FairComAuthentication authentication, FairComSessionClient client,
			FairComSessionSettings settings, TaskScheduler taskScheduler, Clock clock, boolean keepalive,
			Duration logoutTimeout, FairComSessionListener listener) {
		Assert.notNull(authentication, "'authentication' must not be null");
		Assert.notNull(client, "'client' must not be null");
		Assert.notNull(settings, "'settings' must not be null");
		Assert.notNull(taskScheduler, "'taskScheduler' must not be null");
		Assert.notNull(clock, "'clock' must not be null");
		Assert.isTrue(!logoutTimeout.isNegative() && !logoutTimeout.isZero(), "'logoutTimeout' must be positive");
		Assert.notNull(listener, "'listener' must not be null");
		this.authentication = authentication;
		this.client = client;
		this.settings = settings;
		this.taskScheduler = taskScheduler;
		this.clock = clock;
		this.keepalive = keepalive;
		this.logoutTimeout = logoutTimeout;
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
	 * share one login attempt: if it fails, the callers that waited for it fail with a
	 * copy of its failure rather than trying again (see the class description).
	 * @return the session
	 * @throws FairComException if the login fails or the manager has been closed
	 */
	@Override
	public FairComSession getSession() {
		long attemptsSeen = this.loginAttempts.get();
		ActiveSession active = this.current.get();
		if (active != null && !this.closed.get()) {
			active.touch(this.clock.instant());
			return active.session;
		}
		this.loginLock.lock();
		try {
			if (this.closed.get()) {
				throw FairComExceptionTranslator.closed(null, null);
			}
			active = this.current.get();
			if (active == null) {
				FailedLogin failed = this.failedLogin;
				if (failed != null && failed.attempt() > attemptsSeen) {
					throw FairComExceptionTranslator.sharedLoginFailure(failed.failure());
				}
				active = login();
			}
			active.touch(this.clock.instant());
			return active.session;
		}
		finally {
			this.loginLock.unlock();
		}
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
		ActiveSession active = this.current.get();
		if (active == null || active.session != session || !this.current.compareAndSet(active, null)) {
			return false;
		}
		active.cancelKeepalive();
		this.lastExpired.set(session);
		if (logger.isDebugEnabled()) {
			logger.debug("FairCom session expired: " + session);
		}
		publish(new FairComSessionExpiredEvent(this, session));
		return true;
	}

	@Override
	public @Nullable FairComLoginAttempt getLastLogin() {
		return this.lastLogin;
	}

	/**
	 * Return whether {@link #destroy()} has been called.
	 * @return whether this manager is closed
	 */
	public boolean isClosed() {
		return this.closed.get();
	}

	/**
	 * Stop the keepalive, then delete the session once if this client created it. Errors
	 * are logged at WARN and swallowed. Later calls to {@link #getSession()} fail at once.
	 */
	@Override
	public void destroy() {
		if (!this.closed.compareAndSet(false, true)) {
			return;
		}
		ActiveSession active;
		this.loginLock.lock();
		try {
			active = this.current.getAndSet(null);
		}
		finally {
			this.loginLock.unlock();
		}
		if (active == null) {
			return;
		}
		active.cancelKeepalive();
		FairComSession session = active.session;
		if (!session.isCreatedByClient()) {
			return;
		}
		try {
			observe(Event.LOGOUT, (context) -> {
				this.client.deleteSession(session, this.logoutTimeout);
				return session;
			});
			logger.debug("Deleted FairCom session on shutdown");
			publish(new FairComSessionDeletedEvent(this, session));
		}
		catch (RuntimeException ex) {
			logger.warn("Could not delete FairCom session on shutdown; the server ends it after its idle timeout: "
					+ ex.getMessage());
		}
	}

	private ActiveSession login() {
		FairComSession session;
		boolean replacement = this.lastExpired.get() != null;
		try {
			session = observe(replacement ? Event.RELOGIN : Event.LOGIN,
					(context) -> this.authentication.login(this.client, this.settings));
		}
		catch (FairComException ex) {
			long attempt = this.loginAttempts.incrementAndGet();
			this.failedLogin = FairComExceptionTranslator.isShareableLoginFailure(ex)
					&& !Thread.currentThread().isInterrupted() ? new FailedLogin(attempt, ex) : null;
			this.lastLogin = new FairComLoginAttempt(this.clock.instant(), replacement, ex);
			publish(new FairComLoginFailedEvent(this, ex));
			throw ex;
		}
		ActiveSession active = new ActiveSession(session, this.clock.instant());
		this.loginAttempts.incrementAndGet();
		this.failedLogin = null;
		this.current.set(active);
		this.lastLogin = new FairComLoginAttempt(active.lastActivity(), replacement, null);
		FairComSession replaced = this.lastExpired.getAndSet(null);
		if (logger.isDebugEnabled()) {
			logger.debug(((replaced != null) ? "Replaced expired FairCom session with " : "Created FairCom session ")
					+ session);
		}
		publish(new FairComSessionCreatedEvent(this, session, replaced));
		if (this.keepalive && session.canIdleOut()) {
			scheduleKeepalive(active, active.lastActivity().plus(keepaliveInterval(session)));
		}
		return active;
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
				boolean answered = this.client.pingSession(active.session);
				context.setSessionGone(!answered);
				return answered;
			});
			if (!alive) {
				sessionExpired(active.session);
				return;
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
	 * The failure of a login attempt, numbered so that only callers that were already
	 * waiting when it ended are given it.
	 */
	private record FailedLogin(long attempt, FairComException failure) {
	}

	private static final class ActiveSession {

		private final FairComSession session;

		private final AtomicReference<Instant> lastActivity;

		private volatile @Nullable ScheduledFuture<?> keepalive;

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
