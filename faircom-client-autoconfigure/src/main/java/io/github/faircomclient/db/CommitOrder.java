package io.github.faircomclient.db;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The order in which the lanes of a resumable load commit their batches: strictly by
 * batch number, so that what is written is always a prefix of the input. A batch commits
 * only after every batch before it committed; once a batch failed, no later batch commits.
 * Keeps the high-water mark. Thread-safe; the lock is never held across I/O.
 */
final class CommitOrder {

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition changed = this.lock.newCondition();

	private long next;

	private long failedAt = Long.MAX_VALUE;

	private long highWaterMark;

	private long committed;

	CommitOrder(long firstRecord) {
		this.highWaterMark = firstRecord;
	}

	/**
	 * Wait until the batch may commit: every batch before it committed.
	 * @param sequence the batch's number
	 * @return {@code true} if it is the batch's turn, {@code false} if a batch before it
	 * (or the batch itself) failed, so that it must not commit
	 * @throws InterruptedException if the waiting thread is interrupted
	 */
	boolean awaitTurn(long sequence) throws InterruptedException {
		this.lock.lock();
		try {
			while (this.next != sequence && this.failedAt > sequence) {
				this.changed.await();
			}
			return this.failedAt > sequence;
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Record that the batch whose turn it was committed; the next batch may commit.
	 * @param batch the batch
	 */
	void committed(BulkBatch batch) {
		this.lock.lock();
		try {
			this.next = batch.sequence() + 1;
			this.highWaterMark = batch.end();
			this.committed++;
			this.changed.signalAll();
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

}
