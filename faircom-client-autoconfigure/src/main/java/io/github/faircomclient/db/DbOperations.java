package io.github.faircomclient.db;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import io.github.faircomclient.FairComRecordLimitExceededException;

/**
 * Typed operations of FairCom's JSON DB API ({@code "api": "db"}), named after its actions.
 * Obtain one from {@link io.github.faircomclient.core.FairComOperations#db()}; anything not
 * typed here stays available through
 * {@link io.github.faircomclient.core.FairComOperations#execute}.
 * <p>
 * Actions run in the session's default database and owner unless a view names others:
 * {@link #withDatabase}, {@link #withOwner}, {@link #withTimeout},
 * {@link #withResponseOptions} and {@link #withTransaction} return views that share
 * everything else; they are cheap and thread-safe like the operations themselves.
 * <p>
 * Records are Java records, POJOs or maps, written and read by a record mapper whose value
 * formats follow FairCom's JSON DB types. Failures surface as
 * {@link io.github.faircomclient.FairComException}s; the errors applications handle have
 * their own types ({@link io.github.faircomclient.FairComDuplicateKeyException},
 * {@link io.github.faircomclient.FairComChangeIdConflictException},
 * {@link io.github.faircomclient.FairComNotFoundException}).
 *
 * @see DbTemplate
 */
public interface DbOperations {

	// ------------------------------------------------------------------ views

	/**
	 * Return a view whose actions use another database ({@code databaseName}).
	 * @param databaseName the database
	 * @return the view
	 */
	DbOperations withDatabase(String databaseName);

	/**
	 * Return a view whose actions use another owner ({@code ownerName}).
	 * @param ownerName the owner
	 * @return the view
	 */
	DbOperations withOwner(String ownerName);

	/**
	 * Return a view whose calls may each take this long, answer included, instead of the
	 * template's call timeout.
	 * @param timeout a positive duration
	 * @return the view
	 */
	DbOperations withTimeout(Duration timeout);

	/**
	 * Return a view that sends more {@code responseOptions} (e.g. {@code numberFormat},
	 * {@code includeFields}, {@code excludeFields}, {@code variantFormat}). The record
	 * layout options {@code dataFormat} and {@code binaryFormat} are fixed by the settings
	 * and refused here.
	 * @param responseOptions the options to add
	 * @return the view
	 */
	DbOperations withResponseOptions(Map<String, ?> responseOptions);

	/**
	 * Return a view whose actions run in a transaction created with
	 * {@link #createTransaction()}.
	 * @param transactionId the transaction id
	 * @return the view
	 */
	DbOperations withTransaction(String transactionId);

	// ------------------------------------------------------------------ databases

	/**
	 * Create a database ({@code createDatabase}).
	 * @param databaseName the database name
	 * @return the new database
	 */
	DatabaseInfo createDatabase(String databaseName);

	/**
	 * Create a database in a folder of the server ({@code createDatabase} with
	 * {@code path}).
	 * @param databaseName the database name
	 * @param path the server folder
	 * @return the new database
	 */
	DatabaseInfo createDatabase(String databaseName, String path);

	/**
	 * Delete a database ({@code deleteDatabase}).
	 * @param databaseName the database name
	 * @return whether the database existed and was deleted
	 */
	boolean deleteDatabase(String databaseName);

	/**
	 * List all databases ({@code listDatabases}), in name order.
	 * @return the databases
	 * @throws FairComRecordLimitExceededException if there are more than
	 * {@code faircom.db.max-records}
	 */
	List<DatabaseInfo> listDatabases();

	/**
	 * List the databases whose names start with a prefix ({@code partialDatabaseName}).
	 * @param partialDatabaseName the prefix
	 * @return the databases
	 * @throws FairComRecordLimitExceededException if there are more than
	 * {@code faircom.db.max-records}
	 */
	List<DatabaseInfo> listDatabases(String partialDatabaseName);

	// ------------------------------------------------------------------ tables

	/**
	 * Create a table ({@code createTable}).
	 * @param table the definition
	 * @return the table as the server built it
	 */
	TableDescription createTable(TableDefinition table);

	/**
	 * Delete tables ({@code deleteTables}); all or none are deleted.
	 * @param tableNames the tables
	 * @return the names of the tables that existed and were deleted
	 */
	List<String> deleteTables(String... tableNames);

	/**
	 * List the tables of the owner ({@code listTables}).
	 * @return the tables
	 * @throws FairComRecordLimitExceededException if there are more than
	 * {@code faircom.db.max-records}
	 */
	List<TableInfo> listTables();

