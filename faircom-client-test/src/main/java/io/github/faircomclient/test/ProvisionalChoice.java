package io.github.faircomclient.test;

import java.util.Locale;

/**
 * THE table of provisional choices: every behaviour of the emulator that FairCom's documentation and
 * public client code do not confirm (the {@code [I]} facts of {@code faircom-protocol.md}), including every
 * error code and message the emulator had to invent. The module README mirrors this table.
 *
 * <p>Error rows carry an error code (all in the 99001..99099 band so nobody mistakes them for FairCom
 * codes, except three DB rows that use the c-tree engine code of the same condition, which the JSON API is
 * inferred to pass through: 2 KDUP_ERR, 12 FNOP_ERR, 42 DLOK_ERR), the HTTP status they are sent with, and a
 * message template. Behaviour rows have error code 0
 * and describe the choice. Do not build client logic on the codes of error rows: a real server uses
 * other, unknown codes.
 */
public enum ProvisionalChoice {

	/** The body does not parse as JSON. */
	REQUEST_NOT_JSON(99001, 200, "The request body is not valid JSON: %s"),

	/** The body is JSON, but not an object. */
	REQUEST_NOT_OBJECT(99002, 200, "The request body must be a JSON object, not %s."),

	/** The request has no {@code action}, or an empty one. */
	MISSING_ACTION(99003, 200, "The request has no 'action' property; name the action to run, e.g. \"action\": \"pingSession\"."),

	/** A request property or parameter has the wrong JSON type. */
	PROPERTY_WRONG_TYPE(99004, 200, "Property '%s' must be %s."),

	/** A request property or parameter has a value outside its documented range. */
	INVALID_PROPERTY_VALUE(99005, 200, "Property '%s' has an invalid value: %s"),

	/** The {@code api} names no API of this server. */
	UNKNOWN_API(99006, 200, "Unknown api '%s'; this server offers %s."),

	/** The api exists but has no such action. */
	UNKNOWN_ACTION(99007, 200, "Unknown action '%s' in api '%s'."),

	/** A required parameter is missing. */
	MISSING_PARAMETER(99008, 200, "Missing required parameter '%s'."),

	/** createSession with a wrong password or an unknown account (the message does not say which). */
	BAD_CREDENTIALS(99010, 200, "Invalid username or password."),

	/** createSession with neither username/password nor a client certificate. */
	NO_CREDENTIALS(99011, 200,
			"createSession needs 'username' and 'password' in params, or a client certificate presented over TLS."),

	/** Client-certificate login whose subject CN names no account. */
	UNKNOWN_CERTIFICATE_ACCOUNT(99012, 200,
			"The client certificate's subject CN '%s' does not name an account on this server."),

	/** {@code permanentSession: true} while permanent sessions are disabled. */
	PERMANENT_SESSIONS_DISABLED(99013, 200,
			"Permanent sessions are disabled on this server (services.json jsonActionApiDefaults.enablePermanentJsonApiSessions); omit 'permanentSession' or enable them."),

	/** The server-wide session cap ({@code maxJsonApiSessions}) is reached. */
	SESSION_LIMIT_TOTAL(99014, 200,
			"The server already has %d sessions (maxJsonApiSessions); delete unused sessions with deleteSession."),

	/** The per-account session cap ({@code maxJsonApiSessionsPerUsername}) is reached. */
	SESSION_LIMIT_PER_USER(99015, 200,
			"Account '%s' already has %d sessions (maxJsonApiSessionsPerUsername); delete unused sessions with deleteSession."),

	/** The per-address session cap ({@code maxJsonApiSessionsPerIpAddress}) is reached. */
	SESSION_LIMIT_PER_IP(99016, 200,
			"Client address %s already has %d sessions (maxJsonApiSessionsPerIpAddress); delete unused sessions with deleteSession."),

	/** alterSession asked to change something that cannot change (username, password, permanentSession). */
	PARAMETER_NOT_ALTERABLE(99017, 200, "alterSession cannot change '%s'; create a new session instead."),

	/** The body is larger than the configured cap (16 MB by default); sent with HTTP 413. */
	REQUEST_TOO_LARGE(99020, 413, "The request body exceeds the limit of %d bytes."),

	/** The body did not arrive within the request timeout (10 s by default, like services.json {@code connRequestTimeout}); sent with HTTP 408 and the connection is closed. */
	REQUEST_TIMEOUT(99021, 408, "The request body was not received within %d ms."),

	/** A path other than {@code /api} or {@code /api/...}; sent with HTTP 404. */
	NOT_FOUND(99022, 404, "No JSON Action endpoint at '%s'; send requests to POST /api."),

	/** A method other than POST on the endpoint; sent with HTTP 405 and {@code Allow: POST}. */
	METHOD_NOT_ALLOWED(99023, 405, "Method %s is not allowed here; send requests with POST."),

	/** An HTTP-level error detected by Jetty (malformed request line, headers too large, ...); sent with Jetty's status. */
	HTTP_PROTOCOL_ERROR(99024, 400, "HTTP error %d: %s"),

	/** A bug in the emulator or in a plugin's handler; sent with HTTP 500. */
	INTERNAL_ERROR(99099, 500, "Internal emulator error: %s"),

	/** jsonAction-level errors (including 12031) come back in HTTP 200 with a non-zero {@code errorCode}, as faircom-protocol.md recommends, unless the profile asks for 401. HTTP-level problems (404, 405, 408, 413, 500) also carry a JSON envelope. */
	HTTP_STATUS("jsonAction errors come in HTTP 200 (profile UNAUTHORIZED_401: session errors in 401); HTTP-level errors (404, 405, 408, 413, 500) carry a JSON envelope too."),

	/** Requests are accepted on {@code /api} and on any {@code /api/<anything>} (a public client posts to {@code /api/db}). */
	API_PATHS("POST /api and POST /api/<anything> are both accepted."),

