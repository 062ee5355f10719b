package io.github.faircomclient.test.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Modifying data: insertRecords, updateRecords, deleteRecords.
 */
final class RecordActions {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final String BOOKMARK = "_bookmark_";

	private final DbApi api;

	RecordActions(DbApi api) {
		this.api = api;
	}

	/** The binary format of request values: {@code params.binaryFormat}, else the response's. */
	static String requestBinaryFormat(JsonNode params, DbRequestContext context) {
		String format = Params.string(params, "binaryFormat");
		return (format != null) ? context.format().withBinaryFormat(format).binaryFormat()
				: context.format().binaryFormat();
	}

	/**
	 * Reads {@code sourceData} (objects, or arrays with {@code fieldNames}) into field → JSON value maps.
	 */
	static List<Map<FieldDefinition, JsonNode>> sourceRecords(TableDefinition table, JsonNode params) {
		String dataFormat = Params.string(params, "dataFormat");
		JsonNode source = Params.requireArray(params, "sourceData");
		List<String> fieldNames = Params.strings(params, "fieldNames");
		boolean arrays = "arrays".equalsIgnoreCase(dataFormat)
				|| (dataFormat == null && source.size() > 0 && source.get(0).isArray());
		List<Map<FieldDefinition, JsonNode>> records = new ArrayList<>();
		List<FieldDefinition> columns = new ArrayList<>();
		if (arrays) {
			if (fieldNames == null || fieldNames.isEmpty()) {
				throw DbError.INVALID_PARAMETER.exception("'fieldNames' is required with dataFormat arrays");
			}
			fieldNames.forEach((name) -> columns.add(table.requireField(name)));
		}
		int number = 0;
		for (JsonNode element : source) {
			number++;
			Map<FieldDefinition, JsonNode> record = new LinkedHashMap<>();
			if (arrays) {
				if (!element.isArray() || element.size() != columns.size()) {
					throw DbError.INVALID_PARAMETER.exception("record " + number + " of 'sourceData' must be an "
							+ "array of " + columns.size() + " values (one per fieldNames entry)");
				}
				for (int i = 0; i < columns.size(); i++) {
					record.put(columns.get(i), element.get(i));
				}
			}
			else {
				if (!element.isObject()) {
					throw DbError.INVALID_PARAMETER.exception("record " + number + " of 'sourceData' must be an object");
				}
				for (Map.Entry<String, JsonNode> entry : element.properties()) {
					if (BOOKMARK.equals(entry.getKey())) {
						continue;
					}
					record.put(table.requireField(entry.getKey()), entry.getValue());
				}
			}
			records.add(record);
		}
		return records;
	}

	static LocalDateTime timestamp(DbRequestContext context) {
		return LocalDateTime.ofInstant(context.now(), context.zone()).truncatedTo(ChronoUnit.MILLIS);
	}

