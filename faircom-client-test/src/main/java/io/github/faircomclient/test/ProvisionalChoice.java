package io.github.faircomclient.test;

import java.util.Locale;

/**
 * THE table of provisional choices: every behaviour of the emulator that FairCom's documentation and
 * public client code do not confirm (the {@code [I]} facts of {@code faircom-protocol.md}), including every
 * error code and message the emulator had to invent. The module README mirrors this table.
 *
 * <p>Error rows carry an error code (all in the 99001..99099 band so nobody mistakes them for FairCom
 * codes), the HTTP status they are sent with, and a message template. Behaviour rows have error code 0
 * and describe the choice. Do not build client logic on the codes of error rows: a real server uses
 * other, unknown codes.
 */
public enum ProvisionalChoice {

	/**
	 * The body does not parse as JSON.
	 */
	REQUEST_NOT_JSON(99001, 200, "The request body is not valid JSON: %s"),

	/**
	 * The body is JSON, but not an object.
	 */
	REQUEST_NOT_OBJECT(99002, 200, "The request body must be a JSON object, not %s."),

	/**
	 * The request has no {@code action}, or an empty one.
	 */
	MISSING_ACTION(99003, 200, "The request has no 'action' property; name the action to run, e.g. \"action\": \"pingSession\"."),

	/**
	 * A request property or parameter has the wrong JSON type.
	 */
	PROPERTY_WRONG_TYPE(99004, 200, "Property '%s' must be %s."),

	/**
	 * A request property or parameter has a value outside its documented range.
	 */
	INVALID_PROPERTY_VALUE(99005, 200, "Property '%s' has an invalid value: %s"),

	/**
	 * The {@code api} names no API of this server.
	 */
	UNKNOWN_API(99006, 200, "Unknown api '%s'; this server offers %s."),

	/**
	 * The api exists but has no such action.
	 */
	UNKNOWN_ACTION(99007, 200, "Unknown action '%s' in api '%s'."),

	/**
	 * A required parameter is missing.
	 */
	MISSING_PARAMETER(99008, 200, "Missing required parameter '%s'."),

	/**
	 * createSession with a wrong password or an unknown account (the message does not say which).
	 */
	BAD_CREDENTIALS(99010, 200, "Invalid username or password."),

	/**
	 * createSession with neither username/password nor a client certificate.
	 */
	NO_CREDENTIALS(99011, 200,
			"createSession needs 'username' and 'password' in params, or a client certificate presented over TLS."),

	/**
	 * Client-certificate login whose subject CN names no account.
	 */
	UNKNOWN_CERTIFICATE_ACCOUNT(99012, 200,
			"The client certificate's subject CN '%s' does not name an account on this server."),

	/**
	 * {@code permanentSession: true} while permanent sessions are disabled.
	 */
	PERMANENT_SESSIONS_DISABLED(99013, 200,
			"Permanent sessions are disabled on this server (services.json jsonActionApiDefaults.enablePermanentJsonApiSessions); omit 'permanentSession' or enable them."),

	/**
	 * The server-wide session cap ({@code maxJsonApiSessions}) is reached.
	 */
	SESSION_LIMIT_TOTAL(99014, 200,
			"The server already has %d sessions (maxJsonApiSessions); delete unused sessions with deleteSession."),

	/**
	 * The per-account session cap ({@code maxJsonApiSessionsPerUsername}) is reached.
	 */
	SESSION_LIMIT_PER_USER(99015, 200,
			"Account '%s' already has %d sessions (maxJsonApiSessionsPerUsername); delete unused sessions with deleteSession."),

	/**
	 * The per-address session cap ({@code maxJsonApiSessionsPerIpAddress}) is reached.
	 */
	SESSION_LIMIT_PER_IP(99016, 200,
			"Client address %s already has %d sessions (maxJsonApiSessionsPerIpAddress); delete unused sessions with deleteSession."),

	/**
	 * alterSession asked to change something that cannot change (username, password, permanentSession).
	 */
	PARAMETER_NOT_ALTERABLE(99017, 200, "alterSession cannot change '%s'; create a new session instead."),

	/**
	 * The body is larger than the configured cap (16 MB by default); sent with HTTP 413.
	 */
	REQUEST_TOO_LARGE(99020, 413, "The request body exceeds the limit of %d bytes."),

	/**
	 * The body did not arrive within the request timeout (10 s by default, like services.json
	 * {@code connRequestTimeout}); sent with HTTP 408 and the connection is closed.
	 */
	REQUEST_TIMEOUT(99021, 408, "The request body was not received within %d ms."),

