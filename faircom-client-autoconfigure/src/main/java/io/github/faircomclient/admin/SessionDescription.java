package io.github.faircomclient.admin;

import java.time.Duration;
import java.time.LocalDateTime;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/**
 * A session as {@code describeSessions} and {@code alterSession} report it: its account,
 * description, defaults and timeouts. Properties the server did not report are
 * {@code null}; {@link #details()} holds everything it did. The token is a secret:
 * {@link #toString()} does not show it.
 *
 * @param authToken the session's token, or {@code null} if not reported
 * @param username the account of the session
 * @param description the session's description
 * @param defaultApi the api of actions that name none
 * @param defaultDatabaseName the database of actions that name none
 * @param defaultOwnerName the owner of actions that name none
 * @param defaultBinaryFormat the binary format of actions that name none
 * @param defaultDebug the debug level of actions that name none
 * @param idleConnectionTimeout the idle time after which the session expires (zero =
 * never)
 * @param idleCursorTimeout the idle time after which a cursor closes (negative = never)
 * @param permanentSession whether the session is permanent
 * @param sessionStartTimestamp when the session started (server time, no zone)
 * @param sessionLastAccessedTimestamp when the session was last used (server time, no
 * zone)
 * @param details the whole session object the server returned
 */
public record SessionDescription(@Nullable String authToken, @Nullable String username, @Nullable String description,
		@Nullable String defaultApi, @Nullable String defaultDatabaseName, @Nullable String defaultOwnerName,
		@Nullable String defaultBinaryFormat, @Nullable String defaultDebug, @Nullable Duration idleConnectionTimeout,
		@Nullable Duration idleCursorTimeout, boolean permanentSession, @Nullable LocalDateTime sessionStartTimestamp,
		@Nullable LocalDateTime sessionLastAccessedTimestamp, JsonNode details) {

	@Override
	public String toString() {
		return "SessionDescription[username=" + this.username + ", description=" + this.description + ", defaultApi="
				+ this.defaultApi + ", defaultDatabaseName=" + this.defaultDatabaseName + ", defaultOwnerName="
				+ this.defaultOwnerName + ", idleConnectionTimeout=" + this.idleConnectionTimeout
				+ ", idleCursorTimeout=" + this.idleCursorTimeout + ", permanentSession=" + this.permanentSession
				+ ", sessionStartTimestamp=" + this.sessionStartTimestamp + "]";
	}

}
