package io.github.faircomclient.http;

import java.io.InterruptedIOException;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Signals that a call was aborted because it did not complete within its total deadline,
 * even though bytes may still have been trickling in.
 */
public class CallDeadlineExceededException extends InterruptedIOException {

	/**
	 * The deadline that was exceeded.
	 */
	private final Duration callTimeout;

	/**
	 * Create a new exception.
	 * @param callTimeout the deadline that was exceeded
	 * @param cause the failure the abort caused, if any
	 */
	public CallDeadlineExceededException(Duration callTimeout, @Nullable Throwable cause) {
		super("Call did not complete within " + callTimeout.toMillis() + " ms");
		this.callTimeout = callTimeout;
		initCause(cause);
	}

	/**
	 * Return the deadline that was exceeded.
	 * @return the call timeout
	 */
	public Duration getCallTimeout() {
		return this.callTimeout;
	}

}