	/**
	 * List the tables whose names start with a prefix ({@code partialTableName}).
	 * @param partialTableName the prefix
	 * @return the tables
	 * @throws FairComRecordLimitExceededException if there are more than
	 * {@code faircom.db.max-records}
	 */
	List<TableInfo> listTables(String partialTableName);

	/**
	 * Describe tables ({@code describeTables}); missing tables are left out.
	 * @param tableNames the tables
	 * @return the descriptions of the tables that exist
	 */
	List<TableDescription> describeTables(String... tableNames);

	/**
	 * Describe one table.
	 * @param tableName the table
	 * @return its description, or empty if it does not exist
	 */
	Optional<TableDescription> describeTable(String tableName);

	/**
	 * Change the fields of a table ({@code alterTable}): rename, redefine, delete and add
	 * fields, as FairCom documents. It runs outside any transaction, also in a transaction
	 * view or a Spring transaction, so a rollback does not undo it; a table that an open
	 * cursor or transaction uses cannot be changed.
	 * @param alteration the changes
	 * @return the table as the server describes it afterwards
	 */
	TableDescription alterTable(TableAlteration alteration);

	/**
	 * Rebuild tables ({@code rebuildTables}), one by one in the order given. It is not
	 * transactional: it runs outside any transaction, a table rebuilt stays rebuilt when a
	 * later one fails, and the result says which were and which were not.
	 * @param tableNames the tables
	 * @return the outcome per table
	 */
	TableRebuildResult rebuildTables(String... tableNames);

	// ------------------------------------------------------------------ indexes

	/**
	 * Create an index ({@code createIndex}).
	 * @param index the definition
	 * @return the index as the server built it
	 */
	IndexInfo createIndex(IndexDefinition index);

	/**
	 * Delete indexes of a table ({@code deleteIndexes}).
	 * @param tableName the table
	 * @param indexNames the indexes
	 * @return the names of the indexes that existed and were deleted
	 */
	List<String> deleteIndexes(String tableName, String... indexNames);

	/**
	 * List the indexes of a table ({@code listIndexes}).
	 * @param tableName the table
	 * @return the indexes
	 * @throws FairComRecordLimitExceededException if there are more than
	 * {@code faircom.db.max-records}
	 */
	List<IndexInfo> listIndexes(String tableName);

	/**
	 * Rebuild the indexes of a table ({@code rebuildIndexes}). Like the other table
	 * maintenance, it runs outside any transaction.
	 * @param tableName the table
	 */
	void rebuildIndexes(String tableName);

	// ------------------------------------------------------------------ records

	/**
	 * Insert records ({@code insertRecords}), in batches of {@code faircom.db.batch-size}.
	 * More than one batch outside a transaction runs in a transaction of its own, so the
	 * call inserts all records or none.
	 * @param tableName the table
	 * @param records Java records, POJOs, maps or JSON objects
	 * @return what was inserted
	 */
	WriteResult insert(String tableName, Collection<?> records);

	/**
	 * Insert one record ({@code insertRecords}).
	 * @param tableName the table
	 * @param record a Java record, POJO, map or JSON object
	 * @return what was inserted
	 */
	WriteResult insert(String tableName, Object record);

	/**
	 * Update records ({@code updateRecords}) with changeId protection: each record carries
	 * its primary key and the {@code changeId} it was read with; a record changed since
	 * fails the call with {@link io.github.faircomclient.FairComChangeIdConflictException}
	 * (once its code is configured). Only the fields present change. Batches as in
	 * {@link #insert(String, Collection)}.
	 * @param tableName the table
	 * @param records the changed records
	 * @return what was updated, including the new change ids the server returns
	 */
	WriteResult update(String tableName, Collection<?> records);

	/**
	 * Update one record with changeId protection ({@code updateRecords}).
	 * @param tableName the table
	 * @param record the changed record
	 * @return what was updated
	 */
	WriteResult update(String tableName, Object record);

	/**
	 * Update records without changeId protection ({@code ignoreChangeIdProtection}): the
	 * last writer wins.
	 * @param tableName the table
	 * @param records the changed records, each with its primary key
	 * @return what was updated
	 */
	WriteResult updateIgnoringChangeId(String tableName, Collection<?> records);

	/**
	 * Delete records by their {@code id} ({@code deleteRecords} with {@code ids}); ids
	 * without a record are skipped.
	 * @param tableName the table
	 * @param ids the ids
	 * @return what was deleted
	 */
	WriteResult deleteByIds(String tableName, Collection<?> ids);

	/**
	 * Delete records by their primary keys ({@code deleteRecords} with
	 * {@code primaryKeys}); keys without a record are skipped.
	 * @param tableName the table
	 * @param keys the keys
	 * @return what was deleted
	 */
	WriteResult deleteByPrimaryKeys(String tableName, Collection<PrimaryKey> keys);

