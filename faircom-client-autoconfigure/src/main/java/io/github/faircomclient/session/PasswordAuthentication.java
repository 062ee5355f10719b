package io.github.faircomclient.session;

import org.springframework.util.Assert;

/**
 * Logs in with {@code createSession} and a user name and password.
 */
public final class PasswordAuthentication implements FairComAuthentication {

	private final String username;

	private final String password;

	/**
	 * Create a new instance.
	 * @param username the account name, not empty
	 * @param password the password, possibly empty
	 */
	public PasswordAuthentication(String username, String password) {
		Assert.hasText(username, "'username' must not be empty");
		Assert.notNull(password, "'password' must not be null");
		this.username = username;
		this.password = password;
	}

	@Override
	public FairComSession login(FairComLogin login) {
		return login.createSession(this.username, this.password);
	}

	/**
	 * Return the account name.
	 * @return the user name
	 */
	public String getUsername() {
		return this.username;
	}

	@Override
	public String toString() {
		return "PasswordAuthentication[username=" + this.username + ", password=******]";
	}

}
