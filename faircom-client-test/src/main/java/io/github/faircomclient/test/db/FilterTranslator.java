package io.github.faircomclient.test.db;

import java.util.Locale;
import java.util.Set;

/**
 * Translates FairCom filter expressions ({@code tableFilter}, {@code conditionalExpression}, e.g.
 * {@code ranking <= 3}, {@code livedpast2000 == 1}, {@code name < "W"}) into an H2 SQL condition.
 * Only field names of the table, literals, comparison/logical/arithmetic operators, parentheses and
 * a few common functions are accepted, so nothing else can reach the SQL. {@code bit} fields compare
 * as the numbers 0 and 1 (as in {@code livedpast2000 == 1}); {@code true}/{@code false} mean 1/0.
 */
final class FilterTranslator {

	private static final Set<String> KEYWORDS = Set.of("AND", "OR", "NOT", "LIKE", "IS", "NULL", "IN", "BETWEEN",
			"TRUE", "FALSE", "ESCAPE");

	private static final Set<String> FUNCTIONS = Set.of("LOWER", "UPPER", "LENGTH", "ABS", "TRIM", "LTRIM", "RTRIM",
			"COALESCE", "SUBSTRING", "ROUND", "FLOOR", "CEILING", "MOD");

	private FilterTranslator() {
	}

	/**
	 * Translates an expression.
	 * @param expression the FairCom expression
	 * @param table the table whose fields the expression names
	 * @return the SQL condition
	 * @throws DbException with the provisional invalid-parameter or field-not-found code when the
	 * expression cannot be translated
	 */
	static String translate(String expression, TableDefinition table) {
		StringBuilder sql = new StringBuilder();
		int i = 0;
		int length = expression.length();
		int depth = 0;
		while (i < length) {
			char c = expression.charAt(i);
			if (Character.isWhitespace(c)) {
				i++;
				continue;
			}
			if (c == '"' || c == '\'') {
				StringBuilder value = new StringBuilder();
				int j = i + 1;
				boolean closed = false;
				while (j < length) {
					char d = expression.charAt(j);
					if (d == '\\' && j + 1 < length) {
						value.append(expression.charAt(j + 1));
						j += 2;
						continue;
					}
					if (d == c) {
						if (j + 1 < length && expression.charAt(j + 1) == c) {
							value.append(c);
							j += 2;
							continue;
						}
						closed = true;
						break;
					}
					value.append(d);
					j++;
				}
				if (!closed) {
					throw invalid(expression, "unterminated string");
				}
				sql.append(SqlNames.literal(value.toString())).append(' ');
				i = j + 1;
				continue;
			}
			if (Character.isDigit(c) || (c == '.' && i + 1 < length && Character.isDigit(expression.charAt(i + 1)))) {
				int j = i;
				while (j < length && (Character.isDigit(expression.charAt(j)) || expression.charAt(j) == '.')) {
					j++;
				}
				if (j < length && (expression.charAt(j) == 'e' || expression.charAt(j) == 'E')) {
					j++;
					if (j < length && (expression.charAt(j) == '+' || expression.charAt(j) == '-')) {
						j++;
					}
					while (j < length && Character.isDigit(expression.charAt(j))) {
						j++;
					}
				}
				sql.append(expression, i, j).append(' ');
				i = j;
				continue;
			}
			if (Character.isLetter(c) || c == '_') {
				int j = i;
				while (j < length && (Character.isLetterOrDigit(expression.charAt(j)) || expression.charAt(j) == '_')) {
					j++;
				}
				String word = expression.substring(i, j);
				String upper = word.toUpperCase(Locale.ROOT);
				int next = j;
				while (next < length && Character.isWhitespace(expression.charAt(next))) {
					next++;
				}
				boolean call = next < length && expression.charAt(next) == '(';
				if (call && FUNCTIONS.contains(upper)) {
					sql.append(upper);
				}
				else if (call) {
					throw invalid(expression, "unknown function " + word);
				}
				else if ("TRUE".equals(upper) || "FALSE".equals(upper)) {
					sql.append("TRUE".equals(upper) ? "1 " : "0 ");
				}
				else if (KEYWORDS.contains(upper)) {
					sql.append(upper).append(' ');
				}
				else {
					FieldDefinition field = table.requireField(word);
					String column = SqlNames.quote(field.name());
					sql.append((field.type() == FieldType.BIT) ? "CAST(" + column + " AS INTEGER)" : column).append(' ');
				}
				i = j;
				continue;
			}
			String two = (i + 1 < length) ? expression.substring(i, i + 2) : "";
			switch (two) {
				case "==" -> {
					sql.append("= ");
					i += 2;
					continue;
				}
				case "!=", "<>" -> {
					sql.append("<> ");
					i += 2;
					continue;
				}
				case "<=", ">=" -> {
					sql.append(two).append(' ');
					i += 2;
					continue;
				}
				case "&&" -> {
					sql.append("AND ");
					i += 2;
					continue;
				}
				case "||" -> {
					sql.append("OR ");
					i += 2;
					continue;
				}
				default -> {
				}
			}
			switch (c) {
				case '=', '<', '>', '+', '-', '*', '/', '%', ',' -> sql.append(c).append(' ');
				case '!' -> sql.append("NOT ");
				case '(' -> {
					depth++;
					sql.append("( ");
				}
				case ')' -> {
					depth--;
					if (depth < 0) {
						throw invalid(expression, "unbalanced parentheses");
					}
					sql.append(") ");
				}
				default -> throw invalid(expression, "unexpected character '" + c + "'");
			}
			i++;
		}
		if (depth != 0) {
			throw invalid(expression, "unbalanced parentheses");
		}
		String result = sql.toString().trim();
		if (result.isEmpty()) {
			throw invalid(expression, "empty expression");
		}
		return result;
	}

	private static DbException invalid(String expression, String reason) {
		return DbError.INVALID_PARAMETER.exception("Invalid filter expression '" + expression + "': " + reason);
	}
}
