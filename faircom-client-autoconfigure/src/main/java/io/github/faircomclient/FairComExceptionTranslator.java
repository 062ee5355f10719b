package io.github.faircomclient;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.time.Duration;
import java.util.Locale;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;

import org.jspecify.annotations.Nullable;

import io.github.faircomclient.http.TlsClosedAfterHandshakeException;

/**
 * The one place that turns FairCom answers and transport failures into the
 * {@link FairComException} tree. Every message names the action and the requestId, and
 * never contains a password or a session token.
 */
public final class FairComExceptionTranslator {

	private static final String CONNECT_TIMEOUT = "org.apache.hc.client5.http.ConnectTimeoutException";

	private static final String CONNECTION_REQUEST_TIMEOUT = "org.apache.hc.core5.http.ConnectionRequestTimeoutException";

	private static final int MAX_CAUSE_DEPTH = 32;

	private static final int MAX_QUOTED_MESSAGE = 500;

	private static final String CLIENT_CERTIFICATE_ADVICE = "check that the key store of the SSL bundle named by "
			+ "faircom.ssl.bundle (spring.ssl.bundle.pem.<name>.keystore.*) holds a client certificate and key "
			+ "signed by a CA the FairCom server trusts";

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
	 * Build the exception for a call bound to a session that is no longer the current one
	 * (it expired, and possibly another call logged in again): the call is refused before it
	 * is sent, because the transaction or cursor it belongs to ended with that session.
	 * @param api the api of the action
	 * @param action the action
	 * @param state what the call belongs to, e.g. {@code transaction 'T1'}, or {@code null}
	 * if unknown
	 * @return the exception to throw; it carries no requestId, HTTP status or error code
	 * because nothing was sent
	 */
	public static FairComSessionExpiredException boundSessionExpired(@Nullable String api, String action,
			@Nullable String state) {
		String what = (state != null) ? "the " + state : "the transaction or cursor it belongs to";
		String message = "FairCom session expired before " + describe(api, action) + " was sent: " + what
				+ " belonged to a session that expired, and the server ended it with that session. The call was "
				+ "not sent and is not replayed on a new session; start the work again";
		return new FairComSessionExpiredException(message, api, action, null, 0, 0, "");
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
	 * Build the exception for a successful answer that lacks what the action must return
	 * ({@link FairComProtocolException.Kind#INCOMPLETE_RESULT}).
	 * @param api the api of the action
	 * @param action the action
	 * @param requestId the requestId of the call
	 * @param httpStatus the HTTP status of the answer
	 * @param missing what the answer lacks, e.g. "a transactionId"; never a value from the answer
	 * @return the exception to throw
	 */
	public static FairComProtocolException incompleteResult(@Nullable String api, String action,
			@Nullable String requestId, int httpStatus, String missing) {
		String message = "FairCom answered " + describe(api, action) + " without " + missing
				+ details(httpStatus, requestId);
		return new FairComProtocolException(message, FairComProtocolException.Kind.INCOMPLETE_RESULT, api, action,
				requestId, httpStatus, null);
	}

	/**
	 * Build the exception for a successful answer whose result or record does not fit the
	 * Java type the caller asked for.
	 * @param api the api of the action
	 * @param action the action
	 * @param requestId the requestId of the call
	 * @param what what was mapped and its relation to the action: {@code "the result of"}
	 * or {@code "a record from"}
	 * @param targetType the name of the Java type
	 * @param reason why it does not fit (a field path and Jackson's reason), never the
	 * whole record
	 * @param cause the mapping failure, if any
	 * @return the exception to throw
	 */
	public static FairComMappingException mappingFailed(@Nullable String api, String action,
			@Nullable String requestId, String what, String targetType, String reason, @Nullable Throwable cause) {
		String message = "Could not map " + what + " " + describe(api, action)
				+ ((requestId != null) ? " (requestId " + requestId + ")" : "") + " to " + targetType + ": " + reason;
		return new FairComMappingException(message, api, action, requestId, targetType, cause);
	}

	/**
	 * Build the exception for an answer that asks the client to come back later: HTTP 429
	 * or 503 without a JSON action response.
	 * @param api the api of the action
	 * @param action the action
	 * @param requestId the requestId of the call
	 * @param httpStatus the HTTP status of the answer
	 * @param retryAfter the wait the answer asked for, if it said
	 * @return the exception to throw
	 */
	public static FairComServerBusyException serverBusy(@Nullable String api, String action,
			@Nullable String requestId, int httpStatus, @Nullable Duration retryAfter) {
		String what = (httpStatus == 429) ? "too many requests" : "service unavailable";
		String message = "FairCom (or a proxy in front of it) answered " + describe(api, action) + " with HTTP "
				+ httpStatus + " (" + what + ", requestId " + requestId + ")"
				+ ((retryAfter != null) ? " and asked to retry after " + retryAfter.toMillis() + " ms"
						: " without Retry-After");
		return new FairComServerBusyException(message, api, action, requestId, httpStatus, retryAfter);
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
		String cause = (failure.getMessage() != null) ? failure.getMessage() : failure.getClass().getName();
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
		if (failure instanceof TlsClosedAfterHandshakeException) {
			return new FairComTransportException("FairCom call " + on + " failed: " + cause + ". If this keeps "
					+ "happening, the server is probably refusing the client certificate, or expected one (TLS 1.3 "
					+ "servers check it after the handshake): " + CLIENT_CERTIFICATE_ADVICE, api, action, requestId,
					failure);
		}
		Throwable tls = findCause(failure, SSLException.class, GeneralSecurityException.class);
		if (tls != null) {
			return new FairComTlsException("TLS handshake with FairCom failed for " + on + ": " + tls.getMessage()
					+ ". " + tlsAdvice(failure), api, action, requestId, failure);
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
	 * Return whether a failed login says something about the server or the credentials, so
	 * that the calls that waited for it may share it: not when it belongs to the thread
	 * that ran it (its call timeout ran out, or it was interrupted).
	 * @param failure the failure of the login
	 * @return whether other calls may be given the failure
	 */
	public static boolean isShareableLoginFailure(FairComException failure) {
		if (failure instanceof FairComTimeoutException timeout
				&& timeout.getType() == FairComTimeoutException.Type.CALL) {
			return false;
		}
		for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof InterruptedIOException && !(cause instanceof SocketTimeoutException)) {
				return false;
			}
			if (cause instanceof InterruptedException) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Build the exception for a call that waited while another thread logged in and that
	 * login failed: a new exception of the same type with the same details, whose cause is
	 * the login's failure. Exceptions of types this translator does not build are returned
	 * as they are.
	 * @param failure the failure of the login the call waited for
	 * @return the exception to throw
	 */
	public static FairComException sharedLoginFailure(FairComException failure) {
		String message = failure.getMessage() + " (this call waited for that login attempt and shares its failure)";
		String api = failure.getApi();
		String action = failure.getAction();
		String requestId = failure.getRequestId();
		Class<?> type = failure.getClass();
		if (type == FairComAuthenticationException.class) {
			FairComAuthenticationException refused = (FairComAuthenticationException) failure;
			return new FairComAuthenticationException(message, api, action, requestId, refused.getHttpStatus(),
					refused.getErrorCode(), refused.getErrorMessage(), failure);
		}
		if (type == FairComApiException.class) {
			FairComApiException failed = (FairComApiException) failure;
			return new FairComApiException(message, api, action, requestId, failed.getHttpStatus(),
					failed.getErrorCode(), failed.getErrorMessage(), failure);
		}
		if (type == FairComProtocolException.class) {
			FairComProtocolException invalid = (FairComProtocolException) failure;
			return new FairComProtocolException(message, invalid.getKind(), api, action, requestId,
					invalid.getHttpStatus(), failure);
		}
		if (type == FairComServerBusyException.class) {
			FairComServerBusyException busy = (FairComServerBusyException) failure;
			return new FairComServerBusyException(message, api, action, requestId, busy.getHttpStatus(),
					busy.getRetryAfter(), failure);
		}
		if (type == FairComTimeoutException.class) {
			return new FairComTimeoutException(message, ((FairComTimeoutException) failure).getType(), api, action,
					requestId, failure);
		}
		if (type == FairComConnectException.class) {
			return new FairComConnectException(message, api, action, requestId, failure);
		}
		if (type == FairComTlsException.class) {
			return new FairComTlsException(message, api, action, requestId, failure);
		}
		if (type == FairComTransportException.class) {
			return new FairComTransportException(message, api, action, requestId, failure);
		}
		if (type == FairComException.class) {
			return new FairComException(message, api, action, requestId, failure);
		}
		return failure;
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

	private static String tlsAdvice(Throwable failure) {
		Throwable validity = findCause(failure, CertificateExpiredException.class,
				CertificateNotYetValidException.class);
		if (validity != null) {
			return "The server's certificate is outside its validity period (" + validity.getMessage()
					+ "): renew the certificate on the FairCom server, and check the clocks of both machines";
		}
		String messages = messages(failure);
		if (findCause(failure, SSLPeerUnverifiedException.class) != null || messages.contains("subject alternative")
				|| messages.contains("doesn't match") || messages.contains("does not match")) {
			return "The server's certificate does not name the host in faircom.url: connect with a host name the "
					+ "certificate lists (its subject alternative names), or re-issue the certificate; "
					+ "faircom.ssl.verify-hostname=false is for development servers only";
		}
		if (findCause(failure, CertPathBuilderException.class) != null
				|| messages.contains("unable to find valid certification path")
				|| messages.contains("pkix path")) {
			return "The server's certificate is not signed by a CA the client trusts: put the CA certificate of "
					+ "the FairCom server into the trust store of the SSL bundle named by faircom.ssl.bundle "
					+ "(spring.ssl.bundle.pem.<name>.truststore.certificate or the jks equivalent); without a "
					+ "bundle the JVM's default trust store is used";
		}
		if (messages.contains("certificate_required") || messages.contains("bad_certificate")
				|| messages.contains("unknown_ca") || messages.contains("certificate_unknown")
				|| messages.contains("access_denied")) {
			return "The server refused the client certificate or expected one: " + CLIENT_CERTIFICATE_ADVICE;
		}
		return "Check the SSL bundle named by faircom.ssl.bundle (trust store for the server's certificate, key "
				+ "store for a client certificate) and the TLS settings of the FairCom server";
	}

	private static String messages(Throwable failure) {
		StringBuilder messages = new StringBuilder();
		int depth = 0;
		for (Throwable candidate = failure; candidate != null && depth++ < MAX_CAUSE_DEPTH;
				candidate = candidate.getCause()) {
			if (candidate.getMessage() != null) {
				messages.append(candidate.getMessage().toLowerCase(Locale.ROOT)).append('\n');
			}
		}
		return messages.toString();
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
			case INCOMPLETE_RESULT -> "a result that lacks what the action returns";
			case TOO_LARGE -> "an answer larger than faircom.max-response-size";
		};
	}

	private static String details(int httpStatus, @Nullable String requestId) {
		return " (HTTP " + httpStatus + ", requestId " + requestId + ")";
	}

	private static String suffix(String errorMessage) {
		if (errorMessage.isEmpty()) {
			return "";
		}
		if (errorMessage.length() <= MAX_QUOTED_MESSAGE) {
			return ": " + errorMessage;
		}
		return ": " + errorMessage.substring(0, MAX_QUOTED_MESSAGE) + "... (" + (errorMessage.length()
				- MAX_QUOTED_MESSAGE) + " more characters, see getErrorMessage())";
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
		int depth = 0;
		for (Throwable candidate = failure; candidate != null && depth++ < MAX_CAUSE_DEPTH;
				candidate = candidate.getCause()) {
			for (Class<?> type : types) {
				if (type.isInstance(candidate)) {
					return candidate;
				}
			}
		}
		return null;
	}

}
