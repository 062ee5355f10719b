package io.github.faircomclient.test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import io.github.faircomclient.test.SessionRegistry.SessionLimits;
import io.github.faircomclient.test.spi.EmulatorPlugin;
import io.github.faircomclient.test.tls.TlsMaterial;

/**
 * Configures a {@link FairComEmulator}. Defaults: HTTP on a free port of 127.0.0.1, no HTTPS, account
 * ADMIN/ADMIN, profile {@link CompatibilityProfile#NEWEST}, the system clock, no permanent sessions,
 * session caps 1024/50/50, idle keep-alive connections closed after 30 s, request bodies up to 16 MB
 * within 10 s, plugins found by {@link ServiceLoader}.
 */
public final class FairComEmulatorBuilder {

	String host = FairComEmulator.LOOPBACK;

	boolean http = true;

	int httpPort;

	@Nullable Integer httpsPort;

	@Nullable Path certificatePem;

	@Nullable Path privateKeyPem;

	@Nullable String privateKeyPassphrase;

	@Nullable Path clientTrustPem;

	@Nullable ClientAuth clientAuth;

	final Map<String, String> users = new LinkedHashMap<>();

	CompatibilityProfile profile = CompatibilityProfile.NEWEST;

	EmulatorClock clock = EmulatorClock.system();

	boolean permanentSessions;

	SessionLimits limits = SessionLimits.DOCUMENTED;

	Duration connectionIdleTimeout = Duration.ofSeconds(30);

	long maxRequestBodyBytes = 16L * 1024 * 1024;

	Duration requestTimeout = Duration.ofSeconds(10);

	SessionDefaults sessionDefaults = SessionDefaults.documented();

	final List<EmulatorPlugin> extraPlugins = new ArrayList<>();

	boolean discoverPlugins = true;

	@Nullable Consumer<String> requestLog;

	FairComEmulatorBuilder() {
	}

	/**
	 * The address to bind (default {@code 127.0.0.1}; {@code 0.0.0.0} for every interface).
	 * @param host the bind address
	 * @return this builder
	 */
	public FairComEmulatorBuilder host(String host) {
		this.host = Objects.requireNonNull(host, "host").trim();
		return this;
	}

	/**
	 * The HTTP port (default 0 = a free port).
	 * @param port the port, 0 for a free one
	 * @return this builder
	 */
	public FairComEmulatorBuilder httpPort(int port) {
		this.httpPort = checkPort(port);
		this.http = true;
		return this;
	}

	/**
	 * No HTTP listener (HTTPS only).
	 * @return this builder
	 */
	public FairComEmulatorBuilder withoutHttp() {
		this.http = false;
		return this;
	}

