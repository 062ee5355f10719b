package io.github.faircomclient.db;

import io.github.faircomclient.FairComException;
import io.github.faircomclient.FairComFailureKind;

/**
 * A bulk load that stopped: the {@linkplain #getCause() failure} that stopped it, and
 * {@linkplain #getResult() exactly what it wrote} (the high-water mark, and the batch in
 * doubt if a commit's answer was lost and could not be checked). The failure kind is the
 * cause's ({@link FairComFailureKind#CLIENT} for bad input or a failing source), so that
 * a stopped load translates like the call that stopped it.
 */
public class FairComBulkLoadException extends FairComException {

	private final transient BulkResult result;

	/**
	 * Create a new exception.
	 * @param message the detail message
	 * @param result what the load wrote
	 * @param cause the failure that stopped the load
	 */
	public FairComBulkLoadException(String message, BulkResult result, Throwable cause) {
		super(message, kindOf(cause), "db", result.action(),
				(cause instanceof FairComException fairCom) ? fairCom.getRequestId() : null, cause);
		this.result = result;
	}

	private static FairComFailureKind kindOf(Throwable cause) {
		return (cause instanceof FairComException fairCom) ? fairCom.getFailureKind() : FairComFailureKind.CLIENT;
	}

	/**
	 * Return what the load wrote: a re-run resumes at its
	 * {@linkplain BulkResult#highWaterMark() high-water mark}.
	 * @return the result
	 */
	public BulkResult getResult() {
		return this.result;
	}

}
