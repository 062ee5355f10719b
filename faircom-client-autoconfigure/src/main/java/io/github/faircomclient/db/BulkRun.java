package io.github.faircomclient.db;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

import io.github.faircomclient.db.BulkResult.RecordRange;
import io.github.faircomclient.observation.FairComBulkObservationContext;
import io.github.faircomclient.observation.FairComObservationDocumentation.BulkEvents;

/**
 * The state of one bulk load, shared by its lanes: the input (read by one lane at a time,
 * records numbered by their place in the whole input), the batch sizer, the commit order
 * with the high-water mark, the bytes sent, and the failure that stops the load (the one
 * of the lowest batch number; later ones are attached to it). Thread-safe: a lock of its
 * own serializes reading the input; no lock is held across I/O.
 */
final class BulkRun {

	/**
	 * The batch number of a failure that belongs to no batch (an interrupt, an unexpected
	 * error between batches): it stops the load without keeping any batch from committing.
	 */
	static final long NOT_A_BATCH = Long.MAX_VALUE - 1;

	private final String action;

	private final String tableName;

	private final BulkOptions options;

	private final Iterator<?> input;

	private final ReentrantLock inputLock = new ReentrantLock();

	private long nextIndex;

	private long nextSequence;

	private boolean inputDone;

	private final BatchSizer sizer;

	private final CommitOrder order;

	private final AtomicLong bytesSent = new AtomicLong();

	private final long start = System.nanoTime();

	private final Observation observation;

	private final FairComBulkObservationContext context;

	private final ReentrantLock failureLock = new ReentrantLock();

	private long failedSequence = Long.MAX_VALUE;

	private @Nullable Throwable failure;

	private @Nullable RecordRange failedRange;

	private @Nullable RecordRange inDoubt;

	BulkRun(String action, String tableName, Iterator<?> input, BulkOptions options, BulkSettings settings, int lanes,
			Observation observation, FairComBulkObservationContext context) {
		this.action = action;
		this.tableName = tableName;
		this.input = input;
		this.options = options;
		this.sizer = new BatchSizer(settings);
		this.order = new CommitOrder(options.getResumeAt(), lanes);
		this.observation = observation;
		this.context = context;
	}

	String action() {
		return this.action;
	}

	String tableName() {
		return this.tableName;
	}

	BulkOptions options() {
		return this.options;
	}

	BatchSizer sizer() {
		return this.sizer;
	}

	CommitOrder order() {
		return this.order;
	}

	Observation observation() {
		return this.observation;
	}

	/**
	 * Take the records of the next batch from the input.
	 * @return the records with their batch number and place, or {@code null} once the
	 * input is exhausted or the load stopped
	 * @throws InputFailure if reading the input failed
	 */
	@Nullable Taken take() {
		int records = this.sizer.nextBatchRecords();
		this.inputLock.lock();
		try {
			if (this.inputDone || this.order.hasFailed()) {
				return null;
			}
			long sequence = this.nextSequence++;
			long first;
			List<Object> taken = new ArrayList<>(records);
			try {
				skipToTheResumePoint();
				first = this.nextIndex;
				while (taken.size() < records && this.input.hasNext()) {
					taken.add(this.input.next());
					this.nextIndex++;
				}
			}
			catch (RuntimeException ex) {
				this.inputDone = true;
				throw new InputFailure(sequence, this.nextIndex, ex);
			}
			if (taken.isEmpty()) {
				this.inputDone = true;
				return null;
			}
			return new Taken(sequence, first, taken);
		}
		finally {
			this.inputLock.unlock();
		}
	}

	private void skipToTheResumePoint() {
		while (this.nextIndex < this.options.getResumeAt() && this.input.hasNext()) {
			this.input.next();
			this.nextIndex++;
		}
		if (this.nextIndex < this.options.getResumeAt()) {
			this.nextIndex = this.options.getResumeAt();
		}
	}

	/**
	 * Count a batch's bytes and learn its records' size.
	 * @param batch the batch about to be sent
	 */
	void encoded(BulkBatch batch) {
		this.bytesSent.addAndGet(batch.bytes());
		this.sizer.encoded(batch.count(), batch.bytes());
	}

	/**
	 * Report a batch written: the observation's event and the progress listener, whose
	 * failure stops the load after this batch.
	 * @param batch the batch
	 * @param batches the batches written so far, this one included
	 */
	void written(BulkBatch batch, long batches) {
		BulkProgress progress = new BulkProgress(this.options.getResumeAt(), batch.end(), batches, this.bytesSent.get(),
				elapsed(), batch.count());
		this.context.setProgress(progress);
		this.observation.event(BulkEvents.BATCH_WRITTEN);
		Consumer<? super BulkProgress> listener = this.options.getProgressListener();
		if (listener != null) {
			try {
				listener.accept(progress);
			}
			catch (RuntimeException ex) {
				fail(batch.sequence() + 1, null, ex, false);
			}
		}
	}

	/**
	 * Record a failure: the load stops taking batches, and no batch from this one on
	 * commits. The failure of the lowest batch number is the one reported.
	 * @param sequence the number of the batch that failed
	 * @param range its records, if known
	 * @param cause the failure
	 * @param inDoubt whether its commit may or may not have happened
	 */
	void fail(long sequence, @Nullable RecordRange range, Throwable cause, boolean inDoubt) {
		this.failureLock.lock();
		try {
			if (sequence < this.failedSequence) {
				if (this.failure != null && this.failure != cause) {
					cause.addSuppressed(this.failure);
				}
				this.failedSequence = sequence;
				this.failure = cause;
				this.failedRange = range;
				this.inDoubt = (inDoubt) ? range : null;
			}
			else if (this.failure != null && this.failure != cause) {
				this.failure.addSuppressed(cause);
			}
		}
		finally {
			this.failureLock.unlock();
		}
		this.order.failed(sequence);
	}

	/**
	 * Return the failure that stopped the load.
	 * @return the failure, or {@code null} if the load has not failed
	 */
	@Nullable Throwable failure() {
		this.failureLock.lock();
		try {
			return this.failure;
		}
		finally {
			this.failureLock.unlock();
		}
	}

	Duration elapsed() {
		return Duration.ofNanos(System.nanoTime() - this.start);
	}

	/**
	 * Return what the load wrote.
	 * @param highWaterMark the index after the last record written
	 * @param batches the batches written
	 * @return the result
	 */
	BulkResult result(long highWaterMark, long batches) {
		this.failureLock.lock();
		try {
			BulkResult result = new BulkResult(this.action, this.options.getMode(), this.options.getResumeAt(),
					highWaterMark, batches, this.bytesSent.get(), elapsed(), this.failedRange, this.inDoubt);
			this.context.setResult(result);
			return result;
		}
		finally {
			this.failureLock.unlock();
		}
	}

	/**
	 * Records taken from the input for one batch.
	 *
	 * @param sequence the batch's number
	 * @param first the index of its first record
	 * @param records the records
	 */
	record Taken(long sequence, long first, List<Object> records) {

	}

	/**
	 * Reading the caller's input failed.
	 */
	static final class InputFailure extends RuntimeException {

		private final long sequence;

		InputFailure(long sequence, long index, RuntimeException cause) {
			super("Reading record " + index + " of the input failed: " + cause.getMessage(), cause);
			this.sequence = sequence;
		}

		long sequence() {
			return this.sequence;
		}

	}

}
