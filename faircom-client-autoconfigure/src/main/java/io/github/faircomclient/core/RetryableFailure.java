package io.github.faircomclient.core;

import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;

import io.github.faircomclient.FairComConnectException;
import io.github.faircomclient.FairComException;
import io.github.faircomclient.FairComProtocolException;
import io.github.faircomclient.FairComServerBusyException;
import io.github.faircomclient.FairComTimeoutException;
import io.github.faircomclient.FairComTlsException;
import io.github.faircomclient.FairComTransportException;

/**
 * What a failed attempt says about the server having run the call, which decides, with
 * the action's {@link RetrySafety}, whether the call may be sent again.
 */
enum RetryableFailure {

	/**
	 * The call never left the client: the connection could not be opened.
	 */
	NOT_SENT,

	/**
	 * The server refused the call without running it: HTTP 429.
	 */
	NOT_PROCESSED,

	/**
	 * The server may or may not have run the call: dropped or reset connection, read
	 * timeout, empty or truncated answer, a 5xx answer that is not JSON, HTTP 503.
	 */
	ANSWER_LOST,

	/**
	 * Sending the call again would not help or is not allowed: answers from FairCom with an
	 * errorCode, failed logins, TLS refusals, malformed answers, the call or pool timeout,
	 * interruption, a closed client.
	 */
	FINAL;

	static RetryableFailure of(FairComException failure) {
		if (failure instanceof FairComServerBusyException busy) {
			return (busy.getHttpStatus() == 429) ? NOT_PROCESSED : ANSWER_LOST;
		}
		if (failure instanceof FairComTlsException) {
			return FINAL;
		}
		if (failure instanceof FairComConnectException) {
			return NOT_SENT;
		}
		if (failure instanceof FairComTimeoutException timeout) {
			return switch (timeout.getType()) {
				case CONNECT -> NOT_SENT;
				case READ -> ANSWER_LOST;
				case CONNECTION_POOL, CALL -> FINAL;
			};
		}
		if (failure instanceof FairComProtocolException protocol) {
			return switch (protocol.getKind()) {
				case EMPTY_BODY, TRUNCATED -> ANSWER_LOST;
				case NOT_JSON, HTML_PAGE -> (protocol.getHttpStatus() >= 500) ? ANSWER_LOST : FINAL;
				default -> FINAL;
			};
		}
		if (failure.getClass() == FairComTransportException.class) {
			Throwable cause = failure.getCause();
			boolean interrupted = (cause instanceof InterruptedIOException && !(cause instanceof SocketTimeoutException))
					|| Thread.currentThread().isInterrupted();
			return (interrupted) ? FINAL : ANSWER_LOST;
		}
		return FINAL;
	}

}
