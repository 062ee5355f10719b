package io.github.faircomclient.admin;

import java.util.Collection;
import java.util.List;

/**
 * Typed operations of FairCom's admin API ({@code "api": "admin"}) on the session the
 * underlying operations manage. Obtain one from
 * {@link io.github.faircomclient.core.FairComOperations#admin()}; logging in and out stays
 * with the template.
 *
 * @see AdminTemplate
 */
public interface AdminOperations {

	/**
	 * Check that the server answers and keep the session alive ({@code pingSession} with
	 * the session's token).
	 */
	void pingSession();

	/**
	 * List the sessions the account may see ({@code listSessions}).
	 * @return the sessions
	 */
	List<SessionSummary> listSessions();

	/**
	 * List the sessions of some accounts ({@code listSessions} with {@code usernameFilter}).
	 * @param usernames the accounts
	 * @return their sessions
	 */
	List<SessionSummary> listSessions(Collection<String> usernames);

	/**
	 * Describe the sessions of the account ({@code describeSessions}).
	 * @return the sessions
	 */
	List<SessionDescription> describeSessions();

	/**
	 * Describe sessions by their tokens ({@code describeSessions} with
	 * {@code authTokens}); tokens the account may not see are left out.
	 * @param authTokens the tokens
	 * @return the sessions
	 */
	List<SessionDescription> describeSessions(Collection<String> authTokens);

	/**
	 * Change settings of the current session ({@code alterSession}). The change lasts as
	 * long as the session: a session created after an expiry has the configured settings
	 * again.
	 * @param changes the settings to change
	 * @return the session after the change
	 */
	SessionDescription alterSession(SessionChanges changes);

}
