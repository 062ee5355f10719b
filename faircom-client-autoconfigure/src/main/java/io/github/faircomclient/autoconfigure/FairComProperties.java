package io.github.faircomclient.autoconfigure;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.util.unit.DataSize;

import io.github.faircomclient.FairComErrorCodes;
import io.github.faircomclient.core.FairComRetrySettings;
import io.github.faircomclient.core.FairComTemplateBuilder;
import io.github.faircomclient.http.FairComHttpTransport;
import io.github.faircomclient.session.LoginMode;

/**
 * Configuration properties of the FairCom client (prefix {@code faircom}). Every default
 * is the {@code DEFAULT_...} constant of the settings type the property configures, and
 * every value is checked by that type's builder.
 */
@ConfigurationProperties("faircom")
public class FairComProperties {

	/**
	 * Whether to auto-configure the FairCom client.
	 */
	private boolean enabled = true;

	/**
	 * Endpoint of the FairCom JSON Action API, for example
	 * https://faircom.example.com:8443/api. A url without a path gets /api.
	 */
	private @Nullable String url;

	/**
	 * Account to log in with. Leave unset (or empty) to log in with the client certificate
	 * of the SSL bundle, or to use a permanent session token.
	 */
	private @Nullable String username;

	/**
	 * Password of the account. Empty counts as unset.
	 */
	private @Nullable String password;

	/**
	 * Time allowed to open a connection to the server, TLS handshake included.
	 */
	private Duration connectTimeout = FairComHttpTransport.DEFAULT_CONNECT_TIMEOUT;

	/**
	 * Longest silence allowed while waiting for or reading an answer.
	 */
	private Duration readTimeout = FairComHttpTransport.DEFAULT_READ_TIMEOUT;

	/**
	 * Total time one call may take, answer, retries and waits included. Also stops a
	 * server that trickles bytes, which the read timeout does not.
	 */
	private Duration callTimeout = FairComTemplateBuilder.DEFAULT_CALL_TIMEOUT;

	/**
	 * Largest answer accepted from the server; a larger one is cut off and the call fails.
	 * Raise it for very large result sets.
	 */
	private DataSize maxResponseSize = DataSize.ofBytes(FairComHttpTransport.DEFAULT_MAX_RESPONSE_BYTES);

	/**
	 * Most JSON values (objects, arrays, field names and scalars) an answer may hold; a
	 * larger one fails instead of filling the heap. Read larger results with a cursor.
	 */
	private long maxResponseValues = FairComTemplateBuilder.DEFAULT_MAX_RESPONSE_VALUES;

	private final Ssl ssl = new Ssl();

	private final Retry retry = new Retry();

	private final Pool pool = new Pool();

	private final Session session = new Session();

	private final ErrorCodes errorCodes = new ErrorCodes();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable String getUrl() {
		return this.url;
	}

	public void setUrl(@Nullable String url) {
		this.url = url;
	}

	public @Nullable String getUsername() {
		return this.username;
	}

	public void setUsername(@Nullable String username) {
		this.username = username;
	}

	public @Nullable String getPassword() {
		return this.password;
	}

	public void setPassword(@Nullable String password) {
		this.password = password;
	}

	public Duration getConnectTimeout() {
		return this.connectTimeout;
	}

	public void setConnectTimeout(Duration connectTimeout) {
		this.connectTimeout = connectTimeout;
	}

	public Duration getReadTimeout() {
		return this.readTimeout;
	}

	public void setReadTimeout(Duration readTimeout) {
		this.readTimeout = readTimeout;
	}

	public Duration getCallTimeout() {
		return this.callTimeout;
	}

	public void setCallTimeout(Duration callTimeout) {
		this.callTimeout = callTimeout;
	}

	public DataSize getMaxResponseSize() {
		return this.maxResponseSize;
	}

	public void setMaxResponseSize(DataSize maxResponseSize) {
		this.maxResponseSize = maxResponseSize;
	}

	public long getMaxResponseValues() {
		return this.maxResponseValues;
	}

