package io.github.faircomclient.core;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.util.Assert;

import io.github.faircomclient.FairComClientClosedException;
import io.github.faircomclient.FairComErrorCodes;
import io.github.faircomclient.FairComException;
import io.github.faircomclient.FairComExceptionTranslator;
import io.github.faircomclient.admin.AdminOperations;
import io.github.faircomclient.admin.AdminTemplate;
import io.github.faircomclient.db.DbOperations;
import io.github.faircomclient.db.DbSettings;
import io.github.faircomclient.db.DbTemplate;
import io.github.faircomclient.observation.DefaultFairComRequestObservationConvention;
import io.github.faircomclient.observation.FairComObservationDocumentation;
import io.github.faircomclient.observation.FairComRequestObservationContext;
import io.github.faircomclient.observation.FairComRequestObservationConvention;
import io.github.faircomclient.session.FairComSession;
import io.github.faircomclient.session.LifecycleAwareSessionManager;
import io.github.faircomclient.session.LoginMode;
import io.github.faircomclient.session.SessionManager;

import tools.jackson.databind.JsonNode;

/**
 * Runs FairCom JSON actions on one session shared by all threads, and takes care of that
 * session's whole life:
 * <ul>
 * <li>logs in on the first call ({@link LoginMode#LAZY}) or on
 * {@link #afterPropertiesSet()} ({@link LoginMode#EAGER}), once for all threads;</li>
 * <li>when the server reports the session gone, drops exactly that session, logs in once
 * for all waiting threads and replays the failed call on the new session, unless the call
 * used a {@code cursorId} or {@code transactionId} of the dead session, or was
 * {@linkplain FairComRequest.Builder#boundTo(FairComSession) bound} to it, which raises
 * {@link io.github.faircomclient.FairComSessionExpiredException};</li>
 * <li>sends a bound request with its own session's token, and refuses it with
 * {@link io.github.faircomclient.FairComSessionExpiredException} without sending it once
 * that session is no longer the current one: a transaction or cursor never reaches a
 * newer session;</li>
 * <li>retries a call that failed on the way (no connection, dropped connection, read
 * timeout, 5xx or truncated answer, HTTP 429 with {@code Retry-After}) with exponential
 * backoff and full jitter, when the action is safe to send again (plain reads, or any
 * request declared {@linkplain FairComRequest#isIdempotent() idempotent}); see
 * {@link FairComRetrySettings}. Failed logins are never retried, except when the server
 * could not be reached at all. Retries and the replay after an expired session share one
 * budget of attempts per call;</li>
 * <li>keeps every call, its retries and waits included, within the call timeout: each
 * attempt gets the time the call has left (a login the call runs itself too);</li>
 * <li>keeps the session alive with {@code pingSession} while it is idle;</li>
 * <li>on {@link #destroy()}: stops the keepalive, deletes the session once, then shuts the
 * connection pool down. Later calls fail at once with
 * {@link io.github.faircomclient.FairComClientClosedException}.</li>
 * </ul>
 * Each call is one {@link FairComObservationDocumentation#REQUEST} observation
 * ({@code faircom.client.requests}) on the builder's
 * {@link io.micrometer.observation.ObservationRegistry}; the HTTP exchanges nest in it.
 * Create instances with {@link #builder()}; register them as beans so that the container
 * calls {@link #afterPropertiesSet()} and {@link #destroy()}. This class is thread-safe.
 */
public class FairComTemplate implements FairComOperations, InitializingBean, DisposableBean {

	private static final Log logger = LogFactory.getLog(FairComTemplate.class);

	private final FairComActionExecutor executor;

	private final LifecycleAwareSessionManager sessionManager;

	private final LoginMode loginMode;

	private final List<AutoCloseable> ownedResources;

	private final FairComRetrySettings retrySettings;

	private final BackoffSleeper sleeper;

	private final DoubleSupplier random;

	private final ObservationRegistry observationRegistry;

	private final @Nullable FairComRequestObservationConvention observationConvention;

	private final AtomicBoolean closed = new AtomicBoolean();

	private final FairComErrorCodes errorCodes;

	private final DbTemplate db;

	private final AdminTemplate admin;

