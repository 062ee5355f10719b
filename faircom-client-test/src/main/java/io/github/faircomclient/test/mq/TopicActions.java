package io.github.faircomclient.test.mq;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.github.faircomclient.test.ProvisionalChoice;
import io.github.faircomclient.test.mq.MqBroker.Preserve;
import io.github.faircomclient.test.spi.ActionContext;
import io.github.faircomclient.test.spi.ActionException;
import io.github.faircomclient.test.spi.ActionResult;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The topic actions: configureTopic, describeTopics, listTopics and deleteTopic.
 */
final class TopicActions {

	/** FairCom's warning code for deleteTopic of a missing topic. */
	static final int TOPIC_NOT_DELETED = 14229;

	private static final Set<String> STRING_SETTINGS = Set.of("sourcePayloadFormat", "databaseConnectionString",
			"databaseUserName", "retentionPolicy", "retentionUnit", "newSubscriberDeliveryMode", "outputPayloadField");

	private static final Set<String> INTEGER_SETTINGS = Set.of("threads", "retentionPeriod", "maxDeliveryRatePerSecond",
			"newSubscriberMaxDeliveredMessages", "retrySeconds");

	private static final Set<String> BOOLEAN_SETTINGS = Set.of("tableAutoTimeStamp", "tableAutoTimeStampIndex",
			"tableReplicationReady", "storeAndForward");

	private static final Set<String> RETENTION = Set.of("retentionPolicy", "retentionPeriod", "retentionUnit");

	private final MqBroker broker;

	TopicActions(MqBroker broker) {
		this.broker = broker;
	}

	ActionResult configureTopic(ActionContext context) {
		JsonNode params = context.params().node();
		String name = TopicNames.requireTopicName(context.params().requiredString("topic"));
		ObjectNode settings = settings(params);
		String database = MqJson.mqttString(params, "databaseName", "params.databaseName").orElse(null);
		String owner = MqJson.mqttString(params, "ownerName", "params.ownerName").orElse(null);
		String table = MqJson.mqttString(params, "tableName", "params.tableName").orElse(null);
		return this.broker.locked(() -> {
			Topic topic = this.broker.topic(name);
			if (topic != null) {
				requireUnchanged(topic, "databaseName", database, topic.log().databaseName());
				requireUnchanged(topic, "ownerName", owner, topic.log().ownerName());
				requireUnchanged(topic, "tableName", table, topic.log().tableName());
				for (String retention : RETENTION) {
					JsonNode given = settings.get(retention);
					if (given != null && !given.equals(topic.persistence().get(retention))) {
						throw ActionException.of(ProvisionalChoice.MQ_TOPIC_SETTING_FIXED, TopicNames.shorten(name), retention);
					}
				}
			}
			else {
				topic = this.broker.ensureTopic(name, database, owner, table);
			}
			topic.configure(settings);
			ObjectNode result = MqJson.NODES.objectNode();
			result.putArray("data").add(describe(topic, context.clock().zone()));
			return ActionResult.success(result);
		});
	}

	private static void requireUnchanged(Topic topic, String property, @Nullable String given, String current) {
		if (given != null && !given.equalsIgnoreCase(current)) {
			throw ActionException.of(ProvisionalChoice.MQ_TOPIC_SETTING_FIXED, TopicNames.shorten(topic.name()), property);
		}
	}

	private static ObjectNode settings(JsonNode params) {
		ObjectNode settings = MqJson.NODES.objectNode();
		String format = MqJson.string(params, "sourcePayloadFormat", "params.sourcePayloadFormat").orElse(null);
		String alias = MqJson.string(params, "mqttPayloadType", "params.mqttPayloadType").orElse(null);
		if (format != null && alias != null && !format.equalsIgnoreCase(alias)) {
			throw MqJson.invalid("sourcePayloadFormat and mqttPayloadType name the same setting; give one value.");
		}
		if (format == null && alias != null) {
			settings.put("sourcePayloadFormat", alias);
		}
		for (String name : STRING_SETTINGS) {
			MqJson.mqttString(params, name, "params." + name).ifPresent((value) -> settings.put(name, value));
		}
		for (String name : INTEGER_SETTINGS) {
			MqJson.integer(params, name, "params." + name, 0, Integer.MAX_VALUE)
				.ifPresent((value) -> settings.put(name, (int) value));
		}
		for (String name : BOOLEAN_SETTINGS) {
			MqJson.bool(params, name, "params." + name).ifPresent((value) -> settings.put(name, value));
		}
		JsonNode label = MqJson.value(params, "label");
		if (label != null) {
			settings.set("label", label(label, "params.label"));
		}
		return settings;
	}

