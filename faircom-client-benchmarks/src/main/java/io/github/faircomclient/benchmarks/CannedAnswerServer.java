package io.github.faircomclient.benchmarks;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.ssl.SslConnection;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.jspecify.annotations.Nullable;

/**
 * A server that answers every {@code POST /api} with fixed bytes and does nothing else, to measure
 * what the clients and the machine can do without the emulator's work: {@code createSession} gets
 * the session answer, {@code deleteSession} and {@code pingSession} an empty success; the actions of a
 * bulk load ({@code createTransaction} a fixed {@code transactionId}; {@code insertRecords},
 * {@code updateRecords}, {@code commitTransaction}, {@code rollbackTransaction}, {@code createTable} and
 * {@code deleteTables} an empty success), named in the first {@value #ACTION_PREFIX} bytes of the
 * request as both clients write it; every other action the action answer. It runs on Jetty 12 like the emulator, counts HTTP requests and
 * connections (a TLS connection once, not once more for the HTTP connection inside it), and reports
 * them at {@code GET /counts}. Run it as its own process:
 *
 * <pre>
 * java -cp benchmarks.jar io.github.faircomclient.benchmarks.CannedAnswerServer \
 *     --answer answer.json --session-answer session.json [--http-port 0] [--https-port 0 --cert c.pem --key k.pem]
 * </pre>
 *
 * It prints {@code Canned-answer server listening on <url>} once per listener.
 */
public final class CannedAnswerServer implements AutoCloseable {

	private static final byte[] EMPTY_SUCCESS = "{\"errorCode\":0,\"errorMessage\":\"\"}"
		.getBytes(StandardCharsets.UTF_8);

