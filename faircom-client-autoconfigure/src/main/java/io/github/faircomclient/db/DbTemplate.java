package io.github.faircomclient.db;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

import io.github.faircomclient.FairComSessionExpiredException;
import io.github.faircomclient.core.FairComOperations;
import io.github.faircomclient.core.FairComRequest;
import io.github.faircomclient.db.DbCalls.CallOptions;
import io.github.faircomclient.session.FairComSession;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The implementation of {@link DbOperations} on top of
 * {@link FairComOperations#execute(FairComRequest)}: it builds each action's
 * {@code params}, always sends {@code responseOptions} with {@code dataFormat: objects}
 * and the configured {@code numberFormat} and {@code binaryFormat}, and reads the results.
 * Session handling, retries and error translation are the underlying operations' job.
 * <p>
 * Transactions and cursors belong to the session that created them: every later action
 * on one is {@linkplain FairComRequest.Builder#boundTo(FairComSession) bound} to that
 * session, so once it has expired the action fails with
 * {@link FairComSessionExpiredException} without being sent, even if another call has
 * logged in again meanwhile. Transactions created with {@link #createTransaction()} are
 * remembered by id until they are committed or rolled back; past 1024 open ones, those of
 * earlier sessions are forgotten, and an id this template does not know is sent as given.
 * Inside a transaction that a {@code FairComTransactionManager} bound to the template,
 * every action joins that transaction, except those that cannot run in one
 * ({@code alterTable}, {@code rebuildTables}, {@code rebuildIndexes},
 * {@code runSqlStatements}), which run outside every transaction.
 * <p>
 * The class is a facade: each group of actions is a package-private part over the same
 * {@code DbCalls} (call scoping and the one record-limit check): {@code DbSchema},
 * {@code DbWrites}, {@code DbQueries}, {@code DbTransactions}, {@code DbTableMaintenance}
 * (alterTable and the rebuilds) and {@code DbSqlStatements} (runSqlStatements). A new
 * group of actions is a new part, created in the constructor and delegated to here and in
 * {@code DbTransactionView}.
 * <p>
 * Usually obtained from {@link io.github.faircomclient.core.FairComTemplate#db()}. This
 * class is thread-safe; its views ({@code with...}) share the record mapper.
 */
public class DbTemplate implements DbOperations {

	private final DbCalls calls;

	private final TransactionSessions sessions;

	private final DbSchema schema;

	private final DbWrites writes;

	private final DbQueries queries;

	private final DbTransactions transactions;

	private final DbTableMaintenance maintenance;

	private final DbSqlStatements sqlStatements;

	/**
	 * Create DB operations with the default settings.
	 * @param operations the operations that run the actions
	 */
	public DbTemplate(FairComOperations operations) {
		this(operations, DbSettings.defaults());
	}

	/**
	 * Create DB operations.
	 * @param operations the operations that run the actions
	 * @param settings the settings
	 */
	public DbTemplate(FairComOperations operations, DbSettings settings) {
		this(new DbCalls(checkNotNull(operations, "operations"), checkNotNull(settings, "settings"),
				new RecordMapper(settings), CallOptions.NONE), new TransactionSessions());
	}

	DbTemplate(DbCalls calls, TransactionSessions sessions) {
		this.calls = calls;
		this.sessions = sessions;
		this.transactions = new DbTransactions(calls, sessions);
		this.schema = new DbSchema(calls);
		this.writes = new DbWrites(calls, this.transactions);
		this.queries = new DbQueries(calls);
		this.maintenance = new DbTableMaintenance(calls, this.schema);
		this.sqlStatements = new DbSqlStatements(calls);
	}

	private static <T> T checkNotNull(T value, String name) {
		Assert.notNull(value, () -> "'" + name + "' must not be null");
		return value;
	}

	/**
	 * Return the settings.
	 * @return the settings
	 */
	public DbSettings getSettings() {
		return this.calls.settings();
	}

	/**
	 * Return the mapper that writes and reads records, e.g. to convert a tree the server
	 * returned. It is not the mapper of the JSON envelope.
	 * @return the record mapper
	 */
	public JsonMapper getRecordMapper() {
		return this.calls.mapper().mapper();
	}

	DbTransactions transactions() {
		return this.transactions;
	}

	// ------------------------------------------------------------------ views

	@Override
	public DbOperations withDatabase(String databaseName) {
		Assert.hasText(databaseName, "'databaseName' must not be empty");
		return view(this.calls.options().withDatabase(databaseName));
	}

	@Override
	public DbOperations withOwner(String ownerName) {
		Assert.hasText(ownerName, "'ownerName' must not be empty");
		return view(this.calls.options().withOwner(ownerName));
	}

	@Override
	public DbOperations withTimeout(Duration timeout) {
		Assert.notNull(timeout, "'timeout' must not be null");
		Assert.isTrue(!timeout.isNegative() && !timeout.isZero(), "'timeout' must be positive");
		return view(this.calls.options().withTimeout(timeout));
	}

	@Override
	public DbOperations withResponseOptions(Map<String, ?> responseOptions) {
		Assert.notNull(responseOptions, "'responseOptions' must not be null");
		for (String fixed : List.of("dataFormat", "binaryFormat")) {
			Assert.isTrue(!responseOptions.containsKey(fixed), () -> "'" + fixed
					+ "' is fixed by the DB settings (faircom.db.*) so that records can be mapped");
		}
		JsonNode extra = this.calls.mapper().toValue(responseOptions);
		ObjectNode current = this.calls.options().responseOptions();
		ObjectNode merged = (current != null) ? current.deepCopy() : DbCalls.objectNode();
		merged.setAll((ObjectNode) extra);
		return view(this.calls.options().withResponseOptions(merged));
	}

	@Override
	public DbOperations withTransaction(String transactionId) {
		return view(this.calls.options().withTransaction(this.transactions.explicit(transactionId)));
	}

	private DbTemplate view(CallOptions options) {
		return new DbTemplate(this.calls.withOptions(options), this.sessions);
	}

	// ------------------------------------------------------------------ databases

	@Override
	public DatabaseInfo createDatabase(String databaseName) {
		return this.schema.createDatabase(databaseName, null);
	}

	@Override
	public DatabaseInfo createDatabase(String databaseName, @Nullable String path) {
		return this.schema.createDatabase(databaseName, path);
	}

	@Override
	public boolean deleteDatabase(String databaseName) {
		return this.schema.deleteDatabase(databaseName);
	}

	@Override
	public List<DatabaseInfo> listDatabases() {
		return this.schema.listDatabases("");
	}

	@Override
	public List<DatabaseInfo> listDatabases(String partialDatabaseName) {
		return this.schema.listDatabases(partialDatabaseName);
	}

	// ------------------------------------------------------------------ tables

	@Override
	public TableDescription createTable(TableDefinition table) {
		return this.schema.createTable(table);
	}

	@Override
	public List<String> deleteTables(String... tableNames) {
		return this.schema.deleteTables(tableNames);
	}

	@Override
	public List<TableInfo> listTables() {
		return this.schema.listTables("");
	}

	@Override
	public List<TableInfo> listTables(String partialTableName) {
		return this.schema.listTables(partialTableName);
	}

	@Override
	public List<TableDescription> describeTables(String... tableNames) {
		return this.schema.describeTables(tableNames);
	}

	@Override
	public Optional<TableDescription> describeTable(String tableName) {
		return this.schema.describeTable(tableName);
	}

	@Override
	public TableDescription alterTable(TableAlteration alteration) {
		return this.maintenance.alterTable(alteration);
	}

	@Override
	public TableRebuildResult rebuildTables(String... tableNames) {
		Assert.notEmpty(tableNames, "'tableNames' must not be empty");
		return this.maintenance.rebuildTables(Arrays.asList(tableNames));
	}

	// ------------------------------------------------------------------ indexes

	@Override
	public IndexInfo createIndex(IndexDefinition index) {
		return this.schema.createIndex(index);
	}

	@Override
	public List<String> deleteIndexes(String tableName, String... indexNames) {
		return this.schema.deleteIndexes(tableName, indexNames);
	}

	@Override
	public List<IndexInfo> listIndexes(String tableName) {
		return this.schema.listIndexes(tableName);
	}

	@Override
	public void rebuildIndexes(String tableName) {
		this.maintenance.rebuildIndexes(tableName);
	}

	// ------------------------------------------------------------------ records

	@Override
	public WriteResult insert(String tableName, Collection<?> records) {
		return this.writes.writeRecords("insertRecords", tableName, records, false);
	}

	@Override
	public WriteResult insert(String tableName, Object record) {
		Assert.notNull(record, "'record' must not be null");
		return insert(tableName, List.of(record));
	}

	@Override
	public WriteResult update(String tableName, Collection<?> records) {
		return this.writes.writeRecords("updateRecords", tableName, records, false);
	}

	@Override
	public WriteResult update(String tableName, Object record) {
		Assert.notNull(record, "'record' must not be null");
		return update(tableName, List.of(record));
	}

	@Override
	public WriteResult updateIgnoringChangeId(String tableName, Collection<?> records) {
		return this.writes.writeRecords("updateRecords", tableName, records, true);
	}

	@Override
	public WriteResult deleteByIds(String tableName, Collection<?> ids) {
		return this.writes.deleteByIds(tableName, ids);
	}

	@Override
	public WriteResult deleteByPrimaryKeys(String tableName, Collection<PrimaryKey> keys) {
		return this.writes.deleteByPrimaryKeys(tableName, keys);
	}

	// ------------------------------------------------------------------ queries

	@Override
	public <T> List<T> getRecordsByIds(String tableName, Collection<?> ids, Class<T> type) {
		return this.queries.getRecordsByIds(tableName, ids, type);
	}

	@Override
	public <T> List<T> getRecordsByPrimaryKeys(String tableName, Collection<PrimaryKey> keys, Class<T> type) {
		return this.queries.getRecordsByPrimaryKeys(tableName, keys, type);
	}

	@Override
	public TableQuery getRecordsByTable(String tableName) {
		return this.queries.getRecordsByTable(tableName);
	}

	@Override
	public TableQuery getRecordsByIndex(String tableName, String indexName) {
		return this.queries.getRecordsByIndex(tableName, indexName);
	}

	@Override
	public TableQuery getRecordsInKeyRange(String tableName, KeyRange range) {
		return this.queries.getRecordsInKeyRange(tableName, range);
	}

	@Override
	public TableQuery getRecordsStartingAtKey(String tableName, StartKey key) {
		return this.queries.getRecordsStartingAtKey(tableName, key);
	}

	@Override
	public TableQuery getRecordsByPartialKeyRange(String tableName, PartialKey key) {
		return this.queries.getRecordsByPartialKeyRange(tableName, key);
	}

	@Override
	public SqlQuery getRecordsUsingSQL(String sql, @Nullable Object... params) {
		return this.queries.getRecordsUsingSQL(sql, params);
	}

	@Override
	public <T> List<T> query(String sql, Class<T> type, @Nullable Object... params) {
		return getRecordsUsingSQL(sql, params).list(type);
	}

	@Override
	public List<SqlStatementResult> runSqlStatements(String... sqlStatements) {
		Assert.notEmpty(sqlStatements, "'sqlStatements' must not be empty");
		return this.sqlStatements.runSqlStatements(Arrays.asList(sqlStatements));
	}

	@Override
	public List<SqlStatementResult> runSqlStatements(List<String> sqlStatements) {
		Assert.notNull(sqlStatements, "'sqlStatements' must not be null");
		return this.sqlStatements.runSqlStatements(sqlStatements);
	}

	// ------------------------------------------------------------------ transactions

	@Override
	public String createTransaction() {
		return this.transactions.begin(null, null).getTransactionId();
	}

	@Override
	public String createTransaction(String transactionDescription) {
		Assert.hasText(transactionDescription, "'transactionDescription' must not be empty");
		return this.transactions.begin(transactionDescription, null).getTransactionId();
	}

	@Override
	public void commitTransaction(String transactionId) {
		this.transactions.commit(this.transactions.explicit(transactionId), null);
	}

	@Override
	public void commitTransaction(String transactionId, int transactionSavepointId) {
		this.transactions.commit(this.transactions.explicit(transactionId), transactionSavepointId);
	}

	@Override
	public void rollbackTransaction(String transactionId) {
		this.transactions.rollback(this.transactions.explicit(transactionId));
	}

	@Override
	public int createTransactionSavepoint(String transactionId) {
		return this.transactions.createSavepoint(this.transactions.explicit(transactionId));
	}

	@Override
	public void revertToTransactionSavepoint(String transactionId, int transactionSavepointId) {
		this.transactions.revertToSavepoint(this.transactions.explicit(transactionId), transactionSavepointId);
	}

	@Override
	public List<TransactionInfo> listTransactions() {
		return this.transactions.listTransactions(null);
	}

	@Override
	public List<TransactionInfo> listTransactions(String username) {
		Assert.hasText(username, "'username' must not be empty");
		return this.transactions.listTransactions(username);
	}

	@Override
	public <R> R inTransaction(Function<? super DbTransaction, ? extends R> callback) {
		return this.transactions.inTransaction(callback);
	}

	@Override
	public void inTransactionWithoutResult(Consumer<? super DbTransaction> callback) {
		Assert.notNull(callback, "'callback' must not be null");
		inTransaction((transaction) -> {
			callback.accept(transaction);
			return null;
		});
	}

	@Override
	public String toString() {
		return "DbTemplate[" + this.calls.settings() + ", " + this.calls.options() + "]";
	}

}
