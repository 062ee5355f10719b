package io.github.faircomclient.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;

import io.github.faircomclient.db.BinaryFormat;
import io.github.faircomclient.db.DbSettings;
import io.github.faircomclient.db.NumberFormat;

/**
 * Configuration properties of the typed DB operations, {@code FairComTemplate.db()}
 * (prefix {@code faircom.db}). Every default is a {@code DEFAULT_...} constant of
 * {@link DbSettings}, and every value is checked by its builder.
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

}