	private static final byte[] CREATE_SESSION = "\"createSession\"".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] DELETE_SESSION = "\"deleteSession\"".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] PING_SESSION = "\"pingSession\"".getBytes(StandardCharsets.US_ASCII);

	/**
	 * How far into a request the actions of a bulk load are looked for: both clients write the action
	 * before the parameters, which may be a megabyte of records.
	 */
	static final int ACTION_PREFIX = 512;

	private static final byte[] TRANSACTION = "{\"errorCode\":0,\"errorMessage\":\"\",\"result\":{\"transactionId\":\"canned-transaction\"}}"
		.getBytes(StandardCharsets.UTF_8);

	private static final List<byte[]> EMPTY_SUCCESS_ACTIONS = Stream
		.of("insertRecords", "updateRecords", "commitTransaction", "rollbackTransaction", "createTable", "deleteTables")
		.map((action) -> ("\"" + action + "\"").getBytes(StandardCharsets.US_ASCII))
		.toList();

	private static final byte[] CREATE_TRANSACTION = "\"createTransaction\"".getBytes(StandardCharsets.US_ASCII);

	private final Server server;

	private final @Nullable ServerConnector http;

	private final @Nullable ServerConnector https;

	private final LongAdder requests = new LongAdder();

	private final LongAdder logins = new LongAdder();

	private final LongAdder connections = new LongAdder();

	private final byte[] answer;

	private final byte[] sessionAnswer;

	private CannedAnswerServer(byte[] answer, byte[] sessionAnswer, int httpPort, int httpsPort,
			@Nullable Path certificate, @Nullable Path privateKey) {
		this.answer = answer;
		this.sessionAnswer = sessionAnswer;
		QueuedThreadPool threads = new QueuedThreadPool(256);
		threads.setName("canned");
		this.server = new Server(threads);
		Connection.Listener counter = new Connection.Listener() {
			@Override
			public void onOpened(Connection connection) {
				CannedAnswerServer.this.connections.increment();
			}
		};
		Connection.Listener tlsCounter = new Connection.Listener() {
			@Override
			public void onOpened(Connection connection) {
				if (connection instanceof SslConnection) {
					CannedAnswerServer.this.connections.increment();
				}
			}
		};
		this.http = (httpPort >= 0) ? connector(new ServerConnector(this.server), httpPort, counter) : null;
		if (certificate != null && privateKey != null) {
			SslContextFactory.Server tls = new SslContextFactory.Server();
			tls.setSslContext(Pem.serverContext(certificate, privateKey));
			this.https = connector(new ServerConnector(this.server, tls), httpsPort, tlsCounter);
		}
		else {
			this.https = null;
		}
		this.server.setHandler(new Handler.Abstract() {
			@Override
			public boolean handle(Request request, Response response, Callback callback) throws Exception {
				return CannedAnswerServer.this.handle(request, response, callback);
			}
		});
	}

	private ServerConnector connector(ServerConnector connector, int port, Connection.Listener counter) {
		connector.setHost("127.0.0.1");
		connector.setPort(port);
		connector.addEventListener(counter);
		this.server.addConnector(connector);
		return connector;
	}

	/**
	 * Start a server in this JVM.
	 * @param answer the answer to every action but the session ones
	 * @param sessionAnswer the answer to {@code createSession}
	 * @param httpPort the HTTP port (0 = free port, -1 = none)
	 * @param httpsPort the HTTPS port (0 = free port), used with a certificate
	 * @param certificate the PEM certificate chain, or {@code null} for no HTTPS
	 * @param privateKey the PEM private key
	 * @return the running server
	 * @throws Exception if it cannot start
	 */
	static CannedAnswerServer start(byte[] answer, byte[] sessionAnswer, int httpPort, int httpsPort,
			@Nullable Path certificate, @Nullable Path privateKey) throws Exception {
		CannedAnswerServer canned = new CannedAnswerServer(answer, sessionAnswer, httpPort, httpsPort, certificate,
				privateKey);
		canned.server.start();
		return canned;
	}

	private boolean handle(Request request, Response response, Callback callback) throws IOException {
		String path = Request.getPathInContext(request);
		if ("GET".equals(request.getMethod()) && "/counts".equals(path)) {
			String counts = "{\"requests\":" + this.requests.sum() + ",\"createSession\":" + this.logins.sum()
					+ ",\"connections\":" + this.connections.sum() + "}";
			send(response, callback, counts.getBytes(StandardCharsets.UTF_8));
			return true;
		}
		this.requests.increment();
		ByteBuffer body = Content.Source.asByteBuffer(request);
		byte[] reply;
		ByteBuffer head = body.duplicate();
		head.limit(Math.min(head.limit(), head.position() + ACTION_PREFIX));
		if (contains(head, CREATE_TRANSACTION)) {
			reply = TRANSACTION;
		}
		else if (EMPTY_SUCCESS_ACTIONS.stream().anyMatch((action) -> contains(head, action))) {
			reply = EMPTY_SUCCESS;
		}
		else if (contains(body, CREATE_SESSION)) {
			this.logins.increment();
			reply = this.sessionAnswer;
		}
		else if (contains(body, DELETE_SESSION) || contains(body, PING_SESSION)) {
			reply = EMPTY_SUCCESS;
		}
		else {
			reply = this.answer;
		}
		send(response, callback, reply);
		return true;
	}

	private static void send(Response response, Callback callback, byte[] body) {
		response.setStatus(200);
		response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
		response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
		response.write(true, ByteBuffer.wrap(body), callback);
	}

	private static boolean contains(ByteBuffer haystack, byte[] needle) {
		int limit = haystack.limit() - needle.length;
		outer: for (int i = haystack.position(); i <= limit; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack.get(i + j) != needle[j]) {
					continue outer;
				}
			}
			return true;
		}
		return false;
	}

	/**
	 * Return the HTTP endpoint.
	 * @return e.g. {@code http://127.0.0.1:41234/api}, or {@code null} without HTTP
	 */
	@Nullable String httpUrl() {
		return (this.http != null) ? "http://127.0.0.1:" + this.http.getLocalPort() + "/api" : null;
	}

	/**
	 * Return the HTTPS endpoint.
	 * @return e.g. {@code https://127.0.0.1:41235/api}, or {@code null} without HTTPS
	 */
	@Nullable String httpsUrl() {
		return (this.https != null) ? "https://127.0.0.1:" + this.https.getLocalPort() + "/api" : null;
	}

	@Override
	public void close() throws Exception {
		this.server.stop();
	}

	/**
	 * Run the server until the JVM is stopped.
	 * @param args the command line, see the class documentation
	 * @throws Exception if the server cannot start
	 */
	public static void main(String[] args) throws Exception {
		Path answer = null;
		Path sessionAnswer = null;
		Path certificate = null;
		Path key = null;
		int httpPort = 0;
		int httpsPort = 0;
		for (int i = 0; i < args.length; i += 2) {
			String value = args[i + 1];
			switch (args[i]) {
				case "--answer" -> answer = Path.of(value);
				case "--session-answer" -> sessionAnswer = Path.of(value);
				case "--http-port" -> httpPort = Integer.parseInt(value);
				case "--https-port" -> httpsPort = Integer.parseInt(value);
				case "--cert" -> certificate = Path.of(value);
				case "--key" -> key = Path.of(value);
				default -> throw new IllegalArgumentException("Unknown option " + args[i]);
			}
		}
		if (answer == null || sessionAnswer == null) {
			throw new IllegalArgumentException("--answer and --session-answer are required");
		}
		CannedAnswerServer server = start(Files.readAllBytes(answer), Files.readAllBytes(sessionAnswer), httpPort,
				httpsPort, certificate, key);
		for (String url : new String[] { server.httpUrl(), server.httpsUrl() }) {
			if (url != null) {
				System.out.println("Canned-answer server listening on " + url);
			}
		}
		System.out.flush();
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			try {
				server.close();
			}
			catch (Exception ex) {
				// stopping anyway
			}
			stopped.countDown();
		}));
		stopped.await();
	}

}
