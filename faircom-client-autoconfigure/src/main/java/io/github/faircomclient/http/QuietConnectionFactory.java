package io.github.faircomclient.http;

import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.TimeUnit;
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
 * Creates the transport's HTTP connections: HttpClient's default connection, with three
 * changes.
 * <ul>
 * <li>It never writes to HttpClient's wire and header logs
 * ({@code org.apache.hc.client5.http.wire} and {@code org.apache.hc.client5.http.headers}):
 * those dump request bodies byte for byte at DEBUG, which for FairCom means passwords and
 * session tokens.</li>
 * <li>It tells the exchange that uses it who it is, so that an exchange whose answer turned
 * out wrong can {@linkplain QuietConnection#discard() discard} it.</li>
 * <li>The pool asks it before every reuse whether it is stale (validate-after-inactivity 0):
 * a discarded connection says yes at once, and only one idle for longer than
 * {@value FairComHttpTransport#VALIDATE_AFTER_INACTIVITY_SECONDS} s is probed on the
 * socket, as HttpClient would do.</li>
 * </ul>
 */
final class QuietConnectionFactory implements HttpConnectionFactory<ManagedHttpClientConnection> {

	private static final AtomicLong COUNTER = new AtomicLong();

	private static final long PROBE_AFTER_IDLE_NANOS = TimeUnit.SECONDS
		.toNanos(FairComHttpTransport.VALIDATE_AFTER_INACTIVITY_SECONDS);

	private final CallDeadlines deadlines;

	QuietConnectionFactory(CallDeadlines deadlines) {
		this.deadlines = deadlines;
	}

	@Override
	public ManagedHttpClientConnection createConnection(@Nullable Socket socket) throws IOException {
		QuietConnection connection = new QuietConnection("faircom-" + COUNTER.getAndIncrement(), this.deadlines);
		if (socket != null) {
			connection.bind(socket);
		}
		return connection;
	}

	/**
	 * HttpClient's default connection, minus its wire and header logging, plus discarding.
	 */
	static final class QuietConnection extends DefaultManagedHttpClientConnection {

		private final CallDeadlines deadlines;

		private volatile boolean discarded;

		private volatile long lastUsed = System.nanoTime();

		QuietConnection(String id, CallDeadlines deadlines) {
			super(id);
			this.deadlines = deadlines;
		}

		@Override
		public void bind(Socket socket) throws IOException {
			this.discarded = false;
			bind(new SocketHolder(socket));
		}

		@Override
		public void bind(SSLSocket sslSocket, Socket socket) throws IOException {
			this.discarded = false;
			bind(new SocketHolder(sslSocket, socket));
		}

		/**
		 * Make sure this connection is closed instead of being used again.
		 */
		void discard() {
			this.discarded = true;
		}

		@Override
		public boolean isStale() throws IOException {
			if (this.discarded || !isOpen()) {
				return true;
			}
			return System.nanoTime() - this.lastUsed >= PROBE_AFTER_IDLE_NANOS && super.isStale();
		}

		@Override
		protected void onRequestSubmitted(ClassicHttpRequest request) {
			this.lastUsed = System.nanoTime();
			this.deadlines.attach(this);
		}

		@Override
		protected void onResponseReceived(ClassicHttpResponse response) {
			this.lastUsed = System.nanoTime();
		}

	}

}
