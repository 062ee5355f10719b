package io.github.faircomclient.session;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

import io.github.faircomclient.FairComException;

/**
 * The outcome of a session manager's latest login: when it ended and, if it failed, why.
 * Shown by the health indicator; carries no credentials or tokens.
 *
 * @param time when the login ended
 * @param replacement whether the login replaced a session the server reported gone
 * @param failure why the login failed, or {@code null} if it succeeded
 */
public record FairComLoginAttempt(Instant time, boolean replacement, @Nullable FairComException failure) {

	/**
	 * Create a new login attempt.
	 * @param time when the login ended
	 * @param replacement whether the login replaced a session the server reported gone
	 * @param failure why the login failed, or {@code null} if it succeeded
	 */
	public FairComLoginAttempt {
		Assert.notNull(time, "'time' must not be null");
	}

	/**
	 * Return whether the login succeeded.
	 * @return {@code true} if a session was obtained
	 */
	public boolean isSuccessful() {
		return this.failure == null;
	}

}
