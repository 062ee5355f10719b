package io.github.faircomclient.core;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.Function;

import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.util.Assert;
import org.springframework.util.unit.DataSize;

import io.github.faircomclient.FairComConfigurationException;
import io.github.faircomclient.FairComErrorCodes;
import io.github.faircomclient.db.DbSettings;
import io.github.faircomclient.http.FairComHttpTransport;
import io.github.faircomclient.http.FairComHttpTransportBuilder;
import io.github.faircomclient.http.FairComRestClientCustomizer;
import io.github.faircomclient.mq.MqSettings;
import io.github.faircomclient.observation.FairComRequestObservationConvention;
import io.github.faircomclient.observation.FairComSessionObservationConvention;
import io.github.faircomclient.session.ClientCertificateAuthentication;
import io.github.faircomclient.session.FairComAuthentication;
import io.github.faircomclient.session.FairComSessionClient;
import io.github.faircomclient.session.FairComSessionListener;
import io.github.faircomclient.session.FairComSessionSettings;
import io.github.faircomclient.session.LifecycleAwareSessionManager;
import io.github.faircomclient.session.LoginMode;
import io.github.faircomclient.session.PasswordAuthentication;
import io.github.faircomclient.session.SessionManager;
import io.github.faircomclient.session.TokenAuthentication;

/**
 * Builds a {@link FairComTemplate} with its own connection pool, session manager and
 * keepalive scheduler, all closed by {@link FairComTemplate#close()}. In a Spring Boot
 * application, inject the {@code FairComTemplateBuilder} bean: a new builder for each
 * injection point, already holding every {@code faircom.*} setting except the connection
 * (url, credentials, token, SSL bundle), so a second template for another server or
 * identity needs only those:
 *
 * <pre class="code">
 * &#64;Bean
 * FairComTemplate reportingFairCom(FairComTemplateBuilder builder, SslBundles bundles) {
 *     return builder.url("https://reporting.example.com:8443/api")
 *         .sslBundle(bundles.getBundle("reporting"))
 *         .clientCertificate()
 *         .build();
 * }
 * </pre>
 *
 * Outside Spring, {@link FairComTemplate#builder()} starts from the defaults: the
 * {@code DEFAULT_...} constants here, of {@link FairComHttpTransport} (timeouts, pool,
 * answer size), {@link FairComRetrySettings} and {@link DbSettings}. Each setting is
 * checked when it is set and a wrong one raises a {@link FairComConfigurationException}
 * naming the {@code faircom.*} property that configures it.
 */
public final class FairComTemplateBuilder {

	/**
	 * The default total time a call may take, answer, retries and waits included.
	 */
	public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(60);

	/**
	 * The default most JSON values (objects, arrays, field names and scalars) in an answer.
	 */
	public static final long DEFAULT_MAX_RESPONSE_VALUES = 1_000_000;

	/**
	 * The default of when to log in: on the first call.
	 */
	public static final LoginMode DEFAULT_LOGIN_MODE = LoginMode.LAZY;

	/**
	 * The default of whether idle sessions are kept alive.
	 */
	public static final boolean DEFAULT_KEEPALIVE = true;

	private @Nullable URI url;

	private @Nullable FairComAuthentication authentication;

	private final List<String> secrets = new ArrayList<>();

	private @Nullable Function<FairComSessionClient, SessionManager> sessionManager;

	private final FairComHttpTransportBuilder transport = FairComHttpTransport.builder();

	private @Nullable SslBundle sslBundle;

	private Duration callTimeout = DEFAULT_CALL_TIMEOUT;

	private long maxResponseValues = DEFAULT_MAX_RESPONSE_VALUES;

	private FairComRetrySettings retrySettings = FairComRetrySettings.defaults();

	private BackoffSleeper backoffSleeper = BackoffSleeper.THREAD_SLEEP;

	private @Nullable DoubleSupplier jitter;

	private FairComSessionSettings sessionSettings = FairComSessionSettings.defaults();

	private boolean keepalive = DEFAULT_KEEPALIVE;

	private LoginMode loginMode = DEFAULT_LOGIN_MODE;

	private @Nullable Duration logoutTimeout;

	private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

	private @Nullable FairComRequestObservationConvention observationConvention;

	private @Nullable FairComSessionObservationConvention sessionObservationConvention;

	private FairComSessionListener sessionListener = FairComSessionListener.NONE;

