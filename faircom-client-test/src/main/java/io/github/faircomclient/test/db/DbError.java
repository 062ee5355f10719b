package io.github.faircomclient.test.db;

/**
 * Every error the DB API of the emulator answers with. Codes marked documented come from FairCom's
 * documentation; all others are provisional choices of the emulator (listed with their reason in
 * the module README's table of provisional choices).
 */
public enum DbError {

    /** Documented: createDatabase failed (the emulator uses it when {@code path} is no usable folder). */
    CANNOT_CREATE_DATABASE(19, "Can't create database", true,
            "documented code and text for a request with path \"c:\\\"; that an unusable folder is the cause is inferred"),

    /** Documented: createDatabase failed (the emulator uses it when the database already exists). */
    DATABASE_EXISTS(4021, "Can't create database", true,
            "documented code and text for a request without path; that an existing database is the cause is inferred"),

    /** Documented: getRecordsStartingAtKey found no key. */
    KEY_NOT_FOUND(4046, "Key not found", true, "documented for getRecordsStartingAtKey"),

    /** Provisional: a unique index already holds the key. */
    DUPLICATE_KEY(2, "Duplicate key: the value of unique index '%s' already exists in table '%s'", false,
            "c-tree's KDUP_ERR is 2; that the JSON API passes it through is inferred"),

    /** Provisional: the table does not exist. */
    TABLE_NOT_FOUND(12, "Table '%s' not found in database '%s'", false,
            "c-tree's FNOP_ERR (12, could not open file) is what a missing table file gives"),

    /** Provisional: a record lock could not be obtained in time. */
    LOCK_TIMEOUT(42, "Could not obtain a lock on the record: %s", false,
            "c-tree's DLOK_ERR (42, could not obtain data record lock)"),

    /** Provisional: the database does not exist. */
    DATABASE_NOT_FOUND(99030, "Database '%s' not found", false, "not documented"),

    /** Provisional: the index does not exist. */
    INDEX_NOT_FOUND(99031, "Index '%s' not found on table '%s'", false, "not documented"),

    /** Provisional: a field named in the request does not exist. */
    FIELD_NOT_FOUND(99032, "Field '%s' not found in table '%s'", false, "not documented"),

    /** Provisional: optimistic lock failed. */
    CHANGE_ID_CONFLICT(99033,
            "The record with %s was changed by someone else: its changeId is %s, the request sent %s", false,
            "documented as a failure, code not captured"),

    /** Provisional: the transactionId is unknown, used up, or owned by another session. */
    UNKNOWN_TRANSACTION(99034, "'transactionId' %s does not match any open transaction of this session", false,
            "documented as an error, code not captured"),

    /** Provisional: getRecordsFromCursor with an unknown, closed or expired cursor. */
    UNKNOWN_CURSOR(99035, "'cursorId' %s does not match any open cursor of this session", false,
            "not documented (closeCursor answers success + warning instead)"),

    /** Provisional: getRecordsUsingSQL with a statement that is not a query. */
    NOT_A_QUERY(99036, "getRecordsUsingSQL runs only SELECT statements", false,
            "documented as a failure, code not captured"),

    /** Provisional: a SQL statement failed. */
    SQL_ERROR(99037, "SQL error: %s", false,
            "FairCom SQL errors lie in 10000-50999 with per-cause codes that are not captured"),

    /** Provisional: a value does not fit the field. */
    INVALID_VALUE(99038, "Invalid value for field '%s': %s", false, "not documented"),

    /** Provisional: a record to update or a key to look up was not found. */
    RECORD_NOT_FOUND(99039, "No record in table '%s' has %s", false, "not documented"),

    /** Provisional: createTable or createIndex on a name that exists. */
    ALREADY_EXISTS(99040, "%s '%s' already exists", false, "not documented"),

    /** Provisional: runSqlStatements called with a transactionId. */
    SQL_IN_TRANSACTION(99041, "runSqlStatements cannot run inside a transaction", false,
            "documented as not possible, code not captured"),

    /** Provisional: a parameter has an invalid value or parameters contradict each other. */
    INVALID_PARAMETER(99042, "%s", false, "not documented"),

    /** Provisional (shared with the session layer): a required parameter is missing. */
    MISSING_PARAMETER(99008, "Missing required parameter '%s'.", false, "not documented"),

    /** Provisional (shared with the session layer): a parameter has the wrong JSON type. */
    WRONG_TYPE(99004, "Property '%s' must be %s.", false, "not documented");

    private final int code;

    private final String message;

    private final boolean documented;

    private final String reason;

    DbError(int code, String message, boolean documented, String reason) {
        this.code = code;
        this.message = message;
        this.documented = documented;
        this.reason = reason;
    }

    /**
     * Returns the FairCom error code.
     * @return the code
     */
    public int code() {
        return this.code;
    }

    /**
     * Returns the message template ({@link String#format} arguments).
     * @return the template
     */
    public String messageTemplate() {
        return this.message;
    }

    /**
     * Tells whether FairCom documents this code.
     * @return {@code true} for documented codes, {@code false} for provisional ones
     */
    public boolean documented() {
        return this.documented;
    }

    /**
     * Returns why the emulator uses this code.
     * @return the reason
     */
    public String reason() {
        return this.reason;
    }

    /**
     * Creates the exception that answers this error.
     * @param args the message arguments
     * @return the exception
     */
    public DbException exception(Object... args) {
        return new DbException(this.code, args.length == 0 ? this.message : String.format(this.message, args));
    }
}
