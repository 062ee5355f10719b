package io.github.faircomclient.test.mq;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

import io.github.faircomclient.test.ProvisionalChoice;
import io.github.faircomclient.test.mq.MqBroker.Read;
import io.github.faircomclient.test.mq.StartFrom.Replay;
import io.github.faircomclient.test.mq.Subscription.RetainHandling;
import io.github.faircomclient.test.mq.TopicNames.Filter;
import io.github.faircomclient.test.spi.ActionContext;
import io.github.faircomclient.test.spi.ActionException;
import io.github.faircomclient.test.spi.ActionResult;
import io.github.faircomclient.test.spi.Session;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Subscribing and reading: subscribeToMq, the stateful getMessagesFromMqApiSession and the stateless
 * getMessagesFromMqTopic (and their old names).
 */
final class DeliveryActions {

	/** maxMessages when a read does not say. */
	static final int DEFAULT_MAX_MESSAGES = 20;

	/** The largest maxMessages. */
	static final int MAX_MESSAGES = 10000;

	/** MQTT's largest subscription identifier. */
	static final int MAX_SUBSCRIPTION_IDENTIFIER = 268435455;

	private final MqBroker broker;

	DeliveryActions(MqBroker broker) {
		this.broker = broker;
	}

	ActionResult subscribeToMq(ActionContext context) {
		String clientName = context.params().requiredString("clientName");
		ArrayNode actions = context.params().array("subscriptionActions")
			.orElseThrow(() -> ActionException.of(ProvisionalChoice.MISSING_PARAMETER, "subscriptionActions"));
		List<Change> changes = new ArrayList<>();
		for (int i = 0; i < actions.size(); i++) {
			changes.add(change(actions.get(i), "params.subscriptionActions[" + i + "]"));
		}
		return this.broker.locked(() -> {
			MqSession session = this.broker.requireSession(clientName);
			Instant now = this.broker.now();
			session.activity(now);
			List<String> missing = new ArrayList<>();
			for (Change change : changes) {
				if (change.add()) {
					Subscription template = change.subscription();
					this.broker.subscribe(session, new Subscription(template.filter(), template.subscriptionIdentifier(),
							template.includeExpiredMessages(), template.receiveRetainedMessages(),
							template.receiveMyMessages(), template.userProperties(), this.broker.sequence(), now));
				}
				else if (!this.broker.unsubscribe(session, change.subscription().filter().text())) {
					missing.add(change.subscription().filter().text());
				}
			}
			ObjectNode result = MqJson.NODES.objectNode();
			result.put("clientName", session.clientName());
			result.set("subscriptions", new SessionView(this.broker, context.clock().zone()).subscribedTopics(session));
			ActionResult answer = ActionResult.success(result);
			for (String filter : missing) {
				answer = answer.withWarning(ProvisionalChoice.MQ_NOT_SUBSCRIBED.errorCode(), ProvisionalChoice.MQ_NOT_SUBSCRIBED
					.message(TopicNames.shorten(session.clientName()), TopicNames.shorten(filter)));
			}
			return answer;
		});
	}

	private static Change change(JsonNode action, String path) {
		if (!action.isObject()) {
			throw MqJson.wrongType(path, "an object");
		}
		String kind = MqJson.string(action, "subscriptionAction", path + ".subscriptionAction")
			.orElseThrow(() -> ActionException.of(ProvisionalChoice.MISSING_PARAMETER,
					path.substring("params.".length()) + ".subscriptionAction"));
		boolean add = switch (kind.trim().toLowerCase(Locale.ROOT)) {
			case "add" -> true;
			case "remove" -> false;
			default -> throw ActionException.of(ProvisionalChoice.INVALID_PROPERTY_VALUE, path + ".subscriptionAction",
					"\"" + TopicNames.shorten(kind) + "\"; use add or remove");
		};
		Filter filter = TopicNames.parseFilter(MqJson.string(action, "topicFilter", path + ".topicFilter")
			.orElseThrow(() -> ActionException.of(ProvisionalChoice.MISSING_PARAMETER,
					path.substring("params.".length()) + ".topicFilter")));
		Integer identifier = null;
		OptionalLong given = MqJson.integer(action, "subscriptionIdentifier", path + ".subscriptionIdentifier", 1,
				MAX_SUBSCRIPTION_IDENTIFIER);
		if (given.isPresent()) {
			identifier = (int) given.getAsLong();
		}
		boolean receiveMine = MqJson.bool(action, "receiveMyMessages", path + ".receiveMyMessages").orElse(true);
		if (filter.shared() && !receiveMine && add) {
			throw MqJson.invalid(path + ": receiveMyMessages false is not allowed on a shared subscription (MQTT 5).");
		}
		Subscription subscription = new Subscription(filter, identifier,
				MqJson.bool(action, "includeExpiredMessages", path + ".includeExpiredMessages").orElse(false),
				retainHandling(action, path + ".receiveRetainedMessages"), receiveMine,
				MqJson.userProperties(action, path + ".userProperties").orElse(List.of()), 0, Instant.EPOCH);
		return new Change(add, subscription);
	}

	private static RetainHandling retainHandling(JsonNode action, String path) {
		JsonNode value = MqJson.value(action, "receiveRetainedMessages");
		if (value == null) {
			return RetainHandling.ON_SUBSCRIPTION;
		}
		if (value.isBoolean()) {
			return value.booleanValue() ? RetainHandling.ON_SUBSCRIPTION : RetainHandling.NEVER;
		}
		if (value.isString()) {
			return RetainHandling.of(path, value.stringValue());
		}
		throw MqJson.wrongType(path, "a boolean or one of onSubscription, onNewSubscription, never");
	}

