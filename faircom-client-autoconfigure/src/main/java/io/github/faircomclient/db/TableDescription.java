package io.github.faircomclient.db;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A table as {@code describeTables} (and {@code createTable}) report it: its fields as the
 * server defined them (including the {@code id} and {@code changeId} fields it adds), its
 * indexes and its keys.
 *
 * @param databaseName the database of the table
 * @param ownerName the owner of the table
 * @param tableName the table name
 * @param fields the fields in their order
 * @param indexes the indexes
 * @param primaryKeyFields the fields of the primary key in key order
 * @param changeIdField the field that holds the change id, or {@code null} if none
 * @param totalRecordCount the number of records, or {@code -1} if not reported
 * @param uid the server's id of the table
 * @param path the server's path of the table, if reported
 */
public record TableDescription(String databaseName, String ownerName, String tableName, List<FieldDefinition> fields,
		List<IndexInfo> indexes, List<String> primaryKeyFields, @Nullable String changeIdField, long totalRecordCount,
		long uid, @Nullable String path) {

	/**
	 * Create a table description.
	 * @param databaseName the database of the table
	 * @param ownerName the owner of the table
	 * @param tableName the table name
	 * @param fields the fields in their order
	 * @param indexes the indexes
	 * @param primaryKeyFields the fields of the primary key
	 * @param changeIdField the change-id field or {@code null}
	 * @param totalRecordCount the number of records or {@code -1}
	 * @param uid the server's id of the table
	 * @param path the server's path of the table or {@code null}
	 */
	public TableDescription {
		fields = List.copyOf(fields);
		indexes = List.copyOf(indexes);
		primaryKeyFields = List.copyOf(primaryKeyFields);
	}

	/**
	 * Find a field by name, ignoring case.
	 * @param name the field name
	 * @return the field, if the table has it
	 */
	public Optional<FieldDefinition> field(String name) {
		return this.fields.stream().filter((field) -> field.getName().equalsIgnoreCase(name)).findFirst();
	}

	/**
	 * Find an index by name, ignoring case.
	 * @param name the index name
	 * @return the index, if the table has it
	 */
	public Optional<IndexInfo> index(String name) {
		return this.indexes.stream().filter((index) -> index.indexName().equalsIgnoreCase(name)).findFirst();
	}

}
