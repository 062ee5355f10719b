package io.github.faircomclient.db;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/**
 * The order in which the lanes of a resumable load commit their batches: strictly by
 * batch number, so that what is written is always a prefix of the input. A batch commits
 * only after every batch before it committed; once a batch failed, no later batch commits.
 * A lane whose batch is written before its turn parks it here and goes on with the next
 * batch; the lane that commits the batch before a parked one commits that one too. Parked
 * batches are limited; beyond the limit a lane waits for its turn. Keeps the high-water
 * mark. Thread-safe; the lock is never held across I/O.
 */
final class CommitOrder {

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition changed = this.lock.newCondition();

	private final Map<Long, Written> parked = new HashMap<>();

	private final int maxParked;

	private long next;

	private long failedAt = Long.MAX_VALUE;

	private long highWaterMark;

	private long committed;

	/**
	 * Create the commit order of a load.
	 * @param firstRecord the index of the load's first record
	 * @param maxParked the most batches parked at a time
	 */
	CommitOrder(long firstRecord, int maxParked) {
		this.highWaterMark = firstRecord;
		this.maxParked = maxParked;
	}

	/**
	 * Offer a written batch for its commit. Waits only while the parked batches are at
	 * their limit.
	 * @param written the batch in its open transaction
	 * @return {@link Turn#NOW} if every batch before it committed, {@link Turn#PARKED} if
	 * it was parked for the lane that commits the batch before it, {@link Turn#NEVER} if a
	 * batch before it (or the batch itself) failed, so that it must be rolled back
	 * @throws InterruptedException if the waiting thread is interrupted
	 */
	Turn offer(Written written) throws InterruptedException {
		long sequence = written.batch().sequence();
		this.lock.lock();
		try {
			while (true) {
				if (this.failedAt <= sequence) {
					return Turn.NEVER;
				}
				if (this.next == sequence) {
					return Turn.NOW;
				}
				if (this.parked.size() < this.maxParked) {
					this.parked.put(sequence, written);
					return Turn.PARKED;
				}
				this.changed.await();
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Record that the batch whose turn it was committed, and take the batch after it if
	 * that one is parked: its turn has come, and the caller commits it.
	 * @param batch the batch
	 * @return the next batch to commit, or {@code null} if it is not parked
	 */
	@Nullable Written committed(BulkBatch batch) {
		this.lock.lock();
		try {
			this.next = batch.sequence() + 1;
			this.highWaterMark = batch.end();
			this.committed++;
			this.changed.signalAll();
			return (this.failedAt > this.next) ? this.parked.remove(this.next) : null;
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Take every batch still parked, once every lane has ended: a batch before each of
	 * them failed (or the load was stopped), so none of them commits.
	 * @return the batches to roll back
	 */
	List<Written> takeParked() {
		this.lock.lock();
		try {
			List<Written> left = new ArrayList<>(this.parked.values());
			this.parked.clear();
			return left;
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Record that a batch will not commit: neither it nor any batch after it does.
	 * @param sequence the batch's number
	 */
	void failed(long sequence) {
		this.lock.lock();
		try {
			this.failedAt = Math.min(this.failedAt, sequence);
			this.changed.signalAll();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Return whether any batch failed.
	 * @return whether the load stops
	 */
	boolean hasFailed() {
		this.lock.lock();
		try {
			return this.failedAt != Long.MAX_VALUE;
		}
		finally {
			this.lock.unlock();
		}
	}

	long highWaterMark() {
		this.lock.lock();
		try {
			return this.highWaterMark;
		}
		finally {
			this.lock.unlock();
		}
	}

	long committed() {
		this.lock.lock();
		try {
			return this.committed;
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * What became of a batch offered for its commit.
	 */
	enum Turn {

		/**
		 * Its turn: commit it now.
		 */
		NOW,

		/**
		 * Parked: the lane that commits the batch before it commits it.
		 */
		PARKED,

		/**
		 * It never commits: roll it back.
		 */
		NEVER

	}

	/**
	 * A batch written in its own transaction, waiting for its commit.
	 *
	 * @param batch the batch
	 * @param transaction its open transaction
	 * @param returned the records the server returned for it, to check a lost commit
	 */
	record Written(BulkBatch batch, DbTransactionHolder transaction, JsonNode returned) {

	}

}
