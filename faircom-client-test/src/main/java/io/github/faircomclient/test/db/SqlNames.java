package io.github.faircomclient.test.db;

/**
 * Quotes names for H2 so that they keep the case they were declared with.
 */
final class SqlNames {

	private SqlNames() {
	}

	/**
	 * Quotes an identifier.
	 * @param name the name exactly as declared
	 * @return the quoted identifier
	 */
	static String quote(String name) {
		return '"' + name.replace("\"", "\"\"") + '"';
	}

	/**
	 * Quotes a string literal.
	 * @param value the value
	 * @return the SQL literal
	 */
	static String literal(String value) {
		return '\'' + value.replace("'", "''") + '\'';
	}

	/**
	 * Returns the qualified, quoted name of a table.
	 * @param table the table
	 * @return {@code "owner"."table"}
	 */
	static String table(TableDefinition table) {
		return quote(table.ownerName()) + "." + quote(table.tableName());
	}
}
