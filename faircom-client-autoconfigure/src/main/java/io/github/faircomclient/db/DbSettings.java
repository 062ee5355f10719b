package io.github.faircomclient.db;

import java.util.ArrayList;
import java.util.List;

import org.springframework.util.Assert;

import io.github.faircomclient.FairComConfigurationException;
import io.github.faircomclient.FairComRecordLimitExceededException;

/**
 * Settings of the typed DB operations: paging limits, batch size, value formats and the
 * customizers of the record mapper. Immutable; create with {@link #builder()}.
 * <p>
 * The defaults are the {@code DEFAULT_...} constants: 1000 records per list, cursor pages of
 * 500, batches of 500 records, binary as base64, numbers as strings; the bulk loader's are
 * those of {@link BulkSettings}.
 */
public final class DbSettings {

	/**
	 * Default most records a list-returning call accepts.
	 */
	public static final int DEFAULT_MAX_RECORDS = 1000;

	/**
	 * Default number of records per {@code getRecordsFromCursor} page.
	 */
	public static final int DEFAULT_FETCH_SIZE = 500;

	/**
	 * Default most records or keys per write or {@code getRecordsByIds} action.
	 */
	public static final int DEFAULT_BATCH_SIZE = 500;

	/**
	 * Default format of binary values.
	 */
	public static final BinaryFormat DEFAULT_BINARY_FORMAT = BinaryFormat.BASE64;

	/**
	 * Default format of numbers in record results.
	 */
	public static final NumberFormat DEFAULT_NUMBER_FORMAT = NumberFormat.STRING;

	private static final DbSettings DEFAULTS = builder().build();

	private final int maxRecords;

	private final int fetchSize;

	private final int batchSize;

	private final BinaryFormat binaryFormat;

	private final NumberFormat numberFormat;

	private final List<FairComRecordMapperCustomizer> recordMapperCustomizers;

	private final BulkSettings bulk;

	private DbSettings(Builder builder) {
		this.maxRecords = builder.maxRecords;
		this.fetchSize = builder.fetchSize;
		this.batchSize = builder.batchSize;
		this.binaryFormat = builder.binaryFormat;
		this.numberFormat = builder.numberFormat;
		this.recordMapperCustomizers = List.copyOf(builder.recordMapperCustomizers);
		this.bulk = builder.bulk;
	}

