package io.github.faircomclient;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.time.Duration;

import javax.net.ssl.SSLException;

import org.jspecify.annotations.Nullable;

/**
 * The one place that turns FairCom answers and transport failures into the
 * {@link FairComException} tree. Every message names the action and the requestId, and
 * never contains a password or a session token.
 */
public final class FairComExceptionTranslator {

	private static final String CONNECT_TIMEOUT = "org.apache.hc.client5.http.ConnectTimeoutException";

	private static final String CONNECTION_REQUEST_TIMEOUT = "org.apache.hc.core5.http.ConnectionRequestTimeoutException";

	private FairComExceptionTranslator() {
	}

	/**
	 * Build the exception for an action the server answered with a non-zero
	 * {@code errorCode}, typed by the codes FairCom documents
	 * ({@link FairComErrorCodes#documented()}).
	 * @param api the api of the action, if sent
	 * @param action the action
	 * @param requestId the requestId of the call
	 * @param httpStatus the HTTP status of the answer
	 * @param errorCode the error code
	 * @param errorMessage the error message
	 * @return the exception to throw
	 */
	public static FairComApiException actionFailed(@Nullable String api, String action, @Nullable String requestId,
			int httpStatus, int errorCode, String errorMessage) {
		return actionFailed(api, action, requestId, httpStatus, errorCode, errorMessage,
				FairComErrorCodes.documented());
	}

	/**
	 * Build the exception for an action the server answered with a non-zero
	 * {@code errorCode}: the typed subclass the table assigns to the code
	 * ({@link FairComDuplicateKeyException}, {@link FairComChangeIdConflictException},
	 * {@link FairComNotFoundException}), otherwise a plain {@link FairComApiException}.
	 * @param api the api of the action, if sent
	 * @param action the action
	 * @param requestId the requestId of the call
	 * @param httpStatus the HTTP status of the answer
	 * @param errorCode the error code
	 * @param errorMessage the error message
	 * @param errorCodes the table of error codes with a category
	 * @return the exception to throw
	 */
	public static FairComApiException actionFailed(@Nullable String api, String action, @Nullable String requestId,
			int httpStatus, int errorCode, String errorMessage, FairComErrorCodes errorCodes) {
		String message = "FairCom action " + describe(api, action) + " failed with errorCode " + errorCode
				+ details(httpStatus, requestId) + suffix(errorMessage);
		FairComErrorCodes.Category category = errorCodes.categoryOf(errorCode);
		if (category == null) {
			return new FairComApiException(message, api, action, requestId, httpStatus, errorCode, errorMessage);
		}
		return switch (category) {
			case DUPLICATE_KEY -> new FairComDuplicateKeyException(message, api, action, requestId, httpStatus,
					errorCode, errorMessage);
			case CHANGE_ID_CONFLICT -> new FairComChangeIdConflictException(message, api, action, requestId,
					httpStatus, errorCode, errorMessage);
			case NOT_FOUND -> new FairComNotFoundException(message, api, action, requestId, httpStatus, errorCode,
					errorMessage);
		};
	}

	/**
	 * Build the exception for a refused {@code createSession}.
	 * @param api the api of the action
	 * @param action the action
	 * @param requestId the requestId of the call
	 * @param httpStatus the HTTP status of the answer
	 * @param errorCode the error code
	 * @param errorMessage the error message
	 * @return the exception to throw
	 */
	public static FairComAuthenticationException loginFailed(@Nullable String api, String action,
			@Nullable String requestId, int httpStatus, int errorCode, String errorMessage) {
		String message = "FairCom refused to create a session (" + describe(api, action) + ", errorCode " + errorCode
				+ ", HTTP " + httpStatus + ", requestId " + requestId + ")" + suffix(errorMessage)
				+ ". Check the configured credentials or client certificate; the login is not retried";
		return new FairComAuthenticationException(message, api, action, requestId, httpStatus, errorCode,
				errorMessage);
	}

	/**
	 * Build the exception for a configured permanent session token that the server does not
	 * accept.
	 * @param api the api of the action
	 * @param action the action
	 * @param requestId the requestId of the call
	 * @param httpStatus the HTTP status of the answer
	 * @param errorCode the error code
	 * @param errorMessage the error message
	 * @return the exception to throw
	 */
	public static FairComAuthenticationException tokenRejected(@Nullable String api, String action,
			@Nullable String requestId, int httpStatus, int errorCode, String errorMessage) {
		String message = "FairCom rejected the configured permanent session token during " + describe(api, action)
				+ " (errorCode " + errorCode + ", HTTP " + httpStatus + ", requestId " + requestId + ")"
				+ suffix(errorMessage) + ". Configure a valid token (faircom.session.token); it is not retried";
		return new FairComAuthenticationException(message, api, action, requestId, httpStatus, errorCode,
				errorMessage);
	}

	/**
	 * Build the exception for a call whose session is gone and that cannot be replayed.
	 * @param api the api of the action
	 * @param action the action
	 * @param requestId the requestId of the call
	 * @param httpStatus the HTTP status of the answer
	 * @param errorCode the error code
	 * @param errorMessage the error message
	 * @param reason why the call was not replayed
	 * @return the exception to throw
	 */
	public static FairComSessionExpiredException sessionExpired(@Nullable String api, String action,
			@Nullable String requestId, int httpStatus, int errorCode, String errorMessage, String reason) {
		String message = "FairCom session expired during " + describe(api, action) + " (errorCode " + errorCode
				+ ", HTTP " + httpStatus + ", requestId " + requestId + "): " + reason;
		return new FairComSessionExpiredException(message, api, action, requestId, httpStatus, errorCode,
				errorMessage);
	}

