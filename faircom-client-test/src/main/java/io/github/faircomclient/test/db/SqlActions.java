package io.github.faircomclient.test.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * SQL: getRecordsUsingSQL (SELECT only, positional or named {@code sqlParams}) and
 * runSqlStatements (a batch, each statement with its own errorCode).
 */
final class SqlActions {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private final DbApi api;

	SqlActions(DbApi api) {
		this.api = api;
	}

	/** A statement ready for JDBC: named parameters turned into {@code ?}. */
	record PreparedSql(String sql, List<@Nullable Object> parameters) {
	}

	static String stripTerminator(String sql) {
		String trimmed = sql.trim();
		while (trimmed.endsWith(";")) {
			trimmed = trimmed.substring(0, trimmed.length() - 1).trim();
		}
		return trimmed;
	}

	/**
	 * Binds {@code sqlParams}: an array of plain values for {@code ?} markers, or an array of
	 * {@code {name, value}} objects for {@code :name} (or {@code @name}) markers.
	 */
	static PreparedSql bindParameters(String sql, @Nullable JsonNode sqlParams) {
		List<@Nullable Object> values = new ArrayList<>();
		if (sqlParams == null || sqlParams.isNull()) {
			return new PreparedSql(sql, values);
		}
		if (!sqlParams.isArray()) {
			throw DbError.INVALID_PARAMETER.exception("'sqlParams' must be an array");
		}
		boolean named = sqlParams.size() > 0 && sqlParams.get(0).isObject() && sqlParams.get(0).has("name");
		if (!named) {
			for (JsonNode value : sqlParams) {
				values.add(plain(value));
			}
			return new PreparedSql(sql, values);
		}
		Map<String, JsonNode> byName = new HashMap<>();
		for (JsonNode entry : sqlParams) {
			String name = Params.requireString(entry, "name");
			byName.put(normalizeName(name), entry.path("value"));
		}
		StringBuilder out = new StringBuilder();
		int i = 0;
		while (i < sql.length()) {
			char c = sql.charAt(i);
			if (c == '\'' || c == '"') {
				int end = sql.indexOf(c, i + 1);
				end = (end < 0) ? sql.length() - 1 : end;
				out.append(sql, i, end + 1);
				i = end + 1;
				continue;
			}
			if ((c == ':' || c == '@') && i + 1 < sql.length() && Character.isJavaIdentifierStart(sql.charAt(i + 1))
					&& (i == 0 || sql.charAt(i - 1) != ':')) {
				int end = i + 1;
				while (end < sql.length() && Character.isJavaIdentifierPart(sql.charAt(end))) {
					end++;
				}
				String name = sql.substring(i + 1, end).toLowerCase(Locale.ROOT);
				JsonNode value = byName.get(name);
				if (value == null) {
					throw DbError.INVALID_PARAMETER.exception("'sqlParams' has no value for parameter '"
							+ sql.substring(i, end) + "'");
				}
				out.append('?');
				values.add(plain(value));
				i = end;
				continue;
			}
			out.append(c);
			i++;
		}
		return new PreparedSql(out.toString(), values);
	}

	private static String normalizeName(String name) {
		String stripped = (name.startsWith(":") || name.startsWith("@")) ? name.substring(1) : name;
		return stripped.toLowerCase(Locale.ROOT);
	}

	private static @Nullable Object plain(JsonNode value) {
		if (value == null || value.isNull() || value.isMissingNode()) {
			return null;
		}
		if (value.isBoolean()) {
			return value.booleanValue();
		}
		if (value.isIntegralNumber() && value.canConvertToLong()) {
			return value.longValue();
		}
		if (value.isNumber()) {
			return value.decimalValue();
		}
		if (value.isString()) {
			return value.stringValue();
		}
		return value.toString();
	}

	/** The columns of a SQL result: names lower-cased as FairCom SQL reports them, types mapped. */
	static List<Column> columns(ResultSetMetaData metaData) throws SQLException {
		List<Column> columns = new ArrayList<>();
		for (int i = 1; i <= metaData.getColumnCount(); i++) {
			columns.add(new Column(metaData.getColumnLabel(i).toLowerCase(Locale.ROOT),
					FieldType.fromH2TypeName(metaData.getColumnTypeName(i)), null));
		}
		return columns;
	}

	/**
	 * Makes the owner the current schema. Only outside a transaction may a missing schema be
	 * created: DDL in H2 would commit the transaction's work.
	 */
	private static void setSchema(Connection connection, String owner, boolean mayCreate) throws SQLException {
		String existing = null;
		try (PreparedStatement query = connection.prepareStatement(
				"SELECT SCHEMA_NAME FROM INFORMATION_SCHEMA.SCHEMATA WHERE LOWER(SCHEMA_NAME) = LOWER(?)")) {
			query.setString(1, owner);
			try (ResultSet rs = query.executeQuery()) {
				if (rs.next()) {
					existing = rs.getString(1);
				}
			}
		}
		try (Statement statement = connection.createStatement()) {
			if (existing == null && mayCreate) {
				statement.execute("CREATE SCHEMA " + SqlNames.quote(owner));
				existing = owner;
			}
			if (existing != null) {
				statement.execute("SET SCHEMA " + SqlNames.quote(existing));
			}
		}
	}

	private static void resetSchema(Connection connection) {
		try (Statement statement = connection.createStatement()) {
			statement.execute("SET SCHEMA " + SqlNames.quote("public"));
		}
		catch (SQLException ex) {
			// the connection is broken and will be discarded
		}
	}

