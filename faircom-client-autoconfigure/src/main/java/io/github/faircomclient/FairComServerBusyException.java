package io.github.faircomclient;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when the server, or a proxy in front of it, asks the client to come back later
 * instead of answering with JSON: HTTP 429 (too many requests) or 503 (service
 * unavailable), possibly with a {@code Retry-After} header. The template retries such
 * calls with backoff, honouring {@code Retry-After} up to
 * {@code faircom.retry.max-retry-after}; this exception reaches the caller when the
 * retries are exhausted or the advertised wait is too long.
 */
public class FairComServerBusyException extends FairComTransportException {

	/**
	 * The HTTP status of the answer.
	 */
	private final int httpStatus;

	/**
	 * The wait the answer asked for, if it said.
	 */
	private final @Nullable Duration retryAfter;

	/**
	 * Create a new exception.
	 * @param message the detail message
	 * @param api the api of the action
	 * @param action the action
	 * @param requestId the requestId of the call
	 * @param httpStatus the HTTP status of the answer (429 or 503)
	 * @param retryAfter the wait the answer asked for, if it said
	 */
	public FairComServerBusyException(String message, @Nullable String api, @Nullable String action,
			@Nullable String requestId, int httpStatus, @Nullable Duration retryAfter) {
		this(message, api, action, requestId, httpStatus, retryAfter, null);
	}

	/**
	 * Create a new exception with a cause.
	 * @param message the detail message
	 * @param api the api of the action
	 * @param action the action
	 * @param requestId the requestId of the call
	 * @param httpStatus the HTTP status of the answer (429 or 503)
	 * @param retryAfter the wait the answer asked for, if it said
	 * @param cause the cause, e.g. the failure of a login this call waited for
	 */
	public FairComServerBusyException(String message, @Nullable String api, @Nullable String action,
			@Nullable String requestId, int httpStatus, @Nullable Duration retryAfter, @Nullable Throwable cause) {
		super(message, (httpStatus == 429) ? FairComFailureKind.NOT_PROCESSED : FairComFailureKind.ANSWER_LOST, api, action,
				requestId, cause);
		this.httpStatus = httpStatus;
		this.retryAfter = retryAfter;
	}

	/**
	 * Return the HTTP status of the answer.
	 * @return 429 or 503
	 */
	public int getHttpStatus() {
		return this.httpStatus;
	}

	/**
	 * Return the wait the answer asked for in its {@code Retry-After} header.
	 * @return the wait, or {@code null} if the answer did not say or the header could not
	 * be read
	 */
	public @Nullable Duration getRetryAfter() {
		return this.retryAfter;
	}

}