	/**
	 * Build the exception for an answer that is not a valid JSON action response.
	 * @param kind what is wrong
	 * @param api the api of the action
	 * @param action the action
	 * @param requestId the requestId of the call
	 * @param httpStatus the HTTP status of the answer
	 * @param detail a description of the answer (content type, length); never its content
	 * @param cause the parse failure, if any
	 * @return the exception to throw
	 */
	public static FairComProtocolException protocolError(FairComProtocolException.Kind kind, @Nullable String api,
			String action, @Nullable String requestId, int httpStatus, String detail, @Nullable Throwable cause) {
		String message = "FairCom answered " + describe(api, action) + " with " + describe(kind) + " ("
				+ "HTTP " + httpStatus + ", requestId " + requestId + ((!detail.isEmpty()) ? ", " + detail : "") + ")";
		return new FairComProtocolException(message, kind, api, action, requestId, httpStatus, cause);
	}

	/**
	 * Build the exception for a call that failed below the JSON layer.
	 * @param failure the I/O failure
	 * @param callDeadlineExceeded whether the call was aborted at its deadline
	 * @param callTimeout the call's deadline
	 * @param api the api of the action
	 * @param action the action
	 * @param requestId the requestId of the call
	 * @return the exception to throw
	 */
	public static FairComTransportException transportFailed(Throwable failure, boolean callDeadlineExceeded,
			Duration callTimeout, @Nullable String api, String action, @Nullable String requestId) {
		String on = describe(api, action) + " (requestId " + requestId + ")";
		if (callDeadlineExceeded) {
			return new FairComTimeoutException("FairCom call " + on + " did not complete within the call timeout of "
					+ callTimeout.toMillis() + " ms", FairComTimeoutException.Type.CALL, api, action, requestId,
					failure);
		}
		String cause = String.valueOf(failure.getMessage());
		if (isA(failure, CONNECTION_REQUEST_TIMEOUT)) {
			return new FairComTimeoutException("No pooled connection to FairCom became free for " + on
					+ " within the pool acquire timeout: " + cause, FairComTimeoutException.Type.CONNECTION_POOL,
					api, action, requestId, failure);
		}
		if (isA(failure, CONNECT_TIMEOUT)) {
			return new FairComTimeoutException("Could not connect to FairCom for " + on
					+ " within the connect timeout: " + cause, FairComTimeoutException.Type.CONNECT, api, action,
					requestId, failure);
		}
		if (failure instanceof SocketTimeoutException) {
			return new FairComTimeoutException("FairCom sent nothing for " + on + " within the read timeout: " + cause,
					FairComTimeoutException.Type.READ, api, action, requestId, failure);
		}
		Throwable tls = findCause(failure, SSLException.class, GeneralSecurityException.class);
		if (tls != null) {
			return new FairComTlsException("TLS handshake with FairCom failed for " + on + ": " + tls.getMessage(),
					api, action, requestId, failure);
		}
		if (failure instanceof ConnectException || failure instanceof UnknownHostException
				|| failure instanceof NoRouteToHostException || failure instanceof PortUnreachableException) {
			return new FairComConnectException("Could not connect to FairCom for " + on + ": " + cause, api, action,
					requestId, failure);
		}
		if (failure instanceof InterruptedIOException) {
			return new FairComTransportException("FairCom call " + on + " was interrupted: " + cause, api, action,
					requestId, failure);
		}
		return new FairComTransportException("FairCom call " + on + " failed: " + cause, api, action, requestId,
				failure);
	}

	/**
	 * Build the exception for a call made after the template was closed.
	 * @param api the api of the refused action, if any
	 * @param action the refused action, if any
	 * @return the exception to throw
	 */
	public static FairComClientClosedException closed(@Nullable String api, @Nullable String action) {
		String what = (action != null) ? "Cannot run " + describe(api, action) + ": the" : "The";
		return new FairComClientClosedException(
				what + " FairCom client has been closed (its session was deleted and its connection pool shut down)",
				api, action);
	}

	private static String describe(@Nullable String api, String action) {
		return (api != null && !api.isEmpty()) ? api + "/" + action : action;
	}

	private static String describe(FairComProtocolException.Kind kind) {
		return switch (kind) {
			case EMPTY_BODY -> "an empty body";
			case HTML_PAGE -> "an HTML page instead of JSON";
			case NOT_JSON -> "a body that is not JSON";
			case TRUNCATED -> "truncated JSON";
			case NOT_AN_OBJECT -> "JSON that is not an object";
			case MISSING_ERROR_CODE -> "JSON without an integer errorCode";
			case REQUEST_ID_MISMATCH -> "the answer to another request (requestId mismatch)";
			case MISSING_AUTH_TOKEN -> "a session without an authToken";
		};
	}

	private static String details(int httpStatus, @Nullable String requestId) {
		return " (HTTP " + httpStatus + ", requestId " + requestId + ")";
	}

	private static String suffix(String errorMessage) {
		return (errorMessage.isEmpty()) ? "" : ": " + errorMessage;
	}

	private static boolean isA(Throwable failure, String className) {
		for (Class<?> type = failure.getClass(); type != null; type = type.getSuperclass()) {
			if (type.getName().equals(className)) {
				return true;
			}
		}
		return false;
	}

	private static @Nullable Throwable findCause(Throwable failure, Class<?>... types) {
		for (Throwable candidate = failure; candidate != null; candidate = candidate.getCause()) {
			for (Class<?> type : types) {
				if (type.isInstance(candidate)) {
					return candidate;
				}
			}
		}
		return null;
	}

}