	/** How the api of a request is found. */
	API_RESOLUTION("A missing or empty 'api' means the session's defaultApi (without a session: none); if that api lacks the action, the one api that has it is used."),

	/** The six session actions answer under every api (the legacy pingSession example uses api "db"). */
	SESSION_ACTIONS_IN_EVERY_API("createSession, deleteSession, pingSession, alterSession, listSessions and describeSessions answer under any api, not only 'admin'."),

	/** Unknown properties are ignored. */
	UNKNOWN_PROPERTIES("Unknown top-level request properties (e.g. the legacy 'schema') and unknown params are ignored."),

	/** The effective debug level. */
	DEBUG_LEVEL("A request without 'debug' uses its session's defaultDebug (without a session: \"none\"); \"none\", \"min\" and \"max\" are accepted (case-insensitive); anything but \"none\" pretty-prints the answer."),

	/** When {@code debugInfo} appears. */
	DEBUG_INFO("debugInfo {request echo, warnings} is added when debug is not \"none\", on every error and whenever there are warnings; warnings are omitted when empty. pingSession (as documented) adds it only to errors of requests with debug."),

	/** The warning object shape. */
	WARNING_SHAPE("Warnings are {\"code\": n, \"message\": \"...\"} (the shape of the documented examples), not {warningCode, warningMessage, warningData}."),

	/** Passwords are not echoed. */
	PASSWORD_ECHO("In the debugInfo.request echo, every params property whose name contains 'password' (password, clonePassword; any case) is replaced by \"********\"."),

	/** Account names. */
	ACCOUNT_NAMES("Account names are case-insensitive; a session reports the account's configured spelling (login 'admin' gives username 'ADMIN')."),

	/** Client-certificate login. */
	CLIENT_CERTIFICATE_LOGIN("createSession without username and password, over TLS with a client certificate, logs in as the account named by the certificate subject's CN (the account must exist). Given username/password take precedence."),

	/** Server-side session defaults. */
	SESSION_DEFAULTS("Sessions default to the documented services.json jsonActionApiDefaults: defaultApi hub, defaultDatabaseName faircom, defaultOwnerName admin, defaultDebug max, defaultBinaryFormat hex, defaultVariantFormat json, defaultResponseOptions {binaryFormat hex, dataFormat objects, numberFormat number, ...}, idle timeouts 3600/600 s; configurable (SessionDefaults)."),

	/** Response option defaults merge. */
	RESPONSE_OPTIONS_MERGE("A session's defaultResponseOptions are the server defaults overlaid with the given ones; alterSession overlays the given ones on the current ones. A request's responseOptions overlay the session's."),

	/** Host information in the session object. */
	HOST_INFO("Session objects report serverVersion \"FairCom JSON Action API emulator\", hostname \"localhost\", a random hostUuid per emulator, hostIpAddresses [bind address], hostServerNamePort \"5597\", hostSQLPort \"6597\"."),

	/** Idle expiry. */
	IDLE_EXPIRY("A temporary session expires once it has been idle for idleConnectionTimeoutSeconds (at exactly that age); 0 never expires. Every request that runs an action with the session is activity."),

	/** Timestamps. */
	TIMESTAMPS("sessionStartTimestamp/sessionLastAccessedTimestamp are local times YYYY-MM-DDTHH:MM:SS in the emulator clock's zone (system zone; UTC for fixed test clocks)."),

	/** listSessions scope. */
	LIST_SESSIONS_SCOPE("listSessions lists the sessions of every account (filtered by usernameFilter, case-insensitive), oldest first."),

	/** describeSessions scope. */
	DESCRIBE_SESSIONS_SCOPE("describeSessions without authTokens describes the caller account's sessions; with authTokens, those of the listed sessions that belong to the caller's account (others are skipped silently)."),

	/** Actions needing a session without a token. */
	MISSING_TOKEN("An action that needs a session but has no (or an empty) authToken gets the profile's invalid-session answer (12031 by default); deleteSession without a token is treated like an unknown token."),

	/** Profile-specific invalid-session answers. */
	SESSION_GONE_ANSWERS("Profile UNAUTHORIZED_401 sends the 12031 JSON with HTTP 401. Profile LEGACY answers invalid sessions in the documented legacy shape (schema, echoed api/apiVersion/action/params, result {}, debugInfo {}, errorCode -1); other answers keep the current shape."),

	/** Permanent sessions and restarts. */
	PERMANENT_SESSIONS("Permanent sessions keep token and settings across stop()/restart() of the same emulator instance (not across JVMs) but lose attachments such as cursors and transactions; they never idle out; faults().expireAllSessions() ends them too."),

	/** Session cap counting. */
	SESSION_CAPS("The caps (1024 total, 50 per account, 50 per client address by default) count every live session, permanent ones included."),

	/** Request limits. */
	REQUEST_LIMITS("Request bodies are capped at 16 MB and must arrive within 10 s; idle keep-alive connections are closed after 30 s (services.json connInactiveTimeout); all configurable."),

	/** alterSession validation. */
	ALTER_SESSION("alterSession rejects username, password and permanentSession; it answers the full new session object."),

	/** Token placement outside createSession. */
	TOKEN_ECHO("Every answer echoes the request's authToken at the top level (pingSession only on errors, as documented); the token-placement profile only decides whether createSession also puts the new token at the top level."),

	// ------------------------------------------------------------------ Accounts and services (admin API)

	/** createAccount or cloneAccount with a name an account already has (ignoring case). */
	ACCOUNT_EXISTS(99060, 200, "Account '%s' already exists."),

	/** An account that alterAccount, cloneAccount or assignRolesToAccounts names does not exist (nothing changes). */
	ACCOUNT_NOT_FOUND(99061, 200, "Account '%s' does not exist."),

