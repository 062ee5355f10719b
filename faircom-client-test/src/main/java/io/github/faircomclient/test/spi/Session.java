package io.github.faircomclient.test.spi;

import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * A live server-side session as handlers see it: identity, current settings, and per-session state of
 * plugins. Thread-safe. Settings reflect the latest alterSession.
 */
public interface Session {

	/**
	 * The session's token (a secret: never log it).
	 * @return the 64-character token
	 */
	String authToken();

	/**
	 * The account the session runs as, in its configured spelling.
	 * @return the account name
	 */
	String username();

	/**
	 * The client address that created the session.
	 * @return the IP address as text
	 */
	String clientAddress();

	/**
	 * Whether the session is permanent (never idles out, survives restarts).
	 * @return {@code true} for permanent sessions
	 */
	boolean permanent();

	/**
	 * When the session was created (emulator clock).
	 * @return the creation instant
	 */
	Instant createdAt();

	/**
	 * When the session was last used (emulator clock).
	 * @return the last access instant
	 */
	Instant lastAccessedAt();

	/**
	 * The session's description.
	 * @return the description, {@code ""} when none
	 */
	String description();

	/**
	 * Idle time after which the session expires; 0 = never.
	 * @return seconds
	 */
	int idleConnectionTimeoutSeconds();

	/**
	 * Idle time after which the session's cursors close; -1 = never.
	 * @return seconds
	 */
	int idleCursorTimeoutSeconds();

	/**
	 * The api used when a request omits {@code api}.
	 * @return the default api
	 */
	String defaultApi();

	/**
	 * The debug level used when a request omits {@code debug}.
	 * @return {@code none}, {@code min} or {@code max}
	 */
	String defaultDebug();

	/**
	 * The database used when a db action omits {@code databaseName}.
	 * @return the default database name
	 */
	String defaultDatabaseName();

	/**
	 * The owner used when a db action omits {@code ownerName}.
	 * @return the default owner name
	 */
	String defaultOwnerName();

	/**
	 * The binary format used for binary values in requests.
	 * @return {@code hex}, {@code base64} or {@code byteArray}
	 */
	String defaultBinaryFormat();

	/**
	 * The variant format.
	 * @return the default variant format
	 */
	String defaultVariantFormat();

	/**
	 * The session's default response options.
	 * @return a copy, safe to modify
	 */
	ObjectNode defaultResponseOptions();

	/**
	 * The attachment of the given type, if any.
	 * @param <T> the attachment type
	 * @param type the key
	 * @return the attachment or {@code null}
	 */
	<T> @Nullable T attachment(Class<T> type);

	/**
	 * The attachment of the given type, created on first use. Attachments are dropped when the session
	 * is released; those implementing {@link AutoCloseable} are closed then.
	 * @param <T> the attachment type
	 * @param type the key
	 * @param factory creates the attachment
	 * @return the attachment
	 */
	<T> T attachment(Class<T> type, Supplier<? extends T> factory);

	/**
	 * Removes an attachment without closing it.
	 * @param <T> the attachment type
	 * @param type the key
	 * @return the removed attachment or {@code null}
	 */
	<T> @Nullable T removeAttachment(Class<T> type);

	/**
	 * Registers a callback run once when the session's resources are released (deleted, expired, server
	 * stopped), before attachments are closed. Callbacks must not block for long.
	 * @param callback receives the reason
	 */
	void onRelease(Consumer<ReleaseReason> callback);

	/**
	 * Whether the session is still live.
	 * @return {@code false} once deleted or expired
	 */
	boolean isActive();

}
