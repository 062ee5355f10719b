package io.github.faircomclient.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.ProxySelector;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.pool.PoolStats;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.ssl.SslBundle;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.util.Assert;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import io.github.faircomclient.FairComConfigurationException;
import io.github.faircomclient.FairComFailureKind;
import io.github.faircomclient.http.CallDeadlines.Deadline;
import io.github.faircomclient.http.TransportFailure.Reason;

/**
 * The HTTP connection pool to one FairCom server: posts JSON action bodies with
 * {@code POST} and hands each answer, whatever its status, to a reader while the response
 * is open. Build one with {@link #builder(URI)} and give it to a
 * {@link io.github.faircomclient.core.FairComTemplate}, which owns it from then on.
 * Built on a {@link RestClient} of its own (never the application's builder or its
 * customizers) over a pooled Apache HttpClient 5:
 * <ul>
 * <li>redirects are not followed, cookies are ignored and HttpClient never retries on its
 * own (retries are decided per action by the template);</li>
 * <li>the pool allows {@code maxConnections} in total and to the one route, waits at most
 * {@code connectionAcquireTimeout} for a free connection and evicts connections idle for
 * {@value #IDLE_EVICTION_SECONDS} s (before FairCom's own 30 s idle close); a connection
 * idle for {@value #VALIDATE_AFTER_INACTIVITY_SECONDS} s is checked before reuse, and one
 * whose answer was refused by the reader is never reused; when a connection cannot be
 * opened or the server drops one, the idle connections are closed too;</li>
 * <li>TLS comes from an {@link SslBundle} (or the JVM default) through a strategy that
 * {@link #reloadSslBundle(SslBundle)} swaps at runtime;</li>
 * <li>each post has a total deadline that also stops a server trickling bytes, and an
 * answer larger than {@code maxResponseBytes} is cut off;</li>
 * <li>{@link #abortCalls()} ends every post in flight or waiting for a connection at once,
 * and {@link #postOutsidePool} still reaches the server afterwards, over a connection of
 * its own, for the logout;</li>
 * <li>JVM proxy settings apply; the proxy for the server is chosen on the first request
 * and kept;</li>
 * <li>HttpClient's wire and header logs stay silent for these connections, since they
 * would show passwords and session tokens.</li>
 * </ul>
 * Every failure is a {@link TransportFailure} whose reason says what happened. Instances
 * are thread-safe. {@link #close()} shuts everything down.
 */
public final class FairComHttpTransport implements AutoCloseable {

	/**
	 * Seconds after which idle pooled connections are evicted.
	 */
	public static final long IDLE_EVICTION_SECONDS = 15;

	/**
	 * Seconds of inactivity after which a pooled connection is checked before reuse.
	 */
	public static final long VALIDATE_AFTER_INACTIVITY_SECONDS = 2;

	/**
	 * Default time allowed to open a connection, TLS handshake included.
	 */
	public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

