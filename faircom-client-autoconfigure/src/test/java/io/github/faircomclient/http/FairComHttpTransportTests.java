package io.github.faircomclient.http;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.pem.PemSslStoreBundle;
import org.springframework.boot.ssl.pem.PemSslStoreDetails;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import io.github.faircomclient.FairComConfigurationException;
import io.github.faircomclient.FairComFailureKind;
import io.github.faircomclient.http.TransportFailure.Reason;
import io.github.faircomclient.test.tls.TlsMaterial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link FairComHttpTransport} against a JDK HTTP server on the loopback
 * interface.
 */
class FairComHttpTransportTests {

	private static final byte[] BODY = "{\"action\":\"pingSession\"}".getBytes(StandardCharsets.UTF_8);

	private final ExecutorService serverThreads = Executors.newCachedThreadPool();

	private HttpServer server;

	private FairComHttpTransport transport;

	@AfterEach
	void stop() {
		if (this.transport != null) {
			this.transport.close();
		}
		if (this.server != null) {
			this.server.stop(0);
		}
		this.serverThreads.shutdownNow();
	}

	private URI start(HttpHandler handler) throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.setExecutor(this.serverThreads);
		this.server.createContext("/api", handler);
		this.server.start();
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + "/api");
	}

	/**
	 * Post the test body and keep the whole answer.
	 */
	private Read post(Duration timeout) throws TransportFailure {
		return this.transport.post(BODY, timeout, Read::of);
	}

	private record Read(int statusCode, HttpHeaders headers, byte[] body) {

		static Read of(FairComHttpTransport.Answer answer) throws IOException {
			return new Read(answer.statusCode(), answer.headers(), answer.body().readAllBytes());
		}

	}

	private static void respond(HttpExchange exchange, int status, String contentType, String body)
			throws IOException {
		exchange.getRequestBody().readAllBytes();
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", contentType);
		exchange.sendResponseHeaders(status, (bytes.length > 0) ? bytes.length : -1);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	@Test
	@EnabledForJreRange(max = JRE.JAVA_20)
	void virtualThreadsBeforeJava21AreRefusedNamingTheSetting() {
		assertThatExceptionOfType(FairComConfigurationException.class)
			.isThrownBy(() -> FairComHttpTransport.builder().virtualThreads(true))
			.withMessageContaining("spring.threads.virtual.enabled")
			.withMessageContaining("virtual threads need Java 21 or later");
	}

	@Test
	@EnabledForJreRange(min = JRE.JAVA_21)
	void aTransportOnVirtualThreadsPostsAndCloses() throws IOException {
		URI url = start((exchange) -> respond(exchange, 200, "application/json", "{\"errorCode\":0}"));
		this.transport = FairComHttpTransport.builder(url).virtualThreads(true).build();
		assertThat(post(Duration.ofSeconds(5)).statusCode()).isEqualTo(200);
	}

	@Test
	void postsJsonAndReadsTheBodyWhateverTheStatus() throws IOException {
		AtomicInteger requests = new AtomicInteger();
		URI url = start((exchange) -> {
			requests.incrementAndGet();
			assertThat(exchange.getRequestMethod()).isEqualTo("POST");
			assertThat(exchange.getRequestHeaders().getFirst("Content-Type")).startsWith("application/json");
			respond(exchange, 401, "application/json", "{\"errorCode\":12031}");
		});
		this.transport = FairComHttpTransport.builder(url).build();
		Read response = post(Duration.ofSeconds(5));
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("{\"errorCode\":12031}");
		assertThat(response.headers().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
		assertThat(requests.get()).isOne();
	}

	@Test
	void readsChunkedBodyWithoutContentLength() throws IOException {
		String large = "{\"result\":\"" + "x".repeat(50_000) + "\"}";
		URI url = start((exchange) -> {
			exchange.getRequestBody().readAllBytes();
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, 0);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(large.getBytes(StandardCharsets.UTF_8));
			}
		});
		this.transport = FairComHttpTransport.builder(url).build();
		Read response = post(Duration.ofSeconds(5));
		assertThat(response.headers().getContentLength()).isEqualTo(-1);
		assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(large);
	}

	@Test
	void doesNotFollowRedirects() throws IOException {
		URI url = start((exchange) -> {
			exchange.getResponseHeaders().set("Location", "/elsewhere");
			respond(exchange, 302, "text/plain", "");
		});
		this.transport = FairComHttpTransport.builder(url).build();
		assertThat(post(Duration.ofSeconds(5)).statusCode()).isEqualTo(302);
	}

	@Test
	void tricklingBodyIsAbortedAtTheCallDeadline() throws IOException {
		CountDownLatch released = new CountDownLatch(1);
		URI url = start((exchange) -> {
			exchange.getRequestBody().readAllBytes();
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, 0);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write('{');
				while (!released.await(100, TimeUnit.MILLISECONDS)) {
					out.write(' ');
					out.flush();
				}
			}
			catch (InterruptedException | IOException ex) {
				// the client went away
			}
		});
		this.transport = FairComHttpTransport.builder(url).readTimeout(Duration.ofSeconds(2)).build();
		long start = System.nanoTime();
		try {
			assertThatExceptionOfType(TransportFailure.class).isThrownBy(() -> post(Duration.ofMillis(700)))
				.satisfies((ex) -> {
					assertThat(ex.getReason()).isEqualTo(Reason.CALL_DEADLINE);
					assertThat(ex.getFailureKind()).isEqualTo(FairComFailureKind.CALL_TIMEOUT);
					assertThat(ex.getMessage()).isEqualTo("the call's time ran out");
				});
			Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
			assertThat(elapsed).as("the trickling server never ends the answer on its own: only the deadline can")
				.isGreaterThanOrEqualTo(Duration.ofMillis(700))
				.isLessThan(Duration.ofSeconds(10));
		}
		finally {
			released.countDown();
		}
	}

	@Test
	void silentServerTripsTheReadTimeout() throws IOException {
		CountDownLatch released = new CountDownLatch(1);
		URI url = start((exchange) -> {
			try {
				released.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		this.transport = FairComHttpTransport.builder(url).readTimeout(Duration.ofMillis(300)).build();
		try {
			assertThatExceptionOfType(TransportFailure.class).isThrownBy(() -> post(Duration.ofSeconds(5)))
				.satisfies((ex) -> {
					assertThat(ex.getReason()).isEqualTo(Reason.READ_TIMEOUT);
					assertThat(ex.getFailureKind()).isEqualTo(FairComFailureKind.ANSWER_LOST);
				});
		}
		finally {
			released.countDown();
		}
	}

	@Test
	void poolAllowsMaxConnectionsToTheServerThenTimesOutAcquiring() throws Exception {
		CountDownLatch arrived = new CountDownLatch(2);
		CountDownLatch released = new CountDownLatch(1);
		URI url = start((exchange) -> {
			arrived.countDown();
			try {
				released.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			respond(exchange, 200, "application/json", "{\"errorCode\":0}");
		});
		this.transport = FairComHttpTransport.builder(url)
			.maxConnections(2)
			.connectionAcquireTimeout(Duration.ofMillis(300))
			.build();
		ExecutorService callers = Executors.newFixedThreadPool(2);
		try {
			List<Future<Read>> busy = List.of(callers.submit(() -> post(Duration.ofSeconds(10))),
					callers.submit(() -> post(Duration.ofSeconds(10))));
			assertThat(arrived.await(5, TimeUnit.SECONDS)).as("two connections in use at once").isTrue();
			assertThatExceptionOfType(TransportFailure.class).isThrownBy(() -> post(Duration.ofSeconds(10)))
				.satisfies((ex) -> {
					assertThat(ex.getReason()).isEqualTo(Reason.POOL_TIMEOUT);
					assertThat(ex.getMessage()).contains("within 300ms");
				});
			released.countDown();
			for (Future<Read> call : busy) {
				assertThat(call.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
			}
		}
		finally {
			released.countDown();
			callers.shutdownNow();
		}
	}

	@Test
	void refusedConnectionIsAConnectFailure() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = socket.getLocalPort();
		}
		this.transport = FairComHttpTransport.builder(URI.create("http://127.0.0.1:" + port + "/api")).build();
		assertThatExceptionOfType(TransportFailure.class).isThrownBy(() -> post(Duration.ofSeconds(5)))
			.satisfies((ex) -> {
				assertThat(ex.getReason()).isEqualTo(Reason.CONNECTION_REFUSED);
				assertThat(ex.getFailureKind()).isEqualTo(FairComFailureKind.NOT_SENT);
			});
	}

	@Test
	void closedTransportFailsCalls() throws IOException {
		URI url = start((exchange) -> respond(exchange, 200, "application/json", "{\"errorCode\":0}"));
		this.transport = FairComHttpTransport.builder(url).build();
		this.transport.close();
		assertThatExceptionOfType(TransportFailure.class).isThrownBy(() -> post(Duration.ofSeconds(5)))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.CLIENT_CLOSED));
	}

	@Test
	void answerLargerThanTheLimitIsCutOff() throws IOException {
		URI url = start((exchange) -> respond(exchange, 200, "application/json", "x".repeat(4096)));
		this.transport = FairComHttpTransport.builder(url).maxResponseBytes(1024).build();
		assertThatExceptionOfType(TransportFailure.class).isThrownBy(() -> post(Duration.ofSeconds(5)))
			.satisfies((ex) -> {
				assertThat(ex.getReason()).isEqualTo(Reason.ANSWER_TOO_LARGE);
				assertThat(ex.getHttpStatus()).isEqualTo(200);
				assertThat(ex.getMessage()).contains("declared a Content-Length of 4096 bytes, more than the limit of "
						+ "1024 bytes");
			});
	}

	@Test
	void endlessAnswerIsCutOffAtTheLimitNotAtTheDeadline() throws IOException {
		URI url = start(FairComHttpTransportTests::endlessAnswer);
		this.transport = FairComHttpTransport.builder(url).maxResponseBytes(2 * 1024 * 1024).build();
		long start = System.nanoTime();
		assertThatExceptionOfType(TransportFailure.class).isThrownBy(() -> post(Duration.ofSeconds(20)))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.ANSWER_TOO_LARGE));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
		assertThat(this.transport.getPoolStats().getLeased()).isZero();
	}

	@Test
	void readerSeesTheAnswerOnlyUpToTheLimit() throws IOException {
		URI url = start(FairComHttpTransportTests::endlessAnswer);
		this.transport = FairComHttpTransport.builder(url).maxResponseBytes(100_000).build();
		long[] seen = new long[1];
		assertThatExceptionOfType(TransportFailure.class)
			.isThrownBy(() -> this.transport.post(BODY, Duration.ofSeconds(20), (answer) -> {
				byte[] buffer = new byte[1000];
				int read;
				while ((read = answer.body().read(buffer)) != -1) {
					seen[0] += read;
				}
				return seen[0];
			}))
			.satisfies((ex) -> assertThat(ex.getMessage()).contains("grew beyond the limit of 100000 bytes"));
		assertThat(seen[0]).isLessThanOrEqualTo(100_000).isGreaterThan(90_000);
		assertThat(this.transport.getPoolStats().getLeased()).isZero();
	}

	@Test
	void readerGetsStatusHeadersAndBody() throws IOException {
		URI url = start((exchange) -> respond(exchange, 503, "application/json", "{\"errorCode\":0}"));
		this.transport = FairComHttpTransport.builder(url).build();
		String answer = this.transport.post(BODY, Duration.ofSeconds(5), (read) -> read.statusCode() + " "
				+ read.headers().getContentType() + " " + new String(read.body().readAllBytes(), StandardCharsets.UTF_8));
		assertThat(answer).isEqualTo("503 application/json {\"errorCode\":0}");
	}

	@Test
	void wireAndHeaderLogsStaySilentEvenAtDebug() throws IOException {
		URI url = start((exchange) -> respond(exchange, 200, "application/json", "{\"errorCode\":0}"));
		this.transport = FairComHttpTransport.builder(url).build();
		Logger wire = (Logger) LoggerFactory.getLogger("org.apache.hc.client5.http.wire");
		Logger headers = (Logger) LoggerFactory.getLogger("org.apache.hc.client5.http.headers");
		ListAppender<ILoggingEvent> appender = new ListAppender<>();
		appender.start();
		Level wireLevel = wire.getLevel();
		Level headersLevel = headers.getLevel();
		wire.setLevel(Level.TRACE);
		headers.setLevel(Level.TRACE);
		wire.addAppender(appender);
		headers.addAppender(appender);
		try {
			byte[] secret = "{\"params\":{\"password\":\"wire-secret\"}}".getBytes(StandardCharsets.UTF_8);
			assertThat(this.transport.post(secret, Duration.ofSeconds(5), Read::of).statusCode()).isEqualTo(200);
			assertThat(appender.list).isEmpty();
		}
		finally {
			wire.detachAppender(appender);
			headers.detachAppender(appender);
			wire.setLevel(wireLevel);
			headers.setLevel(headersLevel);
		}
	}

	@Test
	void idleConnectionsAreClosedWhenTheServerGoesAway() throws Exception {
		CountDownLatch arrived = new CountDownLatch(2);
		CountDownLatch released = new CountDownLatch(1);
		URI url = start((exchange) -> {
			arrived.countDown();
			try {
				released.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			respond(exchange, 200, "application/json", "{\"errorCode\":0}");
		});
		this.transport = FairComHttpTransport.builder(url).build();
		ExecutorService callers = Executors.newFixedThreadPool(2);
		try {
			List<Future<Read>> calls = List.of(callers.submit(() -> post(Duration.ofSeconds(10))),
					callers.submit(() -> post(Duration.ofSeconds(10))));
			assertThat(arrived.await(5, TimeUnit.SECONDS)).isTrue();
			released.countDown();
			for (Future<Read> call : calls) {
				call.get(5, TimeUnit.SECONDS);
			}
		}
		finally {
			callers.shutdownNow();
		}
		assertThat(this.transport.getPoolStats().getAvailable()).isEqualTo(2);
		this.server.stop(0);
		assertThatExceptionOfType(TransportFailure.class).isThrownBy(() -> post(Duration.ofSeconds(5)));
		assertThat(this.transport.getPoolStats().getAvailable()).isZero();
	}

	@Test
	void tlsConnectionClosedRightAfterTheHandshakeSaysWhatTheClientPresented() throws Exception {
		try (TlsMaterial tls = TlsMaterial.generate()) {
			SSLContext serverContext = SslBundle
				.of(new PemSslStoreBundle(PemSslStoreDetails.forCertificate(tls.serverCertificate().toUri().toString())
					.withPrivateKey(tls.serverPrivateKey().toUri().toString()), null))
				.createSslContext();
			try (SSLServerSocket listener = (SSLServerSocket) serverContext.getServerSocketFactory()
				.createServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
				this.serverThreads.submit(() -> {
					while (!listener.isClosed()) {
						try (SSLSocket socket = (SSLSocket) listener.accept()) {
							socket.startHandshake();
						}
						catch (IOException ex) {
							// next one
						}
					}
					return null;
				});
				SslBundle trust = SslBundle.of(new PemSslStoreBundle(null,
						PemSslStoreDetails.forCertificate(tls.caCertificate().toUri().toString())));
				this.transport = FairComHttpTransport
					.builder(URI.create("https://localhost:" + listener.getLocalPort() + "/api"))
					.sslBundle(trust)
					.build();
				assertThatExceptionOfType(TransportFailure.class).isThrownBy(() -> post(Duration.ofSeconds(5)))
					.satisfies((ex) -> {
						assertThat(ex.getReason()).isEqualTo(Reason.CLOSED_AFTER_TLS_HANDSHAKE);
						assertThat(ex.getFailureKind()).isEqualTo(FairComFailureKind.ANSWER_LOST);
						assertThat(ex.getMessage()).contains("on a new TLS 1.3 connection before any answer",
								"the client presented no certificate");
					});
			}
		}
	}

	@Test
	void abortedCallsFailAtOnceWhetherInFlightOrWaitingForAConnection() throws Exception {
		CountDownLatch arrived = new CountDownLatch(1);
		CountDownLatch released = new CountDownLatch(1);
		URI url = start((exchange) -> {
			arrived.countDown();
			try {
				released.await(20, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		this.transport = FairComHttpTransport.builder(url)
			.maxConnections(1)
			.connectionAcquireTimeout(Duration.ofSeconds(20))
			.build();
		ExecutorService callers = Executors.newFixedThreadPool(2);
		try {
			Future<Read> inFlight = callers.submit(() -> post(Duration.ofSeconds(30)));
			assertThat(arrived.await(5, TimeUnit.SECONDS)).isTrue();
			Future<Read> waiting = callers.submit(() -> post(Duration.ofSeconds(30)));
			org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
				.until(() -> this.transport.getPoolStats().getPending() == 1);
			long start = System.nanoTime();
			this.transport.abortCalls();
			assertThat(failureOf(inFlight)).satisfies((ex) -> {
				assertThat(ex.getReason()).isEqualTo(Reason.CLIENT_CLOSED);
				assertThat(ex.getMessage()).contains("in flight; the server may have run it");
			});
			assertThat(failureOf(waiting)).satisfies((ex) -> {
				assertThat(ex.getReason()).isEqualTo(Reason.CLIENT_CLOSED);
				assertThat(ex.getMessage()).contains("waiting for a connection; it was not sent");
			});
			assertThat(Duration.ofNanos(System.nanoTime() - start)).as("released at once, not after 20 s")
				.isLessThan(Duration.ofSeconds(5));
			assertThatExceptionOfType(TransportFailure.class).isThrownBy(() -> post(Duration.ofSeconds(5)))
				.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.CLIENT_CLOSED));
		}
		finally {
			released.countDown();
			callers.shutdownNow();
		}
	}

	@Test
	void postOutsidePoolGetsThroughWhileThePoolIsSaturatedAndAborted() throws Exception {
		CountDownLatch arrived = new CountDownLatch(1);
		CountDownLatch released = new CountDownLatch(1);
		AtomicInteger requests = new AtomicInteger();
		URI url = start((exchange) -> {
			if (requests.incrementAndGet() == 1) {
				arrived.countDown();
				try {
					released.await(20, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
			respond(exchange, 200, "application/json", "{\"errorCode\":0}");
		});
		this.transport = FairComHttpTransport.builder(url)
			.maxConnections(1)
			.connectionAcquireTimeout(Duration.ofSeconds(20))
			.build();
		ExecutorService callers = Executors.newFixedThreadPool(1);
		try {
			Future<Read> busy = callers.submit(() -> post(Duration.ofSeconds(30)));
			assertThat(arrived.await(5, TimeUnit.SECONDS)).isTrue();
			Read outside = this.transport.postOutsidePool(BODY, Duration.ofSeconds(5), Read::of);
			assertThat(outside.statusCode()).as("not queued behind the busy pool").isEqualTo(200);
			this.transport.abortCalls();
			assertThat(failureOf(busy).getReason()).isEqualTo(Reason.CLIENT_CLOSED);
			assertThat(this.transport.postOutsidePool(BODY, Duration.ofSeconds(5), Read::of).statusCode())
				.as("after the pool's calls were aborted").isEqualTo(200);
			this.transport.close();
			assertThatExceptionOfType(TransportFailure.class)
				.isThrownBy(() -> this.transport.postOutsidePool(BODY, Duration.ofSeconds(5), Read::of))
				.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.CLIENT_CLOSED));
		}
		finally {
			released.countDown();
			callers.shutdownNow();
		}
	}

	@Test
	void httpsToAServiceThatNeverAnswersTheHandshakeIsATlsFailureNotAConnectTimeout() throws Exception {
		try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
			this.serverThreads.submit(() -> {
				while (!silent.isClosed()) {
					java.net.Socket accepted = silent.accept();
					this.serverThreads.submit(() -> {
						try (accepted) {
							accepted.getInputStream().readAllBytes();
						}
						return null;
					});
				}
				return null;
			});
			this.transport = FairComHttpTransport.builder(URI.create("https://127.0.0.1:" + silent.getLocalPort() + "/api"))
				.connectTimeout(Duration.ofMillis(300))
				.build();
			assertThatExceptionOfType(TransportFailure.class).isThrownBy(() -> post(Duration.ofSeconds(10)))
				.satisfies((ex) -> {
					assertThat(ex.getReason()).isEqualTo(Reason.TLS_NO_ANSWER);
					assertThat(ex.getFailureKind()).isEqualTo(FairComFailureKind.TLS);
					assertThat(ex.getMessage()).contains("opened, but the TLS handshake got no answer within 300 ms");
				});
		}
	}

	@Test
	void aDiscardedConnectionIsNeverUsedAgain() throws IOException {
		java.util.Set<Integer> clientPorts = java.util.concurrent.ConcurrentHashMap.newKeySet();
		URI url = start((exchange) -> {
			clientPorts.add(exchange.getRemoteAddress().getPort());
			respond(exchange, 200, "application/json", "{\"errorCode\":0}");
		});
		this.transport = FairComHttpTransport.builder(url).build();
		post(Duration.ofSeconds(5));
		post(Duration.ofSeconds(5));
		assertThat(clientPorts).as("kept alive and reused").hasSize(1);
		this.transport.post(BODY, Duration.ofSeconds(5), (answer) -> {
			answer.body().readAllBytes();
			answer.discardConnection();
			return null;
		});
		post(Duration.ofSeconds(5));
		assertThat(clientPorts).as("a new connection after the discarded one").hasSize(2);
	}

	private static TransportFailure failureOf(Future<?> call) throws InterruptedException {
		try {
			call.get(10, TimeUnit.SECONDS);
		}
		catch (java.util.concurrent.ExecutionException ex) {
			assertThat(ex.getCause()).isInstanceOf(TransportFailure.class);
			return (TransportFailure) ex.getCause();
		}
		catch (java.util.concurrent.TimeoutException ex) {
			throw new AssertionError("the call did not end", ex);
		}
		throw new AssertionError("the call did not fail");
	}

	@Test
	void tlsStrategyCanBeSwapped() {
		SwappableTlsSocketStrategy strategy = new SwappableTlsSocketStrategy(null, true);
		TlsSocketStrategy first = strategy.current();
		strategy.swap(null);
		assertThat(strategy.current()).isNotSameAs(first);
	}

	/**
	 * Answer 200 with a JSON content type and chunks of zeros until the client hangs up.
	 */
	private static void endlessAnswer(HttpExchange exchange) throws IOException {
		exchange.getRequestBody().readAllBytes();
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, 0);
		byte[] chunk = new byte[16 * 1024];
		try (OutputStream out = exchange.getResponseBody()) {
			while (true) {
				out.write(chunk);
			}
		}
		catch (IOException ex) {
			// the client hung up
		}
	}

}