	public void setMaxResponseValues(long maxResponseValues) {
		this.maxResponseValues = maxResponseValues;
	}

	public Ssl getSsl() {
		return this.ssl;
	}

	public Retry getRetry() {
		return this.retry;
	}

	public Pool getPool() {
		return this.pool;
	}

	public Session getSession() {
		return this.session;
	}

	public ErrorCodes getErrorCodes() {
		return this.errorCodes;
	}

	/**
	 * TLS settings.
	 */
	public static class Ssl {

		/**
		 * Name of the SSL bundle (spring.ssl.bundle.*) holding the trust material and, for
		 * mutual TLS, the client certificate and key. Requires an https url.
		 */
		private @Nullable String bundle;

		/**
		 * Whether the server's host name must match its certificate. Switch it off only
		 * for a development server with FairCom's self-signed default certificate; a
		 * warning is logged.
		 */
		private boolean verifyHostname = FairComHttpTransport.DEFAULT_VERIFY_HOSTNAME;

		public @Nullable String getBundle() {
			return this.bundle;
		}

		public void setBundle(@Nullable String bundle) {
			this.bundle = bundle;
		}

		public boolean isVerifyHostname() {
			return this.verifyHostname;
		}

		public void setVerifyHostname(boolean verifyHostname) {
			this.verifyHostname = verifyHostname;
		}

	}

	/**
	 * Retry settings. A call is retried after a failure on the way (no connection, dropped
	 * connection, read timeout, 5xx, HTML or truncated answer, HTTP 429 or 503) when the
	 * action is safe to send again: plain reads always, writes and DDL only when the
	 * request is declared idempotent. Logins refused by the server are never retried.
	 */
	public static class Retry {

		/**
		 * Whether failed calls are retried. When off, a call whose session expired is still
		 * replayed once on a new session.
		 */
		private boolean enabled = FairComRetrySettings.DEFAULT_ENABLED;

		/**
		 * Most times one call is sent, the first time and the replay after an expired
		 * session included. 1 also stops that replay.
		 */
		private int maxAttempts = FairComRetrySettings.DEFAULT_MAX_ATTEMPTS;

		/**
		 * Upper bound of the random wait before the first retry (full jitter).
		 */
		private Duration initialBackoff = FairComRetrySettings.DEFAULT_INITIAL_BACKOFF;

		/**
		 * Largest upper bound of the random wait between two attempts.
		 */
		private Duration maxBackoff = FairComRetrySettings.DEFAULT_MAX_BACKOFF;

		/**
		 * Factor by which the upper bound of the wait grows with each retry.
		 */
		private double multiplier = FairComRetrySettings.DEFAULT_MULTIPLIER;

		/**
		 * Longest Retry-After (HTTP 429 or 503) the client waits for; an answer asking for
		 * longer fails the call at once. 0 never waits for a Retry-After.
		 */
		private Duration maxRetryAfter = FairComRetrySettings.DEFAULT_MAX_RETRY_AFTER;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public int getMaxAttempts() {
			return this.maxAttempts;
		}

		public void setMaxAttempts(int maxAttempts) {
			this.maxAttempts = maxAttempts;
		}

		public Duration getInitialBackoff() {
			return this.initialBackoff;
		}

		public void setInitialBackoff(Duration initialBackoff) {
			this.initialBackoff = initialBackoff;
		}

		public Duration getMaxBackoff() {
			return this.maxBackoff;
		}

		public void setMaxBackoff(Duration maxBackoff) {
			this.maxBackoff = maxBackoff;
		}

		public double getMultiplier() {
			return this.multiplier;
		}

		public void setMultiplier(double multiplier) {
			this.multiplier = multiplier;
		}

		public Duration getMaxRetryAfter() {
			return this.maxRetryAfter;
		}

		public void setMaxRetryAfter(Duration maxRetryAfter) {
			this.maxRetryAfter = maxRetryAfter;
		}

	}

	/**
	 * Connection pool settings.
	 */
	public static class Pool {