	/** An account action that changes something, or manageService, from a session without the ADMIN role. */
	ADMIN_ROLE_REQUIRED(99062, 200, "%s needs an account with the ADMIN role; account '%s' does not have it."),

	/** A right password or certificate outside the account's enableDatetime .. disableDatetime window. */
	ACCOUNT_DISABLED(99063, 200, "Account '%s' may not log in now (enableDatetime '%s', disableDatetime '%s')."),

	/** manageService names a service the emulator does not manage. */
	UNKNOWN_SERVICE(99064, 200, "Service '%s' does not exist; manageService knows %s."),

	/** A request to an api whose service manageService paused or shut down. */
	SERVICE_NOT_RUNNING(99065, 200, "The '%s' service is %s; start it again with manageService (resume, startup or restart)."),

	/** manageService pause or resume of a service that is shut down. */
	SERVICE_COMMAND_REFUSED(99066, 200, "Cannot %s service '%s' while it is shut down; use startup or restart."),

	/** Who is an administrator, and what roles are. */
	ACCOUNT_ROLES("Configured accounts (builder user(...), addUser, --user) have the ADMIN role; accounts made with createAccount start without roles. Role names are any non-blank text of up to 64 bytes, stored upper-case; only ADMIN has an effect. FairCom documents no role action besides assignRolesToAccounts, so the emulator has none."),

	/** Which sessions may use the account and service actions. */
	ACCOUNT_PRIVILEGES("createAccount, alterAccount, dropAccounts, cloneAccount, assignRolesToAccounts and manageService need a session of an ADMIN account (else 99062); listAccounts and describeAccounts show an ADMIN session every account and any other session only its own."),

	/** Account property values. */
	ACCOUNT_PROPERTIES("username and role names 1-64 bytes, password 0-256 bytes, accountDescription 0-65500 bytes, metadata an object; dates are YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS[.fff]] in the emulator clock's zone, \"\" for none; memoryRule default, absolute or guideline. lockoutAfterNFailedAttempts, maxDaysBeforePasswordMustChange, maxMinutesBeforeNextLogin, memoryLimit and memoryRule are stored and reported, not enforced."),

	/** Logging in with an account. */
	ACCOUNT_LOGIN("An account logs in from enableDatetime until the end of disableDatetime (a date alone is the whole day), else 99063 once the password or certificate is right. An account without a password logs in only with a client certificate."),

	/** Account answers the documentation does not show. */
	ACCOUNT_ANSWERS("createAccount, alterAccount, cloneAccount and assignRolesToAccounts succeed without result, like dropAccounts. listAccounts answers result.accounts[] {username, accountDescription, lockoutAfterNFailedAttempts, maxDaysBeforePasswordMustChange, maxMinutesBeforeNextLogin, memoryLimit, memoryRule, roles [{roleName}], roleNames [...]} (both documented role shapes); describeAccounts adds enableDatetime, disableDatetime, metadata (when set) and lastPasswordChange."),

	/** Account lookups. */
	ACCOUNT_LOOKUPS("listAccounts partialNames match the start of names ignoring case. describeAccounts without usernames describes the caller's account and skips a name it cannot show (missing or not visible) with a warning 99061."),

	/** What account changes do. */
	ACCOUNT_CHANGES("dropAccounts ends the dropped account's live sessions, permanent ones too; a new password, disableDatetime or role leaves live sessions running (roles are checked on every request). assignRolesToAccounts adds, then removes, all or nothing; it also takes the key rolenames. cloneAccount copies dates, limits and (unless cloneRoles is false) roles; an omitted cloneDescription, cloneMetadata or clonePassword leaves it unset."),

	/** Where accounts live. */
	ACCOUNT_STORAGE("Accounts live in memory: those made through the API survive stop()/restart() of the same instance but not a new JVM, also with --data-dir; the standalone emulator makes its --user accounts at every start."),

	/** The services listServices reports. */
	SERVICES("Services are the listeners (http<port>, https<port>; reported only), every api but admin (db, ...) and FairCom Edge's integration services opcua, modbus, ab, siemensS7, mtconnect, rest (a state only). listServices answers result {listeners [{serviceName, description, enabled, port (a string), protocol, tls {certificateFilename} only with a valid session}], apis and integrationServices [{serviceName, enabled, state}]}."),

	/** What manageService commands do. */
	SERVICE_COMMANDS("manageService commands (any case): pause, resume, shutdown, startup and restart make a service paused, running, stopped, running and running; pause or resume of a stopped service fails (99066); no command changes nothing. A paused or stopped api answers 99065; start()/restart() of the emulator runs every service again."),

	// ------------------------------------------------------------------ DB API (io.github.faircomclient.test.db)

	/** A unique index already holds the key: c-tree's KDUP_ERR, assumed to pass through the JSON API. */
	DB_DUPLICATE_KEY(2, 200, "Duplicate key: the value of unique index '%s' already exists in table '%s'."),

	/** The table does not exist: c-tree's FNOP_ERR (could not open file), assumed to pass through. */
	DB_TABLE_NOT_FOUND(12, 200, "Table '%s' not found in database '%s'."),

	/** A record lock could not be had within 2 s (another transaction holds it): c-tree's DLOK_ERR. */
	DB_LOCK_TIMEOUT(42, 200, "Could not obtain a lock on the record: %s"),

	/** The database does not exist. */
	DB_DATABASE_NOT_FOUND(99030, 200, "Database '%s' not found."),

	/** The index does not exist on the table. */
	DB_INDEX_NOT_FOUND(99031, 200, "Index '%s' not found on table '%s'."),

	/** A field named in the request (record, filter, key, fieldNames) does not exist. */
	DB_FIELD_NOT_FOUND(99032, 200, "Field '%s' not found in table '%s'."),

