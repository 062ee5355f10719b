package io.github.faircomclient.it.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.json.JsonMapper;

/**
 * An HTTP proxy in front of a server (the emulator) that passes every request on and
 * strikes one chosen request, the n-th of an action, after the server ran it: it drops the
 * connection without an answer, or trickles the real answer. Each connection carries one
 * request ({@code Connection: close}). Counts the requests of every action it saw.
 */
public final class FaultInjectingProxy implements AutoCloseable {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private final URI target;

	private final ServerSocket listener;

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final ExecutorService threads = Executors.newCachedThreadPool((runnable) -> {
		Thread thread = new Thread(runnable, "fault-injecting-proxy");
		thread.setDaemon(true);
		return thread;
	});

	private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

	private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

	private final Map<String, Strike> strikes = new ConcurrentHashMap<>();

	/**
	 * Start a proxy on a free loopback port.
	 * @param target the server's endpoint
	 * @throws IOException if no port can be bound
	 */
	public FaultInjectingProxy(URI target) throws IOException {
		this.target = target;
		this.listener = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
		this.threads.submit(this::accept);
	}

	/**
	 * Return the proxy's endpoint.
	 * @return {@code http://127.0.0.1:<port>/api}
	 */
	public URI url() {
		return URI.create("http://127.0.0.1:" + this.listener.getLocalPort() + "/api");
	}

	/**
	 * Strike the n-th request of an action (counted from now on, from 1) after the server
	 * ran it.
	 * @param action the action, e.g. {@code commitTransaction}
	 * @param occurrence which of its requests, from 1
	 * @param fault what happens to its answer
	 */
	public void strike(String action, int occurrence, Fault fault) {
		int seen = this.counts.computeIfAbsent(action, (key) -> new AtomicInteger()).get();
		this.strikes.put(action, new Strike(seen + occurrence, fault));
	}

	/**
	 * Return how many requests of an action the proxy passed on.
	 * @param action the action
	 * @return the count
	 */
	public int count(String action) {
		AtomicInteger count = this.counts.get(action);
		return (count != null) ? count.get() : 0;
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
			byte[] body = RawHttpRequests.readBody(socket.getInputStream());
			if (body == null) {
				return;
			}
			String action = mapper.readTree(body).path("action").asString("");
			int number = this.counts.computeIfAbsent(action, (key) -> new AtomicInteger()).incrementAndGet();
			HttpResponse<byte[]> answer = this.http.send(HttpRequest.newBuilder(this.target)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofByteArray(body))
				.build(), HttpResponse.BodyHandlers.ofByteArray());
			Strike strike = this.strikes.get(action);
			Fault fault = (strike != null && strike.number() == number) ? strike.fault() : null;
			OutputStream out = socket.getOutputStream();
			if (fault == null) {
				out.write(head(answer.statusCode(), answer.body().length));
				out.write(answer.body());
			}
			else if (fault.pace() != null) {
				out.write(head(answer.statusCode(), answer.body().length));
				out.flush();
				for (byte b : answer.body()) {
					Thread.sleep(fault.pace().toMillis());
					out.write(b);
					out.flush();
				}
			}
			out.flush();
		}
		catch (IOException | RuntimeException ex) {
			// the client went away
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			this.sockets.remove(socket);
		}
	}

	private static byte[] head(int status, int length) {
		return ("HTTP/1.1 " + status + " Status\r\nContent-Type: application/json\r\nContent-Length: " + length
				+ "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
	}

	@Override
	public void close() throws IOException {
		this.listener.close();
		for (Socket socket : this.sockets) {
			socket.close();
		}
		this.threads.shutdownNow();
	}

	private record Strike(int number, Fault fault) {
	}

	/**
	 * What happens to the answer of a struck request, which the server ran.
	 *
	 * @param pace the pause before each byte of a trickled answer, or {@code null} to drop
	 * the connection without an answer
	 */
	public record Fault(Duration pace) {

		/**
		 * Drop the connection instead of answering.
		 * @return the fault
		 */
		public static Fault dropAfterExecution() {
			return new Fault(null);
		}

		/**
		 * Send the real answer one byte per pause.
		 * @param pace the pause before each byte
		 * @return the fault
		 */
		public static Fault trickle(Duration pace) {
			return new Fault(pace);
		}

	}

}
