package io.github.faircomclient.test.db;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
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
 * Databases, tables and indexes: createDatabase, deleteDatabase, listDatabases, createTable,
 * deleteTables, listTables, describeTables, createIndex, deleteIndexes, listIndexes.
 */
final class SchemaActions {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final int DEFAULT_LIST_MAX = 20;

	private final DbApi api;

	SchemaActions(DbApi api) {
		this.api = api;
	}

	// ------------------------------------------------------------------ databases

	private static ArrayNode databaseFields() {
		ArrayNode fields = NODES.arrayNode();
		fields.add(metaField("databaseName", "varchar", 8192));
		fields.add(metaField("path", "varchar", 8192));
		fields.add(metaField("uid", "bigint", null));
		return fields;
	}

	private static ObjectNode metaField(String name, String type, @Nullable Integer length) {
		ObjectNode field = NODES.objectNode();
		field.put("name", name);
		field.put("type", type);
		field.put("length", length);
		field.putNull("scale");
		field.putNull("defaultValue");
		field.put("nullable", false);
		field.put("primaryKey", 0);
		field.put("autoValue", "none");
		return field;
	}

	private static ObjectNode databaseResult(List<Database> databases, RecordFormat format) {
		ObjectNode result = NODES.objectNode();
		result.put("dataFormat", format.dataFormat());
		result.set("fields", databaseFields());
		ArrayNode data = result.putArray("data");
		for (Database database : databases) {
			if (format.arrays()) {
				data.addArray().add(database.name()).add(database.path()).add(database.uid());
			}
			else {
				data.addObject().put("databaseName", database.name()).put("path", database.path())
					.put("uid", database.uid());
			}
		}
		return result;
	}

	@Nullable ObjectNode createDatabase(DbRequestContext context, JsonNode params) {
		String name = Params.requireString(params, "databaseName");
		if (name.length() > 64) {
			throw DbError.INVALID_PARAMETER.exception("'databaseName' must be 1 to 64 bytes");
		}
		String path = Params.string(params, "path");
		if (path != null && !path.isEmpty() && !usableFolder(path)) {
			throw DbError.CANNOT_CREATE_DATABASE.exception();
		}
		Database database = this.api.store().createDatabase(name, path);
		return databaseResult(List.of(database), context.format());
	}

	private static boolean usableFolder(String path) {
		try {
			Path folder = Path.of(path);
			return Files.isDirectory(folder) && Files.isWritable(folder);
		}
		catch (InvalidPathException ex) {
			return false;
		}
	}

	@Nullable ObjectNode deleteDatabase(DbRequestContext context, JsonNode params) {
		String name = Params.requireString(params, "databaseName");
		Database existing = this.api.store().find(name);
		if (existing != null) {
			this.api.closeCursorsReading(existing, null);
		}
		Database deleted = this.api.store().deleteDatabase(name);
		if (deleted == null) {
			context.addWarning(DbError.DATABASE_NOT_FOUND.code(),
					DbError.DATABASE_NOT_FOUND.message(name));
			return databaseResult(List.of(), context.format());
		}
		return databaseResult(List.of(deleted), context.format());
	}

	@Nullable ObjectNode listDatabases(DbRequestContext context, JsonNode params) {
		String partial = Params.string(params, "partialDatabaseName");
		String prefix = (partial != null) ? partial.toLowerCase(Locale.ROOT) : "";
		long skip = Math.max(0, Params.integer(params, "skipRecords", 0));
		long max = Params.integer(params, "maxRecords", DEFAULT_LIST_MAX);
		List<Database> matching = this.api.store().databases().stream()
			.filter((database) -> database.name().toLowerCase(Locale.ROOT).startsWith(prefix))
			.skip(skip)
			.limit((max < 0) ? Long.MAX_VALUE : max)
			.toList();
		return databaseResult(matching, context.format());
	}

