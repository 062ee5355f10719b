package io.github.faircomclient.session;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A session on a FairCom server: its {@code authToken} and what the server said about it.
 * Instances are immutable and compared by identity: a new login always yields a new
 * instance, even if a server handed out the same token again. {@link #toString()} never
 * shows the token.
 */
public final class FairComSession {

	private final String token;

	private final @Nullable String username;

	private final Duration idleTimeout;

	private final Instant createdAt;

	private final boolean permanent;

	private final boolean createdByClient;

	private final @Nullable String serverVersion;

	/**
	 * Create a new session.
	 * @param token the {@code authToken}
	 * @param username the account the session belongs to, if known
	 * @param idleTimeout the idle time after which the server ends the session, as the
	 * server reported it; {@link Duration#ZERO} if the session never idles out
	 * @param createdAt when the client obtained the session
	 * @param permanent whether the session is a permanent one (an API key)
	 * @param createdByClient whether this client created the session, and must therefore
	 * delete it when it shuts down
	 */
	public FairComSession(String token, @Nullable String username, Duration idleTimeout, Instant createdAt,
			boolean permanent, boolean createdByClient) {
		this(token, username, idleTimeout, createdAt, permanent, createdByClient, null);
	}

	/**
	 * Create a new session.
	 * @param token the {@code authToken}
	 * @param username the account the session belongs to, if known
	 * @param idleTimeout the idle time after which the server ends the session, as the
	 * server reported it; {@link Duration#ZERO} if the session never idles out
	 * @param createdAt when the client obtained the session
	 * @param permanent whether the session is a permanent one (an API key)
	 * @param createdByClient whether this client created the session, and must therefore
	 * delete it when it shuts down
	 * @param serverVersion the {@code serverVersion} that {@code createSession} reported,
	 * if any
	 */
	public FairComSession(String token, @Nullable String username, Duration idleTimeout, Instant createdAt,
			boolean permanent, boolean createdByClient, @Nullable String serverVersion) {
		Assert.hasText(token, "'token' must not be empty");
		Assert.isTrue(!idleTimeout.isNegative(), "'idleTimeout' must not be negative");
		this.token = token;
		this.username = username;
		this.idleTimeout = idleTimeout;
		this.createdAt = createdAt;
		this.permanent = permanent;
		this.createdByClient = createdByClient;
		this.serverVersion = serverVersion;
	}

	/**
	 * Return the {@code authToken} to send with every action of this session. Treat it as a
	 * secret.
	 * @return the token
	 */
	public String getToken() {
		return this.token;
	}

	/**
	 * Return the account the session belongs to.
	 * @return the user name, or {@code null} if the server did not report it
	 */
	public @Nullable String getUsername() {
		return this.username;
	}

	/**
	 * Return the idle time after which the server ends the session.
	 * @return the idle timeout, {@link Duration#ZERO} if the session never idles out
	 */
	public Duration getIdleTimeout() {
		return this.idleTimeout;
	}

	/**
	 * Return when the client obtained the session.
	 * @return the creation time
	 */
	public Instant getCreatedAt() {
		return this.createdAt;
	}

	/**
	 * Return whether this is a permanent session (an API key that never expires).
	 * @return whether the session is permanent
	 */
	public boolean isPermanent() {
		return this.permanent;
	}

	/**
	 * Return whether this client created the session. Only such sessions are renewed after
	 * expiry and deleted on shutdown.
	 * @return whether the session was created by this client
	 */
	public boolean isCreatedByClient() {
		return this.createdByClient;
	}

	/**
	 * Return the server version that {@code createSession} reported. Newer FairCom servers
	 * report it; older ones and permanent tokens leave it unknown.
	 * @return the server version or {@code null} if unknown
	 */
	public @Nullable String getServerVersion() {
		return this.serverVersion;
	}

	/**
	 * Return whether the server ends this session after some idle time, so that keeping it
	 * alive makes sense.
	 * @return whether the session can idle out
	 */
	public boolean canIdleOut() {
		return !this.permanent && !this.idleTimeout.isZero();
	}

	@Override
	public String toString() {
		return "FairComSession[token=******, username=" + this.username + ", idleTimeout=" + this.idleTimeout
				+ ", createdAt=" + this.createdAt + ", permanent=" + this.permanent + ", createdByClient="
				+ this.createdByClient + ", serverVersion=" + this.serverVersion + "]";
	}

}