	/** updateRecords without ignoreChangeIdProtection sent a changeId that is not the record's current one (documented as a failure; code not captured). */
	DB_CHANGE_ID_CONFLICT(99033, 200, "The record with %s was changed by someone else: its changeId is %s, the request sent %s."),

	/** A transactionId that is unknown, already committed or rolled back, or owned by another session. */
	DB_UNKNOWN_TRANSACTION(99034, 200, "'transactionId' %s does not match any open transaction of this session."),

	/** getRecordsFromCursor with a cursorId that is unknown, closed, expired or another session's (closeCursor answers success + warning with this code instead). */
	DB_UNKNOWN_CURSOR(99035, 200, "'cursorId' %s does not match any open cursor of this session."),

	/** getRecordsUsingSQL with a statement that is not a SELECT (documented as a failure; code not captured). */
	DB_NOT_A_QUERY(99036, 200, "getRecordsUsingSQL runs only SELECT statements."),

	/** A SQL statement failed in H2 (FairCom SQL uses per-cause codes in 10000..50999 that are not captured); the message is H2's. */
	DB_SQL_ERROR(99037, 200, "SQL error: %s"),

	/** A value does not fit its field (type, length, range, null in a non-null field). */
	DB_INVALID_VALUE(99038, 200, "Invalid value for field '%s': %s"),

	/** updateRecords names a primary key no record has. */
	DB_RECORD_NOT_FOUND(99039, 200, "No record in table '%s' has %s."),

	/** createTable or createIndex with a name that exists. */
	DB_ALREADY_EXISTS(99040, 200, "%s '%s' already exists."),

	/** runSqlStatements with a transactionId: its page says it cannot run in an existing transaction (the SQL actions page speaks of running it in one); code not captured. */
	DB_SQL_IN_TRANSACTION(99041, 200, "runSqlStatements cannot run inside a transaction."),

	/** A DB parameter has an invalid value, or parameters contradict each other (e.g. ids and primaryKeys). */
	DB_INVALID_REQUEST(99042, 200, "%s"),

	/** Where the data lives. */
	DB_STORAGE("DB data lives in embedded H2: one H2 database per FairCom database (in memory with a name unique to the emulator instance, or files with DbPlugin(path)); an owner is an H2 schema. Data survives stop()/restart() of the same instance; cursors and transactions do not."),

	/** The databases that exist from the start. */
	DB_DEFAULT_DATABASES("ctreeSQL and faircom exist from the start (as in the documented listDatabases example); uids count from 1000; paths are reported as '<folder>\\<name>.dbs\\SQL_SYS' (folder '.' unless createDatabase gives a path)."),

	/** createDatabase failures. */
	DB_CREATE_DATABASE_ERRORS("createDatabase of an existing database answers 4021 and a path that is not a writable folder answers 19, both 'Can't create database' as documented; which cause goes with which code is inferred from the two documented requests."),

	/** Names. */
	DB_NAMES("Database, table, field and index names are case-insensitive for lookups and come back exactly as declared; names made by SQL without quotes are lower case. Index names are accepted in the short form (id_pk) and the owner_table_index form (admin_athlete_id_pk)."),

	/** Listing defaults. */
	DB_LIST_PAGING("listDatabases, listTables and listIndexes apply skipRecords (0) and maxRecords (20, -1 = all) like queries; listTables lists the tables of ownerName (default: the session's defaultOwnerName) and reports totalRecordCount -1 and path '.\\<database>.dbs'."),

	/** Field definition defaults. */
	DB_FIELD_DEFAULTS("Field lengths default to 1 (char, binary), 65500 (varchar, varbinary, json) and 32 (number, money); scales to 0 (number) and 4 (money); nullable to true. A declared field named id needs primaryKeyFields; a declared field named changeId must be the changeIdField; changeIdField \"\" means no change-id field."),

	/** Automatic values. */
	DB_AUTO_VALUES("incrementOnInsert fields get the next value of a per-field sequence (values sent by the client are ignored); changeId is one counter per database, renewed on every insert and update; timestampOnInsert (and the inferred names timestampOnUpdate, timestampOnUpdateAndInsert) take the emulator clock's local time. SQL INSERTs get them from column defaults; SQL UPDATEs do not renew them."),

	/** Value formats. */
	DB_VALUE_FORMATS("Responses write dates as YYYY-MM-DD, times as HH:MM:SS.fff, timestamps as YYYY-MM-DDTHH:MM:SS.fff, binary as upper-case hex (or base64, or a byte array), json fields as the JSON value; requests also accept YYYYMMDD, HHMMSS[fff], a space or compact timestamp, numbers as strings, hex in either case. numberFormat string applies to record values only (not to uid, length, counts)."),

	/** Result shapes the documentation does not show. */
	DB_RESULT_SHAPES("insertRecords and updateRecords answer {dataFormat, binaryFormat, numberFormat, fields, data, totalRecordCount} with the primary key and changeId of each record; createTable answers a describeTables entry; createIndex answers {data: [index]}. Query results carry moreRecords (exact) and totalRecordCount (counted); a returnCursor result carries fields and cursorId (totalRecordCount only with forceRecordCount); getRecordsUsingSQL counts only with forceRecordCount."),

	/** Table description layouts. */
	DB_DESCRIBE_LAYOUTS("describeTables uses the newer documented layout (autoValue, primaryKey, changeIdField, primaryKeyFields); deleteTables the layout of its only documented example (autoTimestamp, transactionModel LOGTRANSACTIONS, index filename null unless given). Index filenames are reported as <owner>_<table>.idx unless createIndex gave one."),

	/** Keys and lookups. */
	DB_KEYS("ids address a single-field primary key; missing ids/primaryKeys are skipped (getRecordsByIds, deleteRecords). getRecordsInKeyRange treats a \"\" value on a non-string field as an open bound. getRecordsStartingAtKey needs the key fields in index order; =, >, >= start at the first matching key, <, <= at the last, and records follow in index order. getRecordsByPartialKeyRange takes indexName and partialKey at the top level or inside indexFilter; a string partialKey (or the last element of an array) is a prefix."),

