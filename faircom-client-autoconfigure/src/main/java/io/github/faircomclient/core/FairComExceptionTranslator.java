package io.github.faircomclient.core;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import io.github.faircomclient.FairComApiException;
import io.github.faircomclient.FairComAuthenticationException;
import io.github.faircomclient.FairComChangeIdConflictException;
import io.github.faircomclient.FairComClientClosedException;
import io.github.faircomclient.FairComConfigurationException;
import io.github.faircomclient.FairComConnectException;
import io.github.faircomclient.FairComDuplicateKeyException;
import io.github.faircomclient.FairComErrorCodes;
import io.github.faircomclient.FairComException;
import io.github.faircomclient.FairComFailureKind;
import io.github.faircomclient.FairComMappingException;
import io.github.faircomclient.FairComNotFoundException;
import io.github.faircomclient.FairComProtocolException;
import io.github.faircomclient.FairComServerBusyException;
import io.github.faircomclient.FairComSessionExpiredException;
import io.github.faircomclient.FairComTimeoutException;
import io.github.faircomclient.FairComTlsException;
import io.github.faircomclient.FairComTransportException;
import io.github.faircomclient.http.TransportFailure;

/**
 * The one place that turns FairCom answers and transport failures into the
 * {@link FairComException} tree. It decides nothing about what happened: the transport
 * decided that ({@link TransportFailure#getReason()}), and the answer's decoder; it picks
 * the exception type, keeps the kind of failure on it, and words the message. Every
 * message names the action and the requestId, says what to check where that is known,
 * and never contains a password or a session token (server texts arrive masked).
 * <p>
 * Used by the client's own packages; applications catch the exceptions, not this class.
 */
public final class FairComExceptionTranslator {

	private static final int MAX_QUOTED_MESSAGE = 500;

	private static final String CLIENT_CERTIFICATE_ADVICE = "check that the key store of the SSL bundle named by "
			+ "faircom.ssl.bundle (spring.ssl.bundle.pem.<name>.keystore.*) holds a client certificate and key "
			+ "signed by a CA the FairCom server trusts";

	private static final String NOT_FOUND_ADVICE = "Nothing serves FairCom's JSON API at that path: check the path "
			+ "of faircom.url (FairCom's is /api)";

	private FairComExceptionTranslator() {
	}

	/**
	 * Build the exception for an action the server answered with a non-zero
	 * {@code errorCode}: the typed subclass the table assigns to the code
	 * ({@link FairComDuplicateKeyException},
	 * {@link FairComChangeIdConflictException},
	 * {@link FairComNotFoundException}), otherwise a plain
	 * {@link FairComApiException}.
	 * @param response the answer
	 * @param errorCodes the table of error codes with a category
	 * @return the exception to throw
	 */
	public static FairComApiException actionFailed(FairComResponse response, FairComErrorCodes errorCodes) {
		String message = "FairCom action " + describe(response) + " failed with errorCode " + response.errorCode()
				+ details(response) + suffix(response.errorMessage());
		FairComErrorCodes.Category category = errorCodes.categoryOf(response.errorCode());
		String api = response.api();
		String action = response.action();
		String requestId = response.requestId();
		int status = response.httpStatus();
		int code = response.errorCode();
		String text = response.errorMessage();
		if (category == null) {
			return new FairComApiException(message, api, action, requestId, status, code, text);
		}
		return switch (category) {
			case DUPLICATE_KEY -> new FairComDuplicateKeyException(message, api, action,
					requestId, status, code, text);
			case CHANGE_ID_CONFLICT -> new FairComChangeIdConflictException(message, api,
					action, requestId, status, code, text);
			case NOT_FOUND -> new FairComNotFoundException(message, api, action, requestId,
					status, code, text);
		};
	}

