package io.github.faircomclient.test.spi;

import io.github.faircomclient.test.ProvisionalChoice;

/**
 * Thrown by handlers (and by {@link Parameters}) to answer with a JSON error: non-zero {@code errorCode},
 * {@code errorMessage}, no {@code result}.
 */
public class ActionException extends RuntimeException {

	/**
	 * The errorCode to answer with.
	 */
	private final int errorCode;

	/**
	 * The HTTP status to answer with.
	 */
	private final int httpStatus;

	/**
	 * An error answered in an HTTP 200.
	 * @param errorCode the non-zero FairCom error code
	 * @param errorMessage the message
	 */
	public ActionException(int errorCode, String errorMessage) {
		this(errorCode, errorMessage, 200);
	}

	/**
	 * An error answered with a given HTTP status.
	 * @param errorCode the non-zero FairCom error code
	 * @param errorMessage the message
	 * @param httpStatus the HTTP status
	 */
	public ActionException(int errorCode, String errorMessage, int httpStatus) {
		super(errorMessage, null, false, false);
		if (errorCode == 0) {
			throw new IllegalArgumentException("An error needs a non-zero code");
		}
		this.errorCode = errorCode;
		this.httpStatus = httpStatus;
	}

	/**
	 * An error from the table of provisional choices.
	 * @param choice an error row
	 * @param arguments values for its message template
	 * @return the exception
	 */
	public static ActionException of(ProvisionalChoice choice, Object... arguments) {
		return new ActionException(choice.errorCode(), choice.message(arguments), choice.httpStatus());
	}

	/**
	 * The error code.
	 * @return the non-zero code
	 */
	public int errorCode() {
		return this.errorCode;
	}

	/**
	 * The HTTP status of the answer.
	 * @return the status
	 */
	public int httpStatus() {
		return this.httpStatus;
	}

	/**
	 * The answer this exception stands for.
	 * @return an error result
	 */
	public ActionResult toResult() {
		return ActionResult.error(this.errorCode, getMessage()).withHttpStatus(this.httpStatus);
	}

}