		/**
		 * Maximum number of pooled connections, in total and to the server. Stays below
		 * FairCom's default limit of 25 connections per client address.
		 */
		private int maxConnections = FairComHttpTransport.DEFAULT_MAX_CONNECTIONS;

		/**
		 * Time a call waits for a free pooled connection.
		 */
		private Duration acquireTimeout = FairComHttpTransport.DEFAULT_CONNECTION_ACQUIRE_TIMEOUT;

		public int getMaxConnections() {
			return this.maxConnections;
		}

		public void setMaxConnections(int maxConnections) {
			this.maxConnections = maxConnections;
		}

		public Duration getAcquireTimeout() {
			return this.acquireTimeout;
		}

		public void setAcquireTimeout(Duration acquireTimeout) {
			this.acquireTimeout = acquireTimeout;
		}

	}

	/**
	 * Session settings, sent with createSession at every login.
	 */
	public static class Session {

		/**
		 * When to log in: lazy (on the first call, so the application starts whether or not
		 * the server is up and holds no session it does not use) or eager (while the
		 * application starts, so bad credentials fail the startup).
		 */
		private LoginMode login = FairComTemplateBuilder.DEFAULT_LOGIN_MODE;

		/**
		 * Idle time after which the server ends the session, sent as
		 * idleConnectionTimeoutSeconds (whole seconds, rounded up); 0 means never. Unset
		 * keeps the server's default (3600 s on a stock server). If no unit is given,
		 * seconds are used.
		 */
		@DurationUnit(ChronoUnit.SECONDS)
		private @Nullable Duration idleTimeout;

		/**
		 * Idle time after which the server closes the session's cursors, sent as
		 * idleCursorTimeoutSeconds (whole seconds, rounded up); -1 means never. Unset keeps
		 * the server's default (600 s on a stock server). If no unit is given, seconds are
		 * used.
		 */
		@DurationUnit(ChronoUnit.SECONDS)
		private @Nullable Duration cursorIdleTimeout;

		/**
		 * Whether to keep an idle session alive with pingSession, at half the idle timeout
		 * the server reports. Never done for permanent tokens or an idle timeout of 0.
		 */
		private boolean keepalive = FairComTemplateBuilder.DEFAULT_KEEPALIVE;

		/**
		 * Description of the session shown to administrators in listSessions. Defaults to
		 * the application name and the host name.
		 */
		private @Nullable String description;

		/**
		 * Api used by actions that name none (defaultApi), for example db.
		 */
		private @Nullable String defaultApi;

		/**
		 * Database used by actions that name none (defaultDatabaseName).
		 */
		private @Nullable String defaultDatabase;

		/**
		 * Owner used by actions that name none (defaultOwnerName).
		 */
		private @Nullable String defaultOwner;

		/**
		 * Debug level of actions that name none (defaultDebug): none or max. The template
		 * names one on every request it sends, so this matters only to other clients of
		 * the session.
		 */
		private @Nullable String defaultDebug;

		/**
		 * Binary format of actions that name none (defaultBinaryFormat), for example hex.
		 */
		private @Nullable String defaultBinaryFormat;

		/**
		 * Variant format of actions that name none (defaultVariantFormat), for example
		 * json.
		 */
		private @Nullable String defaultVariantFormat;

		/**
		 * Response options of actions that send none (defaultResponseOptions), for example
		 * numberFormat: string. The values true and false are sent as JSON booleans. The
		 * typed DB operations send their own.
		 */
		private Map<String, String> defaultResponseOptions = new LinkedHashMap<>();

		/**
		 * Permanent session token (a FairCom API key) to use instead of a user name and
		 * password. It is never kept alive, renewed or deleted.
		 */
		private @Nullable String token;

		public LoginMode getLogin() {
			return this.login;
		}

		public void setLogin(LoginMode login) {
			this.login = login;
		}

		public @Nullable Duration getIdleTimeout() {
			return this.idleTimeout;
		}

		public void setIdleTimeout(@Nullable Duration idleTimeout) {
			this.idleTimeout = idleTimeout;
		}

