package io.github.faircomclient.test.db;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The FairCom DB API ({@code "api": "db"}) of the emulator: dispatches the documented actions onto
 * the H2 store and keeps each session's cursors and transactions.
 */
public final class DbApi implements AutoCloseable {

	/** Every DB action this API answers, as FairCom spells them. */
	public static final List<String> ACTIONS = List.of("createDatabase", "deleteDatabase", "listDatabases",
			"createTable", "deleteTables", "listTables", "describeTables", "alterTable", "rebuildTables",
			"createIndex", "deleteIndexes", "listIndexes", "rebuildIndexes", "insertRecords", "updateRecords",
			"deleteRecords", "getRecordsByIds", "getRecordsByIndex", "getRecordsInKeyRange", "getRecordsStartingAtKey",
			"getRecordsByPartialKeyRange", "getRecordsByTable", "getRecordsUsingSQL", "getRecordsFromCursor",
			"closeCursor", "runSqlStatements", "createTransaction", "commitTransaction", "rollbackTransaction",
			"createTransactionSavepoint", "revertToTransactionSavepoint", "revertTransactionToSavepoint",
			"listTransactions");

	private static final char[] ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
		.toCharArray();

	private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");

	private final SecureRandom random = new SecureRandom();

	private final DbStore store;

	private final Supplier<Instant> clock;

	private final ToLongFunction<String> cursorTimeoutSeconds;

	private final Map<String, ServerCursor> cursors = new ConcurrentHashMap<>();

	private final Map<String, ServerTransaction> transactions = new ConcurrentHashMap<>();

	private final Map<String, Action> actions = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

	/** One action: params in, {@code result} out ({@code null} = no result property). */
	@FunctionalInterface
	interface Action {

		@Nullable ObjectNode run(DbRequestContext context, JsonNode params) throws SQLException;

	}

	/** Work on a connection, inside the request's transaction or a transaction of its own. */
	@FunctionalInterface
	interface Work<T> {

		T run(Connection connection, @Nullable ServerTransaction transaction) throws SQLException;

	}

	/**
	 * Creates the API over a store.
	 * @param store the data
	 * @param clock the emulator clock
	 * @param cursorTimeoutSeconds the idle cursor timeout of a session (by session key; -1 = never)
	 */
	public DbApi(DbStore store, Supplier<Instant> clock, ToLongFunction<String> cursorTimeoutSeconds) {
		this.store = store;
		this.clock = clock;
		this.cursorTimeoutSeconds = cursorTimeoutSeconds;
		DatabaseActions databases = new DatabaseActions(this);
		TableActions tables = new TableActions(this);
		IndexActions indexes = new IndexActions(this);
		TableMaintenanceActions maintenance = new TableMaintenanceActions(this);
		RecordActions records = new RecordActions(this);
		QueryActions queries = new QueryActions(this);
		SqlActions sql = new SqlActions(this);
		TransactionActions transactions = new TransactionActions(this);
		this.actions.put("createDatabase", databases::createDatabase);
		this.actions.put("deleteDatabase", databases::deleteDatabase);
		this.actions.put("listDatabases", databases::listDatabases);
		this.actions.put("createTable", tables::createTable);
		this.actions.put("deleteTables", tables::deleteTables);
		this.actions.put("listTables", tables::listTables);
		this.actions.put("describeTables", tables::describeTables);
		this.actions.put("createIndex", indexes::createIndex);
		this.actions.put("deleteIndexes", indexes::deleteIndexes);
		this.actions.put("listIndexes", indexes::listIndexes);
		this.actions.put("alterTable", maintenance::alterTable);
		this.actions.put("rebuildTables", maintenance::rebuildTables);
		this.actions.put("rebuildIndexes", maintenance::rebuildIndexes);
		this.actions.put("insertRecords", records::insertRecords);
		this.actions.put("updateRecords", records::updateRecords);
		this.actions.put("deleteRecords", records::deleteRecords);
		this.actions.put("getRecordsByIds", queries::getRecordsByIds);
		this.actions.put("getRecordsByIndex", queries::getRecordsByIndex);
		this.actions.put("getRecordsInKeyRange", queries::getRecordsInKeyRange);
		this.actions.put("getRecordsStartingAtKey", queries::getRecordsStartingAtKey);
		this.actions.put("getRecordsByPartialKeyRange", queries::getRecordsByPartialKeyRange);
		this.actions.put("getRecordsByTable", queries::getRecordsByTable);
		this.actions.put("getRecordsUsingSQL", sql::getRecordsUsingSql);
		this.actions.put("getRecordsFromCursor", queries::getRecordsFromCursor);
		this.actions.put("closeCursor", this::closeCursor);
		this.actions.put("runSqlStatements", sql::runSqlStatements);
		this.actions.put("createTransaction", transactions::createTransaction);
		this.actions.put("commitTransaction", transactions::commitTransaction);
		this.actions.put("rollbackTransaction", transactions::rollbackTransaction);
		// the page title spells it createTransactionSavePoint: the same name, as actions ignore case
		this.actions.put("createTransactionSavepoint", transactions::createTransactionSavepoint);
		this.actions.put("revertToTransactionSavepoint", transactions::revertToTransactionSavepoint);
		this.actions.put("revertTransactionToSavepoint", transactions::revertToTransactionSavepoint);
		this.actions.put("listTransactions", transactions::listTransactions);
	}

