package io.github.faircomclient.test.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Tables: createTable, deleteTables, listTables, describeTables.
 */
final class TableActions {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	/** Default {@code maxRecords} of the list actions. */
	static final int DEFAULT_LIST_MAX = 20;

	private final DbApi api;

	TableActions(DbApi api) {
		this.api = api;
	}

	@Nullable ObjectNode createTable(DbRequestContext context, JsonNode params) {
		Database database = this.api.database(params, context);
		String owner = this.api.owner(params, context);
		String tableName = Params.requireString(params, "tableName");
		List<FieldDefinition> fields = buildFields(params);
		try (Connection connection = database.pooledConnection()) {
			if (database.catalog().find(connection, owner, tableName) != null) {
				throw DbError.ALREADY_EXISTS.exception("Table", tableName);
			}
			TableDefinition table = new TableDefinition(database.name(), owner, tableName,
					database.catalog().nextUid(), fields, List.of(primaryIndex(fields)), changeIdField(fields));
			try (Statement statement = connection.createStatement()) {
				statement.execute("CREATE SCHEMA IF NOT EXISTS " + SqlNames.quote(owner));
				for (FieldDefinition field : fields) {
					if (field.autoValue() == AutoValue.INCREMENT_ON_INSERT) {
						statement.execute("CREATE SEQUENCE " + TableSql.sequence(table, field) + " START WITH 1");
					}
				}
				statement.execute(TableSql.createTableSql(table));
			}
			catch (SQLException ex) {
				TableSql.dropQuietly(connection, table);
				throw ex;
			}
			database.catalog().save(connection, table);
			connection.commit();
			TableDefinition created = database.catalog().require(connection, owner, tableName);
			ObjectNode result = NODES.objectNode();
			result.put("dataFormat", "objects");
			result.putArray("data").add(TableDescriptions.describe(connection, created, false));
			return result;
		}
		catch (SQLException ex) {
			throw this.api.translate(ex, null);
		}
		finally {
			database.catalog().invalidate();
		}
	}

	private static List<FieldDefinition> buildFields(JsonNode params) {
		JsonNode fieldsNode = Params.requireArray(params, "fields");
		List<FieldDefinition> declared = new ArrayList<>();
		Set<String> names = new HashSet<>();
		for (JsonNode node : fieldsNode) {
			FieldDefinition field = FieldDefinition.fromRequest(node);
			if (!names.add(field.name().toLowerCase(Locale.ROOT))) {
				throw DbError.INVALID_PARAMETER.exception("field '" + field.name() + "' is declared twice");
			}
			declared.add(field);
		}
		List<String> keyNames = Params.strings(params, "primaryKeyFields");
		if (keyNames == null || keyNames.isEmpty()) {
			keyNames = declared.stream().filter((field) -> field.primaryKey() > 0)
				.sorted((a, b) -> Integer.compare(a.primaryKey(), b.primaryKey()))
				.map(FieldDefinition::name).toList();
		}
		List<FieldDefinition> fields = new ArrayList<>();
		for (FieldDefinition field : declared) {
			int position = 0;
			for (int i = 0; i < keyNames.size(); i++) {
				if (keyNames.get(i).equalsIgnoreCase(field.name())) {
					position = i + 1;
				}
			}
			fields.add(field.withPrimaryKey(position));
		}
		for (String key : keyNames) {
			if (fields.stream().noneMatch((field) -> field.name().equalsIgnoreCase(key))) {
				throw DbError.FIELD_NOT_FOUND.exception(key, Params.string(params, "tableName"));
			}
		}
		boolean hasChangeIdParam = params.has("changeIdField");
		String changeIdName = Params.string(params, "changeIdField");
		if (keyNames.isEmpty()) {
			if (names.contains("id")) {
				throw DbError.INVALID_PARAMETER.exception(
						"a table without primaryKeyFields gets an automatic 'id' field; name the declared one otherwise");
			}
			fields.add(0, new FieldDefinition("id", FieldType.BIGINT, null, null, false, null, 1,
					AutoValue.INCREMENT_ON_INSERT));
		}
		long declaredChangeIds = fields.stream().filter((field) -> field.autoValue() == AutoValue.CHANGE_ID).count();
		if (changeIdName != null && !changeIdName.isEmpty()) {
			boolean found = false;
			for (int i = 0; i < fields.size(); i++) {
				FieldDefinition field = fields.get(i);
				if (field.name().equalsIgnoreCase(changeIdName)) {
					if (field.type() != FieldType.BIGINT) {
						throw DbError.INVALID_PARAMETER.exception("the changeIdField must be a bigint field");
					}
					fields.set(i, field.withAutoValue(AutoValue.CHANGE_ID));
					found = true;
				}
				else if (field.autoValue() == AutoValue.CHANGE_ID) {
					throw DbError.INVALID_PARAMETER.exception("a table has at most one changeId field");
				}
			}
			if (!found) {
				throw DbError.FIELD_NOT_FOUND.exception(changeIdName, Params.string(params, "tableName"));
			}
		}
		else if (declaredChangeIds > 1) {
			throw DbError.INVALID_PARAMETER.exception("a table has at most one changeId field");
		}
		else if (declaredChangeIds == 0 && !hasChangeIdParam) {
			if (names.contains("changeid")) {
				throw DbError.INVALID_PARAMETER.exception("a field named 'changeId' must be the changeIdField");
			}
			int at = (keyNames.isEmpty()) ? 1 : 0;
			fields.add(at, new FieldDefinition("changeId", FieldType.BIGINT, null, null, true, null, 0,
					AutoValue.CHANGE_ID));
		}
		return fields;
	}

