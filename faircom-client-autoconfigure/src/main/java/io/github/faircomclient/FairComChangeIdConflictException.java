package io.github.faircomclient;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when {@code updateRecords} finds that a record's {@code changeId} is not the one
 * the request sent: someone else changed the record since it was read (optimistic
 * locking). FairCom does not document the error code of this failure, so no code maps to
 * this exception by default: configure the code your server answers with
 * {@code faircom.error-codes.change-id-conflict} or {@link FairComErrorCodes#with}.
 *
 * @see FairComErrorCodes
 */
public class FairComChangeIdConflictException extends FairComApiException {

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
	public FairComChangeIdConflictException(String message, @Nullable String api, @Nullable String action,
			@Nullable String requestId, int httpStatus, int errorCode, String errorMessage) {
		super(message, api, action, requestId, httpStatus, errorCode, errorMessage);
	}

}
