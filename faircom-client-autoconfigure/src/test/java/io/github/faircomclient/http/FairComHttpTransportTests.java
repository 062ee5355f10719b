package io.github.faircomclient.http;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
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
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.pem.PemSslStoreBundle;
import org.springframework.boot.ssl.pem.PemSslStoreDetails;
import org.springframework.http.MediaType;

import io.github.faircomclient.FairComConnectException;
import io.github.faircomclient.FairComExceptionTranslator;
import io.github.faircomclient.FairComTimeoutException;
import io.github.faircomclient.FairComTransportException;
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
	void postsJsonAndReadsTheBodyWhateverTheStatus() throws IOException {
		AtomicInteger requests = new AtomicInteger();
		URI url = start((exchange) -> {
			requests.incrementAndGet();
			assertThat(exchange.getRequestMethod()).isEqualTo("POST");
			assertThat(exchange.getRequestHeaders().getFirst("Content-Type")).startsWith("application/json");
			respond(exchange, 401, "application/json", "{\"errorCode\":12031}");
		});
		this.transport = FairComHttpTransport.builder(url).build();
		FairComHttpResponse response = this.transport.post(BODY, Duration.ofSeconds(5));
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
		FairComHttpResponse response = this.transport.post(BODY, Duration.ofSeconds(5));
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
		assertThat(this.transport.post(BODY, Duration.ofSeconds(5)).statusCode()).isEqualTo(302);
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
			assertThatExceptionOfType(CallDeadlineExceededException.class)
				.isThrownBy(() -> this.transport.post(BODY, Duration.ofMillis(700)))
				.satisfies((ex) -> assertThat(ex.getCallTimeout()).isEqualTo(Duration.ofMillis(700)));
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
			assertThatExceptionOfType(IOException.class).isThrownBy(() -> this.transport.post(BODY, Duration.ofSeconds(5)))
				.satisfies((ex) -> assertThat(FairComExceptionTranslator.transportFailed(ex, false,
						Duration.ofSeconds(5), "admin", "pingSession", "r"))
					.isInstanceOfSatisfying(FairComTimeoutException.class,
							(timeout) -> assertThat(timeout.getType()).isEqualTo(FairComTimeoutException.Type.READ)));
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
			List<Future<FairComHttpResponse>> busy = List.of(
					callers.submit(() -> this.transport.post(BODY, Duration.ofSeconds(10))),
					callers.submit(() -> this.transport.post(BODY, Duration.ofSeconds(10))));
			assertThat(arrived.await(5, TimeUnit.SECONDS)).as("two connections in use at once").isTrue();
			assertThatExceptionOfType(ConnectionRequestTimeoutException.class)
				.isThrownBy(() -> this.transport.post(BODY, Duration.ofSeconds(10)))
				.satisfies((ex) -> assertThat(FairComExceptionTranslator.transportFailed(ex, false,
						Duration.ofSeconds(10), "db", "x", "r"))
					.isInstanceOfSatisfying(FairComTimeoutException.class, (timeout) -> assertThat(timeout.getType())
						.isEqualTo(FairComTimeoutException.Type.CONNECTION_POOL)));
			released.countDown();
			for (Future<FairComHttpResponse> call : busy) {
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
		assertThatExceptionOfType(ConnectException.class)
			.isThrownBy(() -> this.transport.post(BODY, Duration.ofSeconds(5)))
			.satisfies((ex) -> assertThat(FairComExceptionTranslator.transportFailed(ex, false, Duration.ofSeconds(5),
					"admin", "pingSession", "r"))
				.isInstanceOf(FairComConnectException.class));
	}

	@Test
	void closedTransportFailsCalls() throws IOException {
		URI url = start((exchange) -> respond(exchange, 200, "application/json", "{\"errorCode\":0}"));
		this.transport = FairComHttpTransport.builder(url).build();
		this.transport.close();
		assertThatExceptionOfType(Exception.class).isThrownBy(() -> this.transport.post(BODY, Duration.ofSeconds(5)))
			.satisfies((ex) -> assertThat(FairComExceptionTranslator.transportFailed(ex, false, Duration.ofSeconds(5),
					"db", "x", "r"))
				.isInstanceOf(FairComTransportException.class));
	}

	@Test
	void answerLargerThanTheLimitIsCutOff() throws IOException {
		URI url = start((exchange) -> respond(exchange, 200, "application/json", "x".repeat(4096)));
		this.transport = FairComHttpTransport.builder(url).maxResponseBytes(1024).build();
		assertThatExceptionOfType(ResponseTooLargeException.class)
			.isThrownBy(() -> this.transport.post(BODY, Duration.ofSeconds(5)))
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode()).isEqualTo(200);
				assertThat(ex.getMaxResponseBytes()).isEqualTo(1024);
			});
	}

	@Test
	void endlessAnswerIsCutOffAtTheLimitNotAtTheDeadline() throws IOException {
		URI url = start(FairComHttpTransportTests::endlessAnswer);
		this.transport = FairComHttpTransport.builder(url).maxResponseBytes(2 * 1024 * 1024).build();
		long start = System.nanoTime();
		assertThatExceptionOfType(ResponseTooLargeException.class)
			.isThrownBy(() -> this.transport.post(BODY, Duration.ofSeconds(20)));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
		assertThat(this.transport.getPoolStats().getLeased()).isZero();
	}

	@Test
	void readerSeesTheAnswerOnlyUpToTheLimit() throws IOException {
		URI url = start(FairComHttpTransportTests::endlessAnswer);
		this.transport = FairComHttpTransport.builder(url).maxResponseBytes(100_000).build();
		long[] seen = new long[1];
		assertThatExceptionOfType(ResponseTooLargeException.class)
			.isThrownBy(() -> this.transport.post(BODY, Duration.ofSeconds(20), (status, headers, in) -> {
				byte[] buffer = new byte[1000];
				int read;
				while ((read = in.read(buffer)) != -1) {
					seen[0] += read;
				}
				return seen[0];
			}))
			.satisfies((ex) -> assertThat(ex.getMaxResponseBytes()).isEqualTo(100_000));
		assertThat(seen[0]).isLessThanOrEqualTo(100_000).isGreaterThan(90_000);
		assertThat(this.transport.getPoolStats().getLeased()).isZero();
	}

	@Test
	void readerGetsStatusHeadersAndBody() throws IOException {
		URI url = start((exchange) -> respond(exchange, 503, "application/json", "{\"errorCode\":0}"));
		this.transport = FairComHttpTransport.builder(url).build();
		String answer = this.transport.post(BODY, Duration.ofSeconds(5), (status, headers, in) -> status + " "
				+ headers.getContentType() + " " + new String(in.readAllBytes(), StandardCharsets.UTF_8));
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
			assertThat(this.transport.post(secret, Duration.ofSeconds(5)).statusCode()).isEqualTo(200);
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
			List<Future<FairComHttpResponse>> calls = List.of(
					callers.submit(() -> this.transport.post(BODY, Duration.ofSeconds(10))),
					callers.submit(() -> this.transport.post(BODY, Duration.ofSeconds(10))));
			assertThat(arrived.await(5, TimeUnit.SECONDS)).isTrue();
			released.countDown();
			for (Future<FairComHttpResponse> call : calls) {
				call.get(5, TimeUnit.SECONDS);
			}
		}
		finally {
			callers.shutdownNow();
		}
		assertThat(this.transport.getPoolStats().getAvailable()).isEqualTo(2);
		this.server.stop(0);
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> this.transport.post(BODY, Duration.ofSeconds(5)));
		assertThat(this.transport.getPoolStats().getAvailable()).isZero();
	}

	@Test
	void tlsConnectionClosedRightAfterTheHandshakeMentionsTheClientCertificate() throws Exception {
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
				assertThatExceptionOfType(TlsClosedAfterHandshakeException.class)
					.isThrownBy(() -> this.transport.post(BODY, Duration.ofSeconds(5)))
					.satisfies((ex) -> assertThat(FairComExceptionTranslator.transportFailed(ex, false,
							Duration.ofSeconds(5), "admin", "createSession", "r"))
						.isExactlyInstanceOf(FairComTransportException.class)
						.hasMessageContaining("probably refusing the client certificate"));
			}
		}
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
