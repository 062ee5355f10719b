package io.github.faircomclient.autoconfigure;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.util.unit.DataSize;

import io.github.faircomclient.db.BinaryFormat;
import io.github.faircomclient.db.BulkSettings;
import io.github.faircomclient.db.NumberFormat;
import io.github.faircomclient.session.LoginMode;

/**
 * Configuration properties of the FairCom client (prefix {@code faircom}).
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
	 * Account to log in with. Leave unset to log in with the client certificate of the SSL
	 * bundle, or to use a permanent session token.
	 */
	private @Nullable String username;

	/**
	 * Password of the account.
	 */
	private @Nullable String password;

	/**
	 * Time allowed to open a connection to the server.
	 */
	private Duration connectTimeout = Duration.ofSeconds(5);

	/**
	 * Longest silence allowed while waiting for or reading an answer.
	 */
	private Duration readTimeout = Duration.ofSeconds(30);

	/**
	 * Total time one call may take, answer included. Also stops a server that trickles
	 * bytes, which the read timeout does not.
	 */
	private Duration callTimeout = Duration.ofSeconds(60);

	/**
	 * Largest answer accepted from the server; a larger one is cut off and the call fails.
	 * Raise it for very large result sets.
	 */
	private DataSize maxResponseSize = DataSize.ofMegabytes(64);

	/**
	 * Most JSON values (objects, arrays, field names and scalars) an answer may hold; a
	 * larger one fails instead of filling the heap. Read larger results with a cursor.
	 */
	private long maxResponseValues = 1_000_000;

	private final Ssl ssl = new Ssl();

	private final Retry retry = new Retry();

	private final Pool pool = new Pool();

	private final Session session = new Session();

	private final Db db = new Db();

	private final ErrorCodes errorCodes = new ErrorCodes();

	/**
	 * Return whether the client is auto-configured.
	 * @return whether the client is enabled
	 */
	public boolean isEnabled() {
		return this.enabled;
	}

	/**
	 * Set whether the client is auto-configured.
	 * @param enabled whether the client is enabled
	 */
	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	/**
	 * Return the server's endpoint.
	 * @return the url or {@code null}
	 */
	public @Nullable String getUrl() {
		return this.url;
	}

	/**
	 * Set the server's endpoint.
	 * @param url the url
	 */
	public void setUrl(@Nullable String url) {
		this.url = url;
	}

	/**
	 * Return the account to log in with.
	 * @return the user name or {@code null}
	 */
	public @Nullable String getUsername() {
		return this.username;
	}

	/**
	 * Set the account to log in with.
	 * @param username the user name
	 */
	public void setUsername(@Nullable String username) {
		this.username = username;
	}

	/**
	 * Return the password of the account.
	 * @return the password or {@code null}
	 */
	public @Nullable String getPassword() {
		return this.password;
	}

	/**
	 * Set the password of the account.
	 * @param password the password
	 */
	public void setPassword(@Nullable String password) {
		this.password = password;
	}

	/**
	 * Return the time allowed to open a connection.
	 * @return the connect timeout
	 */
	public Duration getConnectTimeout() {
		return this.connectTimeout;
	}

	/**
	 * Set the time allowed to open a connection.
	 * @param connectTimeout the connect timeout
	 */
	public void setConnectTimeout(Duration connectTimeout) {
		this.connectTimeout = connectTimeout;
	}

	/**
	 * Return the longest silence allowed while reading an answer.
	 * @return the read timeout
	 */
	public Duration getReadTimeout() {
		return this.readTimeout;
	}

	/**
	 * Set the longest silence allowed while reading an answer.
	 * @param readTimeout the read timeout
	 */
	public void setReadTimeout(Duration readTimeout) {
		this.readTimeout = readTimeout;
	}

	/**
	 * Return the total time one call may take.
	 * @return the call timeout
	 */
	public Duration getCallTimeout() {
		return this.callTimeout;
	}

	/**
	 * Set the total time one call may take.
	 * @param callTimeout the call timeout
	 */
	public void setCallTimeout(Duration callTimeout) {
		this.callTimeout = callTimeout;
	}

	/**
	 * Return the largest answer accepted.
	 * @return the maximum response size
	 */
	public DataSize getMaxResponseSize() {
		return this.maxResponseSize;
	}

	/**
	 * Set the largest answer accepted.
	 * @param maxResponseSize the maximum response size
	 */
	public void setMaxResponseSize(DataSize maxResponseSize) {
		this.maxResponseSize = maxResponseSize;
	}

	/**
	 * Return the most JSON values an answer may hold.
	 * @return the maximum number of values
	 */
	public long getMaxResponseValues() {
		return this.maxResponseValues;
	}

	/**
	 * Set the most JSON values an answer may hold.
	 * @param maxResponseValues the maximum number of values
	 */
	public void setMaxResponseValues(long maxResponseValues) {
		this.maxResponseValues = maxResponseValues;
	}

	/**
	 * Return the retry settings.
	 * @return the retry settings
	 */
	public Retry getRetry() {
		return this.retry;
	}

	/**
	 * Return the TLS settings.
	 * @return the TLS settings
	 */
	public Ssl getSsl() {
		return this.ssl;
	}

	/**
	 * Return the connection pool settings.
	 * @return the pool settings
	 */
	public Pool getPool() {
		return this.pool;
	}

	/**
	 * Return the session settings.
	 * @return the session settings
	 */
	public Session getSession() {
		return this.session;
	}

	/**
	 * Return the settings of the typed DB operations.
	 * @return the DB settings
	 */
	public Db getDb() {
		return this.db;
	}

	/**
	 * Return the error codes that become typed exceptions.
	 * @return the error code settings
	 */
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
		private boolean verifyHostname = true;

		/**
		 * Return the name of the SSL bundle.
		 * @return the bundle name or {@code null}
		 */
		public @Nullable String getBundle() {
			return this.bundle;
		}

		/**
		 * Set the name of the SSL bundle.
		 * @param bundle the bundle name
		 */
		public void setBundle(@Nullable String bundle) {
			this.bundle = bundle;
		}

		/**
		 * Return whether host names are verified.
		 * @return whether host names are verified
		 */
		public boolean isVerifyHostname() {
			return this.verifyHostname;
		}

		/**
		 * Set whether host names are verified.
		 * @param verifyHostname whether host names are verified
		 */
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
		private boolean enabled = true;

		/**
		 * Most times one call is sent, the first time and the replay after an expired
		 * session included. 1 also stops that replay.
		 */
		private int maxAttempts = 3;

		/**
		 * Upper bound of the random wait before the first retry (full jitter).
		 */
		private Duration initialBackoff = Duration.ofMillis(100);

		/**
		 * Largest upper bound of the random wait between two attempts.
		 */
		private Duration maxBackoff = Duration.ofSeconds(2);

		/**
		 * Factor by which the upper bound of the wait grows with each retry.
		 */
		private double multiplier = 2.0;

		/**
		 * Longest Retry-After (HTTP 429 or 503) the client waits for; an answer asking for
		 * longer fails the call at once. 0 never waits for a Retry-After.
		 */
		private Duration maxRetryAfter = Duration.ofSeconds(10);

		/**
		 * Return whether failed calls are retried.
		 * @return whether retries are enabled
		 */
		public boolean isEnabled() {
			return this.enabled;
		}

		/**
		 * Set whether failed calls are retried.
		 * @param enabled whether retries are enabled
		 */
		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		/**
		 * Return the most times one call is sent.
		 * @return the maximum attempts
		 */
		public int getMaxAttempts() {
			return this.maxAttempts;
		}

		/**
		 * Set the most times one call is sent.
		 * @param maxAttempts the maximum attempts
		 */
		public void setMaxAttempts(int maxAttempts) {
			this.maxAttempts = maxAttempts;
		}

		/**
		 * Return the upper bound of the first wait.
		 * @return the initial backoff
		 */
		public Duration getInitialBackoff() {
			return this.initialBackoff;
		}

		/**
		 * Set the upper bound of the first wait.
		 * @param initialBackoff the initial backoff
		 */
		public void setInitialBackoff(Duration initialBackoff) {
			this.initialBackoff = initialBackoff;
		}

		/**
		 * Return the largest upper bound of a wait.
		 * @return the maximum backoff
		 */
		public Duration getMaxBackoff() {
			return this.maxBackoff;
		}

		/**
		 * Set the largest upper bound of a wait.
		 * @param maxBackoff the maximum backoff
		 */
		public void setMaxBackoff(Duration maxBackoff) {
			this.maxBackoff = maxBackoff;
		}

		/**
		 * Return the growth factor of the wait.
		 * @return the multiplier
		 */
		public double getMultiplier() {
			return this.multiplier;
		}

		/**
		 * Set the growth factor of the wait.
		 * @param multiplier the multiplier
		 */
		public void setMultiplier(double multiplier) {
			this.multiplier = multiplier;
		}

		/**
		 * Return the longest Retry-After waited for.
		 * @return the maximum Retry-After
		 */
		public Duration getMaxRetryAfter() {
			return this.maxRetryAfter;
		}

		/**
		 * Set the longest Retry-After waited for.
		 * @param maxRetryAfter the maximum Retry-After
		 */
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
		private int maxConnections = 20;

		/**
		 * Time a call waits for a free pooled connection.
		 */
		private Duration acquireTimeout = Duration.ofSeconds(10);

		/**
		 * Return the maximum number of pooled connections.
		 * @return the pool size
		 */
		public int getMaxConnections() {
			return this.maxConnections;
		}

		/**
		 * Set the maximum number of pooled connections.
		 * @param maxConnections the pool size
		 */
		public void setMaxConnections(int maxConnections) {
			this.maxConnections = maxConnections;
		}

		/**
		 * Return the time a call waits for a pooled connection.
		 * @return the acquire timeout
		 */
		public Duration getAcquireTimeout() {
			return this.acquireTimeout;
		}

		/**
		 * Set the time a call waits for a pooled connection.
		 * @param acquireTimeout the acquire timeout
		 */
		public void setAcquireTimeout(Duration acquireTimeout) {
			this.acquireTimeout = acquireTimeout;
		}

	}

	/**
	 * Session settings.
	 */
	public static class Session {

		/**
		 * When to log in: lazy (on the first call, so the application starts whether or not
		 * the server is up and holds no session it does not use) or eager (while the
		 * application starts, so bad credentials fail the startup).
		 */
		private LoginMode login = LoginMode.LAZY;

		/**
		 * Idle time after which the server ends the session, sent as
		 * idleConnectionTimeoutSeconds; 0 means never. Unset keeps the server's default
		 * (3600 s on a stock server). If no unit is given, seconds are used.
		 */
		@DurationUnit(ChronoUnit.SECONDS)
		private @Nullable Duration idleTimeout;

		/**
		 * Idle time after which the server closes the session's cursors, sent as
		 * idleCursorTimeoutSeconds; -1 means never. Unset keeps the server's default (600 s
		 * on a stock server). If no unit is given, seconds are used.
		 */
		@DurationUnit(ChronoUnit.SECONDS)
		private @Nullable Duration cursorIdleTimeout;

		/**
		 * Whether to keep an idle session alive with pingSession, at half the idle timeout
		 * the server reports. Never done for permanent tokens or an idle timeout of 0.
		 */
		private boolean keepalive = true;

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
		 * Permanent session token (a FairCom API key) to use instead of a user name and
		 * password. It is never kept alive, renewed or deleted.
		 */
		private @Nullable String token;

		/**
		 * Return when to log in.
		 * @return the login mode
		 */
		public LoginMode getLogin() {
			return this.login;
		}

		/**
		 * Set when to log in.
		 * @param login the login mode
		 */
		public void setLogin(LoginMode login) {
			this.login = login;
		}

		/**
		 * Return the session idle timeout.
		 * @return the idle timeout or {@code null} for the server's default
		 */
		public @Nullable Duration getIdleTimeout() {
			return this.idleTimeout;
		}

		/**
		 * Set the session idle timeout.
		 * @param idleTimeout the idle timeout
		 */
		public void setIdleTimeout(@Nullable Duration idleTimeout) {
			this.idleTimeout = idleTimeout;
		}

		/**
		 * Return the cursor idle timeout.
		 * @return the cursor idle timeout or {@code null} for the server's default
		 */
		public @Nullable Duration getCursorIdleTimeout() {
			return this.cursorIdleTimeout;
		}

		/**
		 * Set the cursor idle timeout.
		 * @param cursorIdleTimeout the cursor idle timeout
		 */
		public void setCursorIdleTimeout(@Nullable Duration cursorIdleTimeout) {
			this.cursorIdleTimeout = cursorIdleTimeout;
		}

		/**
		 * Return whether idle sessions are kept alive.
		 * @return whether keepalive is on
		 */
		public boolean isKeepalive() {
			return this.keepalive;
		}

		/**
		 * Set whether idle sessions are kept alive.
		 * @param keepalive whether keepalive is on
		 */
		public void setKeepalive(boolean keepalive) {
			this.keepalive = keepalive;
		}

		/**
		 * Return the session description.
		 * @return the description or {@code null} for the default
		 */
		public @Nullable String getDescription() {
			return this.description;
		}

		/**
		 * Set the session description.
		 * @param description the description
		 */
		public void setDescription(@Nullable String description) {
			this.description = description;
		}

		/**
		 * Return the default api.
		 * @return the default api or {@code null}
		 */
		public @Nullable String getDefaultApi() {
			return this.defaultApi;
		}

		/**
		 * Set the default api.
		 * @param defaultApi the default api
		 */
		public void setDefaultApi(@Nullable String defaultApi) {
			this.defaultApi = defaultApi;
		}

		/**
		 * Return the default database.
		 * @return the default database or {@code null}
		 */
		public @Nullable String getDefaultDatabase() {
			return this.defaultDatabase;
		}

		/**
		 * Set the default database.
		 * @param defaultDatabase the default database
		 */
		public void setDefaultDatabase(@Nullable String defaultDatabase) {
			this.defaultDatabase = defaultDatabase;
		}

		/**
		 * Return the default owner.
		 * @return the default owner or {@code null}
		 */
		public @Nullable String getDefaultOwner() {
			return this.defaultOwner;
		}

		/**
		 * Set the default owner.
		 * @param defaultOwner the default owner
		 */
		public void setDefaultOwner(@Nullable String defaultOwner) {
			this.defaultOwner = defaultOwner;
		}

		/**
		 * Return the permanent session token.
		 * @return the token or {@code null}
		 */
		public @Nullable String getToken() {
			return this.token;
		}

		/**
		 * Set the permanent session token.
		 * @param token the token
		 */
		public void setToken(@Nullable String token) {
			this.token = token;
		}

	}

	/**
	 * Settings of the typed DB operations (FairComTemplate.db()).
	 */
	public static class Db {

		/**
		 * Most records a list-returning call (list(), query(), listTables(), ...) accepts
		 * unless the call sets its own limit. The client asks for one more record and
		 * fails when there are more, instead of truncating; use stream() for larger
		 * results.
		 */
		private int maxRecords = 1000;

		/**
		 * Number of records a cursor stream fetches per getRecordsFromCursor call.
		 */
		private int fetchSize = 500;

		/**
		 * Most records or keys sent in one insertRecords, updateRecords, deleteRecords or
		 * getRecordsByIds action. Larger writes outside a transaction run in one
		 * transaction of their own.
		 */
		private int batchSize = 500;

		/**
		 * How binary values travel as JSON strings, sent with every request.
		 */
		private BinaryFormat binaryFormat = BinaryFormat.BASE64;

		/**
		 * How the server writes numbers in record results, sent with every request. String
		 * keeps number and money values exact.
		 */
		private NumberFormat numberFormat = NumberFormat.STRING;

		private final Bulk bulk = new Bulk();

		/**
		 * Return the default limit of list-returning calls.
		 * @return the limit
		 */
		public int getMaxRecords() {
			return this.maxRecords;
		}

		/**
		 * Set the default limit of list-returning calls.
		 * @param maxRecords the limit
		 */
		public void setMaxRecords(int maxRecords) {
			this.maxRecords = maxRecords;
		}

		/**
		 * Return the number of records per cursor page.
		 * @return the fetch size
		 */
		public int getFetchSize() {
			return this.fetchSize;
		}

		/**
		 * Set the number of records per cursor page.
		 * @param fetchSize the fetch size
		 */
		public void setFetchSize(int fetchSize) {
			this.fetchSize = fetchSize;
		}

		/**
		 * Return the most records per write action.
		 * @return the batch size
		 */
		public int getBatchSize() {
			return this.batchSize;
		}

		/**
		 * Set the most records per write action.
		 * @param batchSize the batch size
		 */
		public void setBatchSize(int batchSize) {
			this.batchSize = batchSize;
		}

		/**
		 * Return how binary values travel.
		 * @return the binary format
		 */
		public BinaryFormat getBinaryFormat() {
			return this.binaryFormat;
		}

		/**
		 * Set how binary values travel.
		 * @param binaryFormat the binary format
		 */
		public void setBinaryFormat(BinaryFormat binaryFormat) {
			this.binaryFormat = binaryFormat;
		}

		/**
		 * Return how the server writes numbers in record results.
		 * @return the number format
		 */
		public NumberFormat getNumberFormat() {
			return this.numberFormat;
		}

		/**
		 * Set how the server writes numbers in record results.
		 * @param numberFormat the number format
		 */
		public void setNumberFormat(NumberFormat numberFormat) {
			this.numberFormat = numberFormat;
		}

		/**
		 * Return the settings of the bulk loader.
		 * @return the bulk settings
		 */
		public Bulk getBulk() {
			return this.bulk;
		}

		/**
		 * Settings of the bulk loader (db().bulkInsert, db().bulkUpdate); the defaults are
		 * those of BulkSettings.
		 */
		public static class Bulk {

			/**
			 * Number of lanes a resumable bulk load writes through, each on one pooled
			 * connection at a time; keep it at most faircom.pool.max-connections.
			 */
			private int lanes = BulkSettings.DEFAULT_LANES;

			/**
			 * Size of JSON a batch aims at.
			 */
			private DataSize targetBatchSize = DataSize.ofBytes(BulkSettings.DEFAULT_TARGET_BATCH_BYTES);

			/**
			 * Fewest records per batch, however large the records or slow the batches.
			 */
			private int minBatchRecords = BulkSettings.DEFAULT_MIN_BATCH_RECORDS;

			/**
			 * Most records per batch, however small the records.
			 */
			private int maxBatchRecords = BulkSettings.DEFAULT_MAX_BATCH_RECORDS;

			/**
			 * Longest a batch's write should take: slower batches halve the batch size.
			 */
			private Duration latencyBudget = BulkSettings.DEFAULT_LATENCY_BUDGET;

			/**
			 * Return the number of lanes of a resumable load.
			 * @return the lanes
			 */
			public int getLanes() {
				return this.lanes;
			}

			/**
			 * Set the number of lanes of a resumable load.
			 * @param lanes the lanes
			 */
			public void setLanes(int lanes) {
				this.lanes = lanes;
			}

			/**
			 * Return the size of JSON a batch aims at.
			 * @return the size
			 */
			public DataSize getTargetBatchSize() {
				return this.targetBatchSize;
			}

			/**
			 * Set the size of JSON a batch aims at.
			 * @param targetBatchSize the size
			 */
			public void setTargetBatchSize(DataSize targetBatchSize) {
				this.targetBatchSize = targetBatchSize;
			}

			/**
			 * Return the fewest records per batch.
			 * @return the fewest records
			 */
			public int getMinBatchRecords() {
				return this.minBatchRecords;
			}

			/**
			 * Set the fewest records per batch.
			 * @param minBatchRecords the fewest records
			 */
			public void setMinBatchRecords(int minBatchRecords) {
				this.minBatchRecords = minBatchRecords;
			}

			/**
			 * Return the most records per batch.
			 * @return the most records
			 */
			public int getMaxBatchRecords() {
				return this.maxBatchRecords;
			}

			/**
			 * Set the most records per batch.
			 * @param maxBatchRecords the most records
			 */
			public void setMaxBatchRecords(int maxBatchRecords) {
				this.maxBatchRecords = maxBatchRecords;
			}

			/**
			 * Return the longest a batch's write should take.
			 * @return the latency budget
			 */
			public Duration getLatencyBudget() {
				return this.latencyBudget;
			}

			/**
			 * Set the longest a batch's write should take.
			 * @param latencyBudget the latency budget
			 */
			public void setLatencyBudget(Duration latencyBudget) {
				this.latencyBudget = latencyBudget;
			}

		}

	}

	/**
	 * FairCom error codes that become typed exceptions.
	 */
	public static class ErrorCodes {

		/**
		 * Error codes raised as FairComDuplicateKeyException. 2 is c-tree's documented
		 * KDUP_ERR.
		 */
		private List<Integer> duplicateKey = new ArrayList<>(List.of(2));

		/**
		 * Error codes raised as FairComNotFoundException. 4046 is the documented "Key not
		 * found".
		 */
		private List<Integer> notFound = new ArrayList<>(List.of(4046));

		/**
		 * Error codes raised as FairComChangeIdConflictException. FairCom does not
		 * document the code of a changeId conflict, so none is set by default.
		 */
		private List<Integer> changeIdConflict = new ArrayList<>();

		/**
		 * Return the duplicate-key codes.
		 * @return the codes
		 */
		public List<Integer> getDuplicateKey() {
			return this.duplicateKey;
		}

		/**
		 * Set the duplicate-key codes.
		 * @param duplicateKey the codes
		 */
		public void setDuplicateKey(List<Integer> duplicateKey) {
			this.duplicateKey = duplicateKey;
		}

		/**
		 * Return the not-found codes.
		 * @return the codes
		 */
		public List<Integer> getNotFound() {
			return this.notFound;
		}

		/**
		 * Set the not-found codes.
		 * @param notFound the codes
		 */
		public void setNotFound(List<Integer> notFound) {
			this.notFound = notFound;
		}

		/**
		 * Return the changeId-conflict codes.
		 * @return the codes
		 */
		public List<Integer> getChangeIdConflict() {
			return this.changeIdConflict;
		}

		/**
		 * Set the changeId-conflict codes.
		 * @param changeIdConflict the codes
		 */
		public void setChangeIdConflict(List<Integer> changeIdConflict) {
			this.changeIdConflict = changeIdConflict;
		}

	}

}
