package io.github.faircomclient.db;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * The {@link DbTransaction} passed to an {@code inTransaction} callback: the DB operations
 * of a view whose every action carries the transaction's id, and the transaction itself.
 * Views taken from it ({@code withDatabase}, ...) stay in the transaction.
 */
final class DbTransactionView implements DbTransaction {

	private final DbOperations operations;

	private final DbTransactionHolder transaction;

	DbTransactionView(DbOperations operations, DbTransactionHolder transaction) {
		this.operations = operations;
		this.transaction = transaction;
	}

	@Override
	public String getTransactionId() {
		return this.transaction.getTransactionId();
	}

	@Override
	public void setRollbackOnly() {
		this.transaction.setRollbackOnly();
	}

	@Override
	public boolean isRollbackOnly() {
		return this.transaction.isRollbackOnly();
	}

	@Override
	public int createSavepoint() {
		return this.transaction.createSavepoint();
	}

	@Override
	public void revertToSavepoint(int transactionSavepointId) {
		this.transaction.revertToSavepoint(transactionSavepointId);
	}

	@Override
	public DbOperations withDatabase(String databaseName) {
		return this.operations.withDatabase(databaseName);
	}

	@Override
	public DbOperations withOwner(String ownerName) {
		return this.operations.withOwner(ownerName);
	}

	@Override
	public DbOperations withTimeout(Duration timeout) {
		return this.operations.withTimeout(timeout);
	}

	@Override
	public DbOperations withResponseOptions(Map<String, ?> responseOptions) {
		return this.operations.withResponseOptions(responseOptions);
	}

	@Override
	public DbOperations withTransaction(String transactionId) {
		return this.operations.withTransaction(transactionId);
	}

	@Override
	public DatabaseInfo createDatabase(String databaseName) {
		return this.operations.createDatabase(databaseName);
	}

	@Override
	public DatabaseInfo createDatabase(String databaseName, String path) {
		return this.operations.createDatabase(databaseName, path);
	}

	@Override
	public boolean deleteDatabase(String databaseName) {
		return this.operations.deleteDatabase(databaseName);
	}

	@Override
	public List<DatabaseInfo> listDatabases() {
		return this.operations.listDatabases();
	}

	@Override
	public List<DatabaseInfo> listDatabases(String partialDatabaseName) {
		return this.operations.listDatabases(partialDatabaseName);
	}

	@Override
	public TableDescription createTable(TableDefinition table) {
		return this.operations.createTable(table);
	}

	@Override
	public List<String> deleteTables(String... tableNames) {
		return this.operations.deleteTables(tableNames);
	}

	@Override
	public List<TableInfo> listTables() {
		return this.operations.listTables();
	}

	@Override
	public List<TableInfo> listTables(String partialTableName) {
		return this.operations.listTables(partialTableName);
	}

	@Override
	public List<TableDescription> describeTables(String... tableNames) {
		return this.operations.describeTables(tableNames);
	}

	@Override
	public Optional<TableDescription> describeTable(String tableName) {
		return this.operations.describeTable(tableName);
	}

	@Override
	public TableDescription alterTable(TableAlteration alteration) {
		return this.operations.alterTable(alteration);
	}

	@Override
	public TableRebuildResult rebuildTables(String... tableNames) {
		return this.operations.rebuildTables(tableNames);
	}

	@Override
	public IndexInfo createIndex(IndexDefinition index) {
		return this.operations.createIndex(index);
	}

	@Override
	public List<String> deleteIndexes(String tableName, String... indexNames) {
		return this.operations.deleteIndexes(tableName, indexNames);
	}

	@Override
	public List<IndexInfo> listIndexes(String tableName) {
		return this.operations.listIndexes(tableName);
	}

	@Override
	public void rebuildIndexes(String tableName) {
		this.operations.rebuildIndexes(tableName);
	}

	@Override
	public WriteResult insert(String tableName, Collection<?> records) {
		return this.operations.insert(tableName, records);
	}

	@Override
	public WriteResult insert(String tableName, Object record) {
		return this.operations.insert(tableName, record);
	}

	@Override
	public WriteResult update(String tableName, Collection<?> records) {
		return this.operations.update(tableName, records);
	}

