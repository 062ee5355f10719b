package io.github.faircomclient.http;

import java.io.IOException;

/**
 * Signals that an answer was cut off because it was larger than the transport accepts.
 */
public class ResponseTooLargeException extends IOException {

	/**
	 * The HTTP status of the answer.
	 */
	private final int statusCode;

	/**
	 * The size limit the answer exceeded, in bytes.
	 */
	private final long maxResponseBytes;

	/**
	 * Create a new exception.
	 * @param statusCode the HTTP status of the answer
	 * @param maxResponseBytes the limit that was exceeded
	 */
	public ResponseTooLargeException(int statusCode, long maxResponseBytes) {
		super("Answer larger than " + maxResponseBytes + " bytes");
		this.statusCode = statusCode;
		this.maxResponseBytes = maxResponseBytes;
	}

	/**
	 * Return the HTTP status of the answer.
	 * @return the status code
	 */
	public int getStatusCode() {
		return this.statusCode;
	}

	/**
	 * Return the limit that was exceeded.
	 * @return the largest answer accepted, in bytes
	 */
	public long getMaxResponseBytes() {
		return this.maxResponseBytes;
	}

}