	/**
	 * Build the exception for a refused {@code createSession}: a
	 * {@link FairComAuthenticationException}, or a plain {@link FairComApiException} when
	 * the answer is an HTTP 404 (nothing serves the JSON API at the url's path, so the
	 * credentials are not the problem).
	 * @param response the answer
	 * @return the exception to throw
	 */
	public static FairComApiException loginFailed(FairComResponse response) {
		if (response.httpStatus() == 404) {
			String message = "FairCom answered " + describe(response) + " with HTTP 404 (errorCode "
					+ response.errorCode() + ", requestId " + response.requestId() + ")"
					+ suffix(response.errorMessage()) + ". " + NOT_FOUND_ADVICE;
			return new FairComApiException(message, response.api(), response.action(), response.requestId(),
					response.httpStatus(), response.errorCode(), response.errorMessage());
		}
		String message = "FairCom refused to create a session (" + describe(response) + ", errorCode "
				+ response.errorCode() + ", HTTP " + response.httpStatus() + ", requestId " + response.requestId()
				+ ")" + suffix(response.errorMessage())
				+ ". Check the configured credentials or client certificate; the login is not retried";
		return new FairComAuthenticationException(message, response.api(), response.action(), response.requestId(),
				response.httpStatus(), response.errorCode(), response.errorMessage());
	}

	/**
	 * Build the exception for a configured permanent session token that the server does not
	 * accept.
	 * @param response the answer that reported the session gone
	 * @return the exception to throw
	 */
	public static FairComAuthenticationException tokenRejected(FairComResponse response) {
		String message = "FairCom rejected the configured permanent session token during " + describe(response)
				+ " (errorCode " + response.errorCode() + ", HTTP " + response.httpStatus() + ", requestId "
				+ response.requestId() + ")" + suffix(response.errorMessage())
				+ ". Configure a valid token (faircom.session.token); it is not retried";
		return new FairComAuthenticationException(message, response.api(), response.action(), response.requestId(),
				response.httpStatus(), response.errorCode(), response.errorMessage());
	}

	/**
	 * Build the exception for a call whose session is gone and that cannot be replayed.
	 * @param response the answer that reported the session gone
	 * @param reason why the call was not replayed
	 * @return the exception to throw
	 */
	public static FairComSessionExpiredException sessionExpired(FairComResponse response, String reason) {
		String message = "FairCom session expired during " + describe(response) + " (errorCode "
				+ response.errorCode() + ", HTTP " + response.httpStatus() + ", requestId " + response.requestId()
				+ "): " + reason;
		return new FairComSessionExpiredException(message, response.api(), response.action(), response.requestId(),
				response.httpStatus(), response.errorCode(), response.errorMessage());
	}

	/**
	 * Build the exception for a call bound to a session that is no longer the current one
	 * (it expired, and possibly another call logged in again): the call is refused before it
	 * is sent, because the transaction or cursor it belongs to ended with that session.
	 * @param request the refused request
	 * @param state what the call belongs to, e.g. {@code transaction 'T1'}, or {@code null}
	 * if unknown
	 * @return the exception to throw; it carries no requestId, HTTP status or error code
	 * because nothing was sent
	 */
	public static FairComSessionExpiredException boundSessionExpired(FairComRequest request, @Nullable String state) {
		String what = (state != null) ? "the " + state : "the transaction or cursor it belongs to";
		String message = "FairCom session expired before " + describe(request.api(), request.action())
				+ " was sent: " + what + " belonged to a session that expired, and the server ended it with that "
				+ "session. The call was not sent and is not replayed on a new session; start the work again";
		return new FairComSessionExpiredException(message, request.api(), request.action(), null, 0, 0, "");
	}

	/**
	 * Build the exception for logins that are paused because the server refused the
	 * sessions it had just created.
	 * @param refused how many new sessions in a row the server reported gone before it
	 * accepted a call on them
	 * @param pause how long logins stay paused from now
	 * @return the exception to throw; nothing was sent
	 */
	public static FairComSessionExpiredException loginsPaused(int refused, Duration pause) {
		String message = "FairCom reported " + refused + " new sessions in a row gone before it accepted a call on "
				+ "them, so logins are paused for another " + pause.toMillis() + " ms and the call was not sent. A load "
				+ "balancer without session affinity in front of several FairCom servers does this (each server "
				+ "knows only its own sessions): route each client to one server, or point faircom.url at one "
				+ "server";
		return new FairComSessionExpiredException(message, "admin", "createSession", null, 0, 0, "");
	}

