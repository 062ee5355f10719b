package io.github.faircomclient.http;

import java.io.IOException;
import java.net.Socket;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.atomic.AtomicReference;

import javax.net.ssl.SSLContext;
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

	@Override
	public SSLSocket upgrade(Socket socket, String target, int port, Object attachment, HttpContext context)
			throws IOException {
		return this.delegate.get().upgrade(socket, target, port, attachment, context);
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

	private static SSLContext systemDefault() {
		try {
			return SSLContext.getDefault();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("No default SSLContext available", ex);
		}
	}

}