	/**
	 * Tells whether an action belongs to this API (case-insensitive).
	 * @param action the action name
	 * @return {@code true} when {@link #handle} answers it
	 */
	public boolean supports(String action) {
		return this.actions.containsKey(action);
	}

	/**
	 * Runs an action.
	 * @param action the action name (case-insensitive)
	 * @param params the request's {@code params} (an object; a missing one is {@code {}})
	 * @param context the request and session
	 * @return the {@code result} object, or {@code null} when the answer has no {@code result}
	 * @throws DbException when the action fails with a FairCom error code
	 */
	public @Nullable ObjectNode handle(String action, JsonNode params, DbRequestContext context) {
		Action handler = this.actions.get(action);
		if (handler == null) {
			throw new IllegalArgumentException("Not a DB action: " + action);
		}
		expireIdleCursors();
		try {
			return handler.run(context, params.isObject() ? params : JsonNodeFactory.instance.objectNode());
		}
		catch (SQLException ex) {
			throw translate(ex, null);
		}
	}

	DbStore store() {
		return this.store;
	}

	Instant now() {
		return this.clock.get();
	}

	String newId() {
		char[] id = new char[64];
		for (int i = 0; i < id.length; i++) {
			id[i] = ID_ALPHABET[this.random.nextInt(ID_ALPHABET.length)];
		}
		return new String(id);
	}

	// ---------------------------------------------------------------- names and connections

	/**
	 * The database an action works in: the request's, else the session's default; reported in
	 * {@code serverSuppliedValues} either way, as the documented rebuildIndexes answer shows.
	 */
	Database database(JsonNode params, DbRequestContext context) {
		String name = Params.string(params, "databaseName");
		if (name == null || name.isEmpty()) {
			name = context.defaultDatabaseName();
		}
		Database database = this.store.require(name);
		context.serverSuppliedValue("databaseName", database.name());
		return database;
	}

	/**
	 * The owner an action works for: the request's, else the session's default; reported in
	 * {@code serverSuppliedValues} either way.
	 */
	String owner(JsonNode params, DbRequestContext context) {
		String owner = Params.string(params, "ownerName");
		if (owner == null || owner.isEmpty()) {
			owner = context.defaultOwnerName();
		}
		context.serverSuppliedValue("ownerName", owner);
		return owner;
	}

	/**
	 * Runs work in the request's transaction (params {@code transactionId}) or, without one, on a
	 * pooled connection that commits on success and rolls back on failure.
	 */
	<T> T work(Database database, JsonNode params, DbRequestContext context, Work<T> work) {
		String transactionId = Params.string(params, "transactionId");
		if (transactionId != null && !transactionId.isEmpty()) {
			ServerTransaction transaction = transaction(context, transactionId);
			transaction.lock().lock();
			try {
				if (!transaction.isOpen()) {
					throw DbError.UNKNOWN_TRANSACTION.exception(transactionId);
				}
				Connection connection = transaction.connection(database);
				Savepoint savepoint = connection.setSavepoint();
				try {
					T result = work.run(connection, transaction);
					connection.releaseSavepoint(savepoint);
					return result;
				}
				catch (SQLException | RuntimeException ex) {
					connection.rollback(savepoint);
					throw ex;
				}
			}
			catch (SQLException ex) {
				throw translate(ex, null);
			}
			finally {
				transaction.lock().unlock();
			}
		}
		try (Connection connection = database.pooledConnection()) {
			try {
				T result = work.run(connection, null);
				connection.commit();
				return result;
			}
			catch (SQLException | RuntimeException ex) {
				connection.rollback();
				throw ex;
			}
		}
		catch (SQLException ex) {
			throw translate(ex, null);
		}
	}