	/**
	 * Build the exception for an answer that is not a valid JSON action response.
	 * @param kind what is wrong
	 * @param failureKind {@link FairComFailureKind#ANSWER_LOST} when the real answer did
	 * not arrive, otherwise {@link FairComFailureKind#INVALID_ANSWER}
	 * @param request the request
	 * @param requestId the requestId of the call
	 * @param httpStatus the HTTP status of the answer
	 * @param detail a description of the answer (content type, length); never its content
	 * @param cause the parse failure, if any
	 * @return the exception to throw
	 */
	public static FairComProtocolException protocolError(FairComProtocolException.Kind kind,
			FairComFailureKind failureKind, FairComRequest request, @Nullable String requestId, int httpStatus,
			String detail, @Nullable Throwable cause) {
		String message = "FairCom answered " + describe(request.api(), request.action()) + " with " + describe(kind)
				+ " (HTTP " + httpStatus + ", requestId " + requestId + ((!detail.isEmpty()) ? ", " + detail : "")
				+ ")" + ((httpStatus == 404) ? ". " + NOT_FOUND_ADVICE : "");
		return new FairComProtocolException(message, kind, failureKind, request.api(), request.action(), requestId,
				httpStatus, cause);
	}

	/**
	 * Build the exception for a successful answer that lacks what the action must return
	 * ({@link FairComProtocolException.Kind#INCOMPLETE_RESULT}).
	 * @param response the answer
	 * @param missing what the answer lacks, e.g. "a transactionId"; never a value from the
	 * answer
	 * @return the exception to throw
	 */
	public static FairComProtocolException incompleteResult(FairComResponse response, String missing) {
		String message = "FairCom answered " + describe(response) + " without " + missing + details(response);
		return new FairComProtocolException(message, FairComProtocolException.Kind.INCOMPLETE_RESULT,
				FairComFailureKind.INVALID_ANSWER, response.api(), response.action(), response.requestId(),
				response.httpStatus(), null);
	}

	/**
	 * Build the exception for a successful {@code createSession} answer without an
	 * {@code authToken}.
	 * @param response the answer
	 * @return the exception to throw
	 */
	public static FairComProtocolException sessionWithoutToken(FairComResponse response) {
		String message = "FairCom answered " + describe(response) + " with "
				+ describe(FairComProtocolException.Kind.MISSING_AUTH_TOKEN) + details(response);
		return new FairComProtocolException(message, FairComProtocolException.Kind.MISSING_AUTH_TOKEN,
				FairComFailureKind.INVALID_ANSWER, response.api(), response.action(), response.requestId(),
				response.httpStatus(), null);
	}

	/**
	 * Build the exception for a successful answer whose result or record does not fit the
	 * Java type the caller asked for.
	 * @param response the answer
	 * @param what what was mapped and its relation to the action: {@code "the result of"}
	 * or {@code "a record from"}
	 * @param targetType the name of the Java type
	 * @param reason why it does not fit (a field path and Jackson's reason), never the
	 * whole record
	 * @param cause the mapping failure, if any
	 * @return the exception to throw
	 */
	public static FairComMappingException mappingFailed(FairComResponse response, String what, String targetType,
			String reason, @Nullable Throwable cause) {
		String message = "Could not map " + what + " " + describe(response) + " (requestId " + response.requestId()
				+ ") to " + targetType + ": " + reason;
		return new FairComMappingException(message, response.api(), response.action(), response.requestId(),
				targetType, cause);
	}

	/**
	 * Build the exception for an answer that asks the client to come back later: HTTP 429
	 * or 503 without a JSON action response.
	 * @param request the request
	 * @param requestId the requestId of the call
	 * @param httpStatus the HTTP status of the answer
	 * @param retryAfter the wait the answer asked for, if it said
	 * @return the exception to throw
	 */
	public static FairComServerBusyException serverBusy(FairComRequest request, String requestId, int httpStatus,
			@Nullable Duration retryAfter) {
		String what = (httpStatus == 429) ? "too many requests" : "service unavailable";
		String message = "FairCom (or a proxy in front of it) answered " + describe(request.api(), request.action())
				+ " with HTTP " + httpStatus + " (" + what + ", requestId " + requestId + ")"
				+ ((retryAfter != null) ? " and asked to retry after " + retryAfter.toMillis() + " ms"
						: " without Retry-After");
		return new FairComServerBusyException(message, request.api(), request.action(), requestId, httpStatus,
				retryAfter);
	}

