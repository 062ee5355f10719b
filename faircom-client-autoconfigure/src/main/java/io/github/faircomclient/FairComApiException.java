package io.github.faircomclient;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when the server answers an action with a non-zero {@code errorCode}.
 */
public class FairComApiException extends FairComException {

	/**
	 * The errorCode the server answered with.
	 */
	private final int errorCode;

	/**
	 * The errorMessage the server answered with.
	 */
	private final String errorMessage;

	/**
	 * The HTTP status of the answer.
	 */
	private final int httpStatus;

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
	public FairComApiException(String message, @Nullable String api, @Nullable String action,
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
	public FairComApiException(String message, @Nullable String api, @Nullable String action,
			@Nullable String requestId, int httpStatus, int errorCode, String errorMessage,
			@Nullable Throwable cause) {
		this(message, FairComFailureKind.ACTION_FAILED, api, action, requestId, httpStatus, errorCode, errorMessage,
				cause);
	}

	/**
	 * Create a new exception of another kind, for subclasses.
	 * @param message the detail message
	 * @param kind the kind of failure
	 * @param api the api of the action
	 * @param action the action
	 * @param requestId the requestId of the call
	 * @param httpStatus the HTTP status of the answer
	 * @param errorCode the {@code errorCode} the server returned
	 * @param errorMessage the {@code errorMessage} the server returned
	 * @param cause the cause, if any
	 */
	protected FairComApiException(String message, FairComFailureKind kind, @Nullable String api,
			@Nullable String action, @Nullable String requestId, int httpStatus, int errorCode, String errorMessage,
			@Nullable Throwable cause) {
		super(message, kind, api, action, requestId, cause);
		this.errorCode = errorCode;
		this.errorMessage = errorMessage;
		this.httpStatus = httpStatus;
	}

	/**
	 * Return the {@code errorCode} the server returned.
	 * @return the error code
	 */
	public int getErrorCode() {
		return this.errorCode;
	}

	/**
	 * Return the {@code errorMessage} the server returned.
	 * @return the error message, possibly empty
	 */
	public String getErrorMessage() {
		return this.errorMessage;
	}

	/**
	 * Return the HTTP status of the answer that carried the error.
	 * @return the HTTP status code
	 */
	public int getHttpStatus() {
		return this.httpStatus;
	}

}