	private @Nullable TaskScheduler taskScheduler;

	private boolean virtualThreads;

	private Clock clock = Clock.systemUTC();

	private FairComErrorCodes errorCodes = FairComErrorCodes.documented();

	private DbSettings dbSettings = DbSettings.defaults();

	private MqSettings mqSettings = MqSettings.defaults();

	FairComTemplateBuilder() {
	}

	/**
	 * Set the server's endpoint ({@code faircom.url}). A url without a path gets FairCom's
	 * {@code /api}.
	 * @param url e.g. {@code https://faircom.example.com:8443/api}
	 * @return this builder
	 */
	public FairComTemplateBuilder url(String url) {
		this.url = FairComHttpTransport.endpoint(url);
		return this;
	}

	/**
	 * Set the server's endpoint ({@code faircom.url}). A url without a path gets FairCom's
	 * {@code /api}.
	 * @param url e.g. {@code https://faircom.example.com:8443/api}
	 * @return this builder
	 */
	public FairComTemplateBuilder url(URI url) {
		this.url = FairComHttpTransport.endpoint(url);
		return this;
	}

	/**
	 * Set how the template obtains its session.
	 * @param authentication the authentication strategy
	 * @return this builder
	 */
	public FairComTemplateBuilder authentication(FairComAuthentication authentication) {
		Assert.notNull(authentication, "'authentication' must not be null");
		this.authentication = authentication;
		this.sessionManager = null;
		return this;
	}

	/**
	 * Log in with a user name and password.
	 * @param username the account
	 * @param password the password
	 * @return this builder
	 */
	public FairComTemplateBuilder credentials(String username, String password) {
		authentication(new PasswordAuthentication(username, password));
		this.secrets.add(password);
		return this;
	}

	/**
	 * Log in with the client certificate of the SSL bundle (mutual TLS, no password).
	 * @return this builder
	 */
	public FairComTemplateBuilder clientCertificate() {
		return authentication(new ClientCertificateAuthentication());
	}

	/**
	 * Use a permanent session token instead of logging in. It is never kept alive, renewed
	 * or deleted.
	 * @param token the permanent session token
	 * @return this builder
	 */
	public FairComTemplateBuilder token(String token) {
		Assert.hasText(token, "'token' must not be empty");
		authentication(new TokenAuthentication(token));
		this.secrets.add(token);
		return this;
	}

	/**
	 * Use a session manager of your own instead of the
	 * {@link LifecycleAwareSessionManager} an authentication gets. The function receives
	 * the client the template's exchange offers for session actions (send once, on the pool
	 * or outside it); the template closes the manager if it is {@link AutoCloseable}.
	 * @param sessionManager creates the session manager
	 * @return this builder
	 */
	public FairComTemplateBuilder sessionManager(Function<FairComSessionClient, SessionManager> sessionManager) {
		Assert.notNull(sessionManager, "'sessionManager' must not be null");
		this.sessionManager = sessionManager;
		this.authentication = null;
		return this;
	}

