package io.github.faircomclient.test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Supplier;

import io.github.faircomclient.test.spi.ActionContext;
import io.github.faircomclient.test.spi.ActionDefinition;
import io.github.faircomclient.test.spi.ActionDefinition.DebugInfoPolicy;
import io.github.faircomclient.test.spi.ActionException;
import io.github.faircomclient.test.spi.ActionHandler;
import io.github.faircomclient.test.spi.ActionRegistry;
import io.github.faircomclient.test.spi.ActionResult;
import io.github.faircomclient.test.spi.Parameters;
import io.github.faircomclient.test.CompatibilityProfile.UnknownTokenDelete;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The admin API's session actions: createSession, deleteSession, pingSession, alterSession,
 * listSessions and describeSessions.
 */
final class AdminActions {

	static final String API = "admin";

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT);

	private static final Map<String, String> VARIANT_FORMATS = canonical("json", "binary", "variantObject", "string");

	private static final Map<String, String> BINARY_FORMATS = canonical("hex", "base64", "byteArray");

	private static final Map<String, Set<String>> RESPONSE_OPTION_VALUES = Map.of("binaryFormat",
			Set.of("hex", "base64", "bytearray"), "dataFormat", Set.of("objects", "arrays", "default"), "numberFormat",
			Set.of("number", "string"));

	private final SessionRegistry sessions;

	private final Accounts accounts;

	private final SessionDefaults defaults;

	private final boolean permanentSessionsEnabled;

	private final Supplier<HostInfo> hostInfo;

	AdminActions(SessionRegistry sessions, Accounts accounts, SessionDefaults defaults, boolean permanentSessionsEnabled,
			Supplier<HostInfo> hostInfo) {
		this.sessions = sessions;
		this.accounts = accounts;
		this.defaults = defaults;
		this.permanentSessionsEnabled = permanentSessionsEnabled;
		this.hostInfo = hostInfo;
	}

	void registerIn(ActionRegistry registry) {
		registry.register(sessionAction("createSession", this::createSession).requiresSession(false).build());
		registry.register(sessionAction("deleteSession", this::deleteSession).requiresSession(false).build());
		registry.register(sessionAction("pingSession", this::pingSession).requiresSession(false)
			.debugInfoPolicy(DebugInfoPolicy.ERRORS_WHEN_DEBUGGING)
			.build());
		registry.register(sessionAction("alterSession", this::alterSession).build());
		registry.register(sessionAction("listSessions", this::listSessions).build());
		registry.register(sessionAction("describeSessions", this::describeSessions).build());
	}

	private static ActionDefinition.Builder sessionAction(String action, ActionHandler handler) {
		return ActionDefinition.builder(API, action, handler).availableInEveryApi(true);
	}

	private ActionResult createSession(ActionContext context) {
		Parameters params = context.params();
		Optional<String> username = params.string("username");
		Optional<String> password = params.string("password");
		Account account;
		if (username.isPresent() || password.isPresent()) {
			String name = username.orElseThrow(() -> ActionException.of(ProvisionalChoice.MISSING_PARAMETER, "username"));
			String secret = password.orElseThrow(() -> ActionException.of(ProvisionalChoice.MISSING_PARAMETER, "password"));
			account = this.accounts.authenticate(name, secret);
			if (account == null) {
				throw ActionException.of(ProvisionalChoice.BAD_CREDENTIALS);
			}
		}
		else {
			String commonName = context.clientCertificateCommonName()
				.orElseThrow(() -> ActionException.of(ProvisionalChoice.NO_CREDENTIALS));
			account = this.accounts.find(commonName);
			if (account == null) {
				throw ActionException.of(ProvisionalChoice.UNKNOWN_CERTIFICATE_ACCOUNT, commonName);
			}
		}
		if (!account.isEnabledAt(context.clock().now(), context.clock().zone())) {
			throw ActionException.of(ProvisionalChoice.ACCOUNT_DISABLED, account.name(), account.enableDatetime(),
					account.disableDatetime());
		}
		boolean permanent = params.lenientBool("permanentSession").orElse(false);
		if (permanent && !this.permanentSessionsEnabled) {
			throw ActionException.of(ProvisionalChoice.PERMANENT_SESSIONS_DISABLED);
		}
		SessionSettings settings = applySettings(SessionSettings.from(this.defaults), params);
		LiveSession session = this.sessions.create(account.name(), context.clientAddress(), permanent, settings);
		if (this.accounts.find(account.name()) == null) {
			// dropAccounts ran meanwhile and may have missed this session
			this.sessions.delete(session.authToken());
			throw ActionException.of(ProvisionalChoice.BAD_CREDENTIALS);
		}
		return ActionResult.success(describe(session)).withAuthToken(session.authToken());
	}

	private ActionResult deleteSession(ActionContext context) {
		String token = context.authToken();
		if (token != null && this.sessions.delete(token)) {
			return ActionResult.success();
		}
		if (context.profile().unknownTokenDelete() == UnknownTokenDelete.SUCCESS_WITH_WARNING) {
			return ActionResult.successWithoutResult()
				.withWarning(ResponseEnvelope.SESSION_GONE_CODE, ResponseEnvelope.SESSION_GONE_WARNING);
		}
		return ActionResult.sessionGone();
	}

	private ActionResult pingSession(ActionContext context) {
		if (context.authToken() != null && context.session() == null) {
			return ActionResult.sessionGone();
		}
		return ActionResult.success();
	}

	private ActionResult alterSession(ActionContext context) {
		Parameters params = context.params();
		for (String fixed : List.of("username", "password", "permanentSession")) {
			if (params.has(fixed)) {
				throw ActionException.of(ProvisionalChoice.PARAMETER_NOT_ALTERABLE, fixed);
			}
		}
		LiveSession session = (LiveSession) context.requiredSession();
		session.settings(applySettings(session.settings(), params));
		return ActionResult.success(describe(session));
	}

	private ActionResult listSessions(ActionContext context) {
		List<String> filter = context.params().stringList("usernameFilter").orElse(List.of());
		ObjectNode result = JsonNodeFactory.instance.objectNode();
		ArrayNode list = result.putArray("sessions");
		for (LiveSession session : this.sessions.live()) {
			if (filter.isEmpty() || filter.stream().anyMatch((name) -> name.equalsIgnoreCase(session.username()))) {
				list.addObject()
					.put("username", session.username())
					.put("description", session.description())
					.put("authToken", session.authToken());
			}
		}
		return ActionResult.success(result);
	}

	private ActionResult describeSessions(ActionContext context) {
		String caller = context.requiredSession().username();
		Optional<List<String>> tokens = context.params().stringList("authTokens");
		ObjectNode result = JsonNodeFactory.instance.objectNode();
		ArrayNode list = result.putArray("sessions");
		if (tokens.isPresent()) {
			for (String token : tokens.get()) {
				LiveSession session = this.sessions.find(token);
				if (session != null && session.username().equalsIgnoreCase(caller)) {
					list.add(describe(session));
				}
			}
		}
		else {
			for (LiveSession session : this.sessions.live()) {
				if (session.username().equalsIgnoreCase(caller)) {
					list.add(describe(session));
				}
			}
		}
		return ActionResult.success(result);
	}

	/**
	 * The full session object of createSession, alterSession and describeSessions (newest documented shape).
	 */
	ObjectNode describe(LiveSession session) {
		SessionSettings settings = session.settings();
		HostInfo host = this.hostInfo.get();
		ObjectNode node = JsonNodeFactory.instance.objectNode();
		node.put("authToken", session.authToken());
		node.put("username", session.username());
		node.put("description", settings.description());
		node.put("defaultDatabaseName", settings.defaultDatabaseName());
		node.put("defaultOwnerName", settings.defaultOwnerName());
		node.put("defaultBinaryFormat", settings.defaultBinaryFormat());
		node.put("defaultVariantFormat", settings.defaultVariantFormat());
		node.put("defaultStringFormat", "json");
		node.put("defaultFixedLengthCharFormat", "sql");
		node.set("defaultResponseOptions", settings.defaultResponseOptions().deepCopy());
		node.put("idleConnectionTimeoutSeconds", settings.idleConnectionTimeoutSeconds());
		node.put("idleCursorTimeoutSeconds", settings.idleCursorTimeoutSeconds());
		node.put("defaultApi", settings.defaultApi());
		node.put("defaultDebug", settings.defaultDebug());
		node.put("transformBufferInitialBytes", 0);
		node.put("permanentSession", session.permanent());
		node.put("sessionStartTimestamp", timestamp(session.createdAt()));
		node.put("sessionLastAccessedTimestamp", timestamp(session.lastAccessedAt()));
		node.put("defaultRetentionPolicy", "autoPurge");
		node.put("defaultRetentionUnit", "week");
		node.put("defaultRetentionPeriod", 4);
		node.put("serverVersion", host.serverVersion());
		node.put("hostname", host.hostname());
		node.put("hostUuid", host.hostUuid());
		ArrayNode addresses = node.putArray("hostIpAddresses");
		host.hostIpAddresses().forEach(addresses::add);
		node.put("hostServerNamePort", host.hostServerNamePort());
		node.put("hostSQLPort", host.hostSqlPort());
		return node;
	}

	private String timestamp(Instant instant) {
		EmulatorClock clock = this.sessions.clock();
		return TIMESTAMP.format(LocalDateTime.ofInstant(instant, clock.zone()));
	}

	private static SessionSettings applySettings(SessionSettings base, Parameters params) {
		String description = params.string("description").orElse(base.description());
		String defaultApi = params.string("defaultApi")
			.map((api) -> oneOf("defaultApi", api, SessionDefaults.APIS))
			.orElse(base.defaultApi());
		String defaultDebug = params.string("defaultDebug")
			.map((debug) -> oneOf("defaultDebug", debug, SessionDefaults.DEBUG_LEVELS))
			.orElse(base.defaultDebug());
		String databaseName = params.string("defaultDatabaseName").orElse(base.defaultDatabaseName());
		String ownerName = params.string("defaultOwnerName").orElse(base.defaultOwnerName());
		String binaryFormat = params.string("defaultBinaryFormat")
			.map((format) -> canonicalOneOf("defaultBinaryFormat", format, BINARY_FORMATS))
			.orElse(base.defaultBinaryFormat());
		String variantFormat = params.string("defaultVariantFormat")
			.map((format) -> canonicalOneOf("defaultVariantFormat", format, VARIANT_FORMATS))
			.orElse(base.defaultVariantFormat());
		ObjectNode responseOptions = base.defaultResponseOptions();
		Optional<ObjectNode> givenOptions = params.object("defaultResponseOptions");
		if (givenOptions.isPresent()) {
			validateResponseOptions(givenOptions.get());
			responseOptions = SessionDefaults.overlay(responseOptions, givenOptions.get());
		}
		int idleConnection = atLeast(params, "idleConnectionTimeoutSeconds", 0, base.idleConnectionTimeoutSeconds());
		int idleCursor = atLeast(params, "idleCursorTimeoutSeconds", -1, base.idleCursorTimeoutSeconds());
		return new SessionSettings(description, defaultApi, defaultDebug, databaseName, ownerName, binaryFormat,
				variantFormat, responseOptions, idleConnection, idleCursor);
	}

	private static void validateResponseOptions(ObjectNode options) {
		RESPONSE_OPTION_VALUES.forEach((name, allowed) -> {
			JsonNode value = options.get(name);
			if (value == null || value.isNull()) {
				return;
			}
			if (!value.isString()) {
				throw ActionException.of(ProvisionalChoice.PROPERTY_WRONG_TYPE, "params.defaultResponseOptions." + name,
						"a string");
			}
			oneOf("defaultResponseOptions." + name, value.stringValue(), allowed);
		});
	}

	private static int atLeast(Parameters params, String name, int minimum, int fallback) {
		OptionalInt value = params.integer(name);
		if (value.isPresent() && value.getAsInt() < minimum) {
			throw ActionException.of(ProvisionalChoice.INVALID_PROPERTY_VALUE, "params." + name,
					value.getAsInt() + "; the minimum is " + minimum);
		}
		return value.orElse(fallback);
	}

	private static String oneOf(String name, String value, Set<String> allowed) {
		String normalized = value.trim().toLowerCase(Locale.ROOT);
		if (!allowed.contains(normalized)) {
			throw ActionException.of(ProvisionalChoice.INVALID_PROPERTY_VALUE, "params." + name,
					"\"" + value + "\"; use one of " + String.join(", ", new java.util.TreeSet<>(allowed)));
		}
		return normalized;
	}

	private static String canonicalOneOf(String name, String value, Map<String, String> allowed) {
		String canonical = allowed.get(value.trim().toLowerCase(Locale.ROOT));
		if (canonical == null) {
			throw ActionException.of(ProvisionalChoice.INVALID_PROPERTY_VALUE, "params." + name,
					"\"" + value + "\"; use one of " + String.join(", ", new java.util.TreeSet<>(allowed.values())));
		}
		return canonical;
	}

	private static Map<String, String> canonical(String... values) {
		java.util.Map<String, String> map = new java.util.HashMap<>();
		for (String value : values) {
			map.put(value.toLowerCase(Locale.ROOT), value);
		}
		return Map.copyOf(map);
	}

	/**
	 * What the session object reports about the server host.
	 */
	record HostInfo(String serverVersion, String hostname, String hostUuid, List<String> hostIpAddresses,
			String hostServerNamePort, String hostSqlPort) {
	}

}
