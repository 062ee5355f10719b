package io.github.faircomclient.observation;

import org.jspecify.annotations.Nullable;

import io.github.faircomclient.FairComApiException;
import io.github.faircomclient.FairComAuthenticationException;
import io.github.faircomclient.FairComClientClosedException;
import io.github.faircomclient.FairComException;
import io.github.faircomclient.FairComProtocolException;
import io.github.faircomclient.FairComSessionExpiredException;
import io.github.faircomclient.FairComTransportException;

/**
 * How a FairCom action or session event ended, as the {@code outcome} key of the client's
 * observations reports it.
 */
public enum FairComOutcome {

	/**
	 * The server answered with {@code errorCode} 0.
	 */
	SUCCESS,

	/**
	 * The server answered with a non-zero {@code errorCode}
	 * ({@link FairComApiException}).
	 */
	API_ERROR,

	/**
	 * The server refused the login or the configured permanent token
	 * ({@link FairComAuthenticationException}).
	 */
	AUTHENTICATION_ERROR,

	/**
	 * The session was gone and the call could not be replayed
	 * ({@link FairComSessionExpiredException}), or a keepalive found the session gone.
	 */
	SESSION_EXPIRED,

	/**
	 * The call did not get through: connect, TLS, timeout or I/O failure
	 * ({@link FairComTransportException}).
	 */
	TRANSPORT_ERROR,

	/**
	 * The answer was not a valid JSON action response ({@link FairComProtocolException}).
	 */
	PROTOCOL_ERROR,

	/**
	 * The client had been closed ({@link FairComClientClosedException}).
	 */
	CLIENT_CLOSED,

	/**
	 * The call failed in the client before or after it reached the server, for example
	 * because its parameters could not be serialized.
	 */
	CLIENT_ERROR;

	/**
	 * Classify the error an observation recorded.
	 * @param error the error or {@code null} if there was none
	 * @return the outcome
	 */
	public static FairComOutcome of(@Nullable Throwable error) {
		if (error == null) {
			return SUCCESS;
		}
		if (!(error instanceof FairComException failure)) {
			return CLIENT_ERROR;
		}
		return switch (failure.getFailureKind()) {
			case ACTION_FAILED -> API_ERROR;
			case AUTHENTICATION -> AUTHENTICATION_ERROR;
			case SESSION_EXPIRED -> SESSION_EXPIRED;
			case NOT_SENT, NOT_PROCESSED, ANSWER_LOST, CALL_TIMEOUT, POOL_TIMEOUT, TLS, INTERRUPTED ->
				(failure instanceof FairComProtocolException) ? PROTOCOL_ERROR : TRANSPORT_ERROR;
			case INVALID_ANSWER -> PROTOCOL_ERROR;
			case CLIENT_CLOSED -> CLIENT_CLOSED;
			case CLIENT -> CLIENT_ERROR;
		};
	}

	/**
	 * Return the {@code errorCode} an error carries.
	 * @param error the error or {@code null} if there was none
	 * @return the error code, or {@code null} if the server did not answer with one
	 */
	static @Nullable Integer errorCode(@Nullable Throwable error) {
		return (error instanceof FairComApiException api) ? api.getErrorCode() : null;
	}

	/**
	 * Return the requestId an error carries.
	 * @param error the error or {@code null}
	 * @return the requestId or {@code null}
	 */
	static @Nullable String requestId(@Nullable Throwable error) {
		return (error instanceof FairComException fairCom) ? fairCom.getRequestId() : null;
	}

}