	private static ObjectNode label(JsonNode label, String path) {
		if (!label.isObject()) {
			throw MqJson.wrongType(path, "an object {group, name}");
		}
		ObjectNode copy = MqJson.NODES.objectNode();
		copy.put("group", MqJson.mqttString(label, "group", path + ".group").orElse(""));
		copy.put("name", MqJson.mqttString(label, "name", path + ".name").orElse(""));
		return copy;
	}

	ActionResult describeTopics(ActionContext context) {
		List<String> names = MqJson.strings(context.params().node(), "topics", "params.topics");
		ZoneId zone = context.clock().zone();
		return this.broker.locked(() -> {
			ObjectNode result = MqJson.NODES.objectNode();
			ArrayNode data = result.putArray("data");
			List<String> missing = new ArrayList<>();
			if (names.isEmpty()) {
				this.broker.topics().forEach((topic) -> data.add(describe(topic, zone)));
			}
			for (String name : names) {
				Topic topic = this.broker.topic(name);
				if (topic != null) {
					data.add(describe(topic, zone));
				}
				else {
					missing.add(name);
				}
			}
			ActionResult answer = ActionResult.success(result);
			for (String name : missing) {
				answer = answer.withWarning(ProvisionalChoice.MQ_UNKNOWN_TOPIC.errorCode(),
						ProvisionalChoice.MQ_UNKNOWN_TOPIC.message(TopicNames.shorten(name)));
			}
			return answer;
		});
	}

	private ObjectNode describe(Topic topic, ZoneId zone) {
		Instant now = this.broker.now();
		ObjectNode entry = MqJson.NODES.objectNode();
		entry.put("name", topic.name());
		entry.put("creationTime", MqJson.millis(topic.createdAt(), zone));
		int count = topic.log().messages().size();
		entry.put("messageCount", count);
		Instant last = topic.log().lastMessageTime();
		if (last != null) {
			entry.put("lastMessageTime", MqJson.millis(last, zone));
		}
		else {
			entry.putNull("lastMessageTime");
		}
		Duration age = Duration.between(topic.createdAt(), now);
		entry.put("averageMessagesPerMinute", average(count, age.toMinutes()));
		entry.put("averageMessagesPerHour", average(count, age.toHours()));
		entry.put("averageMessagesPerDay", average(count, age.toDays()));
		entry.set("subscriberList", subscribers(topic, now, zone));
		entry.set("persistence", topic.persistence());
		return entry;
	}

	private static long average(long count, long units) {
		return (units > 0) ? count / units : 0;
	}

