package io.github.faircomclient.db;

import java.util.ArrayList;
import java.util.List;

import org.springframework.util.Assert;

/**
 * Settings of the typed DB operations: paging limits, batch size, value formats and the
 * customizers of the record mapper. Immutable; create with {@link #builder()}.
 * <p>
 * Defaults: 1000 records per list, cursor pages of 500, batches of 500 records, binary as
 * base64, numbers as strings, and the {@linkplain BulkSettings#defaults() bulk defaults}.
 */
public final class DbSettings {

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

		private int maxRecords = 1000;

		private int fetchSize = 500;

		private int batchSize = 500;

		private BinaryFormat binaryFormat = BinaryFormat.BASE64;

		private NumberFormat numberFormat = NumberFormat.STRING;

		private final List<FairComRecordMapperCustomizer> recordMapperCustomizers = new ArrayList<>();

		private BulkSettings bulk = BulkSettings.defaults();

		private Builder() {
		}

		/**
		 * Set the most records a list-returning call accepts unless it sets its own limit.
		 * @param maxRecords a positive number below {@link Integer#MAX_VALUE}
		 * @return this builder
		 */
		public Builder maxRecords(int maxRecords) {
			Assert.isTrue(maxRecords > 0 && maxRecords < Integer.MAX_VALUE,
					"'maxRecords' must be positive and below Integer.MAX_VALUE");
			this.maxRecords = maxRecords;
			return this;
		}

		/**
		 * Set the number of records a cursor stream fetches per page.
		 * @param fetchSize a positive number
		 * @return this builder
		 */
		public Builder fetchSize(int fetchSize) {
			Assert.isTrue(fetchSize > 0, "'fetchSize' must be positive");
			this.fetchSize = fetchSize;
			return this;
		}

		/**
		 * Set the most records sent in one write or {@code getRecordsByIds} action.
		 * @param batchSize a positive number
		 * @return this builder
		 */
		public Builder batchSize(int batchSize) {
			Assert.isTrue(batchSize > 0, "'batchSize' must be positive");
			this.batchSize = batchSize;
			return this;
		}

		/**
		 * Set how binary values travel.
		 * @param binaryFormat the binary format
		 * @return this builder
		 */
		public Builder binaryFormat(BinaryFormat binaryFormat) {
			Assert.notNull(binaryFormat, "'binaryFormat' must not be null");
			this.binaryFormat = binaryFormat;
			return this;
		}

		/**
		 * Set how the server writes numbers in record results.
		 * @param numberFormat the number format
		 * @return this builder
		 */
		public Builder numberFormat(NumberFormat numberFormat) {
			Assert.notNull(numberFormat, "'numberFormat' must not be null");
			this.numberFormat = numberFormat;
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
