package io.github.faircomclient.http;

import java.io.IOException;

import javax.net.ssl.SSLException;

/**
 * Signals that the server closed a TLS connection right after the handshake, before
 * answering anything on it. This is how a TLS 1.3 server refuses a missing or unknown
 * client certificate: it checks the certificate only after the client has finished its
 * side of the handshake, so the client sees a broken pipe or a reset instead of a
 * handshake failure.
 */
public class TlsClosedAfterHandshakeException extends SSLException {

	/**
	 * Create a new exception.
	 * @param cause the failure of the first request on the connection
	 */
	public TlsClosedAfterHandshakeException(IOException cause) {
		super("The server closed the TLS connection right after the handshake without answering ("
				+ cause.getMessage() + "), which is how a server refuses a missing or unknown client certificate",
				cause);
	}

}
