package io.github.faircomclient.session;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import io.github.faircomclient.core.FairComRequest;
import io.github.faircomclient.core.FairComResponse;

/**
 * Sends one FairCom action once: no session handling, no retry. What a session manager
 * talks to the server with, for {@code createSession}, {@code pingSession} and
 * {@code deleteSession}; the template's own exchange implements it and hands it to the
 * {@link LifecycleAwareSessionManager} it builds.
 */
public interface FairComSessionClient {

	/**
	 * Send an action over the connection pool and return the answer, whatever its
	 * {@code errorCode}.
	 * @param request the action
	 * @param session the session whose token to send, or {@code null} for none
	 * @param timeout the time the exchange may take
	 * @return the answer
	 * @throws io.github.faircomclient.FairComException if no valid answer arrived
	 */
	FairComResponse send(FairComRequest request, @Nullable FairComSession session, Duration timeout);

	/**
	 * Send an action like {@link #send} but over a connection outside the pool, so that it
	 * neither waits behind the application's calls nor is aborted when the client closes:
	 * for the logout.
	 * @param request the action
	 * @param session the session whose token to send, or {@code null} for none
	 * @param timeout the time the exchange may take
	 * @return the answer
	 * @throws io.github.faircomclient.FairComException if no valid answer arrived
	 */
	FairComResponse sendOutsidePool(FairComRequest request, @Nullable FairComSession session, Duration timeout);

}
