package io.github.faircomclient.db;

import org.jspecify.annotations.Nullable;

/**
 * A table as {@code listTables} reports it.
 *
 * @param databaseName the database of the table
 * @param ownerName the owner of the table
 * @param tableName the table name
 * @param path the server's path of the table, if reported
 * @param uid the server's id of the table
 * @param totalRecordCount the number of records, or {@code -1} if the server did not count
 */
public record TableInfo(String databaseName, String ownerName, String tableName, @Nullable String path, long uid,
		long totalRecordCount) {

}
