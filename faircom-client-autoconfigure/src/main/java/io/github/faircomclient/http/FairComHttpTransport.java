package io.github.faircomclient.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.micrometer.observation.ObservationRegistry;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpCookieHandling;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.util.Assert;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Sends FairCom JSON action bodies to one server with {@code POST} and returns the raw
 * answer whatever its status. Built on a {@link RestClient} of its own (never the
 * application's builder or its customizers) over a pooled Apache HttpClient 5 created by
 * {@link ClientHttpRequestFactoryBuilder#httpComponents()}:
 * <ul>
 * <li>redirects are not followed and cookies are ignored;</li>
 * <li>the pool allows {@code maxConnections} in total and to the one route, waits at most
 * {@code connectionAcquireTimeout} for a free connection, evicts connections idle for
 * {@value #IDLE_EVICTION_SECONDS} s (before FairCom's own 30 s idle close) and validates
 * connections that were idle for {@value #VALIDATE_AFTER_INACTIVITY_SECONDS} s;</li>
 * <li>TLS comes from an {@link SslBundle} (or the JVM default) through a strategy that can
 * be swapped at runtime, with host name verification on unless switched off;</li>
 * <li>each call has a total deadline that also stops a server trickling bytes.</li>
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
	 * Declared body lengths up to which the body is read into an array of that size at once.
	 */
	private static final long MAX_EXACT_READ = 1024 * 1024;

	private final URI url;

	private final RestClient restClient;

	private final HttpComponentsClientHttpRequestFactory requestFactory;

	private final CallDeadlines deadlines;

	private final SwappableTlsSocketStrategy tlsStrategy;

	private FairComHttpTransport(Builder builder) {
		this.url = builder.url;
		this.deadlines = new CallDeadlines();
		this.tlsStrategy = new SwappableTlsSocketStrategy(builder.sslBundle, builder.verifyHostname);
		HttpClientSettings settings = HttpClientSettings.defaults()
			.withRedirects(HttpRedirects.DONT_FOLLOW)
			.withCookieHandling(HttpCookieHandling.DISABLE)
			.withTimeouts(builder.connectTimeout, builder.readTimeout)
			.withSslBundle(builder.sslBundle);
		int maxConnections = builder.maxConnections;
		Duration acquireTimeout = builder.connectionAcquireTimeout;
		HttpComponentsClientHttpRequestFactory pooled = ClientHttpRequestFactoryBuilder.httpComponents()
			.withTlsSocketStrategyFactory((bundle) -> this.tlsStrategy)
			.withConnectionManagerCustomizer(
					(manager) -> manager.setMaxConnTotal(maxConnections).setMaxConnPerRoute(maxConnections))
			.withConnectionConfigCustomizer((connection) -> connection
				.setValidateAfterInactivity(TimeValue.ofSeconds(VALIDATE_AFTER_INACTIVITY_SECONDS)))
			.withDefaultRequestConfigCustomizer((request) -> request
				.setConnectionRequestTimeout(Timeout.of(acquireTimeout.toMillis(), TimeUnit.MILLISECONDS)))
			.withHttpClientCustomizer((client) -> client.disableAutomaticRetries()
				.evictIdleConnections(TimeValue.ofSeconds(IDLE_EVICTION_SECONDS)))
			.build(settings);
		this.requestFactory = new DeadlineAwareRequestFactory(pooled.getHttpClient(), this.deadlines);
		RestClient.Builder restClientBuilder = RestClient.builder()
			.requestFactory(this.requestFactory)
			.observationRegistry(builder.observationRegistry);
		builder.customizers.forEach((customizer) -> customizer.customize(restClientBuilder));
		this.restClient = restClientBuilder.build();
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
	 * @throws IOException if the call failed for another I/O reason
	 */
	public FairComHttpResponse post(byte[] body, Duration callTimeout) throws IOException {
		Assert.isTrue(isPositive(callTimeout), "'callTimeout' must be positive");
		CallDeadlines.Deadline deadline = this.deadlines.start(callTimeout);
		try {
			return this.restClient.post()
				.uri(this.url)
				.contentType(MediaType.APPLICATION_JSON)
				.accept(MediaType.APPLICATION_JSON)
				.body(body)
				.exchange((request, response) -> {
					HttpHeaders headers = HttpHeaders.readOnlyHttpHeaders(response.getHeaders());
					return new FairComHttpResponse(response.getStatusCode().value(), headers,
							readBody(response.getBody(), headers.getContentLength()));
				}, true);
		}
		catch (RestClientException ex) {
			if (deadline.isExpired()) {
				throw new CallDeadlineExceededException(callTimeout, ex.getCause());
			}
			if (ex instanceof ResourceAccessException && ex.getCause() instanceof IOException io) {
				throw io;
			}
			throw new IOException(ex.getMessage(), ex);
		}
		finally {
			this.deadlines.finish(deadline);
		}
	}

	/**
	 * Read a whole answer body. With a {@code Content-Length} of up to 1 MB the body is read
	 * into an array of exactly that size (a FairCom answer is usually a few KB, and
	 * {@link InputStream#readAllBytes()} would allocate an 8 KB buffer and a copy for each);
	 * anything beyond the declared length is still read, so a wrong header loses nothing.
	 * @param body the body stream
	 * @param contentLength the declared length, or a negative number if unknown
	 * @return the body
	 * @throws IOException if reading fails
	 */
	static byte[] readBody(InputStream body, long contentLength) throws IOException {
		if (contentLength < 0 || contentLength > MAX_EXACT_READ) {
			return body.readAllBytes();
		}
		byte[] declared = new byte[(int) contentLength];
		int length = 0;
		while (length < declared.length) {
			int read = body.read(declared, length, declared.length - length);
			if (read < 0) {
				return Arrays.copyOf(declared, length);
			}
			length += read;
		}
		int next = body.read();
		if (next == -1) {
			return declared;
		}
		byte[] rest = body.readAllBytes();
		byte[] all = Arrays.copyOf(declared, declared.length + 1 + rest.length);
		all[declared.length] = (byte) next;
		System.arraycopy(rest, 0, all, declared.length + 1, rest.length);
		return all;
	}

	private static boolean isPositive(Duration duration) {
		return !duration.isNegative() && !duration.isZero();
	}

	/**
	 * Shut the connection pool and the deadline timer down. Calls in flight fail.
	 */
	@Override
	public void close() {
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
	 * Builder for {@link FairComHttpTransport}. Defaults: connect timeout 5 s, read timeout
	 * 30 s, 20 pooled connections, 10 s to acquire one, JVM default TLS with host name
	 * verification.
	 */
	public static final class Builder {

		private final URI url;

		private Duration connectTimeout = Duration.ofSeconds(5);

		private Duration readTimeout = Duration.ofSeconds(30);

		private int maxConnections = 20;

		private Duration connectionAcquireTimeout = Duration.ofSeconds(10);

		private @Nullable SslBundle sslBundle;

		private boolean verifyHostname = true;

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