	/**
	 * Turns an H2 failure into a FairCom error.
	 */
	DbException translate(SQLException ex, @Nullable TableDefinition table) {
		String state = (ex.getSQLState() != null) ? ex.getSQLState() : "";
		String message = firstLine(ex.getMessage());
		if ("23505".equals(state) && table != null) {
			String index = table.indexes().stream()
				.filter((candidate) -> (candidate.indexNumber() == 0 && message.contains("PRIMARY KEY"))
						|| (!candidate.h2Name().isEmpty() && message.contains(candidate.h2Name())))
				.map(IndexDefinition::name).findFirst().orElse("?");
			return DbError.DUPLICATE_KEY.exception(index, table.tableName());
		}
		if ("23505".equals(state)) {
			return DbError.DUPLICATE_KEY.exception("?", "?");
		}
		if ("23502".equals(state)) {
			Matcher matcher = QUOTED.matcher(message);
			String column = matcher.find() ? matcher.group(1) : "?";
			return DbError.INVALID_VALUE.exception(column, "null is not allowed");
		}
		if ("HYT00".equals(state) || ex.getErrorCode() == 50200 || ex.getErrorCode() == 40001
				|| ex.getErrorCode() == 90131) {
			return DbError.LOCK_TIMEOUT.exception(message);
		}
		if (state.startsWith("22")) {
			return DbError.INVALID_VALUE.exception("?", message);
		}
		return DbError.SQL_ERROR.exception(message);
	}

	static String firstLine(@Nullable String message) {
		if (message == null) {
			return "";
		}
		int end = message.indexOf("; SQL statement:");
		String line = (end >= 0) ? message.substring(0, end) : message;
		int newline = line.indexOf('\n');
		return (newline >= 0) ? line.substring(0, newline) : line;
	}

	// ---------------------------------------------------------------- transactions

	ServerTransaction transaction(DbRequestContext context, String transactionId) {
		ServerTransaction transaction = this.transactions.get(transactionId);
		if (transaction == null || !transaction.sessionKey().equals(context.sessionKey()) || !transaction.isOpen()) {
			throw DbError.UNKNOWN_TRANSACTION.exception(transactionId);
		}
		return transaction;
	}

	void registerTransaction(ServerTransaction transaction) {
		this.transactions.put(transaction.id(), transaction);
	}

	void removeTransaction(ServerTransaction transaction) {
		this.transactions.remove(transaction.id());
	}

	Collection<ServerTransaction> transactions() {
		return this.transactions.values();
	}

	void closeCursorsOf(ServerTransaction transaction) {
		for (ServerCursor cursor : List.copyOf(this.cursors.values())) {
			if (transaction.id().equals(cursor.transactionId())) {
				closeCursor(cursor);
			}
		}
	}

	// ---------------------------------------------------------------- cursors

	void registerCursor(ServerCursor cursor) {
		this.cursors.put(cursor.id(), cursor);
	}

	/**
	 * Finds an open cursor of the session, closing it first when it has idled past the timeout.
	 */
	@Nullable ServerCursor cursor(DbRequestContext context, String cursorId) {
		ServerCursor cursor = this.cursors.get(cursorId);
		if (cursor == null || !cursor.sessionKey().equals(context.sessionKey())) {
			return null;
		}
		if (expired(cursor, now())) {
			closeCursor(cursor);
			return null;
		}
		return cursor;
	}

	private boolean expired(ServerCursor cursor, Instant now) {
		long timeout = this.cursorTimeoutSeconds.applyAsLong(cursor.sessionKey());
		return timeout >= 0 && Duration.between(cursor.lastAccess(), now).compareTo(Duration.ofSeconds(timeout)) > 0;
	}

	private void closeCursor(ServerCursor cursor) {
		this.cursors.remove(cursor.id());
		cursor.lock().lock();
		try {
			cursor.close();
		}
		finally {
			cursor.lock().unlock();
		}
	}

	private @Nullable ObjectNode closeCursor(DbRequestContext context, JsonNode params) {
		String cursorId = Params.requireString(params, "cursorId");
		ServerCursor cursor = cursor(context, cursorId);
		if (cursor == null) {
			context.addWarning(DbError.UNKNOWN_CURSOR.code(),
					DbError.UNKNOWN_CURSOR.message(cursorId));
			return null;
		}
		closeCursor(cursor);
		return null;
	}

	/**
	 * Closes the cursors of a session that have been idle longer than its cursor timeout.
	 * @param sessionKey the session
	 */
	public void expireIdleCursors(String sessionKey) {
		Instant now = now();
		for (ServerCursor cursor : List.copyOf(this.cursors.values())) {
			if (cursor.sessionKey().equals(sessionKey) && expired(cursor, now)) {
				closeCursor(cursor);
			}
		}
	}

	/**
	 * Closes every idle cursor of every session.
	 */
	public void expireIdleCursors() {
		Instant now = now();
		for (ServerCursor cursor : List.copyOf(this.cursors.values())) {
			if (expired(cursor, now)) {
				closeCursor(cursor);
			}
		}
	}

	/**
	 * Tells whether an open cursor reads a table.
	 */
	boolean cursorsRead(Database database, String qualifiedTable) {
		return this.cursors.values().stream()
			.anyMatch((cursor) -> cursor.database() == database && cursor.source().equalsIgnoreCase(qualifiedTable));
	}

