package io.github.faircomclient.session;

import org.jspecify.annotations.Nullable;

/**
 * Holds the one session a template uses and replaces it when the server reports it gone.
 * Implementations are thread-safe.
 */
public interface SessionManager {

	/**
	 * Return the current session, logging in first if there is none. Concurrent callers
	 * share one login attempt, and its failure: callers that waited while it ran fail with
	 * it instead of each trying again.
	 * @return the session
	 * @throws io.github.faircomclient.FairComException if the login fails or the manager
	 * has been closed
	 */
	FairComSession getSession();

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
	 * Return the outcome of the latest login, without logging in.
	 * @return the latest login attempt, or {@code null} if there was none or the manager
	 * does not track logins
	 */
	default @Nullable FairComLoginAttempt getLastLogin() {
		return null;
	}

}
