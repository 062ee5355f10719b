package io.github.faircomclient.test.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One column of a result: its name as returned, its FairCom type, and the table field it comes
 * from (for table queries; {@code null} for SQL results, which FairCom describes by name and type
 * only).
 *
 * @param name the name as returned
 * @param type the FairCom type
 * @param definition the field definition, or {@code null}
 */
record Column(String name, FieldType type, @Nullable FieldDefinition definition) {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	static Column of(FieldDefinition field) {
		return new Column(field.name(), field.type(), field);
	}

	/**
	 * Describes the returned columns as the {@code fields} array of a result.
	 */
	static ArrayNode fields(List<Column> columns, RecordFormat format) {
		ArrayNode fields = NODES.arrayNode();
		for (Column column : columns) {
			if (!format.returns(column.name())) {
				continue;
			}
			FieldDefinition field = column.definition();
			if (field == null) {
				fields.addObject().put("name", column.name()).put("type", column.type().jsonName());
				continue;
			}
			ObjectNode node = fields.addObject();
			node.put("name", field.name());
			node.put("type", field.type().jsonName());
			node.put("length", field.length());
			node.put("scale", field.scale());
			node.set("defaultValue", defaultValue(field));
			node.put("nullable", field.nullable());
			node.put("primaryKey", field.primaryKey());
			node.put("autoValue", field.autoValue().jsonName());
		}
		return fields;
	}

	static JsonNode defaultValue(FieldDefinition field) {
		JsonNode value = field.defaultValue();
		return (value != null) ? value : NODES.nullNode();
	}

	/**
	 * Renders the current row of a result set whose columns are {@code columns} in order.
	 */
	static JsonNode row(ResultSet rs, List<Column> columns, RecordFormat format) throws SQLException {
		if (format.arrays()) {
			ArrayNode row = NODES.arrayNode();
			for (int i = 0; i < columns.size(); i++) {
				Column column = columns.get(i);
				if (format.returns(column.name())) {
					row.add(ValueCodec.fromJdbc(column.type(), rs, i + 1, format));
				}
			}
			return row;
		}
		ObjectNode row = NODES.objectNode();
		for (int i = 0; i < columns.size(); i++) {
			Column column = columns.get(i);
			if (format.returns(column.name())) {
				row.set(column.name(), ValueCodec.fromJdbc(column.type(), rs, i + 1, format));
			}
		}
		return row;
	}
}
