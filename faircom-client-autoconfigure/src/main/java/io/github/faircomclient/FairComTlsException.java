package io.github.faircomclient;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when the TLS handshake with the server fails: untrusted or expired server
 * certificate, host name mismatch, client certificate refused.
 */
public class FairComTlsException extends FairComTransportException {

	/**
	 * Create a new exception.
	 * @param message the detail message
	 * @param api the api of the action
	 * @param action the action
	 * @param requestId the requestId of the call
	 * @param cause the underlying TLS failure
	 */
	public FairComTlsException(String message, @Nullable String api, @Nullable String action,
			@Nullable String requestId, @Nullable Throwable cause) {
		super(message, FairComFailureKind.TLS, api, action, requestId, cause);
	}

}