	private static List<Long> nextValues(Connection connection, String sequence, int count) throws SQLException {
		List<Long> values = new ArrayList<>(count);
		if (count == 0) {
			return values;
		}
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT NEXT VALUE FOR " + sequence
						+ " FROM SYSTEM_RANGE(1, " + count + ")")) {
			while (rs.next()) {
				values.add(rs.getLong(1));
			}
		}
		return values;
	}

	/** The fields an insert or update answers with: the primary key and the change id. */
	private static List<FieldDefinition> keyAndChangeId(TableDefinition table) {
		List<FieldDefinition> fields = new ArrayList<>(table.primaryKeyFields());
		FieldDefinition changeId = table.changeId();
		if (changeId != null) {
			fields.add(changeId);
		}
		return fields;
	}

	private static ObjectNode keysResult(TableDefinition table, List<Map<FieldDefinition, Object>> rows,
			RecordFormat format) {
		List<FieldDefinition> fields = keyAndChangeId(table);
		RecordFormat all = new RecordFormat(format.dataFormat(), format.numberFormat(), format.binaryFormat(),
				List.of(), List.of());
		ObjectNode result = NODES.objectNode();
		result.put("dataFormat", all.dataFormat());
		result.put("binaryFormat", all.binaryFormat());
		result.put("numberFormat", all.numberFormat());
		result.set("fields", Column.fields(fields.stream().map(Column::of).toList(), all));
		ArrayNode data = result.putArray("data");
		for (Map<FieldDefinition, Object> row : rows) {
			if (all.arrays()) {
				ArrayNode array = data.addArray();
				fields.forEach((field) -> array.add(ValueCodec.fromJava(field.type(), row.get(field), all)));
			}
			else {
				ObjectNode object = data.addObject();
				fields.forEach((field) -> object.set(field.name(),
						ValueCodec.fromJava(field.type(), row.get(field), all)));
			}
		}
		result.put("totalRecordCount", rows.size());
		return result;
	}

	@Nullable ObjectNode insertRecords(DbRequestContext context, JsonNode params) {
		Database database = this.api.database(params, context);
		String owner = this.api.owner(params, context);
		String tableName = Params.requireString(params, "tableName");
		String binaryFormat = requestBinaryFormat(params, context);
		return this.api.work(database, params, context, (connection, transaction) -> {
			TableDefinition table = database.catalog().require(connection, owner, tableName);
			List<Map<FieldDefinition, JsonNode>> source = sourceRecords(table, params);
			Map<FieldDefinition, List<Long>> serials = new LinkedHashMap<>();
			for (FieldDefinition field : table.fields()) {
				if (field.autoValue() == AutoValue.INCREMENT_ON_INSERT) {
					serials.put(field, nextValues(connection, TableSql.sequence(table, field), source.size()));
				}
				else if (field.autoValue() == AutoValue.CHANGE_ID) {
					serials.put(field, nextValues(connection, Catalog.CHANGE_ID_SEQUENCE, source.size()));
				}
			}
			LocalDateTime now = timestamp(context);
			Map<List<FieldDefinition>, PreparedStatement> statements = new LinkedHashMap<>();
			List<Map<FieldDefinition, Object>> inserted = new ArrayList<>();
			try {
				for (int i = 0; i < source.size(); i++) {
					Map<FieldDefinition, Object> values = new LinkedHashMap<>();
					for (FieldDefinition field : table.fields()) {
						List<Long> serial = serials.get(field);
						if (serial != null) {
							values.put(field, serial.get(i));
						}
						else if (field.autoValue() == AutoValue.TIMESTAMP_ON_INSERT
								|| field.autoValue() == AutoValue.TIMESTAMP_ON_UPDATE_AND_INSERT) {
							values.put(field, now);
						}
						else if (source.get(i).containsKey(field)) {
							values.put(field, ValueCodec.toJdbc(field, source.get(i).get(field), binaryFormat));
						}
					}
					List<FieldDefinition> columns = List.copyOf(values.keySet());
					PreparedStatement statement = statements.get(columns);
					if (statement == null) {
						statement = connection.prepareStatement(insertSql(table, columns));
						statements.put(columns, statement);
					}
					int index = 1;
					for (Object value : values.values()) {
						statement.setObject(index++, value);
					}
					statement.addBatch();
					inserted.add(values);
				}
				for (PreparedStatement statement : statements.values()) {
					statement.executeBatch();
				}
			}
			catch (SQLException ex) {
				throw this.api.translate(ex, table);
			}
			finally {
				for (PreparedStatement statement : statements.values()) {
					statement.close();
				}
			}
			return keysResult(table, inserted, context.format());
		});
	}

	private static String insertSql(TableDefinition table, List<FieldDefinition> columns) {
		StringBuilder sql = new StringBuilder("INSERT INTO ").append(SqlNames.table(table)).append(" (");
		sql.append(String.join(", ", columns.stream().map((field) -> SqlNames.quote(field.name())).toList()));
		sql.append(") VALUES (");
		sql.append(String.join(", ", columns.stream().map((field) -> ValueCodec.placeholder(field.type())).toList()));
		return sql.append(')').toString();
	}

	@Nullable ObjectNode updateRecords(DbRequestContext context, JsonNode params) {
		Database database = this.api.database(params, context);
		String owner = this.api.owner(params, context);
		String tableName = Params.requireString(params, "tableName");
		String binaryFormat = requestBinaryFormat(params, context);
		boolean ignoreChangeId = Params.bool(params, "ignoreChangeIdProtection", false);
		return this.api.work(database, params, context, (connection, transaction) -> {
			TableDefinition table = database.catalog().require(connection, owner, tableName);
			List<FieldDefinition> key = table.primaryKeyFields();
			if (key.isEmpty()) {
				throw DbError.INVALID_PARAMETER.exception("table '" + tableName + "' has no primary key");
			}
			FieldDefinition changeId = table.changeId();
			LocalDateTime now = timestamp(context);
			List<Map<FieldDefinition, Object>> updated = new ArrayList<>();
			int number = 0;
			for (Map<FieldDefinition, JsonNode> record : sourceRecords(table, params)) {
				number++;
				List<Object> keyValues = new ArrayList<>();
				for (FieldDefinition field : key) {
					Object value = ValueCodec.toJdbc(field, record.get(field), binaryFormat);
					if (value == null) {
						throw DbError.INVALID_PARAMETER.exception("record " + number + " of 'sourceData' lacks "
								+ "primary key field '" + field.name() + "'");
					}
					keyValues.add(value);
				}
				String where = keyCondition(key);
				Long current = null;
				try (PreparedStatement select = connection.prepareStatement("SELECT "
						+ ((changeId != null) ? SqlNames.quote(changeId.name()) : "1") + " FROM " + SqlNames.table(table)
						+ " WHERE " + where + " FOR UPDATE")) {
					bind(select, keyValues, 1);
					try (ResultSet rs = select.executeQuery()) {
						if (!rs.next()) {
							throw DbError.RECORD_NOT_FOUND.exception(tableName, describeKey(key, keyValues));
						}
						if (changeId != null) {
							long value = rs.getLong(1);
							current = rs.wasNull() ? null : value;
						}
					}
				}
				catch (SQLException ex) {
					throw this.api.translate(ex, table);
				}
				if (changeId != null && !ignoreChangeId) {
					JsonNode sent = record.get(changeId);
					Object sentValue = ValueCodec.toJdbc(changeId, sent, binaryFormat);
					if (!Objects.equals(sentValue, current)) {
						throw DbError.CHANGE_ID_CONFLICT.exception(describeKey(key, keyValues), current,
								(sentValue != null) ? sentValue : "none");
					}
				}
				Map<FieldDefinition, Object> values = new LinkedHashMap<>();
				for (Map.Entry<FieldDefinition, JsonNode> entry : record.entrySet()) {
					FieldDefinition field = entry.getKey();
					if (field.primaryKey() > 0 || field.autoValue() != AutoValue.NONE) {
						continue;
					}
					values.put(field, ValueCodec.toJdbc(field, entry.getValue(), binaryFormat));
				}
				Long newChangeId = null;
				if (changeId != null) {
					newChangeId = nextValues(connection, Catalog.CHANGE_ID_SEQUENCE, 1).get(0);
					values.put(changeId, newChangeId);
				}
				for (FieldDefinition field : table.fields()) {
					if (field.autoValue() == AutoValue.TIMESTAMP_ON_UPDATE
							|| field.autoValue() == AutoValue.TIMESTAMP_ON_UPDATE_AND_INSERT) {
						values.put(field, now);
					}
				}
				if (!values.isEmpty()) {
					String set = String.join(", ", values.keySet().stream()
						.map((field) -> SqlNames.quote(field.name()) + " = " + ValueCodec.placeholder(field.type()))
						.toList());
					try (PreparedStatement update = connection.prepareStatement("UPDATE " + SqlNames.table(table)
							+ " SET " + set + " WHERE " + where)) {
						int index = bind(update, new ArrayList<>(values.values()), 1);
						bind(update, keyValues, index);
						update.executeUpdate();
					}
					catch (SQLException ex) {
						throw this.api.translate(ex, table);
					}
				}
				Map<FieldDefinition, Object> row = new LinkedHashMap<>();
				for (int i = 0; i < key.size(); i++) {
					row.put(key.get(i), keyValues.get(i));
				}
				if (changeId != null) {
					row.put(changeId, newChangeId);
				}
				updated.add(row);
			}
			return keysResult(table, updated, context.format());
		});
	}

	static String keyCondition(List<FieldDefinition> key) {
		return String.join(" AND ", key.stream()
			.map((field) -> SqlNames.quote(field.name()) + " = " + ValueCodec.placeholder(field.type())).toList());
	}

	static int bind(PreparedStatement statement, List<?> values, int first) throws SQLException {
		int index = first;
		for (Object value : values) {
			statement.setObject(index++, value);
		}
		return index;
	}

	static String describeKey(List<FieldDefinition> key, List<Object> values) {
		List<String> parts = new ArrayList<>();
		for (int i = 0; i < key.size(); i++) {
			parts.add(key.get(i).name() + " " + values.get(i));
		}
		return String.join(", ", parts);
	}

	/**
	 * Reads {@code ids} or {@code primaryKeys} (mutually exclusive) into primary-key value lists.
	 */
	static List<List<Object>> keys(TableDefinition table, JsonNode params, String binaryFormat) {
		JsonNode ids = Params.node(params, "ids");
		JsonNode primaryKeys = Params.node(params, "primaryKeys");
		if ((ids == null) == (primaryKeys == null)) {
			throw DbError.INVALID_PARAMETER.exception("give either 'ids' or 'primaryKeys'");
		}
		List<FieldDefinition> key = table.primaryKeyFields();
		if (key.isEmpty()) {
			throw DbError.INVALID_PARAMETER.exception("table '" + table.tableName() + "' has no primary key");
		}
		List<List<Object>> keys = new ArrayList<>();
		if (ids != null) {
			if (!ids.isArray()) {
				throw DbError.INVALID_PARAMETER.exception("'ids' must be an array");
			}
			if (key.size() != 1) {
				throw DbError.INVALID_PARAMETER.exception("table '" + table.tableName()
						+ "' has a multi-field primary key: use 'primaryKeys'");
			}
			for (JsonNode id : ids) {
				Object value = ValueCodec.toJdbc(key.get(0), id, binaryFormat);
				if (value == null) {
					throw DbError.INVALID_PARAMETER.exception("'ids' must not contain null");
				}
				keys.add(List.of(value));
			}
			return keys;
		}
		if (!primaryKeys.isArray()) {
			throw DbError.INVALID_PARAMETER.exception("'primaryKeys' must be an array of arrays");
		}
		for (JsonNode entry : primaryKeys) {
			if (!entry.isArray()) {
				throw DbError.INVALID_PARAMETER.exception("'primaryKeys' must be an array of arrays");
			}
			Map<FieldDefinition, Object> values = new LinkedHashMap<>();
			for (JsonNode part : entry) {
				FieldDefinition field = table.requireField(Params.requireString(part, "fieldName"));
				values.put(field, ValueCodec.toJdbc(field, part.get("value"), binaryFormat));
			}
			List<Object> ordered = new ArrayList<>();
			for (FieldDefinition field : key) {
				Object value = values.get(field);
				if (value == null) {
					throw DbError.INVALID_PARAMETER.exception("each 'primaryKeys' entry needs field '"
							+ field.name() + "'");
				}
				ordered.add(value);
			}
			keys.add(ordered);
		}
		return keys;
	}

	@Nullable ObjectNode deleteRecords(DbRequestContext context, JsonNode params) {
		Database database = this.api.database(params, context);
		String owner = this.api.owner(params, context);
		String tableName = Params.requireString(params, "tableName");
		String binaryFormat = requestBinaryFormat(params, context);
		RecordFormat format = context.format();
		return this.api.work(database, params, context, (connection, transaction) -> {
			TableDefinition table = database.catalog().require(connection, owner, tableName);
			List<List<Object>> keys = keys(table, params, binaryFormat);
			List<Column> columns = table.fields().stream().map(Column::of).toList();
			String where = keyCondition(table.primaryKeyFields());
			ArrayNode data = NODES.arrayNode();
			try (PreparedStatement select = connection.prepareStatement("SELECT " + QueryActions.selectList(table)
					+ " FROM " + SqlNames.table(table) + " WHERE " + where + " FOR UPDATE");
					PreparedStatement delete = connection.prepareStatement("DELETE FROM " + SqlNames.table(table)
							+ " WHERE " + where)) {
				for (List<Object> key : keys) {
					bind(select, key, 1);
					boolean found;
					try (ResultSet rs = select.executeQuery()) {
						found = rs.next();
						if (found) {
							data.add(Column.row(rs, columns, format));
						}
					}
					if (found) {
						bind(delete, key, 1);
						delete.executeUpdate();
					}
				}
			}
			catch (SQLException ex) {
				throw this.api.translate(ex, table);
			}
			ObjectNode result = QueryActions.header(columns, format);
			result.set("data", data);
			result.put("totalRecordCount", data.size());
			return result;
		});
	}
}
