package io.github.faircomclient.test.db;

import java.sql.Connection;
import java.sql.SQLException;

import org.h2.jdbcx.JdbcConnectionPool;

/**
 * One FairCom database: its own H2 database (owners are H2 schemas) with a small connection pool
 * for single actions and dedicated connections for cursors and transactions.
 */
public final class Database {

	private final String name;

	private final long uid;

	private final String path;

	private final String url;

	private final JdbcConnectionPool pool;

	private final Catalog catalog;

	Database(String name, long uid, String path, String url, DbStore store) {
		this.name = name;
		this.uid = uid;
		this.path = path;
		this.url = url;
		this.pool = JdbcConnectionPool.create(url, "sa", "");
		this.pool.setMaxConnections(32);
		this.catalog = new Catalog(this, store);
	}

	/**
	 * Returns the name exactly as declared.
	 * @return the name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * Returns the database's uid.
	 * @return the uid
	 */
	public long uid() {
		return this.uid;
	}

	/**
	 * Returns the path reported for the database.
	 * @return the path
	 */
	public String path() {
		return this.path;
	}

	Catalog catalog() {
		return this.catalog;
	}

	/**
	 * Borrows a pooled connection (auto-commit off); close it to give it back.
	 * @return the connection
	 * @throws SQLException when H2 fails
	 */
	Connection pooledConnection() throws SQLException {
		Connection connection = this.pool.getConnection();
		connection.setAutoCommit(false);
		connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
		return connection;
	}

	/**
	 * Opens a dedicated connection (for a cursor or a transaction).
	 * @return the connection
	 * @throws SQLException when H2 fails
	 */
	Connection dedicatedConnection() throws SQLException {
		Connection connection = H2Connections.open(this.url);
		connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
		return connection;
	}

	void shutdown(boolean dropData) {
		try (Connection connection = H2Connections.open(this.url);
				var statement = connection.createStatement()) {
			if (dropData) {
				statement.execute("DROP ALL OBJECTS DELETE FILES");
			}
			statement.execute("SHUTDOWN");
		}
		catch (SQLException ex) {
			// already closed
		}
		this.pool.dispose();
	}
}
