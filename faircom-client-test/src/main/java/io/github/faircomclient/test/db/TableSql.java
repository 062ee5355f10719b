package io.github.faircomclient.test.db;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The H2 statements behind a FairCom table: its columns, sequences and defaults.
 */
final class TableSql {

	private TableSql() {
	}

	static String sequence(TableDefinition table, FieldDefinition field) {
		return SqlNames.quote(table.ownerName()) + "."
				+ SqlNames.quote(table.tableName() + "$" + field.name() + "$seq");
	}

	static String createTableSql(TableDefinition table) {
		StringBuilder sql = new StringBuilder("CREATE TABLE ").append(SqlNames.table(table)).append(" (");
		List<String> parts = new ArrayList<>();
		for (FieldDefinition field : table.fields()) {
			parts.add(columnDefinition(table, field));
		}
		List<FieldDefinition> key = table.primaryKeyFields();
		if (!key.isEmpty()) {
			parts.add("CONSTRAINT " + SqlNames.quote(table.tableName() + "$pk") + " PRIMARY KEY ("
					+ String.join(", ", key.stream().map((field) -> SqlNames.quote(field.name())).toList()) + ")");
		}
		return sql.append(String.join(", ", parts)).append(')').toString();
	}

	/**
	 * The column definition of a field: name, H2 type, default (auto values included), nullability.
	 */
	static String columnDefinition(TableDefinition table, FieldDefinition field) {
		StringBuilder column = new StringBuilder(SqlNames.quote(field.name())).append(' ')
			.append(field.type().h2Type(field.length(), field.scale()));
		String defaultValue = defaultExpression(table, field);
		if (defaultValue != null) {
			column.append(" DEFAULT ").append(defaultValue);
		}
		if (!field.nullable()) {
			column.append(" NOT NULL");
		}
		return column.toString();
	}

	/**
	 * The SQL default of a field: its auto value or declared default, {@code null} when it has none.
	 */
	static @Nullable String defaultExpression(TableDefinition table, FieldDefinition field) {
		return switch (field.autoValue()) {
			case INCREMENT_ON_INSERT -> "NEXT VALUE FOR " + sequence(table, field);
			case CHANGE_ID -> "NEXT VALUE FOR " + Catalog.CHANGE_ID_SEQUENCE;
			case TIMESTAMP_ON_INSERT, TIMESTAMP_ON_UPDATE_AND_INSERT -> "LOCALTIMESTAMP";
			default -> (field.defaultValue() != null) ? literal(field) : null;
		};
	}

	static String literal(FieldDefinition field) {
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

	static void dropQuietly(Connection connection, TableDefinition table) {
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
}
