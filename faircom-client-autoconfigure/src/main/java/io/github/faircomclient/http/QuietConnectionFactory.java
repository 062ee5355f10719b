package io.github.faircomclient.http;

import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.SSLSocket;

import org.apache.hc.client5.http.impl.io.DefaultManagedHttpClientConnection;
import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.impl.io.SocketHolder;
import org.apache.hc.core5.http.io.HttpConnectionFactory;
import org.jspecify.annotations.Nullable;

/**
 * Creates pooled HTTP connections that never write to HttpClient's wire and header logs
 * ({@code org.apache.hc.client5.http.wire} and {@code org.apache.hc.client5.http.headers}).
 * Those logs dump request bodies byte for byte at DEBUG, which for FairCom means
 * passwords and session tokens; with this factory they stay silent for the FairCom client
 * whatever the log levels, while every other behaviour of HttpClient's default connection
 * is kept.
 */
final class QuietConnectionFactory implements HttpConnectionFactory<ManagedHttpClientConnection> {

	static final QuietConnectionFactory INSTANCE = new QuietConnectionFactory();

	private static final AtomicLong COUNTER = new AtomicLong();

	private QuietConnectionFactory() {
	}

	@Override
	public ManagedHttpClientConnection createConnection(@Nullable Socket socket) throws IOException {
		QuietConnection connection = new QuietConnection("faircom-" + COUNTER.getAndIncrement());
		if (socket != null) {
			connection.bind(socket);
		}
		return connection;
	}

	/**
	 * HttpClient's default connection, minus its wire and header logging.
	 */
	static final class QuietConnection extends DefaultManagedHttpClientConnection {

		QuietConnection(String id) {
			super(id);
		}

		@Override
		public void bind(Socket socket) throws IOException {
			bind(new SocketHolder(socket));
		}

		@Override
		public void bind(SSLSocket sslSocket, Socket socket) throws IOException {
			bind(new SocketHolder(sslSocket, socket));
		}

		@Override
		protected void onRequestSubmitted(ClassicHttpRequest request) {
		}

		@Override
		protected void onResponseReceived(ClassicHttpResponse response) {
		}

	}

}
