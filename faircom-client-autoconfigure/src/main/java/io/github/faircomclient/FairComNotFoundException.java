package io.github.faircomclient;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when the server reports that a key, record, table or database does not exist, for
 * example {@code 4046} "Key not found" from {@code getRecordsStartingAtKey}.
 *
 * @see FairComErrorCodes
 */
public class FairComNotFoundException extends FairComApiException {

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
	public FairComNotFoundException(String message, @Nullable String api, @Nullable String action,
			@Nullable String requestId, int httpStatus, int errorCode, String errorMessage) {
		super(message, api, action, requestId, httpStatus, errorCode, errorMessage);
	}

}
