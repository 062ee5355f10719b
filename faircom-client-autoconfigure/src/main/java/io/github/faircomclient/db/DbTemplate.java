package io.github.faircomclient.db;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

import io.github.faircomclient.FairComException;
import io.github.faircomclient.FairComRecordLimitExceededException;
import io.github.faircomclient.FairComSessionExpiredException;
import io.github.faircomclient.FairComTransportException;
import io.github.faircomclient.core.FairComExceptionTranslator;
import io.github.faircomclient.core.FairComOperations;
import io.github.faircomclient.core.FairComRequest;
import io.github.faircomclient.core.FairComResponse;
import io.github.faircomclient.session.FairComSession;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
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
 * <p>
 * Usually obtained from {@link io.github.faircomclient.core.FairComTemplate#db()}. This
 * class is thread-safe; its views ({@code with...}) share the record mapper.
 */
public class DbTemplate implements DbOperations {

	static final String API = "db";

	private static final Log logger = LogFactory.getLog(DbTemplate.class);

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private final FairComOperations operations;

	private final DbSettings settings;

	private final RecordMapper mapper;

	private final CallOptions options;

	private final TransactionSessions transactions;

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
		this(operations, settings, new RecordMapper(settings), CallOptions.NONE, new TransactionSessions());
	}

	DbTemplate(FairComOperations operations, DbSettings settings, RecordMapper mapper, CallOptions options,
			TransactionSessions transactions) {
		Assert.notNull(operations, "'operations' must not be null");
		Assert.notNull(settings, "'settings' must not be null");
		this.operations = operations;
		this.settings = settings;
		this.mapper = mapper;
		this.options = options;
		this.transactions = transactions;
	}

	/**
	 * Return the settings.
	 * @return the settings
	 */
	public DbSettings getSettings() {
		return this.settings;
	}

	/**
	 * Return the mapper that writes and reads records, e.g. to convert a tree the server
	 * returned. It is not the mapper of the JSON envelope.
	 * @return the record mapper
	 */
	public JsonMapper getRecordMapper() {
		return this.mapper.mapper();
	}

	// ------------------------------------------------------------------ views

	@Override
	public DbOperations withDatabase(String databaseName) {
		Assert.hasText(databaseName, "'databaseName' must not be empty");
		return view(this.options.withDatabase(databaseName));
	}

	@Override
	public DbOperations withOwner(String ownerName) {
		Assert.hasText(ownerName, "'ownerName' must not be empty");
		return view(this.options.withOwner(ownerName));
	}

	@Override
	public DbOperations withTimeout(Duration timeout) {
		Assert.notNull(timeout, "'timeout' must not be null");
		Assert.isTrue(!timeout.isNegative() && !timeout.isZero(), "'timeout' must be positive");
		return view(this.options.withTimeout(timeout));
	}

	@Override
	public DbOperations withResponseOptions(Map<String, ?> responseOptions) {
		Assert.notNull(responseOptions, "'responseOptions' must not be null");
		for (String fixed : List.of("dataFormat", "binaryFormat")) {
			Assert.isTrue(!responseOptions.containsKey(fixed), () -> "'" + fixed
					+ "' is fixed by the DB settings (faircom.db.*) so that records can be mapped");
		}
		JsonNode extra = this.mapper.toValue(responseOptions);
		ObjectNode merged = (this.options.responseOptions() != null) ? this.options.responseOptions().deepCopy()
				: NODES.objectNode();
		merged.setAll((ObjectNode) extra);
		return view(this.options.withResponseOptions(merged));
	}

	@Override
	public DbOperations withTransaction(String transactionId) {
		Assert.hasText(transactionId, "'transactionId' must not be empty");
		return view(this.options
			.withTransaction(new TransactionState(transactionId, this.transactions.sessionOf(transactionId))));
	}

	private DbTemplate view(CallOptions options) {
		return new DbTemplate(this.operations, this.settings, this.mapper, options, this.transactions);
	}

	// ------------------------------------------------------------------ databases

	@Override
	public DatabaseInfo createDatabase(String databaseName) {
		return createDatabase(databaseName, null);
	}

	@Override
	public DatabaseInfo createDatabase(String databaseName, @Nullable String path) {
		Assert.hasText(databaseName, "'databaseName' must not be empty");
		ObjectNode params = NODES.objectNode().put("databaseName", databaseName);
		if (path != null) {
			params.put("path", path);
		}
		JsonNode created = firstRecord(execute("createDatabase", params, Scope.NONE));
		return (created != null) ? DbResults.database(created) : new DatabaseInfo(databaseName, path, 0);
	}

	@Override
	public boolean deleteDatabase(String databaseName) {
		Assert.hasText(databaseName, "'databaseName' must not be empty");
		ObjectNode params = NODES.objectNode().put("databaseName", databaseName);
		return execute("deleteDatabase", params, Scope.NONE).optionalResultArray("data").size() > 0;
	}

	@Override
	public List<DatabaseInfo> listDatabases() {
		return listDatabases("");
	}

	@Override
	public List<DatabaseInfo> listDatabases(String partialDatabaseName) {
		Assert.notNull(partialDatabaseName, "'partialDatabaseName' must not be null");
		ObjectNode params = optional(NODES.objectNode(), "partialDatabaseName", partialDatabaseName);
		return list("listDatabases", params, Scope.NONE, "databases", this.settings.getMaxRecords()).stream()
			.map(DbResults::database)
			.toList();
	}

	// ------------------------------------------------------------------ tables

	@Override
	public TableDescription createTable(TableDefinition table) {
		Assert.notNull(table, "'table' must not be null");
		ObjectNode params = NODES.objectNode();
		table.writeTo(params);
		FairComResponse response = execute("createTable", params, Scope.OWNER);
		JsonNode created = firstRecord(response);
		if (created != null) {
			return DbResults.description(created);
		}
		return describeTable(table.getTableName())
			.orElseThrow(() -> FairComExceptionTranslator.incompleteResult(response,
					"the table '" + table.getTableName() + "', which describeTables does not find either"));
	}

	@Override
	public List<String> deleteTables(String... tableNames) {
		Assert.notEmpty(tableNames, "'tableNames' must not be empty");
		List<String> deleted = new ArrayList<>();
		execute("deleteTables", names(NODES.objectNode(), "tableNames", tableNames), Scope.OWNER)
			.optionalResultArray("data")
			.forEach((table) -> deleted.add(DbResults.string(table, "tableName")));
		return deleted;
	}

	@Override
	public List<TableInfo> listTables() {
		return listTables("");
	}

	@Override
	public List<TableInfo> listTables(String partialTableName) {
		Assert.notNull(partialTableName, "'partialTableName' must not be null");
		ObjectNode params = optional(NODES.objectNode(), "partialTableName", partialTableName);
		return list("listTables", params, Scope.OWNER, "tables", this.settings.getMaxRecords()).stream()
			.map(DbResults::table)
			.toList();
	}

	@Override
	public List<TableDescription> describeTables(String... tableNames) {
		Assert.notEmpty(tableNames, "'tableNames' must not be empty");
		List<TableDescription> tables = new ArrayList<>();
		execute("describeTables", names(NODES.objectNode(), "tableNames", tableNames), Scope.OWNER)
			.resultArray("data")
			.forEach((table) -> tables.add(DbResults.description(table)));
		return tables;
	}

	@Override
	public Optional<TableDescription> describeTable(String tableName) {
		Assert.hasText(tableName, "'tableName' must not be empty");
		return describeTables(tableName).stream()
			.filter((table) -> table.tableName().equalsIgnoreCase(tableName))
			.findFirst();
	}

	/**
	 * Return the first object of the answer's {@code data} array, or {@code null} when
	 * {@code data} is missing, empty, or not an array of objects.
	 */
	private static @Nullable JsonNode firstRecord(FairComResponse response) {
		JsonNode first = response.result().path("data").path(0);
		return first.isObject() ? first : null;
	}

	private static ObjectNode optional(ObjectNode params, String field, String value) {
		if (!value.isEmpty()) {
			params.put(field, value);
		}
		return params;
	}

	private static ObjectNode names(ObjectNode params, String field, String... names) {
		ArrayNode array = params.putArray(field);
		Arrays.stream(names).forEach(array::add);
		return params;
	}

	// ------------------------------------------------------------------ indexes

	@Override
	public IndexInfo createIndex(IndexDefinition index) {
		Assert.notNull(index, "'index' must not be null");
		ObjectNode params = NODES.objectNode();
		index.writeTo(params);
		FairComResponse response = execute("createIndex", params, Scope.OWNER);
		JsonNode created = firstRecord(response);
		if (created != null) {
			return DbResults.index(created);
		}
		return listIndexes(index.getTableName()).stream()
			.filter((candidate) -> candidate.indexName().equalsIgnoreCase(index.getIndexName()))
			.findFirst()
			.orElseThrow(() -> FairComExceptionTranslator.incompleteResult(response,
					"the index '" + index.getIndexName() + "', which listIndexes does not find either"));
	}

	@Override
	public List<String> deleteIndexes(String tableName, String... indexNames) {
		Assert.hasText(tableName, "'tableName' must not be empty");
		Assert.notEmpty(indexNames, "'indexNames' must not be empty");
		ObjectNode params = names(NODES.objectNode().put("tableName", tableName), "indexNames", indexNames);
		List<String> deleted = new ArrayList<>();
		execute("deleteIndexes", params, Scope.OWNER)
			.optionalResultArray("data")
			.forEach((index) -> deleted.add(DbResults.string(index, "indexName")));
		return deleted;
	}

	@Override
	public List<IndexInfo> listIndexes(String tableName) {
		Assert.hasText(tableName, "'tableName' must not be empty");
		ObjectNode params = NODES.objectNode().put("tableName", tableName);
		return list("listIndexes", params, Scope.OWNER, "indexes of table '" + tableName + "'",
				this.settings.getMaxRecords())
			.stream()
			.map(DbResults::index)
			.toList();
	}

	// ------------------------------------------------------------------ records

	@Override
	public WriteResult insert(String tableName, Collection<?> records) {
		return writeRecords("insertRecords", tableName, records, false);
	}

	@Override
	public WriteResult insert(String tableName, Object record) {
		Assert.notNull(record, "'record' must not be null");
		return insert(tableName, List.of(record));
	}

	@Override
	public WriteResult update(String tableName, Collection<?> records) {
		return writeRecords("updateRecords", tableName, records, false);
	}

	@Override
	public WriteResult update(String tableName, Object record) {
		Assert.notNull(record, "'record' must not be null");
		return update(tableName, List.of(record));
	}

	@Override
	public WriteResult updateIgnoringChangeId(String tableName, Collection<?> records) {
		return writeRecords("updateRecords", tableName, records, true);
	}

	@Override
	public WriteResult deleteByIds(String tableName, Collection<?> ids) {
		Assert.notNull(ids, "'ids' must not be null");
		return write("deleteRecords", tableName, "ids", ids(ids), null);
	}

	@Override
	public WriteResult deleteByPrimaryKeys(String tableName, Collection<PrimaryKey> keys) {
		Assert.notNull(keys, "'keys' must not be null");
		return write("deleteRecords", tableName, "primaryKeys", primaryKeys(keys), null);
	}

	private WriteResult writeRecords(String action, String tableName, Collection<?> records,
			boolean ignoreChangeIdProtection) {
		Assert.notNull(records, "'records' must not be null");
		List<JsonNode> objects = new ArrayList<>(records.size());
		this.mapper.toObjects(records).forEach(objects::add);
		return write(action, tableName, "sourceData", objects, (params) -> {
			params.put("dataFormat", "objects");
			if (ignoreChangeIdProtection) {
				params.put("ignoreChangeIdProtection", true);
			}
		});
	}

	private WriteResult write(String action, String tableName, String itemsName, List<JsonNode> items,
			@Nullable Consumer<ObjectNode> extra) {
		Assert.hasText(tableName, "'tableName' must not be empty");
		if (items.isEmpty()) {
			return new WriteResult(0, List.of(), this.mapper);
		}
		int batchSize = this.settings.getBatchSize();
		if (items.size() > batchSize && this.options.transaction() == null) {
			return inTransaction((tx) -> ((DbTemplate) tx).write(action, tableName, itemsName, items, extra));
		}
		long count = 0;
		List<WriteResult.Returned> returned = new ArrayList<>();
		for (int from = 0; from < items.size(); from += batchSize) {
			List<JsonNode> batch = items.subList(from, Math.min(items.size(), from + batchSize));
			ObjectNode params = NODES.objectNode().put("tableName", tableName);
			if (extra != null) {
				extra.accept(params);
			}
			params.putArray(itemsName).addAll(batch);
			params.put("binaryFormat", this.settings.getBinaryFormat().value());
			FairComResponse response = execute(action, params, Scope.OWNER);
			Long reported = DbResults.longValue(response.result().get("totalRecordCount"));
			count += (reported != null) ? reported : batch.size();
			for (JsonNode record : response.optionalResultArray("data")) {
				if (record instanceof ObjectNode object) {
					returned.add(new WriteResult.Returned(object, response));
				}
			}
		}
		return new WriteResult(count, returned, this.mapper);
	}

	private List<JsonNode> ids(Collection<?> ids) {
		List<JsonNode> values = new ArrayList<>(ids.size());
		for (Object id : ids) {
			Assert.notNull(id, "'ids' must not contain null");
			values.add(this.mapper.toValue(id));
		}
		return values;
	}

	private List<JsonNode> primaryKeys(Collection<PrimaryKey> keys) {
		List<JsonNode> values = new ArrayList<>(keys.size());
		for (PrimaryKey key : keys) {
			Assert.notNull(key, "'keys' must not contain null");
			ArrayNode parts = NODES.arrayNode();
			for (PrimaryKey.Part part : key.parts()) {
				parts.addObject().put("fieldName", part.fieldName()).set("value", this.mapper.toValue(part.value()));
			}
			values.add(parts);
		}
		return values;
	}

	// ------------------------------------------------------------------ queries

	@Override
	public <T> List<T> getRecordsByIds(String tableName, Collection<?> ids, Class<T> type) {
		Assert.notNull(ids, "'ids' must not be null");
		return readByKeys(tableName, "ids", ids(ids), type);
	}

	@Override
	public <T> List<T> getRecordsByPrimaryKeys(String tableName, Collection<PrimaryKey> keys, Class<T> type) {
		Assert.notNull(keys, "'keys' must not be null");
		return readByKeys(tableName, "primaryKeys", primaryKeys(keys), type);
	}

	private <T> List<T> readByKeys(String tableName, String keysName, List<JsonNode> keys, Class<T> type) {
		Assert.hasText(tableName, "'tableName' must not be empty");
		Assert.notNull(type, "'type' must not be null");
		List<T> records = new ArrayList<>(keys.size());
		int batchSize = this.settings.getBatchSize();
		for (int from = 0; from < keys.size(); from += batchSize) {
			ObjectNode params = NODES.objectNode().put("tableName", tableName);
			params.putArray(keysName).addAll(keys.subList(from, Math.min(keys.size(), from + batchSize)));
			params.put("binaryFormat", this.settings.getBinaryFormat().value());
			FairComResponse response = execute("getRecordsByIds", params, Scope.OWNER);
			records.addAll(this.mapper.readAll(response.resultArray("data"), type, response));
		}
		return records;
	}

	@Override
	public TableQuery getRecordsByTable(String tableName) {
		return tableQuery("getRecordsByTable", tableName, NODES.objectNode());
	}

	@Override
	public TableQuery getRecordsByIndex(String tableName, String indexName) {
		Assert.hasText(indexName, "'indexName' must not be empty");
		return tableQuery("getRecordsByIndex", tableName, NODES.objectNode().put("indexName", indexName));
	}

	@Override
	public TableQuery getRecordsInKeyRange(String tableName, KeyRange range) {
		Assert.notNull(range, "'range' must not be null");
		ObjectNode params = NODES.objectNode();
		ObjectNode filter = params.putObject("indexFilter").put("indexName", range.indexName());
		ArrayNode bounds = filter.putArray("indexFieldFilters");
		for (KeyRange.Bound bound : range.bounds()) {
			bounds.addObject()
				.put("fieldName", bound.fieldName())
				.put("operator", bound.operator().symbol())
				.set("value", this.mapper.toValue(bound.value()));
		}
		params.put("binaryFormat", this.settings.getBinaryFormat().value());
		return tableQuery("getRecordsInKeyRange", tableName, params);
	}

	@Override
	public TableQuery getRecordsStartingAtKey(String tableName, StartKey key) {
		Assert.notNull(key, "'key' must not be null");
		Assert.isTrue(!key.fields().isEmpty(), "'key' must have at least one field");
		ObjectNode params = NODES.objectNode();
		ObjectNode filter = params.putObject("indexFilter")
			.put("indexName", key.indexName())
			.put("operator", key.operator().symbol());
		ArrayNode fields = filter.putArray("indexFields");
		for (StartKey.Field field : key.fields()) {
			fields.addObject().put("fieldName", field.fieldName()).set("value", this.mapper.toValue(field.value()));
		}
		params.put("binaryFormat", this.settings.getBinaryFormat().value());
		return tableQuery("getRecordsStartingAtKey", tableName, params);
	}

	private TableQuery tableQuery(String action, String tableName, ObjectNode params) {
		Assert.hasText(tableName, "'tableName' must not be empty");
		ObjectNode base = NODES.objectNode().put("tableName", tableName);
		base.setAll(params);
		return new DefaultRecordQuery(this, action, base, Scope.OWNER, "table '" + tableName + "'");
	}

	@Override
	public SqlQuery getRecordsUsingSQL(String sql, @Nullable Object... params) {
		Assert.hasText(sql, "'sql' must not be empty");
		DefaultRecordQuery query = new DefaultRecordQuery(this, "getRecordsUsingSQL",
				NODES.objectNode().put("sql", sql), Scope.DATABASE, "SQL query");
		return (params != null && params.length > 0) ? query.params(params) : query;
	}

	@Override
	public <T> List<T> query(String sql, Class<T> type, @Nullable Object... params) {
		return getRecordsUsingSQL(sql, params).list(type);
	}

	// ------------------------------------------------------------------ transactions

	@Override
	public String createTransaction() {
		return beginTransaction().transactionId;
	}

	private TransactionState beginTransaction() {
		FairComResponse response = execute("createTransaction", NODES.objectNode(), Scope.NONE, false, null);
		String transactionId = DbResults.text(response.result(), "transactionId", null);
		if (transactionId == null || transactionId.isEmpty()) {
			throw FairComExceptionTranslator.incompleteResult(response, "a transactionId");
		}
		this.transactions.opened(transactionId, response.session());
		return new TransactionState(transactionId, response.session());
	}

	@Override
	public void commitTransaction(String transactionId) {
		Assert.hasText(transactionId, "'transactionId' must not be empty");
		endTransaction("commitTransaction", transactionId, this.transactions.sessionOf(transactionId));
	}

	@Override
	public void rollbackTransaction(String transactionId) {
		Assert.hasText(transactionId, "'transactionId' must not be empty");
		endTransaction("rollbackTransaction", transactionId, this.transactions.sessionOf(transactionId));
	}

	/**
	 * Commit or roll back on the transaction's own session. The transaction is forgotten
	 * once the server answered; after a transport failure or an expired session later
	 * calls on it stay bound to its session.
	 */
	private void endTransaction(String action, String transactionId, @Nullable FairComSession session) {
		try {
			execute(action, NODES.objectNode().put("transactionId", transactionId), Scope.NONE, false, session);
		}
		catch (FairComSessionExpiredException | FairComTransportException ex) {
			throw ex;
		}
		catch (FairComException ex) {
			this.transactions.ended(transactionId, session);
			throw ex;
		}
		this.transactions.ended(transactionId, session);
	}

	@Override
	public <R> R inTransaction(Function<? super DbTransaction, ? extends R> callback) {
		Assert.notNull(callback, "'callback' must not be null");
		TransactionState joined = this.options.transaction();
		if (joined != null) {
			try {
				return callback.apply(new Transaction(this, this.options, joined));
			}
			catch (RuntimeException | Error ex) {
				joined.failedJoin = ex;
				joined.rollbackOnly.set(true);
				throw ex;
			}
		}
		TransactionState state = beginTransaction();
		try {
			return runInTransaction(state, callback);
		}
		finally {
			this.transactions.ended(state.transactionId, state.session);
		}
	}

	private <R> R runInTransaction(TransactionState state, Function<? super DbTransaction, ? extends R> callback) {
		Transaction transaction = new Transaction(this, this.options.withTransaction(state), state);
		R result;
		try {
			result = callback.apply(transaction);
		}
		catch (RuntimeException | Error ex) {
			rollbackAfter(state, ex);
			throw ex;
		}
		if (state.rollbackOnly.get()) {
			endTransaction("rollbackTransaction", state.transactionId, state.session);
			Throwable failedJoin = state.failedJoin;
			if (failedJoin != null) {
				throw new IllegalStateException("Transaction rolled back because a nested inTransaction call failed "
						+ "and its exception was caught: " + failedJoin, failedJoin);
			}
		}
		else {
			commit(state);
		}
		return result;
	}

	@Override
	public void inTransactionWithoutResult(Consumer<? super DbTransaction> callback) {
		Assert.notNull(callback, "'callback' must not be null");
		inTransaction((transaction) -> {
			callback.accept(transaction);
			return null;
		});
	}

	private void commit(TransactionState state) {
		try {
			endTransaction("commitTransaction", state.transactionId, state.session);
		}
		catch (FairComTransportException ex) {
			rollbackAfter(state, ex);
			throw ex;
		}
	}

	private void rollbackAfter(TransactionState state, Throwable failure) {
		if (failure instanceof FairComSessionExpiredException) {
			return;
		}
		try {
			endTransaction("rollbackTransaction", state.transactionId, state.session);
		}
		catch (RuntimeException ex) {
			failure.addSuppressed(ex);
		}
	}

	// ------------------------------------------------------------------ running actions

	FairComResponse execute(String action, ObjectNode params, Scope scope) {
		return execute(action, params, scope, true, null);
	}

	/**
	 * Run an action of this view.
	 * @param enlist whether the action joins the view's transaction
	 * @param session the session the action belongs to (its cursor's or transaction's), or
	 * {@code null} for the transaction's session if it joins one, else the current one
	 */
	FairComResponse execute(String action, ObjectNode params, Scope scope, boolean enlist,
			@Nullable FairComSession session) {
		if (scope != Scope.NONE && this.options.databaseName() != null && !params.has("databaseName")) {
			params.put("databaseName", this.options.databaseName());
		}
		if (scope == Scope.OWNER && this.options.ownerName() != null && !params.has("ownerName")) {
			params.put("ownerName", this.options.ownerName());
		}
		TransactionState transaction = this.options.transaction();
		FairComSession bound = session;
		if (enlist && transaction != null) {
			params.put("transactionId", transaction.transactionId);
			if (bound == null) {
				bound = transaction.session;
			}
		}
		FairComRequest request = FairComRequest.builder(action)
			.api(API)
			.params(params)
			.responseOptions(responseOptions())
			.timeout(this.options.timeout())
			.boundTo(bound)
			.build();
		return this.operations.execute(request);
	}

	private ObjectNode responseOptions() {
		ObjectNode responseOptions = NODES.objectNode()
			.put("dataFormat", "objects")
			.put("numberFormat", this.settings.getNumberFormat().value())
			.put("binaryFormat", this.settings.getBinaryFormat().value());
		if (this.options.responseOptions() != null) {
			responseOptions.setAll(this.options.responseOptions());
		}
		return responseOptions;
	}

	/**
	 * Run a list action with {@code maxRecords} one above the limit and fail if the server
	 * has more records than the limit.
	 */
	List<JsonNode> list(String action, ObjectNode params, Scope scope, String subject, int limit) {
		params.put("maxRecords", limit + 1);
		FairComResponse response = execute(action, params, scope);
		JsonNode data = response.resultArray("data");
		if (data.size() > limit) {
			throw new FairComRecordLimitExceededException(response.api(), action, response.requestId(), subject,
					limit);
		}
		List<JsonNode> records = new ArrayList<>(data.size());
		data.forEach(records::add);
		return records;
	}

	RecordMapper mapper() {
		return this.mapper;
	}

	void closeCursor(String cursorId, @Nullable FairComSession session) {
		try {
			execute("closeCursor", NODES.objectNode().put("cursorId", cursorId), Scope.NONE, false, session);
		}
		catch (FairComSessionExpiredException ex) {
			logger.debug("FairCom cursor not closed: its session expired and the server closed it: "
					+ ex.getMessage());
		}
		catch (FairComException ex) {
			logger.warn("Could not close FairCom cursor: " + ex.getMessage());
		}
	}

	@Override
	public String toString() {
		return "DbTemplate[" + this.settings + ", " + this.options + "]";
	}

	/**
	 * Which of the view's {@code databaseName} and {@code ownerName} an action takes.
	 */
	enum Scope {

		NONE, DATABASE, OWNER

	}

	/**
	 * The per-call options of a view.
	 */
	record CallOptions(@Nullable String databaseName, @Nullable String ownerName, @Nullable Duration timeout,
			@Nullable ObjectNode responseOptions, @Nullable TransactionState transaction) {

		static final CallOptions NONE = new CallOptions(null, null, null, null, null);

		CallOptions withDatabase(String databaseName) {
			return new CallOptions(databaseName, this.ownerName, this.timeout, this.responseOptions, this.transaction);
		}

		CallOptions withOwner(String ownerName) {
			return new CallOptions(this.databaseName, ownerName, this.timeout, this.responseOptions, this.transaction);
		}

		CallOptions withTimeout(Duration timeout) {
			return new CallOptions(this.databaseName, this.ownerName, timeout, this.responseOptions, this.transaction);
		}

		CallOptions withResponseOptions(ObjectNode responseOptions) {
			return new CallOptions(this.databaseName, this.ownerName, this.timeout, responseOptions, this.transaction);
		}

		CallOptions withTransaction(TransactionState transaction) {
			return new CallOptions(this.databaseName, this.ownerName, this.timeout, this.responseOptions, transaction);
		}

		@Override
		public String toString() {
			return "CallOptions[databaseName=" + this.databaseName + ", ownerName=" + this.ownerName + ", timeout="
					+ this.timeout + ", responseOptions=" + this.responseOptions + ", inTransaction="
					+ (this.transaction != null) + "]";
		}

	}

	/**
	 * A transaction shared by the views that run in it.
	 */
	static final class TransactionState {

		final String transactionId;

		final @Nullable FairComSession session;

		final AtomicBoolean rollbackOnly = new AtomicBoolean();

		volatile @Nullable Throwable failedJoin;

		TransactionState(String transactionId, @Nullable FairComSession session) {
			this.transactionId = transactionId;
			this.session = session;
		}

	}

	/**
	 * The sessions of the open transactions, by id, shared by a template and its views.
	 * Forgotten when a transaction ends; past {@link #MAX_REMEMBERED} entries, those of
	 * sessions other than the newest transaction's are dropped.
	 */
	static final class TransactionSessions {

		static final int MAX_REMEMBERED = 1024;

		private final ConcurrentMap<String, FairComSession> sessions = new ConcurrentHashMap<>();

		void opened(String transactionId, @Nullable FairComSession session) {
			if (session == null) {
				return;
			}
			this.sessions.put(transactionId, session);
			if (this.sessions.size() > MAX_REMEMBERED) {
				this.sessions.values().removeIf((other) -> other != session);
			}
		}

		@Nullable FairComSession sessionOf(String transactionId) {
			return this.sessions.get(transactionId);
		}

		void ended(String transactionId, @Nullable FairComSession session) {
			if (session != null) {
				this.sessions.remove(transactionId, session);
			}
		}

		int size() {
			return this.sessions.size();
		}

	}

	/**
	 * The operations passed to an {@link #inTransaction} callback.
	 */
	private static final class Transaction extends DbTemplate implements DbTransaction {

		private final TransactionState state;

		Transaction(DbTemplate template, CallOptions options, TransactionState state) {
			super(template.operations, template.settings, template.mapper, options, template.transactions);
			this.state = state;
		}

		@Override
		public String getTransactionId() {
			return this.state.transactionId;
		}

		@Override
		public void setRollbackOnly() {
			this.state.rollbackOnly.set(true);
		}

		@Override
		public boolean isRollbackOnly() {
			return this.state.rollbackOnly.get();
		}

		@Override
		public String toString() {
			return "DbTransaction[" + getSettings() + "]";
		}

	}

}