	/**
	 * A path other than {@code /api} or {@code /api/...}; sent with HTTP 404.
	 */
	NOT_FOUND(99022, 404, "No JSON Action endpoint at '%s'; send requests to POST /api."),

	/**
	 * A method other than POST on the endpoint; sent with HTTP 405 and {@code Allow: POST}.
	 */
	METHOD_NOT_ALLOWED(99023, 405, "Method %s is not allowed here; send requests with POST."),

	/**
	 * An HTTP-level error detected by Jetty (malformed request line, headers too large, ...); sent with
	 * Jetty's status.
	 */
	HTTP_PROTOCOL_ERROR(99024, 400, "HTTP error %d: %s"),

	/**
	 * A bug in the emulator or in a plugin's handler; sent with HTTP 500.
	 */
	INTERNAL_ERROR(99099, 500, "Internal emulator error: %s"),

	/**
	 * jsonAction-level errors (including 12031) come back in HTTP 200 with a non-zero {@code errorCode},
	 * as faircom-protocol.md recommends, unless the profile asks for 401. HTTP-level problems (404, 405,
	 * 408, 413, 500) also carry a JSON envelope.
	 */
	HTTP_STATUS("jsonAction errors come in HTTP 200 (profile UNAUTHORIZED_401: session errors in 401); HTTP-level errors (404, 405, 408, 413, 500) carry a JSON envelope too."),

	/**
	 * Requests are accepted on {@code /api} and on any {@code /api/<anything>} (a public client posts to
	 * {@code /api/db}).
	 */
	API_PATHS("POST /api and POST /api/<anything> are both accepted."),

	/**
	 * How the api of a request is found.
	 */
	API_RESOLUTION("A missing or empty 'api' means the session's defaultApi (without a session: none); if that api lacks the action, the one api that has it is used."),

	/**
	 * The six session actions answer under every api (the legacy pingSession example uses api "db").
	 */
	SESSION_ACTIONS_IN_EVERY_API("createSession, deleteSession, pingSession, alterSession, listSessions and describeSessions answer under any api, not only 'admin'."),

	/**
	 * Unknown properties are ignored.
	 */
	UNKNOWN_PROPERTIES("Unknown top-level request properties (e.g. the legacy 'schema') and unknown params are ignored."),

	/**
	 * The effective debug level.
	 */
	DEBUG_LEVEL("A request without 'debug' uses its session's defaultDebug (without a session: \"none\"); \"none\", \"min\" and \"max\" are accepted (case-insensitive); anything but \"none\" pretty-prints the answer."),

	/**
	 * When {@code debugInfo} appears.
	 */
	DEBUG_INFO("debugInfo {request echo, warnings} is added when debug is not \"none\", on every error and whenever there are warnings; warnings are omitted when empty. pingSession (as documented) adds it only to errors of requests with debug."),

	/**
	 * The warning object shape.
	 */
	WARNING_SHAPE("Warnings are {\"code\": n, \"message\": \"...\"} (the shape of the documented examples), not {warningCode, warningMessage, warningData}."),

	/**
	 * Passwords are not echoed.
	 */
	PASSWORD_ECHO("In the debugInfo.request echo, params.password is replaced by \"********\"."),

	/**
	 * Account names.
	 */
	ACCOUNT_NAMES("Account names are case-insensitive; a session reports the account's configured spelling (login 'admin' gives username 'ADMIN')."),

	/**
	 * Client-certificate login.
	 */
	CLIENT_CERTIFICATE_LOGIN("createSession without username and password, over TLS with a client certificate, logs in as the account named by the certificate subject's CN (the account must exist). Given username/password take precedence."),

	/**
	 * Server-side session defaults.
	 */
	SESSION_DEFAULTS("Sessions default to the documented services.json jsonActionApiDefaults: defaultApi hub, defaultDatabaseName faircom, defaultOwnerName admin, defaultDebug max, defaultBinaryFormat hex, defaultVariantFormat json, defaultResponseOptions {binaryFormat hex, dataFormat objects, numberFormat number, ...}, idle timeouts 3600/600 s; configurable (SessionDefaults)."),

	/**
	 * Response option defaults merge.
	 */
	RESPONSE_OPTIONS_MERGE("A session's defaultResponseOptions are the server defaults overlaid with the given ones; alterSession overlays the given ones on the current ones. A request's responseOptions overlay the session's."),