	// ------------------------------------------------------------------ queries

	/**
	 * Read records by their {@code id} ({@code getRecordsByIds}); ids without a record are
	 * skipped.
	 * @param <T> the record type
	 * @param tableName the table
	 * @param ids the ids
	 * @param type the record type ({@code JsonNode.class} for trees)
	 * @return the records found
	 */
	<T> List<T> getRecordsByIds(String tableName, Collection<?> ids, Class<T> type);

	/**
	 * Read records by their primary keys ({@code getRecordsByIds} with
	 * {@code primaryKeys}).
	 * @param <T> the record type
	 * @param tableName the table
	 * @param keys the keys
	 * @param type the record type ({@code JsonNode.class} for trees)
	 * @return the records found
	 */
	<T> List<T> getRecordsByPrimaryKeys(String tableName, Collection<PrimaryKey> keys, Class<T> type);

	/**
	 * Query a table in its physical order ({@code getRecordsByTable}).
	 * @param tableName the table
	 * @return the query to configure and run
	 */
	TableQuery getRecordsByTable(String tableName);

	/**
	 * Query a table in the order of an index ({@code getRecordsByIndex}).
	 * @param tableName the table
	 * @param indexName the index
	 * @return the query to configure and run
	 */
	TableQuery getRecordsByIndex(String tableName, String indexName);

	/**
	 * Query the records whose keys lie in a range ({@code getRecordsInKeyRange}).
	 * @param tableName the table
	 * @param range the index and its bounds
	 * @return the query to configure and run
	 */
	TableQuery getRecordsInKeyRange(String tableName, KeyRange range);

	/**
	 * Query records in index order from a key on ({@code getRecordsStartingAtKey}).
	 * @param tableName the table
	 * @param key the index, key and operator
	 * @return the query to configure and run; it fails with
	 * {@link io.github.faircomclient.FairComNotFoundException} if no key matches
	 */
	TableQuery getRecordsStartingAtKey(String tableName, StartKey key);

	/**
	 * Query the records whose keys start with a partial key, in index order
	 * ({@code getRecordsByPartialKeyRange}).
	 * @param tableName the table
	 * @param key the index and the start of its keys
	 * @return the query to configure and run; without a match it finds no records
	 */
	TableQuery getRecordsByPartialKeyRange(String tableName, PartialKey key);

	/**
	 * Query with SQL ({@code getRecordsUsingSQL}): one {@code SELECT} statement.
	 * @param sql the statement, with {@code ?} for positional parameters
	 * @param params the values of the positional parameters, in order
	 * @return the query to configure and run
	 */
	SqlQuery getRecordsUsingSQL(String sql, @Nullable Object... params);

	/**
	 * Query with SQL and map every record: a shortcut for
	 * {@code getRecordsUsingSQL(sql, params).list(type)}.
	 * <pre class="code">
	 * List&lt;Item&gt; low = faircom.db().query("SELECT id, name, qty FROM items WHERE qty &lt; ?", Item.class, 5);
	 * </pre>
	 * @param <T> the record type
	 * @param sql the statement, with {@code ?} for positional parameters
	 * @param type the record type ({@code JsonNode.class} for trees)
	 * @param params the values of the positional parameters, in order
	 * @return the records
	 * @throws FairComRecordLimitExceededException if there are more than
	 * {@code faircom.db.max-records}
	 */
	<T> List<T> query(String sql, Class<T> type, @Nullable Object... params);

	/**
	 * Run SQL statements in order ({@code runSqlStatements}), in a new transaction of
	 * FairCom's own: FairCom documents that the action cannot run in an existing one, so it
	 * runs outside the view's transaction and a Spring transaction, whose rollback does not
	 * undo it. A failing statement does not fail the call: each result has its own error
	 * code (the call fails only for an invalid request). FairCom returns every record of a
	 * {@code SELECT}: use {@code TOP}, or {@link #getRecordsUsingSQL} for queries.
	 * <pre class="code">
	 * List&lt;SqlStatementResult&gt; results = faircom.db().runSqlStatements(
	 *     "UPDATE items SET qty = 0 WHERE qty &lt; 0", "DELETE FROM items WHERE name IS NULL");
	 * </pre>
	 * @param sqlStatements the statements
	 * @return one result per statement, in order
	 */
	List<SqlStatementResult> runSqlStatements(String... sqlStatements);