	/** Filters. */
	DB_FILTERS("tableFilter and conditionalExpression accept field names, numbers, quoted strings, == != < <= > >= && || !, AND/OR/NOT/LIKE/IS NULL/IN/BETWEEN and a few SQL functions (LOWER, UPPER, LENGTH, ...); bit fields compare as 0/1; anything else is an error."),

	/** Index options H2 cannot honour. */
	DB_INDEX_OPTIONS("H2 has no partial indexes: a conditionalExpression index covers every row, reads through it return only matching records, and unique applies to all rows. collectStats (default true), compression (default off), filename, deferIndexing, immutableKeys and waitToBeLoaded are stored and reported only; isPrimaryIndex true is refused."),

	/** SQL. */
	DB_SQL("SQL runs in H2's dialect with the owner as current schema. getRecordsUsingSQL describes columns by name and type only, names lower-cased (changeid); sqlParams is an array of values for ? or of {name, value} for :name or @name; SELECT only, one statement, trailing ; optional."),

	/** Cursors. */
	DB_CURSORS("Cursors outside a transaction stream from their own H2 connection (lazy execution). getRecordsFromCursor: fetchRecords defaults to 20, a negative value fetches the records before the position, nearest first; a negative skipRecords moves back (the documented sentence is cut off); skips stop at either end; startFrom is beforeFirstRecord or afterLastRecord (no other value is documented); moreRecords tells whether records follow in the direction of the fetch; moving back re-runs the query. A cursor idle longer than idleCursorTimeoutSeconds is closed on the next look; a cursor inside a transaction closes when the transaction ends."),

	/** Transactions. */
	DB_TRANSACTIONS("A transaction has its own H2 connection per database it touches (READ COMMITTED). A failing action inside it undoes its own work only (savepoint); the transaction stays open. DDL actions (databases, tables, indexes) run outside any transaction; alterTable, rebuildTables and rebuildIndexes refuse a transactionId (99045). Lock waits last up to 2 s."),

	/** Warnings. */
	DB_WARNINGS("Deleting a missing database, table or index, closing an unknown cursor, and describing a missing table succeed with a warning whose code is the matching error row's (99030, 12, 99031, 99035)."),

	/** A transactionSavepointId that is unknown, discarded by a revert to an earlier savepoint, or another transaction's. */
	DB_UNKNOWN_SAVEPOINT(99043, 200, "'transactionSavepointId' %s does not match any savepoint of this transaction."),

	/** Revert (or commit) to a savepoint made before getRecordsUsingSQL ran in the transaction (documented as an error; code not captured). */
	DB_SAVEPOINT_VOIDED_BY_SQL(99044, 200, "Savepoint %s was made before SQL ran in this transaction and can no longer be reverted to."),

	/** alterTable, rebuildTables or rebuildIndexes with a transactionId: rebuildTables is documented as not transactional and H2 commits table changes at once. */
	DB_NOT_TRANSACTIONAL(99045, 200, "%s cannot run inside a transaction; send it without 'transactionId'."),

	/** A request property whose meaning FairCom does not document: getRecordsFromCursor id and bookmark, alterTable newTableName, rollbackTransaction transactionSavepointId. */
	DB_NOT_EMULATED(99046, 200, "'%s' of %s is not emulated: FairCom does not document what it does."),

	/** alterTable deleting a field, or changing the type of a field, that an index uses (alterTable errors are not documented). */
	DB_FIELD_IN_INDEX(99047, 200, "Field '%s' is part of index '%s' of table '%s'; delete the index first."),

	/** alterTable, rebuildTables or rebuildIndexes on a table an open cursor reads or a transaction has changed (documented as an error 'such as -8 or 4012'; which code goes with which cause is not captured). */
	DB_TABLE_IN_USE(99048, 200, "Table '%s' is in use by %s; close its cursors and end its transactions first."),

	/** Savepoints. */
	DB_SAVEPOINTS("createTransactionSavepoint (the page title's createTransactionSavePoint is the same name, as actions ignore case) numbers savepoints 1, 2, 3... per transaction: a JDBC savepoint on each connection of the transaction (a database first used after it is rolled back entirely on revert). revertToTransactionSavepoint and revertTransactionToSavepoint undo the work after it, discard later savepoints and keep it and the transaction open. commitTransaction with transactionSavepointId (integer or numeric string) reverts to it, then commits. getRecordsUsingSQL run with the transactionId voids all earlier savepoints (99044). A bad savepoint id leaves the transaction open and unchanged."),

	/** listTransactions. */
	DB_LIST_TRANSACTIONS("listTransactions lists the open transactions of the calling session, oldest first; the account ADMIN sees every session's (the emulator has no privilege model); params.username (a string, case-insensitive) filters by account; transactionDescription is \"\" when none was given; dataFormat, includeFields and excludeFields apply."),

	/** runSqlStatements. */
	DB_RUN_SQL_STATEMENTS("runSqlStatements runs the statements in order in one new transaction that commits at the end; a failing statement is undone and the rest still run; DDL statements commit the work before them (H2). Each result.data entry has sql, errorCode, errorMessage and affectedRecordCount, or fields, data (every row, as documented) and moreRecords false for a query."),

	/** Index collation (c-tree folds case-insensitive key segments to upper case [I]). */
	DB_INDEX_COLLATION("A caseInsensitive segment on a char or varchar field keys on the upper-case value and a reverseCompare one on the value read from its last character (both: upper case, reversed), through an invisible generated H2 column, so unique indexes refuse a value that differs only in case (2) and order, key ranges, start keys and partial keys compare key forms (a partial key on a reverseCompare segment matches values that end with it). On other field types both flags are stored and reported only. sortDescending segments are indexed and read descending."),