	ActionResult getMessagesFromMqApiSession(ActionContext context) {
		JsonNode params = context.params().node();
		String clientName = context.params().requiredString("clientName");
		int max = maxMessages(params);
		PayloadFormat format = requestedFormat(params);
		Filter narrow = MqJson.string(params, "topic", "params.topic").map(TopicNames::parseFilter).orElse(null);
		ZoneId zone = context.clock().zone();
		return this.broker.locked(() -> {
			MqSession session = this.broker.requireSession(clientName);
			Instant now = this.broker.now();
			session.activity(now);
			Read read = this.broker.read(session, max, narrow);
			ObjectNode result = MqJson.NODES.objectNode();
			result.put("clientName", session.clientName());
			ArrayNode data = result.putArray("data");
			PayloadFormat binary = binaryDefault(session.creator().binaryFormat());
			read.messages().forEach((message) -> data.add(render(message, format, binary, now, zone)));
			result.put("moreMessages", read.more());
			return ActionResult.success(result);
		});
	}

	ActionResult getMessagesFromMqTopic(ActionContext context) {
		JsonNode params = context.params().node();
		Session session = context.requiredSession();
		String topic = MqJson.string(params, "topic", "params.topic").orElse(null);
		String table = MqJson.string(params, "tableName", "params.tableName").orElse(null);
		if ((topic == null) == (table == null)) {
			throw MqJson.invalid("getMessagesFromMqTopic needs exactly one of topic and tableName.");
		}
		String database = MqJson.string(params, "databaseName", "params.databaseName").orElse(session.defaultDatabaseName());
		String owner = MqJson.string(params, "ownerName", "params.ownerName").orElse(session.defaultOwnerName());
		if (topic != null) {
			TopicNames.requireTopicName(topic);
		}
		int max = maxMessages(params);
		PayloadFormat format = requestedFormat(params);
		ZoneId zone = context.clock().zone();
		StartFrom startFrom = StartFrom.parse(MqJson.value(params, "startFrom"), zone);
		PayloadFormat binary = binaryDefault(session.defaultBinaryFormat());
		return this.broker.locked(() -> {
			TopicLog log;
			String name;
			if (topic != null) {
				log = this.broker.requireTopic(topic).log();
				name = topic;
			}
			else {
				log = this.broker.log(database, owner, table);
				if (log == null) {
					throw ActionException.of(ProvisionalChoice.MQ_UNKNOWN_TABLE, TopicNames.shorten(table));
				}
				Topic live = this.broker.topicOfTable(database, owner, table);
				name = (live != null) ? live.name() : (log.messages().isEmpty() ? null : log.messages().get(0).topic());
			}
			Instant now = this.broker.now();
			Replay replay = startFrom.select(log, max, now);
			ObjectNode result = MqJson.NODES.objectNode();
			if (name != null) {
				result.put("topic", name);
			}
			else {
				result.putNull("topic");
			}
			ArrayNode data = result.putArray("data");
			replay.messages().forEach((message) -> data.add(render(message, format, binary, now, zone)));
			result.put("moreMessages", replay.more());
			result.put("nextPosition", replay.nextPosition());
			return ActionResult.success(result);
		});
	}

	private static int maxMessages(JsonNode params) {
		return (int) MqJson.integer(params, "maxMessages", "params.maxMessages", 1, MAX_MESSAGES)
			.orElse(DEFAULT_MAX_MESSAGES);
	}

	private static @Nullable PayloadFormat requestedFormat(JsonNode params) {
		return MqJson.string(params, "binaryFormat", "params.binaryFormat")
			.map((value) -> PayloadFormat.of("params.binaryFormat", value))
			.orElse(null);
	}

	private static PayloadFormat binaryDefault(String sessionFormat) {
		return "base64".equalsIgnoreCase(sessionFormat) ? PayloadFormat.BASE64 : PayloadFormat.HEX;
	}

	/**
	 * A message as reads answer it.
	 */
	static ObjectNode render(StoredMessage message, @Nullable PayloadFormat requested, PayloadFormat binaryDefault,
			Instant now, ZoneId zone) {
		PayloadFormat wanted = (requested != null) ? requested : message.format().text() ? message.format() : binaryDefault;
		PayloadFormat.Rendered rendered = wanted.render(message.payload());
		ObjectNode node = MqJson.NODES.objectNode();
		node.put("topic", message.topic());
		node.put("position", message.position());
		node.put("timestamp", MqJson.millis(message.timestamp(), zone));
		node.set("payload", rendered.payload());
		node.put("binaryFormat", rendered.format().wireName());
		StoredMessage.MessageProperties properties = message.properties();
		node.put("contentType", properties.contentType());
		node.set("correlationData", (properties.correlationData() != null) ? properties.correlationData().deepCopy()
				: MqJson.NODES.nullNode());
		node.put("responseTopic", properties.responseTopic());
		node.set("userProperties", MqJson.userProperties(properties.userProperties()));
		Instant expiresAt = message.expiresAt();
		if (expiresAt != null) {
			long millis = Math.max(0, Duration.between(now, expiresAt).toMillis());
			node.put("expirySeconds", (millis + 999) / 1000);
		}
		else {
			node.putNull("expirySeconds");
		}
		node.put("retain", properties.retain());
		node.put("publisherClientName", message.publisher());
		return node;
	}

	private record Change(boolean add, Subscription subscription) {
	}

}
