package io.github.faircomclient.test.db;

import java.time.Instant;
import java.time.ZoneId;

import org.jspecify.annotations.Nullable;

/**
 * What a DB API action needs to know about the request and its session, supplied by the
 * emulator's dispatcher.
 */
public interface DbRequestContext {

	/**
	 * Returns a key that identifies the calling session (its token).
	 * @return the session key
	 */
	String sessionKey();

	/**
	 * Returns the account the calling session runs as.
	 * @return the account name in its configured spelling
	 */
	String username();

	/**
	 * Tells whether the calling session's account has administrative privileges (it sees every
	 * session's transactions in listTransactions).
	 * @return {@code true} for an administrator
	 */
	boolean administrator();

	/**
	 * Returns the session's default database.
	 * @return the database name
	 */
	String defaultDatabaseName();

	/**
	 * Returns the session's default owner.
	 * @return the owner name
	 */
	String defaultOwnerName();

	/**
	 * Returns the emulator clock's current time.
	 * @return now
	 */
	Instant now();

	/**
	 * Returns the time zone of the emulator clock (timestamps the server fills in are local times).
	 * @return the zone
	 */
	default ZoneId zone() {
		return ZoneId.systemDefault();
	}

	/**
	 * Returns the record formats of the request (its {@code responseOptions} over the session's
	 * defaults).
	 * @return the formats
	 */
	RecordFormat format();

	/**
	 * Adds a warning ({@code debugInfo.warnings[{code, message}]}).
	 * @param code the warning code
	 * @param message the warning message
	 */
	void addWarning(int code, String message);

	/**
	 * Reports a value the server filled in ({@code debugInfo.serverSuppliedValues}).
	 * @param name the property name, e.g. {@code databaseName}
	 * @param value the value used
	 */
	void serverSuppliedValue(String name, @Nullable String value);
}
