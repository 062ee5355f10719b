package io.github.faircomclient.test;

import java.time.Instant;

/**
 * A snapshot of one live session, for test introspection ({@link FairComEmulator#sessions()}).
 * {@link #toString()} does not show the token.
 *
 * @param authToken the session's token
 * @param username the account, in its configured spelling
 * @param description the session description
 * @param idleConnectionTimeoutSeconds idle seconds before expiry; 0 = never
 * @param idleCursorTimeoutSeconds idle seconds before cursors close; -1 = never
 * @param createdAt creation instant (emulator clock)
 * @param lastAccessedAt last use (emulator clock)
 * @param permanent whether the session is permanent
 * @param clientAddress the IP address that created the session
 * @param defaultApi the session's default api
 * @param defaultDebug the session's default debug level
 */
public record EmulatedSession(String authToken, String username, String description, int idleConnectionTimeoutSeconds,
		int idleCursorTimeoutSeconds, Instant createdAt, Instant lastAccessedAt, boolean permanent, String clientAddress,
		String defaultApi, String defaultDebug) {

	@Override
	public String toString() {
		return "EmulatedSession[username=" + this.username + ", description=" + this.description + ", idle="
				+ this.idleConnectionTimeoutSeconds + "s, permanent=" + this.permanent + ", client=" + this.clientAddress
				+ ", createdAt=" + this.createdAt + ", lastAccessedAt=" + this.lastAccessedAt + "]";
	}

}
