package io.github.faircomclient.session;

import java.time.Clock;
import java.time.Duration;

import org.springframework.util.Assert;

/**
 * Uses a configured permanent session token (a FairCom API key) instead of logging in.
 * The session is never kept alive, never renewed and never deleted by this client.
 */
public final class TokenAuthentication implements FairComAuthentication {

	private final String token;

	private final Clock clock;

	/**
	 * Create a new instance.
	 * @param token the permanent session token
	 */
	public TokenAuthentication(String token) {
		this(token, Clock.systemUTC());
	}

	/**
	 * Create a new instance.
	 * @param token the permanent session token
	 * @param clock the clock that stamps the session
	 */
	public TokenAuthentication(String token, Clock clock) {
		Assert.hasText(token, "'token' must not be empty");
		Assert.notNull(clock, "'clock' must not be null");
		this.token = token;
		this.clock = clock;
	}

	@Override
	public FairComSession login(FairComSessionClient client, FairComSessionSettings settings) {
		return new FairComSession(this.token, null, Duration.ZERO, this.clock.instant(), true, false);
	}

	@Override
	public String toString() {
		return "TokenAuthentication[token=******]";
	}

}
