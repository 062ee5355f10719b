package io.github.faircomclient.test;

import java.security.cert.X509Certificate;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

import io.github.faircomclient.test.spi.ActionContext;
import io.github.faircomclient.test.spi.ActionDefinition;
import io.github.faircomclient.test.spi.ActionDefinition.DebugInfoPolicy;
import io.github.faircomclient.test.spi.ActionException;
import io.github.faircomclient.test.spi.ActionResult;
import io.github.faircomclient.test.spi.Parameters;
import io.github.faircomclient.test.spi.Session;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns one request body into one answer, independent of the transport: parse, validate the envelope,
 * count the action, find the session and the handler, run it, and render the envelope.
 */
final class RequestProcessor {

	private static final Logger logger = LoggerFactory.getLogger(RequestProcessor.class);

	private final ActionTable actions;

	private final SessionRegistry sessions;

	private final ActionCounter counter;

	private final Supplier<CompatibilityProfile> profile;

	private final SessionDefaults defaults;

	private final Services services;

	RequestProcessor(ActionTable actions, SessionRegistry sessions, ActionCounter counter,
			Supplier<CompatibilityProfile> profile, SessionDefaults defaults, Services services) {
		this.actions = actions;
		this.sessions = sessions;
		this.counter = counter;
		this.profile = profile;
		this.defaults = defaults;
		this.services = services;
	}

	/**
	 * Processes a request.
	 * @param body the raw body
	 * @param client who sent it
	 * @return the answer to send
	 */
	ResponseEnvelope.Answer process(byte[] body, ClientInfo client) {
		CompatibilityProfile currentProfile = this.profile.get();
		ObjectNode request;
		try {
			request = parse(body);
		}
		catch (ActionException ex) {
			return ResponseEnvelope.render(null, DebugInfoPolicy.STANDARD, ex.toResult(), "none", currentProfile, null);
		}
		String debug = "none";
		String label = "-";
		try {
			String action = action(request);
			label = label(optionalString(request, "api"), action);
			count(action);
			validateEnvelope(request);
			String requestedDebug = requestedDebug(request);
			if (requestedDebug != null) {
				debug = requestedDebug;
			}
			String token = request.path("authToken").isString() ? request.get("authToken").stringValue() : "";
			LiveSession session = token.isEmpty() ? null : this.sessions.find(token);
			if (requestedDebug == null && session != null) {
				debug = session.defaultDebug();
			}
			ActionDefinition definition = this.actions.resolve(optionalString(request, "api"),
					(session != null) ? session.defaultApi() : null, action);
			label = definition.api() + "/" + definition.action();
			ObjectNode responseOptions = SessionDefaults.overlay(
					(session != null) ? session.defaultResponseOptions() : this.defaults.defaultResponseOptions(),
					request.path("responseOptions"));
			ActionResult result;
			if (definition.requiresSession() && session == null) {
				result = ActionResult.sessionGone();
			}
			else {
				this.services.requireRunning(definition.api());
				if (session != null) {
					this.sessions.touch(session);
				}
				RequestContext context = new RequestContext(request, definition, token.isEmpty() ? null : token, session,
						responseOptions, debug, client, this.sessions.clock(), currentProfile);
				result = invoke(definition, context);
			}
			return ResponseEnvelope.render(request, definition.debugInfoPolicy(), result, debug, currentProfile,
					responseOptions).labelled(label);
		}
		catch (ActionException ex) {
			return ResponseEnvelope.render(request, DebugInfoPolicy.STANDARD, ex.toResult(), debug, currentProfile,
					request.path("responseOptions")).labelled(label);
		}
	}

	/**
	 * What a request asked for, as the request log shows it: letters, digits, '_', '-' and '.' only, at most
	 * 64 characters per part.
	 */
	private static String label(@Nullable String api, String action) {
		String apiPart = (api == null || api.isBlank()) ? "-" : printable(api.trim());
		return apiPart + "/" + printable(action);
	}

	private static String printable(String text) {
		String head = (text.length() > 64) ? text.substring(0, 61) + "..." : text;
		return head.replaceAll("[^A-Za-z0-9_.-]", "?");
	}

	/**
	 * Counts the action of a request that will not be executed (a fault answers it instead).
	 * @param body the raw body
	 * @return what the request asked for, as the request log shows it
	 */
	String countOnly(byte[] body) {
		try {
			ObjectNode request = parse(body);
			String action = action(request);
			count(action);
			return label(optionalString(request, "api"), action);
		}
		catch (ActionException ex) {
			return "-";
		}
	}

	private ActionResult invoke(ActionDefinition definition, RequestContext context) {
		try {
			ActionResult result = definition.handler().handle(context);
			if (result == null) {
				throw new IllegalStateException("Handler of " + definition + " returned null");
			}
			return result;
		}
		catch (ActionException ex) {
			return ex.toResult();
		}
		catch (RuntimeException ex) {
			logger.error("Handler of {} failed", definition, ex);
			return ActionException.of(ProvisionalChoice.INTERNAL_ERROR, ex.toString()).toResult();
		}
	}

	private void count(String action) {
		String canonical = this.actions.canonicalName(action);
		this.counter.count(action, (canonical != null) ? canonical : action);
	}

