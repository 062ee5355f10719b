package io.github.faircomclient.test.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Indexes: createIndex, deleteIndexes, listIndexes.
 */
final class IndexActions {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private final DbApi api;

	IndexActions(DbApi api) {
		this.api = api;
	}

	@Nullable ObjectNode createIndex(DbRequestContext context, JsonNode params) {
		Database database = this.api.database(params, context);
		String owner = this.api.owner(params, context);
		String tableName = Params.requireString(params, "tableName");
		String indexName = Params.requireString(params, "indexName");
		if (Params.bool(params, "isPrimaryIndex", false)) {
			throw DbError.INVALID_PARAMETER.exception("the emulator cannot replace a table's primary index");
		}
		try (Connection connection = database.pooledConnection()) {
			TableDefinition table = database.catalog().require(connection, owner, tableName);
			if (table.index(indexName) != null) {
				throw DbError.ALREADY_EXISTS.exception("Index", indexName);
			}
			JsonNode fieldsNode = Params.requireArray(params, "fields");
			if (fieldsNode.isEmpty()) {
				throw DbError.INVALID_PARAMETER.exception("'fields' needs at least one field");
			}
			List<IndexDefinition.IndexField> fields = new ArrayList<>();
			for (JsonNode node : fieldsNode) {
				FieldDefinition field = table.requireField(Params.requireString(node, "name"));
				if (field.type() == FieldType.LVARCHAR || field.type() == FieldType.LVARBINARY) {
					throw DbError.INVALID_PARAMETER.exception(field.type().jsonName() + " fields cannot be indexed");
				}
				fields.add(new IndexDefinition.IndexField(field.name(), Params.bool(node, "caseInsensitive", false),
						Params.bool(node, "sortDescending", false), Params.bool(node, "reverseCompare", false)));
			}
			String condition = Params.string(params, "conditionalExpression");
			if (condition != null && !condition.isBlank()) {
				FilterTranslator.translate(condition, table);
			}
			else {
				condition = null;
			}
			boolean unique = Params.bool(params, "unique", false);
			int number = table.indexes().stream().mapToInt(IndexDefinition::indexNumber).max().orElse(0) + 1;
			String h2Name = table.tableName() + "$" + indexName;
			IndexDefinition index = new IndexDefinition(indexName, h2Name, fields, unique, condition,
					Params.bool(params, "immutableKeys", false), Params.bool(params, "collectStats", true),
					compression(params), Params.string(params, "filename"),
					Params.bool(params, "deferIndexing", false), number);
			List<IndexDefinition> indexes = new ArrayList<>(table.indexes());
			indexes.add(index);
			TableDefinition changed = new TableDefinition(table.databaseName(), table.ownerName(), table.tableName(),
					table.uid(), table.fields(), indexes, table.changeIdField());
			try (Statement statement = connection.createStatement()) {
				IndexKeys.create(statement, changed, index);
			}
			catch (SQLException ex) {
				throw this.api.translate(ex, changed);
			}
			database.catalog().save(connection, changed);
			connection.commit();
			ObjectNode result = NODES.objectNode();
			result.putArray("data").add(TableDescriptions.index(changed, index, false));
			return result;
		}
		catch (SQLException ex) {
			throw this.api.translate(ex, null);
		}
		finally {
			database.catalog().invalidate();
		}
	}

	private static String compression(JsonNode params) {
		String value = Params.string(params, "compression");
		return (value == null) ? "off" : value;
	}

	@Nullable ObjectNode deleteIndexes(DbRequestContext context, JsonNode params) {
		Database database = this.api.database(params, context);
		String owner = this.api.owner(params, context);
		String tableName = Params.requireString(params, "tableName");
		List<String> names = Params.strings(params, "indexNames");
		if (names == null || names.isEmpty()) {
			throw DbError.MISSING_PARAMETER.exception("indexNames");
		}
		try (Connection connection = database.pooledConnection()) {
			TableDefinition table = database.catalog().require(connection, owner, tableName);
			List<IndexDefinition> deleted = new ArrayList<>();
			for (String name : names) {
				IndexDefinition index = table.index(name);
				if (index == null) {
					context.addWarning(DbError.INDEX_NOT_FOUND.code(),
							DbError.INDEX_NOT_FOUND.message(name, tableName));
					continue;
				}
				if (index.h2Name().isEmpty()) {
					throw DbError.INVALID_PARAMETER.exception("the primary key index '" + index.name()
							+ "' cannot be deleted");
				}
				deleted.add(index);
			}
			try (Statement statement = connection.createStatement()) {
				for (IndexDefinition index : deleted) {
					IndexKeys.drop(statement, table, index);
				}
			}
			List<IndexDefinition> remaining = new ArrayList<>(table.indexes());
			remaining.removeAll(deleted);
			database.catalog().save(connection, new TableDefinition(table.databaseName(), table.ownerName(),
					table.tableName(), table.uid(), table.fields(), remaining, table.changeIdField()));
			connection.commit();
			ObjectNode result = NODES.objectNode();
			ArrayNode data = result.putArray("data");
			deleted.forEach((index) -> data.add(TableDescriptions.index(table, index, false)));
			return result;
		}
		catch (SQLException ex) {
			throw this.api.translate(ex, null);
		}
		finally {
			database.catalog().invalidate();
		}
	}

	@Nullable ObjectNode listIndexes(DbRequestContext context, JsonNode params) {
		Database database = this.api.database(params, context);
		String owner = this.api.owner(params, context);
		String tableName = Params.requireString(params, "tableName");
		long skip = Math.max(0, Params.integer(params, "skipRecords", 0));
		long max = Params.integer(params, "maxRecords", TableActions.DEFAULT_LIST_MAX);
		return this.api.work(database, params, context, (connection, transaction) -> {
			TableDefinition table = database.catalog().require(connection, owner, tableName);
			ObjectNode result = NODES.objectNode();
			ArrayNode data = result.putArray("data");
			table.indexes().stream().skip(skip).limit((max < 0) ? Long.MAX_VALUE : max)
				.forEach((index) -> data.add(TableDescriptions.index(table, index, false)));
			return result;
		});
	}
}
