package io.github.faircomclient.session;

import java.time.Duration;

import org.springframework.util.Assert;

/**
 * Uses a configured permanent session token (a FairCom API key) instead of logging in.
 * The session is never kept alive, never renewed and never deleted by this client.
 */
public final class TokenAuthentication implements FairComAuthentication {

	private final String token;

	/**
	 * Create a new instance.
	 * @param token the permanent session token
	 */
	public TokenAuthentication(String token) {
		Assert.hasText(token, "'token' must not be empty");
		this.token = token;
	}

	@Override
	public FairComSession login(FairComLogin login) {
		return new FairComSession(this.token, null, Duration.ZERO, login.now(), true, false);
	}

	@Override
	public String toString() {
		return "TokenAuthentication[token=******]";
	}

}
