package io.github.faircomclient.test.mq;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;

import io.github.faircomclient.test.ProvisionalChoice;
import io.github.faircomclient.test.mq.MqSession.Status;
import io.github.faircomclient.test.mq.StoredMessage.UserProperty;
import io.github.faircomclient.test.spi.ActionContext;
import io.github.faircomclient.test.spi.ActionException;
import io.github.faircomclient.test.spi.ActionResult;
import io.github.faircomclient.test.spi.Session;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The MQ session actions: createMqApiSession, alterMqSession, listMqSessions, describeMqSessions and
 * deleteMqSession, and their old names.
 */
final class SessionActions {

	private static final Set<String> CONNECTION_STATUSES = Set.of("disconnected", "connected", "connectedtemporarily",
			"unknown");

	private static final Set<String> SESSION_TYPES = Set.of("mqtt", "mqapi");

	private static final Set<String> HEALTHS = Set.of("healthy", "unhealthy", "offline");

	private final MqBroker broker;

	SessionActions(MqBroker broker) {
		this.broker = broker;
	}

	ActionResult createMqApiSession(ActionContext context) {
		JsonNode params = context.params().node();
		String name = MqJson.string(params, "clientName", "params.clientName").filter((text) -> !text.isEmpty()).orElse(null);
		if (name != null) {
			MqJson.requireLength(name, "params.clientName");
		}
		Settings settings = Settings.parse(context, false);
		Session owner = context.requiredSession();
		MqSession.Creator creator = new MqSession.Creator(owner.username(), context.clientAddress(),
				owner.defaultBinaryFormat(), owner.defaultVariantFormat(), owner.defaultResponseOptions());
		return this.broker.locked(() -> {
			MqSession session = this.broker.createSession(name, creator, settings.temporary().orElse(false));
			settings.apply(session, this.broker);
			return ActionResult.success(new SessionView(this.broker, context.clock().zone()).session(session));
		});
	}

	ActionResult alterMqSession(ActionContext context) {
		String name = context.params().requiredString("clientName");
		Settings settings = Settings.parse(context, true);
		return this.broker.locked(() -> {
			MqSession session = this.broker.requireSession(name);
			settings.apply(session, this.broker);
			return ActionResult.success(new SessionView(this.broker, context.clock().zone()).session(session));
		});
	}

	ActionResult deleteMqSession(ActionContext context) {
		boolean permanently = context.params().lenientBool("permanentlyDeleteSession").orElse(false);
		return delete(context, permanently);
	}

	ActionResult deleteMqttSession(ActionContext context) {
		return delete(context, true);
	}

	private ActionResult delete(ActionContext context, boolean permanently) {
		String name = context.params().requiredString("clientName");
		return this.broker.locked(() -> {
			MqSession session = this.broker.requireSession(name);
			if (permanently) {
				this.broker.deleteSession(session);
			}
			else {
				session.status(Status.INACTIVE, this.broker.now());
			}
			return ActionResult.success();
		});
	}

	ActionResult listMqSessions(ActionContext context) {
		JsonNode params = context.params().node();
		for (String unsupported : List.of("label", "labelId", "unsetHealthMeasures")) {
			if (MqJson.value(params, unsupported) != null) {
				throw ActionException.of(ProvisionalChoice.MQ_NOT_EMULATED, "params." + unsupported, "listMqSessions");
			}
		}
		String prefix = MqJson.string(params, "partialClientName", "params.partialClientName").orElse("");
		Set<String> connections = filter(params, "connectionStatusFilter", CONNECTION_STATUSES);
		Set<String> statuses = filter(params, "sessionStatusFilter",
				Set.of("normal", "banned", "hidden", "inactive"));
		Set<String> types = filter(params, "sessionTypeFilter", SESSION_TYPES);
		Set<String> healths = filter(params, "healthFilter", HEALTHS);
		String ascending = MqJson.string(params, "sortAscending", "params.sortAscending").orElse(null);
		String descending = MqJson.string(params, "sortDescending", "params.sortDescending").orElse(null);
		if (ascending != null && descending != null) {
			throw MqJson.invalid("Give sortAscending or sortDescending, not both.");
		}
		String sortKey = (descending != null) ? descending : (ascending != null) ? ascending : "clientName";
		String sortProperty = (descending != null) ? "params.sortDescending" : "params.sortAscending";
		return this.broker.locked(() -> {
			SessionView view = new SessionView(this.broker, context.clock().zone());
			Instant now = this.broker.now();
			Comparator<MqSession> order = order(sortProperty, sortKey, now);
			List<MqSession> rows = new ArrayList<>();
			for (MqSession session : this.broker.sessions()) {
				String status = session.status().wireName();
				boolean statusListed = statuses.isEmpty() ? session.status() != Status.HIDDEN : statuses.contains(status);
				if (session.clientName().startsWith(prefix) && statusListed
						&& (connections.isEmpty() || connections.contains(view.connectionStatus(session).toLowerCase(Locale.ROOT)))
						&& (types.isEmpty() || types.contains("mqapi"))
						&& (healths.isEmpty() || healths.contains(view.health(session)))) {
					rows.add(session);
				}
			}
			rows.sort((descending != null) ? order.reversed() : order);
			ObjectNode result = MqJson.NODES.objectNode();
			ArrayNode data = result.putArray("data");
			rows.forEach((session) -> data.addObject().put("clientName", session.clientName()).put("sessionType", "mqApi"));
			return ActionResult.success(result);
		});
	}