	/**
	 * Host information in the session object.
	 */
	HOST_INFO("Session objects report serverVersion \"FairCom JSON Action API emulator\", hostname \"localhost\", a random hostUuid per emulator, hostIpAddresses [bind address], hostServerNamePort \"5597\", hostSQLPort \"6597\"."),

	/**
	 * Idle expiry.
	 */
	IDLE_EXPIRY("A temporary session expires once it has been idle for idleConnectionTimeoutSeconds (at exactly that age); 0 never expires. Every request that runs an action with the session is activity."),

	/**
	 * Timestamps.
	 */
	TIMESTAMPS("sessionStartTimestamp/sessionLastAccessedTimestamp are local times YYYY-MM-DDTHH:MM:SS in the emulator clock's zone (system zone; UTC for fixed test clocks)."),

	/**
	 * listSessions scope.
	 */
	LIST_SESSIONS_SCOPE("listSessions lists the sessions of every account (filtered by usernameFilter, case-insensitive), oldest first."),

	/**
	 * describeSessions scope.
	 */
	DESCRIBE_SESSIONS_SCOPE("describeSessions without authTokens describes the caller account's sessions; with authTokens, those of the listed sessions that belong to the caller's account (others are skipped silently)."),

	/**
	 * Actions needing a session without a token.
	 */
	MISSING_TOKEN("An action that needs a session but has no (or an empty) authToken gets the profile's invalid-session answer (12031 by default); deleteSession without a token is treated like an unknown token."),

	/**
	 * Profile-specific invalid-session answers.
	 */
	SESSION_GONE_ANSWERS("Profile UNAUTHORIZED_401 sends the 12031 JSON with HTTP 401. Profile LEGACY answers invalid sessions in the documented legacy shape (schema, echoed api/apiVersion/action/params, result {}, debugInfo {}, errorCode -1); other answers keep the current shape."),

	/**
	 * Permanent sessions and restarts.
	 */
	PERMANENT_SESSIONS("Permanent sessions keep token and settings across stop()/restart() of the same emulator instance (not across JVMs) but lose attachments such as cursors and transactions; they never idle out; faults().expireAllSessions() ends them too."),

	/**
	 * Session cap counting.
	 */
	SESSION_CAPS("The caps (1024 total, 50 per account, 50 per client address by default) count every live session, permanent ones included."),

	/**
	 * Request limits.
	 */
	REQUEST_LIMITS("Request bodies are capped at 16 MB and must arrive within 10 s; idle keep-alive connections are closed after 30 s (services.json connInactiveTimeout); all configurable."),

	/**
	 * alterSession validation.
	 */
	ALTER_SESSION("alterSession rejects username, password and permanentSession; it answers the full new session object."),

	/**
	 * Token placement outside createSession.
	 */
	TOKEN_ECHO("Every answer echoes the request's authToken at the top level (pingSession only on errors, as documented); the token-placement profile only decides whether createSession also puts the new token at the top level.");

	private final int errorCode;

	private final int httpStatus;

	private final String text;

	ProvisionalChoice(int errorCode, int httpStatus, String messageTemplate) {
		this.errorCode = errorCode;
		this.httpStatus = httpStatus;
		this.text = messageTemplate;
	}

	ProvisionalChoice(String choice) {
		this(0, 200, choice);
	}

	/**
	 * Whether this row is an invented error (rather than a behaviour).
	 * @return {@code true} for error rows
	 */
	public boolean isError() {
		return this.errorCode != 0;
	}

	/**
	 * The invented error code.
	 * @return the code, or 0 for a behaviour row
	 */
	public int errorCode() {
		return this.errorCode;
	}

	/**
	 * The HTTP status the error is sent with.
	 * @return the status (200 for jsonAction-level errors and behaviour rows)
	 */
	public int httpStatus() {
		return this.httpStatus;
	}

	/**
	 * For error rows the message template ({@link String#format} placeholders); for behaviour rows the
	 * description of the choice.
	 * @return the text
	 */
	public String text() {
		return this.text;
	}

	/**
	 * The error message with its placeholders filled in.
	 * @param arguments values for the template's placeholders
	 * @return the message
	 * @throws IllegalStateException for a behaviour row
	 */
	public String message(Object... arguments) {
		if (!isError()) {
			throw new IllegalStateException(name() + " is not an error");
		}
		return String.format(Locale.ROOT, this.text, arguments);
	}

}
