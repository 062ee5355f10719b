package io.github.faircomclient.it;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.github.faircomclient.FairComProtocolException;
import io.github.faircomclient.core.FairComResponse;
import io.github.faircomclient.core.FairComTemplate;
import io.github.faircomclient.it.support.RawHttpRequests;
import io.github.faircomclient.it.support.Reliability;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What an answer can do to the client is bounded: a huge answer of small objects is a
 * {@link FairComProtocolException} read only up to the value budget, never an
 * {@link OutOfMemoryError}; an answer a server appends to a keep-alive connection is never
 * returned as the result of a later call, and the connection it sat on is not used again.
 */
@Tag("reliability")
class AnswerBoundsIntegrationTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private KeepAliveServer server;

	private FairComTemplate template;

	@AfterEach
	void stop() throws IOException {
		if (this.template != null) {
			this.template.close();
		}
		if (this.server != null) {
			this.server.close();
		}
	}

	@Test
	void aSixtyMegabyteAnswerOfSmallObjectsIsAProtocolErrorNotAnOutOfMemoryError() throws IOException {
		byte[] huge = hugeAnswerOfSmallObjects(60 * 1024 * 1024);
		this.server = new KeepAliveServer((request, count) -> ok(request, null, (count == 1) ? huge : null));
		this.template = template(this.server.url());
		long start = System.nanoTime();
		long peakBefore = resetPeakHeap();
		assertThatExceptionOfType(FairComProtocolException.class)
			.isThrownBy(() -> this.template.execute("db", "listTables", null))
			.satisfies((ex) -> {
				assertThat(ex.getKind()).isEqualTo(FairComProtocolException.Kind.TOO_LARGE);
				assertThat(ex.getMessage()).contains("more than 1000000 JSON values (faircom.max-response-values)");
			});
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		long peak = peakHeap() - peakBefore;
		assertThat(this.template.execute("db", "listTables", null).isSuccess())
			.as("the template goes on, on a new connection").isTrue();
		Reliability.record("D3", "a " + (huge.length >> 20) + " MB answer of small objects: TOO_LARGE after "
				+ took.toMillis() + " ms, heap peak above the start " + (Math.max(0, peak) >> 20)
				+ " MB (before: OutOfMemoryError with 1 GB)");
	}

	@Test
	void theLargestAnswerWithinTheBudgetTakesABoundedHeap() throws IOException {
		byte[] largest = answerOfSmallObjects(249_990);
		this.server = new KeepAliveServer((request, count) -> ok(request, null, largest));
		this.template = template(this.server.url());
		System.gc();
		long before = usedHeap();
		FairComResponse response = this.template.execute("db", "listTables", null);
		System.gc();
		long held = usedHeap() - before;
		assertThat(response.resultArray("data").size()).isEqualTo(249_990);
		assertThat(held).as("one answer of ~1,000,000 values held as a tree").isLessThan(150L * 1024 * 1024);
		Reliability.record("D3", "the largest answer within faircom.max-response-values (1,000,000 values as "
				+ "249,990 small objects, " + (largest.length >> 20) + " MB) held as a tree: " + (held >> 20)
				+ " MB of heap (" + (held / 1_000_000) + " B per value)");
	}

	@Test
	void anAnswerAppendedWithAnotherRequestIdIsNeverTakenForALaterCallsAnswer() throws IOException {
		checkAppendedAnswer("\"requestId\":\"someone-else\",");
	}

	@Test
	void anAnswerAppendedWithoutRequestIdIsNeverTakenForALaterCallsAnswer() throws IOException {
		checkAppendedAnswer("");
	}

	private void checkAppendedAnswer(String injectedRequestId) throws IOException {
		byte[] injected = ("{" + injectedRequestId + "\"errorCode\":0,\"errorMessage\":\"\",\"result\":{\"injected\":true}}")
			.getBytes(StandardCharsets.UTF_8);
		this.server = new KeepAliveServer((request, count) -> {
			byte[] real = ok(request, "{\"call\":" + count + "}", null);
			return (count == 3) ? concat(real, http(injected)) : real;
		});
		this.template = template(this.server.url());
		for (int call = 1; call <= 10; call++) {
			FairComResponse response = this.template.execute("admin", "listSessions", null);
			assertThat(response.result().has("injected")).as("call " + call).isFalse();
			assertThat(response.result().path("call").isInt()).isTrue();
		}
		assertThat(this.server.connections()).as("the out-of-step connection was replaced").isEqualTo(2);
		Reliability.record("D6", "an answer appended after a real one (" + (injectedRequestId.isEmpty()
				? "without requestId" : "another requestId") + "): 10 of 10 later calls got their own answer, "
				+ (this.server.requests() - 10 - 1) + " call(s) sent again on a new connection");
	}

	private static FairComTemplate template(URI url) {
		return FairComTemplate.builder().url(url).credentials("app", "secret").keepalive(false).build();
	}

	private static byte[] hugeAnswerOfSmallObjects(int bytes) {
		return answerOfSmallObjects((bytes - 64) / 8);
	}

	private static byte[] answerOfSmallObjects(int objects) {
		StringBuilder body = new StringBuilder(objects * 8 + 64).append("{\"data\":[");
		for (int i = 0; i < objects; i++) {
			body.append((i > 0) ? ",{\"a\":1}" : "{\"a\":1}");
		}
		return body.append("]}").toString().getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] ok(JsonNode request, String result, byte[] rawResult) {
		String head = "{\"requestId\":" + request.path("requestId") + ",\"errorCode\":0,\"errorMessage\":\"\","
				+ ("createSession".equals(request.path("action").asString())
						? "\"result\":{\"authToken\":\"KEEPALIVETOKEN0123456789\",\"idleConnectionTimeoutSeconds\":3600}}"
						: "\"result\":");
		if ("createSession".equals(request.path("action").asString())) {
			return http(head.getBytes(StandardCharsets.UTF_8));
		}
		byte[] start = head.getBytes(StandardCharsets.UTF_8);
		byte[] middle = (rawResult != null) ? rawResult
				: ((result != null) ? result : "{}").getBytes(StandardCharsets.UTF_8);
		return http(concat(concat(start, middle), "}".getBytes(StandardCharsets.UTF_8)));
	}

	private static byte[] http(byte[] body) {
		byte[] head = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
				+ "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
		return concat(head, body);
	}

	private static byte[] concat(byte[] first, byte[] second) {
		byte[] all = new byte[first.length + second.length];
		System.arraycopy(first, 0, all, 0, first.length);
		System.arraycopy(second, 0, all, first.length, second.length);
		return all;
	}

	private static long usedHeap() {
		Runtime runtime = Runtime.getRuntime();
		return runtime.totalMemory() - runtime.freeMemory();
	}

	private static long resetPeakHeap() {
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				pool.resetPeakUsage();
			}
		}
		return usedHeap();
	}

	private static long peakHeap() {
		long peak = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				peak += pool.getPeakUsage().getUsed();
			}
		}
		return peak;
	}

	/**
	 * A raw HTTP/1.1 server that keeps connections alive and answers each request with the
	 * bytes a function makes of it (the request and its number, from 1, createSession
	 * excluded).
	 */
	static final class KeepAliveServer implements AutoCloseable {

		private final ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());

		private final ExecutorService threads = Executors.newCachedThreadPool((runnable) -> {
			Thread thread = new Thread(runnable, "keep-alive-server");
			thread.setDaemon(true);
			return thread;
		});

		private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

		private final AtomicInteger calls = new AtomicInteger();

		private final AtomicInteger requests = new AtomicInteger();

		private final AtomicInteger connections = new AtomicInteger();

		private final BiFunction<JsonNode, Integer, byte[]> answers;

		KeepAliveServer(BiFunction<JsonNode, Integer, byte[]> answers) throws IOException {
			this.answers = answers;
			this.threads.submit(this::accept);
		}

		URI url() {
			return URI.create("http://127.0.0.1:" + this.listener.getLocalPort() + "/api");
		}

		int connections() {
			return this.connections.get();
		}

		int requests() {
			return this.requests.get();
		}

		private void accept() {
			while (!this.listener.isClosed()) {
				try {
					Socket socket = this.listener.accept();
					this.sockets.add(socket);
					this.connections.incrementAndGet();
					this.threads.submit(() -> serve(socket));
				}
				catch (IOException ex) {
					// closed
				}
			}
		}

		private void serve(Socket socket) {
			try (socket) {
				InputStream in = new BufferedInputStream(socket.getInputStream());
				OutputStream out = socket.getOutputStream();
				while (true) {
					byte[] body = RawHttpRequests.readBody(in);
					if (body == null) {
						return;
					}
					this.requests.incrementAndGet();
					JsonNode request = json.readTree(body);
					boolean login = "createSession".equals(request.path("action").asString());
					out.write(this.answers.apply(request, (login) ? 0 : this.calls.incrementAndGet()));
					out.flush();
				}
			}
			catch (IOException | RuntimeException ex) {
				// the client closed the connection
			}
			finally {
				this.sockets.remove(socket);
			}
		}

		@Override
		public void close() throws IOException {
			this.listener.close();
			for (Socket socket : this.sockets) {
				socket.close();
			}
			this.threads.shutdownNow();
		}

	}

}
