package io.github.faircomclient.db;

import java.time.Duration;

import org.springframework.util.Assert;

import io.github.faircomclient.FairComConfigurationException;

/**
 * Settings of the bulk loader ({@link DbOperations#bulkInsert} and
 * {@link DbOperations#bulkUpdate}), {@code faircom.db.bulk.*}: how many lanes a resumable
 * load writes through, and how batches are sized. A batch grows toward
 * {@link #getTargetBatchBytes()} of JSON within {@link #getMinBatchRecords()} and
 * {@link #getMaxBatchRecords()} records, the way FairCom's Postgres foreign data wrapper
 * sizes its batches (50 to 2000 rows, about 1 MB), and shrinks while a batch takes longer
 * than {@link #getLatencyBudget()}. Immutable; the defaults are the {@code DEFAULT_...}
 * constants, used by the builder and the properties alike.
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

	/**
	 * Most lanes a load may write through.
	 */
	public static final int MAX_LANES = 64;

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
		Assert.isTrue(lanes >= 1 && lanes <= MAX_LANES,
				() -> "'lanes' must be between 1 and " + MAX_LANES + ", not " + lanes);
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
		 * Set the number of lanes of a resumable load ({@code faircom.db.bulk.lanes}).
		 * @param lanes between 1 and {@value BulkSettings#MAX_LANES}
		 * @return this builder
		 */
		public Builder lanes(int lanes) {
			if (lanes < 1 || lanes > MAX_LANES) {
				throw new FairComConfigurationException("faircom.db.bulk.lanes", lanes,
						"it must be between 1 and " + MAX_LANES,
						"Set faircom.db.bulk.lanes to 1 or more, for example 4, and at most "
								+ "faircom.pool.max-connections.");
			}
			this.lanes = lanes;
			return this;
		}

		/**
		 * Set the size of JSON a batch aims at ({@code faircom.db.bulk.target-batch-size}).
		 * @param targetBatchBytes a positive number of bytes
		 * @return this builder
		 */
		public Builder targetBatchBytes(long targetBatchBytes) {
			this.targetBatchBytes = FairComConfigurationException.requireAtLeast("faircom.db.bulk.target-batch-size",
					targetBatchBytes, 1, "1MB");
			return this;
		}

		/**
		 * Set the fewest records per batch ({@code faircom.db.bulk.min-batch-records}).
		 * @param minBatchRecords a positive number
		 * @return this builder
		 */
		public Builder minBatchRecords(int minBatchRecords) {
			this.minBatchRecords = (int) FairComConfigurationException
				.requireAtLeast("faircom.db.bulk.min-batch-records", minBatchRecords, 1, "50");
			return this;
		}

		/**
		 * Set the most records per batch ({@code faircom.db.bulk.max-batch-records}).
		 * @param maxBatchRecords a positive number
		 * @return this builder
		 */
		public Builder maxBatchRecords(int maxBatchRecords) {
			this.maxBatchRecords = (int) FairComConfigurationException
				.requireAtLeast("faircom.db.bulk.max-batch-records", maxBatchRecords, 1, "2000");
			return this;
		}

		/**
		 * Set the longest a batch's write should take
		 * ({@code faircom.db.bulk.latency-budget}).
		 * @param latencyBudget a positive duration
		 * @return this builder
		 */
		public Builder latencyBudget(Duration latencyBudget) {
			this.latencyBudget = FairComConfigurationException.requirePositive("faircom.db.bulk.latency-budget",
					latencyBudget, "2s");
			return this;
		}

		/**
		 * Build the settings.
		 * @return the settings
		 * @throws FairComConfigurationException if the fewest records per batch exceed the
		 * most
		 */
		public BulkSettings build() {
			if (this.minBatchRecords > this.maxBatchRecords) {
				throw new FairComConfigurationException("faircom.db.bulk.min-batch-records", this.minBatchRecords,
						"it is above faircom.db.bulk.max-batch-records (" + this.maxBatchRecords + ")",
						"Lower faircom.db.bulk.min-batch-records or raise faircom.db.bulk.max-batch-records.");
			}
			return new BulkSettings(this);
		}

	}

}
