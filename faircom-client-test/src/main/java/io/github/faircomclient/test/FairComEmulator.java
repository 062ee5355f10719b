package io.github.faircomclient.test;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import io.github.faircomclient.test.spi.ActionRegistry;
import io.github.faircomclient.test.spi.EmulatorPlugin;
import io.github.faircomclient.test.spi.EmulatorPluginContext;
import io.github.faircomclient.test.spi.SessionListener;
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

	static final String LOOPBACK = "127.0.0.1";

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

	FairComEmulator(FairComEmulatorBuilder builder) {
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
	public static FairComEmulatorBuilder builder() {
		return new FairComEmulatorBuilder();
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

}
