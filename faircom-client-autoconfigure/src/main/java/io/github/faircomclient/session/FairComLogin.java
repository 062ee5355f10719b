package io.github.faircomclient.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One login attempt, as a {@link FairComAuthentication} sees it: the session settings to
 * send, the time the attempt may take and a way to run {@code createSession}. A session
 * manager creates one per attempt; the time it carries is what the call that needed the
 * session has left.
 */
public final class FairComLogin {

	private final FairComSessionClient client;

	private final FairComSessionSettings settings;

	private final Duration timeout;

	private final Clock clock;

	/**
	 * Create a new login attempt.
	 * @param client what {@code createSession} is sent with
	 * @param settings the settings to send with {@code createSession}
	 * @param timeout the time the attempt may take
	 * @param clock the clock that stamps the session
	 */
	public FairComLogin(FairComSessionClient client, FairComSessionSettings settings, Duration timeout, Clock clock) {
		this.client = client;
		this.settings = settings;
		this.timeout = timeout;
		this.clock = clock;
	}

	/**
	 * Create a session with {@code createSession}, once, within this attempt's time.
	 * @param username the account, or {@code null} to log in with the client certificate
	 * of the TLS connection
	 * @param password the password, or {@code null} with a client certificate
	 * @return the new session
	 * @throws io.github.faircomclient.FairComAuthenticationException if the server refuses
	 * the login
	 * @throws io.github.faircomclient.FairComException if no valid answer arrived
	 */
	public FairComSession createSession(@Nullable String username, @Nullable String password) {
		return SessionActions.createSession(this.client, username, password, this.settings, this.timeout,
				this.clock.instant());
	}

	/**
	 * Return the settings sent with {@code createSession}.
	 * @return the session settings
	 */
	public FairComSessionSettings settings() {
		return this.settings;
	}

	/**
	 * Return the time this attempt may take.
	 * @return the timeout
	 */
	public Duration timeout() {
		return this.timeout;
	}

	/**
	 * Return the current time of the session manager's clock, to stamp a session obtained
	 * without {@code createSession}.
	 * @return the current instant
	 */
	public Instant now() {
		return this.clock.instant();
	}

}
