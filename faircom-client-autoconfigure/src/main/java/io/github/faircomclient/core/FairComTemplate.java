package io.github.faircomclient.core;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.util.Assert;

import io.github.faircomclient.FairComConfigurationException;
import io.github.faircomclient.FairComErrorCodes;
import io.github.faircomclient.FairComException;
import io.github.faircomclient.admin.AdminOperations;
import io.github.faircomclient.admin.AdminTemplate;
import io.github.faircomclient.db.DbOperations;
import io.github.faircomclient.db.DbSettings;
import io.github.faircomclient.db.DbTemplate;
import io.github.faircomclient.db.DbTransactionHolder;
import io.github.faircomclient.http.FairComHttpTransport;
import io.github.faircomclient.mq.MqOperations;
import io.github.faircomclient.mq.MqSettings;
import io.github.faircomclient.mq.MqTemplate;
import io.github.faircomclient.observation.DefaultFairComRequestObservationConvention;
import io.github.faircomclient.observation.FairComObservationDocumentation;
import io.github.faircomclient.observation.FairComRequestObservationContext;
import io.github.faircomclient.observation.FairComRequestObservationConvention;
import io.github.faircomclient.session.FairComSession;
import io.github.faircomclient.session.SessionManager;

/**
 * Runs FairCom JSON actions on the session its {@link SessionManager} holds, shared by all
 * threads. Each call reads top-down: get the session (with the time the call has left),
 * run one attempt, decide, then replay, retry or return.
 * <ul>
 * <li>When the server reports the session gone, the template drops exactly that session
 * and replays the call once on a new one, unless the call used a {@code cursorId} or
 * {@code transactionId} of the dead session, or was
 * {@linkplain FairComRequest.Builder#boundTo(FairComSession) bound} to it, which raises
 * {@link io.github.faircomclient.FairComSessionExpiredException}. A call is replayed at
 * most once.</li>
 * <li>A bound request is sent with its own session's token, and refused with
 * {@link io.github.faircomclient.FairComSessionExpiredException} without being sent once
 * that session is no longer the current one: a transaction or cursor never reaches a newer
 * session.</li>
 * <li>A call that failed on the way (no connection, dropped connection, read timeout, 5xx
 * or truncated answer, HTTP 429 with {@code Retry-After}) is retried with exponential
 * backoff and full jitter, when the action is safe to send again (plain reads, or any
 * request declared {@linkplain FairComRequest#isIdempotent() idempotent}); see
 * {@link FairComRetrySettings}. Retries and the replay share one budget of attempts.</li>
 * <li>Every call, its retries, waits and any login it has to run included, stays within
 * the call timeout.</li>
 * <li>Inside a transaction that a {@code FairComTransactionManager} bound to this template
 * on the calling thread, every call of the {@code db} api joins it: see
 * {@link DbTransactionHolder#current(FairComOperations)}.</li>
 * <li>{@link #close()} ends every call in flight or waiting for a connection at once, has
 * the session manager log out over a connection of its own, then shuts the connection pool
 * down. Later calls fail at once with
 * {@link io.github.faircomclient.FairComClientClosedException}.</li>
 * </ul>
 * Each call is one {@link FairComObservationDocumentation#REQUEST} observation
 * ({@code faircom.client.requests}); the HTTP exchanges nest in it. Build instances with
 * {@link #builder()}, or from a transport and a session manager of your own. Outside
 * Spring, close the template (try-with-resources); as a bean, the container does. This
 * class is thread-safe.
 */
public class FairComTemplate implements FairComOperations, AutoCloseable, DisposableBean {

	private static final Log logger = LogFactory.getLog(FairComTemplate.class);

	private static final FairComRequest PING_SESSION = FairComRequest.builder("pingSession").api("admin").build();

	private final Exchange exchange;

	private final SessionManager sessionManager;

	private final Options options;

	private final List<AutoCloseable> ownedResources;

	private final AtomicBoolean closed = new AtomicBoolean();

	private final DbTemplate db;

	private final AdminTemplate admin;

	private final MqTemplate mq;

