package io.github.faircomclient;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when a call runs out of time.
 */
public class FairComTimeoutException extends FairComTransportException {

	/**
	 * Which timeout ran out.
	 */
	private final Type type;

	/**
	 * Create a new exception.
	 * @param message the detail message
	 * @param type which limit was reached
	 * @param api the api of the action
	 * @param action the action
	 * @param requestId the requestId of the call
	 * @param cause the underlying I/O failure
	 */
	public FairComTimeoutException(String message, Type type, @Nullable String api, @Nullable String action,
			@Nullable String requestId, @Nullable Throwable cause) {
		super(message, type.kind(), api, action, requestId, cause);
		this.type = type;
	}

	/**
	 * Return which limit was reached.
	 * @return the timeout type
	 */
	public Type getType() {
		return this.type;
	}

	/**
	 * The limits a call can run into.
	 */
	public enum Type {

		/**
		 * No connection could be opened within {@code faircom.connect-timeout}.
		 */
		CONNECT(FairComFailureKind.NOT_SENT),

		/**
		 * The server sent nothing for {@code faircom.read-timeout}.
		 */
		READ(FairComFailureKind.ANSWER_LOST),

		/**
		 * No pooled connection became free within {@code faircom.pool.acquire-timeout}.
		 */
		CONNECTION_POOL(FairComFailureKind.POOL_TIMEOUT),

		/**
		 * The whole call, answer included, took longer than {@code faircom.call-timeout}.
		 */
		CALL(FairComFailureKind.CALL_TIMEOUT);

		private final FairComFailureKind kind;

		Type(FairComFailureKind kind) {
			this.kind = kind;
		}

		/**
		 * Return what running into this limit says about the server having run the call.
		 * @return the kind of failure
		 */
		public FairComFailureKind kind() {
			return this.kind;
		}

	}

}
