package io.github.faircomclient;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when a list-returning call finds more records than its limit. The client asks
 * FairCom for one record more than the limit, so a result is never silently truncated;
 * raise the limit, or read the records with a stream, which pages through a cursor.
 */
public class FairComRecordLimitExceededException extends FairComException {

	/**
	 * The limit that was exceeded.
	 */
	private final int limit;

	/**
	 * Create a new exception.
	 * @param api the api of the action
	 * @param action the action
	 * @param requestId the requestId of the call
	 * @param subject what was listed, e.g. {@code table 'items'}
	 * @param limit the limit that was exceeded
	 */
	public FairComRecordLimitExceededException(@Nullable String api, String action, @Nullable String requestId,
			String subject, int limit) {
		super("FairCom " + ((api != null) ? api + "/" : "") + action + " on " + subject + " found more than the limit of "
				+ limit + " records (requestId " + requestId + "). Raise the limit for this call with limit(n) or for "
				+ "every call with faircom.db.max-records, or read the records with stream(...), which pages "
				+ "through a server cursor", FairComFailureKind.CLIENT, api, action, requestId, null);
		this.limit = limit;
	}

	/**
	 * Return the limit that was exceeded.
	 * @return the limit
	 */
	public int getLimit() {
		return this.limit;
	}

}
