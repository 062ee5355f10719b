package io.github.faircomclient.test.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

import org.jspecify.annotations.Nullable;

/**
 * A FairCom transaction: its own H2 connection per database it touches (auto-commit off, READ
 * COMMITTED), owned by one session; commit and rollback end it.
 */
final class ServerTransaction {

	private final String id;

	private final String sessionKey;

	private final @Nullable String description;

	private final Instant created;

	private final Map<Database, Connection> connections = new LinkedHashMap<>();

	private final ReentrantLock lock = new ReentrantLock();

	private boolean open = true;

	ServerTransaction(String id, String sessionKey, @Nullable String description, Instant created) {
		this.id = id;
		this.sessionKey = sessionKey;
		this.description = description;
		this.created = created;
	}

	String id() {
		return this.id;
	}

	String sessionKey() {
		return this.sessionKey;
	}

	@Nullable String description() {
		return this.description;
	}

	Instant created() {
		return this.created;
	}

	ReentrantLock lock() {
		return this.lock;
	}

	boolean isOpen() {
		return this.open;
	}

	/**
	 * Returns the transaction's connection to a database, opening it on first use.
	 */
	Connection connection(Database database) throws SQLException {
		Connection connection = this.connections.get(database);
		if (connection == null) {
			connection = database.dedicatedConnection();
			connection.setAutoCommit(false);
			this.connections.put(database, connection);
		}
		return connection;
	}

	/**
	 * Commits every connection; if one fails, the others are rolled back and the failure thrown.
	 */
	void commit() throws SQLException {
		this.open = false;
		SQLException failure = null;
		List<Connection> all = new ArrayList<>(this.connections.values());
		for (Connection connection : all) {
			try {
				if (failure == null) {
					connection.commit();
				}
				else {
					connection.rollback();
				}
			}
			catch (SQLException ex) {
				failure = ex;
				try {
					connection.rollback();
				}
				catch (SQLException ignored) {
					// connection unusable
				}
			}
		}
		closeConnections();
		if (failure != null) {
			throw failure;
		}
	}

	/**
	 * Rolls back every connection and ends the transaction.
	 */
	void rollback() {
		this.open = false;
		for (Connection connection : this.connections.values()) {
			try {
				connection.rollback();
			}
			catch (SQLException ex) {
				// connection unusable: closing it discards the work as well
			}
		}
		closeConnections();
	}

	private void closeConnections() {
		for (Connection connection : this.connections.values()) {
			try {
				connection.close();
			}
			catch (SQLException ex) {
				// already closed
			}
		}
		this.connections.clear();
	}
}
