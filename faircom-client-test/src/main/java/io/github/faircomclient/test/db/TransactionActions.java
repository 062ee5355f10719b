package io.github.faircomclient.test.db;

import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Transactions: createTransaction, commitTransaction, rollbackTransaction,
 * createTransactionSavepoint, revertToTransactionSavepoint (also spelled
 * revertTransactionToSavepoint) and listTransactions.
 */
final class TransactionActions {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final String SAVEPOINT_ID = "transactionSavepointId";

	private final DbApi api;

	TransactionActions(DbApi api) {
		this.api = api;
	}

	@Nullable ObjectNode createTransaction(DbRequestContext context, JsonNode params) {
		String id = this.api.newId();
		this.api.registerTransaction(new ServerTransaction(id, context.sessionKey(), context.username(),
				Params.string(params, "transactionDescription"), this.api.now()));
		ObjectNode result = NODES.objectNode();
		result.put("transactionId", id);
		return result;
	}

	@Nullable ObjectNode commitTransaction(DbRequestContext context, JsonNode params) {
		ServerTransaction transaction = this.api.transaction(context, Params.requireString(params, "transactionId"));
		Long savepointId = savepointId(params, false);
		transaction.lock().lock();
		try {
			if (!transaction.isOpen()) {
				throw DbError.UNKNOWN_TRANSACTION.exception(transaction.id());
			}
			if (savepointId != null) {
				transaction.checkSavepoint(savepointId);
			}
			end(transaction);
			if (savepointId != null) {
				transaction.revertTo(savepointId);
			}
			transaction.commit();
		}
		catch (SQLException ex) {
			transaction.rollback();
			throw this.api.translate(ex, null);
		}
		finally {
			transaction.lock().unlock();
		}
		return null;
	}

	@Nullable ObjectNode rollbackTransaction(DbRequestContext context, JsonNode params) {
		ServerTransaction transaction = this.api.transaction(context, Params.requireString(params, "transactionId"));
		if (Params.node(params, SAVEPOINT_ID) != null) {
			throw DbError.NOT_EMULATED.exception(SAVEPOINT_ID, "rollbackTransaction");
		}
		transaction.lock().lock();
		try {
			if (!transaction.isOpen()) {
				throw DbError.UNKNOWN_TRANSACTION.exception(transaction.id());
			}
			end(transaction);
			transaction.rollback();
		}
		finally {
			transaction.lock().unlock();
		}
		return null;
	}

	private void end(ServerTransaction transaction) {
		this.api.closeCursorsOf(transaction);
		this.api.removeTransaction(transaction);
	}

	@Nullable ObjectNode createTransactionSavepoint(DbRequestContext context, JsonNode params) {
		ServerTransaction transaction = this.api.transaction(context, Params.requireString(params, "transactionId"));
		transaction.lock().lock();
		try {
			if (!transaction.isOpen()) {
				throw DbError.UNKNOWN_TRANSACTION.exception(transaction.id());
			}
			ObjectNode result = NODES.objectNode();
			result.put(SAVEPOINT_ID, transaction.createSavepoint());
			return result;
		}
		catch (SQLException ex) {
			throw this.api.translate(ex, null);
		}
		finally {
			transaction.lock().unlock();
		}
	}

	@Nullable ObjectNode revertToTransactionSavepoint(DbRequestContext context, JsonNode params) {
		ServerTransaction transaction = this.api.transaction(context, Params.requireString(params, "transactionId"));
		Long savepointId = savepointId(params, true);
		transaction.lock().lock();
		try {
			if (!transaction.isOpen()) {
				throw DbError.UNKNOWN_TRANSACTION.exception(transaction.id());
			}
			transaction.revertTo(savepointId);
			return null;
		}
		catch (SQLException ex) {
			throw this.api.translate(ex, null);
		}
		finally {
			transaction.lock().unlock();
		}
	}

	/**
	 * Reads {@code transactionSavepointId}: an integer, or a string holding one (as the documented
	 * commitTransaction example sends it).
	 */
	private static @Nullable Long savepointId(JsonNode params, boolean required) {
		if (Params.node(params, SAVEPOINT_ID) == null) {
			if (required) {
				throw DbError.MISSING_PARAMETER.exception(SAVEPOINT_ID);
			}
			return null;
		}
		return Params.integer(params, SAVEPOINT_ID, 0);
	}

	@Nullable ObjectNode listTransactions(DbRequestContext context, JsonNode params) {
		String username = Params.string(params, "username");
		RecordFormat format = context.format();
		List<ServerTransaction> listed = this.api.transactions().stream()
			.filter(ServerTransaction::isOpen)
			.filter((transaction) -> context.administrator() || transaction.sessionKey().equals(context.sessionKey()))
			.filter((transaction) -> username == null || transaction.username().equalsIgnoreCase(username))
			.sorted(Comparator.comparing(ServerTransaction::created))
			.toList();
		List<String> names = List.of("authToken", "username", "transactionId", "transactionDescription");
		List<Integer> lengths = List.of(64, 64, 64, 255);
		ObjectNode result = NODES.objectNode();
		result.put("dataFormat", format.dataFormat());
		ArrayNode fields = result.putArray("fields");
		for (int i = 0; i < names.size(); i++) {
			if (format.returns(names.get(i))) {
				fields.add(DatabaseActions.metaField(names.get(i), "varchar", lengths.get(i)));
			}
		}
		ArrayNode data = result.putArray("data");
		for (ServerTransaction transaction : listed) {
			String description = transaction.description();
			List<String> values = List.of(transaction.sessionKey(), transaction.username(), transaction.id(),
					(description != null) ? description : "");
			ObjectNode row = NODES.objectNode();
			for (int i = 0; i < names.size(); i++) {
				if (format.returns(names.get(i))) {
					row.put(names.get(i), values.get(i));
				}
			}
			if (format.arrays()) {
				data.addArray().addAll(row.values());
			}
			else {
				data.add(row);
			}
		}
		return result;
	}
}