	/**
	 * Run SQL statements in order ({@code runSqlStatements}), like
	 * {@link #runSqlStatements(String...)}.
	 * @param sqlStatements the statements
	 * @return one result per statement, in order
	 */
	List<SqlStatementResult> runSqlStatements(List<String> sqlStatements);

	// ------------------------------------------------------------------ transactions

	/**
	 * Create a transaction ({@code createTransaction}); run actions in it through
	 * {@link #withTransaction(String)} and end it with {@link #commitTransaction} or
	 * {@link #rollbackTransaction}. The transaction belongs to the current session: once
	 * that session has expired, those calls fail with
	 * {@link io.github.faircomclient.FairComSessionExpiredException} without being sent.
	 * @return the transaction id
	 */
	String createTransaction();

	/**
	 * Create a transaction with a description ({@code createTransaction} with
	 * {@code transactionDescription}) that {@link #listTransactions()} shows; otherwise like
	 * {@link #createTransaction()}.
	 * @param transactionDescription the description, cut to 255 characters
	 * @return the transaction id
	 */
	String createTransaction(String transactionDescription);

	/**
	 * Commit a transaction ({@code commitTransaction}); if any part cannot be committed,
	 * FairCom rolls it all back and the call fails.
	 * @param transactionId the transaction id
	 */
	void commitTransaction(String transactionId);

	/**
	 * Commit the work of a transaction up to a savepoint and end the transaction
	 * ({@code commitTransaction} with {@code transactionSavepointId}): the work after the
	 * savepoint is undone. FairCom documents it as a revert to the savepoint followed by a
	 * commit, in one call.
	 * @param transactionId the transaction id
	 * @param transactionSavepointId a savepoint of the transaction
	 */
	void commitTransaction(String transactionId, int transactionSavepointId);

	/**
	 * Roll a transaction back ({@code rollbackTransaction}).
	 * @param transactionId the transaction id
	 */
	void rollbackTransaction(String transactionId);

	/**
	 * Create a savepoint in a transaction ({@code createTransactionSavepoint}; FairCom's page
	 * title spells it {@code createTransactionSavePoint}).
	 * @param transactionId the transaction id
	 * @return the {@code transactionSavepointId} to revert or commit to
	 */
	int createTransactionSavepoint(String transactionId);

	/**
	 * Undo the work done in a transaction after a savepoint
	 * ({@code revertToTransactionSavepoint}; FairCom's page title spells it
	 * {@code revertTransactionToSavepoint}). The transaction stays open. FairCom documents
	 * that a transaction that ran SQL ({@code getRecordsUsingSQL}, {@code runSqlStatements})
	 * cannot revert to a savepoint made before it: the call fails and the transaction stays
	 * as it was.
	 * @param transactionId the transaction id
	 * @param transactionSavepointId the savepoint
	 */
	void revertToTransactionSavepoint(String transactionId, int transactionSavepointId);

	/**
	 * List the open transactions of the current session ({@code listTransactions}); an
	 * account with administrative rights sees every session's.
	 * @return the transactions
	 */
	List<TransactionInfo> listTransactions();

	/**
	 * List the open transactions of an account ({@code listTransactions} with
	 * {@code username}).
	 * @param username the account
	 * @return the transactions
	 */
	List<TransactionInfo> listTransactions(String username);

	/**
	 * Run a callback in a new transaction: commit when it returns, roll back when it throws
	 * (the callback's exception is rethrown, with a failed rollback attached as suppressed)
	 * or when it called {@link DbTransaction#setRollbackOnly()}. Called on a
	 * {@link DbTransaction} (or a {@link #withTransaction} view), or inside a transaction
	 * that a {@code FairComTransactionManager} runs for this template ({@code @Transactional}),
	 * the callback joins that transaction; if a joined callback throws, the transaction is
	 * rolled back in the end even if the outer code catches the exception (an outer
	 * {@code inTransaction} then fails with an {@link IllegalStateException} that carries
	 * it, a Spring transaction with an
	 * {@link org.springframework.transaction.UnexpectedRollbackException}). If the session
	 * expires, the transaction is gone with it and the call fails with
	 * {@link io.github.faircomclient.FairComSessionExpiredException}; its work is never
	 * replayed, and once another call has logged in again its remaining actions, commit
	 * and rollback are not sent at all.
	 * @param <R> the result type
	 * @param callback the work to do in the transaction
	 * @return the callback's result
	 */
	<R> R inTransaction(Function<? super DbTransaction, ? extends R> callback);

	/**
	 * Run a callback without a result in a new transaction, like
	 * {@link #inTransaction(Function)}.
	 * @param callback the work to do in the transaction
	 */
	void inTransactionWithoutResult(Consumer<? super DbTransaction> callback);

}