	/**
	 * Build the exception for an HTTP 401 or 403 that is not a FairCom JSON answer: a proxy
	 * or gateway in front of FairCom refused the call.
	 * @param request the request
	 * @param requestId the requestId of the call
	 * @param httpStatus the HTTP status of the answer
	 * @param detail a description of the answer (content type, length); never its content
	 * @return the exception to throw
	 */
	public static FairComAuthenticationException refusedByProxy(FairComRequest request, String requestId,
			int httpStatus, String detail) {
		String message = "HTTP " + httpStatus + ((httpStatus == 401) ? " (unauthorized)" : " (forbidden)")
				+ " without a FairCom JSON answer for " + describe(request.api(), request.action()) + " (requestId "
				+ requestId + ", " + detail + "): something in front of FairCom (a proxy, gateway or load "
				+ "balancer) refused the call. FairCom itself answers with JSON; check that faircom.url points at "
				+ "the FairCom JSON API (path /api) and what that gateway requires";
		return new FairComAuthenticationException(message, request.api(), request.action(), requestId, httpStatus, 0,
				"");
	}

	/**
	 * Build the exception for a call that failed below the JSON layer.
	 * @param failure what the transport found
	 * @param request the request
	 * @param requestId the requestId of the call
	 * @param callTimeout the whole call's timeout, named when it ran out
	 * @return the exception to throw
	 */
	public static FairComException transportFailed(TransportFailure failure, FairComRequest request,
			String requestId, Duration callTimeout) {
		String api = request.api();
		String action = request.action();
		String on = describe(api, action) + " (requestId " + requestId + ")";
		String what = withoutFinalPeriod(failure.getMessage());
		return switch (failure.getReason()) {
			case CONNECTION_REFUSED, UNKNOWN_HOST -> new FairComConnectException("Could not connect to FairCom for "
					+ on + ": " + what + ". Check faircom.url and that the server is running", api, action,
					requestId, failure);
			case CONNECT_TIMEOUT -> new FairComTimeoutException("Could not connect to FairCom for " + on
					+ " within the connect timeout: " + what, FairComTimeoutException.Type.CONNECT, api, action,
					requestId, failure);
			case POOL_TIMEOUT -> new FairComTimeoutException("No pooled connection to FairCom became free for " + on
					+ ": " + what + ". Raise faircom.pool.max-connections or faircom.pool.acquire-timeout, or make "
					+ "fewer calls at once", FairComTimeoutException.Type.CONNECTION_POOL, api, action, requestId,
					failure);
			case READ_TIMEOUT -> new FairComTimeoutException("FairCom sent nothing for " + on + ": " + what
					+ " (faircom.read-timeout); the server may have run the call", FairComTimeoutException.Type.READ,
					api, action, requestId, failure);
			case CALL_DEADLINE -> new FairComTimeoutException("FairCom call " + on + " did not complete within the "
					+ "call timeout of " + FairComConfigurationException.display(callTimeout)
					+ " (faircom.call-timeout, or the call's own), retries and waits included",
					FairComTimeoutException.Type.CALL, api, action, requestId, failure);
			case TLS_REQUIRED -> new FairComTlsException("FairCom call " + on + " failed: " + what
					+ ", while faircom.url starts with http://. Use https:// (and, if the JVM does not trust the "
					+ "server's certificate, an SSL bundle named by faircom.ssl.bundle)", api, action, requestId,
					failure);
			case TLS_NO_ANSWER -> new FairComTlsException("TLS handshake with FairCom failed for " + on + ": "
					+ what + ". Is the service at that port speaking TLS? An https url pointing at a plain HTTP "
					+ "port (or another service) looks like this; check the scheme and port of faircom.url", api,
					action, requestId, failure);
			case TLS_UNTRUSTED_CERTIFICATE -> tls(on, what, "The server's certificate is not signed by a CA the "
					+ "client trusts: put the CA certificate of the FairCom server into the trust store of the SSL "
					+ "bundle named by faircom.ssl.bundle (spring.ssl.bundle.pem.<name>.truststore.certificate or "
					+ "the jks equivalent); without a bundle the JVM's default trust store is used", request,
					requestId, failure);
			case TLS_HOST_MISMATCH -> tls(on, what, "The server's certificate does not name the host in "
					+ "faircom.url: connect with a host name the certificate lists (its subject alternative names), "
					+ "or re-issue the certificate; faircom.ssl.verify-hostname=false is for development servers "
					+ "only", request, requestId, failure);
			case TLS_CERTIFICATE_EXPIRED -> tls(on, what, "The server's certificate is outside its validity "
					+ "period: renew the certificate on the FairCom server, and check the clocks of both machines",
					request, requestId, failure);
			case TLS_CLIENT_CERTIFICATE_REFUSED -> tls(on, what, "The server refused the client certificate or "
					+ "expected one: " + CLIENT_CERTIFICATE_ADVICE, request, requestId, failure);
			case TLS_FAILED -> tls(on, what, "Check the SSL bundle named by faircom.ssl.bundle (trust store for the "
					+ "server's certificate, key store for a client certificate) and the TLS settings of the "
					+ "FairCom server", request, requestId, failure);
			case CLOSED_AFTER_TLS_HANDSHAKE -> new FairComTransportException("FairCom call " + on + " failed: "
					+ what + ". The server may have run the call. If every new connection ends like this, the "
					+ "server is refusing the client certificate or requires one (TLS 1.3 servers check it after "
					+ "the handshake): " + CLIENT_CERTIFICATE_ADVICE, failure.getFailureKind(), api, action, requestId,
					failure);
			case CONNECTION_LOST -> new FairComTransportException("FairCom call " + on + " failed: " + what,
					failure.getFailureKind(), api, action, requestId, failure);
			case ANSWER_TOO_LARGE -> new FairComProtocolException("FairCom answered " + describe(api, action)
					+ " with " + describe(FairComProtocolException.Kind.TOO_LARGE) + " (requestId " + requestId
					+ ": " + what + ", faircom.max-response-size)", FairComProtocolException.Kind.TOO_LARGE, failure.getFailureKind(), api, action,
					requestId, failure.getHttpStatus(), failure);
			case INTERRUPTED -> new FairComTransportException("FairCom call " + on + " was interrupted: " + what,
					failure.getFailureKind(), api, action, requestId, failure);
			case CLIENT_CLOSED -> new FairComClientClosedException("FairCom call " + on + " failed: " + what, api,
					action, requestId, failure);
		};
	}