	/** alterTable. */
	DB_ALTER_TABLE("alterTable applies alterFields ({name, newName} renames; type, length, scale, nullable and defaultValue redefine, omitted ones keep their value), then deleteFields (names or {name} objects; these two property names follow addFields, the delete example is not readable), then addFields (createTable's field objects), after checking them all; newTableName is refused (99046). It answers {dataFormat, data: [the describeTables entry]}. H2 applies the changes one by one: a change it refuses (a value that does not fit the new definition, null in a new non-nullable field without defaultValue: 99038) ends the action with the earlier changes kept. incrementOnInsert and changeId fields cannot be redefined, incrementOnInsert ones not renamed."),

	/** rebuildTables and rebuildIndexes. */
	DB_REBUILD("rebuildIndexes drops and creates again the H2 index of each index of the table but the primary key's and answers without result. rebuildTables does that for each table in the order given; a table that fails (missing: 12, in use: 99048) does not stop the others and becomes a debugInfo warning with its error code; the answer (errorCode 0) holds the describeTables entries of the tables rebuilt."),

	/** Backward reads of getRecordsByTable. */
	DB_TABLE_READ_BACKWARD("getRecordsByTable reads every table backward (reverseOrder, a cursor's negative fetchRecords or skipRecords, afterLastRecord), although FairCom documents backward reads only for tables whose fields are all fixed length."),

	/** A partial key that matches nothing. */
	DB_PARTIAL_KEY_NO_MATCH("getRecordsByPartialKeyRange with returnCursor and no matching key returns a cursor over the whole index (tableFilter applied) positioned after its last record, as the documented 'current record is the last record of the index': a forward fetch returns nothing, a backward one the index's last records."),

	/** serverSuppliedValues. */
	DB_SERVER_SUPPLIED_VALUES("debugInfo.serverSuppliedValues of a DB action that works in a database reports the databaseName (as declared) and ownerName it used, given or defaulted, as the documented rebuildIndexes answer does for given ones; actions that work in no database (createDatabase, deleteDatabase, listDatabases, transactions, cursors) report null for both."),

	// ------------------------------------------------------------------ MQ API (io.github.faircomclient.test.mq)

	/** An MQ action names a clientName no MQ session has (documented as an error; code not captured). Also the warning of describeMqSessions for such a name. */
	MQ_UNKNOWN_SESSION(99070, 200, "No MQ session has clientName '%s'; create it with createMqApiSession."),

	/** createMqApiSession with the clientName of an existing session, active or not (documented as an error; code not captured). */
	MQ_DUPLICATE_SESSION(99071, 200, "clientName '%s' already identifies an MQ session; use another name or delete that session with deleteMqSession."),

	/** A topic name breaks MQTT's rules (empty, U+0000, longer than 65535 bytes, a wildcard). */
	MQ_INVALID_TOPIC(99072, 200, "Invalid topic name '%s': %s."),

	/** A topic filter breaks MQTT's rules (# not the whole last level, + not a whole level, a bad $share/ prefix). */
	MQ_INVALID_TOPIC_FILTER(99073, 200, "Invalid topic filter '%s': %s."),

	/** getMessagesFromMqTopic of a topic that does not exist; also the warning of describeTopics for such a topic. */
	MQ_UNKNOWN_TOPIC(99074, 200, "Topic '%s' does not exist."),

	/** A tableName (getMessagesFromMqTopic, legacy publish) that holds no topic's messages. */
	MQ_UNKNOWN_TABLE(99075, 200, "No topic stores its messages in table '%s'."),

	/** A message payload that does not fit its binaryFormat (odd or non-hex digits, bad base64, not a string). */
	MQ_INVALID_PAYLOAD(99076, 200, "messages[%d]: %s."),

	/** A banned MQ session publishes, subscribes or reads. */
	MQ_SESSION_BANNED(99077, 200, "MQ session '%s' is banned; alterMqSession with \"sessionStatus\": \"normal\" lifts the ban."),

	/** MQ parameters contradict each other or break a documented rule (topic and tableName together, a table used by another topic, ...). */
	MQ_INVALID_REQUEST(99078, 200, "%s"),

	/** A documented parameter whose meaning the readable docs do not give (listMqSessions label, labelId, unsetHealthMeasures). */
	MQ_NOT_EMULATED(99079, 200, "%s of %s is not emulated; leave it out."),

	/** configureTopic of an existing topic changes its retention (the docs send that to alterIntegrationTable) or its table. */
	MQ_TOPIC_SETTING_FIXED(99080, 200, "Topic '%s' exists: configureTopic cannot change its '%s'."),

	/** The warning of subscribeToMq removing a subscription the session does not have. */
	MQ_NOT_SUBSCRIBED(99081, 200, "MQ session '%s' has no subscription to '%s'."),

	/** Where the MQ API keeps its state. */
	MQ_STORAGE("Topics, their messages, retained messages and MQ sessions live in memory, per emulator instance, and survive stop()/restart(). FairCom keeps each topic's messages in an integration table; the emulator names and reports that table but does not create it (the db API does not see it). Retention settings are stored and reported, not applied: messages stay until deleteTopic."),

	/** Old action names. */
	MQ_ACTION_NAMES("The old action names are accepted beside the current ones: createMqttSession, alterMqttSession, describeMqttSession, deleteMqttSession, subscribeToMqtt, publishMessagesToMqtt (any case, e.g. publishMessagesToMQTT), getMessagesFromMqttSession, getMessagesFromMqttTopic. Every MQ action needs a JSON session (authToken)."),

