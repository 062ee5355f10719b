package io.github.faircomclient;

import org.jspecify.annotations.Nullable;

import org.springframework.core.NestedRuntimeException;

/**
 * Root of the exceptions raised by the FairCom client. Every failure of a FairCom action
 * (an error reported by the server, a failed login, an expired session, a transport or
 * protocol problem) surfaces as a subclass of this exception.
 * <p>
 * Messages never contain passwords or session tokens.
 *
 * @see io.github.faircomclient.core.FairComExceptionTranslator
 */
public class FairComException extends NestedRuntimeException {

	/**
	 * The api of the failed action, if known.
	 */
	private final @Nullable String api;

	/**
	 * The failed action, if known.
	 */
	private final @Nullable String action;

	/**
	 * The requestId of the failed call, if known.
	 */
	private final @Nullable String requestId;

	/**
	 * What the failure says about the server having run the call.
	 */
	private final FairComFailureKind kind;

	/**
	 * Create a new exception.
	 * @param message the detail message
	 * @param kind what the failure says about the server having run the call
	 * @param api the api of the failed action, if known
	 * @param action the name of the failed action, if known
	 * @param requestId the requestId of the failed call, if known
	 * @param cause the cause, if any
	 */
	public FairComException(String message, FairComFailureKind kind, @Nullable String api, @Nullable String action,
			@Nullable String requestId, @Nullable Throwable cause) {
		super(message, cause);
		this.kind = kind;
		this.api = api;
		this.action = action;
		this.requestId = requestId;
	}

	/**
	 * Return the api of the failed action ({@code admin}, {@code db}, ...).
	 * @return the api or {@code null} if unknown or left to the session default
	 */
	public @Nullable String getApi() {
		return this.api;
	}

	/**
	 * Return the name of the failed action.
	 * @return the action or {@code null} if the failure is not tied to one action
	 */
	public @Nullable String getAction() {
		return this.action;
	}

	/**
	 * Return the requestId the client sent with the failed call.
	 * @return the requestId or {@code null} if the failure happened before a call was sent
	 */
	public @Nullable String getRequestId() {
		return this.requestId;
	}

	/**
	 * Return what the failure says about the server having run the call, which decides
	 * whether it may be sent again.
	 * @return the kind of failure
	 */
	public FairComFailureKind getFailureKind() {
		return this.kind;
	}

}