	FairComTemplate(FairComActionExecutor executor, LifecycleAwareSessionManager sessionManager, LoginMode loginMode,
			List<AutoCloseable> ownedResources, FairComRetrySettings retrySettings, BackoffSleeper sleeper,
			@Nullable DoubleSupplier random, ObservationRegistry observationRegistry,
			@Nullable FairComRequestObservationConvention observationConvention,
			FairComErrorCodes errorCodes, DbSettings dbSettings) {
		this.executor = executor;
		this.sessionManager = sessionManager;
		this.loginMode = loginMode;
		this.ownedResources = List.copyOf(ownedResources);
		this.retrySettings = retrySettings;
		this.sleeper = sleeper;
		this.random = (random != null) ? random : () -> ThreadLocalRandom.current().nextDouble();
		this.observationRegistry = observationRegistry;
		this.observationConvention = observationConvention;
		this.errorCodes = errorCodes;
		this.db = new DbTemplate(this, dbSettings);
		this.admin = new AdminTemplate(this);
	}

	/**
	 * Return a builder for a template with its own connection pool and session.
	 * @return a new builder
	 */
	public static FairComTemplateBuilder builder() {
		return new FairComTemplateBuilder();
	}

	/**
	 * Log in now if the template was built with {@link LoginMode#EAGER}.
	 * @throws io.github.faircomclient.FairComException if the eager login fails
	 */
	@Override
	public void afterPropertiesSet() {
		if (this.loginMode == LoginMode.EAGER) {
			this.sessionManager.getSession();
		}
	}

	@Override
	public FairComResponse execute(FairComRequest request) {
		Assert.notNull(request, "'request' must not be null");
		return observe(request, () -> {
			checkOpen(request);
			FairComWireFormat wireFormat = this.executor.wireFormat();
			JsonNode params = wireFormat.params(request);
			Duration callTimeout = (request.timeout() != null) ? request.timeout() : this.executor.callTimeout();
			RetryBudget budget = new RetryBudget(request,
					RetrySafety.of(request, wireFormat.requestsCursor(params)), this.retrySettings, callTimeout,
					this.sleeper, this.random);
			return this.executor.withinDeadline(budget.deadline(), () -> execute(request, params, budget));
		});
	}

	/**
	 * Check that the server answers, without a session: sends {@code pingSession} without
	 * an {@code authToken}, once, within the given time. Never logs in and does not touch
	 * the template's session.
	 * @param timeout the total time the call may take
	 * @throws io.github.faircomclient.FairComException if the server did not answer in
	 * time or answered with an error
	 */
	public void pingServer(Duration timeout) {
		Assert.notNull(timeout, "'timeout' must not be null");
		Assert.isTrue(!timeout.isNegative() && !timeout.isZero(), "'timeout' must be positive");
		FairComRequest request = this.executor.wireFormat().sessionRequest(FairComWireFormat.PING_SESSION);
		observe(request, () -> {
			checkOpen(request);
			FairComResponse response = this.executor.send(request, null, timeout);
			if (!response.isSuccess()) {
				throw FairComExceptionTranslator.actionFailed(response.api(), response.action(),
						response.requestId(), response.httpStatus(), response.errorCode(), response.errorMessage());
			}
			return response;
		});
	}

	private FairComResponse observe(FairComRequest request, Supplier<FairComResponse> call) {
		Observation observation = FairComObservationDocumentation.REQUEST.observation(this.observationConvention,
				DefaultFairComRequestObservationConvention.INSTANCE, () -> new FairComRequestObservationContext(request),
				this.observationRegistry);
		return observation.observe(() -> {
			FairComResponse response = call.get();
			if (observation.getContext() instanceof FairComRequestObservationContext context) {
				context.setResponse(response);
			}
			return response;
		});
	}

	private FairComResponse execute(FairComRequest request, JsonNode params, RetryBudget budget) {
		while (true) {
			checkOpen(request);
			budget.startAttempt();
			FairComSession session = request.boundSession();
			if (session != null) {
				if (!this.sessionManager.isCurrent(session)) {
					throw budget.withEarlierFailures(FairComExceptionTranslator.boundSessionExpired(request.api(),
							request.action(), this.executor.wireFormat().describeSessionState(request)));
				}
			}
			else {
				try {
					session = this.sessionManager.getSession();
				}
				catch (FairComClientClosedException ex) {
					throw ex;
				}
				catch (FairComException ex) {
					budget.retryLoginOrThrow(ex);
					continue;
				}
			}
			FairComResponse response;
			try {
				response = this.executor.send(request, params, session, budget.attemptTimeout(),
						budget.callTimeout());
			}
			catch (FairComException ex) {
				if (this.closed.get()) {
					throw budget.withEarlierFailures(ex);
				}
				budget.retryOrThrow(ex);
				continue;
			}
			if (SessionExpiryClassifier.isSessionGone(response)) {
				prepareReplay(request, session, response, budget);
				continue;
			}
			if (!response.isSuccess()) {
				throw budget.withEarlierFailures(FairComExceptionTranslator.actionFailed(response.api(),
						response.action(), response.requestId(), response.httpStatus(), response.errorCode(),
						response.errorMessage(), this.errorCodes));
			}
			return response;
		}
	}

