package io.github.faircomclient.core;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.Function;

import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.util.Assert;
import org.springframework.util.unit.DataSize;
import org.springframework.web.util.UriComponentsBuilder;

import io.github.faircomclient.FairComErrorCodes;
import io.github.faircomclient.db.DbSettings;
import io.github.faircomclient.http.FairComHttpTransport;
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
 * keepalive scheduler, all closed by {@link FairComTemplate#destroy()}. The
 * auto-configuration uses it for the default template; applications use it for a second
 * server or identity:
 *
 * <pre class="code">
 * &#64;Bean
 * FairComTemplate reportingFairCom(SslBundles bundles) {
 *     return FairComTemplate.builder()
 *         .url("https://reporting.example.com:8443/api")
 *         .sslBundle(bundles.getBundle("reporting"))
 *         .clientCertificate()
 *         .build();
 * }
 * </pre>
 *
 * Defaults: connect timeout 5 s, read timeout 30 s, call timeout 60 s, 20 pooled
 * connections acquired within 10 s, answers up to 64 MB, host name verification on,
 * keepalive on, lazy login, logout bounded by the connect timeout (so that shutting down
 * against a dead server takes no longer than reaching it would),
 * {@linkplain FairComRetrySettings#defaults() default retries}.
 */
public final class FairComTemplateBuilder {

	private static final Log logger = LogFactory.getLog(FairComTemplateBuilder.class);

	private static final String DEFAULT_PATH = "/api";

	/**
	 * The default total time a call may take.
	 */
	static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(60);

	private @Nullable URI url;

	private @Nullable FairComAuthentication authentication;

	private final List<String> secrets = new ArrayList<>();

	private @Nullable Function<FairComSessionClient, SessionManager> sessionManager;

	private @Nullable SslBundle sslBundle;

	private @Nullable SslBundles reloadingSslBundles;

	private @Nullable String reloadingSslBundleName;

	private boolean verifyHostname = true;

	private Duration connectTimeout = Duration.ofSeconds(5);

	private Duration readTimeout = Duration.ofSeconds(30);

	private Duration callTimeout = DEFAULT_CALL_TIMEOUT;

	private int maxConnections = 20;

	private Duration connectionAcquireTimeout = Duration.ofSeconds(10);

	private DataSize maxResponseSize = DataSize.ofBytes(FairComHttpTransport.DEFAULT_MAX_RESPONSE_BYTES);

	private long maxResponseValues = FairComWireFormat.DEFAULT_MAX_VALUES;

	private FairComRetrySettings retrySettings = FairComRetrySettings.defaults();

	private BackoffSleeper backoffSleeper = BackoffSleeper.THREAD_SLEEP;

	private @Nullable DoubleSupplier jitter;

	private FairComSessionSettings sessionSettings = FairComSessionSettings.defaults();

	private boolean keepalive = true;

	private LoginMode loginMode = LoginMode.LAZY;

	private @Nullable Duration logoutTimeout;

	private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

	private @Nullable FairComRequestObservationConvention observationConvention;

	private @Nullable FairComSessionObservationConvention sessionObservationConvention;

	private final List<FairComRestClientCustomizer> customizers = new ArrayList<>();

	private FairComSessionListener sessionListener = FairComSessionListener.NONE;

	private @Nullable TaskScheduler taskScheduler;

	private Clock clock = Clock.systemUTC();

	private FairComErrorCodes errorCodes = FairComErrorCodes.documented();

	private DbSettings dbSettings = DbSettings.defaults();

	private MqSettings mqSettings = MqSettings.defaults();

	FairComTemplateBuilder() {
	}

	/**
	 * Set the server's endpoint. A url without a path gets FairCom's {@code /api}.
	 * @param url e.g. {@code https://faircom.example.com:8443/api}
	 * @return this builder
	 */
	public FairComTemplateBuilder url(String url) {
		Assert.hasText(url, "'url' must not be empty");
		URI uri;
		try {
			uri = new URI(url.trim());
		}
		catch (URISyntaxException ex) {
			// the parser's message quotes the url, which may hold credentials: keep only the reason
			throw new IllegalArgumentException(
					"'url' is not a valid URL (" + ex.getReason() + " at index " + ex.getIndex() + ")");
		}
		return url(uri);
	}

	/**
	 * Set the server's endpoint. A url without a path gets FairCom's {@code /api}.
	 * @param url e.g. {@code https://faircom.example.com:8443/api}
	 * @return this builder
	 */
	public FairComTemplateBuilder url(URI url) {
		Assert.notNull(url, "'url' must not be null");
		String scheme = url.getScheme();
		Assert.isTrue("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme),
				"'url' must be an http or https url");
		Assert.hasText(url.getHost(), "'url' must name a host");
		Assert.isNull(url.getRawUserInfo(), "'url' must not contain credentials");
		String path = url.getRawPath();
		this.url = (path == null || path.isEmpty() || "/".equals(path))
				? UriComponentsBuilder.fromUri(url).replacePath(DEFAULT_PATH).build(true).toUri() : url;
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
		this.sslBundle = sslBundle;
		this.reloadingSslBundles = null;
		this.reloadingSslBundleName = null;
		return this;
	}

	/**
	 * Use the named SSL bundle and follow its reloads: when Spring Boot reloads the bundle
	 * (a bundle with {@code reload-on-update=true} whose files changed), new connections
	 * use the new certificates and keys, idle connections are closed and busy ones are not
	 * reused; no restart needed. The update handler is registered by {@link #build()}.
	 * @param sslBundles the registry holding the bundle
	 * @param bundleName the name of the bundle
	 * @return this builder
	 * @throws org.springframework.boot.ssl.NoSuchSslBundleException if there is no such
	 * bundle
	 */
	public FairComTemplateBuilder sslBundle(SslBundles sslBundles, String bundleName) {
		Assert.notNull(sslBundles, "'sslBundles' must not be null");
		Assert.hasText(bundleName, "'bundleName' must not be empty");
		this.sslBundle = sslBundles.getBundle(bundleName);
		this.reloadingSslBundles = sslBundles;
		this.reloadingSslBundleName = bundleName;
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
		this.verifyHostname = verifyHostname;
		return this;
	}

	/**
	 * Set the time allowed to open a connection.
	 * @param connectTimeout a positive duration
	 * @return this builder
	 */
	public FairComTemplateBuilder connectTimeout(Duration connectTimeout) {
		this.connectTimeout = positive(connectTimeout, "connectTimeout");
		return this;
	}

	/**
	 * Set the longest silence allowed while waiting for or reading an answer.
	 * @param readTimeout a positive duration
	 * @return this builder
	 */
	public FairComTemplateBuilder readTimeout(Duration readTimeout) {
		this.readTimeout = positive(readTimeout, "readTimeout");
		return this;
	}

	/**
	 * Set the total time a call may take, answer included.
	 * @param callTimeout a positive duration
	 * @return this builder
	 */
	public FairComTemplateBuilder callTimeout(Duration callTimeout) {
		this.callTimeout = positive(callTimeout, "callTimeout");
		return this;
	}

	/**
	 * Set the size of the connection pool.
	 * @param maxConnections a positive number
	 * @return this builder
	 */
	public FairComTemplateBuilder maxConnections(int maxConnections) {
		Assert.isTrue(maxConnections > 0, "'maxConnections' must be positive");
		this.maxConnections = maxConnections;
		return this;
	}

	/**
	 * Set the time a call waits for a free pooled connection.
	 * @param connectionAcquireTimeout a positive duration
	 * @return this builder
	 */
	public FairComTemplateBuilder connectionAcquireTimeout(Duration connectionAcquireTimeout) {
		this.connectionAcquireTimeout = positive(connectionAcquireTimeout, "connectionAcquireTimeout");
		return this;
	}

	/**
	 * Set the largest answer accepted; larger ones fail with a
	 * {@link io.github.faircomclient.FairComProtocolException} of kind
	 * {@code TOO_LARGE}.
	 * @param maxResponseSize a positive size
	 * @return this builder
	 */
	public FairComTemplateBuilder maxResponseSize(DataSize maxResponseSize) {
		Assert.isTrue(maxResponseSize != null && maxResponseSize.toBytes() > 0, "'maxResponseSize' must be positive");
		this.maxResponseSize = maxResponseSize;
		return this;
	}

	/**
	 * Set the most JSON values (objects, arrays, field names and scalars) an answer may
	 * hold; a larger one fails with a
	 * {@link io.github.faircomclient.FairComProtocolException} of kind {@code TOO_LARGE}.
	 * With the byte limit it bounds the memory one answer takes, whatever its shape (see
	 * the reliability figures). Read larger results with a cursor.
	 * @param maxResponseValues a positive number of values
	 * @return this builder
	 */
	public FairComTemplateBuilder maxResponseValues(long maxResponseValues) {
		Assert.isTrue(maxResponseValues > 0, "'maxResponseValues' must be positive");
		this.maxResponseValues = maxResponseValues;
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
	 * Set whether idle sessions are kept alive with {@code pingSession}.
	 * @param keepalive whether to keep sessions alive
	 * @return this builder
	 */
	public FairComTemplateBuilder keepalive(boolean keepalive) {
		this.keepalive = keepalive;
		return this;
	}

	/**
	 * Set when the template logs in.
	 * @param loginMode eager (in {@link #build()}, which fails if the login does) or lazy (on
	 * the first call)
	 * @return this builder
	 */
	public FairComTemplateBuilder loginMode(LoginMode loginMode) {
		Assert.notNull(loginMode, "'loginMode' must not be null");
		this.loginMode = loginMode;
		return this;
	}

	/**
	 * Set the time {@code deleteSession} may take on shutdown (never more than the call
	 * timeout). Defaults to the connect timeout.
	 * @param logoutTimeout a positive duration
	 * @return this builder
	 */
	public FairComTemplateBuilder logoutTimeout(Duration logoutTimeout) {
		this.logoutTimeout = positive(logoutTimeout, "logoutTimeout");
		return this;
	}

	/**
	 * Set the registry that records the template's observations: one per action
	 * ({@code faircom.client.requests}), one per session event
	 * ({@code faircom.client.sessions}) and the HTTP exchanges nested in them
	 * ({@code http.client.requests}). Without one nothing is observed.
	 * @param observationRegistry the registry
	 * @return this builder
	 */
	public FairComTemplateBuilder observationRegistry(ObservationRegistry observationRegistry) {
		Assert.notNull(observationRegistry, "'observationRegistry' must not be null");
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
		Assert.notNull(customizers, "'customizers' must not be null");
		this.customizers.addAll(customizers);
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
	 * @throws IllegalStateException if the url or the authentication is missing, or if a
	 * client certificate or SSL bundle is combined with an {@code http} url
	 */
	public FairComTemplate build() {
		URI url = this.url;
		Assert.state(url != null, "A url is required");
		Assert.state(this.authentication != null || this.sessionManager != null, "An authentication is required");
		boolean https = "https".equalsIgnoreCase(url.getScheme());
		Assert.state(https || !(this.authentication instanceof ClientCertificateAuthentication),
				"Client-certificate login needs an https url");
		Assert.state(https || this.sslBundle == null, "An SSL bundle needs an https url");
		if (https && !this.verifyHostname) {
			logger.warn("Host name verification is switched off for FairCom server " + url
					+ "; use this only for a development server with a self-signed certificate");
		}
		FairComHttpTransport transport = FairComHttpTransport.builder(url)
			.connectTimeout(this.connectTimeout)
			.readTimeout(this.readTimeout)
			.maxConnections(this.maxConnections)
			.connectionAcquireTimeout(this.connectionAcquireTimeout)
			.sslBundle(this.sslBundle)
			.verifyHostname(this.verifyHostname)
			.maxResponseBytes(this.maxResponseSize.toBytes())
			.observationRegistry(this.observationRegistry)
			.customizers(this.customizers)
			.build();
		if (this.reloadingSslBundles != null && this.reloadingSslBundleName != null) {
			this.reloadingSslBundles.addBundleUpdateHandler(this.reloadingSslBundleName, transport::reloadSslBundle);
		}
		FairComWireFormat wireFormat = new FairComWireFormat(this.clock, this.maxResponseValues,
				this.maxResponseSize.toBytes());
		Exchange exchange = new Exchange(transport, wireFormat, ServerText.masking(knownSecrets()));
		List<AutoCloseable> owned = new ArrayList<>();
		SessionManager sessionManager = (this.sessionManager != null) ? this.sessionManager.apply(exchange)
				: lifecycleAwareSessionManager(exchange, owned);
		DoubleSupplier random = (this.jitter != null) ? this.jitter : () -> ThreadLocalRandom.current().nextDouble();
		FairComTemplate.Options options = new FairComTemplate.Options(this.callTimeout,
				new RetryPolicy(this.retrySettings, this.backoffSleeper, random), this.observationRegistry,
				this.observationConvention, this.errorCodes, this.dbSettings, this.mqSettings);
		FairComTemplate template = new FairComTemplate(exchange, sessionManager, options, owned);
		if (this.loginMode == LoginMode.EAGER) {
			try {
				template.login();
			}
			catch (RuntimeException ex) {
				template.close();
				throw ex;
			}
		}
		return template;
	}

	private LifecycleAwareSessionManager lifecycleAwareSessionManager(Exchange exchange, List<AutoCloseable> owned) {
		FairComAuthentication authentication = this.authentication;
		Assert.state(authentication != null, "An authentication is required");
		TaskScheduler scheduler = this.taskScheduler;
		if (scheduler == null) {
			ThreadPoolTaskScheduler ownScheduler = createScheduler();
			owned.add(ownScheduler::destroy);
			scheduler = ownScheduler;
		}
		Duration logoutTimeout = (this.logoutTimeout != null) ? this.logoutTimeout : this.connectTimeout;
		logoutTimeout = (logoutTimeout.compareTo(this.callTimeout) < 0) ? logoutTimeout : this.callTimeout;
		LifecycleAwareSessionManager sessionManager = new LifecycleAwareSessionManager(authentication, exchange,
				this.sessionSettings, scheduler, this.clock, this.keepalive, logoutTimeout, this.sessionListener);
		sessionManager.setObservationRegistry(this.observationRegistry);
		sessionManager.setObservationConvention(this.sessionObservationConvention);
		return sessionManager;
	}

	/**
	 * The secrets the template knows of, masked wherever a server echoes them: the
	 * password, the permanent token and the key password of the SSL bundle.
	 */
	private List<@Nullable String> knownSecrets() {
		List<@Nullable String> known = new ArrayList<>(this.secrets);
		if (this.sslBundle != null && this.sslBundle.getKey() != null) {
			known.add(this.sslBundle.getKey().getPassword());
		}
		return known;
	}

	private ThreadPoolTaskScheduler createScheduler() {
		ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
		scheduler.setPoolSize(1);
		scheduler.setDaemon(true);
		scheduler.setThreadNamePrefix("faircom-keepalive-");
		scheduler.setRemoveOnCancelPolicy(true);
		scheduler.setClock(this.clock);
		scheduler.initialize();
		return scheduler;
	}

	private static Duration positive(Duration duration, String name) {
		Assert.notNull(duration, () -> "'" + name + "' must not be null");
		Assert.isTrue(!duration.isNegative() && !duration.isZero(), () -> "'" + name + "' must be positive");
		return duration;
	}

}