	/**
	 * Return the default settings.
	 * @return the defaults
	 */
	public static DbSettings defaults() {
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
	 * Return the most records a list-returning call accepts unless the call sets its own
	 * limit; more records fail with {@link FairComRecordLimitExceededException}.
	 * @return the default limit
	 */
	public int getMaxRecords() {
		return this.maxRecords;
	}

	/**
	 * Return the number of records a cursor stream fetches per {@code getRecordsFromCursor}.
	 * @return the fetch size
	 */
	public int getFetchSize() {
		return this.fetchSize;
	}

	/**
	 * Return the most records sent in one {@code insertRecords}, {@code updateRecords},
	 * {@code deleteRecords} or {@code getRecordsByIds} action.
	 * @return the batch size
	 */
	public int getBatchSize() {
		return this.batchSize;
	}

	/**
	 * Return how binary values travel.
	 * @return the binary format
	 */
	public BinaryFormat getBinaryFormat() {
		return this.binaryFormat;
	}

	/**
	 * Return how the server writes numbers in record results.
	 * @return the number format
	 */
	public NumberFormat getNumberFormat() {
		return this.numberFormat;
	}

	/**
	 * Return the customizers of the record mapper.
	 * @return the customizers, in the order they are applied
	 */
	public List<FairComRecordMapperCustomizer> getRecordMapperCustomizers() {
		return this.recordMapperCustomizers;
	}

	/**
	 * Return the settings of the bulk loader.
	 * @return the bulk settings
	 */
	public BulkSettings getBulk() {
		return this.bulk;
	}

	@Override
	public String toString() {
		return "DbSettings[maxRecords=" + this.maxRecords + ", fetchSize=" + this.fetchSize + ", batchSize="
				+ this.batchSize + ", binaryFormat=" + this.binaryFormat.value() + ", numberFormat="
				+ this.numberFormat.value() + ", recordMapperCustomizers=" + this.recordMapperCustomizers.size()
				+ ", bulk=" + this.bulk + "]";
	}

	/**
	 * Builder for {@link DbSettings}.
	 */
	public static final class Builder {

		private int maxRecords = DEFAULT_MAX_RECORDS;

		private int fetchSize = DEFAULT_FETCH_SIZE;

		private int batchSize = DEFAULT_BATCH_SIZE;

		private BinaryFormat binaryFormat = DEFAULT_BINARY_FORMAT;

		private NumberFormat numberFormat = DEFAULT_NUMBER_FORMAT;

		private final List<FairComRecordMapperCustomizer> recordMapperCustomizers = new ArrayList<>();

		private BulkSettings bulk = BulkSettings.defaults();

		private Builder() {
		}

		/**
		 * Set the most records a list-returning call accepts unless it sets its own limit
		 * ({@code faircom.db.max-records}).
		 * @param maxRecords a positive number below {@link Integer#MAX_VALUE}
		 * @return this builder
		 */
		public Builder maxRecords(int maxRecords) {
			if (maxRecords < 1 || maxRecords == Integer.MAX_VALUE) {
				throw new FairComConfigurationException("faircom.db.max-records", maxRecords,
						"it must be at least 1 and below " + Integer.MAX_VALUE,
						"Set faircom.db.max-records to a limit such as 1000; use stream() instead of list() to read "
								+ "results of any size.");
			}
			this.maxRecords = maxRecords;
			return this;
		}

		/**
		 * Set the number of records a cursor stream fetches per page
		 * ({@code faircom.db.fetch-size}).
		 * @param fetchSize a positive number
		 * @return this builder
		 */
		public Builder fetchSize(int fetchSize) {
			this.fetchSize = (int) FairComConfigurationException.requireAtLeast("faircom.db.fetch-size", fetchSize, 1,
					"500");
			return this;
		}

		/**
		 * Set the most records sent in one write or {@code getRecordsByIds} action
		 * ({@code faircom.db.batch-size}).
		 * @param batchSize a positive number
		 * @return this builder
		 */
		public Builder batchSize(int batchSize) {
			this.batchSize = (int) FairComConfigurationException.requireAtLeast("faircom.db.batch-size", batchSize, 1,
					"500");
			return this;
		}

		/**
		 * Set how binary values travel ({@code faircom.db.binary-format}).
		 * @param binaryFormat the binary format
		 * @return this builder
		 */
		public Builder binaryFormat(BinaryFormat binaryFormat) {
			this.binaryFormat = FairComConfigurationException.requireSet("faircom.db.binary-format", binaryFormat,
					"Set faircom.db.binary-format to base64 or hex.");
			return this;
		}

		/**
		 * Set how the server writes numbers in record results
		 * ({@code faircom.db.number-format}).
		 * @param numberFormat the number format
		 * @return this builder
		 */
		public Builder numberFormat(NumberFormat numberFormat) {
			this.numberFormat = FairComConfigurationException.requireSet("faircom.db.number-format", numberFormat,
					"Set faircom.db.number-format to string or number.");
			return this;
		}

		/**
		 * Add customizers of the record mapper.
		 * @param customizers the customizers, applied in order after the FairCom defaults
		 * @return this builder
		 */
		public Builder recordMapperCustomizers(List<? extends FairComRecordMapperCustomizer> customizers) {
			Assert.notNull(customizers, "'customizers' must not be null");
			this.recordMapperCustomizers.addAll(customizers);
			return this;
		}

		/**
		 * Set the settings of the bulk loader.
		 * @param bulk the bulk settings
		 * @return this builder
		 */
		public Builder bulk(BulkSettings bulk) {
			Assert.notNull(bulk, "'bulk' must not be null");
			this.bulk = bulk;
			return this;
		}

		/**
		 * Build the settings.
		 * @return the settings
		 */
		public DbSettings build() {
			return new DbSettings(this);
		}

	}

}
