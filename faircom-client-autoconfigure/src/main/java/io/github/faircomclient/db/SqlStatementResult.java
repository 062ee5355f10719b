package io.github.faircomclient.db;

import java.util.ArrayList;
import java.util.List;

import io.github.faircomclient.core.FairComResponse;

import tools.jackson.databind.node.ObjectNode;

/**
 * The outcome of one statement of {@code runSqlStatements}. FairCom answers with one
 * result per statement, each with its own {@code errorCode}: a failing statement does not
 * fail the call (only an invalid request does), so check {@link #isSuccess()}. The other
 * properties of a statement's result are not documented; they are read leniently: the
 * emulator reports {@code affectedRecordCount} for a change and {@code data} (every row)
 * for a query.
 */
public final class SqlStatementResult {

	private final String sql;

	private final int errorCode;

	private final String errorMessage;

	private final long affectedRecordCount;

	private final boolean query;

	private final List<ObjectNode> records;

	private final FairComResponse response;

	private final RecordMapper mapper;

	SqlStatementResult(String sql, int errorCode, String errorMessage, long affectedRecordCount, boolean query,
			List<ObjectNode> records, FairComResponse response, RecordMapper mapper) {
		this.sql = sql;
		this.errorCode = errorCode;
		this.errorMessage = errorMessage;
		this.affectedRecordCount = affectedRecordCount;
		this.query = query;
		this.records = List.copyOf(records);
		this.response = response;
		this.mapper = mapper;
	}

	/**
	 * Return the statement, as the server reports it or else as it was sent.
	 * @return the statement
	 */
	public String sql() {
		return this.sql;
	}

	/**
	 * Return whether the statement ran ({@code errorCode} 0).
	 * @return whether it succeeded
	 */
	public boolean isSuccess() {
		return this.errorCode == 0;
	}

	/**
	 * Return the statement's error code.
	 * @return the code, 0 for success
	 */
	public int errorCode() {
		return this.errorCode;
	}

	/**
	 * Return the statement's error message.
	 * @return the message, empty for success
	 */
	public String errorMessage() {
		return this.errorMessage;
	}

	/**
	 * Return the number of records the statement changed ({@code affectedRecordCount}).
	 * @return the count, or {@code -1} if the server reported none
	 */
	public long affectedRecordCount() {
		return this.affectedRecordCount;
	}

	/**
	 * Return whether the statement returned records ({@code data}), as a query does.
	 * @return whether it returned records
	 */
	public boolean isQuery() {
		return this.query;
	}

	/**
	 * Return the records a query returned, as trees.
	 * @return the records, empty for other statements
	 */
	public List<ObjectNode> records() {
		return this.records;
	}

	/**
	 * Return the records a query returned, mapped to a Java type.
	 * @param <T> the record type
	 * @param type the record type
	 * @return the records, empty for other statements
	 */
	public <T> List<T> records(Class<T> type) {
		List<T> mapped = new ArrayList<>(this.records.size());
		for (ObjectNode record : this.records) {
			mapped.add(this.mapper.read(record, type, this.response));
		}
		return mapped;
	}

	@Override
	public String toString() {
		return "SqlStatementResult[errorCode=" + this.errorCode + ", affectedRecordCount=" + this.affectedRecordCount
				+ ", records=" + this.records.size() + "]";
	}

}