	/** MQ API sessions and JSON sessions. */
	MQ_SESSIONS("MQ API sessions are independent of the JSON session that made them: they survive its deleteSession or expiry, and any account may use any of them (the creator's account and address are reported). clientName is case-sensitive, 1 to 65535 bytes; omitted, null or \"\" makes createMqApiSession generate mqApiClient<n> (as the old createMqttSession did). There are no MQTT connections: sessionType is always mqApi."),

	/** Permanent and temporary sessions. */
	MQ_SESSION_LIFETIME("temporarySession false (default) gives the documented cleanSession false, keepAliveSeconds 0, sessionExpiryInterval 4294967296; true gives cleanSession true, keepAliveSeconds 60 and sessionExpiryInterval 0 unless given. A temporary session with keepAliveSeconds > 0 ends keepAliveSeconds x 1.5 + sessionExpiryInterval seconds after its last create, alter, publish, subscribe or read (emulator clock), with its subscriptions and undelivered messages."),

	/** Session statuses. */
	MQ_SESSION_STATUS("sessionStatus: a banned session cannot publish, subscribe or read (99077); an inactive one (deleteMqSession without permanentlyDeleteSession) keeps its subscriptions and queued messages and becomes normal again with its next publish, subscribe or read; a hidden one works but listMqSessions shows it only when sessionStatusFilter names hidden. The old alterMqttSession clientStatus hide/ban/normal means hidden/banned/normal."),

	/** alterMqSession. */
	MQ_ALTER_SESSION("alterMqSession changes only what it is given; temporarySession first switches to that kind's settings, then keepAliveSeconds and sessionExpiryInterval apply. cleanSession true (in params or, as the Maximal example shows, at the top level) drops the session's subscriptions and undelivered messages; false changes nothing. userProperties, mqttPayloadType, receiveMaximum, maximumPacketSize and topicAliasMaximum are stored and reported, not acted on."),

	/** Answers of the session actions. */
	MQ_SESSION_RESULTS("createMqApiSession and alterMqSession answer result = the session object of describeMqSessions (without stats and topic lists); deleteMqSession answers result {}. deleteMqttSession always deletes permanently, as the old page says."),

	/** describeMqSessions layouts. */
	MQ_DESCRIBE_SESSIONS("describeMqSessions with clientNames (omitted or [] = every session) answers result.data[] of session objects with the newer documented fields and the older capability fields (receiveMaximum, maximumQoS 2, retainAvailable, ...); names without a session are skipped with a warning 99070. A singular clientName (and describeMqttSession) answers one result object in the legacy layout with subscriptions[{topicFilter, matchingTopics, ...}]; an unknown name is an error. includeStats adds stats, includeSubscribedTopics subscribedTopics[{topicFilter, topics[{topic}], options}], includePublishedTopics publishedTopics[names]."),

	/** Session statistics and health. */
	MQ_SESSION_STATS("stats: totals since creation; a rate per minute counts the last 60 s, ...Last10Minutes the last 600 s / 10, ...InSession the total / whole minutes since creation (at least 1), per hour the last 3600 s; currentDeliveryBacklogged counts waiting messages (own and shared groups); deliveryBacklogRatePerMinute = queued minus received in the last 60 s (not below 0). Thresholds are the documented 1/1000/1/1/1000; sessionHealth is offline when disconnected, unhealthy when the send rate, backlog rate or subscription count exceeds its maximum, else healthy."),

	/** Connection status of MQ API sessions. */
	MQ_CONNECTION_STATUS("An MQ API session is connected unless it is inactive, or temporary and past keepAliveSeconds x 1.5 without an MQ action (then disconnected, its expiry timer running); connectedTemporarily is never reported. mqttProtocol is reported as \"3.1.1\" (describeTopics: protocol level 4), ipaddress as the creating client's address, port as 0."),

	/** listMqSessions filters and order. */
	MQ_LIST_SESSIONS("listMqSessions: partialClientName is a case-sensitive prefix; a filter (connectionStatusFilter, sessionStatusFilter, sessionTypeFilter, healthFilter) omitted, null or [] allows any value, except that hidden sessions are listed only when sessionStatusFilter names hidden. Rows are {clientName, sessionType}, by clientName unless sortAscending or sortDescending (not both) names lastConnect, lastDisconnect, clientName or ipAddress. label, labelId and unsetHealthMeasures are refused (99079)."),

	/** Topics and their tables. */
	MQ_TOPICS("Publishing to a topic that does not exist creates it, as configureTopic would. Topic names follow MQTT (1 to 65535 bytes, no U+0000, no + or #), are case-sensitive and sort by code point. A topic's table is mqtt_msg_<topic with / as _> in database faircom, owner admin, unless configureTopic names them; a clash with another topic's table adds _2, _3, ... configureTopic answers result.data = [the topic's describeTopics entry]."),

	/** configureTopic. */
	MQ_CONFIGURE_TOPIC("configureTopic stores the persistence properties describeTopics shows (the documented example's values are the defaults; mqttPayloadType is another name for sourcePayloadFormat) and label {group, name}; omitted ones keep their value. databaseName, ownerName and tableName are set when the topic is created; changing them, or retentionPolicy, retentionPeriod or retentionUnit, of an existing topic is refused (99080)."),

	/** describeTopics. */
	MQ_DESCRIBE_TOPICS("describeTopics: topics omitted or [] describes every topic; a missing topic is skipped with a warning 99074. messageCount counts stored messages; averageMessagesPerMinute (Hour, Day) = messages / whole minutes (hours, days) since creation, 0 before the first whole one. subscriberList has one entry per subscription filter matching the topic, oldest first, listing each MQ session as connection {clientId, ipaddress, port 0, mqttProtocol 4, keepAliveSeconds, status \"Connected with clean flag = 0|1\" (\"Disconnected\" when not connected), connectionTime} with qos 0."),

	/** listTopics. */
	MQ_LIST_TOPICS("listTopics: partialName is a case-sensitive prefix; search keeps topics whose name or label group or name contains every word of it (case-insensitive); label keeps topics with that label; skipRecords (0) and maxRecords (20, -1 = all) page the sorted names; dataFormat must be objects or arrays and, as documented, the answer stays a flat list of names."),

