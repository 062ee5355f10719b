package io.github.faircomclient.db;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

import io.github.faircomclient.core.FairComResponse;
import io.github.faircomclient.db.DbCalls.Scope;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The batched writes of {@link DbTemplate}: records go out in batches of
 * {@code faircom.db.batch-size}; more than one batch outside a transaction run in a
 * transaction of their own, so a call writes all its records or none. Inside a
 * transaction the batches simply join it.
 */
final class DbWrites {

	private final DbCalls calls;

	private final DbTransactions transactions;

	DbWrites(DbCalls calls, DbTransactions transactions) {
		this.calls = calls;
		this.transactions = transactions;
	}

	WriteResult writeRecords(String action, String tableName, Collection<?> records,
			boolean ignoreChangeIdProtection) {
		Assert.notNull(records, "'records' must not be null");
		List<JsonNode> objects = new ArrayList<>(records.size());
		this.calls.mapper().toObjects(records).forEach(objects::add);
		return write(action, tableName, "sourceData", objects, (params) -> {
			params.put("dataFormat", "objects");
			if (ignoreChangeIdProtection) {
				params.put("ignoreChangeIdProtection", true);
			}
		});
	}

	WriteResult deleteByIds(String tableName, Collection<?> ids) {
		Assert.notNull(ids, "'ids' must not be null");
		return write("deleteRecords", tableName, "ids", this.calls.mapper().toIds(ids), null);
	}

	WriteResult deleteByPrimaryKeys(String tableName, Collection<PrimaryKey> keys) {
		Assert.notNull(keys, "'keys' must not be null");
		return write("deleteRecords", tableName, "primaryKeys", this.calls.mapper().toPrimaryKeys(keys), null);
	}

	private WriteResult write(String action, String tableName, String itemsName, List<JsonNode> items,
			@Nullable Consumer<ObjectNode> extra) {
		Assert.hasText(tableName, "'tableName' must not be empty");
		if (items.isEmpty()) {
			return new WriteResult(0, List.of(), this.calls.mapper());
		}
		if (items.size() > this.calls.settings().getBatchSize() && this.calls.transaction() == null) {
			return this.transactions.inNewTransaction((calls) -> new DbWrites(calls, this.transactions)
				.writeBatches(action, tableName, itemsName, items, extra));
		}
		return writeBatches(action, tableName, itemsName, items, extra);
	}

	private WriteResult writeBatches(String action, String tableName, String itemsName, List<JsonNode> items,
			@Nullable Consumer<ObjectNode> extra) {
		int batchSize = this.calls.settings().getBatchSize();
		long count = 0;
		List<WriteResult.Returned> returned = new ArrayList<>();
		for (int from = 0; from < items.size(); from += batchSize) {
			List<JsonNode> batch = items.subList(from, Math.min(items.size(), from + batchSize));
			ObjectNode params = DbCalls.objectNode().put("tableName", tableName);
			if (extra != null) {
				extra.accept(params);
			}
			params.putArray(itemsName).addAll(batch);
			params.put("binaryFormat", this.calls.settings().getBinaryFormat().value());
			FairComResponse response = this.calls.execute(action, params, Scope.OWNER);
			Long reported = DbResults.longValue(response.result().get("totalRecordCount"));
			count += (reported != null) ? reported : batch.size();
			for (JsonNode record : response.optionalResultArray("data")) {
				if (record instanceof ObjectNode object) {
					returned.add(new WriteResult.Returned(object, response));
				}
			}
		}
		return new WriteResult(count, returned, this.calls.mapper());
	}

}
