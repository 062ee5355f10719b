package io.github.faircomclient.db;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/**
 * Reads the descriptions in DB results (databases, tables, indexes, fields) from their JSON
 * trees. Counts and ids may come as numbers or, with {@code numberFormat: "string"}, as
 * strings; missing properties, and numbers out of range, get neutral values rather than
 * failing.
 */
final class DbResults {

	private DbResults() {
	}

	static DatabaseInfo database(JsonNode node) {
		return new DatabaseInfo(string(node, "databaseName"), text(node, "path", null), number(node, "uid", 0));
	}

	static TableInfo table(JsonNode node) {
		return new TableInfo(string(node, "databaseName"), string(node, "ownerName"), string(node, "tableName"),
				text(node, "path", null), number(node, "uid", 0), number(node, "totalRecordCount", -1));
	}

	static IndexInfo index(JsonNode node) {
		List<IndexField> fields = new ArrayList<>();
		for (JsonNode field : node.path("fields")) {
			fields.add(new IndexField(nonEmpty(string(field, "name")), bool(field, "sortDescending"),
					bool(field, "caseInsensitive"), bool(field, "reverseCompare")));
		}
		return new IndexInfo(string(node, "databaseName"), string(node, "ownerName"), string(node, "tableName"),
				string(node, "indexName"), fields, bool(node, "unique"), text(node, "conditionalExpression", null),
				text(node, "filename", null), Objects.requireNonNullElse(integer(node, "indexNumber"), 0));
	}

	static FieldDefinition field(JsonNode node) {
		JsonNode defaultValue = node.get("defaultValue");
		return FieldDefinition.of(nonEmpty(string(node, "name")), nonEmpty(string(node, "type")), integer(node, "length"),
				integer(node, "scale"), node.path("nullable").isBoolean() ? node.get("nullable").booleanValue() : null,
				(defaultValue == null || defaultValue.isNull()) ? null
						: defaultValue.isString() ? defaultValue.stringValue() : defaultValue.toString(),
				integer(node, "primaryKey"), text(node, "autoValue", null));
	}

	static TableDescription description(JsonNode node) {
		List<FieldDefinition> fields = new ArrayList<>();
		node.path("fields").forEach((field) -> fields.add(field(field)));
		List<IndexInfo> indexes = new ArrayList<>();
		node.path("indexes").forEach((index) -> indexes.add(index(index)));
		List<String> keys = new ArrayList<>();
		node.path("primaryKeyFields").forEach((key) -> keys.add(key.asString()));
		if (keys.isEmpty()) {
			fields.stream()
				.filter((field) -> field.getPrimaryKey() != null && field.getPrimaryKey() > 0)
				.sorted(Comparator.comparing(FieldDefinition::getPrimaryKey))
				.forEach((field) -> keys.add(field.getName()));
		}
		String changeIdField = text(node, "changeIdField", null);
		return new TableDescription(string(node, "databaseName"), string(node, "ownerName"),
				string(node, "tableName"), fields, indexes, keys,
				(changeIdField == null || changeIdField.isEmpty()) ? null : changeIdField,
				number(node, "totalRecordCount", -1), number(node, "uid", 0), text(node, "path", null));
	}

	private static String nonEmpty(String value) {
		return value.isEmpty() ? "?" : value;
	}

	static String string(JsonNode node, String name) {
		String value = text(node, name, null);
		return (value != null) ? value : "";
	}

	static @Nullable String text(JsonNode node, String name, @Nullable String fallback) {
		JsonNode value = node.get(name);
		if (value == null || value.isNull() || value.isMissingNode()) {
			return fallback;
		}
		return value.isString() ? value.stringValue() : value.toString();
	}

	static long number(JsonNode node, String name, long fallback) {
		Long value = longValue(node.get(name));
		return (value != null) ? value : fallback;
	}

	static @Nullable Integer integer(JsonNode node, String name) {
		Long value = longValue(node.get(name));
		return (value != null && value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE) ? value.intValue() : null;
	}

	static @Nullable Long longValue(@Nullable JsonNode value) {
		if (value == null) {
			return null;
		}
		if (value.isIntegralNumber() && value.canConvertToLong()) {
			return value.longValue();
		}
		if (value.isString()) {
			try {
				return Long.valueOf(value.stringValue().trim());
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}
		return null;
	}

	static boolean bool(JsonNode node, String name) {
		JsonNode value = node.get(name);
		if (value == null) {
			return false;
		}
		return value.isBoolean() ? value.booleanValue()
				: (value.isString() ? "true".equalsIgnoreCase(value.stringValue()) : value.asInt(0) != 0);
	}

}
