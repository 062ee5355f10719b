package io.github.faircomclient.http;

import java.io.IOException;

/**
 * Signals that the server closed a TLS connection right after the handshake, before
 * answering anything on it. A server that is restarting or dropping connections does
 * that, and so does a TLS 1.3 server that refuses a missing or unknown client
 * certificate: it checks the certificate only after the client has finished its side of
 * the handshake, so the client may see a broken pipe, a reset or a closed connection
 * instead of a handshake failure. The call is treated like any other dropped connection;
 * the message says what to check if it keeps happening.
 */
public class TlsClosedAfterHandshakeException extends IOException {

	/**
	 * Create a new exception.
	 * @param cause the failure of the first request on the connection
	 */
	public TlsClosedAfterHandshakeException(IOException cause) {
		super("The server closed the TLS connection right after the handshake without answering ("
				+ cause.getMessage() + ")", cause);
	}

}
