package io.github.faircomclient.test;

/**
 * Whether the HTTPS listener asks clients for a certificate.
 */
public enum ClientAuth {

	/**
	 * No client certificate is requested.
	 */
	NONE,

	/**
	 * A client certificate is requested; connections without one are accepted.
	 */
	WANT,

	/**
	 * A client certificate signed by a trusted CA is required; the TLS handshake fails without one.
	 */
	NEED

}
