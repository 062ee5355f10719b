package io.github.faircomclient;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when a call is made on a template that has been closed (its session deleted and
 * its connection pool shut down), or was running when it was closed. Calls made after the
 * close fail at once and never log in again; a call that was already sent when the
 * template closed may have run on the server.
 */
public class FairComClientClosedException extends FairComException {

	/**
	 * Create a new exception.
	 * @param message the detail message
	 * @param api the api of the refused action, if any
	 * @param action the refused action, if any
	 */
	public FairComClientClosedException(String message, @Nullable String api, @Nullable String action) {
		this(message, api, action, null, null);
	}

	/**
	 * Create a new exception for a call that was sent, or waiting to be sent, when the
	 * client was closed.
	 * @param message the detail message
	 * @param api the api of the action, if any
	 * @param action the action, if any
	 * @param requestId the requestId of the call, if it had one
	 * @param cause the failure of the aborted exchange, if any
	 */
	public FairComClientClosedException(String message, @Nullable String api, @Nullable String action,
			@Nullable String requestId, @Nullable Throwable cause) {
		super(message, FairComFailureKind.CLIENT_CLOSED, api, action, requestId, cause);
	}

}