	/**
	 * Set the SSL bundle with the trust material and, for mutual TLS, the client key.
	 * @param sslBundle the bundle, or {@code null} for the JVM's default trust store
	 * @return this builder
	 */
	public FairComTemplateBuilder sslBundle(@Nullable SslBundle sslBundle) {
		this.transport.sslBundle(sslBundle);
		this.sslBundle = sslBundle;
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
	public FairComTemplateBuilder sslBundle(SslBundles sslBundles, String bundleName) {
		this.transport.sslBundle(sslBundles, bundleName);
		this.sslBundle = sslBundles.getBundle(bundleName);
		return this;
	}

	/**
	 * Set whether the server's host name must match its certificate. Switching it off logs
	 * a warning; do it only for a development server with FairCom's self-signed default
	 * certificate.
	 * @param verifyHostname whether to verify host names
	 * @return this builder
	 */
	public FairComTemplateBuilder verifyHostname(boolean verifyHostname) {
		this.transport.verifyHostname(verifyHostname);
		return this;
	}

	/**
	 * Set the time allowed to open a connection ({@code faircom.connect-timeout}).
	 * @param connectTimeout a positive duration
	 * @return this builder
	 */
	public FairComTemplateBuilder connectTimeout(Duration connectTimeout) {
		this.transport.connectTimeout(connectTimeout);
		return this;
	}

	/**
	 * Set the longest silence allowed while waiting for or reading an answer
	 * ({@code faircom.read-timeout}).
	 * @param readTimeout a positive duration
	 * @return this builder
	 */
	public FairComTemplateBuilder readTimeout(Duration readTimeout) {
		this.transport.readTimeout(readTimeout);
		return this;
	}

	/**
	 * Set the total time a call may take, answer, retries and waits included
	 * ({@code faircom.call-timeout}).
	 * @param callTimeout a positive duration
	 * @return this builder
	 */
	public FairComTemplateBuilder callTimeout(Duration callTimeout) {
		this.callTimeout = FairComConfigurationException.requirePositive("faircom.call-timeout", callTimeout, "60s");
		return this;
	}

	/**
	 * Set the size of the connection pool ({@code faircom.pool.max-connections}).
	 * @param maxConnections a positive number
	 * @return this builder
	 */
	public FairComTemplateBuilder maxConnections(int maxConnections) {
		this.transport.maxConnections(maxConnections);
		return this;
	}

	/**
	 * Set the time a call waits for a free pooled connection
	 * ({@code faircom.pool.acquire-timeout}).
	 * @param connectionAcquireTimeout a positive duration
	 * @return this builder
	 */
	public FairComTemplateBuilder connectionAcquireTimeout(Duration connectionAcquireTimeout) {
		this.transport.connectionAcquireTimeout(connectionAcquireTimeout);
		return this;
	}

	/**
	 * Set the largest answer accepted ({@code faircom.max-response-size}); larger ones fail
	 * with a {@link io.github.faircomclient.FairComProtocolException} of kind
	 * {@code TOO_LARGE}.
	 * @param maxResponseSize a positive size
	 * @return this builder
	 */
	public FairComTemplateBuilder maxResponseSize(DataSize maxResponseSize) {
		this.transport.maxResponseBytes(FairComConfigurationException
			.requireSet("faircom.max-response-size", maxResponseSize, "Set faircom.max-response-size, for example to "
					+ "64MB.")
			.toBytes());
		return this;
	}

	/**
	 * Set the most JSON values (objects, arrays, field names and scalars) an answer may
	 * hold ({@code faircom.max-response-values}); a larger one fails with a
	 * {@link io.github.faircomclient.FairComProtocolException} of kind {@code TOO_LARGE}.
	 * With the byte limit it bounds the memory one answer takes, whatever its shape (see
	 * the reliability figures). Read larger results with a cursor.
	 * @param maxResponseValues a positive number of values
	 * @return this builder
	 */
	public FairComTemplateBuilder maxResponseValues(long maxResponseValues) {
		this.maxResponseValues = FairComConfigurationException.requireAtLeast("faircom.max-response-values",
				maxResponseValues, 1, "1000000");
		return this;
	}

	/**
	 * Set how failed calls are retried.
	 * @param retrySettings the retry settings
	 * @return this builder
	 */
	public FairComTemplateBuilder retry(FairComRetrySettings retrySettings) {
		Assert.notNull(retrySettings, "'retrySettings' must not be null");
		this.retrySettings = retrySettings;
		return this;
	}

	/**
	 * Set what waits between two attempts of a call; tests use it to record the backoff
	 * instead of sleeping.
	 * @param backoffSleeper the sleeper
	 * @return this builder
	 */
	public FairComTemplateBuilder backoffSleeper(BackoffSleeper backoffSleeper) {
		Assert.notNull(backoffSleeper, "'backoffSleeper' must not be null");
		this.backoffSleeper = backoffSleeper;
		return this;
	}

	/**
	 * Set the source of the random factor in [0, 1) that jitters each backoff; tests use
	 * it for repeatable waits.
	 * @param jitter the random source
	 * @return this builder
	 */
	FairComTemplateBuilder jitter(DoubleSupplier jitter) {
		this.jitter = jitter;
		return this;
	}

	/**
	 * Set the settings sent with {@code createSession}.
	 * @param sessionSettings the session settings
	 * @return this builder
	 */
	public FairComTemplateBuilder sessionSettings(FairComSessionSettings sessionSettings) {
		Assert.notNull(sessionSettings, "'sessionSettings' must not be null");
		this.sessionSettings = sessionSettings;
		return this;
	}

	/**
	 * Set whether idle sessions are kept alive with {@code pingSession}
	 * ({@code faircom.session.keepalive}).
	 * @param keepalive whether to keep sessions alive
	 * @return this builder
	 */
	public FairComTemplateBuilder keepalive(boolean keepalive) {
		this.keepalive = keepalive;
		return this;
	}

	/**
	 * Set when the template logs in ({@code faircom.session.login}).
	 * @param loginMode eager (in {@link #build()}, which fails if the login does) or lazy (on
	 * the first call)
	 * @return this builder
	 */
	public FairComTemplateBuilder loginMode(LoginMode loginMode) {
		this.loginMode = FairComConfigurationException.requireSet("faircom.session.login", loginMode,
				"Set faircom.session.login to lazy or eager.");
		return this;
	}

	/**
	 * Set the time {@code deleteSession} may take on shutdown (never more than the call
	 * timeout). Defaults to the connect timeout.
	 * @param logoutTimeout a positive duration
	 * @return this builder
	 */
	public FairComTemplateBuilder logoutTimeout(Duration logoutTimeout) {
		this.logoutTimeout = FairComConfigurationException.requirePositive("logoutTimeout", logoutTimeout, "5s");
		return this;
	}

	/**
	 * Set the registry that records the template's observations of actions
	 * ({@code faircom.client.requests}), session events ({@code faircom.client.sessions})
	 * and HTTP exchanges ({@code http.client.requests}). Without one nothing is observed.
	 * @param observationRegistry the registry
	 * @return this builder
	 */
	public FairComTemplateBuilder observationRegistry(ObservationRegistry observationRegistry) {
		this.transport.observationRegistry(observationRegistry);
		this.observationRegistry = observationRegistry;
		return this;
	}

	/**
	 * Set the convention for action observations, instead of
	 * {@link io.github.faircomclient.observation.DefaultFairComRequestObservationConvention}.
	 * @param observationConvention the convention or {@code null} for the default
	 * @return this builder
	 */
	public FairComTemplateBuilder observationConvention(
			@Nullable FairComRequestObservationConvention observationConvention) {
		this.observationConvention = observationConvention;
		return this;
	}

	/**
	 * Set the convention for session-event observations, instead of
	 * {@link io.github.faircomclient.observation.DefaultFairComSessionObservationConvention}.
	 * @param sessionObservationConvention the convention or {@code null} for the default
	 * @return this builder
	 */
	public FairComTemplateBuilder sessionObservationConvention(
			@Nullable FairComSessionObservationConvention sessionObservationConvention) {
		this.sessionObservationConvention = sessionObservationConvention;
		return this;
	}

	/**
	 * Add customizers of the template's own {@code RestClient.Builder}.
	 * @param customizers the customizers, applied in order
	 * @return this builder
	 */
	public FairComTemplateBuilder customizers(List<? extends FairComRestClientCustomizer> customizers) {
		this.transport.customizers(customizers);
		return this;
	}

	/**
	 * Set the receiver of session events.
	 * @param sessionListener the listener
	 * @return this builder
	 */
	public FairComTemplateBuilder sessionListener(FairComSessionListener sessionListener) {
		Assert.notNull(sessionListener, "'sessionListener' must not be null");
		this.sessionListener = sessionListener;
		return this;
	}

	/**
	 * Set the scheduler for keepalive checks. The template does not shut a scheduler set
	 * here down; without one it creates and owns a single daemon thread.
	 * @param taskScheduler the scheduler
	 * @return this builder
	 */
	public FairComTemplateBuilder taskScheduler(TaskScheduler taskScheduler) {
		Assert.notNull(taskScheduler, "'taskScheduler' must not be null");
		this.taskScheduler = taskScheduler;
		return this;
	}

	/**
	 * Set whether the threads the template creates run as virtual threads: the keepalive
	 * scheduler (unless one is {@linkplain #taskScheduler(TaskScheduler) given}) and the
	 * timer that ends calls at their deadline. Auto-configured templates follow
	 * {@code spring.threads.virtual.enabled}.
	 * @param virtualThreads whether to use virtual threads; {@code true} needs Java 21 or
	 * later
	 * @return this builder
	 */
	public FairComTemplateBuilder virtualThreads(boolean virtualThreads) {
		this.transport.virtualThreads(virtualThreads);
		this.virtualThreads = virtualThreads;
		return this;
	}

	/**
	 * Set the clock used for session idle times.
	 * @param clock the clock
	 * @return this builder
	 */
	public FairComTemplateBuilder clock(Clock clock) {
		Assert.notNull(clock, "'clock' must not be null");
		this.clock = clock;
		return this;
	}

	/**
	 * Set the table of error codes that become typed exceptions (duplicate key, changeId
	 * conflict, not found). The default holds the codes FairCom documents.
	 * @param errorCodes the error code table
	 * @return this builder
	 */
	public FairComTemplateBuilder errorCodes(FairComErrorCodes errorCodes) {
		Assert.notNull(errorCodes, "'errorCodes' must not be null");
		this.errorCodes = errorCodes;
		return this;
	}

	/**
	 * Set the settings of the typed DB operations ({@link FairComTemplate#db()}): limits,
	 * batch size, value formats and record mapper customizers.
	 * @param dbSettings the DB settings
	 * @return this builder
	 */
	public FairComTemplateBuilder dbSettings(DbSettings dbSettings) {
		Assert.notNull(dbSettings, "'dbSettings' must not be null");
		this.dbSettings = dbSettings;
		return this;
	}

	/**
	 * Set how {@link FairComTemplate#mq()} publishes: its MQ API session, payload formats
	 * and JSON mapper.
	 * @param mqSettings the MQ settings
	 * @return this builder
	 */
	public FairComTemplateBuilder mqSettings(MqSettings mqSettings) {
		Assert.notNull(mqSettings, "'mqSettings' must not be null");
		this.mqSettings = mqSettings;
		return this;
	}

	/**
	 * Build the template. Nothing is sent to the server until the first call or, with
	 * {@link LoginMode#EAGER}, logs in before it returns; if that login fails, the template
	 * is closed and the failure thrown.
	 * @return the template
	 * @throws FairComConfigurationException if the url or the way to log in is missing, or
	 * if a client certificate or SSL bundle is combined with an {@code http} url
	 */
	public FairComTemplate build() {
		URI url = FairComConfigurationException.requireSet("faircom.url", this.url,
				"Set faircom.url (url() on the builder) to the endpoint of your FairCom server.");
		SessionManagerFactory.checkLogin(url, this.authentication, this.sessionManager != null);
		FairComHttpTransport transport = this.transport.url(url).build();
		FairComWireFormat wireFormat = new FairComWireFormat(this.clock, this.maxResponseValues,
				transport.getMaxResponseBytes());
		List<@Nullable String> secrets = new ArrayList<>(this.secrets); // masked wherever a server echoes them
		if (this.sslBundle != null && this.sslBundle.getKey() != null) {
			secrets.add(this.sslBundle.getKey().getPassword());
		}
		Exchange exchange = new Exchange(transport, wireFormat, ServerText.masking(secrets));
		List<AutoCloseable> owned = new ArrayList<>();
		SessionManager sessionManager = (this.sessionManager != null) ? this.sessionManager.apply(exchange)
				: lifecycleAwareSessionManager(exchange, transport.getConnectTimeout(), owned);
		DoubleSupplier random = (this.jitter != null) ? this.jitter : () -> ThreadLocalRandom.current().nextDouble();
		FairComTemplate.Options options = new FairComTemplate.Options(this.callTimeout,
				new RetryPolicy(this.retrySettings, this.backoffSleeper, random), this.observationRegistry,
				this.observationConvention, this.errorCodes, this.dbSettings, this.mqSettings);
		FairComTemplate template = new FairComTemplate(exchange, sessionManager, options, owned);
		if (this.loginMode == LoginMode.EAGER) {
			template.login();
		}
		return template;
	}

	private LifecycleAwareSessionManager lifecycleAwareSessionManager(Exchange exchange, Duration connectTimeout,
			List<AutoCloseable> owned) {
		Assert.state(this.authentication != null, "An authentication is required");
		Duration logoutTimeout = (this.logoutTimeout != null) ? this.logoutTimeout : connectTimeout;
		return SessionManagerFactory.lifecycleAware(this.authentication, exchange, this.sessionSettings,
				this.taskScheduler, this.clock, this.keepalive, this.virtualThreads,
				(logoutTimeout.compareTo(this.callTimeout) < 0) ? logoutTimeout : this.callTimeout,
				this.sessionListener, this.observationRegistry, this.sessionObservationConvention, owned);
	}

}
