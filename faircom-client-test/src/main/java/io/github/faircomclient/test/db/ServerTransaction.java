package io.github.faircomclient.test.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

import org.jspecify.annotations.Nullable;

/**
 * A FairCom transaction: its own H2 connection per database it touches (auto-commit off, READ
 * COMMITTED), owned by one session; commit and rollback end it. Its savepoints are numbered 1, 2, 3...
 * and hold one JDBC savepoint per connection open when they were made. Callers hold {@link #lock()}.
 */
final class ServerTransaction {

	private final String id;

	private final String sessionKey;

	private final String username;

	private final @Nullable String description;

	private final Instant created;

	private final Map<Database, Connection> connections = new LinkedHashMap<>();

	private final List<Mark> savepoints = new ArrayList<>();

	private final ReentrantLock lock = new ReentrantLock();

	private int nextSavepointId = 1;

	private volatile boolean open = true;

	/** A savepoint: its number, the JDBC savepoints of the connections open then, and whether SQL voided it. */
	private static final class Mark {

		private final int id;

		private final Map<Database, Savepoint> savepoints;

		private boolean voidedBySql;

		Mark(int id, Map<Database, Savepoint> savepoints) {
			this.id = id;
			this.savepoints = savepoints;
		}
	}

	ServerTransaction(String id, String sessionKey, String username, @Nullable String description, Instant created) {
		this.id = id;
		this.sessionKey = sessionKey;
		this.username = username;
		this.description = description;
		this.created = created;
	}

	String id() {
		return this.id;
	}

	String sessionKey() {
		return this.sessionKey;
	}

	String username() {
		return this.username;
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
	 * Makes a savepoint on every open connection.
	 * @return the savepoint's number
	 */
	int createSavepoint() throws SQLException {
		Map<Database, Savepoint> jdbc = new LinkedHashMap<>();
		for (Map.Entry<Database, Connection> entry : this.connections.entrySet()) {
			jdbc.put(entry.getKey(), entry.getValue().setSavepoint());
		}
		int number = this.nextSavepointId++;
		this.savepoints.add(new Mark(number, jdbc));
		return number;
	}

	/**
	 * Voids every savepoint made so far: SQL ran in the transaction.
	 */
	void sqlRan() {
		this.savepoints.forEach((mark) -> mark.voidedBySql = true);
	}

	/**
	 * Undoes the work done after a savepoint and discards the savepoints made after it; the
	 * savepoint itself and the transaction stay. A connection opened after the savepoint is rolled
	 * back entirely.
	 * @throws DbException when the savepoint is unknown or voided by SQL
	 */
	void revertTo(long savepointId) throws SQLException {
		int index = indexOf(savepointId);
		Mark mark = this.savepoints.get(index);
		if (mark.voidedBySql) {
			throw DbError.SAVEPOINT_VOIDED_BY_SQL.exception(savepointId);
		}
		for (Map.Entry<Database, Connection> entry : this.connections.entrySet()) {
			Savepoint savepoint = mark.savepoints.get(entry.getKey());
			if (savepoint != null) {
				entry.getValue().rollback(savepoint);
			}
			else {
				entry.getValue().rollback();
			}
		}
		this.savepoints.subList(index + 1, this.savepoints.size()).clear();
	}

	/**
	 * Checks that a savepoint can be reverted to.
	 * @throws DbException when it is unknown or voided by SQL
	 */
	void checkSavepoint(long savepointId) {
		if (this.savepoints.get(indexOf(savepointId)).voidedBySql) {
			throw DbError.SAVEPOINT_VOIDED_BY_SQL.exception(savepointId);
		}
	}

	private int indexOf(long savepointId) {
		for (int i = 0; i < this.savepoints.size(); i++) {
			if (this.savepoints.get(i).id == savepointId) {
				return i;
			}
		}
		throw DbError.UNKNOWN_SAVEPOINT.exception(savepointId);
	}

	/**
	 * Returns the numbers of the savepoints that can still be reverted to.
	 * @return the numbers, oldest first
	 */
	List<Integer> savepointIds() {
		return this.savepoints.stream().filter((mark) -> !mark.voidedBySql).map((mark) -> mark.id).toList();
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
		this.savepoints.clear();
	}
}
