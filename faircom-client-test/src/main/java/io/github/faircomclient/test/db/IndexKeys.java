package io.github.faircomclient.test.db;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The keys of an index as H2 sees them. A segment on a string field that is {@code caseInsensitive}
 * (compared in upper case) or {@code reverseCompare} (compared from its last character to its first)
 * is indexed through an invisible generated column that holds its key form, so uniqueness, order and
 * key comparisons follow the declared collation; {@code sortDescending} segments are indexed and read
 * in descending order. Queries compare {@link #expression key forms} with {@link #parameter key forms
 * of the request's values}.
 */
final class IndexKeys {

	private static final String REVERSE = SqlNames.quote(Catalog.SYSTEM_SCHEMA) + "." + SqlNames.quote("reverse_key");

	private IndexKeys() {
	}

	/**
	 * Whether a segment's key differs from the field's value.
	 */
	static boolean transformed(FieldDefinition field, IndexDefinition.IndexField segment) {
		return field.type().kind() == FieldType.Kind.STRING && (segment.caseInsensitive() || segment.reverseCompare());
	}

	private static String keyForm(FieldDefinition field, IndexDefinition.IndexField segment, String operand) {
		if (field.type().kind() != FieldType.Kind.STRING) {
			return operand;
		}
		String key = segment.caseInsensitive() ? "UPPER(" + operand + ")" : operand;
		return segment.reverseCompare() ? REVERSE + "(" + key + ")" : key;
	}

	/**
	 * The key form of a segment's field in a table's rows.
	 */
	static String expression(TableDefinition table, IndexDefinition.IndexField segment) {
		FieldDefinition field = table.requireField(segment.name());
		return keyForm(field, segment, SqlNames.quote(field.name()));
	}

	/**
	 * The key form of a request value bound to a {@code ?} for a segment.
	 */
	static String parameter(FieldDefinition field, IndexDefinition.IndexField segment) {
		return keyForm(field, segment, ValueCodec.placeholder(field.type()));
	}

	/**
	 * The order of an index, read forwards or in reverse, with the row id as the last tie-breaker.
	 */
	static String order(TableDefinition table, IndexDefinition index, boolean reverse) {
		List<String> parts = new ArrayList<>();
		for (IndexDefinition.IndexField segment : index.fields()) {
			parts.add(expression(table, segment) + ((segment.sortDescending() ^ reverse) ? " DESC" : " ASC"));
		}
		parts.add("_ROWID_" + (reverse ? " DESC" : " ASC"));
		return String.join(", ", parts);
	}

	private static @Nullable String hiddenColumn(TableDefinition table, IndexDefinition index, int position) {
		IndexDefinition.IndexField segment = index.fields().get(position);
		FieldDefinition field = table.field(segment.name());
		return (field != null && transformed(field, segment)) ? index.h2Name() + "$" + (position + 1) : null;
	}

	/**
	 * Creates the H2 index of an index (and the generated key columns it needs).
	 * @throws SQLException when H2 refuses, e.g. existing rows that duplicate a unique key; the
	 * generated columns are removed again
	 */
	static void create(Statement statement, TableDefinition table, IndexDefinition index) throws SQLException {
		List<String> columns = new ArrayList<>();
		try {
			for (int i = 0; i < index.fields().size(); i++) {
				IndexDefinition.IndexField segment = index.fields().get(i);
				String hidden = hiddenColumn(table, index, i);
				String column = SqlNames.quote(segment.name());
				if (hidden != null) {
					if (segment.reverseCompare()) {
						statement.execute("CREATE ALIAS IF NOT EXISTS " + REVERSE + " FOR '"
								+ SqlFunctions.class.getName() + ".reverse'");
					}
					statement.execute("ALTER TABLE " + SqlNames.table(table) + " ADD COLUMN " + SqlNames.quote(hidden)
							+ " CHARACTER VARYING INVISIBLE GENERATED ALWAYS AS (" + expression(table, segment) + ")");
					column = SqlNames.quote(hidden);
				}
				columns.add(column + (segment.sortDescending() ? " DESC" : ""));
			}
			statement.execute("CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX "
					+ SqlNames.quote(table.ownerName()) + "." + SqlNames.quote(index.h2Name()) + " ON "
					+ SqlNames.table(table) + " (" + String.join(", ", columns) + ")");
		}
		catch (SQLException ex) {
			try {
				dropHiddenColumns(statement, table, index);
			}
			catch (SQLException cleanup) {
				ex.addSuppressed(cleanup);
			}
			throw ex;
		}
	}

	/**
	 * Drops the H2 index of an index and its generated key columns.
	 */
	static void drop(Statement statement, TableDefinition table, IndexDefinition index) throws SQLException {
		statement.execute("DROP INDEX IF EXISTS " + SqlNames.quote(table.ownerName()) + "."
				+ SqlNames.quote(index.h2Name()));
		dropHiddenColumns(statement, table, index);
	}

	private static void dropHiddenColumns(Statement statement, TableDefinition table, IndexDefinition index)
			throws SQLException {
		for (int i = 0; i < index.fields().size(); i++) {
			String hidden = hiddenColumn(table, index, i);
			if (hidden != null) {
				statement.execute("ALTER TABLE " + SqlNames.table(table) + " DROP COLUMN IF EXISTS "
						+ SqlNames.quote(hidden));
			}
		}
	}

	/**
	 * Functions H2 calls by name from generated key columns. Public only because H2 invokes them
	 * through reflection; the enclosing type keeps them out of the emulator's API.
	 */
	public static final class SqlFunctions {

		private SqlFunctions() {
		}

		/**
		 * The key form of a {@code reverseCompare} segment: the characters in reverse order.
		 * @param value the value (or its upper-case form)
		 * @return the reversed value, or {@code null} for {@code null}
		 */
		public static @Nullable String reverse(@Nullable String value) {
			return (value != null) ? new StringBuilder(value).reverse().toString() : null;
		}
	}
}