	/**
	 * Closes the cursors that read a table (before it is dropped) or a whole database.
	 */
	void closeCursorsReading(Database database, @Nullable String qualifiedTable) {
		for (ServerCursor cursor : List.copyOf(this.cursors.values())) {
			if (cursor.database() == database
					&& (qualifiedTable == null || cursor.source().equalsIgnoreCase(qualifiedTable))) {
				closeCursor(cursor);
			}
		}
	}

	// ---------------------------------------------------------------- session end and introspection

	/**
	 * Frees what a session held: closes its cursors and rolls back its open transactions. Call it
	 * when a session is deleted or expires.
	 * @param sessionKey the session
	 */
	public void sessionEnded(String sessionKey) {
		for (ServerCursor cursor : List.copyOf(this.cursors.values())) {
			if (cursor.sessionKey().equals(sessionKey)) {
				closeCursor(cursor);
			}
		}
		for (ServerTransaction transaction : List.copyOf(this.transactions.values())) {
			if (transaction.sessionKey().equals(sessionKey)) {
				this.transactions.remove(transaction.id());
				transaction.lock().lock();
				try {
					transaction.rollback();
				}
				finally {
					transaction.lock().unlock();
				}
			}
		}
	}

	/**
	 * Describes the open cursors (idle ones past their timeout are closed first).
	 * @return the cursors, oldest access first
	 */
	public List<CursorInfo> openCursors() {
		expireIdleCursors();
		List<CursorInfo> list = new ArrayList<>();
		for (ServerCursor cursor : this.cursors.values()) {
			list.add(new CursorInfo(cursor.id(), cursor.sessionKey(), cursor.database().name(), cursor.source(),
					cursor.position(), cursor.lastAccess(), cursor.transactionId()));
		}
		list.sort(Comparator.comparing(CursorInfo::lastAccess));
		return list;
	}

	/**
	 * Describes the open cursors of one session.
	 * @param sessionKey the session
	 * @return the cursors
	 */
	public List<CursorInfo> openCursors(String sessionKey) {
		return openCursors().stream().filter((cursor) -> cursor.sessionKey().equals(sessionKey)).toList();
	}

	/**
	 * Describes the open transactions.
	 * @return the transactions, oldest first
	 */
	public List<TransactionInfo> openTransactions() {
		List<TransactionInfo> list = new ArrayList<>();
		for (ServerTransaction transaction : this.transactions.values()) {
			if (transaction.isOpen()) {
				transaction.lock().lock();
				try {
					list.add(new TransactionInfo(transaction.id(), transaction.sessionKey(), transaction.username(),
							transaction.description(), transaction.created(), transaction.savepointIds()));
				}
				finally {
					transaction.lock().unlock();
				}
			}
		}
		list.sort(Comparator.comparing(TransactionInfo::created));
		return list;
	}

	/**
	 * Describes the open transactions of one session.
	 * @param sessionKey the session
	 * @return the transactions
	 */
	public List<TransactionInfo> openTransactions(String sessionKey) {
		return openTransactions().stream().filter((transaction) -> transaction.sessionKey().equals(sessionKey))
			.toList();
	}

	/**
	 * Frees every cursor and rolls back every transaction (the server stops or restarts).
	 */
	public void closeAll() {
		Set<String> sessions = new HashSet<>();
		this.cursors.values().forEach((cursor) -> sessions.add(cursor.sessionKey()));
		this.transactions.values().forEach((transaction) -> sessions.add(transaction.sessionKey()));
		sessions.forEach(this::sessionEnded);
	}

	/**
	 * Frees every cursor and transaction, then closes the store.
	 */
	@Override
	public void close() {
		closeAll();
		this.store.close();
	}

	/**
	 * An open cursor, for tests.
	 *
	 * @param cursorId the cursor's id
	 * @param sessionKey the owning session
	 * @param databaseName the database it reads
	 * @param source the table or SQL it reads
	 * @param position how many records lie before it
	 * @param lastAccess when it was last used
	 * @param transactionId the transaction it reads in, or {@code null}
	 */
	public record CursorInfo(String cursorId, String sessionKey, String databaseName, String source, long position,
			Instant lastAccess, @Nullable String transactionId) {
	}

	/**
	 * An open transaction, for tests.
	 *
	 * @param transactionId the transaction's id
	 * @param sessionKey the owning session
	 * @param username the account of the session that created it
	 * @param description the description given at creation, or {@code null}
	 * @param created when it was created
	 * @param savepointIds the savepoints that can still be reverted to, oldest first
	 */
	public record TransactionInfo(String transactionId, String sessionKey, String username,
			@Nullable String description, Instant created, List<Integer> savepointIds) {
	}
}
