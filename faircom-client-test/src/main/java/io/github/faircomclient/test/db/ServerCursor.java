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
 * result is never held in memory. The position of the cursor (records before it) is kept apart
 * from the rows the result set has produced; moving the result set back re-runs the query and skips
 * forward.
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

	private long read;

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
		this.read = 0;
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
	 * Moves and fetches. The position is the number of records before the cursor: a forward fetch
	 * returns the records after it and moves past them, a backward fetch returns the records before
	 * it, nearest first, and moves before them.
	 * @param startFrom {@code beforeFirstRecord}, {@code afterLastRecord}, or null to stay
	 * @param skip records to move before fetching (negative moves back; stops at either end)
	 * @param fetch records to fetch (negative fetches backwards)
	 */
	Page fetch(@Nullable String startFrom, long skip, long fetch, RecordFormat format) throws SQLException {
		if (this.closed) {
			throw new IllegalStateException("cursor closed");
		}
		if (startFrom != null) {
			switch (startFrom) {
				case "beforeFirstRecord" -> this.position = 0;
				case "afterLastRecord" -> moveToEnd();
				default -> throw DbError.INVALID_PARAMETER.exception("'startFrom' must be beforeFirstRecord or "
						+ "afterLastRecord, not '" + startFrom + "'");
			}
		}
		if (skip > 0) {
			this.position = seek(saturatedAdd(this.position, skip));
		}
		else if (skip < 0) {
			this.position = Math.max(0, saturatedAdd(this.position, skip));
		}
		ArrayNode data = JsonNodeFactory.instance.arrayNode();
		if (fetch >= 0) {
			seek(this.position);
			for (long i = 0; i < fetch && available(); i++) {
				data.add(Column.row(this.resultSet, this.columns, format));
				consume();
			}
			this.position = this.read;
			return new Page(data, available());
		}
		long end = this.position;
		long start = Math.max(0, saturatedAdd(end, fetch));
		seek(start);
		List<JsonNode> rows = new ArrayList<>();
		while (this.read < end && available()) {
			rows.add(Column.row(this.resultSet, this.columns, format));
			consume();
		}
		Collections.reverse(rows);
		rows.forEach(data::add);
		this.position = start;
		return new Page(data, start > 0);
	}

	/**
	 * Moves after the last record.
	 */
	void moveToEnd() throws SQLException {
		this.position = seek(Long.MAX_VALUE);
	}

	private static long saturatedAdd(long a, long b) {
		long sum = a + b;
		return (((a ^ sum) & (b ^ sum)) < 0) ? ((b < 0) ? Long.MIN_VALUE : Long.MAX_VALUE) : sum;
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
		this.read++;
	}

	/**
	 * Moves the result set to a row number (re-running the query to move back).
	 * @return the row number reached: the target, or the number of rows when there are fewer
	 */
	private long seek(long target) throws SQLException {
		if (target < this.read) {
			execute();
		}
		while (this.read < target && available()) {
			consume();
		}
		return this.read;
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
