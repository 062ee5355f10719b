package io.github.faircomclient.mq;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Reads the MQ API's answers leniently: FairCom documents few of them, so a property of an
 * unexpected type or a missing one becomes {@code null} (or empty), never an error.
 */
final class MqAnswers {

	private MqAnswers() {
	}

	static MqMessage<JsonNode> message(JsonNode node, String fallbackTopic) {
		JsonNode payload = node.get("payload");
		List<MqUserProperty> properties = userProperties(node.get("userProperties"));
		Long expirySeconds = number(node, "expirySeconds");
		JsonNode correlation = node.get("correlationData");
		String topic = text(node, "topic");
		return new MqMessage<>((topic != null) ? topic : fallbackTopic, number(node, "position"),
				time(node, "timestamp"), (payload != null) ? payload : JsonNodeFactory.instance.nullNode(),
				MqPayloadFormat.of(text(node, "binaryFormat")), text(node, "contentType"),
				(correlation == null || correlation.isNull()) ? null : correlation, text(node, "responseTopic"),
				properties, (expirySeconds != null) ? Duration.ofSeconds(expirySeconds) : null,
				node.path("retain").asBoolean(false), text(node, "publisherClientName"), node);
	}

	static List<MqUserProperty> userProperties(@Nullable JsonNode node) {
		List<MqUserProperty> properties = new ArrayList<>();
		if (node == null) {
			return properties;
		}
		if (node.isArray()) {
			for (JsonNode element : node) {
				String key = text(element, "key");
				if (key != null) {
					String value = text(element, "value");
					properties.add(new MqUserProperty(key, (value != null) ? value : ""));
				}
			}
		}
		else if (node.isObject()) {
			node.properties().forEach((entry) -> properties.add(new MqUserProperty(entry.getKey(),
					entry.getValue().isString() ? entry.getValue().stringValue() : entry.getValue().toString())));
		}
		return properties;
	}

	static MqTopicDescription topic(JsonNode node, String fallbackName) {
		String name = text(node, "name");
		JsonNode persistence = node.get("persistence");
		return new MqTopicDescription((name != null) ? name : fallbackName, time(node, "creationTime"),
				number(node, "messageCount"), time(node, "lastMessageTime"), number(node, "averageMessagesPerMinute"),
				(persistence != null && persistence.isObject()) ? persistence : JsonNodeFactory.instance.objectNode(),
				node);
	}

	static MqSessionDescription session(JsonNode node, String fallbackName) {
		String name = text(node, "clientName");
		JsonNode temporary = node.get("temporarySession");
		JsonNode stats = node.get("stats");
		List<String> filters = new ArrayList<>();
		JsonNode subscribed = node.has("subscribedTopics") ? node.get("subscribedTopics") : node.get("subscriptions");
		if (subscribed != null && subscribed.isArray()) {
			for (JsonNode subscription : subscribed) {
				String filter = text(subscription, "topicFilter");
				if (filter != null) {
					filters.add(filter);
				}
			}
		}
		return new MqSessionDescription((name != null) ? name : fallbackName, text(node, "sessionType"),
				(temporary != null && temporary.isBoolean()) ? temporary.booleanValue() : null,
				MqSessionStatus.of(text(node, "sessionStatus")), text(node, "connectionStatus"),
				number(node, "keepAliveSeconds"), number(node, "sessionExpiryInterval"), filters,
				(stats != null && stats.isObject()) ? new MqSessionStats(text(stats, "sessionHealth"),
						number(stats, "totalMessagesPublished"), number(stats, "totalMessagesReceived"),
						number(stats, "currentDeliveryBacklogged"), stats) : null,
				node);
	}

	static List<JsonNode> objects(JsonNode result, String name) {
		List<JsonNode> objects = new ArrayList<>();
		JsonNode array = result.get(name);
		if (array != null && array.isArray()) {
			array.forEach((element) -> {
				if (element.isObject()) {
					objects.add(element);
				}
			});
		}
		return objects;
	}

	static List<String> topicFilters(JsonNode result) {
		List<String> filters = new ArrayList<>();
		for (JsonNode subscription : objects(result, "subscriptions")) {
			String filter = text(subscription, "topicFilter");
			if (filter != null) {
				filters.add(filter);
			}
		}
		return filters;
	}

	static @Nullable String text(@Nullable JsonNode node, String name) {
		JsonNode value = (node != null) ? node.get(name) : null;
		if (value == null || value.isNull() || value.isContainer()) {
			return null;
		}
		return value.isString() ? value.stringValue() : value.asString();
	}

	static @Nullable Long number(JsonNode node, String name) {
		JsonNode value = node.get(name);
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

	static @Nullable LocalDateTime time(JsonNode node, String name) {
		String text = text(node, name);
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDateTime.parse(text.trim().replace(' ', 'T'));
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
