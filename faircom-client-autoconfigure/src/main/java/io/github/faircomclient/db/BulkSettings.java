package io.github.faircomclient.db;

import java.time.Duration;

import org.springframework.util.Assert;

/**
 * Settings of the bulk loader ({@link DbOperations#bulkInsert} and
 * {@link DbOperations#bulkUpdate}), {@code faircom.db.bulk.*}: how many lanes a resumable
 * load writes through, and how batches are sized. A batch grows toward
 * {@link #getTargetBatchBytes()} of JSON within {@link #getMinBatchRecords()} and
 * {@link #getMaxBatchRecords()} records, the way FairCom's Postgres foreign data wrapper
 * sizes its batches (50 to 2000 rows, about 1 MB), and shrinks while a batch takes longer
 * than {@link #getLatencyBudget()}. Immutable; the defaults are defined here once.
 */
public final class BulkSettings {

	/**
	 * Default number of lanes of a resumable load.
	 */
	public static final int DEFAULT_LANES = 4;

	/**
	 * Default size of JSON a batch aims at: 1 MB.
	 */
	public static final long DEFAULT_TARGET_BATCH_BYTES = 1024 * 1024;

	/**
	 * Default fewest records per batch (unless the input runs out).
	 */
	public static final int DEFAULT_MIN_BATCH_RECORDS = 50;

	/**
	 * Default most records per batch.
	 */
	public static final int DEFAULT_MAX_BATCH_RECORDS = 2000;

	/**
	 * Default longest a batch's write should take before batches shrink: 2 seconds.
	 */
	public static final Duration DEFAULT_LATENCY_BUDGET = Duration.ofSeconds(2);

	private static final BulkSettings DEFAULTS = builder().build();

	private final int lanes;

	private final long targetBatchBytes;

	private final int minBatchRecords;

	private final int maxBatchRecords;

	private final Duration latencyBudget;

	private BulkSettings(Builder builder) {
		this.lanes = builder.lanes;
		this.targetBatchBytes = builder.targetBatchBytes;
		this.minBatchRecords = builder.minBatchRecords;
		this.maxBatchRecords = builder.maxBatchRecords;
		this.latencyBudget = builder.latencyBudget;
	}

	/**
	 * Return the default settings.
	 * @return the defaults
	 */
	public static BulkSettings defaults() {
		return DEFAULTS;
	}

	/**
	 * Return a builder with the default settings.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Return the number of lanes a resumable load writes through unless the call sets its
	 * own.
	 * @return the number of lanes
	 */
	public int getLanes() {
		return this.lanes;
	}

	/**
	 * Return the size of JSON a batch aims at.
	 * @return bytes
	 */
	public long getTargetBatchBytes() {
		return this.targetBatchBytes;
	}

	/**
	 * Return the fewest records a batch holds (unless the input runs out), however large
	 * the records are or long the batches take.
	 * @return the fewest records per batch
	 */
	public int getMinBatchRecords() {
		return this.minBatchRecords;
	}

	/**
	 * Return the most records a batch holds, however small the records are.
	 * @return the most records per batch
	 */
	public int getMaxBatchRecords() {
		return this.maxBatchRecords;
	}

	/**
	 * Return the longest a batch's write should take: slower batches halve the batch size,
	 * batches under half of it let it grow again.
	 * @return the latency budget
	 */
	public Duration getLatencyBudget() {
		return this.latencyBudget;
	}

	static void checkLanes(int lanes) {
		Assert.isTrue(lanes >= 1 && lanes <= 64, () -> "'lanes' must be between 1 and 64, not " + lanes);
	}

	@Override
	public String toString() {
		return "BulkSettings[lanes=" + this.lanes + ", targetBatchBytes=" + this.targetBatchBytes
				+ ", minBatchRecords=" + this.minBatchRecords + ", maxBatchRecords=" + this.maxBatchRecords
				+ ", latencyBudget=" + this.latencyBudget + "]";
	}

	/**
	 * Builder for {@link BulkSettings}.
	 */
	public static final class Builder {

		private int lanes = DEFAULT_LANES;

		private long targetBatchBytes = DEFAULT_TARGET_BATCH_BYTES;

		private int minBatchRecords = DEFAULT_MIN_BATCH_RECORDS;

		private int maxBatchRecords = DEFAULT_MAX_BATCH_RECORDS;

		private Duration latencyBudget = DEFAULT_LATENCY_BUDGET;

		private Builder() {
		}

		/**
		 * Set the number of lanes of a resumable load.
		 * @param lanes between 1 and 64
		 * @return this builder
		 */
		public Builder lanes(int lanes) {
			checkLanes(lanes);
			this.lanes = lanes;
			return this;
		}

		/**
		 * Set the size of JSON a batch aims at.
		 * @param targetBatchBytes a positive number of bytes
		 * @return this builder
		 */
		public Builder targetBatchBytes(long targetBatchBytes) {
			Assert.isTrue(targetBatchBytes > 0, "'targetBatchBytes' must be positive");
			this.targetBatchBytes = targetBatchBytes;
			return this;
		}

		/**
		 * Set the fewest records per batch.
		 * @param minBatchRecords a positive number
		 * @return this builder
		 */
		public Builder minBatchRecords(int minBatchRecords) {
			Assert.isTrue(minBatchRecords > 0, "'minBatchRecords' must be positive");
			this.minBatchRecords = minBatchRecords;
			return this;
		}

		/**
		 * Set the most records per batch.
		 * @param maxBatchRecords a positive number
		 * @return this builder
		 */
		public Builder maxBatchRecords(int maxBatchRecords) {
			Assert.isTrue(maxBatchRecords > 0, "'maxBatchRecords' must be positive");
			this.maxBatchRecords = maxBatchRecords;
			return this;
		}

		/**
		 * Set the longest a batch's write should take.
		 * @param latencyBudget a positive duration
		 * @return this builder
		 */
		public Builder latencyBudget(Duration latencyBudget) {
			Assert.notNull(latencyBudget, "'latencyBudget' must not be null");
			Assert.isTrue(!latencyBudget.isNegative() && !latencyBudget.isZero(), "'latencyBudget' must be positive");
			this.latencyBudget = latencyBudget;
			return this;
		}

		/**
		 * Build the settings.
		 * @return the settings
		 * @throws IllegalArgumentException if the fewest records per batch exceed the most
		 */
		public BulkSettings build() {
			Assert.isTrue(this.minBatchRecords <= this.maxBatchRecords,
					() -> "'minBatchRecords' (" + this.minBatchRecords + ") must not exceed 'maxBatchRecords' ("
							+ this.maxBatchRecords + ")");
			return new BulkSettings(this);
		}

	}

}