		public @Nullable Duration getCursorIdleTimeout() {
			return this.cursorIdleTimeout;
		}

		public void setCursorIdleTimeout(@Nullable Duration cursorIdleTimeout) {
			this.cursorIdleTimeout = cursorIdleTimeout;
		}

		public boolean isKeepalive() {
			return this.keepalive;
		}

		public void setKeepalive(boolean keepalive) {
			this.keepalive = keepalive;
		}

		public @Nullable String getDescription() {
			return this.description;
		}

		public void setDescription(@Nullable String description) {
			this.description = description;
		}

		public @Nullable String getDefaultApi() {
			return this.defaultApi;
		}

		public void setDefaultApi(@Nullable String defaultApi) {
			this.defaultApi = defaultApi;
		}

		public @Nullable String getDefaultDatabase() {
			return this.defaultDatabase;
		}

		public void setDefaultDatabase(@Nullable String defaultDatabase) {
			this.defaultDatabase = defaultDatabase;
		}

		public @Nullable String getDefaultOwner() {
			return this.defaultOwner;
		}

		public void setDefaultOwner(@Nullable String defaultOwner) {
			this.defaultOwner = defaultOwner;
		}

		public @Nullable String getDefaultDebug() {
			return this.defaultDebug;
		}

		public void setDefaultDebug(@Nullable String defaultDebug) {
			this.defaultDebug = defaultDebug;
		}

		public @Nullable String getDefaultBinaryFormat() {
			return this.defaultBinaryFormat;
		}

		public void setDefaultBinaryFormat(@Nullable String defaultBinaryFormat) {
			this.defaultBinaryFormat = defaultBinaryFormat;
		}

		public @Nullable String getDefaultVariantFormat() {
			return this.defaultVariantFormat;
		}

		public void setDefaultVariantFormat(@Nullable String defaultVariantFormat) {
			this.defaultVariantFormat = defaultVariantFormat;
		}

		public Map<String, String> getDefaultResponseOptions() {
			return this.defaultResponseOptions;
		}

		public void setDefaultResponseOptions(Map<String, String> defaultResponseOptions) {
			this.defaultResponseOptions = defaultResponseOptions;
		}

		public @Nullable String getToken() {
			return this.token;
		}

		public void setToken(@Nullable String token) {
			this.token = token;
		}

	}

	/**
	 * FairCom error codes that become typed exceptions. Each list replaces the documented
	 * codes of its exception.
	 */
	public static class ErrorCodes {

		/**
		 * Error codes raised as FairComDuplicateKeyException. 2 is c-tree's documented
		 * KDUP_ERR.
		 */
		private List<Integer> duplicateKey = documented(FairComErrorCodes.Category.DUPLICATE_KEY);

		/**
		 * Error codes raised as FairComNotFoundException. 4046 is the documented "Key not
		 * found".
		 */
		private List<Integer> notFound = documented(FairComErrorCodes.Category.NOT_FOUND);

		/**
		 * Error codes raised as FairComChangeIdConflictException. FairCom does not
		 * document the code of a changeId conflict, so none is set by default.
		 */
		private List<Integer> changeIdConflict = documented(FairComErrorCodes.Category.CHANGE_ID_CONFLICT);

		private static List<Integer> documented(FairComErrorCodes.Category category) {
			return new ArrayList<>(FairComErrorCodes.documented().codesOf(category));
		}

		public List<Integer> getDuplicateKey() {
			return this.duplicateKey;
		}

		public void setDuplicateKey(List<Integer> duplicateKey) {
			this.duplicateKey = duplicateKey;
		}

		public List<Integer> getNotFound() {
			return this.notFound;
		}

		public void setNotFound(List<Integer> notFound) {
			this.notFound = notFound;
		}

		public List<Integer> getChangeIdConflict() {
			return this.changeIdConflict;
		}

		public void setChangeIdConflict(List<Integer> changeIdConflict) {
			this.changeIdConflict = changeIdConflict;
		}

	}

}
