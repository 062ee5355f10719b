package io.github.faircomclient.admin;

/**
 * A session as {@code listSessions} reports it. The token is a secret: {@link #toString()}
 * does not show it.
 *
 * @param authToken the session's token
 * @param username the account of the session
 * @param description the session's description, possibly empty
 */
public record SessionSummary(String authToken, String username, String description) {

	@Override
	public String toString() {
		return "SessionSummary[username=" + this.username + ", description=" + this.description + "]";
	}

}
