package io.github.faircomclient.http;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.system.JavaVersion;
import org.springframework.util.Assert;
import org.springframework.util.unit.DataSize;
import org.springframework.web.client.RestClient;

import io.github.faircomclient.FairComConfigurationException;

/**
 * Builds a {@link FairComHttpTransport}; create one with
 * {@link FairComHttpTransport#builder(URI)}. Each setting is checked when it is set and
 * names the {@code faircom.*} property that configures it; the defaults are the
 * {@code DEFAULT_...} constants of {@link FairComHttpTransport}.
 */
public final class FairComHttpTransportBuilder {

	@Nullable URI url;

	Duration connectTimeout = FairComHttpTransport.DEFAULT_CONNECT_TIMEOUT;

	Duration readTimeout = FairComHttpTransport.DEFAULT_READ_TIMEOUT;

	int maxConnections = FairComHttpTransport.DEFAULT_MAX_CONNECTIONS;

	Duration connectionAcquireTimeout = FairComHttpTransport.DEFAULT_CONNECTION_ACQUIRE_TIMEOUT;

	@Nullable SslBundle sslBundle;

	private @Nullable SslBundles reloadingSslBundles;

	private @Nullable String reloadingSslBundleName;

	boolean verifyHostname = FairComHttpTransport.DEFAULT_VERIFY_HOSTNAME;

	boolean virtualThreads;

	long maxResponseBytes = FairComHttpTransport.DEFAULT_MAX_RESPONSE_BYTES;

	ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

	final List<FairComRestClientCustomizer> customizers = new ArrayList<>();

	FairComHttpTransportBuilder() {
	}

	/**
	 * Set the endpoint.
	 * @param url e.g. {@code https://faircom.example.com:8443/api}
	 * @return this builder
	 */
	public FairComHttpTransportBuilder url(URI url) {
		Assert.notNull(url, "'url' must not be null");
		this.url = url;
		return this;
	}

	/**
	 * Set the time allowed to open a connection, TLS handshake included
	 * ({@code faircom.connect-timeout}).
	 * @param connectTimeout a positive duration
	 * @return this builder
	 */
	public FairComHttpTransportBuilder connectTimeout(Duration connectTimeout) {
		this.connectTimeout = FairComConfigurationException.requirePositive("faircom.connect-timeout",
				connectTimeout, "5s");
		return this;
	}

	/**
	 * Set the longest silence allowed while waiting for or reading an answer
	 * ({@code faircom.read-timeout}).
	 * @param readTimeout a positive duration
	 * @return this builder
	 */
	public FairComHttpTransportBuilder readTimeout(Duration readTimeout) {
		this.readTimeout = FairComConfigurationException.requirePositive("faircom.read-timeout", readTimeout,
				"30s");
		return this;
	}

	/**
	 * Set the size of the connection pool, in total and to the server
	 * ({@code faircom.pool.max-connections}).
	 * @param maxConnections a positive number
	 * @return this builder
	 */
	public FairComHttpTransportBuilder maxConnections(int maxConnections) {
		this.maxConnections = (int) FairComConfigurationException.requireAtLeast("faircom.pool.max-connections",
				maxConnections, 1, "20");
		return this;
	}

	/**
	 * Set the time a post waits for a free pooled connection
	 * ({@code faircom.pool.acquire-timeout}).
	 * @param connectionAcquireTimeout a positive duration
	 * @return this builder
	 */
	public FairComHttpTransportBuilder connectionAcquireTimeout(Duration connectionAcquireTimeout) {
		this.connectionAcquireTimeout = FairComConfigurationException
			.requirePositive("faircom.pool.acquire-timeout", connectionAcquireTimeout, "10s");
		return this;
	}

	/**
	 * Set the SSL bundle with the trust material and, for mutual TLS, the client
	 * certificate.
	 * @param sslBundle the bundle or {@code null} for the JVM default
	 * @return this builder
	 */
	public FairComHttpTransportBuilder sslBundle(@Nullable SslBundle sslBundle) {
		this.sslBundle = sslBundle;
		this.reloadingSslBundles = null;
		this.reloadingSslBundleName = null;
		return this;
	}

