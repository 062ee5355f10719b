package io.github.faircomclient.http;

import java.io.IOException;
import java.io.Serial;

import org.jspecify.annotations.Nullable;

import io.github.faircomclient.FairComFailureKind;

/**
 * Why a post through a {@link FairComHttpTransport} failed below the JSON layer. The one
 * failure type of the HTTP layer: its {@link Reason} is decided by the transport, which
 * knows what happened to the connection, the TLS session and the call's deadline; its
 * message states those facts in plain words and never contains the request or the answer.
 * {@link io.github.faircomclient.core.FairComExceptionTranslator#transportFailed} turns it into
 * the client's exception tree.
 */
public final class TransportFailure extends IOException {

	@Serial
	private static final long serialVersionUID = 1L;

	/**
	 * What happened.
	 */
	private final Reason reason;

	/**
	 * The HTTP status of the answer, for a failure while reading one.
	 */
	private final int httpStatus;

	TransportFailure(Reason reason, String message, @Nullable Throwable cause) {
		this(reason, message, 0, cause);
	}

	TransportFailure(Reason reason, String message, int httpStatus, @Nullable Throwable cause) {
		super(message, cause);
		this.reason = reason;
		this.httpStatus = httpStatus;
	}

	/**
	 * Return the HTTP status of the answer the failure happened in.
	 * @return the status, or {@code 0} if no answer had arrived
	 */
	public int getHttpStatus() {
		return this.httpStatus;
	}

	/**
	 * Return what happened.
	 * @return the reason
	 */
	public Reason getReason() {
		return this.reason;
	}

	/**
	 * Return what the failure says about the server having run the call.
	 * @return the kind of failure
	 */
	public FairComFailureKind getFailureKind() {
		return this.reason.kind();
	}

	/**
	 * What happened to a post, each with what it says about the server having run it.
	 */
	public enum Reason {

		/**
		 * The server refused the connection, or its address cannot be reached.
		 */
		CONNECTION_REFUSED(FairComFailureKind.NOT_SENT),

		/**
		 * The host name does not resolve.
		 */
		UNKNOWN_HOST(FairComFailureKind.NOT_SENT),

		/**
		 * No connection could be opened within the connect timeout.
		 */
		CONNECT_TIMEOUT(FairComFailureKind.NOT_SENT),

		/**
		 * No pooled connection became free within the acquire timeout.
		 */
		POOL_TIMEOUT(FairComFailureKind.POOL_TIMEOUT),

		/**
		 * The TCP connection opened but the TLS handshake got no answer within the connect
		 * timeout: most likely the service at that port does not speak TLS.
		 */
		TLS_NO_ANSWER(FairComFailureKind.TLS),

		/**
		 * The server's certificate is not signed by a trusted CA.
		 */
		TLS_UNTRUSTED_CERTIFICATE(FairComFailureKind.TLS),

		/**
		 * The server's certificate does not name the host of the url.
		 */
		TLS_HOST_MISMATCH(FairComFailureKind.TLS),

		/**
		 * The server's certificate is outside its validity period.
		 */
		TLS_CERTIFICATE_EXPIRED(FairComFailureKind.TLS),

		/**
		 * The server refused the client certificate, or required one, with a TLS alert.
		 */
		TLS_CLIENT_CERTIFICATE_REFUSED(FairComFailureKind.TLS),

		/**
		 * Another TLS failure: protocol or cipher mismatch, a TLS alert.
		 */
		TLS_FAILED(FairComFailureKind.TLS),

		/**
		 * The url says {@code http://} but the server answered with TLS: the port speaks
		 * https. The server did not run the call.
		 */
		TLS_REQUIRED(FairComFailureKind.TLS),

		/**
		 * A new TLS 1.3 connection was closed or reset before it carried any answer: either
		 * the server dropped the call, or it refused the client certificate (TLS 1.3 servers
		 * check it after the handshake, so the refusal shows up as a closed connection).
		 */
		CLOSED_AFTER_TLS_HANDSHAKE(FairComFailureKind.ANSWER_LOST),

		/**
		 * The connection was closed or reset, or the server sent nothing, after the call
		 * went out.
		 */
		CONNECTION_LOST(FairComFailureKind.ANSWER_LOST),

		/**
		 * The server sent nothing within the read timeout.
		 */
		READ_TIMEOUT(FairComFailureKind.ANSWER_LOST),

		/**
		 * The answer grew beyond the largest size accepted.
		 */
		ANSWER_TOO_LARGE(FairComFailureKind.INVALID_ANSWER),

		/**
		 * The call's deadline passed; the exchange was aborted.
		 */
		CALL_DEADLINE(FairComFailureKind.CALL_TIMEOUT),

		/**
		 * The calling thread was interrupted.
		 */
		INTERRUPTED(FairComFailureKind.INTERRUPTED),

		/**
		 * The transport was closed before or during the exchange.
		 */
		CLIENT_CLOSED(FairComFailureKind.CLIENT_CLOSED);

		private final FairComFailureKind kind;

		Reason(FairComFailureKind kind) {
			this.kind = kind;
		}

		/**
		 * Return what this reason says about the server having run the call.
		 * @return the kind of failure
		 */
		public FairComFailureKind kind() {
			return this.kind;
		}

	}

}
