package io.github.faircomclient.db;

import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Decides how many records the next batch of a bulk load takes, shared by its lanes. The
 * first batch takes the fewest records; then the batch size aims at the target bytes from
 * the average size of the records written so far, within the fewest and the most records,
 * and under a cap that follows the latency budget: a write slower than the budget halves
 * the cap (never below the fewest records), a write under half of it raises the cap by a
 * quarter (never above the most). Thread-safe; no I/O under its lock.
 */
final class BatchSizer {

	private static final double WEIGHT_OF_NEW = 0.25;

	private final ReentrantLock lock = new ReentrantLock();

	private final long targetBytes;

	private final int minRecords;

	private final int maxRecords;

	private final long budgetNanos;

	private double bytesPerRecord;

	private int cap;

	BatchSizer(BulkSettings settings) {
		this.targetBytes = settings.getTargetBatchBytes();
		this.minRecords = settings.getMinBatchRecords();
		this.maxRecords = settings.getMaxBatchRecords();
		this.budgetNanos = settings.getLatencyBudget().toNanos();
		this.cap = this.maxRecords;
	}

	/**
	 * Return the number of records the next batch takes.
	 * @return between the fewest and the most records per batch
	 */
	int nextBatchRecords() {
		this.lock.lock();
		try {
			if (this.bytesPerRecord <= 0) {
				return this.minRecords;
			}
			long aimed = (long) (this.targetBytes / this.bytesPerRecord);
			return (int) Math.max(this.minRecords, Math.min(this.cap, aimed));
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Learn the size of a batch's records.
	 * @param records the records of the batch
	 * @param bytes the size of their JSON
	 */
	void encoded(int records, long bytes) {
		if (records == 0) {
			return;
		}
		double perRecord = (double) bytes / records;
		this.lock.lock();
		try {
			this.bytesPerRecord = (this.bytesPerRecord <= 0) ? perRecord
					: this.bytesPerRecord + WEIGHT_OF_NEW * (perRecord - this.bytesPerRecord);
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Learn how long a batch's write took.
	 * @param records the records of the batch
	 * @param took the time its write action took
	 */
	void written(int records, Duration took) {
		long nanos = took.toNanos();
		this.lock.lock();
		try {
			if (nanos > this.budgetNanos) {
				this.cap = Math.max(this.minRecords, Math.min(this.cap, records) / 2);
			}
			else if (nanos < this.budgetNanos / 2 && records >= this.cap) {
				this.cap = Math.min(this.maxRecords, this.cap + Math.max(1, this.cap / 4));
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	int cap() {
		this.lock.lock();
		try {
			return this.cap;
		}
		finally {
			this.lock.unlock();
		}
	}

}
