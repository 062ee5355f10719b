package io.github.faircomclient.db;

import java.time.Duration;

/**
 * Where a bulk load stands after a batch was committed, as its progress listener
 * ({@link BulkOptions#onProgress}) and its observation see it.
 *
 * @param firstRecord the index in the input of the first record the load wrote (its
 * {@linkplain BulkOptions#resumeAt(long) resume point}, else 0)
 * @param highWaterMark the index after the last record written: every record from
 * {@code firstRecord} up to it is written
 * @param batches the batches written
 * @param bytesSent the bytes of records sent, in batches written or not
 * @param elapsed the time since the load started
 * @param batchRecords the records of the last batch written
 */
public record BulkProgress(long firstRecord, long highWaterMark, long batches, long bytesSent, Duration elapsed,
		int batchRecords) {

	/**
	 * Return the number of records written so far.
	 * @return the records written
	 */
	public long recordsWritten() {
		return this.highWaterMark - this.firstRecord;
	}

	/**
	 * Return the records written per second so far.
	 * @return records per second, 0 before any time has passed
	 */
	public double recordsPerSecond() {
		long nanos = this.elapsed.toNanos();
		return (nanos > 0) ? recordsWritten() * 1e9 / nanos : 0;
	}

}