	@Override
	public WriteResult update(String tableName, Object record) {
		return this.operations.update(tableName, record);
	}

	@Override
	public WriteResult updateIgnoringChangeId(String tableName, Collection<?> records) {
		return this.operations.updateIgnoringChangeId(tableName, records);
	}

	@Override
	public WriteResult deleteByIds(String tableName, Collection<?> ids) {
		return this.operations.deleteByIds(tableName, ids);
	}

	@Override
	public WriteResult deleteByPrimaryKeys(String tableName, Collection<PrimaryKey> keys) {
		return this.operations.deleteByPrimaryKeys(tableName, keys);
	}

	@Override
	public <T> List<T> getRecordsByIds(String tableName, Collection<?> ids, Class<T> type) {
		return this.operations.getRecordsByIds(tableName, ids, type);
	}

	@Override
	public <T> List<T> getRecordsByPrimaryKeys(String tableName, Collection<PrimaryKey> keys, Class<T> type) {
		return this.operations.getRecordsByPrimaryKeys(tableName, keys, type);
	}

	@Override
	public TableQuery getRecordsByTable(String tableName) {
		return this.operations.getRecordsByTable(tableName);
	}

	@Override
	public TableQuery getRecordsByIndex(String tableName, String indexName) {
		return this.operations.getRecordsByIndex(tableName, indexName);
	}

	@Override
	public TableQuery getRecordsInKeyRange(String tableName, KeyRange range) {
		return this.operations.getRecordsInKeyRange(tableName, range);
	}

	@Override
	public TableQuery getRecordsStartingAtKey(String tableName, StartKey key) {
		return this.operations.getRecordsStartingAtKey(tableName, key);
	}

	@Override
	public TableQuery getRecordsByPartialKeyRange(String tableName, PartialKey key) {
		return this.operations.getRecordsByPartialKeyRange(tableName, key);
	}

	@Override
	public SqlQuery getRecordsUsingSQL(String sql, @Nullable Object... params) {
		return this.operations.getRecordsUsingSQL(sql, params);
	}

	@Override
	public <T> List<T> query(String sql, Class<T> type, @Nullable Object... params) {
		return this.operations.query(sql, type, params);
	}

	@Override
	public List<SqlStatementResult> runSqlStatements(String... sqlStatements) {
		return this.operations.runSqlStatements(sqlStatements);
	}

	@Override
	public List<SqlStatementResult> runSqlStatements(List<String> sqlStatements) {
		return this.operations.runSqlStatements(sqlStatements);
	}

	@Override
	public String createTransaction() {
		return this.operations.createTransaction();
	}

	@Override
	public String createTransaction(String transactionDescription) {
		return this.operations.createTransaction(transactionDescription);
	}

	@Override
	public void commitTransaction(String transactionId) {
		this.operations.commitTransaction(transactionId);
	}

	@Override
	public void commitTransaction(String transactionId, int transactionSavepointId) {
		this.operations.commitTransaction(transactionId, transactionSavepointId);
	}

	@Override
	public void rollbackTransaction(String transactionId) {
		this.operations.rollbackTransaction(transactionId);
	}

	@Override
	public int createTransactionSavepoint(String transactionId) {
		return this.operations.createTransactionSavepoint(transactionId);
	}

	@Override
	public void revertToTransactionSavepoint(String transactionId, int transactionSavepointId) {
		this.operations.revertToTransactionSavepoint(transactionId, transactionSavepointId);
	}

	@Override
	public List<TransactionInfo> listTransactions() {
		return this.operations.listTransactions();
	}

	@Override
	public List<TransactionInfo> listTransactions(String username) {
		return this.operations.listTransactions(username);
	}

	@Override
	public <R> R inTransaction(Function<? super DbTransaction, ? extends R> callback) {
		return this.operations.inTransaction(callback);
	}

	@Override
	public void inTransactionWithoutResult(Consumer<? super DbTransaction> callback) {
		this.operations.inTransactionWithoutResult(callback);
	}

	@Override
	public String toString() {
		return "DbTransaction[" + this.operations + "]";
	}

}