	/** deleteTopic. */
	MQ_DELETE_TOPIC("deleteTopic: preserve defaults to \"nothing\" (the property table; the text below it says \"data\"). \"data\" keeps the table with its messages, \"table\" keeps it empty; a kept table is readable with getMessagesFromMqTopic tableName and is taken over, positions continuing, by the next topic created on it. Undelivered copies and the retained message are dropped; subscriptions stay."),

	/** Payload encodings. */
	MQ_PAYLOADS("binaryFormat (or mqttPayloadType; both given must agree) is utf8, json, hex or base64 (as elsewhere in the JSON API), case-insensitive. Without it a string payload is utf8 and any other JSON value json. A json payload is the JSON value itself (a string is a JSON string); hex needs an even number of digits. Reads render text messages as published and binary ones in the reader's defaultBinaryFormat (MQ session, else JSON session) unless binaryFormat asks otherwise; what does not fit falls back to utf8 or hex, and each message names its binaryFormat."),

	/** Message properties. */
	MQ_MESSAGE_PROPERTIES("expirySeconds 0 or absent never expires (at most 4294967295); retain true makes the message its topic's retained message, and an empty payload with retain removes it (MQTT); responseTopic is a topic name; correlationData any JSON value up to 65500 bytes; contentType and userProperties [{key, value}] strings. Every message of a request is checked before any is stored. Legacy per-message clientName, topic and databaseName/ownerName/tableName (an existing topic's table) override params."),

	/** publishMessagesToMq's answer. */
	MQ_PUBLISH_RESULT("publishMessagesToMq answers result.data = [{topic, position, timestamp}], one per message in request order. Positions count from 1 per topic table (a kept table continues) and are never reused; timestamps are the emulator clock's local time YYYY-MM-DDTHH:MM:SS.fff, as describeTopics shows them."),

	/** Messages in read answers. */
	MQ_MESSAGE_SHAPE("A read message is {topic, position, timestamp, payload, binaryFormat, contentType, correlationData, responseTopic, userProperties, expirySeconds (seconds left), retain (as published), publisherClientName}; absent properties are null ([] for userProperties)."),

	/** subscribeToMq. */
	MQ_SUBSCRIPTIONS("subscribeToMq applies subscriptionActions in order, all or none: add (re)places the subscription of its topicFilter (a replaced one keeps its start: what was published since it was first made is still delivered, as MQTT keeps the flow of publications), remove deletes it (none: success with warning 99081). Defaults: receiveRetainedMessages onSubscription (true/false mean onSubscription/never), receiveMyMessages true, includeExpiredMessages false; subscriptionIdentifier 1 to 268435455. Filters follow MQTT (# last, + a whole level, $ topics not matched by a first-level wildcard). Answer: result {clientName, subscriptions[...]} as they are afterwards."),

	/** Shared subscriptions. */
	MQ_SHARED_SUBSCRIPTIONS("$share/<group>/<filter>: each message matching the filter is queued once for the group, from when its first member subscribed, and taken by exactly one member's read; a group without members is dropped with its queue. As in MQTT 5, retained messages are not sent to shared subscriptions and receiveMyMessages false is refused on them."),

	/** Stateful reads. */
	MQ_SESSION_READS("getMessagesFromMqApiSession takes up to maxMessages (default 20, 1 to 10000) undelivered messages, retained ones first, then in publish order across topics, and consumes them; a message reaches a session once even when several of its filters match. Messages published before a subscription are not delivered. topic narrows the read to a topic filter or to one $share/ subscription. Expired messages are dropped unless the subscription has includeExpiredMessages. Answer: result {clientName, data[messages], moreMessages}."),

	/** Stateless replay. */
	MQ_REPLAY("getMessagesFromMqTopic reads a topic (or with tableName a table, database and owner defaulting to the JSON session's) without consuming: startFrom \"tail\" (default; also [\"tail\"]) = the last maxMessages (default 20, 1 to 10000), \"head\" = from the first, an ISO date or date-time (the emulator clock's zone unless it has an offset; time defaults to 00:00:00.000) = stamped on or after it, an integer (or a string of digits) = from that position. Expired messages are skipped. Answer: result {topic, data[messages], moreMessages, nextPosition}.");

	private final int errorCode;

	private final int httpStatus;

	private final String text;

	ProvisionalChoice(int errorCode, int httpStatus, String messageTemplate) {
		this.errorCode = errorCode;
		this.httpStatus = httpStatus;
		this.text = messageTemplate;
	}

	ProvisionalChoice(String choice) {
		this(0, 200, choice);
	}

	/**
	 * Whether this row is an invented error (rather than a behaviour).
	 * @return {@code true} for error rows
	 */
	public boolean isError() {
		return this.errorCode != 0;
	}

	/**
	 * The invented error code.
	 * @return the code, or 0 for a behaviour row
	 */
	public int errorCode() {
		return this.errorCode;
	}

	/**
	 * The HTTP status the error is sent with.
	 * @return the status (200 for jsonAction-level errors and behaviour rows)
	 */
	public int httpStatus() {
		return this.httpStatus;
	}

	/**
	 * For error rows the message template ({@link String#format} placeholders); for behaviour rows the
	 * description of the choice.
	 * @return the text
	 */
	public String text() {
		return this.text;
	}

	/**
	 * The error message with its placeholders filled in.
	 * @param arguments values for the template's placeholders
	 * @return the message
	 * @throws IllegalStateException for a behaviour row
	 */
	public String message(Object... arguments) {
		if (!isError()) {
			throw new IllegalStateException(name() + " is not an error");
		}
		return String.format(Locale.ROOT, this.text, arguments);
	}

}
