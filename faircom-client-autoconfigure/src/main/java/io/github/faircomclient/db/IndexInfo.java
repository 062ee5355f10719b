package io.github.faircomclient.db;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An index as {@code listIndexes}, {@code createIndex} and {@code describeTables} report it.
 *
 * @param databaseName the database of the table
 * @param ownerName the owner of the table
 * @param tableName the indexed table
 * @param indexName the index name
 * @param fields the indexed fields in key order
 * @param unique whether keys are unique
 * @param conditionalExpression the condition a record must meet to be indexed, or
 * {@code null}
 * @param filename the file of the index, if reported
 * @param indexNumber the server's number of the index in its table
 */
public record IndexInfo(String databaseName, String ownerName, String tableName, String indexName,
		List<IndexField> fields, boolean unique, @Nullable String conditionalExpression, @Nullable String filename,
		int indexNumber) {

	/**
	 * Create an index description.
	 * @param databaseName the database of the table
	 * @param ownerName the owner of the table
	 * @param tableName the indexed table
	 * @param indexName the index name
	 * @param fields the indexed fields in key order
	 * @param unique whether keys are unique
	 * @param conditionalExpression the condition or {@code null}
	 * @param filename the file of the index or {@code null}
	 * @param indexNumber the server's number of the index
	 */
	public IndexInfo {
		fields = List.copyOf(fields);
	}

}
