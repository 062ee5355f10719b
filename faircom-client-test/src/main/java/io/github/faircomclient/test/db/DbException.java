package io.github.faircomclient.test.db;

import java.io.Serial;

/**
 * A DB API action failed with a FairCom error code and message; the emulator answers it as a JSON
 * error (no {@code result}).
 */
public class DbException extends RuntimeException {

	@Serial
	private static final long serialVersionUID = 1L;

	/**
	 * The errorCode to answer with.
	 */
	private final int errorCode;

	/**
	 * Creates an exception that is answered with the given code and message.
	 * @param errorCode the FairCom error code (non-zero)
	 * @param message the error message sent to the client
	 */
	public DbException(int errorCode, String message) {
		super(message);
		this.errorCode = errorCode;
	}

	/**
	 * Creates an exception with a cause.
	 * @param errorCode the FairCom error code (non-zero)
	 * @param message the error message sent to the client
	 * @param cause the underlying failure
	 */
	public DbException(int errorCode, String message, Throwable cause) {
		super(message, cause);
		this.errorCode = errorCode;
	}

	/**
	 * Returns the FairCom error code.
	 * @return the code
	 */
	public int errorCode() {
		return this.errorCode;
	}
}
