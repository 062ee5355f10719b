package io.github.faircomclient.db;

import java.util.ArrayList;
import java.util.List;

import io.github.faircomclient.core.FairComResponse;

import tools.jackson.databind.node.ObjectNode;

/**
 * The outcome of {@code insertRecords}, {@code updateRecords} or {@code deleteRecords},
 * over all batches of the call.
 * <p>
 * FairCom documents that {@code deleteRecords} returns the deleted records and their
 * number; what {@code insertRecords} and {@code updateRecords} return is not documented.
 * The emulator returns each record's primary key and new {@code changeId}. When the server
 * reports no count, the count is the number of records sent (the actions are
 * all-or-nothing).
 */
public final class WriteResult {

	private final long recordCount;

	private final List<Returned> returned;

	private final RecordMapper mapper;

	WriteResult(long recordCount, List<Returned> returned, RecordMapper mapper) {
		this.recordCount = recordCount;
		this.returned = List.copyOf(returned);
		this.mapper = mapper;
	}

	/**
	 * Return the number of records written or deleted.
	 * @return the record count
	 */
	public long recordCount() {
		return this.recordCount;
	}

	/**
	 * Return the records the server returned, as trees.
	 * @return the records, possibly empty
	 */
	public List<ObjectNode> records() {
		return this.returned.stream().map(Returned::record).toList();
	}

	/**
	 * Return the records the server returned, mapped to a Java type, e.g. to read the new
	 * {@code changeId} of updated records.
	 * @param <T> the target type
	 * @param type the target type
	 * @return the records, possibly empty
	 */
	public <T> List<T> records(Class<T> type) {
		List<T> mapped = new ArrayList<>(this.returned.size());
		for (Returned returned : this.returned) {
			mapped.add(this.mapper.read(returned.record(), type, returned.response()));
		}
		return mapped;
	}

	@Override
	public String toString() {
		return "WriteResult[recordCount=" + this.recordCount + ", records=" + this.returned.size() + "]";
	}

	/**
	 * A record the server returned, with the answer it came in.
	 */
	record Returned(ObjectNode record, FairComResponse response) {
	}

}