	private static ObjectNode parse(byte[] body) {
		JsonNode node;
		try {
			node = Json.MAPPER.readTree(body);
		}
		catch (JacksonException ex) {
			String detail = String.valueOf(ex.getOriginalMessage());
			throw ActionException.of(ProvisionalChoice.REQUEST_NOT_JSON,
					(detail.length() > 150) ? detail.substring(0, 147) + "..." : detail);
		}
		if (node == null || node.isMissingNode()) {
			throw ActionException.of(ProvisionalChoice.REQUEST_NOT_JSON, "the body is empty");
		}
		if (!(node instanceof ObjectNode object)) {
			throw ActionException.of(ProvisionalChoice.REQUEST_NOT_OBJECT, describe(node));
		}
		return object;
	}

	private static String action(ObjectNode request) {
		JsonNode action = request.get("action");
		if (action == null || action.isNull()) {
			throw ActionException.of(ProvisionalChoice.MISSING_ACTION);
		}
		if (!action.isString()) {
			throw ActionException.of(ProvisionalChoice.PROPERTY_WRONG_TYPE, "action", "a string");
		}
		String name = action.stringValue().trim();
		if (name.isEmpty()) {
			throw ActionException.of(ProvisionalChoice.MISSING_ACTION);
		}
		return name;
	}

	private static void validateEnvelope(ObjectNode request) {
		requireType(request, "api", JsonNode::isString, "a string");
		requireType(request, "apiVersion", JsonNode::isString, "a string");
		requireType(request, "authToken", JsonNode::isString, "a string");
		requireType(request, "debug", JsonNode::isString, "a string");
		requireType(request, "params", JsonNode::isObject, "an object");
		requireType(request, "responseOptions", JsonNode::isObject, "an object");
	}

	private static void requireType(ObjectNode request, String name, java.util.function.Predicate<JsonNode> check,
			String type) {
		JsonNode value = request.get(name);
		if (value != null && !value.isNull() && !check.test(value)) {
			throw ActionException.of(ProvisionalChoice.PROPERTY_WRONG_TYPE, name, type);
		}
	}

	/**
	 * The request's debug level, or {@code null} when the request does not say.
	 */
	private static @Nullable String requestedDebug(ObjectNode request) {
		String debug = optionalString(request, "debug");
		if (debug == null) {
			return null;
		}
		String level = debug.trim().toLowerCase(Locale.ROOT);
		if (!SessionDefaults.DEBUG_LEVELS.contains(level)) {
			throw ActionException.of(ProvisionalChoice.INVALID_PROPERTY_VALUE, "debug",
					"\"" + debug + "\"; use \"none\", \"min\" or \"max\"");
		}
		return level;
	}

	private static @Nullable String optionalString(ObjectNode request, String name) {
		JsonNode value = request.get(name);
		return (value != null && value.isString()) ? value.stringValue() : null;
	}

	private static String describe(JsonNode node) {
		return switch (node.getNodeType()) {
			case ARRAY -> "an array";
			case STRING -> "a string";
			case NUMBER -> "a number";
			case BOOLEAN -> "a boolean";
			case NULL -> "null";
			default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
		};
	}

	/**
	 * Who sent a request.
	 * @param address the client IP address
	 * @param certificate the client certificate presented over TLS, if any
	 */
	record ClientInfo(String address, @Nullable X509Certificate certificate) {
	}

	private static final class RequestContext implements ActionContext {

		private final ObjectNode request;

		private final ActionDefinition definition;

		private final @Nullable String authToken;

		private final @Nullable Session session;

		private final ObjectNode responseOptions;

		private final String debug;

		private final ClientInfo client;

		private final EmulatorClock clock;

		private final CompatibilityProfile profile;

		private final Parameters params;

		RequestContext(ObjectNode request, ActionDefinition definition, @Nullable String authToken,
				@Nullable Session session, ObjectNode responseOptions, String debug, ClientInfo client,
				EmulatorClock clock, CompatibilityProfile profile) {
			this.request = request;
			this.definition = definition;
			this.authToken = authToken;
			this.session = session;
			this.responseOptions = responseOptions;
			this.debug = debug;
			this.client = client;
			this.clock = clock;
			this.profile = profile;
			JsonNode params = request.get("params");
			this.params = new Parameters((params instanceof ObjectNode object) ? object : JsonNodeFactory.instance.objectNode());
		}

		@Override
		public ObjectNode request() {
			return this.request;
		}

		@Override
		public String api() {
			return this.definition.api();
		}

		@Override
		public String action() {
			return this.definition.action();
		}

		@Override
		public Parameters params() {
			return this.params;
		}

		@Override
		public @Nullable String authToken() {
			return this.authToken;
		}

		@Override
		public @Nullable Session session() {
			return this.session;
		}

		@Override
		public ObjectNode responseOptions() {
			return this.responseOptions.deepCopy();
		}

		@Override
		public String debug() {
			return this.debug;
		}

		@Override
		public String clientAddress() {
			return this.client.address();
		}

		@Override
		public Optional<X509Certificate> clientCertificate() {
			return Optional.ofNullable(this.client.certificate());
		}

		@Override
		public Optional<String> clientCertificateCommonName() {
			return clientCertificate().flatMap(RequestContext::commonName);
		}

		@Override
		public EmulatorClock clock() {
			return this.clock;
		}

		@Override
		public CompatibilityProfile profile() {
			return this.profile;
		}

		private static Optional<String> commonName(X509Certificate certificate) {
			try {
				LdapName name = new LdapName(certificate.getSubjectX500Principal().getName());
				for (int i = name.size() - 1; i >= 0; i--) {
					Rdn rdn = name.getRdns().get(i);
					if ("CN".equalsIgnoreCase(rdn.getType())) {
						return Optional.of(String.valueOf(rdn.getValue()));
					}
				}
				return Optional.empty();
			}
			catch (InvalidNameException ex) {
				return Optional.empty();
			}
		}

	}

}
