package io.github.faircomclient.test.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Querying tables: getRecordsByIds, getRecordsByTable, getRecordsByIndex, getRecordsInKeyRange,
 * getRecordsStartingAtKey, getRecordsByPartialKeyRange, and getRecordsFromCursor.
 */
final class QueryActions {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	/** Documented default of {@code maxRecords}. */
	static final long DEFAULT_MAX_RECORDS = 20;

	private final DbApi api;

	QueryActions(DbApi api) {
		this.api = api;
	}

	/**
	 * A query over one table: condition, its parameters, order, and the query a cursor reads from its
	 * end when this one matches nothing ({@code null}: the cursor reads this one).
	 */
	record Query(TableDefinition table, List<String> conditions, List<@Nullable Object> parameters, String orderBy,
			@Nullable Query whenNoMatch) {

		Query(TableDefinition table, List<String> conditions, List<@Nullable Object> parameters, String orderBy) {
			this(table, conditions, parameters, orderBy, null);
		}

		Query withWhenNoMatch(Query fallback) {
			return new Query(this.table, this.conditions, this.parameters, this.orderBy, fallback);
		}

		String where() {
			return this.conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", this.conditions);
		}

		String select() {
			return "SELECT " + selectList(this.table) + " FROM " + SqlNames.table(this.table) + where() + " ORDER BY "
					+ this.orderBy;
		}

		String count() {
			return "SELECT COUNT(*) FROM " + SqlNames.table(this.table) + where();
		}
	}

	static String selectList(TableDefinition table) {
		return String.join(", ", table.fields().stream().map((field) -> SqlNames.quote(field.name())).toList());
	}

	/** The head of a record result: the three formats and the fields. */
	static ObjectNode header(List<Column> columns, RecordFormat format) {
		ObjectNode result = NODES.objectNode();
		result.put("dataFormat", format.dataFormat());
		result.put("binaryFormat", format.binaryFormat());
		result.put("numberFormat", format.numberFormat());
		result.set("fields", Column.fields(columns, format));
		return result;
	}

	private static String expression(TableDefinition table, IndexDefinition.IndexField field) {
		return IndexKeys.expression(table, field);
	}

	/**
	 * Whether records come in reverse order: {@code reverseOrder}, which (like skipRecords and
	 * maxRecords) is ignored when a cursor is returned.
	 */
	static boolean reverse(JsonNode params) {
		return !Params.bool(params, "returnCursor", false) && Params.bool(params, "reverseOrder", false);
	}

	private Query indexQuery(TableDefinition table, IndexDefinition index, JsonNode params) {
		List<String> conditions = new ArrayList<>();
		if (index.conditionalExpression() != null) {
			conditions.add("(" + FilterTranslator.translate(index.conditionalExpression(), table) + ")");
		}
		String filter = Params.string(params, "tableFilter");
		if (filter != null && !filter.isBlank()) {
			conditions.add("(" + FilterTranslator.translate(filter, table) + ")");
		}
		return new Query(table, conditions, new ArrayList<>(),
				IndexKeys.order(table, index, reverse(params)));
	}

	// ------------------------------------------------------------------ actions

	@Nullable ObjectNode getRecordsByTable(DbRequestContext context, JsonNode params) {
		return tableQuery(context, params, (table) -> {
			List<String> conditions = new ArrayList<>();
			String filter = Params.string(params, "tableFilter");
			if (filter != null && !filter.isBlank()) {
				conditions.add("(" + FilterTranslator.translate(filter, table) + ")");
			}
			return new Query(table, conditions, new ArrayList<>(),
					"_ROWID_" + (reverse(params) ? " DESC" : " ASC"));
		});
	}

	@Nullable ObjectNode getRecordsByIndex(DbRequestContext context, JsonNode params) {
		String indexName = Params.requireString(params, "indexName");
		return tableQuery(context, params, (table) -> indexQuery(table, table.requireIndex(indexName), params));
	}

	@Nullable ObjectNode getRecordsInKeyRange(DbRequestContext context, JsonNode params) {
		JsonNode filter = Params.requireObject(params, "indexFilter");
		String indexName = Params.requireString(filter, "indexName");
		String binaryFormat = RecordActions.requestBinaryFormat(params, context);
		return tableQuery(context, params, (table) -> {
			IndexDefinition index = table.requireIndex(indexName);
			Query query = indexQuery(table, index, params);
			JsonNode fieldFilters = Params.node(filter, "indexFieldFilters");
			if (fieldFilters != null) {
				if (!fieldFilters.isArray()) {
					throw DbError.INVALID_PARAMETER.exception("'indexFieldFilters' must be an array");
				}
				for (JsonNode fieldFilter : fieldFilters) {
					IndexDefinition.IndexField field = indexField(table, index, Params.requireString(fieldFilter,
							"fieldName"));
					String operator = operator(Params.requireString(fieldFilter, "operator"));
					JsonNode value = fieldFilter.get("value");
					FieldDefinition definition = table.requireField(field.name());
					if (value == null || value.isNull()
							|| (value.isString() && value.stringValue().isEmpty()
									&& definition.type().kind() != FieldType.Kind.STRING)) {
						continue;
					}
					query.conditions().add(expression(table, field) + " " + operator + " "
							+ comparable(definition, field));
					query.parameters().add(ValueCodec.toJdbc(definition, value, binaryFormat));
				}
			}
			return query;
		});
	}