	private void checkOpen(FairComRequest request) {
		if (this.closed.get()) {
			throw FairComExceptionTranslator.closed(request.api(), request.action());
		}
	}

	/**
	 * Return the typed DB operations of this template, configured with its DB settings.
	 * @return the DB operations
	 */
	@Override
	public DbOperations db() {
		return this.db;
	}

	/**
	 * Return the typed admin operations of this template.
	 * @return the admin operations
	 */
	@Override
	public AdminOperations admin() {
		return this.admin;
	}

	/**
	 * Drop the session the server reported gone and return if the call may be replayed on
	 * a new one; otherwise throw.
	 */
	private void prepareReplay(FairComRequest request, FairComSession session, FairComResponse failed,
			RetryBudget budget) {
		if (!session.isCreatedByClient()) {
			throw budget.withEarlierFailures(FairComExceptionTranslator.tokenRejected(failed.api(), failed.action(),
					failed.requestId(), failed.httpStatus(), failed.errorCode(), failed.errorMessage()));
		}
		this.sessionManager.sessionExpired(session);
		if (this.executor.wireFormat().referencesSessionState(request)) {
			throw budget.withEarlierFailures(FairComExceptionTranslator.sessionExpired(failed.api(), failed.action(),
					failed.requestId(), failed.httpStatus(), failed.errorCode(), failed.errorMessage(),
					"the call used a cursorId or transactionId of the expired session and is not replayed"));
		}
		if (request.boundSession() != null) {
			throw budget.withEarlierFailures(FairComExceptionTranslator.sessionExpired(failed.api(), failed.action(),
					failed.requestId(), failed.httpStatus(), failed.errorCode(), failed.errorMessage(),
					"the call belongs to a transaction or cursor of the expired session and is not replayed"));
		}
		if (!budget.canReplay()) {
			String reason = (budget.attempts() >= budget.maxAttempts())
					? "the call was already sent " + budget.attempts() + " time(s), the most faircom.retry.max-attempts"
							+ " allows" + ((budget.attempts() > 1) ? "; the replay on a new session was reported gone as well" : "")
					: "the call timeout of " + budget.callTimeout().toMillis() + " ms leaves no time to replay it";
			throw budget.withEarlierFailures(FairComExceptionTranslator.sessionExpired(failed.api(), failed.action(),
					failed.requestId(), failed.httpStatus(), failed.errorCode(), failed.errorMessage(), reason));
		}
		if (logger.isDebugEnabled()) {
			logger.debug("Replaying " + request + " (requestId " + failed.requestId() + ") on a new session");
		}
	}

	/**
	 * Return the manager of this template's session, for example to look at the current
	 * session without logging in.
	 * @return the session manager
	 */
	public SessionManager getSessionManager() {
		return this.sessionManager;
	}

	/**
	 * Return how this template retries failed calls.
	 * @return the retry settings
	 */
	public FairComRetrySettings getRetrySettings() {
		return this.retrySettings;
	}

	/**
	 * Return the endpoint of the server.
	 * @return the url the template posts to
	 */
	public URI getUrl() {
		return this.executor.transport().getUrl();
	}

	/**
	 * Return whether {@link #destroy()} has been called.
	 * @return whether the template is closed
	 */
	public boolean isClosed() {
		return this.closed.get();
	}

	/**
	 * Stop the keepalive, delete the session once (only if this template created it), then
	 * close the connection pool and scheduler the template owns. Errors are logged at WARN
	 * and swallowed. Idempotent.
	 */
	@Override
	public void destroy() {
		if (!this.closed.compareAndSet(false, true)) {
			return;
		}
		try {
			this.sessionManager.destroy();
		}
		finally {
			for (AutoCloseable resource : this.ownedResources) {
				try {
					resource.close();
				}
				catch (Exception ex) {
					logger.warn("Could not close " + resource.getClass().getSimpleName() + ": " + ex.getMessage());
				}
			}
		}
	}

	@Override
	public String toString() {
		return "FairComTemplate[url=" + getUrl() + ", closed=" + this.closed.get() + "]";
	}

}