	/**
	 * Create a template that sends its calls through the given transport, with the
	 * sessions of the given manager and the default settings (call timeout 60 s, default
	 * retries, the error codes FairCom documents, default DB settings, nothing observed).
	 * The template owns both: {@link #close()} closes the session manager (if it is
	 * {@link AutoCloseable}) and then the transport.
	 * @param transport the connection pool to the server
	 * @param sessionManager what holds the session
	 */
	public FairComTemplate(FairComHttpTransport transport, SessionManager sessionManager) {
		this(new Exchange(transport, new FairComWireFormat(), ServerText.masking(List.of())), sessionManager,
				Options.DEFAULTS, List.of());
	}

	FairComTemplate(Exchange exchange, SessionManager sessionManager, Options options,
			List<AutoCloseable> ownedResources) {
		Assert.notNull(sessionManager, "'sessionManager' must not be null");
		this.exchange = exchange;
		this.sessionManager = sessionManager;
		this.options = options;
		this.ownedResources = List.copyOf(ownedResources);
		this.db = new DbTemplate(this, options.dbSettings(), options.observationRegistry());
		this.admin = new AdminTemplate(this);
		this.mq = new MqTemplate(this, options.mqSettings(), options.observationRegistry());
	}

	/**
	 * Return a builder for a template with its own connection pool and session.
	 * @return a new builder
	 */
	public static FairComTemplateBuilder builder() {
		return new FairComTemplateBuilder();
	}

	@Override
	public FairComResponse execute(FairComRequest request) {
		Assert.notNull(request, "'request' must not be null");
		return observe(request, () -> run(newCall(request)));
	}

	private Call newCall(FairComRequest request) {
		Call call = new Call(request, this.exchange.wireFormat(), this.options.callTimeout());
		DbTransactionHolder transaction = DbTransactionHolder.current(this);
		if (transaction != null) {
			TransactionJoin.join(call, transaction);
		}
		return call;
	}

	private FairComResponse run(Call call) {
		while (true) {
			checkOpen(call.request());
			call.startAttempt();
			FairComSession session;
			try {
				session = sessionFor(call);
			}
			catch (FairComException ex) {
				this.options.retryPolicy().retryLoginOrThrow(call, ex);
				continue;
			}
			FairComResponse response;
			try {
				response = this.exchange.send(call, session);
			}
			catch (FairComException ex) {
				if (this.closed.get()) {
					throw call.fail(ex);
				}
				this.options.retryPolicy().retryOrThrow(call, ex);
				continue;
			}
			if (response.isSessionGone()) {
				prepareReplay(call, session, response);
				continue;
			}
			this.sessionManager.sessionAccepted(session);
			if (!response.isSuccess()) {
				throw call.fail(FairComExceptionTranslator.actionFailed(response, this.options.errorCodes()));
			}
			return response;
		}
	}

	/**
	 * Return the session the call goes out with: its bound session while that is still the
	 * current one, otherwise the current session, logging in within the call's time.
	 */
	private FairComSession sessionFor(Call call) {
		FairComSession bound = call.boundSession();
		if (bound == null) {
			return this.sessionManager.getSession(call.timeLeft());
		}
		if (!this.sessionManager.isCurrent(bound)) {
			throw call.fail(FairComExceptionTranslator.boundSessionExpired(call.request(),
					call.describeSessionState()));
		}
		return bound;
	}

	/**
	 * Drop the session the server reported gone and return if the call may be replayed on
	 * a new one; otherwise throw.
	 */
	private void prepareReplay(Call call, FairComSession session, FairComResponse gone) {
		if (!session.isCreatedByClient()) {
			throw call.fail(FairComExceptionTranslator.tokenRejected(gone));
		}
		this.sessionManager.sessionExpired(session);
		String reason = null;
		if (call.continuesSessionState()) {
			reason = "the call used a cursorId or transactionId of the expired session and is not replayed";
		}
		else if (call.boundSession() != null) {
			reason = "the call belongs to a transaction or cursor of the expired session and is not replayed";
		}
		else if (call.wasReplayed()) {
			reason = "it was replayed on a new session once, which the server reported gone as well; a call is "
					+ "replayed at most once";
		}
		else if (!this.options.retryPolicy().canReplay(call)) {
			reason = (call.hasTimeFor(RetryPolicy.MIN_ATTEMPT_TIME))
					? "the call was already sent " + call.attempts() + " time(s), the most faircom.retry.max-attempts "
							+ "allows"
					: "the call timeout of " + FairComConfigurationException.display(call.timeout()) + " leaves no time to replay it";
		}
		if (reason != null) {
			throw call.fail(FairComExceptionTranslator.sessionExpired(gone, reason));
		}
		call.replayed();
		if (logger.isDebugEnabled()) {
			logger.debug("Replaying FairCom " + call.describe() + " (requestId " + gone.requestId()
					+ ") on a new session");
		}
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
		observe(PING_SESSION, () -> {
			checkOpen(PING_SESSION);
			FairComResponse response = this.exchange.send(PING_SESSION, null, timeout);
			if (!response.isSuccess()) {
				throw FairComExceptionTranslator.actionFailed(response, this.options.errorCodes());
			}
			return response;
		});
	}