	private static String comparable(FieldDefinition definition, IndexDefinition.IndexField field) {
		return IndexKeys.parameter(definition, field);
	}

	private static IndexDefinition.IndexField indexField(TableDefinition table, IndexDefinition index, String name) {
		return index.fields().stream().filter((field) -> field.name().equalsIgnoreCase(name)).findFirst()
			.orElseThrow(() -> DbError.INVALID_PARAMETER.exception("field '" + name + "' is not part of index '"
					+ index.name() + "' of table '" + table.tableName() + "'"));
	}

	private static String operator(String operator) {
		return switch (operator.trim()) {
			case "=", "==" -> "=";
			case ">" -> ">";
			case ">=" -> ">=";
			case "<" -> "<";
			case "<=" -> "<=";
			default -> throw DbError.INVALID_PARAMETER.exception("'" + operator
					+ "' is not an operator (=, >, >=, <, <=)");
		};
	}

	@Nullable ObjectNode getRecordsStartingAtKey(DbRequestContext context, JsonNode params) {
		JsonNode filter = Params.requireObject(params, "indexFilter");
		String indexName = Params.requireString(filter, "indexName");
		String operator = operator(Params.string(filter, "operator") != null ? Params.string(filter, "operator") : ">=");
		JsonNode keyNode = Params.requireArray(filter, "indexFields");
		String binaryFormat = RecordActions.requestBinaryFormat(params, context);
		boolean reverse = reverse(params);
		return tableQuery(context, params, (table, connection) -> {
			IndexDefinition index = table.requireIndex(indexName);
			int size = keyNode.size();
			if (size == 0 || size > index.fields().size()) {
				throw DbError.INVALID_PARAMETER.exception("'indexFields' must give 1 to " + index.fields().size()
						+ " key fields");
			}
			List<String> expressions = new ArrayList<>();
			List<String> placeholders = new ArrayList<>();
			List<@Nullable Object> values = new ArrayList<>();
			for (int i = 0; i < size; i++) {
				IndexDefinition.IndexField field = index.fields().get(i);
				JsonNode part = keyNode.get(i);
				String name = Params.requireString(part, "fieldName");
				if (!field.name().equalsIgnoreCase(name)) {
					throw DbError.INVALID_PARAMETER.exception("'indexFields' must follow the fields of index '"
							+ index.name() + "' in order; expected '" + field.name() + "', got '" + name + "'");
				}
				FieldDefinition definition = table.requireField(field.name());
				expressions.add(expression(table, field));
				placeholders.add(comparable(definition, field));
				values.add(ValueCodec.toJdbc(definition, part.get("value"), binaryFormat));
			}
			Query base = indexQuery(table, index, params);
			boolean backwards = operator.startsWith("<");
			String tuple = "(" + String.join(", ", expressions) + ")";
			List<String> conditions = new ArrayList<>(base.conditions());
			conditions.add(tuple + " " + operator + " (" + String.join(", ", placeholders) + ")");
			List<IndexDefinition.IndexField> allFields = index.fields();
			List<String> keyExpressions = new ArrayList<>();
			for (IndexDefinition.IndexField field : allFields) {
				keyExpressions.add(expression(table, field));
			}
			keyExpressions.add("_ROWID_");
			String find = "SELECT " + String.join(", ", keyExpressions) + " FROM " + SqlNames.table(table)
					+ " WHERE " + String.join(" AND ", conditions) + " ORDER BY "
					+ IndexKeys.order(table, index, backwards) + " LIMIT 1";
			List<@Nullable Object> start = new ArrayList<>();
			try (PreparedStatement statement = connection.prepareStatement(find)) {
				RecordActions.bind(statement, values, 1);
				try (ResultSet rs = statement.executeQuery()) {
					if (!rs.next()) {
						throw DbError.KEY_NOT_FOUND.exception();
					}
					for (int i = 1; i <= keyExpressions.size(); i++) {
						start.add(rs.getObject(i));
					}
				}
			}
			List<Boolean> descending = new ArrayList<>();
			allFields.forEach((field) -> descending.add(field.sortDescending() ^ reverse));
			descending.add(reverse);
			List<String> alternatives = new ArrayList<>();
			List<@Nullable Object> parameters = new ArrayList<>();
			for (int i = 0; i <= keyExpressions.size(); i++) {
				List<String> parts = new ArrayList<>();
				for (int j = 0; j < i && j < keyExpressions.size(); j++) {
					parts.add(keyExpressions.get(j) + " = ?");
					parameters.add(start.get(j));
				}
				if (i < keyExpressions.size()) {
					parts.add(keyExpressions.get(i) + (descending.get(i) ? " < ?" : " > ?"));
					parameters.add(start.get(i));
				}
				alternatives.add("(" + String.join(" AND ", parts) + ")");
			}
			List<String> mainConditions = new ArrayList<>(base.conditions());
			mainConditions.add("(" + String.join(" OR ", alternatives) + ")");
			return new Query(table, mainConditions, parameters, IndexKeys.order(table, index, reverse));
		});
	}

