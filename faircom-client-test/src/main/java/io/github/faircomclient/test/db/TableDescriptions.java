package io.github.faircomclient.test.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Tables and indexes as FairCom describes them (describeTables, deleteTables, createIndex, listIndexes).
 */
final class TableDescriptions {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private TableDescriptions() {
	}

	static String folder(Database database) {
		return ".\\" + database.name() + ".dbs";
	}

	/**
	 * Describes a table as describeTables does, or (for deleteTables) in the older layout that
	 * FairCom's deleteTables example shows.
	 */
	static ObjectNode describe(Connection connection, TableDefinition table, boolean deleteLayout)
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
}
