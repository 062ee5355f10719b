package io.github.faircomclient.db;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

import io.github.faircomclient.core.FairComExceptionTranslator;
import io.github.faircomclient.core.FairComResponse;
import io.github.faircomclient.db.DbCalls.Scope;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The DDL of {@link DbTemplate}: databases, tables and indexes.
 */
final class DbSchema {

	private final DbCalls calls;

	DbSchema(DbCalls calls) {
		this.calls = calls;
	}

	// ------------------------------------------------------------------ databases

	DatabaseInfo createDatabase(String databaseName, @Nullable String path) {
		Assert.hasText(databaseName, "'databaseName' must not be empty");
		ObjectNode params = DbCalls.objectNode().put("databaseName", databaseName);
		if (path != null) {
			params.put("path", path);
		}
		JsonNode created = firstRecord(this.calls.execute("createDatabase", params, Scope.NONE));
		return (created != null) ? DbResults.database(created) : new DatabaseInfo(databaseName, path, 0);
	}

	boolean deleteDatabase(String databaseName) {
		Assert.hasText(databaseName, "'databaseName' must not be empty");
		ObjectNode params = DbCalls.objectNode().put("databaseName", databaseName);
		return this.calls.execute("deleteDatabase", params, Scope.NONE).optionalResultArray("data").size() > 0;
	}

	List<DatabaseInfo> listDatabases(String partialDatabaseName) {
		Assert.notNull(partialDatabaseName, "'partialDatabaseName' must not be null");
		ObjectNode params = optional(DbCalls.objectNode(), "partialDatabaseName", partialDatabaseName);
		return this.calls.list("listDatabases", params, Scope.NONE, "databases", this.calls.settings().getMaxRecords())
			.stream()
			.map(DbResults::database)
			.toList();
	}

	// ------------------------------------------------------------------ tables

	TableDescription createTable(TableDefinition table) {
		Assert.notNull(table, "'table' must not be null");
		ObjectNode params = DbCalls.objectNode();
		table.writeTo(params);
		FairComResponse response = this.calls.execute("createTable", params, Scope.OWNER);
		JsonNode created = firstRecord(response);
		if (created != null) {
			return DbResults.description(created);
		}
		return describeTable(table.getTableName())
			.orElseThrow(() -> FairComExceptionTranslator.incompleteResult(response,
					"the table '" + table.getTableName() + "', which describeTables does not find either"));
	}

	List<String> deleteTables(String... tableNames) {
		Assert.notEmpty(tableNames, "'tableNames' must not be empty");
		List<String> deleted = new ArrayList<>();
		this.calls.execute("deleteTables", names(DbCalls.objectNode(), "tableNames", tableNames), Scope.OWNER)
			.optionalResultArray("data")
			.forEach((table) -> deleted.add(DbResults.string(table, "tableName")));
		return deleted;
	}

	List<TableInfo> listTables(String partialTableName) {
		Assert.notNull(partialTableName, "'partialTableName' must not be null");
		ObjectNode params = optional(DbCalls.objectNode(), "partialTableName", partialTableName);
		return this.calls.list("listTables", params, Scope.OWNER, "tables", this.calls.settings().getMaxRecords())
			.stream()
			.map(DbResults::table)
			.toList();
	}

	List<TableDescription> describeTables(String... tableNames) {
		Assert.notEmpty(tableNames, "'tableNames' must not be empty");
		List<TableDescription> tables = new ArrayList<>();
		this.calls.execute("describeTables", names(DbCalls.objectNode(), "tableNames", tableNames), Scope.OWNER)
			.resultArray("data")
			.forEach((table) -> tables.add(DbResults.description(table)));
		return tables;
	}

	Optional<TableDescription> describeTable(String tableName) {
		Assert.hasText(tableName, "'tableName' must not be empty");
		return describeTables(tableName).stream()
			.filter((table) -> table.tableName().equalsIgnoreCase(tableName))
			.findFirst();
	}

	// ------------------------------------------------------------------ indexes

	IndexInfo createIndex(IndexDefinition index) {
		Assert.notNull(index, "'index' must not be null");
		ObjectNode params = DbCalls.objectNode();
		index.writeTo(params);
		FairComResponse response = this.calls.execute("createIndex", params, Scope.OWNER);
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

	List<String> deleteIndexes(String tableName, String... indexNames) {
		Assert.hasText(tableName, "'tableName' must not be empty");
		Assert.notEmpty(indexNames, "'indexNames' must not be empty");
		ObjectNode params = names(DbCalls.objectNode().put("tableName", tableName), "indexNames", indexNames);
		List<String> deleted = new ArrayList<>();
		this.calls.execute("deleteIndexes", params, Scope.OWNER)
			.optionalResultArray("data")
			.forEach((index) -> deleted.add(DbResults.string(index, "indexName")));
		return deleted;
	}

	List<IndexInfo> listIndexes(String tableName) {
		Assert.hasText(tableName, "'tableName' must not be empty");
		ObjectNode params = DbCalls.objectNode().put("tableName", tableName);
		return this.calls
			.list("listIndexes", params, Scope.OWNER, "indexes of table '" + tableName + "'",
					this.calls.settings().getMaxRecords())
			.stream()
			.map(DbResults::index)
			.toList();
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

}
