package io.github.faircomclient;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when a call does not reach the server or its answer does not come back: refused
 * or dropped connections, TLS failures, timeouts.
 *
 * @see FairComConnectException
 * @see FairComTlsException
 * @see FairComTimeoutException
 */
public class FairComTransportException extends FairComException {

	/**
	 * Create a new exception.
	 * @param message the detail message
	 * @param kind what the failure says about the server having run the call
	 * @param api the api of the action
	 * @param action the action
	 * @param requestId the requestId of the call
	 * @param cause the underlying I/O failure
	 */
	public FairComTransportException(String message, FairComFailureKind kind, @Nullable String api,
			@Nullable String action, @Nullable String requestId, @Nullable Throwable cause) {
		super(message, kind, api, action, requestId, cause);
	}

}