	@Nullable ObjectNode getRecordsByPartialKeyRange(DbRequestContext context, JsonNode params) {
		JsonNode filter = Params.node(params, "indexFilter");
		JsonNode source = (filter != null && filter.isObject()) ? filter : params;
		String indexName = Params.requireString(source, "indexName");
		JsonNode partialKey = Params.node(source, "partialKey");
		if (partialKey == null) {
			throw DbError.MISSING_PARAMETER.exception("partialKey");
		}
		String binaryFormat = RecordActions.requestBinaryFormat(params, context);
		return tableQuery(context, params, (table) -> {
			IndexDefinition index = table.requireIndex(indexName);
			Query whole = indexQuery(table, index, params);
			Query query = indexQuery(table, index, params);
			List<JsonNode> parts = new ArrayList<>();
			if (partialKey.isArray()) {
				partialKey.forEach(parts::add);
			}
			else {
				parts.add(partialKey);
			}
			if (parts.isEmpty() || parts.size() > index.fields().size()) {
				throw DbError.INVALID_PARAMETER.exception("'partialKey' must give 1 to " + index.fields().size()
						+ " values");
			}
			for (int i = 0; i < parts.size(); i++) {
				IndexDefinition.IndexField field = index.fields().get(i);
				FieldDefinition definition = table.requireField(field.name());
				JsonNode value = parts.get(i);
				boolean last = i == parts.size() - 1;
				if (last && value.isString() && definition.type().kind() == FieldType.Kind.STRING) {
					// a prefix of the key form: the value's key form starts the segment's key form
					String prefix = comparable(definition, field);
					query.conditions().add("LEFT(" + expression(table, field) + ", CHAR_LENGTH(" + prefix + ")) = "
							+ prefix);
					query.parameters().add(value.stringValue());
					query.parameters().add(value.stringValue());
				}
				else {
					query.conditions().add(expression(table, field) + " = " + comparable(definition, field));
					query.parameters().add(ValueCodec.toJdbc(definition, value, binaryFormat));
				}
			}
			// documented: when no key matches, a cursor's current record is the last record of the index
			return query.withWhenNoMatch(whole);
		});
	}

	@Nullable ObjectNode getRecordsByIds(DbRequestContext context, JsonNode params) {
		Database database = this.api.database(params, context);
		String owner = this.api.owner(params, context);
		String tableName = Params.requireString(params, "tableName");
		String binaryFormat = RecordActions.requestBinaryFormat(params, context);
		RecordFormat format = context.format();
		return this.api.work(database, params, context, (connection, transaction) -> {
			TableDefinition table = database.catalog().require(connection, owner, tableName);
			List<List<Object>> keys = RecordActions.keys(table, params, binaryFormat);
			List<Column> columns = table.fields().stream().map(Column::of).toList();
			ArrayNode data = NODES.arrayNode();
			try (PreparedStatement select = connection.prepareStatement("SELECT " + selectList(table) + " FROM "
					+ SqlNames.table(table) + " WHERE " + RecordActions.keyCondition(table.primaryKeyFields()))) {
				for (List<Object> key : keys) {
					RecordActions.bind(select, key, 1);
					try (ResultSet rs = select.executeQuery()) {
						if (rs.next()) {
							data.add(Column.row(rs, columns, format));
						}
					}
				}
			}
			ObjectNode result = header(columns, format);
			result.set("data", data);
			result.put("moreRecords", false);
			result.put("totalRecordCount", data.size());
			return result;
		});
	}

	// ------------------------------------------------------------------ running a query

	@FunctionalInterface
	interface QueryBuilder {

		Query build(TableDefinition table, Connection connection) throws SQLException;

	}

	@FunctionalInterface
	interface SimpleQueryBuilder {

		Query build(TableDefinition table);

	}

