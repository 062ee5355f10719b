package io.github.faircomclient.test.mq;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import io.github.faircomclient.test.ProvisionalChoice;
import io.github.faircomclient.test.mq.MqBroker.Outgoing;
import io.github.faircomclient.test.mq.MqBroker.Target;
import io.github.faircomclient.test.mq.StoredMessage.MessageProperties;
import io.github.faircomclient.test.spi.ActionContext;
import io.github.faircomclient.test.spi.ActionException;
import io.github.faircomclient.test.spi.ActionResult;
import io.github.faircomclient.test.spi.Session;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * publishMessagesToMq (and the old publishMessagesToMqtt): checks every message, then stores them
 * all at once.
 */
final class PublishActions {

	/** The documented limit of correlationData. */
	static final int MAX_CORRELATION_BYTES = 65500;

	/** MQTT's largest message expiry interval. */
	static final long MAX_EXPIRY_SECONDS = 4294967295L;

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private final MqBroker broker;

	PublishActions(MqBroker broker) {
		this.broker = broker;
	}

	ActionResult publishMessagesToMq(ActionContext context) {
		JsonNode params = context.params().node();
		Session session = context.requiredSession();
		String clientName = MqJson.string(params, "clientName", "params.clientName").orElse(null);
		Target defaultTarget = target(params, "params", null, session);
		ArrayNode messages = context.params().array("messages")
			.orElseThrow(() -> ActionException.of(ProvisionalChoice.MISSING_PARAMETER, "messages"));
		List<Outgoing> outgoing = new ArrayList<>();
		for (int i = 0; i < messages.size(); i++) {
			outgoing.add(message(messages.get(i), i, clientName, defaultTarget, session));
		}
		ZoneId zone = context.clock().zone();
		List<StoredMessage> stored = this.broker.locked(() -> this.broker.publish(outgoing));
		ObjectNode result = MqJson.NODES.objectNode();
		ArrayNode data = result.putArray("data");
		for (StoredMessage message : stored) {
			data.addObject()
				.put("topic", message.topic())
				.put("position", message.position())
				.put("timestamp", MqJson.millis(message.timestamp(), zone));
		}
		return ActionResult.success(result);
	}

	private static Outgoing message(JsonNode message, int index, @Nullable String defaultClient,
			@Nullable Target defaultTarget, Session session) {
		String path = "params.messages[" + index + "]";
		if (!message.isObject()) {
			throw MqJson.wrongType(path, "an object");
		}
		String clientName = MqJson.string(message, "clientName", path + ".clientName").orElse(defaultClient);
		if (clientName == null) {
			throw ActionException.of(ProvisionalChoice.MISSING_PARAMETER, "clientName");
		}
		Target target = target(message, path, defaultTarget, session);
		if (target == null) {
			throw ActionException.of(ProvisionalChoice.MISSING_PARAMETER, "topic");
		}
		JsonNode payload = MqJson.value(message, "payload");
		if (payload == null) {
			throw ActionException.of(ProvisionalChoice.MISSING_PARAMETER, path.substring("params.".length()) + ".payload");
		}
		PayloadFormat format = format(message, path, payload);
		byte[] bytes;
		try {
			bytes = format.decode(payload);
		}
		catch (IllegalArgumentException ex) {
			throw ActionException.of(ProvisionalChoice.MQ_INVALID_PAYLOAD, index, ex.getMessage());
		}
		return new Outgoing(clientName, target, bytes, format, properties(message, path));
	}

	/**
	 * The payload format: binaryFormat or mqttPayloadType (which must agree); without either, utf8 for a
	 * string payload and json for any other value.
	 */
	private static PayloadFormat format(JsonNode message, String path, JsonNode payload) {
		PayloadFormat binary = MqJson.string(message, "binaryFormat", path + ".binaryFormat")
			.map((value) -> PayloadFormat.of(path + ".binaryFormat", value))
			.orElse(null);
		PayloadFormat mqtt = MqJson.string(message, "mqttPayloadType", path + ".mqttPayloadType")
			.map((value) -> PayloadFormat.of(path + ".mqttPayloadType", value))
			.orElse(null);
		if (binary != null && mqtt != null && binary != mqtt) {
			throw MqJson.invalid(path + ": binaryFormat and mqttPayloadType disagree; give one of them.");
		}
		PayloadFormat given = (binary != null) ? binary : mqtt;
		if (given != null) {
			return given;
		}
		return payload.isString() ? PayloadFormat.UTF8 : PayloadFormat.JSON;
	}

	private static MessageProperties properties(JsonNode message, String path) {
		String contentType = MqJson.mqttString(message, "contentType", path + ".contentType").orElse(null);
		JsonNode correlation = MqJson.value(message, "correlationData");
		if (correlation != null
				&& MAPPER.writeValueAsString(correlation).getBytes(StandardCharsets.UTF_8).length > MAX_CORRELATION_BYTES) {
			throw ActionException.of(ProvisionalChoice.INVALID_PROPERTY_VALUE, path + ".correlationData",
					"longer than " + MAX_CORRELATION_BYTES + " bytes");
		}
		String responseTopic = MqJson.string(message, "responseTopic", path + ".responseTopic")
			.map(TopicNames::requireTopicName)
			.orElse(null);
		long expiry = MqJson.integer(message, "expirySeconds", path + ".expirySeconds", 0, MAX_EXPIRY_SECONDS).orElse(0);
		boolean retain = MqJson.bool(message, "retain", path + ".retain").orElse(false);
		return new MessageProperties(contentType, (correlation != null) ? correlation.deepCopy() : null, responseTopic,
				MqJson.userProperties(message, path + ".userProperties").orElse(List.of()), expiry, retain);
	}

	/**
	 * The topic or table an object names, else the default; {@code null} when neither names one.
	 */
	private static @Nullable Target target(JsonNode object, String path, @Nullable Target fallback, Session session) {
		String topic = MqJson.string(object, "topic", path + ".topic").orElse(null);
		String table = MqJson.string(object, "tableName", path + ".tableName").orElse(null);
		if (topic != null && table != null) {
			throw MqJson.invalid(path + ": give topic or tableName, not both.");
		}
		if (topic != null) {
			TopicNames.requireTopicName(topic);
			return new Target(topic, "", "", "");
		}
		if (table != null) {
			String database = MqJson.string(object, "databaseName", path + ".databaseName")
				.orElse(session.defaultDatabaseName());
			String owner = MqJson.string(object, "ownerName", path + ".ownerName").orElse(session.defaultOwnerName());
			return new Target(null, database, owner, table);
		}
		return fallback;
	}

}
