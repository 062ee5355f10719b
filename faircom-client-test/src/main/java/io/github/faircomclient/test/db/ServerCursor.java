package io.github.faircomclient.test.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * A server-side cursor: a live H2 result set with a position. Outside a transaction it runs on its
 * own connection with lazy query execution, so rows are produced as they are fetched and a large
 * result is never held in memory. Moving backwards re-runs the query and skips forward.
 */
final class ServerCursor {

	private final String id;

	private final String sessionKey;

	private final Database database;

	private final String source;

	private final String sql;

	private final List<@Nullable Object> parameters;

	private final List<Column> columns;

	private final Connection connection;

	private final boolean ownsConnection;

	private final @Nullable String transactionId;

	private final ReentrantLock lock = new ReentrantLock();

	private @Nullable PreparedStatement statement;

	private @Nullable ResultSet resultSet;

	private long position;

	private boolean hasCurrent;

	private boolean exhausted;

	private Instant lastAccess;

	private boolean closed;

	/** One fetch: the rows and whether more follow. */
	record Page(ArrayNode data, boolean moreRecords) {
	}

	private ServerCursor(String id, String sessionKey, Database database, String source, String sql,
			List<@Nullable Object> parameters, List<Column> columns, Connection connection, boolean ownsConnection,
			@Nullable String transactionId, Instant now) {
		this.id = id;
		this.sessionKey = sessionKey;
		this.database = database;
		this.source = source;
		this.sql = sql;
		this.parameters = parameters;
		this.columns = columns;
		this.connection = connection;
		this.ownsConnection = ownsConnection;
		this.transactionId = transactionId;
		this.lastAccess = now;
	}

	/**
	 * Opens a cursor over a query.
	 * @param transactionConnection the transaction's connection, or {@code null} for a dedicated one
	 */
	static ServerCursor open(String id, String sessionKey, Database database, String source, String sql,
			List<@Nullable Object> parameters, List<Column> columns, @Nullable Connection transactionConnection,
			@Nullable String transactionId, @Nullable String schema, Instant now) throws SQLException {
		Connection connection = transactionConnection;
		boolean owns = false;
		if (connection == null) {
			connection = database.dedicatedConnection();
			owns = true;
			try (Statement setup = connection.createStatement()) {
				setup.execute("SET LAZY_QUERY_EXECUTION TRUE");
				if (schema != null) {
					setup.execute("SET SCHEMA " + SqlNames.quote(schema));
				}
			}
			connection.setAutoCommit(false);
		}
		ServerCursor cursor = new ServerCursor(id, sessionKey, database, source, sql, parameters, columns, connection,
				owns, transactionId, now);
		try {
			cursor.execute();
		}
		catch (SQLException | RuntimeException ex) {
			cursor.close();
			throw ex;
		}
		return cursor;
	}

	private void execute() throws SQLException {
		closeResult();
		PreparedStatement prepared = this.connection.prepareStatement(this.sql, ResultSet.TYPE_FORWARD_ONLY,
				ResultSet.CONCUR_READ_ONLY);
		this.statement = prepared;
		for (int i = 0; i < this.parameters.size(); i++) {
			prepared.setObject(i + 1, this.parameters.get(i));
		}
		this.resultSet = prepared.executeQuery();
		this.position = 0;
		this.hasCurrent = false;
		this.exhausted = false;
	}

	String id() {
		return this.id;
	}

	String sessionKey() {
		return this.sessionKey;
	}

	Database database() {
		return this.database;
	}

	String source() {
		return this.source;
	}

	@Nullable String transactionId() {
		return this.transactionId;
	}

	ReentrantLock lock() {
		return this.lock;
	}

	long position() {
		return this.position;
	}

	Instant lastAccess() {
		return this.lastAccess;
	}

	boolean isClosed() {
		return this.closed;
	}

	List<Column> columns() {
		return this.columns;
	}

	void touch(Instant now) {
		this.lastAccess = now;
	}

	/**
	 * Moves and fetches.
	 * @param startFrom {@code beforeFirstRecord}, {@code afterLastRecord}, {@code currentPosition} or null
	 * @param skip records to move before fetching (negative moves back)
	 * @param fetch records to fetch (negative fetches backwards, returned nearest first)
	 */
	Page fetch(@Nullable String startFrom, long skip, long fetch, RecordFormat format) throws SQLException {
		if (this.closed) {
			throw new IllegalStateException("cursor closed");
		}
		if (startFrom != null) {
			switch (startFrom) {
				case "beforeFirstRecord" -> seek(0);
				case "afterLastRecord" -> seekEnd();
				case "currentPosition" -> {
				}
				default -> throw DbError.INVALID_PARAMETER.exception("'startFrom' must be beforeFirstRecord, "
						+ "afterLastRecord or currentPosition, not '" + startFrom + "'");
			}
		}
		if (skip != 0) {
			seek(Math.max(0, this.position + skip));
		}
		ArrayNode data = JsonNodeFactory.instance.arrayNode();
		if (fetch >= 0) {
			for (long i = 0; i < fetch && available(); i++) {
				data.add(Column.row(this.resultSet, this.columns, format));
				consume();
			}
			return new Page(data, available());
		}
		long end = this.position;
		long start = Math.max(0, end + fetch);
		seek(start);
		List<JsonNode> rows = new ArrayList<>();
		while (this.position < end && available()) {
			rows.add(Column.row(this.resultSet, this.columns, format));
			consume();
		}
		Collections.reverse(rows);
		rows.forEach(data::add);
		seek(start);
		return new Page(data, start > 0);
	}

	private boolean available() throws SQLException {
		if (this.hasCurrent) {
			return true;
		}
		if (this.exhausted || this.resultSet == null) {
			return false;
		}
		if (this.resultSet.next()) {
			this.hasCurrent = true;
			return true;
		}
		this.exhausted = true;
		return false;
	}

	private void consume() {
		this.hasCurrent = false;
		this.position++;
	}

	private void seek(long target) throws SQLException {
		if (target < this.position) {
			execute();
		}
		while (this.position < target && available()) {
			consume();
		}
	}

	private void seekEnd() throws SQLException {
		while (available()) {
			consume();
		}
	}

	private void closeResult() {
		try {
			if (this.resultSet != null) {
				this.resultSet.close();
			}
			if (this.statement != null) {
				this.statement.close();
			}
		}
		catch (SQLException ex) {
			// connection already gone
		}
		this.resultSet = null;
		this.statement = null;
	}

	/**
	 * Frees the result set and, for a dedicated connection, the connection.
	 */
	void close() {
		this.closed = true;
		closeResult();
		if (this.ownsConnection) {
			try {
				this.connection.rollback();
				this.connection.close();
			}
			catch (SQLException ex) {
				// already closed
			}
		}
	}
}
