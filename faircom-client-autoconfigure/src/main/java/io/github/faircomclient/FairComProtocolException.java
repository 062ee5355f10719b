package io.github.faircomclient;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when the server's answer is not a valid JSON action response: not JSON, an HTML
 * page, truncated, no {@code errorCode}, an echoed {@code requestId} that differs from the
 * one sent, or too large. Messages describe the answer (status, content type, length,
 * where parsing failed) but never quote it.
 */
public class FairComProtocolException extends FairComException {

	/**
	 * What is wrong with the answer.
	 */
	private final Kind kind;

	/**
	 * The HTTP status of the answer.
	 */
	private final int httpStatus;

	/**
	 * Create a new exception.
	 * @param message the detail message
	 * @param kind what is wrong with the answer
	 * @param failureKind what the answer says about the server having run the call:
	 * {@link FairComFailureKind#ANSWER_LOST} when the real answer did not arrive (an empty,
	 * cut-off or foreign answer, a proxy's 5xx page), otherwise
	 * {@link FairComFailureKind#INVALID_ANSWER}
	 * @param api the api of the action
	 * @param action the action
	 * @param requestId the requestId of the call
	 * @param httpStatus the HTTP status of the answer
	 * @param cause the parse failure, if any
	 */
	public FairComProtocolException(String message, Kind kind, FairComFailureKind failureKind, @Nullable String api,
			@Nullable String action, @Nullable String requestId, int httpStatus, @Nullable Throwable cause) {
		super(message, failureKind, api, action, requestId, cause);
		this.kind = kind;
		this.httpStatus = httpStatus;
	}

	/**
	 * Return what is wrong with the answer.
	 * @return the kind of protocol violation
	 */
	public Kind getKind() {
		return this.kind;
	}

	/**
	 * Return the HTTP status of the answer.
	 * @return the HTTP status code
	 */
	public int getHttpStatus() {
		return this.httpStatus;
	}

	/**
	 * The ways an answer can violate the protocol.
	 */
	public enum Kind {

		/**
		 * The answer has no body.
		 */
		EMPTY_BODY,

		/**
		 * The answer is an HTML page (typically from a proxy or an error page).
		 */
		HTML_PAGE,

		/**
		 * The answer is not JSON.
		 */
		NOT_JSON,

		/**
		 * The answer is JSON that ends before the document is complete.
		 */
		TRUNCATED,

		/**
		 * The answer is JSON but not a JSON object.
		 */
		NOT_AN_OBJECT,

		/**
		 * The answer has no integer {@code errorCode}.
		 */
		MISSING_ERROR_CODE,

		/**
		 * The answer echoes a {@code requestId} other than the one sent.
		 */
		REQUEST_ID_MISMATCH,

		/**
		 * A successful {@code createSession} answer carries no {@code authToken}.
		 */
		MISSING_AUTH_TOKEN,

		/**
		 * A successful answer lacks what the action must return, such as a
		 * {@code createTransaction} without a {@code transactionId} or a cursor query
		 * without a {@code cursorId}.
		 */
		INCOMPLETE_RESULT,

		/**
		 * The answer is larger than {@code faircom.max-response-size}; it was cut off.
		 */
		TOO_LARGE

	}

}
