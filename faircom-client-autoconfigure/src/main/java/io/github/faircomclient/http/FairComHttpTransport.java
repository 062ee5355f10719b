package io.github.faircomclient.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.ProxySelector;
import java.net.SocketException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.EndpointDetails;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.protocol.HttpCoreContext;
import org.apache.hc.core5.pool.PoolStats;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.ssl.SslBundle;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.StreamingHttpOutputMessage;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.util.Assert;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Sends FairCom JSON action bodies to one server with {@code POST} and returns the raw
 * answer whatever its status. Built on a {@link RestClient} of its own (never the
 * application's builder or its customizers) over a pooled Apache HttpClient 5 whose
 * connection pool it owns:
 * <ul>
 * <li>redirects are not followed, cookies are ignored and HttpClient never retries on its
 * own (retries are decided per action by the template);</li>
 * <li>the pool allows {@code maxConnections} in total and to the one route, waits at most
 * {@code connectionAcquireTimeout} for a free connection, evicts connections idle for
 * {@value #IDLE_EVICTION_SECONDS} s (before FairCom's own 30 s idle close) and validates
 * connections that were idle for {@value #VALIDATE_AFTER_INACTIVITY_SECONDS} s; when a
 * connection cannot be opened or the server drops one, the idle connections are closed
 * too, since they lead to the same server;</li>
 * <li>TLS comes from an {@link SslBundle} (or the JVM default) through a strategy that
 * {@link #reloadSslBundle(SslBundle)} swaps at runtime: new connections use the new
 * material, idle ones are closed and busy ones are not reused;</li>
 * <li>each call has a total deadline that also stops a server trickling bytes, and an
 * answer larger than {@code maxResponseSize} is cut off;</li>
 * <li>JVM proxy settings apply; the proxy for the server is chosen on the first request
 * and kept;</li>
 * <li>HttpClient's wire and header logs stay silent for these connections, since they
 * would show passwords and session tokens.</li>
 * </ul>
 * Instances are thread-safe. {@link #close()} shuts the pool down.
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
	 * Default largest answer accepted: 64 MB.
	 */
	public static final long DEFAULT_MAX_RESPONSE_BYTES = 64L * 1024 * 1024;

	private static final Log logger = LogFactory.getLog(FairComHttpTransport.class);

	private final URI url;

	private final RestClient restClient;

	private final HttpComponentsClientHttpRequestFactory requestFactory;

	private final PoolingHttpClientConnectionManager connectionManager;

	private final ConnectionConfig connectionConfig;

	private final CallDeadlines deadlines;

	private final SwappableTlsSocketStrategy tlsStrategy;

	private final long maxResponseBytes;

	private final AtomicBoolean closed = new AtomicBoolean();

	private volatile long tlsMaterialSince;

	private FairComHttpTransport(Builder builder) {
		this.url = builder.url;
		this.maxResponseBytes = builder.maxResponseBytes;
		this.deadlines = new CallDeadlines();
		this.tlsStrategy = new SwappableTlsSocketStrategy(builder.sslBundle, builder.verifyHostname);
		this.connectionConfig = ConnectionConfig.custom()
			.setConnectTimeout(timeout(builder.connectTimeout))
			.setSocketTimeout(timeout(builder.readTimeout))
			.setValidateAfterInactivity(TimeValue.ofSeconds(VALIDATE_AFTER_INACTIVITY_SECONDS))
			.build();
		this.connectionManager = PoolingHttpClientConnectionManagerBuilder.create()
			.setTlsSocketStrategy(this.tlsStrategy)
			.setConnectionFactory(QuietConnectionFactory.INSTANCE)
			.setMaxConnTotal(builder.maxConnections)
			.setMaxConnPerRoute(builder.maxConnections)
			.setDefaultSocketConfig(SocketConfig.custom().setSoTimeout(timeout(builder.readTimeout)).build())
			.setConnectionConfigResolver(this::connectionConfig)
			.build();
		CloseableHttpClient httpClient = HttpClientBuilder.create()
			.useSystemProperties()
			.setRoutePlanner(new ProxyDecidedOnceRoutePlanner(ProxySelector.getDefault()))
			.setConnectionManager(this.connectionManager)
			.setDefaultRequestConfig(RequestConfig.custom()
				.setConnectionRequestTimeout(timeout(builder.connectionAcquireTimeout))
				.build())
			.disableRedirectHandling()
			.disableCookieManagement()
			.disableAutomaticRetries()
			.evictIdleConnections(TimeValue.ofSeconds(IDLE_EVICTION_SECONDS))
			.build();
		this.requestFactory = new DeadlineAwareRequestFactory(httpClient, this.deadlines);
		RestClient.Builder restClientBuilder = RestClient.builder()
			.requestFactory(this.requestFactory)
			.observationRegistry(builder.observationRegistry);
		builder.customizers.forEach((customizer) -> customizer.customize(restClientBuilder));
		this.restClient = restClientBuilder.build();
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
	public static Builder builder(URI url) {
		return new Builder(url);
	}

	/**
	 * Return the endpoint this transport posts to.
	 * @return the endpoint
	 */
	public URI getUrl() {
		return this.url;
	}

	/**
	 * Post one JSON action body and read the whole answer, whatever its HTTP status.
	 * @param body the JSON request body
	 * @param callTimeout the total time the call may take, answer included
	 * @return the answer
	 * @throws CallDeadlineExceededException if the call did not complete in time
	 * @throws ResponseTooLargeException if the answer is larger than the limit
	 * @throws IOException if the call failed for another I/O reason
	 */
	public FairComHttpResponse post(byte[] body, Duration callTimeout) throws IOException {
		return post(body, callTimeout, (status, headers, in) -> new FairComHttpResponse(status, headers,
				in.readAllBytes()));
	}

	/**
	 * Post one JSON action body and hand the answer, whatever its HTTP status, to a reader
	 * while the response is open, so that it can be parsed from the stream without a copy.
	 * The reader's stream ends with a {@link ResponseTooLargeException} once the answer
	 * grows beyond the limit; an answer that declares a larger {@code Content-Length} is
	 * refused before the reader is called.
	 * @param <T> what the reader makes of the answer
	 * @param body the JSON request body
	 * @param callTimeout the total time the call may take, answer included
	 * @param reader reads the answer
	 * @return what the reader returned
	 * @throws CallDeadlineExceededException if the call did not complete in time
	 * @throws ResponseTooLargeException if the answer is larger than the limit
	 * @throws IOException if the call failed for another I/O reason, or the reader threw it
	 */
	public <T> T post(byte[] body, Duration callTimeout, AnswerReader<T> reader) throws IOException {
		Assert.isTrue(isPositive(callTimeout), "'callTimeout' must be positive");
		Assert.notNull(reader, "'reader' must not be null");
		CallDeadlines.Deadline deadline = this.deadlines.start(callTimeout);
		try {
			return this.restClient.post()
				.uri(this.url)
				.body(new JsonBody(body))
				.httpRequest((request) -> jsonHeaders(request.getHeaders(), body.length))
				.exchange((request, response) -> read(response, deadline, reader), true);
		}
		catch (RestClientException ex) {
			if (deadline.isExpired()) {
				throw new CallDeadlineExceededException(callTimeout, ex.getCause());
			}
			IOException failure = (ex instanceof ResourceAccessException && ex.getCause() instanceof IOException io)
					? io : new IOException(ex.getMessage(), ex);
			if (leadsToDeadServer(failure)) {
				closeIdleConnections();
				if (closedRightAfterHandshake(deadline)) {
					throw new TlsClosedAfterHandshakeException(failure);
				}
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

	private <T> T read(ClientHttpResponse response, CallDeadlines.Deadline deadline, AnswerReader<T> reader)
			throws IOException {
		int status = response.getStatusCode().value();
		HttpHeaders headers = HttpHeaders.readOnlyHttpHeaders(response.getHeaders());
		try (InputStream in = response.getBody()) {
			try {
				if (headers.getContentLength() > this.maxResponseBytes) {
					throw new ResponseTooLargeException(status, this.maxResponseBytes);
				}
				return reader.read(status, headers, new LimitedInputStream(in, status, this.maxResponseBytes));
			}
			catch (ResponseTooLargeException ex) {
				deadline.abort();
				throw ex;
			}
		}
	}

	private static boolean leadsToDeadServer(IOException failure) {
		return failure instanceof ConnectException || failure instanceof NoHttpResponseException
				|| failure instanceof SocketException;
	}

	/**
	 * Whether the failed request went over a TLS connection that had just been opened and
	 * never carried an answer: what a TLS 1.3 server refusing the client certificate looks
	 * like (it checks the certificate after the client has finished the handshake and
	 * closes the connection, so the client sees a broken pipe or reset instead of a
	 * handshake failure), but also a server dropping new connections.
	 */
	private static boolean closedRightAfterHandshake(CallDeadlines.Deadline deadline) {
		HttpCoreContext context = deadline.context();
		if (context == null || context.getSSLSession() == null) {
			return false;
		}
		EndpointDetails endpoint = context.getEndpointDetails();
		return endpoint == null || endpoint.getResponseCount() == 0;
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
	 * Shut the connection pool and the deadline timer down. Calls in flight fail.
	 */
	@Override
	public void close() {
		if (!this.closed.compareAndSet(false, true)) {
			return;
		}
		try {
			this.requestFactory.destroy();
		}
		catch (Exception ex) {
			// the pool is being discarded anyway
		}
		finally {
			this.deadlines.close();
		}
	}

	/**
	 * Reads the answer to one call while its response is open.
	 *
	 * @param <T> what the reader makes of the answer
	 */
	@FunctionalInterface
	public interface AnswerReader<T> {

		/**
		 * Read the answer.
		 * @param statusCode the HTTP status code
		 * @param headers the response headers
		 * @param body the response body, at most the transport's limit; closed by the
		 * transport
		 * @return what the reader makes of the answer
		 * @throws IOException if reading fails
		 */
		T read(int statusCode, HttpHeaders headers, InputStream body) throws IOException;

	}

	/**
	 * The body stream of an answer, which fails with {@link ResponseTooLargeException} as
	 * soon as more than the limit has been read.
	 */
	private static final class LimitedInputStream extends FilterInputStream {

		private final int status;

		private final long maxBytes;

		private long count;

		LimitedInputStream(InputStream in, int status, long maxBytes) {
			super(in);
			this.status = status;
			this.maxBytes = maxBytes;
		}

		@Override
		public int read() throws IOException {
			int read = this.in.read();
			if (read != -1) {
				counted(1);
			}
			return read;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int read = this.in.read(buffer, offset, length);
			if (read > 0) {
				counted(read);
			}
			return read;
		}

		@Override
		public long skip(long n) throws IOException {
			long skipped = this.in.skip(n);
			if (skipped > 0) {
				counted(skipped);
			}
			return skipped;
		}

		@Override
		public boolean markSupported() {
			return false;
		}

		private void counted(long read) throws ResponseTooLargeException {
			this.count += read;
			if (this.count > this.maxBytes) {
				throw new ResponseTooLargeException(this.status, this.maxBytes);
			}
		}

	}

	/**
	 * A request body of JSON bytes, written as they are and as often as HttpClient asks.
	 */
	private static final class JsonBody implements StreamingHttpOutputMessage.Body {

		private final byte[] bytes;

		JsonBody(byte[] bytes) {
			this.bytes = bytes;
		}

		@Override
		public void writeTo(OutputStream outputStream) throws IOException {
			outputStream.write(this.bytes);
		}

		@Override
		public boolean repeatable() {
			return true;
		}

	}

	/**
	 * Builder for {@link FairComHttpTransport}. Defaults: connect timeout 5 s, read timeout
	 * 30 s, 20 pooled connections, 10 s to acquire one, JVM default TLS with host name
	 * verification, answers up to 64 MB.
	 */
	public static final class Builder {

		private final URI url;

		private Duration connectTimeout = Duration.ofSeconds(5);

		private Duration readTimeout = Duration.ofSeconds(30);

		private int maxConnections = 20;

		private Duration connectionAcquireTimeout = Duration.ofSeconds(10);

		private @Nullable SslBundle sslBundle;

		private boolean verifyHostname = true;

		private long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;

		private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

		private final List<FairComRestClientCustomizer> customizers = new ArrayList<>();

		private Builder(URI url) {
			Assert.notNull(url, "'url' must not be null");
			this.url = url;
		}

		/**
		 * Set the time allowed to open a connection.
		 * @param connectTimeout a positive duration
		 * @return this builder
		 */
		public Builder connectTimeout(Duration connectTimeout) {
			Assert.isTrue(isPositive(connectTimeout), "'connectTimeout' must be positive");
			this.connectTimeout = connectTimeout;
			return this;
		}

		/**
		 * Set the longest silence allowed while waiting for or reading an answer.
		 * @param readTimeout a positive duration
		 * @return this builder
		 */
		public Builder readTimeout(Duration readTimeout) {
			Assert.isTrue(isPositive(readTimeout), "'readTimeout' must be positive");
			this.readTimeout = readTimeout;
			return this;
		}

		/**
		 * Set the size of the connection pool, in total and to the server.
		 * @param maxConnections a positive number
		 * @return this builder
		 */
		public Builder maxConnections(int maxConnections) {
			Assert.isTrue(maxConnections > 0, "'maxConnections' must be positive");
			this.maxConnections = maxConnections;
			return this;
		}

		/**
		 * Set the time a call waits for a free pooled connection.
		 * @param connectionAcquireTimeout a positive duration
		 * @return this builder
		 */
		public Builder connectionAcquireTimeout(Duration connectionAcquireTimeout) {
			Assert.isTrue(isPositive(connectionAcquireTimeout), "'connectionAcquireTimeout' must be positive");
			this.connectionAcquireTimeout = connectionAcquireTimeout;
			return this;
		}

		/**
		 * Set the SSL bundle with the trust material and, for mutual TLS, the client
		 * certificate.
		 * @param sslBundle the bundle or {@code null} for the JVM default
		 * @return this builder
		 */
		public Builder sslBundle(@Nullable SslBundle sslBundle) {
			this.sslBundle = sslBundle;
			return this;
		}

		/**
		 * Set whether the server's host name must match its certificate.
		 * @param verifyHostname {@code false} only for development servers
		 * @return this builder
		 */
		public Builder verifyHostname(boolean verifyHostname) {
			this.verifyHostname = verifyHostname;
			return this;
		}

		/**
		 * Set the largest answer accepted; a larger one is cut off with a
		 * {@link ResponseTooLargeException}.
		 * @param maxResponseBytes a positive number of bytes
		 * @return this builder
		 */
		public Builder maxResponseBytes(long maxResponseBytes) {
			Assert.isTrue(maxResponseBytes > 0, "'maxResponseBytes' must be positive");
			this.maxResponseBytes = maxResponseBytes;
			return this;
		}

		/**
		 * Set the registry that records the HTTP client observations.
		 * @param observationRegistry the registry
		 * @return this builder
		 */
		public Builder observationRegistry(ObservationRegistry observationRegistry) {
			Assert.notNull(observationRegistry, "'observationRegistry' must not be null");
			this.observationRegistry = observationRegistry;
			return this;
		}

		/**
		 * Add customizers applied, in order, to the {@link RestClient.Builder} after this
		 * builder's settings.
		 * @param customizers the customizers
		 * @return this builder
		 */
		public Builder customizers(List<? extends FairComRestClientCustomizer> customizers) {
			Assert.notNull(customizers, "'customizers' must not be null");
			this.customizers.addAll(customizers);
			return this;
		}

		/**
		 * Build the transport. It owns a connection pool: close it when done.
		 * @return the transport
		 */
		public FairComHttpTransport build() {
			return new FairComHttpTransport(this);
		}

	}

}
