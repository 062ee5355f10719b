package io.github.faircomclient.test.db;

import java.util.Locale;

import io.github.faircomclient.test.ProvisionalChoice;
import org.jspecify.annotations.Nullable;

/**
 * The errors the DB API answers with. Three are documented by FairCom (19, 4021, 4046); all others
 * are rows of the emulator's one table of provisional choices, {@link ProvisionalChoice}, which
 * holds their codes, messages and reasons.
 */
public enum DbError {

	/** Documented 19 "Can't create database" (used for a {@code path} that is no writable folder). */
	CANNOT_CREATE_DATABASE(19, "Can't create database"),

	/** Documented 4021 "Can't create database" (used when the database exists). */
	DATABASE_EXISTS(4021, "Can't create database"),

	/** Documented 4046 "Key not found" of getRecordsStartingAtKey. */
	KEY_NOT_FOUND(4046, "Key not found"),

	/** See {@link ProvisionalChoice#DB_DUPLICATE_KEY}. */
	DUPLICATE_KEY(ProvisionalChoice.DB_DUPLICATE_KEY),

	/** See {@link ProvisionalChoice#DB_TABLE_NOT_FOUND}. */
	TABLE_NOT_FOUND(ProvisionalChoice.DB_TABLE_NOT_FOUND),

	/** See {@link ProvisionalChoice#DB_LOCK_TIMEOUT}. */
	LOCK_TIMEOUT(ProvisionalChoice.DB_LOCK_TIMEOUT),

	/** See {@link ProvisionalChoice#DB_DATABASE_NOT_FOUND}. */
	DATABASE_NOT_FOUND(ProvisionalChoice.DB_DATABASE_NOT_FOUND),

	/** See {@link ProvisionalChoice#DB_INDEX_NOT_FOUND}. */
	INDEX_NOT_FOUND(ProvisionalChoice.DB_INDEX_NOT_FOUND),

	/** See {@link ProvisionalChoice#DB_FIELD_NOT_FOUND}. */
	FIELD_NOT_FOUND(ProvisionalChoice.DB_FIELD_NOT_FOUND),

	/** See {@link ProvisionalChoice#DB_CHANGE_ID_CONFLICT}. */
	CHANGE_ID_CONFLICT(ProvisionalChoice.DB_CHANGE_ID_CONFLICT),

	/** See {@link ProvisionalChoice#DB_UNKNOWN_TRANSACTION}. */
	UNKNOWN_TRANSACTION(ProvisionalChoice.DB_UNKNOWN_TRANSACTION),

	/** See {@link ProvisionalChoice#DB_UNKNOWN_CURSOR}. */
	UNKNOWN_CURSOR(ProvisionalChoice.DB_UNKNOWN_CURSOR),

	/** See {@link ProvisionalChoice#DB_NOT_A_QUERY}. */
	NOT_A_QUERY(ProvisionalChoice.DB_NOT_A_QUERY),

	/** See {@link ProvisionalChoice#DB_SQL_ERROR}. */
	SQL_ERROR(ProvisionalChoice.DB_SQL_ERROR),

	/** See {@link ProvisionalChoice#DB_INVALID_VALUE}. */
	INVALID_VALUE(ProvisionalChoice.DB_INVALID_VALUE),

	/** See {@link ProvisionalChoice#DB_RECORD_NOT_FOUND}. */
	RECORD_NOT_FOUND(ProvisionalChoice.DB_RECORD_NOT_FOUND),

	/** See {@link ProvisionalChoice#DB_ALREADY_EXISTS}. */
	ALREADY_EXISTS(ProvisionalChoice.DB_ALREADY_EXISTS),

	/** See {@link ProvisionalChoice#DB_SQL_IN_TRANSACTION}. */
	SQL_IN_TRANSACTION(ProvisionalChoice.DB_SQL_IN_TRANSACTION),

	/** See {@link ProvisionalChoice#DB_UNKNOWN_SAVEPOINT}. */
	UNKNOWN_SAVEPOINT(ProvisionalChoice.DB_UNKNOWN_SAVEPOINT),

	/** See {@link ProvisionalChoice#DB_SAVEPOINT_VOIDED_BY_SQL}. */
	SAVEPOINT_VOIDED_BY_SQL(ProvisionalChoice.DB_SAVEPOINT_VOIDED_BY_SQL),

	/** See {@link ProvisionalChoice#DB_NOT_TRANSACTIONAL}. */
	NOT_TRANSACTIONAL(ProvisionalChoice.DB_NOT_TRANSACTIONAL),

	/** See {@link ProvisionalChoice#DB_FIELD_IN_INDEX}. */
	FIELD_IN_INDEX(ProvisionalChoice.DB_FIELD_IN_INDEX),

	/** See {@link ProvisionalChoice#DB_TABLE_IN_USE}. */
	TABLE_IN_USE(ProvisionalChoice.DB_TABLE_IN_USE),

	/** See {@link ProvisionalChoice#DB_NOT_EMULATED}. */
	NOT_EMULATED(ProvisionalChoice.DB_NOT_EMULATED),

	/** See {@link ProvisionalChoice#DB_INVALID_REQUEST}. */
	INVALID_PARAMETER(ProvisionalChoice.DB_INVALID_REQUEST),

	/** See {@link ProvisionalChoice#MISSING_PARAMETER} (shared with the session layer). */
	MISSING_PARAMETER(ProvisionalChoice.MISSING_PARAMETER),

	/** See {@link ProvisionalChoice#PROPERTY_WRONG_TYPE} (shared with the session layer). */
	WRONG_TYPE(ProvisionalChoice.PROPERTY_WRONG_TYPE);

	private final int code;

	private final String template;

	private final @Nullable ProvisionalChoice provisional;

	DbError(int code, String template) {
		this.code = code;
		this.template = template;
		this.provisional = null;
	}

	DbError(ProvisionalChoice provisional) {
		this.code = provisional.errorCode();
		this.template = provisional.text();
		this.provisional = provisional;
	}

	/**
	 * Returns the error code.
	 * @return the code
	 */
	public int code() {
		return this.code;
	}

	/**
	 * Returns the row of the provisional table behind this error.
	 * @return the row, or {@code null} for the documented codes
	 */
	public @Nullable ProvisionalChoice provisional() {
		return this.provisional;
	}

	/**
	 * Formats the message.
	 * @param args the message arguments
	 * @return the message
	 */
	public String message(Object... args) {
		return (args.length == 0) ? this.template : String.format(Locale.ROOT, this.template, args);
	}

	/**
	 * Creates the exception that answers this error.
	 * @param args the message arguments
	 * @return the exception
	 */
	public DbException exception(Object... args) {
		return new DbException(this.code, message(args));
	}
}