	/**
	 * Default longest silence allowed while waiting for or reading an answer.
	 */
	public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);

	/**
	 * Default size of the connection pool, below FairCom's 25 connections per client address.
	 */
	public static final int DEFAULT_MAX_CONNECTIONS = 20;

	/**
	 * Default time a post waits for a free pooled connection.
	 */
	public static final Duration DEFAULT_CONNECTION_ACQUIRE_TIMEOUT = Duration.ofSeconds(10);

	/**
	 * Default of whether the server's host name must match its certificate.
	 */
	public static final boolean DEFAULT_VERIFY_HOSTNAME = true;

	/**
	 * Default largest answer accepted: 64 MB.
	 */
	public static final long DEFAULT_MAX_RESPONSE_BYTES = 64L * 1024 * 1024;

	/**
	 * Connections of the side pool that serves {@link #postOutsidePool}.
	 */
	private static final int SIDE_POOL_CONNECTIONS = 2;

	private static final Log logger = LogFactory.getLog(FairComHttpTransport.class);

	private final URI url;

	private final RestClient restClient;

	private final DeadlineAwareRequestFactory requestFactory;

	private final PoolingHttpClientConnectionManager connectionManager;

	private final PoolingHttpClientConnectionManager sideConnectionManager;

	private final ConnectionConfig connectionConfig;

	private final CallDeadlines deadlines;

	private final FailureClassifier classifier;

	private final SwappableTlsSocketStrategy tlsStrategy;

	private final long maxResponseBytes;

	private final Duration connectTimeout;

	private final AtomicBoolean closed = new AtomicBoolean();

	private volatile long tlsMaterialSince;

	FairComHttpTransport(FairComHttpTransportBuilder builder) {
		Assert.state(builder.url != null, "A url is required");
		this.url = builder.url;
		boolean https = "https".equalsIgnoreCase(this.url.getScheme());
		if (!https && builder.sslBundle != null) {
			throw new FairComConfigurationException("faircom.ssl.bundle", null,
					"an SSL bundle is configured but faircom.url does not use https",
					"Change faircom.url to the server's https endpoint (for example https://host:8443/api), "
							+ "or remove faircom.ssl.bundle.");
		}
		if (https && !builder.verifyHostname) {
			logger.warn("Host name verification is switched off for FairCom server " + this.url
					+ "; use this only for a development server with a self-signed certificate");
		}
		this.maxResponseBytes = builder.maxResponseBytes;
		this.connectTimeout = builder.connectTimeout;
		this.deadlines = new CallDeadlines(CallDeadlines.timer(builder.virtualThreads));
		this.classifier = new FailureClassifier(builder.readTimeout, builder.connectionAcquireTimeout);
		this.tlsStrategy = new SwappableTlsSocketStrategy(builder.sslBundle, builder.verifyHostname);
		this.connectionConfig = ConnectionConfig.custom()
			.setConnectTimeout(timeout(builder.connectTimeout))
			.setSocketTimeout(timeout(builder.readTimeout))
			.setValidateAfterInactivity(TimeValue.ZERO_MILLISECONDS)
			.build();
		SocketConfig socketConfig = SocketConfig.custom().setSoTimeout(timeout(builder.readTimeout)).build();
		QuietConnectionFactory connections = new QuietConnectionFactory(this.deadlines);
		this.connectionManager = PoolingHttpClientConnectionManagerBuilder.create()
			.setTlsSocketStrategy(this.tlsStrategy)
			.setConnectionFactory(connections)
			.setMaxConnTotal(builder.maxConnections)
			.setMaxConnPerRoute(builder.maxConnections)
			.setDefaultSocketConfig(socketConfig)
			.setConnectionConfigResolver(this::connectionConfig)
			.build();
		this.sideConnectionManager = PoolingHttpClientConnectionManagerBuilder.create()
			.setTlsSocketStrategy(this.tlsStrategy)
			.setConnectionFactory(connections)
			.setMaxConnTotal(SIDE_POOL_CONNECTIONS)
			.setMaxConnPerRoute(SIDE_POOL_CONNECTIONS)
			.setDefaultSocketConfig(socketConfig)
			.setConnectionConfigResolver(this::connectionConfig)
			.build();
		RequestConfig requestConfig = RequestConfig.custom()
			.setConnectionRequestTimeout(timeout(builder.connectionAcquireTimeout))
			.build();
		this.requestFactory = new DeadlineAwareRequestFactory(
				httpClient(this.connectionManager, requestConfig).evictIdleConnections(
						TimeValue.ofSeconds(IDLE_EVICTION_SECONDS)).build(),
				httpClient(this.sideConnectionManager, requestConfig).build(), this.deadlines);
		RestClient.Builder restClientBuilder = RestClient.builder()
			.requestFactory(this.requestFactory)
			.observationRegistry(builder.observationRegistry);
		builder.customizers.forEach((customizer) -> customizer.customize(restClientBuilder));
		this.restClient = restClientBuilder.build();
	}

	private static HttpClientBuilder httpClient(PoolingHttpClientConnectionManager connectionManager,
			RequestConfig requestConfig) {
		return HttpClientBuilder.create()
			.useSystemProperties()
			.setRoutePlanner(new ProxyDecidedOnceRoutePlanner(ProxySelector.getDefault()))
			.setConnectionManager(connectionManager)
			.setDefaultRequestConfig(requestConfig)
			.disableRedirectHandling()
			.disableCookieManagement()
			.disableAutomaticRetries();
	}

	private static Timeout timeout(Duration duration) {
		return Timeout.of(duration.toMillis(), TimeUnit.MILLISECONDS);
	}

	/**
	 * The connection settings for every lease: after an SSL bundle reload, a time to live
	 * that has run out for every connection opened before the reload, so that the pool
	 * discards it instead of reusing it.
	 */
	private ConnectionConfig connectionConfig(HttpRoute route) {
		long since = this.tlsMaterialSince;
		if (since == 0) {
			return this.connectionConfig;
		}
		long age = Math.max(1, System.currentTimeMillis() - since);
		return ConnectionConfig.copy(this.connectionConfig).setTimeToLive(TimeValue.ofMilliseconds(age)).build();
	}

	/**
	 * Return a builder for a transport to the given endpoint.
	 * @param url the endpoint, e.g. {@code https://faircom.example.com:8443/api}
	 * @return a new builder
	 */
	public static FairComHttpTransportBuilder builder(URI url) {
		return builder().url(url);
	}

	/**
	 * Parse and check the endpoint of a FairCom server ({@code faircom.url}): an http or
	 * https url with a host and without credentials; one without a path gets FairCom's
	 * {@code /api}.
	 * @param url e.g. {@code https://faircom.example.com:8443/api}
	 * @return the endpoint
	 * @throws io.github.faircomclient.FairComConfigurationException if it is not one; the
	 * message shows the url without user info
	 */
	public static URI endpoint(@Nullable String url) {
		return Endpoints.parse(url);
	}

	/**
	 * Check the endpoint of a FairCom server as {@link #endpoint(String)} does.
	 * @param url e.g. {@code https://faircom.example.com:8443/api}
	 * @return the endpoint, with {@code /api} if it had no path
	 * @throws io.github.faircomclient.FairComConfigurationException if it is not one
	 */
	public static URI endpoint(URI url) {
		return Endpoints.check(url);
	}

	/**
	 * Return a builder with the default settings and no endpoint yet.
	 * @return a new builder
	 */
	public static FairComHttpTransportBuilder builder() {
		return new FairComHttpTransportBuilder();
	}

	/**
	 * Return the endpoint this transport posts to.
	 * @return the endpoint
	 */
	public URI getUrl() {
		return this.url;
	}

	/**
	 * Return the time allowed to open a connection.
	 * @return the connect timeout
	 */
	public Duration getConnectTimeout() {
		return this.connectTimeout;
	}

	/**
	 * Return the largest answer accepted.
	 * @return the limit in bytes
	 */
	public long getMaxResponseBytes() {
		return this.maxResponseBytes;
	}

	/**
	 * Post one JSON action body over a pooled connection and hand the answer, whatever its
	 * HTTP status, to a reader while the response is open, so that it can be parsed from
	 * the stream without a copy. The answer's body ends with a {@link TransportFailure} of
	 * reason {@link Reason#ANSWER_TOO_LARGE} once it grows beyond the limit; an answer that
	 * declares a larger {@code Content-Length} is refused before the reader is called.
	 * @param <T> what the reader makes of the answer
	 * @param body the JSON request body
	 * @param timeout the total time the post may take, waiting for a connection and reading
	 * the answer included
	 * @param reader reads the answer
	 * @return what the reader returned
	 * @throws TransportFailure if the post failed; an {@link IOException} the reader threw
	 * becomes one too
	 */
	public <T> T post(byte[] body, Duration timeout, AnswerReader<T> reader) throws TransportFailure {
		return exchange(body, timeout, reader, false);
	}

	/**
	 * Post like {@link #post} but over a small pool of its own, which neither waits behind
	 * the calls of the main pool nor is affected by {@link #abortCalls()}: for the one
	 * request that must get through while the client shuts down, the logout.
	 * @param <T> what the reader makes of the answer
	 * @param body the JSON request body
	 * @param timeout the total time the post may take
	 * @param reader reads the answer
	 * @return what the reader returned
	 * @throws TransportFailure if the post failed
	 */
	public <T> T postOutsidePool(byte[] body, Duration timeout, AnswerReader<T> reader) throws TransportFailure {
		return exchange(body, timeout, reader, true);
	}

	private <T> T exchange(byte[] body, Duration timeout, AnswerReader<T> reader, boolean outsidePool)
			throws TransportFailure {
		Assert.isTrue(isPositive(timeout), "'timeout' must be positive");
		Assert.notNull(reader, "'reader' must not be null");
		Deadline deadline = this.deadlines.start(timeout, outsidePool);
		try {
			return this.restClient.post()
				.uri(this.url)
				.body(new JsonBody(body))
				.httpRequest((request) -> jsonHeaders(request.getHeaders(), body.length))
				.exchange((request, response) -> read(response, deadline, reader), true);
		}
		catch (RuntimeException ex) {
			Throwable cause = (ex instanceof ResourceAccessException && ex.getCause() != null) ? ex.getCause() : ex;
			TransportFailure failure = this.classifier.classify(cause, deadline);
			if (failure.getFailureKind() == FairComFailureKind.NOT_SENT || failure.getReason() == Reason.CONNECTION_LOST
					|| failure.getReason() == Reason.CLOSED_AFTER_TLS_HANDSHAKE) {
				closeIdleConnections();
			}
			throw failure;
		}
		finally {
			this.deadlines.finish(deadline);
		}
	}

	/**
	 * Set the headers of the body on the request itself: {@code Content-Type} and
	 * {@code Content-Length}. Set there rather than on the request spec, Spring neither
	 * copies them into the request nor runs a message converter for the body.
	 */
	private static void jsonHeaders(HttpHeaders headers, int length) {
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.setContentLength(length);
	}

	private <T> T read(ClientHttpResponse response, Deadline deadline, AnswerReader<T> reader) throws IOException {
		int status = response.getStatusCode().value();
		HttpHeaders headers = HttpHeaders.readOnlyHttpHeaders(response.getHeaders());
		try (InputStream in = response.getBody()) {
			try {
				if (headers.getContentLength() > this.maxResponseBytes) {
					throw LimitedAnswer.tooLarge(status, "declared a Content-Length of " + headers.getContentLength()
							+ " bytes, more than the limit of " + this.maxResponseBytes + " bytes");
				}
				T answer = reader.read(new LimitedAnswer(status, headers, in, deadline, this.maxResponseBytes));
				if (deadline.isConnectionDiscarded()) {
					deadline.abort();
				}
				return answer;
			}
			catch (TransportFailure ex) {
				if (ex.getReason() == Reason.ANSWER_TOO_LARGE) {
					deadline.abort();
				}
				throw ex;
			}
		}
	}

	private void closeIdleConnections() {
		try {
			this.connectionManager.closeIdle(TimeValue.ZERO_MILLISECONDS);
		}
		catch (RuntimeException ex) {
			// the pool is shutting down
		}
	}

	/**
	 * Switch to new TLS material, typically because the files of a reloadable SSL bundle
	 * changed: connections opened from now on use the new bundle, idle pooled connections
	 * are closed at once and connections in use are closed instead of being reused. Does
	 * nothing once the transport is closed.
	 * @param sslBundle the new bundle
	 */
	public void reloadSslBundle(SslBundle sslBundle) {
		Assert.notNull(sslBundle, "'sslBundle' must not be null");
		if (this.closed.get()) {
			return;
		}
		this.tlsStrategy.swap(sslBundle);
		this.tlsMaterialSince = System.currentTimeMillis();
		int idle = getPoolStats().getAvailable();
		closeIdleConnections();
		logger.info("Reloaded the SSL bundle of FairCom server " + this.url + ": new connections use the new "
				+ "certificates; closed " + idle + " idle connection(s)");
	}

	/**
	 * Return the current state of the connection pool.
	 * @return leased, idle, pending and maximum connections
	 */
	public PoolStats getPoolStats() {
		return this.connectionManager.getTotalStats();
	}

	private static boolean isPositive(Duration duration) {
		return !duration.isNegative() && !duration.isZero();
	}

	/**
	 * End every pooled post: those waiting for a connection and those in flight fail at
	 * once with {@link Reason#CLIENT_CLOSED}, and so does every later {@link #post}. Posts
	 * {@linkplain #postOutsidePool outside the pool} still go through until {@link #close()}.
	 */
	public void abortCalls() {
		this.deadlines.abortAll(false);
	}

	/**
	 * Abort every post, then shut both connection pools and the deadline timer down.
	 * Idempotent.
	 */
	@Override
	public void close() {
		if (!this.closed.compareAndSet(false, true)) {
			return;
		}
		this.deadlines.abortAll(true);
		try {
			this.requestFactory.destroy();
		}
		catch (Exception ex) {
			// the pools are being discarded anyway
		}
		finally {
			this.connectionManager.close(CloseMode.IMMEDIATE);
			this.sideConnectionManager.close(CloseMode.IMMEDIATE);
			this.deadlines.close();
		}
	}

	/**
	 * Reads the answer to one post while its response is open.
	 *
	 * @param <T> what the reader makes of the answer
	 */
	@FunctionalInterface
	public interface AnswerReader<T> {

		/**
		 * Read the answer.
		 * @param answer the answer; its body is closed by the transport
		 * @return what the reader makes of the answer
		 * @throws IOException if reading fails
		 */
		T read(Answer answer) throws IOException;

	}

	/**
	 * The answer to one post, open while its reader runs.
	 */
	public interface Answer {

		/**
		 * Return the HTTP status code.
		 * @return the status code
		 */
		int statusCode();

		/**
		 * Return the response headers.
		 * @return the headers, read-only
		 */
		HttpHeaders headers();

		/**
		 * Return the response body, at most the transport's limit.
		 * @return the body
		 */
		InputStream body();

		/**
		 * Make sure the connection that carried this answer is never used again, because
		 * the answer was not what the request called for (not a JSON action answer, or the
		 * answer to another request): whatever else the connection holds is not trusted.
		 */
		void discardConnection();

	}

}
