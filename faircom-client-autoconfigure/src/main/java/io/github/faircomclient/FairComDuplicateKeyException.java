package io.github.faircomclient;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when a unique index already holds the key of a record that is inserted or updated.
 * FairCom documents c-tree's {@code KDUP_ERR} ({@code 2}) for this; that the JSON API
 * passes it through unchanged is an inference.
 *
 * @see FairComErrorCodes
 */
public class FairComDuplicateKeyException extends FairComApiException {

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
	public FairComDuplicateKeyException(String message, @Nullable String api, @Nullable String action,
			@Nullable String requestId, int httpStatus, int errorCode, String errorMessage) {
		super(message, api, action, requestId, httpStatus, errorCode, errorMessage);
	}

}
