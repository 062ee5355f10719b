package io.github.faircomclient;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when a call is made on a template that has been closed (its session deleted and
 * its connection pool shut down). Such calls fail at once and never log in again.
 */
public class FairComClientClosedException extends FairComException {

	/**
	 * Create a new exception.
	 * @param message the detail message
	 * @param api the api of the refused action, if any
	 * @param action the refused action, if any
	 */
	public FairComClientClosedException(String message, @Nullable String api, @Nullable String action) {
		super(message, api, action, null, null);
	}

}
