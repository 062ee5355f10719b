package io.github.faircomclient.db;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import io.github.faircomclient.FairComException;
import io.github.faircomclient.FairComFailureKind;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Decides what happened to a batch whose {@code commitTransaction} answer was lost (the
 * connection broke, the answer came too late or cut off): the commit may or may not have
 * run, and the batch is never simply sent again. First {@code listTransactions}: if the
 * batch's transaction is still open, the commit did not happen, and a successful rollback
 * makes sure it never will. Otherwise the transaction is over, committed or rolled back,
 * and the batch's records are read back by primary key: all there (for updates, with the
 * change ids the update answered) means written, none means not written. Anything else,
 * or a check that fails, leaves the batch in doubt.
 * <p>
 * The keys come from the write's answer when it returned one record per record sent
 * (FairCom does not document that it does), else from the records sent, for the primary
 * key fields {@code describeTables} names. Updates can only be told apart by their change
 * ids, so an update of a table without a change-id field stays in doubt.
 */
final class LostCommitCheck {

	private final DbCalls calls;

	private final DbTransactions transactions;

	private final String action;

	private final String tableName;

	LostCommitCheck(DbCalls calls, DbTransactions transactions, String action, String tableName) {
		this.calls = calls;
		this.transactions = transactions;
		this.action = action;
		this.tableName = tableName;
	}

	/**
	 * What a check found.
	 */
	enum Verdict {

		WRITTEN, NOT_WRITTEN, IN_DOUBT

	}

	/**
	 * Decide what happened to a batch whose commit's answer was lost.
	 * @param batch the batch
	 * @param transaction its transaction
	 * @param returned the records the write answered with, or an empty array
	 * @param lost the failure of the commit; the failures of the check are attached to it
	 * @return the verdict
	 */
	Verdict check(BulkBatch batch, DbTransactionHolder transaction, JsonNode returned, FairComException lost) {
		try {
			if (isOpen(transaction)) {
				try {
					this.transactions.rollback(transaction);
					return Verdict.NOT_WRITTEN;
				}
				catch (FairComException ex) {
					lost.addSuppressed(ex);
					if (ex.getFailureKind() != FairComFailureKind.ACTION_FAILED) {
						return Verdict.IN_DOUBT;
					}
				}
			}
			this.transactions.over(transaction);
			return readBack(batch, returned);
		}
		catch (FairComException | IllegalArgumentException ex) {
			lost.addSuppressed(ex);
			return Verdict.IN_DOUBT;
		}
	}

	private boolean isOpen(DbTransactionHolder transaction) {
		return this.transactions.listTransactions(null)
			.stream()
			.anyMatch((open) -> open.transactionId().equals(transaction.getTransactionId()));
	}

	private Verdict readBack(BulkBatch batch, JsonNode returned) {
		Optional<TableDescription> table = new DbSchema(this.calls).describeTable(this.tableName);
		if (table.isEmpty() || table.get().primaryKeyFields().isEmpty()) {
			return Verdict.IN_DOUBT;
		}
		List<String> keyFields = table.get().primaryKeyFields();
		boolean update = "updateRecords".equals(this.action);
		String changeIdField = table.get().changeIdField();
		if (update && changeIdField == null) {
			return Verdict.IN_DOUBT;
		}
		JsonNode expected = (returned.size() == batch.count()) ? returned
				: (update) ? null : batch.readBack(this.calls.mapper().mapper());
		if (expected == null) {
			return Verdict.IN_DOUBT;
		}
		Map<String, @Nullable String> wanted = new HashMap<>();
		List<PrimaryKey> keys = new ArrayList<>();
		for (JsonNode record : expected) {
			String key = key(record, keyFields);
			if (key == null) {
				return Verdict.IN_DOUBT;
			}
			wanted.put(key, (update) ? text(record, changeIdField) : null);
			PrimaryKey primaryKey = null;
			for (String field : keyFields) {
				JsonNode value = value(record, field);
				primaryKey = (primaryKey != null) ? primaryKey.and(field, value) : PrimaryKey.of(field, value);
			}
			keys.add(primaryKey);
		}
		int matching = 0;
		for (ObjectNode found : new DbQueries(this.calls).getRecordsByPrimaryKeys(this.tableName, keys,
				ObjectNode.class)) {
			String key = key(found, keyFields);
			if (key != null && wanted.containsKey(key)) {
				String changeId = wanted.remove(key);
				if (!update || (changeId != null && changeId.equals(text(found, changeIdField)))) {
					matching++;
				}
			}
		}
		if (matching == expected.size()) {
			return Verdict.WRITTEN;
		}
		return (matching == 0) ? Verdict.NOT_WRITTEN : Verdict.IN_DOUBT;
	}

	private static @Nullable String key(JsonNode record, List<String> keyFields) {
		StringBuilder key = new StringBuilder();
		for (String field : keyFields) {
			String value = text(record, field);
			if (value == null) {
				return null;
			}
			key.append(value.length()).append(':').append(value);
		}
		return key.toString();
	}

	private static @Nullable String text(JsonNode record, @Nullable String field) {
		JsonNode value = (field != null) ? value(record, field) : null;
		return (value == null || value.isNull() || value.isContainer()) ? null : value.asString();
	}

	private static @Nullable JsonNode value(JsonNode record, String field) {
		JsonNode value = record.get(field);
		if (value != null) {
			return value;
		}
		String lowerCase = field.toLowerCase(Locale.ROOT);
		for (Map.Entry<String, JsonNode> property : record.properties()) {
			if (property.getKey().toLowerCase(Locale.ROOT).equals(lowerCase)) {
				return property.getValue();
			}
		}
		return null;
	}

}
