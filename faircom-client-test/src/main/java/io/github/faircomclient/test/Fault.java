package io.github.faircomclient.test;

import java.time.Duration;
import java.util.Objects;

/**
 * A transport fault the emulator answers a request with (see {@link EmulatorFaults#failNext(int, Fault)}).
 * Immutable.
 *
 * <p>Faults that <em>replace</em> the answer ({@link #http500()}, {@link #htmlErrorPage()},
 * {@link #tooManyRequests(Duration)}, {@link #dropConnection()}) skip the action unless
 * {@link #afterExecution()} is used: then the action runs (e.g. a session is created) and its answer is
 * lost. Faults that <em>damage</em> the answer ({@link #truncatedJson()}, {@link #trickle(Duration)}) always
 * run the action and damage its real answer. Either way the request counts in
 * {@link FairComEmulator#actionCounts()}.
 */
public final class Fault {

	private final Kind kind;

	private final int httpStatus;

	private final Duration pace;

	private final int chunkSize;

	private final boolean executesRequest;

	private Fault(Kind kind, int httpStatus, Duration pace, int chunkSize, boolean executesRequest) {
		this.kind = kind;
		this.httpStatus = httpStatus;
		this.pace = pace;
		this.chunkSize = chunkSize;
		this.executesRequest = executesRequest;
	}

	/**
	 * HTTP 500 with a short plain-text body (no JSON).
	 * @return the fault
	 */
	public static Fault http500() {
		return new Fault(Kind.HTTP_500, 500, Duration.ZERO, 0, false);
	}

	/**
	 * An HTML error page as a proxy or gateway sends it, with HTTP 502.
	 * @return the fault
	 */
	public static Fault htmlErrorPage() {
		return htmlErrorPage(502);
	}

	/**
	 * An HTML error page with the given HTTP status (e.g. 200 for a captive portal, 503 for maintenance).
	 * @param status the HTTP status
	 * @return the fault
	 */
	public static Fault htmlErrorPage(int status) {
		checkStatus(status);
		return new Fault(Kind.HTML_ERROR_PAGE, status, Duration.ZERO, 0, false);
	}

	/**
	 * HTTP 200 with {@code Content-Type: application/json} and the real answer cut in half (correct
	 * {@code Content-Length}, invalid JSON).
	 * @return the fault
	 */
	public static Fault truncatedJson() {
		return new Fault(Kind.TRUNCATED_JSON, 200, Duration.ZERO, 0, true);
	}

	/**
	 * The real answer, sent one byte per {@code pace} (headers come at once).
	 * @param pace the pause between bytes; must be positive
	 * @return the fault
	 */
	public static Fault trickle(Duration pace) {
		return trickle(1, pace);
	}

	/**
	 * The real answer, sent {@code bytesPerChunk} bytes per {@code pace}.
	 * @param bytesPerChunk bytes per chunk; at least 1
	 * @param pace the pause between chunks; must be positive
	 * @return the fault
	 */
	public static Fault trickle(int bytesPerChunk, Duration pace) {
		if (bytesPerChunk < 1) {
			throw new IllegalArgumentException("bytesPerChunk must be at least 1 but was " + bytesPerChunk);
		}
		if (pace.isNegative() || pace.isZero()) {
			throw new IllegalArgumentException("pace must be positive but was " + pace);
		}
		return new Fault(Kind.TRICKLE, 200, pace, bytesPerChunk, true);
	}

	/**
	 * Closes the connection without sending any answer.
	 * @return the fault
	 */
	public static Fault dropConnection() {
		return new Fault(Kind.DROP_CONNECTION, 0, Duration.ZERO, 0, false);
	}

	/**
	 * HTTP 429 with a {@code Retry-After} header in whole seconds and a plain-text body.
	 * @param retryAfter the advertised wait, rounded up to seconds
	 * @return the fault
	 */
	public static Fault tooManyRequests(Duration retryAfter) {
		if (retryAfter.isNegative()) {
			throw new IllegalArgumentException("retryAfter must not be negative but was " + retryAfter);
		}
		return new Fault(Kind.TOO_MANY_REQUESTS, 429, retryAfter, 0, false);
	}

	/**
	 * The same fault, but the action runs first and its answer is then lost (for faults that replace
	 * the answer; a no-op for faults that damage it).
	 * @return the fault
	 */
	public Fault afterExecution() {
		return new Fault(this.kind, this.httpStatus, this.pace, this.chunkSize, true);
	}

	/**
	 * What kind of fault this is.
	 * @return the kind
	 */
	public Kind kind() {
		return this.kind;
	}

	/**
	 * The HTTP status sent (0 for a dropped connection).
	 * @return the status
	 */
	public int httpStatus() {
		return this.httpStatus;
	}

	/**
	 * The trickle pace, or the {@code Retry-After} wait for 429; zero otherwise.
	 * @return the duration
	 */
	public Duration pace() {
		return this.pace;
	}

	/**
	 * Bytes per trickled chunk (0 for other kinds).
	 * @return the chunk size
	 */
	public int chunkSize() {
		return this.chunkSize;
	}

	/**
	 * Whether the action runs before the fault strikes.
	 * @return {@code true} if the request is executed
	 */
	public boolean executesRequest() {
		return this.executesRequest;
	}

	/**
	 * The {@code Retry-After} header value for 429.
	 * @return whole seconds, rounded up
	 */
	long retryAfterSeconds() {
		long seconds = this.pace.getSeconds();
		return (this.pace.getNano() > 0) ? seconds + 1 : seconds;
	}

	private static void checkStatus(int status) {
		if (status < 100 || status > 599) {
			throw new IllegalArgumentException("Not an HTTP status: " + status);
		}
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof Fault that) && this.kind == that.kind && this.httpStatus == that.httpStatus
				&& this.pace.equals(that.pace) && this.chunkSize == that.chunkSize
				&& this.executesRequest == that.executesRequest;
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.kind, this.httpStatus, this.pace, this.chunkSize, this.executesRequest);
	}

	@Override
	public String toString() {
		return "Fault[" + this.kind + ((this.httpStatus > 0) ? ", status " + this.httpStatus : "")
				+ ((this.kind == Kind.TRICKLE) ? ", " + this.chunkSize + " byte(s) per " + this.pace : "")
				+ ((this.kind == Kind.TOO_MANY_REQUESTS) ? ", Retry-After " + retryAfterSeconds() + "s" : "")
				+ (this.executesRequest ? ", after execution" : "") + "]";
	}

	/**
	 * The kinds of fault.
	 */
	public enum Kind {

		/**
		 * HTTP 500 without JSON.
		 */
		HTTP_500,

		/**
		 * An HTML error page.
		 */
		HTML_ERROR_PAGE,

		/**
		 * Valid HTTP, truncated JSON body.
		 */
		TRUNCATED_JSON,

		/**
		 * A body that arrives slowly.
		 */
		TRICKLE,

		/**
		 * The connection closes without an answer.
		 */
		DROP_CONNECTION,

		/**
		 * HTTP 429 with Retry-After.
		 */
		TOO_MANY_REQUESTS

	}

}
