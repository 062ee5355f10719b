package io.github.faircomclient.db;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.github.faircomclient.FairComRecordLimitExceededException;
import io.github.faircomclient.core.FairComOperations;
import io.github.faircomclient.core.FairComRequest;
import io.github.faircomclient.core.FairComResponse;
import io.github.faircomclient.session.FairComSession;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * How a view of {@link DbTemplate} runs an action: it adds the view's
 * {@code databaseName}, {@code ownerName} and {@code transactionId}, binds the call to the
 * session of the transaction or cursor it continues, sends the record layout
 * {@code responseOptions} and the view's timeout; and the one check that a list-returning
 * action found no more records than its limit. Immutable; a view is a copy with other
 * {@link CallOptions}.
 */
final class DbCalls {

	static final String API = "db";

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private final FairComOperations operations;

	private final DbSettings settings;

	private final RecordMapper mapper;

	private final CallOptions options;

	DbCalls(FairComOperations operations, DbSettings settings, RecordMapper mapper, CallOptions options) {
		this.operations = operations;
		this.settings = settings;
		this.mapper = mapper;
		this.options = options;
	}

	DbCalls withOptions(CallOptions options) {
		return new DbCalls(this.operations, this.settings, this.mapper, options);
	}

	FairComOperations operations() {
		return this.operations;
	}

	DbSettings settings() {
		return this.settings;
	}

	RecordMapper mapper() {
		return this.mapper;
	}

	CallOptions options() {
		return this.options;
	}

	/**
	 * Return the transaction the view's actions run in: its own ({@code withTransaction},
	 * an {@code inTransaction} callback), else the one a transaction manager bound to the
	 * template on this thread.
	 * @return the transaction, or {@code null} outside one
	 */
	@Nullable DbTransactionHolder transaction() {
		DbTransactionHolder own = this.options.transaction();
		return (own != null) ? own : DbTransactionHolder.current(this.operations);
	}

	static ObjectNode objectNode() {
		return NODES.objectNode();
	}

	/**
	 * Run an action of the view in the view's transaction, if any. A transaction that a
	 * transaction manager bound to the template is joined by the template itself, for typed
	 * calls and the escape hatch alike.
	 * @param action the action
	 * @param params the parameters; the view's database, owner and transaction are added
	 * @param scope which of the view's database and owner the action takes
	 * @return the answer
	 */
	FairComResponse execute(String action, ObjectNode params, Scope scope) {
		DbTransactionHolder transaction = this.options.transaction();
		if (transaction != null) {
			params.put("transactionId", transaction.getTransactionId());
		}
		return send(action, scoped(params, scope), (transaction != null) ? transaction.getSession() : null);
	}

	/**
	 * Run an action that cannot run in a transaction (alterTable, the rebuilds,
	 * runSqlStatements) outside every transaction: with the view's database and owner, but
	 * neither the view's {@code transactionId} nor its session; a transaction that a
	 * transaction manager bound to the template does not join it either
	 * ({@code TransactionJoin}).
	 * @param action the action
	 * @param params the parameters; the view's database and owner are added
	 * @param scope which of the view's database and owner the action takes
	 * @return the answer
	 */
	FairComResponse executeOutsideTransaction(String action, ObjectNode params, Scope scope) {
		return send(action, scoped(params, scope), null);
	}

	/**
	 * Run an action on a transaction or cursor it names itself, bound to that work's
	 * session; the view's database, owner and transaction are not added.
	 * @param action the action
	 * @param params the parameters, with the {@code transactionId} or {@code cursorId}
	 * @param session the session of the transaction or cursor, or {@code null} for the
	 * current one
	 * @return the answer
	 */
	FairComResponse executeOn(String action, ObjectNode params, @Nullable FairComSession session) {
		return send(action, params, session);
	}

	private ObjectNode scoped(ObjectNode params, Scope scope) {
		if (scope != Scope.NONE && this.options.databaseName() != null && !params.has("databaseName")) {
			params.put("databaseName", this.options.databaseName());
		}
		if (scope == Scope.OWNER && this.options.ownerName() != null && !params.has("ownerName")) {
			params.put("ownerName", this.options.ownerName());
		}
		return params;
	}

	private FairComResponse send(String action, ObjectNode params, @Nullable FairComSession session) {
		FairComRequest request = FairComRequest.builder(action)
			.api(API)
			.params(params)
			.responseOptions(responseOptions())
			.timeout(this.options.timeout())
			.boundTo(session)
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
		JsonNode data = withinLimit(execute(action, params, scope), subject, limit);
		List<JsonNode> records = new ArrayList<>(data.size());
		data.forEach(records::add);
		return records;
	}

	/**
	 * Return the {@code data} array of an answer to a request that asked for one record
	 * more than the limit, or fail if the server found more than the limit.
	 * @param response the answer
	 * @param subject what was listed, for the message
	 * @param limit the limit
	 * @return the records
	 * @throws FairComRecordLimitExceededException if there are more than {@code limit}
	 */
	static JsonNode withinLimit(FairComResponse response, String subject, int limit) {
		JsonNode data = response.resultArray("data");
		if (data.size() > limit) {
			throw new FairComRecordLimitExceededException(response.api(), response.action(), response.requestId(),
					subject, limit);
		}
		return data;
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
			@Nullable ObjectNode responseOptions, @Nullable DbTransactionHolder transaction) {

		static final CallOptions NONE = new CallOptions(null, null, null, null, null);

		CallOptions withDatabase(String databaseName) {
			return new CallOptions(databaseName, this.ownerName, this.timeout, this.responseOptions, this.transaction);
		}

		CallOptions withOwner(String ownerName) {
			return new CallOptions(this.databaseName, ownerName, this.timeout, this.responseOptions, this.transaction);
		}

		CallOptions withTimeout(@Nullable Duration timeout) {
			return new CallOptions(this.databaseName, this.ownerName, timeout, this.responseOptions, this.transaction);
		}

		CallOptions withResponseOptions(ObjectNode responseOptions) {
			return new CallOptions(this.databaseName, this.ownerName, this.timeout, responseOptions, this.transaction);
		}

		CallOptions withTransaction(DbTransactionHolder transaction) {
			return new CallOptions(this.databaseName, this.ownerName, this.timeout, this.responseOptions, transaction);
		}

		@Override
		public String toString() {
			return "CallOptions[databaseName=" + this.databaseName + ", ownerName=" + this.ownerName + ", timeout="
					+ this.timeout + ", responseOptions=" + this.responseOptions + ", inTransaction="
					+ (this.transaction != null) + "]";
		}

	}

}