	/**
	 * Log in now, if the session manager has no session yet, within the call timeout; if
	 * that fails, close the template.
	 * @throws io.github.faircomclient.FairComException if the login fails
	 */
	void login() {
		checkOpen(PING_SESSION);
		try {
			this.sessionManager.getSession(this.options.callTimeout());
		}
		catch (RuntimeException ex) {
			close();
			throw ex;
		}
	}

	private FairComResponse observe(FairComRequest request, Supplier<FairComResponse> call) {
		Observation observation = FairComObservationDocumentation.REQUEST.observation(
				this.options.observationConvention(), DefaultFairComRequestObservationConvention.INSTANCE,
				() -> new FairComRequestObservationContext(request), this.options.observationRegistry());
		return observation.observe(() -> {
			FairComResponse response = call.get();
			if (observation.getContext() instanceof FairComRequestObservationContext context) {
				context.setResponse(response);
			}
			return response;
		});
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
	 * Return the typed MQ operations of this template, configured with its MQ settings;
	 * published messages are observed in its observation registry.
	 * @return the MQ operations
	 */
	@Override
	public MqOperations mq() {
		return this.mq;
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
		return this.options.retryPolicy().settings();
	}

	/**
	 * Return the endpoint of the server.
	 * @return the url the template posts to
	 */
	public URI getUrl() {
		return this.exchange.transport().getUrl();
	}

	/**
	 * Return whether {@link #close()} has been called.
	 * @return whether the template is closed
	 */
	public boolean isClosed() {
		return this.closed.get();
	}

	/**
	 * End every call in flight or waiting for a connection (they fail at once with
	 * {@link io.github.faircomclient.FairComClientClosedException}), have the session
	 * manager log out (the default one deletes the session it created, over a connection of
	 * its own, within the logout timeout, even while a login is in flight), then close the
	 * connection pool and everything else the template owns. Errors are logged at WARN and
	 * swallowed. Idempotent.
	 */
	@Override
	public void close() {
		if (!this.closed.compareAndSet(false, true)) {
			return;
		}
		FairComHttpTransport transport = this.exchange.transport();
		try {
			transport.abortCalls();
			if (this.sessionManager instanceof AutoCloseable closeable) {
				closeQuietly(closeable);
			}
		}
		finally {
			closeQuietly(transport);
			this.ownedResources.forEach(FairComTemplate::closeQuietly);
		}
	}

	/**
	 * Same as {@link #close()}, for the container.
	 */
	@Override
	public void destroy() {
		close();
	}

	private static void closeQuietly(AutoCloseable resource) {
		try {
			resource.close();
		}
		catch (Exception ex) {
			logger.warn("Could not close " + resource.getClass().getSimpleName() + ": " + ex.getMessage());
		}
	}

	@Override
	public String toString() {
		return "FairComTemplate[url=" + getUrl() + ", closed=" + this.closed.get() + "]";
	}

	/**
	 * What a template does beyond its transport and session manager.
	 */
	record Options(Duration callTimeout, RetryPolicy retryPolicy, ObservationRegistry observationRegistry,
			@Nullable FairComRequestObservationConvention observationConvention, FairComErrorCodes errorCodes,
			DbSettings dbSettings, MqSettings mqSettings) {

		static final Options DEFAULTS = new Options(FairComTemplateBuilder.DEFAULT_CALL_TIMEOUT,
				new RetryPolicy(FairComRetrySettings.defaults(), BackoffSleeper.THREAD_SLEEP,
						() -> ThreadLocalRandom.current().nextDouble()),
				ObservationRegistry.NOOP, null, FairComErrorCodes.documented(), DbSettings.defaults(),
				MqSettings.defaults());

	}

}