	private static Set<String> filter(JsonNode params, String name, Set<String> allowed) {
		List<String> values = MqJson.strings(params, name, "params." + name);
		Set<String> lower = new HashSet<>();
		for (String value : values) {
			String key = value.trim().toLowerCase(Locale.ROOT);
			if (!allowed.contains(key)) {
				throw ActionException.of(ProvisionalChoice.INVALID_PROPERTY_VALUE, "params." + name,
						"\"" + TopicNames.shorten(value) + "\"");
			}
			lower.add(key);
		}
		return lower;
	}

	private static Comparator<MqSession> order(String property, String key, Instant now) {
		Comparator<MqSession> byName = Comparator.comparing(MqSession::clientName);
		Function<MqSession, @Nullable Instant> disconnected = (session) -> session.disconnectedAt(now);
		Comparator<MqSession> primary = switch (key.trim().toLowerCase(Locale.ROOT)) {
			case "clientname" -> byName;
			case "lastconnect" -> Comparator.comparing(MqSession::connectedAt);
			case "lastdisconnect" -> Comparator.comparing(disconnected, Comparator.nullsLast(Comparator.naturalOrder()));
			case "ipaddress" -> Comparator.comparing((session) -> session.creator().clientAddress());
			default -> throw ActionException.of(ProvisionalChoice.INVALID_PROPERTY_VALUE, property, "\""
					+ TopicNames.shorten(key) + "\"; use lastConnect, lastDisconnect, clientName or ipAddress");
		};
		return primary.thenComparing(byName);
	}

	ActionResult describeMqSessions(ActionContext context) {
		JsonNode params = context.params().node();
		String single = MqJson.string(params, "clientName", "params.clientName").orElse(null);
		boolean hasList = MqJson.value(params, "clientNames") != null;
		if (single != null && hasList) {
			throw MqJson.invalid("Give clientNames (a list) or the older clientName, not both.");
		}
		if (single != null) {
			return describeLegacy(single, context.clock().zone());
		}
		List<String> names = MqJson.strings(params, "clientNames", "params.clientNames");
		boolean stats = MqJson.bool(params, "includeStats", "params.includeStats").orElse(false);
		boolean subscribed = MqJson.bool(params, "includeSubscribedTopics", "params.includeSubscribedTopics").orElse(false);
		boolean published = MqJson.bool(params, "includePublishedTopics", "params.includePublishedTopics").orElse(false);
		return this.broker.locked(() -> {
			SessionView view = new SessionView(this.broker, context.clock().zone());
			List<MqSession> sessions = new ArrayList<>();
			List<String> missing = new ArrayList<>();
			if (names.isEmpty()) {
				sessions.addAll(this.broker.sessions());
			}
			for (String name : names) {
				MqSession session = this.broker.session(name);
				if (session != null) {
					sessions.add(session);
				}
				else {
					missing.add(name);
				}
			}
			ObjectNode result = MqJson.NODES.objectNode();
			ArrayNode data = result.putArray("data");
			for (MqSession session : sessions) {
				ObjectNode node = view.session(session);
				if (stats) {
					node.set("stats", view.stats(session));
				}
				if (subscribed) {
					node.set("subscribedTopics", view.subscribedTopics(session));
				}
				if (published) {
					node.set("publishedTopics", view.publishedTopics(session));
				}
				data.add(node);
			}
			ActionResult answer = ActionResult.success(result);
			for (String name : missing) {
				answer = answer.withWarning(ProvisionalChoice.MQ_UNKNOWN_SESSION.errorCode(),
						ProvisionalChoice.MQ_UNKNOWN_SESSION.message(TopicNames.shorten(name)));
			}
			return answer;
		});
	}

