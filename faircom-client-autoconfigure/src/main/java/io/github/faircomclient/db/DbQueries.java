package io.github.faircomclient.db;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

import io.github.faircomclient.core.FairComResponse;
import io.github.faircomclient.db.DbCalls.Scope;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The reads of {@link DbTemplate}: records by key in batches, and the table and SQL
 * queries ({@link DefaultRecordQuery}).
 */
final class DbQueries {

	private final DbCalls calls;

	DbQueries(DbCalls calls) {
		this.calls = calls;
	}

	<T> List<T> getRecordsByIds(String tableName, Collection<?> ids, Class<T> type) {
		Assert.notNull(ids, "'ids' must not be null");
		return readByKeys(tableName, "ids", this.calls.mapper().toIds(ids), type);
	}

	<T> List<T> getRecordsByPrimaryKeys(String tableName, Collection<PrimaryKey> keys, Class<T> type) {
		Assert.notNull(keys, "'keys' must not be null");
		return readByKeys(tableName, "primaryKeys", this.calls.mapper().toPrimaryKeys(keys), type);
	}

	private <T> List<T> readByKeys(String tableName, String keysName, List<JsonNode> keys, Class<T> type) {
		Assert.hasText(tableName, "'tableName' must not be empty");
		Assert.notNull(type, "'type' must not be null");
		List<T> records = new ArrayList<>(keys.size());
		int batchSize = this.calls.settings().getBatchSize();
		for (int from = 0; from < keys.size(); from += batchSize) {
			ObjectNode params = DbCalls.objectNode().put("tableName", tableName);
			params.putArray(keysName).addAll(keys.subList(from, Math.min(keys.size(), from + batchSize)));
			params.put("binaryFormat", this.calls.settings().getBinaryFormat().value());
			FairComResponse response = this.calls.execute("getRecordsByIds", params, Scope.OWNER);
			records.addAll(this.calls.mapper().readAll(response.resultArray("data"), type, response));
		}
		return records;
	}

	TableQuery getRecordsByTable(String tableName) {
		return tableQuery("getRecordsByTable", tableName, DbCalls.objectNode());
	}

	TableQuery getRecordsByIndex(String tableName, String indexName) {
		Assert.hasText(indexName, "'indexName' must not be empty");
		return tableQuery("getRecordsByIndex", tableName, DbCalls.objectNode().put("indexName", indexName));
	}

	TableQuery getRecordsInKeyRange(String tableName, KeyRange range) {
		Assert.notNull(range, "'range' must not be null");
		ObjectNode params = DbCalls.objectNode();
		ObjectNode filter = params.putObject("indexFilter").put("indexName", range.indexName());
		ArrayNode bounds = filter.putArray("indexFieldFilters");
		for (KeyRange.Bound bound : range.bounds()) {
			bounds.addObject()
				.put("fieldName", bound.fieldName())
				.put("operator", bound.operator().symbol())
				.set("value", this.calls.mapper().toValue(bound.value()));
		}
		params.put("binaryFormat", this.calls.settings().getBinaryFormat().value());
		return tableQuery("getRecordsInKeyRange", tableName, params);
	}

	TableQuery getRecordsStartingAtKey(String tableName, StartKey key) {
		Assert.notNull(key, "'key' must not be null");
		Assert.isTrue(!key.fields().isEmpty(), "'key' must have at least one field");
		ObjectNode params = DbCalls.objectNode();
		ObjectNode filter = params.putObject("indexFilter")
			.put("indexName", key.indexName())
			.put("operator", key.operator().symbol());
		ArrayNode fields = filter.putArray("indexFields");
		for (StartKey.Field field : key.fields()) {
			fields.addObject()
				.put("fieldName", field.fieldName())
				.set("value", this.calls.mapper().toValue(field.value()));
		}
		params.put("binaryFormat", this.calls.settings().getBinaryFormat().value());
		return tableQuery("getRecordsStartingAtKey", tableName, params);
	}

	TableQuery getRecordsByPartialKeyRange(String tableName, PartialKey key) {
		Assert.notNull(key, "'key' must not be null");
		ObjectNode params = DbCalls.objectNode().put("indexName", key.indexName());
		if (key.prefix() != null) {
			params.put("partialKey", key.prefix());
		}
		else {
			ArrayNode values = params.putArray("partialKey");
			key.values().forEach((value) -> values.add(this.calls.mapper().toValue(value)));
		}
		params.put("binaryFormat", this.calls.settings().getBinaryFormat().value());
		return tableQuery("getRecordsByPartialKeyRange", tableName, params);
	}

	private TableQuery tableQuery(String action, String tableName, ObjectNode params) {
		Assert.hasText(tableName, "'tableName' must not be empty");
		ObjectNode base = DbCalls.objectNode().put("tableName", tableName);
		base.setAll(params);
		return new DefaultRecordQuery(this.calls, action, base, Scope.OWNER, "table '" + tableName + "'");
	}

	SqlQuery getRecordsUsingSQL(String sql, @Nullable Object... params) {
		Assert.hasText(sql, "'sql' must not be empty");
		DefaultRecordQuery query = new DefaultRecordQuery(this.calls, "getRecordsUsingSQL",
				DbCalls.objectNode().put("sql", sql), Scope.DATABASE, "SQL query");
		return (params != null && params.length > 0) ? query.params(params) : query;
	}

}