	@Nullable ObjectNode getRecordsUsingSql(DbRequestContext context, JsonNode params) {
		Database database = this.api.database(params, context);
		String owner = this.api.owner(params, context);
		String sql = stripTerminator(Params.requireString(params, "sql"));
		if (!sql.regionMatches(true, 0, "SELECT", 0, 6) || (sql.length() > 6
				&& Character.isJavaIdentifierPart(sql.charAt(6)))) {
			throw DbError.NOT_A_QUERY.exception();
		}
		PreparedSql prepared = bindParameters(sql, Params.node(params, "sqlParams"));
		RecordFormat format = context.format();
		boolean returnCursor = Params.bool(params, "returnCursor", false);
		long skip = Math.max(0, Params.integer(params, "skipRecords", 0));
		long max = Params.integer(params, "maxRecords", QueryActions.DEFAULT_MAX_RECORDS);
		boolean forceCount = Params.bool(params, "forceRecordCount", false);
		return this.api.work(database, params, context, (connection, transaction) -> {
			if (transaction != null) {
				transaction.sqlRan();
			}
			setSchema(connection, owner, transaction == null);
			try (PreparedStatement statement = connection.prepareStatement(prepared.sql())) {
				RecordActions.bind(statement, prepared.parameters(), 1);
				List<Column> columns = columns(statement.getMetaData());
				ObjectNode result = NODES.objectNode();
				result.put("dataFormat", format.dataFormat());
				result.put("numberFormat", format.numberFormat());
				result.put("binaryFormat", format.binaryFormat());
				result.set("fields", Column.fields(columns, format));
				if (returnCursor) {
					ServerCursor cursor = ServerCursor.open(this.api.newId(), context.sessionKey(), database,
							prepared.sql(), prepared.sql(), prepared.parameters(), columns,
							(transaction != null) ? connection : null,
							(transaction != null) ? transaction.id() : null, owner, context.now());
					this.api.registerCursor(cursor);
					result.put("cursorId", cursor.id());
				}
				else {
					if (max >= 0) {
						statement.setMaxRows((int) Math.min(Integer.MAX_VALUE, skip + max + 1));
					}
					ArrayNode data = result.putArray("data");
					boolean more = false;
					try (ResultSet rs = statement.executeQuery()) {
						long skipped = 0;
						while (rs.next()) {
							if (skipped < skip) {
								skipped++;
								continue;
							}
							if (max >= 0 && data.size() >= max) {
								more = true;
								break;
							}
							data.add(Column.row(rs, columns, format));
						}
					}
					result.put("moreRecords", more);
				}
				if (forceCount) {
					try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM ("
							+ prepared.sql() + ")")) {
						RecordActions.bind(count, prepared.parameters(), 1);
						try (ResultSet rs = count.executeQuery()) {
							rs.next();
							result.put("totalRecordCount", rs.getLong(1));
						}
					}
				}
				return result;
			}
			finally {
				if (transaction == null) {
					resetSchema(connection);
				}
			}
		});
	}

	/**
	 * Runs a batch in one new transaction: each statement gets its own errorCode; a failing
	 * statement is undone (H2 undoes a failed statement) and the others still run; the transaction
	 * commits at the end. DDL statements commit the work before them, as H2 does.
	 */
	@Nullable ObjectNode runSqlStatements(DbRequestContext context, JsonNode params) {
		String transactionId = Params.string(params, "transactionId");
		if (transactionId != null && !transactionId.isEmpty()) {
			throw DbError.SQL_IN_TRANSACTION.exception();
		}
		Database database = this.api.database(params, context);
		String owner = this.api.owner(params, context);
		List<String> statements = Params.strings(params, "sqlStatements");
		if (statements == null) {
			throw (params.has("sqlStatements") ? DbError.WRONG_TYPE.exception("params.sqlStatements", "an array of strings")
					: DbError.MISSING_PARAMETER.exception("sqlStatements"));
		}
		RecordFormat format = context.format();
		ArrayNode data = NODES.arrayNode();
		try (Connection connection = database.pooledConnection()) {
			setSchema(connection, owner, true);
			connection.commit();
			for (String text : statements) {
				data.add(runStatement(connection, text, format));
			}
			connection.commit();
			resetSchema(connection);
			connection.commit();
		}
		catch (SQLException ex) {
			throw this.api.translate(ex, null);
		}
		finally {
			database.catalog().invalidate();
		}
		ObjectNode result = NODES.objectNode();
		result.put("dataFormat", "objects");
		result.set("data", data);
		return result;
	}

	private ObjectNode runStatement(Connection connection, String text, RecordFormat format) {
		ObjectNode entry = NODES.objectNode();
		entry.put("sql", text);
		try (Statement statement = connection.createStatement()) {
			if (statement.execute(stripTerminator(text))) {
				try (ResultSet rs = statement.getResultSet()) {
					List<Column> columns = columns(rs.getMetaData());
					entry.set("fields", Column.fields(columns, format));
					ArrayNode rows = entry.putArray("data");
					while (rs.next()) {
						rows.add(Column.row(rs, columns, format));
					}
					entry.put("moreRecords", false);
				}
			}
			else {
				entry.put("affectedRecordCount", Math.max(0, statement.getUpdateCount()));
			}
			entry.put("errorCode", 0);
			entry.put("errorMessage", "");
		}
		catch (SQLException ex) {
			DbException error = this.api.translate(ex, null);
			entry.put("errorCode", error.errorCode());
			entry.put("errorMessage", error.getMessage());
		}
		return entry;
	}
}