	private static FairComTlsException tls(String on, String what, String advice, FairComRequest request,
			String requestId, TransportFailure failure) {
		return new FairComTlsException("TLS with FairCom failed for " + on + ": " + what + ". " + advice,
				request.api(), request.action(), requestId, failure);
	}

	/**
	 * Return whether a failed login says something about the server or the credentials, so
	 * that the calls that waited for it may share it: not when it belongs to the thread that
	 * ran it (its call timeout ran out, it was interrupted, the client was closed).
	 * @param failure the failure of the login
	 * @return whether other calls may be given the failure
	 */
	public static boolean isShareableLoginFailure(FairComException failure) {
		return switch (failure.getFailureKind()) {
			case CALL_TIMEOUT, INTERRUPTED, CLIENT_CLOSED -> false;
			default -> true;
		};
	}

	/**
	 * Build the exception for a call that waited while another thread logged in and that
	 * login failed: a new exception of the same type, with the same details and kind, whose
	 * cause is the login's failure. Exceptions of types this translator does not build are
	 * returned as they are.
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
			return new FairComProtocolException(message, invalid.getKind(), failure.getFailureKind(), api, action,
					requestId, invalid.getHttpStatus(), failure);
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
			return new FairComTransportException(message, failure.getFailureKind(), api, action, requestId, failure);
		}
		if (type == FairComException.class) {
			return new FairComException(message, failure.getFailureKind(), api, action, requestId, failure);
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

	private static String withoutFinalPeriod(@Nullable String text) {
		if (text == null || text.isEmpty()) {
			return "no details";
		}
		return (text.endsWith(".")) ? text.substring(0, text.length() - 1) : text;
	}

	private static String describe(FairComResponse response) {
		return describe(response.api(), response.action());
	}

	static String describe(@Nullable String api, String action) {
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
			case TOO_LARGE -> "an answer larger than the client accepts";
		};
	}

	private static String details(FairComResponse response) {
		return " (HTTP " + response.httpStatus() + ", requestId " + response.requestId() + ")";
	}

	private static String suffix(String errorMessage) {
		if (errorMessage.isEmpty()) {
			return "";
		}
		if (errorMessage.length() <= MAX_QUOTED_MESSAGE) {
			return ": " + withoutFinalPeriod(errorMessage);
		}
		return ": " + errorMessage.substring(0, MAX_QUOTED_MESSAGE) + "... (" + (errorMessage.length()
				- MAX_QUOTED_MESSAGE) + " more characters, see getErrorMessage())";
	}

}
