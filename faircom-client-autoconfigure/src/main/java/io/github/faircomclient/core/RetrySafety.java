package io.github.faircomclient.core;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The one table of which actions the template may send again after a failure that leaves
 * open whether the server ran them (a dropped connection, a read timeout, a 5xx or a
 * truncated answer). A failure that proves the server never ran the call (the connection
 * could not be opened, HTTP 429) allows a retry of every action but the {@link #NEVER}
 * ones.
 * <table>
 * <caption>Actions and their retry safety</caption>
 * <tr><th>safety</th><th>actions</th></tr>
 * <tr><td>{@link #SAFE}</td><td>admin: pingSession, listSessions, describeSessions,
 * listServices, listAccounts, describeAccounts;
 * db: listDatabases, listTables, describeTables, listIndexes,
 * getRecordsByIds, getRecordsByTable, getRecordsByIndex, getRecordsStartingAtKey,
 * getRecordsInKeyRange, getRecordsByPartialKeyRange, getRecordsUsingSQL, closeCursor,
 * each without {@code returnCursor: true}</td></tr>
 * <tr><td>{@link #NEVER}</td><td>admin: createSession (logins are the session manager's),
 * deleteSession; db: getRecordsFromCursor (a lost answer has already moved the cursor);
 * any call with {@code returnCursor: true} (a retry would leave a cursor
 * behind)</td></tr>
 * <tr><td>{@link #ON_REQUEST}</td><td>everything else: writes, DDL (alterTable,
 * rebuildTables and rebuildIndexes included), transactions, alterSession, manageService,
 * the account changes (createAccount, alterAccount, dropAccounts, cloneAccount,
 * assignRolesToAccounts), runSqlStatements and any action not listed; retried only when
 * the request is {@linkplain FairComRequest#isIdempotent() declared idempotent}</td></tr>
 * </table>
 * Action names are matched case-insensitively; a request without an api is matched by
 * action name alone.
 */
enum RetrySafety {

	/**
	 * A plain read: retried after any retryable failure.
	 */
	SAFE,

	/**
	 * Retried after a failure that leaves open whether the server ran it only when the
	 * caller declared the request idempotent.
	 */
	ON_REQUEST,

	/**
	 * Never sent twice by the retry logic.
	 */
	NEVER;

	/**
	 * The actions of the admin api, spelled as documented.
	 */
	private static final Map<String, RetrySafety> ADMIN_AS_DOCUMENTED = Map.of("pingSession", SAFE, "listSessions",
			SAFE, "describeSessions", SAFE, "listServices", SAFE, "listAccounts", SAFE, "describeAccounts", SAFE,
			"createSession", NEVER, "deleteSession", NEVER);

	/**
	 * The actions of the db api, spelled as documented.
	 */
	private static final Map<String, RetrySafety> DB_AS_DOCUMENTED = Map.ofEntries(Map.entry("listDatabases", SAFE),
			Map.entry("listTables", SAFE), Map.entry("describeTables", SAFE), Map.entry("listIndexes", SAFE),
			Map.entry("getRecordsByIds", SAFE), Map.entry("getRecordsByTable", SAFE),
			Map.entry("getRecordsByIndex", SAFE), Map.entry("getRecordsStartingAtKey", SAFE),
			Map.entry("getRecordsInKeyRange", SAFE), Map.entry("getRecordsByPartialKeyRange", SAFE),
			Map.entry("getRecordsUsingSQL", SAFE), Map.entry("closeCursor", SAFE),
			Map.entry("getRecordsFromCursor", NEVER));

	/**
	 * The same tables keyed in lower case, for names spelled otherwise: the documented
	 * spelling, the usual one, is looked up first and costs no lower-casing.
	 */
	private static final Map<String, RetrySafety> ADMIN = lowerCased(ADMIN_AS_DOCUMENTED);

	private static final Map<String, RetrySafety> DB = lowerCased(DB_AS_DOCUMENTED);

	private static Map<String, RetrySafety> lowerCased(Map<String, RetrySafety> table) {
		Map<String, RetrySafety> lowerCased = new HashMap<>();
		table.forEach((action, safety) -> lowerCased.put(action.toLowerCase(Locale.ROOT), safety));
		return Map.copyOf(lowerCased);
	}

	/**
	 * Return the safety of a request.
	 * @param request the request
	 * @param returnsCursor whether its parameters ask for a cursor
	 * @return the retry safety
	 */
	static RetrySafety of(FairComRequest request, boolean returnsCursor) {
		RetrySafety listed = lookup(request.api(), request.action());
		if (listed == NEVER || returnsCursor) {
			return NEVER;
		}
		return (listed != null) ? listed : ON_REQUEST;
	}

	private static @Nullable RetrySafety lookup(@Nullable String api, String action) {
		if ("db".equals(api)) {
			RetrySafety db = DB_AS_DOCUMENTED.get(action);
			if (db != null) {
				return db;
			}
		}
		else if ("admin".equals(api)) {
			RetrySafety admin = ADMIN_AS_DOCUMENTED.get(action);
			if (admin != null) {
				return admin;
			}
		}
		String name = action.toLowerCase(Locale.ROOT);
		if (api == null || api.isEmpty()) {
			RetrySafety admin = ADMIN.get(name);
			RetrySafety db = DB.get(name);
			if (admin == null || db == null) {
				return (admin != null) ? admin : db;
			}
			return (admin.ordinal() >= db.ordinal()) ? admin : db;
		}
		return switch (api.toLowerCase(Locale.ROOT)) {
			case "admin" -> ADMIN.get(name);
			case "db" -> DB.get(name);
			default -> null;
		};
	}

}