	ActionResult describeMqttSession(ActionContext context) {
		return describeLegacy(context.params().string("clientName").orElse(""), context.clock().zone());
	}

	private ActionResult describeLegacy(String name, ZoneId zone) {
		return this.broker.locked(
				() -> ActionResult.success(new SessionView(this.broker, zone).legacy(this.broker.requireSession(name))));
	}

	/**
	 * The session settings a create or alter request gives, validated before the broker is locked.
	 */
	private record Settings(Optional<Boolean> temporary, OptionalLong keepAliveSeconds, OptionalLong sessionExpiryInterval,
			Optional<Status> status, Optional<List<UserProperty>> userProperties, Optional<String> mqttPayloadType,
			OptionalLong receiveMaximum, OptionalLong maximumPacketSize, OptionalLong topicAliasMaximum,
			boolean cleanSession) {

		static Settings parse(ActionContext context, boolean alter) {
			JsonNode params = context.params().node();
			Optional<Status> status = MqJson.string(params, "sessionStatus", "params.sessionStatus")
				.map((value) -> Status.of("params.sessionStatus", value));
			Optional<String> clientStatus = MqJson.string(params, "clientStatus", "params.clientStatus");
			if (status.isEmpty() && clientStatus.isPresent()) {
				status = Optional.of(switch (clientStatus.get().trim().toLowerCase(Locale.ROOT)) {
					case "hide" -> Status.HIDDEN;
					case "ban" -> Status.BANNED;
					case "normal" -> Status.NORMAL;
					default -> throw ActionException.of(ProvisionalChoice.INVALID_PROPERTY_VALUE, "params.clientStatus",
							"\"" + TopicNames.shorten(clientStatus.get()) + "\"; use hide, ban or normal");
				});
			}
			Optional<String> payloadType = MqJson.string(params, "mqttPayloadType", "params.mqttPayloadType")
				.map((value) -> PayloadFormat.of("params.mqttPayloadType", value).wireName());
			boolean clean = false;
			if (alter) {
				JsonNode topLevel = context.request().get("cleanSession");
				Optional<Boolean> inParams = MqJson.bool(params, "cleanSession", "params.cleanSession");
				Optional<Boolean> outside = (topLevel != null && !topLevel.isNull())
						? MqJson.bool(context.request(), "cleanSession", "cleanSession") : Optional.empty();
				clean = inParams.orElse(false) || outside.orElse(false);
			}
			return new Settings(MqJson.bool(params, "temporarySession", "params.temporarySession"),
					MqJson.integer(params, "keepAliveSeconds", "params.keepAliveSeconds", 0, 65535),
					MqJson.integer(params, "sessionExpiryInterval", "params.sessionExpiryInterval", 0,
							MqSession.PERMANENT_EXPIRY_INTERVAL),
					status, MqJson.userProperties(params, "params.userProperties"), payloadType,
					MqJson.integer(params, "receiveMaximum", "params.receiveMaximum", 1, 65535),
					MqJson.integer(params, "maximumPacketSize", "params.maximumPacketSize", 1, 268435460L),
					MqJson.integer(params, "topicAliasMaximum", "params.topicAliasMaximum", 0, 65535), clean);
		}

		void apply(MqSession session, MqBroker broker) {
			Instant now = broker.now();
			this.temporary.ifPresent((value) -> {
				if (value != session.isTemporary()) {
					session.temporary(value);
				}
			});
			this.keepAliveSeconds.ifPresent((value) -> session.keepAliveSeconds((int) value));
			this.sessionExpiryInterval.ifPresent(session::sessionExpiryInterval);
			this.status.ifPresent((value) -> session.status(value, now));
			this.userProperties.ifPresent(session::userProperties);
			this.mqttPayloadType.ifPresent(session::mqttPayloadType);
			this.receiveMaximum.ifPresent((value) -> session.receiveMaximum((int) value));
			this.maximumPacketSize.ifPresent(session::maximumPacketSize);
			this.topicAliasMaximum.ifPresent((value) -> session.topicAliasMaximum((int) value));
			if (this.cleanSession) {
				broker.clearSession(session);
			}
			if (session.status() != Status.BANNED && session.status() != Status.INACTIVE) {
				session.activity(now);
			}
		}

	}

}
