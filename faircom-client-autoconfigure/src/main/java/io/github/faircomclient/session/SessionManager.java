package io.github.faircomclient.session;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Holds the session a template sends its calls with. The template asks for it before every
 * call and reports when the server says it is gone; everything else (when to log in, how,
 * keeping it alive, logging out) is the manager's. Implement it to take sessions from
 * elsewhere, for example a permanent token that a secret store rotates, and hand it to
 * {@link io.github.faircomclient.core.FairComTemplate#FairComTemplate(io.github.faircomclient.http.FairComHttpTransport, SessionManager)}.
 * A manager that is {@link AutoCloseable} is closed by the template that uses it.
 * Implementations are thread-safe.
 *
 * @see LifecycleAwareSessionManager
 */
public interface SessionManager {

	/**
	 * Return the current session, logging in first if there is none.
	 * @param timeout the time the call that needs the session has left; a login, or the
	 * wait for another thread's login, must not take longer
	 * @return the session
	 * @throws io.github.faircomclient.FairComException if no session can be had, or the
	 * manager has been closed
	 */
	FairComSession getSession(Duration timeout);

	/**
	 * Return the current session without ever logging in.
	 * @return the session or {@code null} if there is none
	 */
	@Nullable FairComSession getCurrentSession();

	/**
	 * Return whether the given session is still the current one, without ever logging in.
	 * A call that continues a transaction or cursor of that session asks this before it is
	 * sent; a manager that tracks idle time counts it as a use of the session.
	 * @param session a session this manager handed out
	 * @return {@code true} if it is the current session
	 */
	default boolean isCurrent(FairComSession session) {
		return getCurrentSession() == session;
	}

	/**
	 * Report that the server no longer knows the given session. Only that exact session is
	 * dropped: if another thread already replaced it, nothing happens.
	 * @param session the session the server reported gone
	 * @return {@code true} if this call dropped the session
	 */
	boolean sessionExpired(FairComSession session);

	/**
	 * Report that the server answered a call sent with the given session as one it knows
	 * (any answer but "session gone"). A manager may use it to tell a session that expired
	 * after it worked from one the server refused right away.
	 * @param session a session this manager handed out
	 */
	default void sessionAccepted(FairComSession session) {
	}

	/**
	 * Return the outcome of the latest login, without logging in.
	 * @return the latest login attempt, or {@code null} if there was none or the manager
	 * does not track logins
	 */
	default @Nullable FairComLoginAttempt getLastLogin() {
		return null;
	}

}
