package io.github.faircomclient.db;

import java.time.Duration;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * What a bulk load wrote, exactly: the records of the input from {@link #firstRecord()}
 * up to (not including) the {@link #highWaterMark()} are written; the records of
 * {@link #inDoubt()}, if any, may or may not be; every other record is not. A load that
 * completed has its high-water mark after the last record. Records are numbered by their
 * position in the input, from 0, also when the load {@linkplain BulkOptions#resumeAt(long)
 * resumed}.
 * <p>
 * Returned by a load that completed; a load that stopped throws a
 * {@link FairComBulkLoadException} that carries it.
 */
public final class BulkResult {

	private final String action;

	private final BulkMode mode;

	private final long firstRecord;

	private final long highWaterMark;

	private final long batches;

	private final long bytesSent;

	private final Duration elapsed;

	private final @Nullable RecordRange failed;

	private final @Nullable RecordRange inDoubt;

	BulkResult(String action, BulkMode mode, long firstRecord, long highWaterMark, long batches, long bytesSent,
			Duration elapsed, @Nullable RecordRange failed, @Nullable RecordRange inDoubt) {
		this.action = action;
		this.mode = mode;
		this.firstRecord = firstRecord;
		this.highWaterMark = highWaterMark;
		this.batches = batches;
		this.bytesSent = bytesSent;
		this.elapsed = elapsed;
		this.failed = failed;
		this.inDoubt = inDoubt;
	}

	/**
	 * Return the write action of the load.
	 * @return {@code insertRecords} or {@code updateRecords}
	 */
	public String action() {
		return this.action;
	}

	/**
	 * Return the mode of the load.
	 * @return the mode
	 */
	public BulkMode mode() {
		return this.mode;
	}

	/**
	 * Return the index of the first record the load was to write.
	 * @return the resume point, 0 unless the load resumed
	 */
	public long firstRecord() {
		return this.firstRecord;
	}

	/**
	 * Return the index after the last record written: the records from
	 * {@link #firstRecord()} up to it are written, and a re-run
	 * {@linkplain BulkOptions#resumeAt(long) resumes} here (after checking the records
	 * {@linkplain #inDoubt() in doubt}, if any).
	 * @return the high-water mark
	 */
	public long highWaterMark() {
		return this.highWaterMark;
	}

	/**
	 * Return the number of records written.
	 * @return the records between the first record and the high-water mark
	 */
	public long recordsWritten() {
		return this.highWaterMark - this.firstRecord;
	}

	/**
	 * Return the number of batches written.
	 * @return the batches committed (for an all-or-nothing load, the batches of the
	 * committed transaction)
	 */
	public long batches() {
		return this.batches;
	}

	/**
	 * Return the bytes of records sent, in batches written or not.
	 * @return bytes of JSON
	 */
	public long bytesSent() {
		return this.bytesSent;
	}

	/**
	 * Return how long the load took.
	 * @return the elapsed time
	 */
	public Duration elapsed() {
		return this.elapsed;
	}

	/**
	 * Return the records written per second.
	 * @return records per second
	 */
	public double recordsPerSecond() {
		long nanos = this.elapsed.toNanos();
		return (nanos > 0) ? recordsWritten() * 1e9 / nanos : 0;
	}

	/**
	 * Return the records of the batch whose failure stopped the load.
	 * @return the batch, empty if the load completed or stopped before a batch (bad input,
	 * a failing source)
	 */
	public Optional<RecordRange> failed() {
		return Optional.ofNullable(this.failed);
	}

	/**
	 * Return the records of the batch whose commit may or may not have happened: its answer
	 * was lost and neither {@code listTransactions} nor reading the records back could tell.
	 * Check them before a re-run.
	 * @return the batch, empty if nothing is in doubt
	 */
	public Optional<RecordRange> inDoubt() {
		return Optional.ofNullable(this.inDoubt);
	}

	@Override
	public String toString() {
		return "BulkResult[action=" + this.action + ", mode=" + this.mode + ", firstRecord=" + this.firstRecord
				+ ", highWaterMark=" + this.highWaterMark + ", batches=" + this.batches + ", bytesSent="
				+ this.bytesSent + ", elapsed=" + this.elapsed + ((this.failed != null) ? ", failed=" + this.failed : "")
				+ ((this.inDoubt != null) ? ", inDoubt=" + this.inDoubt : "") + "]";
	}

	/**
	 * Records of the input, by index.
	 *
	 * @param first the index of the first record
	 * @param count the number of records
	 */
	public record RecordRange(long first, long count) {

		/**
		 * Return the index after the last record.
		 * @return {@code first + count}
		 */
		public long end() {
			return this.first + this.count;
		}

		@Override
		public String toString() {
			return "records " + this.first + " to " + (end() - 1);
		}

	}

}
