package io.github.faircomclient.core;

import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.util.Assert;

import io.github.faircomclient.FairComErrorCodes;
import io.github.faircomclient.FairComExceptionTranslator;
import io.github.faircomclient.admin.AdminOperations;
import io.github.faircomclient.admin.AdminTemplate;
import io.github.faircomclient.db.DbOperations;
import io.github.faircomclient.db.DbSettings;
import io.github.faircomclient.db.DbTemplate;
import io.github.faircomclient.session.FairComSession;
import io.github.faircomclient.session.LifecycleAwareSessionManager;
import io.github.faircomclient.session.LoginMode;
import io.github.faircomclient.session.SessionManager;

/**
 * Runs FairCom JSON actions on one session shared by all threads, and takes care of that
 * session's whole life:
 * <ul>
 * <li>logs in on the first call ({@link LoginMode#LAZY}) or on
 * {@link #afterPropertiesSet()} ({@link LoginMode#EAGER}), once for all threads;</li>
 * <li>when the server reports the session gone, drops exactly that session, logs in once
 * for all waiting threads and replays the failed call once, unless the call used a
 * {@code cursorId} or {@code transactionId} of the dead session, which raises
 * {@link io.github.faircomclient.FairComSessionExpiredException};</li>
 * <li>keeps the session alive with {@code pingSession} while it is idle;</li>
 * <li>on {@link #destroy()}: stops the keepalive, deletes the session once, then shuts the
 * connection pool down. Later calls fail at once with
 * {@link io.github.faircomclient.FairComClientClosedException}.</li>
 * </ul>
 * Create instances with {@link #builder()}; register them as beans so that the container
 * calls {@link #afterPropertiesSet()} and {@link #destroy()}. This class is thread-safe.
 */
public class FairComTemplate implements FairComOperations, InitializingBean, DisposableBean {

	private static final Log logger = LogFactory.getLog(FairComTemplate.class);

	private final FairComActionExecutor executor;

	private final LifecycleAwareSessionManager sessionManager;

	private final LoginMode loginMode;

	private final List<AutoCloseable> ownedResources;

	private final AtomicBoolean closed = new AtomicBoolean();

	private final FairComErrorCodes errorCodes;

	private final DbTemplate db;

	private final AdminTemplate admin;

	FairComTemplate(FairComActionExecutor executor, LifecycleAwareSessionManager sessionManager, LoginMode loginMode,
			List<AutoCloseable> ownedResources, FairComErrorCodes errorCodes, DbSettings dbSettings) {
		this.executor = executor;
		this.sessionManager = sessionManager;
		this.loginMode = loginMode;
		this.ownedResources = List.copyOf(ownedResources);
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
		if (this.closed.get()) {
			throw FairComExceptionTranslator.closed(request.api(), request.action());
		}
		FairComSession session = this.sessionManager.getSession();
		FairComResponse response = this.executor.send(request, session);
		if (SessionExpiryClassifier.isSessionGone(response)) {
			response = replayOnNewSession(request, session, response);
		}
		if (!response.isSuccess()) {
			throw FairComExceptionTranslator.actionFailed(response.api(), response.action(), response.requestId(),
					response.httpStatus(), response.errorCode(), response.errorMessage(), this.errorCodes);
		}
		return response;
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

	private FairComResponse replayOnNewSession(FairComRequest request, FairComSession session,
			FairComResponse failed) {
		if (!session.isCreatedByClient()) {
			throw FairComExceptionTranslator.tokenRejected(failed.api(), failed.action(), failed.requestId(),
					failed.httpStatus(), failed.errorCode(), failed.errorMessage());
		}
		this.sessionManager.sessionExpired(session);
		if (this.executor.wireFormat().referencesSessionState(request)) {
			throw FairComExceptionTranslator.sessionExpired(failed.api(), failed.action(), failed.requestId(),
					failed.httpStatus(), failed.errorCode(), failed.errorMessage(),
					"the call used a cursorId or transactionId of the expired session and is not replayed");
		}
		FairComSession renewed = this.sessionManager.getSession();
		if (logger.isDebugEnabled()) {
			logger.debug("Replaying " + request + " (requestId " + failed.requestId() + ") on a new session");
		}
		FairComResponse replayed = this.executor.send(request, renewed);
		if (SessionExpiryClassifier.isSessionGone(replayed)) {
			this.sessionManager.sessionExpired(renewed);
			throw FairComExceptionTranslator.sessionExpired(replayed.api(), replayed.action(), replayed.requestId(),
					replayed.httpStatus(), replayed.errorCode(), replayed.errorMessage(),
					"the replay on a new session was reported gone as well");
		}
		return replayed;
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
