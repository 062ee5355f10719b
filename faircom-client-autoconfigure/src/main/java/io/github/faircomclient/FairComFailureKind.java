package io.github.faircomclient;

/**
 * What a failed call says about the server having run it, and therefore what may be done
 * about it. Every {@link FairComException} carries one ({@link FairComException#getFailureKind()}),
 * decided once where the facts were known: by the HTTP layer for failures on the way, by
 * the answer's decoder for answers, by the client for its own refusals. The template's
 * retries and the {@code outcome} of its observations are read from it.
 */
public enum FairComFailureKind {

	/**
	 * The call never reached the server: the connection could not be opened (refused,
	 * unknown host, connect timeout). Safe to send again.
	 */
	NOT_SENT,

	/**
	 * The server, or a proxy in front of it, refused the call without running it (HTTP 429).
	 * Safe to send again after the wait it asked for.
	 */
	NOT_PROCESSED,

	/**
	 * The call was sent and the server may or may not have run it: the connection broke,
	 * nothing came within the read timeout, the answer was empty, cut off or the answer to
	 * another request, or a proxy answered 5xx. Only a call that does no harm when run twice
	 * may be sent again.
	 */
	ANSWER_LOST,

	/**
	 * The call did not complete within its call timeout ({@code faircom.call-timeout}).
	 */
	CALL_TIMEOUT,

	/**
	 * No pooled connection became free within {@code faircom.pool.acquire-timeout}.
	 */
	POOL_TIMEOUT,

	/**
	 * The TLS connection could not be established or was refused: certificates, host name,
	 * a service that does not speak TLS.
	 */
	TLS,

	/**
	 * The calling thread was interrupted.
	 */
	INTERRUPTED,

	/**
	 * The client was closed before or while the call ran.
	 */
	CLIENT_CLOSED,

	/**
	 * The server answered with something that is not a valid FairCom JSON action answer, or
	 * a successful answer lacks what the action returns.
	 */
	INVALID_ANSWER,

	/**
	 * The server ran the action and answered with a non-zero {@code errorCode}.
	 */
	ACTION_FAILED,

	/**
	 * The server refused the login or the configured token, or a proxy asked for
	 * credentials (HTTP 401 or 403 without a JSON answer).
	 */
	AUTHENTICATION,

	/**
	 * The session the call needed is gone and the call could not be replayed on a new
	 * one, or logins are paused because the server refused every new session.
	 */
	SESSION_EXPIRED,

	/**
	 * The server answered, but the client cannot use the answer as asked: a result that
	 * does not fit the Java type, more records than the limit.
	 */
	CLIENT

}
