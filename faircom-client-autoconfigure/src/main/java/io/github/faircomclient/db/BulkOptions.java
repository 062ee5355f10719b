package io.github.faircomclient.db;

import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The options of one bulk load ({@link DbOperations#bulkInsert},
 * {@link DbOperations#bulkUpdate}): its {@link BulkMode}, and optionally its lanes, a
 * progress listener, where a re-run resumes and, for updates, whether change-id
 * protection is off. Immutable: each method returns a copy.
 * <pre class="code">
 * BulkResult result = db.bulkInsert("orders", orders, BulkOptions.resumable()
 *     .lanes(8)
 *     .onProgress((progress) -&gt; log.info("{} records", progress.recordsWritten())));
 * </pre>
 */
public final class BulkOptions {

	private final BulkMode mode;

	private final @Nullable Integer lanes;

	private final @Nullable Consumer<? super BulkProgress> progress;

	private final long resumeAt;

	private final boolean ignoreChangeIdProtection;

	private BulkOptions(BulkMode mode, @Nullable Integer lanes, @Nullable Consumer<? super BulkProgress> progress,
			long resumeAt, boolean ignoreChangeIdProtection) {
		this.mode = mode;
		this.lanes = lanes;
		this.progress = progress;
		this.resumeAt = resumeAt;
		this.ignoreChangeIdProtection = ignoreChangeIdProtection;
	}

	/**
	 * Load every record or none, serially, in one transaction: the one the call runs in
	 * (a view of {@link DbOperations#withTransaction}, an {@code inTransaction} callback,
	 * {@code @Transactional}), else a new one committed at the end.
	 * @return the options
	 * @see BulkMode#ALL_OR_NOTHING
	 */
	public static BulkOptions allOrNothing() {
		return new BulkOptions(BulkMode.ALL_OR_NOTHING, null, null, 0, false);
	}

	/**
	 * Load through parallel lanes ({@code faircom.db.bulk.lanes} unless
	 * {@link #lanes(int)} says otherwise), each batch in a transaction of its own,
	 * committed in input order, so that a failure leaves exactly the records before the
	 * high-water mark written. Not possible inside a transaction.
	 * @return the options
	 * @see BulkMode#RESUMABLE
	 */
	public static BulkOptions resumable() {
		return new BulkOptions(BulkMode.RESUMABLE, null, null, 0, false);
	}

	/**
	 * Write through this many lanes instead of {@code faircom.db.bulk.lanes}; each lane
	 * uses one pooled connection at a time.
	 * @param lanes between 1 and 64
	 * @return a copy with the lanes
	 * @throws IllegalStateException for an all-or-nothing load, which is serial
	 */
	public BulkOptions lanes(int lanes) {
		BulkSettings.checkLanes(lanes);
		Assert.state(this.mode == BulkMode.RESUMABLE || lanes == 1,
				"An all-or-nothing bulk load runs in one transaction and is serial; use BulkOptions.resumable() "
						+ "for parallel lanes");
		return new BulkOptions(this.mode, lanes, this.progress, this.resumeAt, this.ignoreChangeIdProtection);
	}

	/**
	 * Call the listener after every batch written, in input order and one call at a time
	 * (from the thread of the lane that wrote it): keep it short, it holds up the next
	 * commit.
	 * @param listener the listener
	 * @return a copy with the listener
	 */
	public BulkOptions onProgress(Consumer<? super BulkProgress> listener) {
		Assert.notNull(listener, "'listener' must not be null");
		return new BulkOptions(this.mode, this.lanes, listener, this.resumeAt, this.ignoreChangeIdProtection);
	}

	/**
	 * Resume a load that stopped: skip the first records of the input (those before the
	 * {@linkplain BulkResult#highWaterMark() high-water mark} of the run that stopped) and
	 * load the rest, numbering records as in the whole input. The input must be the same
	 * records in the same order.
	 * @param recordIndex the index of the first record to load
	 * @return a copy that resumes there
	 */
	public BulkOptions resumeAt(long recordIndex) {
		Assert.isTrue(recordIndex >= 0, "'recordIndex' must not be negative");
		return new BulkOptions(this.mode, this.lanes, this.progress, recordIndex, this.ignoreChangeIdProtection);
	}

	/**
	 * Update records without change-id protection ({@code ignoreChangeIdProtection}): the
	 * records need not carry their current change id. For {@code bulkUpdate} only.
	 * @return a copy without change-id protection
	 */
	public BulkOptions ignoreChangeIdProtection() {
		return new BulkOptions(this.mode, this.lanes, this.progress, this.resumeAt, true);
	}

	/**
	 * Return the mode.
	 * @return the mode
	 */
	public BulkMode getMode() {
		return this.mode;
	}

	/**
	 * Return the lanes the call asked for.
	 * @return the lanes, or {@code null} for {@code faircom.db.bulk.lanes} (always 1 for
	 * an all-or-nothing load)
	 */
	public @Nullable Integer getLanes() {
		return this.lanes;
	}

	/**
	 * Return the progress listener.
	 * @return the listener, or {@code null} for none
	 */
	public @Nullable Consumer<? super BulkProgress> getProgressListener() {
		return this.progress;
	}

	/**
	 * Return the index of the first record to load.
	 * @return the index, 0 unless resuming
	 */
	public long getResumeAt() {
		return this.resumeAt;
	}

	/**
	 * Return whether updates ignore change-id protection.
	 * @return whether {@code ignoreChangeIdProtection} is sent
	 */
	public boolean isIgnoreChangeIdProtection() {
		return this.ignoreChangeIdProtection;
	}

	@Override
	public String toString() {
		return "BulkOptions[mode=" + this.mode + ", lanes=" + this.lanes + ", resumeAt=" + this.resumeAt
				+ ((this.progress != null) ? ", onProgress" : "")
				+ ((this.ignoreChangeIdProtection) ? ", ignoreChangeIdProtection" : "") + "]";
	}

}
