package io.github.faircomclient.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A raw-socket HTTP server that answers each request with whatever bytes the current
 * {@link Answer} writes, down to a broken status line: a test double for hostile and
 * malformed servers. It reads one request per connection (head and Content-Length body),
 * hands the answer the request's {@code action} and {@code requestId}, and closes the
 * connection afterwards. {@code createSession} gets a valid session unless a login answer
 * is set.
 */
public final class HostileServer implements AutoCloseable {

	/**
	 * The token of the sessions this server hands out.
	 */
	public static final String TOKEN = "hostileServerSessionToken0123456789abcdefghijklmnopqrstuvwxyzABCD";

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private final ServerSocket listener;

	private final ExecutorService threads = Executors.newCachedThreadPool((runnable) -> {
		Thread thread = new Thread(runnable, "hostile-server");
		thread.setDaemon(true);
		return thread;
	});

	private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

	private final AtomicLong requests = new AtomicLong();

	private volatile Answer answer = Answer.VALID;

	private volatile Answer loginAnswer = Answer.VALID;

	/**
	 * Start a server on a free loopback port.
	 * @throws IOException if no port can be bound
	 */
	public HostileServer() throws IOException {
		this.listener = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
		this.threads.submit(this::accept);
	}

	/**
	 * Return the endpoint.
	 * @return {@code http://127.0.0.1:<port>/api}
	 */
	public URI url() {
		return URI.create("http://127.0.0.1:" + this.listener.getLocalPort() + "/api");
	}

	/**
	 * Set how actions other than {@code createSession} are answered.
	 * @param answer the answer
	 */
	public void answer(Answer answer) {
		this.answer = answer;
	}

	/**
	 * Set how {@code createSession} is answered.
	 * @param loginAnswer the answer
	 */
	public void loginAnswer(Answer loginAnswer) {
		this.loginAnswer = loginAnswer;
	}

	/**
	 * Return how many requests arrived.
	 * @return the request count
	 */
	public long requests() {
		return this.requests.get();
	}

	private void accept() {
		while (!this.listener.isClosed()) {
			try {
				Socket socket = this.listener.accept();
				this.sockets.add(socket);
				this.threads.submit(() -> serve(socket));
			}
			catch (IOException ex) {
				// closed
			}
		}
	}

	private void serve(Socket socket) {
		try (socket) {
			Request request = read(socket.getInputStream());
			if (request == null) {
				return;
			}
			this.requests.incrementAndGet();
			Answer current = "createsession".equals(request.action().toLowerCase(Locale.ROOT)) ? this.loginAnswer
					: this.answer;
			OutputStream out = socket.getOutputStream();
			current.write(request, out);
			out.flush();
		}
		catch (IOException | InterruptedException | RuntimeException ex) {
			// the client went away, or the answer was cut short on purpose
		}
		finally {
			this.sockets.remove(socket);
		}
	}

	private static Request read(InputStream in) throws IOException {
		byte[] body = RawHttpRequests.readBody(in);
		if (body == null) {
			return null;
		}
		JsonNode json = mapper.readTree(body);
		JsonNode requestId = json.get("requestId");
		return new Request(json.path("action").asString(""), (requestId != null) ? requestId.asString() : "");
	}

	@Override
	public void close() throws IOException {
		this.listener.close();
		for (Socket socket : this.sockets) {
			socket.close();
		}
		this.threads.shutdownNow();
	}

	/**
	 * What the server read: the action and the requestId to echo (or not).
	 *
	 * @param action the action
	 * @param requestId the requestId the client sent
	 */
	public record Request(String action, String requestId) {

	}

	/**
	 * Writes the raw bytes of an answer, HTTP status line included.
	 */
	@FunctionalInterface
	public interface Answer {

		/**
		 * A valid FairCom answer: a session for {@code createSession}, an empty result
		 * otherwise.
		 */
		Answer VALID = (request, out) -> {
			String json = "createSession".equalsIgnoreCase(request.action())
					? "{\"requestId\":\"" + request.requestId() + "\",\"authToken\":\"" + TOKEN
							+ "\",\"result\":{\"authToken\":\"" + TOKEN
							+ "\",\"username\":\"app\",\"idleConnectionTimeoutSeconds\":3600},\"errorCode\":0,"
							+ "\"errorMessage\":\"\"}"
					: "{\"requestId\":\"" + request.requestId() + "\",\"authToken\":\"" + TOKEN
							+ "\",\"result\":{},\"errorCode\":0,\"errorMessage\":\"\"}";
			out.write(http(200, "application/json", json.getBytes(StandardCharsets.UTF_8)));
		};

		/**
		 * Write the answer.
		 * @param request the request being answered
		 * @param out the connection's output
		 * @throws IOException if writing fails
		 * @throws InterruptedException if a paced answer is interrupted
		 */
		void write(Request request, OutputStream out) throws IOException, InterruptedException;

		/**
		 * Return a complete HTTP response with {@code Content-Length} and
		 * {@code Connection: close}.
		 * @param status the status
		 * @param contentType the content type, or {@code null} for none
		 * @param body the body
		 * @return the bytes
		 */
		static byte[] http(int status, String contentType, byte[] body) {
			String head = "HTTP/1.1 " + status + " Status\r\n"
					+ ((contentType != null) ? "Content-Type: " + contentType + "\r\n" : "") + "Content-Length: "
					+ body.length + "\r\nConnection: close\r\n\r\n";
			byte[] headBytes = head.getBytes(StandardCharsets.ISO_8859_1);
			byte[] all = new byte[headBytes.length + body.length];
			System.arraycopy(headBytes, 0, all, 0, headBytes.length);
			System.arraycopy(body, 0, all, headBytes.length, body.length);
			return all;
		}

	}

}
