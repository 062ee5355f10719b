package io.github.faircomclient;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when the server refuses to create a session (bad credentials, unknown client
 * certificate, too many sessions) or rejects a configured permanent session token. Such
 * failures are never retried.
 */
public class FairComAuthenticationException extends FairComApiException {

	/**
	 * Create a new exception.
	 * @param message the detail message
	 * @param api the api of the action
	 * @param action the action
	 * @param requestId the requestId of the call
	 * @param httpStatus the HTTP status of the answer
	 * @param errorCode the {@code errorCode} the server returned
	 * @param errorMessage the {@code errorMessage} the server returned
	 */
	public FairComAuthenticationException(String message, @Nullable String api, @Nullable String action,
			@Nullable String requestId, int httpStatus, int errorCode, String errorMessage) {
		this(message, api, action, requestId, httpStatus, errorCode, errorMessage, null);
	}

	/**
	 * Create a new exception with a cause.
	 * @param message the detail message
	 * @param api the api of the action
	 * @param action the action
	 * @param requestId the requestId of the call
	 * @param httpStatus the HTTP status of the answer
	 * @param errorCode the {@code errorCode} the server returned
	 * @param errorMessage the {@code errorMessage} the server returned
	 * @param cause the cause, e.g. the failure of a login this call waited for
	 */
	public FairComAuthenticationException(String message, @Nullable String api, @Nullable String action,
			@Nullable String requestId, int httpStatus, int errorCode, String errorMessage,
			@Nullable Throwable cause) {
		super(message, FairComFailureKind.AUTHENTICATION, api, action, requestId, httpStatus, errorCode, errorMessage,
				cause);
	}

}