	private static @Nullable String changeIdField(List<FieldDefinition> fields) {
		return fields.stream().filter((field) -> field.autoValue() == AutoValue.CHANGE_ID)
			.map(FieldDefinition::name).findFirst().orElse(null);
	}

	private static IndexDefinition primaryIndex(List<FieldDefinition> fields) {
		List<IndexDefinition.IndexField> keyFields = fields.stream().filter((field) -> field.primaryKey() > 0)
			.sorted((a, b) -> Integer.compare(a.primaryKey(), b.primaryKey()))
			.map((field) -> new IndexDefinition.IndexField(field.name(), false, false, false))
			.toList();
		String name = (keyFields.size() == 1) ? keyFields.get(0).name() + "_pk" : "pk";
		return new IndexDefinition(name, "", keyFields, true, null, false, false, "off", null, false, 0);
	}

	@Nullable ObjectNode deleteTables(DbRequestContext context, JsonNode params) {
		Database database = this.api.database(params, context);
		String owner = this.api.owner(params, context);
		List<String> names = Params.strings(params, "tableNames");
		if (names == null || names.isEmpty()) {
			throw DbError.MISSING_PARAMETER.exception("tableNames");
		}
		try (Connection connection = database.pooledConnection()) {
			List<TableDefinition> tables = new ArrayList<>();
			for (String name : names) {
				TableDefinition table = database.catalog().find(connection, owner, name);
				if (table == null) {
					context.addWarning(DbError.TABLE_NOT_FOUND.code(),
							DbError.TABLE_NOT_FOUND.message(name, database.name()));
				}
				else {
					tables.add(table);
				}
			}
			ArrayNode data = NODES.arrayNode();
			for (TableDefinition table : tables) {
				data.add(TableDescriptions.describe(connection, table, true));
				this.api.closeCursorsReading(database, table.ownerName() + "." + table.tableName());
			}
			try (Statement statement = connection.createStatement()) {
				for (TableDefinition table : tables) {
					statement.execute("DROP TABLE " + SqlNames.table(table));
					for (FieldDefinition field : table.fields()) {
						if (field.autoValue() == AutoValue.INCREMENT_ON_INSERT) {
							statement.execute("DROP SEQUENCE IF EXISTS " + TableSql.sequence(table, field));
						}
					}
				}
			}
			connection.commit();
			ObjectNode result = NODES.objectNode();
			result.put("dataFormat", "objects");
			result.set("data", data);
			return result;
		}
		catch (SQLException ex) {
			throw this.api.translate(ex, null);
		}
		finally {
			database.catalog().invalidate();
		}
	}

	@Nullable ObjectNode listTables(DbRequestContext context, JsonNode params) {
		Database database = this.api.database(params, context);
		String owner = this.api.owner(params, context);
		String partial = Params.string(params, "partialTableName");
		String prefix = (partial != null) ? partial.toLowerCase(Locale.ROOT) : "";
		List<String> only = Params.strings(params, "tableNames");
		long skip = Math.max(0, Params.integer(params, "skipRecords", 0));
		long max = Params.integer(params, "maxRecords", DEFAULT_LIST_MAX);
		boolean includeSystem = Params.bool(params, "includeSystemTables", false);
		try (Connection connection = database.pooledConnection()) {
			ArrayNode data = NODES.arrayNode();
			long skipped = 0;
			for (String[] name : database.catalog().tableNames(connection, includeSystem ? null : owner,
					includeSystem)) {
				if (!name[1].toLowerCase(Locale.ROOT).startsWith(prefix)) {
					continue;
				}
				if (only != null && only.stream().noneMatch((wanted) -> wanted.equalsIgnoreCase(name[1]))) {
					continue;
				}
				if (skipped++ < skip) {
					continue;
				}
				if (max >= 0 && data.size() >= max) {
					break;
				}
				TableDefinition table = database.catalog().find(connection, name[0], name[1]);
				ObjectNode row = data.addObject();
				row.put("databaseName", database.name());
				row.put("ownerName", name[0]);
				row.put("path", TableDescriptions.folder(database));
				row.put("tableName", name[1]);
				row.put("totalRecordCount", -1);
				row.put("uid", (table != null) ? table.uid() : 0);
			}
			connection.commit();
			ObjectNode result = NODES.objectNode();
			result.put("dataFormat", "objects");
			result.set("data", data);
			return result;
		}
		catch (SQLException ex) {
			throw this.api.translate(ex, null);
		}
	}

	@Nullable ObjectNode describeTables(DbRequestContext context, JsonNode params) {
		Database database = this.api.database(params, context);
		String owner = this.api.owner(params, context);
		List<String> names = Params.strings(params, "tableNames");
		if (names == null || names.isEmpty()) {
			throw DbError.MISSING_PARAMETER.exception("tableNames");
		}
		return this.api.work(database, params, context, (connection, transaction) -> {
			ArrayNode data = NODES.arrayNode();
			for (String name : names) {
				TableDefinition table = database.catalog().find(connection, owner, name);
				if (table == null) {
					context.addWarning(DbError.TABLE_NOT_FOUND.code(),
							DbError.TABLE_NOT_FOUND.message(name, database.name()));
					continue;
				}
				data.add(TableDescriptions.describe(connection, table, false));
			}
			ObjectNode result = NODES.objectNode();
			result.put("dataFormat", "objects");
			result.set("data", data);
			return result;
		});
	}
}
