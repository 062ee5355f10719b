package io.github.faircomclient.http;

import io.github.faircomclient.http.TransportFailure.Reason;

/**
 * Transport failures as the transport raises them, for tests in other packages.
 */
public final class TestFailures {

	private TestFailures() {
	}

	/**
	 * Return a failure of the given reason.
	 * @param reason what happened
	 * @param message the transport's description
	 * @param httpStatus the status of the answer it happened in, or 0
	 * @return the failure
	 */
	public static TransportFailure of(Reason reason, String message, int httpStatus) {
		return new TransportFailure(reason, message, httpStatus, null);
	}

}