	private ArrayNode subscribers(Topic topic, Instant now, ZoneId zone) {
		Map<String, List<MqSession>> byFilter = new LinkedHashMap<>();
		Map<String, Instant> firstSubscribed = new LinkedHashMap<>();
		for (MqSession session : this.broker.sessions()) {
			for (Subscription subscription : session.subscriptions().values()) {
				if (subscription.filter().matches(topic.name())) {
					String text = subscription.filter().text();
					byFilter.computeIfAbsent(text, (key) -> new ArrayList<>()).add(session);
					firstSubscribed.merge(text, subscription.createdAt(), (a, b) -> a.isBefore(b) ? a : b);
				}
			}
		}
		ArrayNode list = MqJson.NODES.arrayNode();
		byFilter.keySet()
			.stream()
			.sorted((left, right) -> {
				int byTime = firstSubscribed.get(left).compareTo(firstSubscribed.get(right));
				return (byTime != 0) ? byTime : left.compareTo(right);
			})
			.forEach((text) -> {
				ObjectNode subscriber = list.addObject();
				subscriber.put("topicExpression", text);
				ArrayNode connections = subscriber.putArray("connectionList");
				for (MqSession session : byFilter.get(text)) {
					ObjectNode item = connections.addObject();
					ObjectNode connection = item.putObject("connection");
					connection.put("clientId", session.clientName());
					connection.put("ipaddress", session.creator().clientAddress());
					connection.put("port", 0);
					connection.put("mqttProtocol", 4);
					connection.put("keepAliveSeconds", session.keepAliveSeconds());
					connection.put("status", session.connected(now)
							? "Connected with clean flag = " + (session.cleanSession() ? 1 : 0) : "Disconnected");
					connection.put("connectionTime", MqJson.seconds(session.connectedAt(), zone));
					item.put("qos", 0);
				}
			});
		return list;
	}

	ActionResult listTopics(ActionContext context) {
		JsonNode params = context.params().node();
		String prefix = MqJson.string(params, "partialName", "params.partialName").orElse("");
		String search = MqJson.string(params, "search", "params.search").orElse("");
		long skip = MqJson.integer(params, "skipRecords", "params.skipRecords", 0, Integer.MAX_VALUE).orElse(0);
		long max = MqJson.integer(params, "maxRecords", "params.maxRecords", -1, Integer.MAX_VALUE).orElse(20);
		JsonNode labelNode = MqJson.value(params, "label");
		ObjectNode label = (labelNode != null) ? label(labelNode, "params.label") : null;
		MqJson.string(params, "dataFormat", "params.dataFormat").ifPresent((format) -> {
			if (!format.equalsIgnoreCase("objects") && !format.equalsIgnoreCase("arrays")) {
				throw ActionException.of(ProvisionalChoice.INVALID_PROPERTY_VALUE, "params.dataFormat",
						"\"" + TopicNames.shorten(format) + "\"; use objects or arrays");
			}
		});
		List<String> words = List.of(search.toLowerCase(Locale.ROOT).trim().split("\\s+"));
		return this.broker.locked(() -> {
			ObjectNode result = MqJson.NODES.objectNode();
			ArrayNode data = result.putArray("data");
			this.broker.topics()
				.stream()
				.filter((topic) -> topic.name().startsWith(prefix))
				.filter((topic) -> label == null || label.equals(topic.label()))
				.filter((topic) -> search.isBlank() || words.stream().allMatch((word) -> searchText(topic).contains(word)))
				.skip(skip)
				.limit((max < 0) ? Long.MAX_VALUE : max)
				.forEach((topic) -> data.add(topic.name()));
			return ActionResult.success(result);
		});
	}

	private static String searchText(Topic topic) {
		JsonNode label = topic.label();
		String text = topic.name();
		if (label != null) {
			text += " " + label.path("group").asString("") + " " + label.path("name").asString("");
		}
		return text.toLowerCase(Locale.ROOT);
	}

	ActionResult deleteTopic(ActionContext context) {
		String name = TopicNames.requireTopicName(context.params().requiredString("topic"));
		Preserve preserve = context.params().string("preserve").map(TopicActions::preserve).orElse(Preserve.NOTHING);
		boolean deleted = this.broker.locked(() -> this.broker.deleteTopic(name, preserve));
		ActionResult answer = ActionResult.success();
		if (!deleted) {
			answer = answer.withWarning(TOPIC_NOT_DELETED, "Not able to delete topic [" + name
					+ "] because it was not possible to retrieve its persistence information");
		}
		return answer;
	}

	private static Preserve preserve(String value) {
		for (Preserve preserve : Preserve.values()) {
			if (preserve.name().equalsIgnoreCase(value.trim())) {
				return preserve;
			}
		}
		throw ActionException.of(ProvisionalChoice.INVALID_PROPERTY_VALUE, "params.preserve",
				"\"" + TopicNames.shorten(value) + "\"; use data, nothing or table");
	}

}