	/**
	 * Use the named SSL bundle and follow its reloads ({@code reload-on-update=true}): new
	 * connections use the new certificates and keys, idle connections are closed and busy
	 * ones are not reused. The update handler is registered by {@link #build()}.
	 * @param sslBundles the registry holding the bundle
	 * @param bundleName the name of the bundle
	 * @return this builder
	 * @throws org.springframework.boot.ssl.NoSuchSslBundleException if there is no such
	 * bundle
	 */
	public FairComHttpTransportBuilder sslBundle(SslBundles sslBundles, String bundleName) {
		Assert.notNull(sslBundles, "'sslBundles' must not be null");
		Assert.hasText(bundleName, "'bundleName' must not be empty");
		this.sslBundle = sslBundles.getBundle(bundleName);
		this.reloadingSslBundles = sslBundles;
		this.reloadingSslBundleName = bundleName;
		return this;
	}

	/**
	 * Set whether the server's host name must match its certificate
	 * ({@code faircom.ssl.verify-hostname}).
	 * @param verifyHostname {@code false} only for development servers
	 * @return this builder
	 */
	public FairComHttpTransportBuilder verifyHostname(boolean verifyHostname) {
		this.verifyHostname = verifyHostname;
		return this;
	}

	/**
	 * Set the largest answer accepted ({@code faircom.max-response-size}); a larger one
	 * is cut off with a {@link TransportFailure} of reason
	 * {@link TransportFailure.Reason#ANSWER_TOO_LARGE}.
	 * @param maxResponseBytes a positive number of bytes
	 * @return this builder
	 */
	public FairComHttpTransportBuilder maxResponseBytes(long maxResponseBytes) {
		if (maxResponseBytes < 1) {
			throw new FairComConfigurationException("faircom.max-response-size", DataSize.ofBytes(maxResponseBytes),
					"it must be positive", "Set faircom.max-response-size to a positive size, for example 64MB.");
		}
		this.maxResponseBytes = maxResponseBytes;
		return this;
	}

	/**
	 * Set whether the timer that ends exchanges at their deadline runs on a virtual thread
	 * (Spring Boot's {@code spring.threads.virtual.enabled}).
	 * @param virtualThreads whether to use a virtual thread
	 * @return this builder
	 * @throws FairComConfigurationException for {@code true} before Java 21
	 */
	public FairComHttpTransportBuilder virtualThreads(boolean virtualThreads) {
		if (virtualThreads && !JavaVersion.getJavaVersion().isEqualOrNewerThan(JavaVersion.TWENTY_ONE)) {
			throw new FairComConfigurationException("spring.threads.virtual.enabled", true,
					"virtual threads need Java 21 or later, and this is Java " + JavaVersion.getJavaVersion(),
					"Run the application on Java 21 or later, or leave virtual threads off.");
		}
		this.virtualThreads = virtualThreads;
		return this;
	}

	/**
	 * Set the registry that records the HTTP client observations.
	 * @param observationRegistry the registry
	 * @return this builder
	 */
	public FairComHttpTransportBuilder observationRegistry(ObservationRegistry observationRegistry) {
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
	public FairComHttpTransportBuilder customizers(List<? extends FairComRestClientCustomizer> customizers) {
		Assert.notNull(customizers, "'customizers' must not be null");
		this.customizers.addAll(customizers);
		return this;
	}

	/**
	 * Build the transport. It owns two connection pools and a timer thread: close it
	 * when done (a template closes the transport it was given).
	 * @return the transport
	 * @throws IllegalStateException if no url was set
	 */
	public FairComHttpTransport build() {
		FairComHttpTransport transport = new FairComHttpTransport(this);
		if (this.reloadingSslBundles != null && this.reloadingSslBundleName != null) {
			this.reloadingSslBundles.addBundleUpdateHandler(this.reloadingSslBundleName, transport::reloadSslBundle);
		}
		return transport;
	}

}
