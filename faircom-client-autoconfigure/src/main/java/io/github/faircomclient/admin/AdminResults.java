package io.github.faircomclient.admin;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.github.faircomclient.core.FairComResponse;

import tools.jackson.databind.JsonNode;

/**
 * Reads the sessions, accounts and services of admin results from their JSON trees,
 * leniently: numbers may come as numbers or strings, roles in either documented shape, and
 * a property that is missing or of another type becomes {@code null} rather than a
 * failure. Only a result without its documented array is a protocol error.
 */
final class AdminResults {

	private AdminResults() {
	}

	static List<SessionSummary> sessionSummaries(FairComResponse response) {
		List<SessionSummary> sessions = new ArrayList<>();
		for (JsonNode session : response.resultArray("sessions")) {
			sessions.add(new SessionSummary(string(session, "authToken"), string(session, "username"),
					string(session, "description")));
		}
		return sessions;
	}

	static List<SessionDescription> sessionDescriptions(FairComResponse response) {
		List<SessionDescription> sessions = new ArrayList<>();
		response.resultArray("sessions").forEach((session) -> sessions.add(session(session)));
		return sessions;
	}

	static SessionDescription session(JsonNode session) {
		Long idle = number(session.get("idleConnectionTimeoutSeconds"));
		Long cursorIdle = number(session.get("idleCursorTimeoutSeconds"));
		JsonNode permanent = session.path("permanentSession");
		return new SessionDescription(text(session, "authToken"), text(session, "username"),
				text(session, "description"), text(session, "defaultApi"), text(session, "defaultDatabaseName"),
				text(session, "defaultOwnerName"), text(session, "defaultBinaryFormat"), text(session, "defaultDebug"),
				(idle != null) ? Duration.ofSeconds(idle) : null,
				(cursorIdle != null) ? Duration.ofSeconds(cursorIdle) : null,
				permanent.isBoolean() ? permanent.booleanValue() : "true".equalsIgnoreCase(permanent.asString("")),
				timestamp(session, "sessionStartTimestamp"), timestamp(session, "sessionLastAccessedTimestamp"),
				session.deepCopy());
	}

	/**
	 * The accounts of a {@code listAccounts} or {@code describeAccounts} answer: the
	 * documented {@code result.accounts} array, or (describe only) a result that is itself
	 * one account object, the shape of the describeAccounts page's response example.
	 */
	static List<AccountDescription> accounts(FairComResponse response, boolean singleAccountResult) {
		JsonNode result = response.result();
		if (singleAccountResult && result.isObject() && !result.has("accounts") && result.has("username")) {
			return List.of(account(result));
		}
		List<AccountDescription> accounts = new ArrayList<>();
		for (JsonNode account : response.resultArray("accounts")) {
			if (account.isObject()) {
				accounts.add(account(account));
			}
		}
		return accounts;
	}

	static AccountDescription account(JsonNode account) {
		JsonNode metadata = account.get("metadata");
		return new AccountDescription(string(account, "username"), text(account, "accountDescription"),
				roleNames(account), integer(account, "lockoutAfterNFailedAttempts"),
				integer(account, "maxDaysBeforePasswordMustChange"), integer(account, "maxMinutesBeforeNextLogin"),
				number(account.get("memoryLimit")), text(account, "memoryRule"), nonEmpty(account, "enableDatetime"),
				nonEmpty(account, "disableDatetime"),
				(metadata != null && metadata.isObject()) ? metadata.deepCopy() : null,
				timestamp(account, "lastPasswordChange"), account.deepCopy());
	}

	/**
	 * The roles in both documented shapes, {@code roles [{"roleName"}]} and
	 * {@code roleNames [...]} (spelled {@code rolenames} in places), each name once.
	 */
	private static List<String> roleNames(JsonNode account) {
		List<String> names = new ArrayList<>();
		for (JsonNode role : account.path("roles")) {
			addRole(names, role.isObject() ? role.get("roleName") : role);
		}
		for (String key : new String[] { "roleNames", "rolenames" }) {
			for (JsonNode role : account.path(key)) {
				addRole(names, role);
			}
		}
		return names;
	}

	private static void addRole(List<String> names, @Nullable JsonNode role) {
		if (role != null && role.isString() && !role.stringValue().isBlank()
				&& names.stream().noneMatch(role.stringValue()::equalsIgnoreCase)) {
			names.add(role.stringValue());
		}
	}

	/**
	 * The services of a {@code listServices} answer: every object with a
	 * {@code serviceName} in every array of the result ({@code listeners}, {@code apis},
	 * {@code integrationServices}, ...).
	 */
	static ServiceList services(FairComResponse response) {
		response.optionalResultArray("listeners");
		List<ServiceInfo> services = new ArrayList<>();
		for (var group : response.result().properties()) {
			if (!group.getValue().isArray()) {
				continue;
			}
			for (JsonNode service : group.getValue()) {
				if (service.isObject() && text(service, "serviceName") != null) {
					services.add(service(group.getKey(), service));
				}
			}
		}
		return new ServiceList(services, response.result().deepCopy());
	}

	private static ServiceInfo service(String group, JsonNode service) {
		JsonNode enabled = service.get("enabled");
		return new ServiceInfo(group, string(service, "serviceName"), text(service, "description"),
				(enabled == null || enabled.isNull()) ? null
						: enabled.isBoolean() ? enabled.booleanValue() : "true".equalsIgnoreCase(enabled.asString("")),
				text(service, "state"), text(service, "protocol"), integer(service, "port"),
				text(service.path("tls"), "certificateFilename"), service.deepCopy());
	}

	private static @Nullable LocalDateTime timestamp(JsonNode node, String name) {
		String text = text(node, name);
		if (text == null || text.isEmpty()) {
			return null;
		}
		try {
			return LocalDateTime.parse(text.trim().replace(' ', 'T'));
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static @Nullable Integer integer(JsonNode node, String name) {
		Long value = number(node.get(name));
		return (value != null && value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE) ? value.intValue() : null;
	}

	private static @Nullable Long number(@Nullable JsonNode value) {
		if (value == null) {
			return null;
		}
		if (value.isIntegralNumber() && value.canConvertToLong()) {
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
		String value = text(node, name);
		return (value != null) ? value : "";
	}

	private static @Nullable String nonEmpty(JsonNode node, String name) {
		String value = text(node, name);
		return (value == null || value.isBlank()) ? null : value;
	}

	private static @Nullable String text(JsonNode node, String name) {
		JsonNode value = node.get(name);
		return (value == null || value.isNull()) ? null : value.isString() ? value.stringValue() : value.toString();
	}

}
