package io.github.faircomclient.session;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * The session actions of the FairCom admin API, as a session manager and the
 * authentication strategies need them. Implemented by the template's action executor.
 */
public interface FairComSessionClient {

	/**
	 * Create a session with {@code createSession}.
	 * @param username the account, or {@code null} to log in with the client certificate of
	 * the TLS connection
	 * @param password the password, or {@code null} with a client certificate
	 * @param settings the session settings to send
	 * @return the new session
	 * @throws io.github.faircomclient.FairComAuthenticationException if the server refuses
	 * the login
	 */
	FairComSession createSession(@Nullable String username, @Nullable String password,
			FairComSessionSettings settings);

	/**
	 * Keep a session alive with {@code pingSession}.
	 * @param session the session
	 * @return {@code true} if the session is alive, {@code false} if the server reports it
	 * gone
	 */
	boolean pingSession(FairComSession session);

	/**
	 * Delete a session with {@code deleteSession}, once, without retry. A server that no
	 * longer knows the session counts as success.
	 * @param session the session
	 * @param timeout the time the call may take
	 */
	void deleteSession(FairComSession session, Duration timeout);

}