	/**
	 * The HTTPS port (0 = a free port); needs a server certificate.
	 * @param port the port, 0 for a free one
	 * @return this builder
	 */
	public FairComEmulatorBuilder httpsPort(int port) {
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
	public FairComEmulatorBuilder tls(TlsMaterial material) {
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
	public FairComEmulatorBuilder serverCertificate(Path certificatePem, Path privateKeyPem) {
		return serverCertificate(certificatePem, privateKeyPem, null);
	}

	/**
	 * The HTTPS server certificate and its private key, as PEM files.
	 * @param certificatePem the certificate (chain)
	 * @param privateKeyPem the private key
	 * @param passphrase the key's passphrase, {@code null} when not encrypted
	 * @return this builder
	 */
	public FairComEmulatorBuilder serverCertificate(Path certificatePem, Path privateKeyPem, @Nullable String passphrase) {
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
	public FairComEmulatorBuilder clientCertificateTrust(Path caPem) {
		this.clientTrustPem = Objects.requireNonNull(caPem, "caPem");
		return this;
	}

	/**
	 * Whether HTTPS clients must, may or must not present a certificate (default {@link ClientAuth#NEED}
	 * with a client trust, {@link ClientAuth#NONE} without).
	 * @param clientAuth the mode
	 * @return this builder
	 */
	public FairComEmulatorBuilder clientAuth(ClientAuth clientAuth) {
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
	public FairComEmulatorBuilder user(String username, String password) {
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
	public FairComEmulatorBuilder profile(CompatibilityProfile profile) {
		this.profile = Objects.requireNonNull(profile, "profile");
		return this;
	}

	/**
	 * The clock for all expiry (default {@link EmulatorClock#system()}).
	 * @param clock the clock
	 * @return this builder
	 */
	public FairComEmulatorBuilder clock(EmulatorClock clock) {
		this.clock = Objects.requireNonNull(clock, "clock");
		return this;
	}

	/**
	 * Whether createSession may create permanent sessions (services.json
	 * {@code enablePermanentJsonApiSessions}; default {@code false}).
	 * @param enabled the flag
	 * @return this builder
	 */
	public FairComEmulatorBuilder permanentSessions(boolean enabled) {
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
	public FairComEmulatorBuilder sessionLimits(int total, int perUser, int perIpAddress) {
		this.limits = new SessionLimits(total, perUser, perIpAddress);
		return this;
	}

	/**
	 * Defaults for new sessions (default {@link SessionDefaults#documented()}).
	 * @param defaults the defaults
	 * @return this builder
	 */
	public FairComEmulatorBuilder sessionDefaults(SessionDefaults defaults) {
		this.sessionDefaults = Objects.requireNonNull(defaults, "defaults");
		return this;
	}

	/**
	 * The default session idle timeout ({@code idleConnectionTimeoutSeconds}, 3600 s unless set);
	 * zero means sessions never idle out.
	 * @param timeout the timeout, whole seconds
	 * @return this builder
	 */
	public FairComEmulatorBuilder sessionIdleTimeout(Duration timeout) {
		this.sessionDefaults = this.sessionDefaults.withIdleConnectionTimeoutSeconds(Math.toIntExact(timeout.toSeconds()));
		return this;
	}

	/**
	 * How long an idle keep-alive connection stays open (default 30 s, FairCom's
	 * {@code connInactiveTimeout}).
	 * @param timeout the timeout
	 * @return this builder
	 */
	public FairComEmulatorBuilder connectionIdleTimeout(Duration timeout) {
		this.connectionIdleTimeout = positive(timeout, "connectionIdleTimeout");
		return this;
	}

	/**
	 * The largest accepted request body (default 16 MB); larger ones get a JSON error with HTTP 413.
	 * @param bytes the limit
	 * @return this builder
	 */
	public FairComEmulatorBuilder maxRequestBodySize(long bytes) {
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
	public FairComEmulatorBuilder requestTimeout(Duration timeout) {
		this.requestTimeout = positive(timeout, "requestTimeout");
		return this;
	}

	/**
	 * Reports every request as one line (time on the emulator clock, client address, api/action, HTTP
	 * status, errorCode, milliseconds to answer); never parameters, passwords or tokens.
	 * @param sink receives the lines, from Jetty's threads
	 * @return this builder
	 */
	public FairComEmulatorBuilder requestLog(Consumer<String> sink) {
		this.requestLog = Objects.requireNonNull(sink, "sink");
		return this;
	}

	/**
	 * Adds a plugin instance.
	 * @param plugin the plugin
	 * @return this builder
	 */
	public FairComEmulatorBuilder plugin(EmulatorPlugin plugin) {
		this.extraPlugins.add(Objects.requireNonNull(plugin, "plugin"));
		return this;
	}

	/**
	 * Whether to add the plugins found by {@link ServiceLoader} (default {@code true}).
	 * @param discover the flag
	 * @return this builder
	 */
	public FairComEmulatorBuilder discoverPlugins(boolean discover) {
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

	@Nullable TlsSettings tlsSettings() {
		return (this.certificatePem == null || this.privateKeyPem == null) ? null : TlsSettings.read(
				this.certificatePem, this.privateKeyPem, this.privateKeyPassphrase, this.clientTrustPem, this.clientAuth);
	}

	List<EmulatorPlugin> plugins() {
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
