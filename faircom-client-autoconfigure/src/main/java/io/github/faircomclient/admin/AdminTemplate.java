package io.github.faircomclient.admin;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

import io.github.faircomclient.core.FairComOperations;
import io.github.faircomclient.core.FairComRequest;
import io.github.faircomclient.core.FairComResponse;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The implementation of {@link AdminOperations} on top of
 * {@link FairComOperations#execute(FairComRequest)}. Thread-safe.
 */
public class AdminTemplate implements AdminOperations {

	private static final String API = "admin";

	private final FairComOperations operations;

	/**
	 * Create admin operations.
	 * @param operations the operations that run the actions
	 */
	public AdminTemplate(FairComOperations operations) {
		Assert.notNull(operations, "'operations' must not be null");
		this.operations = operations;
	}

	@Override
	public void pingSession() {
		execute("pingSession", null);
	}

	@Override
	public List<SessionSummary> listSessions() {
		return summaries(execute("listSessions", null));
	}

	@Override
	public List<SessionSummary> listSessions(Collection<String> usernames) {
		Assert.notEmpty(usernames, "'usernames' must not be empty");
		return summaries(execute("listSessions", strings("usernameFilter", usernames)));
	}

	@Override
	public List<SessionDescription> describeSessions() {
		return descriptions(execute("describeSessions", null));
	}

	@Override
	public List<SessionDescription> describeSessions(Collection<String> authTokens) {
		Assert.notEmpty(authTokens, "'authTokens' must not be empty");
		return descriptions(execute("describeSessions", strings("authTokens", authTokens)));
	}

	@Override
	public SessionDescription alterSession(SessionChanges changes) {
		Assert.notNull(changes, "'changes' must not be null");
		return description(execute("alterSession", changes.toParams()).result());
	}

	private static ObjectNode strings(String field, Collection<String> values) {
		ObjectNode params = JsonNodeFactory.instance.objectNode();
		ArrayNode array = params.putArray(field);
		values.forEach(array::add);
		return params;
	}

	private FairComResponse execute(String action, @Nullable ObjectNode params) {
		return this.operations.execute(FairComRequest.builder(action).api(API).params(params).build());
	}

	private static List<SessionSummary> summaries(FairComResponse response) {
		List<SessionSummary> sessions = new ArrayList<>();
		for (JsonNode session : response.resultArray("sessions")) {
			sessions.add(new SessionSummary(string(session, "authToken"), string(session, "username"),
					string(session, "description")));
		}
		return sessions;
	}

	private static List<SessionDescription> descriptions(FairComResponse response) {
		List<SessionDescription> sessions = new ArrayList<>();
		response.resultArray("sessions").forEach((session) -> sessions.add(description(session)));
		return sessions;
	}

	static SessionDescription description(JsonNode session) {
		Long idle = seconds(session.get("idleConnectionTimeoutSeconds"));
		Long cursorIdle = seconds(session.get("idleCursorTimeoutSeconds"));
		JsonNode permanent = session.path("permanentSession");
		return new SessionDescription(text(session, "authToken", null), text(session, "username", null),
				text(session, "description", null), text(session, "defaultApi", null),
				text(session, "defaultDatabaseName", null), text(session, "defaultOwnerName", null),
				text(session, "defaultBinaryFormat", null), text(session, "defaultDebug", null),
				(idle != null) ? Duration.ofSeconds(idle) : null,
				(cursorIdle != null) ? Duration.ofSeconds(cursorIdle) : null,
				permanent.isBoolean() ? permanent.booleanValue() : "true".equalsIgnoreCase(permanent.asString("")),
				timestamp(session, "sessionStartTimestamp"), timestamp(session, "sessionLastAccessedTimestamp"),
				session.deepCopy());
	}

	private static @Nullable LocalDateTime timestamp(JsonNode session, String name) {
		String text = text(session, name, null);
		if (text == null || text.isEmpty()) {
			return null;
		}
		try {
			return LocalDateTime.parse(text.replace(' ', 'T'));
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static @Nullable Long seconds(@Nullable JsonNode value) {
		if (value == null) {
			return null;
		}
		if (value.isIntegralNumber()) {
			return value.longValue();
		}
		if (value.isString()) {
			try {
				return Long.valueOf(value.stringValue().trim());
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}
		return null;
	}

	private static String string(JsonNode node, String name) {
		String value = text(node, name, null);
		return (value != null) ? value : "";
	}

	private static @Nullable String text(JsonNode node, String name, @Nullable String fallback) {
		JsonNode value = node.get(name);
		return (value == null || value.isNull()) ? fallback : value.isString() ? value.stringValue() : value.toString();
	}

	@Override
	public String toString() {
		return "AdminTemplate[" + this.operations + "]";
	}

}
