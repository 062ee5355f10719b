package io.github.faircomclient.db;

/**
 * How a bulk load ({@link DbOperations#bulkInsert}, {@link DbOperations#bulkUpdate})
 * behaves when it fails part way.
 */
public enum BulkMode {

	/**
	 * Every record or none: the batches go one after another in one transaction (or in
	 * the transaction the call runs in), committed at the end. A failure rolls everything
	 * back.
	 */
	ALL_OR_NOTHING,

	/**
	 * Every batch in a transaction of its own, through parallel lanes, committed in input
	 * order: after a failure exactly the records before the
	 * {@linkplain BulkResult#highWaterMark() high-water mark} are written, and a re-run that
	 * {@linkplain BulkOptions#resumeAt(long) resumes} there neither loses nor duplicates a
	 * record.
	 */
	RESUMABLE

}