	// ------------------------------------------------------------------ tables

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
						statement.execute("CREATE SEQUENCE " + sequence(table, field) + " START WITH 1");
					}
				}
				statement.execute(createTableSql(table));
			}
			catch (SQLException ex) {
				dropQuietly(connection, table);
				throw ex;
			}
			database.catalog().save(connection, table);
			connection.commit();
			TableDefinition created = database.catalog().require(connection, owner, tableName);
			ObjectNode result = NODES.objectNode();
			result.put("dataFormat", "objects");
			result.putArray("data").add(describe(connection, created, false));
			return result;
		}
		catch (SQLException ex) {
			throw this.api.translate(ex, null);
		}
		finally {
			database.catalog().invalidate();
		}
	}

	static String sequence(TableDefinition table, FieldDefinition field) {
		return SqlNames.quote(table.ownerName()) + "."
				+ SqlNames.quote(table.tableName() + "$" + field.name() + "$seq");
	}

	private static List<FieldDefinition> buildFields(JsonNode params) {
		JsonNode fieldsNode = Params.requireArray(params, "fields");
		List<FieldDefinition> declared = new ArrayList<>();
		Set<String> names = new HashSet<>();
		for (JsonNode node : fieldsNode) {
			if (!node.isObject()) {
				throw DbError.INVALID_PARAMETER.exception("each entry of 'fields' must be an object");
			}
			String name = Params.requireString(node, "name");
			if (!names.add(name.toLowerCase(Locale.ROOT))) {
				throw DbError.INVALID_PARAMETER.exception("field '" + name + "' is declared twice");
			}
			String typeName = Params.requireString(node, "type");
			FieldType type = FieldType.fromJsonName(typeName);
			if (type == null) {
				throw DbError.INVALID_PARAMETER.exception("'" + typeName + "' is not a field type");
			}
			Integer length = type.hasLength() ? (int) Params.integer(node, "length", type.defaultLength()) : null;
			Integer scale = type.hasScale() ? (int) Params.integer(node, "scale", type.defaultScale()) : null;
			if (length != null && length <= 0) {
				throw DbError.INVALID_PARAMETER.exception("field '" + name + "' needs a positive length");
			}
			String autoName = Params.string(node, "autoValue");
			AutoValue autoValue = (autoName == null) ? AutoValue.NONE : AutoValue.fromJsonName(autoName);
			if (autoValue == null) {
				throw DbError.INVALID_PARAMETER.exception("'" + autoName + "' is not an autoValue");
			}
			if (autoValue == AutoValue.INCREMENT_ON_INSERT && type.kind() != FieldType.Kind.INTEGER) {
				throw DbError.INVALID_PARAMETER.exception("incrementOnInsert needs an integer field, not "
						+ type.jsonName());
			}
			if (autoValue.name().startsWith("TIMESTAMP") && type != FieldType.TIMESTAMP) {
				throw DbError.INVALID_PARAMETER.exception(autoValue.jsonName() + " needs a timestamp field");
			}
			declared.add(new FieldDefinition(name, type, length, scale, Params.bool(node, "nullable", true),
					Params.node(node, "defaultValue"), (int) Params.integer(node, "primaryKey", 0), autoValue));
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

	private static String createTableSql(TableDefinition table) {
		StringBuilder sql = new StringBuilder("CREATE TABLE ").append(SqlNames.table(table)).append(" (");
		List<String> parts = new ArrayList<>();
		for (FieldDefinition field : table.fields()) {
			StringBuilder column = new StringBuilder(SqlNames.quote(field.name())).append(' ')
				.append(field.type().h2Type(field.length(), field.scale()));
			switch (field.autoValue()) {
				case INCREMENT_ON_INSERT -> column.append(" DEFAULT NEXT VALUE FOR ").append(sequence(table, field));
				case CHANGE_ID -> column.append(" DEFAULT NEXT VALUE FOR ").append(Catalog.CHANGE_ID_SEQUENCE);
				case TIMESTAMP_ON_INSERT, TIMESTAMP_ON_UPDATE_AND_INSERT -> column.append(" DEFAULT LOCALTIMESTAMP");
				default -> {
					if (field.defaultValue() != null) {
						column.append(" DEFAULT ").append(literal(field));
					}
				}
			}
			if (!field.nullable()) {
				column.append(" NOT NULL");
			}
			parts.add(column.toString());
		}
		List<FieldDefinition> key = table.primaryKeyFields();
		if (!key.isEmpty()) {
			parts.add("CONSTRAINT " + SqlNames.quote(table.tableName() + "$pk") + " PRIMARY KEY ("
					+ String.join(", ", key.stream().map((field) -> SqlNames.quote(field.name())).toList()) + ")");
		}
		return sql.append(String.join(", ", parts)).append(')').toString();
	}

	private static String literal(FieldDefinition field) {
		Object value = ValueCodec.toJdbc(field, field.defaultValue(), "hex");
		if (value == null) {
			return "NULL";
		}
		if (value instanceof Boolean bool) {
			return bool ? "TRUE" : "FALSE";
		}
		if (value instanceof BigDecimal decimal) {
			return decimal.toPlainString();
		}
		if (value instanceof Number number) {
			return number.toString();
		}
		if (value instanceof LocalDate date) {
			return "DATE " + SqlNames.literal(date.toString());
		}
		if (value instanceof LocalTime time) {
			return "TIME " + SqlNames.literal(time.toString());
		}
		if (value instanceof LocalDateTime timestamp) {
			return "TIMESTAMP " + SqlNames.literal(timestamp.format(DateTimeFormatter.ofPattern(
					"yyyy-MM-dd HH:mm:ss.SSS")));
		}
		if (value instanceof byte[] bytes) {
			return "X'" + HexFormat.of().formatHex(bytes) + "'";
		}
		if (field.type() == FieldType.JSON) {
			return "JSON " + SqlNames.literal(value.toString());
		}
		return SqlNames.literal(value.toString());
	}

	private static void dropQuietly(Connection connection, TableDefinition table) {
		try (Statement statement = connection.createStatement()) {
			statement.execute("DROP TABLE IF EXISTS " + SqlNames.table(table));
			for (FieldDefinition field : table.fields()) {
				if (field.autoValue() == AutoValue.INCREMENT_ON_INSERT) {
					statement.execute("DROP SEQUENCE IF EXISTS " + sequence(table, field));
				}
			}
		}
		catch (SQLException ex) {
			// nothing more to undo
		}
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
				data.add(describe(connection, table, true));
				this.api.closeCursorsReading(database, table.ownerName() + "." + table.tableName());
			}
			try (Statement statement = connection.createStatement()) {
				for (TableDefinition table : tables) {
					statement.execute("DROP TABLE " + SqlNames.table(table));
					for (FieldDefinition field : table.fields()) {
						if (field.autoValue() == AutoValue.INCREMENT_ON_INSERT) {
							statement.execute("DROP SEQUENCE IF EXISTS " + sequence(table, field));
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
				row.put("path", folder(database));
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
				data.add(describe(connection, table, false));
			}
			ObjectNode result = NODES.objectNode();
			result.put("dataFormat", "objects");
			result.set("data", data);
			return result;
		});
	}

	private static String folder(Database database) {
		return ".\\" + database.name() + ".dbs";
	}

	/**
	 * Describes a table as describeTables does, or (for deleteTables) in the older layout that
	 * FairCom's deleteTables example shows.
	 */
	private static ObjectNode describe(Connection connection, TableDefinition table, boolean deleteLayout)
			throws SQLException {
		ObjectNode node = NODES.objectNode();
		if (!deleteLayout) {
			node.put("changeIdField", table.changeIdField());
		}
		node.put("createRecByteIndex", false);
		node.put("databaseName", table.databaseName());
		node.put("fieldDelimiterValue", 0);
		ArrayNode fields = node.putArray("fields");
		for (FieldDefinition field : table.fields()) {
			ObjectNode f = fields.addObject();
			if (deleteLayout) {
				f.put("autoTimestamp", field.autoValue().name().startsWith("TIMESTAMP")
						? field.autoValue().jsonName() : "none");
			}
			else {
				f.put("autoValue", field.autoValue().jsonName());
			}
			f.set("defaultValue", Column.defaultValue(field));
			f.put("length", field.length());
			f.put("name", field.name());
			f.put("nullable", field.nullable());
			if (!deleteLayout) {
				f.put("primaryKey", field.primaryKey());
			}
			f.put("scale", field.scale());
			f.put("type", field.type().jsonName());
		}
		node.put("folder", ".\\" + table.databaseName() + ".dbs");
		node.put("growthExtent", 0);
		node.put("indexFileExtension", ".idx");
		ArrayNode indexes = node.putArray("indexes");
		for (IndexDefinition index : table.indexes()) {
			indexes.add(index(table, index, deleteLayout));
		}
		node.put("ownerName", table.ownerName());
		node.put("padValue", 0);
		node.put("path", ".\\" + table.databaseName() + ".dbs\\" + table.ownerName() + "_" + table.tableName()
				+ ".dat");
		if (!deleteLayout) {
			ArrayNode keys = node.putArray("primaryKeyFields");
			table.primaryKeyFields().forEach((field) -> keys.add(field.name()));
		}
		node.put("smallFile", false);
		node.put("tableFileExtension", ".dat");
		node.put("tableName", table.tableName());
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + SqlNames.table(table))) {
			rs.next();
			node.put("totalRecordCount", rs.getLong(1));
		}
		if (deleteLayout) {
			node.put("transactionModel", "LOGTRANSACTIONS");
		}
		node.put("uid", table.uid());
		return node;
	}

	static ObjectNode index(TableDefinition table, IndexDefinition index, boolean explicitFilenameOnly) {
		ObjectNode node = NODES.objectNode();
		node.put("collectStats", index.collectStats());
		node.put("compression", index.compression());
		node.put("conditionalExpression", index.conditionalExpression());
		node.put("databaseName", table.databaseName());
		node.put("deferIndexing", index.deferIndexing());
		ArrayNode fields = node.putArray("fields");
		for (IndexDefinition.IndexField field : index.fields()) {
			fields.addObject()
				.put("caseInsensitive", field.caseInsensitive())
				.put("name", field.name())
				.put("reverseCompare", field.reverseCompare())
				.put("sortDescending", field.sortDescending());
		}
		String filename = index.filename();
		if (filename == null && !explicitFilenameOnly) {
			filename = table.ownerName() + "_" + table.tableName() + ".idx";
		}
		node.put("filename", filename);
		node.put("immutableKeys", index.immutableKeys());
		node.put("indexName", index.name());
		node.put("indexNumber", index.indexNumber());
		node.put("ownerName", table.ownerName());
		node.put("tableName", table.tableName());
		node.put("unique", index.unique());
		return node;
	}

	// ------------------------------------------------------------------ indexes

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
			List<String> columns = new ArrayList<>();
			for (JsonNode node : fieldsNode) {
				FieldDefinition field = table.requireField(Params.requireString(node, "name"));
				if (field.type() == FieldType.LVARCHAR || field.type() == FieldType.LVARBINARY) {
					throw DbError.INVALID_PARAMETER.exception(field.type().jsonName() + " fields cannot be indexed");
				}
				boolean descending = Params.bool(node, "sortDescending", false);
				fields.add(new IndexDefinition.IndexField(field.name(), Params.bool(node, "caseInsensitive", false),
						descending, Params.bool(node, "reverseCompare", false)));
				columns.add(SqlNames.quote(field.name()) + (descending ? " DESC" : ""));
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
			try (Statement statement = connection.createStatement()) {
				statement.execute("CREATE " + (unique ? "UNIQUE " : "") + "INDEX " + SqlNames.quote(owner) + "."
						+ SqlNames.quote(h2Name) + " ON " + SqlNames.table(table) + " (" + String.join(", ", columns)
						+ ")");
			}
			catch (SQLException ex) {
				throw this.api.translate(ex, table);
			}
			List<IndexDefinition> indexes = new ArrayList<>(table.indexes());
			indexes.add(index);
			TableDefinition changed = new TableDefinition(table.databaseName(), table.ownerName(), table.tableName(),
					table.uid(), table.fields(), indexes, table.changeIdField());
			database.catalog().save(connection, changed);
			connection.commit();
			ObjectNode result = NODES.objectNode();
			result.putArray("data").add(index(changed, index, false));
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
					statement.execute("DROP INDEX " + SqlNames.quote(table.ownerName()) + "."
							+ SqlNames.quote(index.h2Name()));
				}
			}
			List<IndexDefinition> remaining = new ArrayList<>(table.indexes());
			remaining.removeAll(deleted);
			database.catalog().save(connection, new TableDefinition(table.databaseName(), table.ownerName(),
					table.tableName(), table.uid(), table.fields(), remaining, table.changeIdField()));
			connection.commit();
			ObjectNode result = NODES.objectNode();
			ArrayNode data = result.putArray("data");
			deleted.forEach((index) -> data.add(index(table, index, false)));
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
		long max = Params.integer(params, "maxRecords", DEFAULT_LIST_MAX);
		return this.api.work(database, params, context, (connection, transaction) -> {
			TableDefinition table = database.catalog().require(connection, owner, tableName);
			ObjectNode result = NODES.objectNode();
			ArrayNode data = result.putArray("data");
			table.indexes().stream().skip(skip).limit((max < 0) ? Long.MAX_VALUE : max)
				.forEach((index) -> data.add(index(table, index, false)));
			return result;
		});
	}
}
