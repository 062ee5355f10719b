package io.github.faircomclient;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when no connection to the server can be opened (refused, unknown host, no route).
 */
public class FairComConnectException extends FairComTransportException {

	/**
	 * Create a new exception.
	 * @param message the detail message
	 * @param api the api of the action
	 * @param action the action
	 * @param requestId the requestId of the call
	 * @param cause the underlying I/O failure
	 */
	public FairComConnectException(String message, @Nullable String api, @Nullable String action,
			@Nullable String requestId, @Nullable Throwable cause) {
		super(message, FairComFailureKind.NOT_SENT, api, action, requestId, cause);
	}

}