	private @Nullable ObjectNode tableQuery(DbRequestContext context, JsonNode params, SimpleQueryBuilder builder) {
		return tableQuery(context, params, (QueryBuilder) (table, connection) -> builder.build(table));
	}

	/**
	 * Runs a table query: a page of records (skipRecords, maxRecords, moreRecords,
	 * totalRecordCount), or with returnCursor a server cursor.
	 */
	private @Nullable ObjectNode tableQuery(DbRequestContext context, JsonNode params, QueryBuilder builder) {
		Database database = this.api.database(params, context);
		String owner = this.api.owner(params, context);
		String tableName = Params.requireString(params, "tableName");
		RecordFormat format = context.format();
		boolean returnCursor = Params.bool(params, "returnCursor", false);
		long skip = Math.max(0, Params.integer(params, "skipRecords", 0));
		long max = Params.integer(params, "maxRecords", DEFAULT_MAX_RECORDS);
		boolean forceCount = Params.bool(params, "forceRecordCount", false);
		return this.api.work(database, params, context, (connection, transaction) -> {
			TableDefinition table = database.catalog().require(connection, owner, tableName);
			Query query = builder.build(table, connection);
			List<Column> columns = table.fields().stream().map(Column::of).toList();
			ObjectNode result = header(columns, format);
			if (returnCursor) {
				Query read = query;
				boolean fromEnd = query.whenNoMatch() != null && count(connection, query) == 0;
				if (fromEnd) {
					read = query.whenNoMatch();
				}
				ServerCursor cursor = ServerCursor.open(this.api.newId(), context.sessionKey(), database,
						table.ownerName() + "." + table.tableName(), read.select(), read.parameters(), columns,
						(transaction != null) ? connection : null, (transaction != null) ? transaction.id() : null,
						null, context.now());
				if (fromEnd) {
					try {
						cursor.moveToEnd();
					}
					catch (SQLException | RuntimeException ex) {
						cursor.close();
						throw ex;
					}
				}
				this.api.registerCursor(cursor);
				result.put("cursorId", cursor.id());
				if (forceCount) {
					result.put("totalRecordCount", count(connection, query));
				}
				return result;
			}
			String sql = query.select() + ((max >= 0) ? " LIMIT " + (max + 1) : "") + " OFFSET " + skip;
			ArrayNode data = result.putArray("data");
			boolean more = false;
			try (PreparedStatement statement = connection.prepareStatement(sql)) {
				RecordActions.bind(statement, query.parameters(), 1);
				try (ResultSet rs = statement.executeQuery()) {
					while (rs.next()) {
						if (max >= 0 && data.size() >= max) {
							more = true;
							break;
						}
						data.add(Column.row(rs, columns, format));
					}
				}
			}
			result.put("moreRecords", more);
			result.put("totalRecordCount", count(connection, query));
			return result;
		});
	}

	private static long count(Connection connection, Query query) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(query.count())) {
			RecordActions.bind(statement, query.parameters(), 1);
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				return rs.getLong(1);
			}
		}
	}

	// ------------------------------------------------------------------ cursors

	@Nullable ObjectNode getRecordsFromCursor(DbRequestContext context, JsonNode params) throws SQLException {
		String cursorId = Params.requireString(params, "cursorId");
		long fetch = Params.integer(params, "fetchRecords", DEFAULT_MAX_RECORDS);
		long skip = Params.integer(params, "skipRecords", 0);
		String startFrom = Params.string(params, "startFrom");
		for (String undocumented : List.of("id", "bookmark")) {
			if (Params.node(params, undocumented) != null) {
				throw DbError.NOT_EMULATED.exception(undocumented, "getRecordsFromCursor");
			}
		}
		RecordFormat format = context.format();
		ServerCursor cursor = this.api.cursor(context, cursorId);
		if (cursor == null) {
			throw DbError.UNKNOWN_CURSOR.exception(cursorId);
		}
		ServerTransaction transaction = null;
		if (cursor.transactionId() != null) {
			transaction = this.api.transaction(context, cursor.transactionId());
			transaction.lock().lock();
		}
		cursor.lock().lock();
		try {
			if (cursor.isClosed()) {
				throw DbError.UNKNOWN_CURSOR.exception(cursorId);
			}
			cursor.touch(context.now());
			ServerCursor.Page page = cursor.fetch(startFrom, skip, fetch, format);
			cursor.touch(context.now());
			ObjectNode result = header(cursor.columns(), format);
			result.set("data", page.data());
			result.put("moreRecords", page.moreRecords());
			return result;
		}
		catch (SQLException ex) {
			throw this.api.translate(ex, null);
		}
		finally {
			cursor.lock().unlock();
			if (transaction != null) {
				transaction.lock().unlock();
			}
		}
	}
}
