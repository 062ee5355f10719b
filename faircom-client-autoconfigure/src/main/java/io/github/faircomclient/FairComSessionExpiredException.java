package io.github.faircomclient;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when the server reports that the session is gone and the call could not be
 * replayed on a new session: the call used a cursor or transaction of the old session, or
 * the new session was reported gone as well. Also thrown, without anything being sent,
 * for a call {@linkplain io.github.faircomclient.core.FairComRequest#boundSession() bound}
 * to a session that is no longer the current one; such an exception has no requestId, HTTP
 * status or error code.
 */
public class FairComSessionExpiredException extends FairComApiException {

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
	public FairComSessionExpiredException(String message, @Nullable String api, @Nullable String action,
			@Nullable String requestId, int httpStatus, int errorCode, String errorMessage) {
		super(message, FairComFailureKind.SESSION_EXPIRED, api, action, requestId, httpStatus, errorCode, errorMessage,
				null);
	}

}
