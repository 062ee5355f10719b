package io.github.faircomclient.http;

import java.io.IOException;
import java.io.Serial;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.atomic.AtomicReference;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;

import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.HostnameVerificationPolicy;
import org.apache.hc.client5.http.ssl.HttpsSupport;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.reactor.ssl.SSLBufferMode;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslOptions;

/**
 * A {@link TlsSocketStrategy} that delegates to a strategy built from an {@link SslBundle}
 * and can be swapped while the connection pool is in use: new connections use the latest
 * material, established ones are unaffected.
 */
final class SwappableTlsSocketStrategy implements TlsSocketStrategy {

	private final AtomicReference<TlsSocketStrategy> delegate;

	private final boolean verifyHostname;

	SwappableTlsSocketStrategy(@Nullable SslBundle sslBundle, boolean verifyHostname) {
		this.verifyHostname = verifyHostname;
		this.delegate = new AtomicReference<>(create(sslBundle, verifyHostname));
	}

	/**
	 * Upgrade a connected socket to TLS. A handshake that gets no answer within the socket
	 * timeout (HttpClient sets the connect timeout for it) fails with a
	 * {@link NoTlsAnswerException} rather than the plain {@link SocketTimeoutException}
	 * HttpClient would report as a connect timeout: the TCP connection did open, and what
	 * answers at that port is most likely not a TLS service.
	 */
	@Override
	public SSLSocket upgrade(Socket socket, String target, int port, Object attachment, HttpContext context)
			throws IOException {
		try {
			return this.delegate.get().upgrade(socket, target, port, attachment, context);
		}
		catch (SocketTimeoutException ex) {
			throw new NoTlsAnswerException(target + ":" + port, socket.getSoTimeout(), ex);
		}
	}

	void swap(@Nullable SslBundle sslBundle) {
		this.delegate.set(create(sslBundle, this.verifyHostname));
	}

	TlsSocketStrategy current() {
		return this.delegate.get();
	}

	static TlsSocketStrategy create(@Nullable SslBundle sslBundle, boolean verifyHostname) {
		SSLContext sslContext = (sslBundle != null) ? sslBundle.createSslContext() : systemDefault();
		SslOptions options = (sslBundle != null) ? sslBundle.getOptions() : SslOptions.NONE;
		if (verifyHostname) {
			return new DefaultClientTlsStrategy(sslContext, options.getEnabledProtocols(), options.getCiphers(),
					SSLBufferMode.STATIC, HostnameVerificationPolicy.BOTH, HttpsSupport.getDefaultHostnameVerifier());
		}
		return new DefaultClientTlsStrategy(sslContext, options.getEnabledProtocols(), options.getCiphers(),
				SSLBufferMode.STATIC, HostnameVerificationPolicy.CLIENT, NoopHostnameVerifier.INSTANCE);
	}

	/**
	 * A TLS handshake that got no answer: the server accepted the TCP connection and sent
	 * nothing back.
	 */
	static final class NoTlsAnswerException extends SSLHandshakeException {

		@Serial
		private static final long serialVersionUID = 1L;

		NoTlsAnswerException(String endpoint, int timeoutMillis, SocketTimeoutException cause) {
			super("the TCP connection to " + endpoint + " opened, but the TLS handshake got no answer within "
					+ timeoutMillis + " ms");
			initCause(cause);
		}

	}

	private static SSLContext systemDefault() {
		try {
			return SSLContext.getDefault();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("No default SSLContext available", ex);
		}
	}

}
