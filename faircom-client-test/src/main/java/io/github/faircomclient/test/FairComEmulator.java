package io.github.faircomclient.test;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import io.github.faircomclient.test.SessionRegistry.SessionLimits;
import io.github.faircomclient.test.spi.ActionRegistry;
import io.github.faircomclient.test.spi.EmulatorPlugin;
import io.github.faircomclient.test.spi.EmulatorPluginContext;
import io.github.faircomclient.test.spi.SessionListener;
import io.github.faircomclient.test.tls.TlsMaterial;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.Scheduler;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded FairCom JSON Action API server for tests: {@code POST /api} over HTTP and/or HTTPS (with
 * client certificates off, wanted or required), the admin session, account and service actions, compatibility
 * profiles, a pluggable clock, fault injection and introspection. Extra APIs come from
 * {@link EmulatorPlugin plugins}.
 *
 * <pre>{@code
 * try (FairComEmulator emulator = FairComEmulator.builder().user("ADMIN", "ADMIN").build().start()) {
 *     URI url = emulator.httpUrl(); // http://127.0.0.1:<free port>/api
 * }
 * }</pre>
 *
 * Thread-safe. Provisional behaviour is listed in {@link ProvisionalChoice}.
 */
public final class FairComEmulator implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(FairComEmulator.class);

	private static final String LOOPBACK = "127.0.0.1";

	private final ReentrantLock lifecycle = new ReentrantLock();

	private final String host;

	private final @Nullable Integer configuredHttpPort;

	private final @Nullable Integer configuredHttpsPort;

	private final @Nullable TlsSettings tls;

	private final Duration connectionIdleTimeout;

	private final long maxRequestBodyBytes;

	private final Duration requestTimeout;

	private final EmulatorClock clock;

	private final Accounts accounts;

	private final Services services;

	private final SessionRegistry sessions;

	private final ActionTable actions = new ActionTable();

	private final ActionCounter counter = new ActionCounter();

	private final EmulatorFaults faults;

	private final RequestProcessor processor;

	private final @Nullable RequestLog requestLog;

	private final List<EmulatorPlugin> plugins;

	private volatile CompatibilityProfile profile;

	private @Nullable Server server;

	private @Nullable CountDownLatch stopSignal;

	private int httpPort = -1;

	private int httpsPort = -1;

	private boolean closed;

	private FairComEmulator(Builder builder) {
		this.host = builder.host;
		this.configuredHttpPort = builder.http ? builder.httpPort : null;
		this.configuredHttpsPort = builder.httpsPort;
		this.tls = builder.tlsSettings();
		this.connectionIdleTimeout = builder.connectionIdleTimeout;
		this.maxRequestBodyBytes = builder.maxRequestBodyBytes;
		this.requestTimeout = builder.requestTimeout;
		this.clock = builder.clock;
		this.profile = builder.profile;
		this.accounts = new Accounts(this.clock);
		if (builder.users.isEmpty()) {
			this.accounts.add("ADMIN", "ADMIN");
		}
		builder.users.forEach(this.accounts::add);
		this.sessions = new SessionRegistry(this.clock, builder.limits);
		this.services = new Services(this.actions);
		this.requestLog = (builder.requestLog != null) ? new RequestLog(builder.requestLog, this.clock) : null;
		this.faults = new EmulatorFaults(this.sessions);
		AdminActions.HostInfo hostInfo = new AdminActions.HostInfo(
				"FairCom JSON Action API emulator " + version(), "localhost", UUID.randomUUID().toString(),
				List.of(isWildcard(this.host) ? LOOPBACK : this.host), "5597", "6597");
		new AdminActions(this.sessions, this.accounts, builder.sessionDefaults, builder.permanentSessions,
				() -> hostInfo).registerIn(this.actions);
		new AccountActions(this.accounts, this.sessions).registerIn(this.actions);
		new ServiceActions(this.services, this.accounts, this::listeners).registerIn(this.actions);
		this.processor = new RequestProcessor(this.actions, this.sessions, this.counter, () -> this.profile,
				builder.sessionDefaults, this.services);
		this.plugins = List.copyOf(builder.plugins());
		PluginContext context = new PluginContext();
		for (EmulatorPlugin plugin : this.plugins) {
			plugin.install(context);
		}
	}

	/**
	 * Starts configuring an emulator.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Starts the listeners. The first start binds the configured ports (0 = a free port); later starts
	 * (after {@link #stop()}) bind the same ports again. Does nothing when already running.
	 * @return this emulator
	 * @throws IllegalStateException if closed or a port cannot be bound
	 */
	public FairComEmulator start() {
		this.lifecycle.lock();
		try {
			if (this.closed) {
				throw new IllegalStateException("This emulator is closed");
			}
			if (this.server != null) {
				return this;
			}
			CountDownLatch signal = new CountDownLatch(1);
			QueuedThreadPool threads = new QueuedThreadPool(64, 2);
			threads.setName("faircom-emulator");
			threads.setDaemon(true);
			Server jetty = new Server(threads);
			jetty.setStopTimeout(0);
			jetty.setErrorHandler(new JsonErrorHandler());
			HttpConfiguration http = new HttpConfiguration();
			http.setSendServerVersion(false);
			http.setSendXPoweredBy(false);
			ServerConnector httpConnector = null;
			ServerConnector httpsConnector = null;
			if (this.configuredHttpPort != null) {
				httpConnector = connector(jetty, (this.httpPort >= 0) ? this.httpPort : this.configuredHttpPort,
						new HttpConnectionFactory(http));
			}
			if (this.tls != null && this.configuredHttpsPort != null) {
				HttpConfiguration https = new HttpConfiguration(http);
				https.addCustomizer(new SecureRequestCustomizer(false, false, -1, false));
				httpsConnector = connector(jetty, (this.httpsPort >= 0) ? this.httpsPort : this.configuredHttpsPort,
						new SslConnectionFactory(this.tls.sslContextFactory(), "http/1.1"), new HttpConnectionFactory(https));
			}
			jetty.setHandler(new ApiHandler(this.processor, this.faults, this.maxRequestBodyBytes, this.requestTimeout, signal,
					this.requestLog));
			try {
				jetty.start();
			}
			catch (Exception ex) {
				stopQuietly(jetty);
				throw new IllegalStateException("Cannot start the FairCom emulator on " + this.host + ": " + ex.getMessage(), ex);
			}
			if (httpConnector != null) {
				this.httpPort = httpConnector.getLocalPort();
			}
			if (httpsConnector != null) {
				this.httpsPort = httpsConnector.getLocalPort();
			}
			this.server = jetty;
			this.stopSignal = signal;
			this.services.startAll();
			scheduleSweep(jetty.getScheduler(), signal);
			logger.info("FairCom emulator started{}{}", (httpConnector != null) ? " on " + httpUrl() : "",
					(httpsConnector != null) ? " on " + httpsUrl() : "");
			return this;
		}
		finally {
			this.lifecycle.unlock();
		}
	}

	/**
	 * Stops the listeners (ports stay reserved for a later {@link #start()}). Temporary sessions end;
	 * permanent sessions survive without their attachments. Requests in flight are cut off.
	 */
	public void stop() {
		this.lifecycle.lock();
		try {
			Server jetty = this.server;
			if (jetty == null) {
				return;
			}
			this.server = null;
			if (this.stopSignal != null) {
				this.stopSignal.countDown();
			}
			stopQuietly(jetty);
			this.sessions.serverStopped();
			logger.info("FairCom emulator stopped");
		}
		finally {
			this.lifecycle.unlock();
		}
	}

	/**
	 * Stops and starts again on the same ports: temporary sessions are gone, permanent ones survive.
	 * @return this emulator
	 */
	public FairComEmulator restart() {
		this.lifecycle.lock();
		try {
			stop();
			return start();
		}
		finally {
			this.lifecycle.unlock();
		}
	}

	/**
	 * Stops the emulator for good and closes its plugins.
	 */
	@Override
	public void close() {
		this.lifecycle.lock();
		try {
			if (this.closed) {
				return;
			}
			stop();
			this.closed = true;
			for (EmulatorPlugin plugin : this.plugins) {
				try {
					plugin.close();
				}
				catch (RuntimeException ex) {
					logger.warn("Closing plugin {} failed", plugin, ex);
				}
			}
		}
		finally {
			this.lifecycle.unlock();
		}
	}

	/**
	 * Whether the listeners are running.
	 * @return {@code true} between {@link #start()} and {@link #stop()}
	 */
	public boolean isRunning() {
		this.lifecycle.lock();
		try {
			return this.server != null;
		}
		finally {
			this.lifecycle.unlock();
		}
	}

	/**
	 * Whether this emulator has an HTTP listener.
	 * @return {@code true} unless built {@code withoutHttp()}
	 */
	public boolean hasHttpListener() {
		return this.configuredHttpPort != null;
	}

	/**
	 * Whether this emulator has an HTTPS listener.
	 * @return {@code true} when built with a server certificate
	 */
	public boolean hasHttpsListener() {
		return this.tls != null && this.configuredHttpsPort != null;
	}

	/**
	 * The HTTP endpoint, e.g. {@code http://127.0.0.1:8080/api}.
	 * @return the URL
	 * @throws IllegalStateException if there is no HTTP listener or it was never started
	 */
	public URI httpUrl() {
		return URI.create("http://" + urlHost() + ":" + httpPort() + "/api");
	}

	/**
	 * The HTTPS endpoint, e.g. {@code https://127.0.0.1:8443/api} (the generated test server certificate
	 * is valid for {@code 127.0.0.1} and {@code localhost}).
	 * @return the URL
	 * @throws IllegalStateException if there is no HTTPS listener or it was never started
	 */
	public URI httpsUrl() {
		return URI.create("https://" + urlHost() + ":" + httpsPort() + "/api");
	}

	/**
	 * The bound HTTP port.
	 * @return the port
	 * @throws IllegalStateException if there is no HTTP listener or it was never started
	 */
	public int httpPort() {
		return boundPort(hasHttpListener(), this.httpPort, "HTTP", "withoutHttp()");
	}

	/**
	 * The bound HTTPS port.
	 * @return the port
	 * @throws IllegalStateException if there is no HTTPS listener or it was never started
	 */
	public int httpsPort() {
		return boundPort(hasHttpsListener(), this.httpsPort, "HTTPS",
				"no tls(...) or serverCertificate(...)");
	}

	/**
	 * Fault injection for this emulator.
	 * @return the faults
	 */
	public EmulatorFaults faults() {
		return this.faults;
	}

	/**
	 * The clock all expiry uses.
	 * @return the clock
	 */
	public EmulatorClock clock() {
		return this.clock;
	}

	/**
	 * The current compatibility profile.
	 * @return the profile
	 */
	public CompatibilityProfile profile() {
		return this.profile;
	}

	/**
	 * Switches the compatibility profile at runtime (effective for the next request).
	 * @param profile the new profile
	 */
	public void profile(CompatibilityProfile profile) {
		this.profile = Objects.requireNonNull(profile, "profile");
	}

	/**
	 * A snapshot of the live sessions, oldest first (idled-out sessions are ended first).
	 * @return the sessions
	 */
	public List<EmulatedSession> sessions() {
		return this.sessions.live().stream().map(LiveSession::snapshot).toList();
	}

	/**
	 * The live session of a token.
	 * @param authToken the token
	 * @return the session snapshot, if live
	 */
	public Optional<EmulatedSession> session(String authToken) {
		return Optional.ofNullable(this.sessions.find(authToken)).map(LiveSession::snapshot);
	}

	/**
	 * How often an action was received (also when it failed), case-insensitive.
	 * @param action the action name
	 * @return the count
	 */
	public long actionCount(String action) {
		return this.counter.count(action);
	}

	/**
	 * Every action received so far with its count, keyed case-insensitively by the documented spelling.
	 * @return an unmodifiable snapshot
	 */
	public Map<String, Long> actionCounts() {
		return this.counter.snapshot();
	}

	/**
	 * Forgets all action counts.
	 */
	public void resetActionCounts() {
		this.counter.reset();
	}

	/**
	 * Adds an account with the ADMIN role (or replaces the password of an existing one) while running.
	 * @param username the account name (case-insensitive)
	 * @param password the password
	 */
	public void addUser(String username, String password) {
		this.accounts.add(username, password);
	}

	/**
	 * The installed plugin of a type, for plugin-specific introspection.
	 * @param <T> the plugin type
	 * @param type the plugin class (or an interface it implements)
	 * @return the plugin, if installed
	 */
	public <T> Optional<T> plugin(Class<T> type) {
		return this.plugins.stream().filter(type::isInstance).map(type::cast).findFirst();
	}

	/**
	 * The registered actions.
	 * @return the dispatch table (read it; plugins register during installation)
	 */
	public ActionRegistry actions() {
		return this.actions;
	}

	@Override
	public String toString() {
		return "FairComEmulator[" + (isRunning() ? "running" : "stopped") + ((this.httpPort >= 0) ? ", http " + this.httpPort : "")
				+ ((this.httpsPort >= 0) ? ", https " + this.httpsPort : "") + ", " + this.profile + "]";
	}

	private ServerConnector connector(Server jetty, int port, org.eclipse.jetty.server.ConnectionFactory... factories) {
		ServerConnector connector = new ServerConnector(jetty, 1, 1, factories);
		connector.setHost(this.host);
		connector.setPort(port);
		connector.setIdleTimeout(this.connectionIdleTimeout.toMillis());
		jetty.addConnector(connector);
		return connector;
	}

	private void scheduleSweep(Scheduler scheduler, CountDownLatch signal) {
		scheduler.schedule(() -> {
			if (signal.getCount() == 0) {
				return;
			}
			try {
				this.sessions.sweep();
			}
			catch (RuntimeException ex) {
				logger.warn("Sweeping idle sessions failed", ex);
			}
			scheduleSweep(scheduler, signal);
		}, 1, TimeUnit.SECONDS);
	}

	private List<ServiceActions.Listener> listeners() {
		List<ServiceActions.Listener> listeners = new ArrayList<>();
		if (hasHttpListener() && this.httpPort >= 0) {
			listeners.add(new ServiceActions.Listener("http", this.host, this.httpPort, null));
		}
		if (this.tls != null && hasHttpsListener() && this.httpsPort >= 0) {
			listeners.add(new ServiceActions.Listener("https", this.host, this.httpsPort, this.tls.certificateFile()));
		}
		return listeners;
	}

	private int boundPort(boolean configured, int port, String kind, String reason) {
		if (!configured) {
			throw new IllegalStateException("This emulator has no " + kind + " listener (" + reason + ")");
		}
		if (port < 0) {
			throw new IllegalStateException("The " + kind + " listener was never started; call start() first");
		}
		return port;
	}

	private String urlHost() {
		if (isWildcard(this.host)) {
			return LOOPBACK;
		}
		return this.host.contains(":") ? "[" + this.host + "]" : this.host;
	}

	private static boolean isWildcard(String host) {
		return "0.0.0.0".equals(host) || "::".equals(host) || host.isEmpty();
	}

	private static void stopQuietly(Server jetty) {
		try {
			jetty.stop();
		}
		catch (Exception ex) {
			logger.warn("Stopping Jetty failed", ex);
		}
	}

	private static String version() {
		String version = FairComEmulator.class.getPackage().getImplementationVersion();
		return (version != null) ? version : "(development build)";
	}

	private final class PluginContext implements EmulatorPluginContext {

		@Override
		public ActionRegistry actions() {
			return FairComEmulator.this.actions;
		}

		@Override
		public void addSessionListener(SessionListener listener) {
			FairComEmulator.this.sessions.addListener(Objects.requireNonNull(listener, "listener"));
		}

		@Override
		public EmulatorClock clock() {
			return FairComEmulator.this.clock;
		}

		@Override
		public CompatibilityProfile profile() {
			return FairComEmulator.this.profile;
		}

	}

	/**
	 * Configures a {@link FairComEmulator}. Defaults: HTTP on a free port of 127.0.0.1, no HTTPS, account
	 * ADMIN/ADMIN, profile {@link CompatibilityProfile#NEWEST}, the system clock, no permanent sessions,
	 * session caps 1024/50/50, idle keep-alive connections closed after 30 s, request bodies up to 16 MB
	 * within 10 s, plugins found by {@link ServiceLoader}.
	 */
	public static final class Builder {

		private String host = LOOPBACK;

		private boolean http = true;

		private int httpPort;

		private @Nullable Integer httpsPort;

		private @Nullable Path certificatePem;

		private @Nullable Path privateKeyPem;

		private @Nullable String privateKeyPassphrase;

		private @Nullable Path clientTrustPem;

		private @Nullable ClientAuth clientAuth;

		private final Map<String, String> users = new LinkedHashMap<>();

		private CompatibilityProfile profile = CompatibilityProfile.NEWEST;

		private EmulatorClock clock = EmulatorClock.system();

		private boolean permanentSessions;

		private SessionLimits limits = SessionLimits.DOCUMENTED;

		private Duration connectionIdleTimeout = Duration.ofSeconds(30);

		private long maxRequestBodyBytes = 16L * 1024 * 1024;

		private Duration requestTimeout = Duration.ofSeconds(10);

		private SessionDefaults sessionDefaults = SessionDefaults.documented();

		private final List<EmulatorPlugin> extraPlugins = new ArrayList<>();

		private boolean discoverPlugins = true;

		private @Nullable Consumer<String> requestLog;

		private Builder() {
		}

		/**
		 * The address to bind (default {@code 127.0.0.1}; {@code 0.0.0.0} for every interface).
		 * @param host the bind address
		 * @return this builder
		 */
		public Builder host(String host) {
			this.host = Objects.requireNonNull(host, "host").trim();
			return this;
		}

		/**
		 * The HTTP port (default 0 = a free port).
		 * @param port the port, 0 for a free one
		 * @return this builder
		 */
		public Builder httpPort(int port) {
			this.httpPort = checkPort(port);
			this.http = true;
			return this;
		}

		/**
		 * No HTTP listener (HTTPS only).
		 * @return this builder
		 */
		public Builder withoutHttp() {
			this.http = false;
			return this;
		}

		/**
		 * The HTTPS port (0 = a free port); needs a server certificate.
		 * @param port the port, 0 for a free one
		 * @return this builder
		 */
		public Builder httpsPort(int port) {
			this.httpsPort = checkPort(port);
			return this;
		}

		/**
		 * HTTPS with generated test material: its server certificate, and its CA as trust for client
		 * certificates (client certificates then default to {@link ClientAuth#NEED}, override with
		 * {@link #clientAuth(ClientAuth)}). Enables HTTPS on a free port unless {@link #httpsPort(int)} says
		 * otherwise.
		 * @param material the material
		 * @return this builder
		 */
		public Builder tls(TlsMaterial material) {
			serverCertificate(material.serverCertificate(), material.serverPrivateKey());
			return clientCertificateTrust(material.caCertificate());
		}

		/**
		 * The HTTPS server certificate and its unencrypted private key, as PEM files. Enables HTTPS on a
		 * free port unless {@link #httpsPort(int)} says otherwise.
		 * @param certificatePem the certificate (chain)
		 * @param privateKeyPem the private key (PKCS#8 or PKCS#1/SEC1)
		 * @return this builder
		 */
		public Builder serverCertificate(Path certificatePem, Path privateKeyPem) {
			return serverCertificate(certificatePem, privateKeyPem, null);
		}

		/**
		 * The HTTPS server certificate and its private key, as PEM files.
		 * @param certificatePem the certificate (chain)
		 * @param privateKeyPem the private key
		 * @param passphrase the key's passphrase, {@code null} when not encrypted
		 * @return this builder
		 */
		public Builder serverCertificate(Path certificatePem, Path privateKeyPem, @Nullable String passphrase) {
			this.certificatePem = Objects.requireNonNull(certificatePem, "certificatePem");
			this.privateKeyPem = Objects.requireNonNull(privateKeyPem, "privateKeyPem");
			this.privateKeyPassphrase = passphrase;
			return this;
		}

		/**
		 * The CA certificate(s), as PEM, that client certificates must chain to. Client authentication then
		 * defaults to {@link ClientAuth#NEED}.
		 * @param caPem the trusted CA certificates
		 * @return this builder
		 */
		public Builder clientCertificateTrust(Path caPem) {
			this.clientTrustPem = Objects.requireNonNull(caPem, "caPem");
			return this;
		}

		/**
		 * Whether HTTPS clients must, may or must not present a certificate (default {@link ClientAuth#NEED}
		 * with a client trust, {@link ClientAuth#NONE} without).
		 * @param clientAuth the mode
		 * @return this builder
		 */
		public Builder clientAuth(ClientAuth clientAuth) {
			this.clientAuth = Objects.requireNonNull(clientAuth, "clientAuth");
			return this;
		}

		/**
		 * Adds an account with the ADMIN role; without any, the emulator has ADMIN/ADMIN. Names are
		 * case-insensitive.
		 * @param username the account name
		 * @param password the password
		 * @return this builder
		 */
		public Builder user(String username, String password) {
			if (username == null || username.isBlank()) {
				throw new IllegalArgumentException("A user needs a non-blank name");
			}
			this.users.put(username, Objects.requireNonNull(password, "password"));
			return this;
		}

		/**
		 * The compatibility profile (default {@link CompatibilityProfile#NEWEST}).
		 * @param profile the profile
		 * @return this builder
		 */
		public Builder profile(CompatibilityProfile profile) {
			this.profile = Objects.requireNonNull(profile, "profile");
			return this;
		}

		/**
		 * The clock for all expiry (default {@link EmulatorClock#system()}).
		 * @param clock the clock
		 * @return this builder
		 */
		public Builder clock(EmulatorClock clock) {
			this.clock = Objects.requireNonNull(clock, "clock");
			return this;
		}

		/**
		 * Whether createSession may create permanent sessions (services.json
		 * {@code enablePermanentJsonApiSessions}; default {@code false}).
		 * @param enabled the flag
		 * @return this builder
		 */
		public Builder permanentSessions(boolean enabled) {
			this.permanentSessions = enabled;
			return this;
		}

		/**
		 * The session caps (defaults 1024 total, 50 per account, 50 per client address, as documented).
		 * @param total maxJsonApiSessions
		 * @param perUser maxJsonApiSessionsPerUsername
		 * @param perIpAddress maxJsonApiSessionsPerIpAddress
		 * @return this builder
		 */
		public Builder sessionLimits(int total, int perUser, int perIpAddress) {
			this.limits = new SessionLimits(total, perUser, perIpAddress);
			return this;
		}

		/**
		 * Defaults for new sessions (default {@link SessionDefaults#documented()}).
		 * @param defaults the defaults
		 * @return this builder
		 */
		public Builder sessionDefaults(SessionDefaults defaults) {
			this.sessionDefaults = Objects.requireNonNull(defaults, "defaults");
			return this;
		}

		/**
		 * The default session idle timeout ({@code idleConnectionTimeoutSeconds}, 3600 s unless set);
		 * zero means sessions never idle out.
		 * @param timeout the timeout, whole seconds
		 * @return this builder
		 */
		public Builder sessionIdleTimeout(Duration timeout) {
			this.sessionDefaults = this.sessionDefaults.withIdleConnectionTimeoutSeconds(Math.toIntExact(timeout.toSeconds()));
			return this;
		}

		/**
		 * How long an idle keep-alive connection stays open (default 30 s, FairCom's
		 * {@code connInactiveTimeout}).
		 * @param timeout the timeout
		 * @return this builder
		 */
		public Builder connectionIdleTimeout(Duration timeout) {
			this.connectionIdleTimeout = positive(timeout, "connectionIdleTimeout");
			return this;
		}

		/**
		 * The largest accepted request body (default 16 MB); larger ones get a JSON error with HTTP 413.
		 * @param bytes the limit
		 * @return this builder
		 */
		public Builder maxRequestBodySize(long bytes) {
			if (bytes < 1) {
				throw new IllegalArgumentException("maxRequestBodySize must be positive but was " + bytes);
			}
			this.maxRequestBodyBytes = bytes;
			return this;
		}

		/**
		 * How long a request body may take to arrive (default 10 s); slower ones get a JSON error with
		 * HTTP 408 and the connection is closed.
		 * @param timeout the timeout
		 * @return this builder
		 */
		public Builder requestTimeout(Duration timeout) {
			this.requestTimeout = positive(timeout, "requestTimeout");
			return this;
		}

		/**
		 * Reports every request as one line (time on the emulator clock, client address, api/action, HTTP
		 * status, errorCode, milliseconds to answer); never parameters, passwords or tokens.
		 * @param sink receives the lines, from Jetty's threads
		 * @return this builder
		 */
		public Builder requestLog(Consumer<String> sink) {
			this.requestLog = Objects.requireNonNull(sink, "sink");
			return this;
		}

		/**
		 * Adds a plugin instance.
		 * @param plugin the plugin
		 * @return this builder
		 */
		public Builder plugin(EmulatorPlugin plugin) {
			this.extraPlugins.add(Objects.requireNonNull(plugin, "plugin"));
			return this;
		}

		/**
		 * Whether to add the plugins found by {@link ServiceLoader} (default {@code true}).
		 * @param discover the flag
		 * @return this builder
		 */
		public Builder discoverPlugins(boolean discover) {
			this.discoverPlugins = discover;
			return this;
		}

		/**
		 * Builds the emulator (not started); certificates are read now.
		 * @return the emulator
		 * @throws IllegalArgumentException if the configuration is inconsistent or a PEM file is unusable
		 */
		public FairComEmulator build() {
			if (!this.http && this.certificatePem == null) {
				throw new IllegalArgumentException("No listener: withoutHttp() needs HTTPS (tls(...) or serverCertificate(...))");
			}
			if (this.httpsPort != null && this.certificatePem == null) {
				throw new IllegalArgumentException(
						"httpsPort(" + this.httpsPort + ") needs a server certificate: call tls(TlsMaterial) or serverCertificate(cert, key)");
			}
			if (this.certificatePem != null && this.httpsPort == null) {
				this.httpsPort = 0;
			}
			if (this.clientTrustPem == null && (this.clientAuth == ClientAuth.WANT || this.clientAuth == ClientAuth.NEED)) {
				throw new IllegalArgumentException(
						"clientAuth(" + this.clientAuth + ") needs clientCertificateTrust(caPem) or tls(TlsMaterial)");
			}
			if (this.clientAuth != null && this.certificatePem == null) {
				throw new IllegalArgumentException("clientAuth(...) needs HTTPS: call tls(TlsMaterial) or serverCertificate(cert, key)");
			}
			return new FairComEmulator(this);
		}

		/**
		 * Builds and starts the emulator.
		 * @return the running emulator
		 */
		public FairComEmulator start() {
			return build().start();
		}

		private @Nullable TlsSettings tlsSettings() {
			return (this.certificatePem == null || this.privateKeyPem == null) ? null : TlsSettings.read(
					this.certificatePem, this.privateKeyPem, this.privateKeyPassphrase, this.clientTrustPem, this.clientAuth);
		}

		private List<EmulatorPlugin> plugins() {
			List<EmulatorPlugin> all = new ArrayList<>(this.extraPlugins);
			if (this.discoverPlugins) {
				for (EmulatorPlugin plugin : ServiceLoader.load(EmulatorPlugin.class, FairComEmulator.class.getClassLoader())) {
					if (all.stream().noneMatch((existing) -> existing.getClass() == plugin.getClass())) {
						all.add(plugin);
					}
				}
			}
			return all;
		}

		private static int checkPort(int port) {
			if (port < 0 || port > 65535) {
				throw new IllegalArgumentException("Not a port: " + port);
			}
			return port;
		}

		private static Duration positive(Duration duration, String name) {
			if (duration.isNegative() || duration.isZero()) {
				throw new IllegalArgumentException(name + " must be positive but was " + duration);
			}
			return duration;
		}

	}

}
