package io.github.faircomclient.db;

import org.jspecify.annotations.Nullable;

/**
 * A database as {@code listDatabases}, {@code createDatabase} and {@code deleteDatabase}
 * report it.
 *
 * @param databaseName the database name
 * @param path the server's path of the database, if reported
 * @param uid the server's id of the database
 */
public record DatabaseInfo(String databaseName, @Nullable String path, long uid) {

}
