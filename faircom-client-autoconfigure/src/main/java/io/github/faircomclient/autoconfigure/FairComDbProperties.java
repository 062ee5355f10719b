package io.github.faircomclient.autoconfigure;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import io.github.faircomclient.db.BinaryFormat;
import io.github.faircomclient.db.BulkSettings;
import io.github.faircomclient.db.DbSettings;
import io.github.faircomclient.db.NumberFormat;

/**
 * Configuration properties of the typed DB operations, {@code FairComTemplate.db()}
 * (prefix {@code faircom.db}). Every default is a {@code DEFAULT_...} constant of
 * {@link DbSettings} (of {@link BulkSettings} for {@code faircom.db.bulk}), and every value
 * is checked by its builder.
 */
@ConfigurationProperties("faircom.db")
public class FairComDbProperties {

	/**
	 * Most records a list-returning call (list(), query(), listTables(), ...) accepts
	 * unless the call sets its own limit. The client asks for one more record and
	 * fails when there are more, instead of truncating; use stream() for larger
	 * results.
	 */
	private int maxRecords = DbSettings.DEFAULT_MAX_RECORDS;

	/**
	 * Number of records a cursor stream fetches per getRecordsFromCursor call.
	 */
	private int fetchSize = DbSettings.DEFAULT_FETCH_SIZE;

	/**
	 * Most records or keys sent in one insertRecords, updateRecords, deleteRecords or
	 * getRecordsByIds action. Larger writes outside a transaction run in one
	 * transaction of their own.
	 */
	private int batchSize = DbSettings.DEFAULT_BATCH_SIZE;

	/**
	 * How binary values travel as JSON strings, sent with every request.
	 */
	private BinaryFormat binaryFormat = DbSettings.DEFAULT_BINARY_FORMAT;

	/**
	 * How the server writes numbers in record results, sent with every request. String
	 * keeps number and money values exact.
	 */
	private NumberFormat numberFormat = DbSettings.DEFAULT_NUMBER_FORMAT;

	private final Bulk bulk = new Bulk();

	public int getMaxRecords() {
		return this.maxRecords;
	}

	public void setMaxRecords(int maxRecords) {
		this.maxRecords = maxRecords;
	}

	public int getFetchSize() {
		return this.fetchSize;
	}

	public void setFetchSize(int fetchSize) {
		this.fetchSize = fetchSize;
	}

	public int getBatchSize() {
		return this.batchSize;
	}

	public void setBatchSize(int batchSize) {
		this.batchSize = batchSize;
	}

	public BinaryFormat getBinaryFormat() {
		return this.binaryFormat;
	}

	public void setBinaryFormat(BinaryFormat binaryFormat) {
		this.binaryFormat = binaryFormat;
	}

	public NumberFormat getNumberFormat() {
		return this.numberFormat;
	}

	public void setNumberFormat(NumberFormat numberFormat) {
		this.numberFormat = numberFormat;
	}

	public Bulk getBulk() {
		return this.bulk;
	}

	/**
	 * Settings of the bulk loader, db().bulkInsert and db().bulkUpdate.
	 */
	public static class Bulk {

		/**
		 * Number of lanes a resumable bulk load writes through, each on one pooled
		 * connection at a time; keep it at most faircom.pool.max-connections.
		 */
		private int lanes = BulkSettings.DEFAULT_LANES;

		/**
		 * Size of JSON a bulk batch aims at; batches grow toward it within the record
		 * limits below.
		 */
		private DataSize targetBatchSize = DataSize.ofBytes(BulkSettings.DEFAULT_TARGET_BATCH_BYTES);

		/**
		 * Fewest records per bulk batch (the first batch takes this many to learn their
		 * size).
		 */
		private int minBatchRecords = BulkSettings.DEFAULT_MIN_BATCH_RECORDS;

		/**
		 * Most records per bulk batch.
		 */
		private int maxBatchRecords = BulkSettings.DEFAULT_MAX_BATCH_RECORDS;

		/**
		 * Longest a bulk batch's write should take: a slower batch halves the batch size,
		 * batches under half of it let it grow again.
		 */
		private Duration latencyBudget = BulkSettings.DEFAULT_LATENCY_BUDGET;

		public int getLanes() {
			return this.lanes;
		}

		public void setLanes(int lanes) {
			this.lanes = lanes;
		}

		public DataSize getTargetBatchSize() {
			return this.targetBatchSize;
		}

		public void setTargetBatchSize(DataSize targetBatchSize) {
			this.targetBatchSize = targetBatchSize;
		}

		public int getMinBatchRecords() {
			return this.minBatchRecords;
		}

		public void setMinBatchRecords(int minBatchRecords) {
			this.minBatchRecords = minBatchRecords;
		}

		public int getMaxBatchRecords() {
			return this.maxBatchRecords;
		}

		public void setMaxBatchRecords(int maxBatchRecords) {
			this.maxBatchRecords = maxBatchRecords;
		}

		public Duration getLatencyBudget() {
			return this.latencyBudget;
		}

		public void setLatencyBudget(Duration latencyBudget) {
			this.latencyBudget = latencyBudget;
		}

	}

}
