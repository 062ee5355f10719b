package io.github.faircomclient.test.mq;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders MQ sessions the way describeMqSessions shows them: the session object (newer fields plus
 * the older MQTT 5 capability fields), its statistics, its topic lists, and the legacy single-object
 * layout of describeMqttSession. Called under the broker's lock.
 */
final class SessionView {

	static final int MIN_HEALTHY_SEND_RATE = 1;

	static final int MAX_HEALTHY_SEND_RATE = 1000;

	static final int MAX_HEALTHY_BACKLOG_RATE = 1;

	static final int MIN_HEALTHY_FILTERS = 1;

	static final int MAX_HEALTHY_FILTERS = 1000;

	private static final Duration MINUTE = Duration.ofMinutes(1);

	private static final Duration TEN_MINUTES = Duration.ofMinutes(10);

	private static final Duration HOUR = Duration.ofHours(1);

	private final MqBroker broker;

	private final Instant now;

	private final ZoneId zone;

	SessionView(MqBroker broker, ZoneId zone) {
		this.broker = broker;
		this.now = broker.now();
		this.zone = zone;
	}

	String connectionStatus(MqSession session) {
		return session.connected(this.now) ? "connected" : "disconnected";
	}

	/**
	 * The session object of describeMqSessions, createMqApiSession and alterMqSession.
	 */
	ObjectNode session(MqSession session) {
		ObjectNode node = MqJson.NODES.objectNode();
		node.put("clientName", session.clientName());
		node.put("sessionType", "mqApi");
		node.put("cleanSession", session.cleanSession());
		node.put("temporarySession", session.isTemporary());
		node.put("sessionStatus", session.status().wireName());
		node.put("username", session.creator().username());
		node.put("ipaddress", session.creator().clientAddress());
		node.put("port", 0);
		node.put("mqttProtocol", "3.1.1");
		node.put("keepAliveSeconds", session.keepAliveSeconds());
		node.put("connectionStatus", connectionStatus(session));
		MqJson.putSeconds(node, "connectionDateTime", session.connectedAt(), this.zone);
		Instant disconnected = session.disconnectedAt(this.now);
		MqJson.putSeconds(node, "disconnectionDateTime", disconnected, this.zone);
		if (disconnected == null) {
			node.putNull("disconnectionReason");
		}
		else {
			node.put("disconnectionReason", (session.status() == MqSession.Status.INACTIVE) ? "Session deactivated"
					: "No MQ action within keepAliveSeconds x 1.5");
		}
		node.putNull("lastFailedConnectionDateTime");
		node.putNull("lastFailedConnectionReason");
		node.put("internalSession", false);
		node.put("sessionExpiryInterval", session.sessionExpiryInterval());
		capabilities(session, node);
		if (session.mqttPayloadType() != null) {
			node.put("mqttPayloadType", session.mqttPayloadType());
		}
		else {
			node.putNull("mqttPayloadType");
		}
		node.put("defaultBinaryFormat", session.creator().binaryFormat());
		node.put("defaultVariantFormat", session.creator().variantFormat());
		node.set("defaultResponseOptions", session.creator().responseOptions().deepCopy());
		return node;
	}

	private static void capabilities(MqSession session, ObjectNode node) {
		node.put("receiveMaximum", session.receiveMaximum());
		node.put("maximumQoS", 2);
		node.put("retainAvailable", true);
		node.put("maximumPacketSize", session.maximumPacketSize());
		node.put("topicAliasMaximum", session.topicAliasMaximum());
		node.put("reasonString", "");
		node.set("userProperties", MqJson.userProperties(session.userProperties()));
		node.put("wildcardSubscriptionAvailable", true);
		node.put("subscriptionIdentifiersAvailable", true);
		node.put("sharedSubscriptionAvailable", true);
		node.put("brokerKeepAlive", 0);
	}

	/**
	 * The {@code stats} object.
	 */
	ObjectNode stats(MqSession session) {
		ObjectNode stats = MqJson.NODES.objectNode();
		stats.put("minHealthySendRatePerMinute", MIN_HEALTHY_SEND_RATE);
		stats.put("maxHealthySendRatePerMinute", MAX_HEALTHY_SEND_RATE);
		stats.put("maxHealthyBacklogRatePerMinute", MAX_HEALTHY_BACKLOG_RATE);
		stats.put("minHealthySubscribedTopicFiltersCount", MIN_HEALTHY_FILTERS);
		stats.put("maxHealthySubscribedTopicFiltersCount", MAX_HEALTHY_FILTERS);
		stats.put("sessionHealth", health(session));
		long minutes = Math.max(1, Duration.between(session.createdAt(), this.now).toMinutes());
		RateCounter published = session.published();
		stats.put("totalMessagesPublished", published.total());
		stats.put("publishRatePerMinute", published.within(this.now, MINUTE));
		stats.put("publishRatePerMinuteLast10Minutes", published.within(this.now, TEN_MINUTES) / 10);
		stats.put("publishRatePerMinuteInSession", published.total() / minutes);
		stats.put("publishRatePerHour", published.within(this.now, HOUR));
		RateCounter received = session.received();
		stats.put("totalMessagesReceived", received.total());
		stats.put("receiveMessagesPerMinute", received.within(this.now, MINUTE));
		stats.put("receiveMessagesPerMinuteLast10Minutes", received.within(this.now, TEN_MINUTES) / 10);
		stats.put("receiveMessagesPerMinuteSinceInSession", received.total() / minutes);
		stats.put("receiveMessagesPerHour", received.within(this.now, HOUR));
		stats.put("currentDeliveryBacklogged", this.broker.backlog(session));
		stats.put("deliveryBacklogRatePerMinute", backlogRate(session));
		return stats;
	}

	private long backlogRate(MqSession session) {
		return Math.max(0, session.enqueued().within(this.now, MINUTE) - session.received().within(this.now, MINUTE));
	}

	/**
	 * offline when disconnected; unhealthy when a rate or the subscription count exceeds its maximum.
	 */
	String health(MqSession session) {
		if (!session.connected(this.now)) {
			return "offline";
		}
		boolean unhealthy = session.published().within(this.now, MINUTE) > MAX_HEALTHY_SEND_RATE
				|| backlogRate(session) > MAX_HEALTHY_BACKLOG_RATE
				|| session.subscriptions().size() > MAX_HEALTHY_FILTERS;
		return unhealthy ? "unhealthy" : "healthy";
	}

	/**
	 * {@code subscribedTopics}: each filter with the existing topics it matches and its options.
	 */
	ArrayNode subscribedTopics(MqSession session) {
		ArrayNode list = MqJson.NODES.arrayNode();
		for (Subscription subscription : session.subscriptions().values()) {
			ObjectNode entry = list.addObject();
			entry.put("topicFilter", subscription.filter().text());
			ArrayNode topics = entry.putArray("topics");
			for (Topic topic : this.broker.topics()) {
				if (subscription.filter().matches(topic.name())) {
					topics.addObject().put("topic", topic.name());
				}
			}
			options(subscription, entry, "receiveMyMessages");
		}
		return list;
	}

	private static void options(Subscription subscription, ObjectNode entry, String receiveMyMessagesName) {
		Integer identifier = subscription.subscriptionIdentifier();
		if (identifier != null) {
			entry.put("subscriptionIdentifier", identifier.intValue());
		}
		else {
			entry.putNull("subscriptionIdentifier");
		}
		entry.put("includeExpiredMessages", subscription.includeExpiredMessages());
		entry.put("receiveRetainedMessages", subscription.receiveRetainedMessages().wireName());
		entry.put(receiveMyMessagesName, subscription.receiveMyMessages());
		entry.set("userProperties", MqJson.userProperties(subscription.userProperties()));
	}

	ArrayNode publishedTopics(MqSession session) {
		ArrayNode list = MqJson.NODES.arrayNode();
		session.publishedTopics().forEach(list::add);
		return list;
	}

	/**
	 * The legacy layout of describeMqttSession: one object with capabilities, health settings and
	 * subscriptions with their matching topics' tables.
	 */
	ObjectNode legacy(MqSession session) {
		ObjectNode node = MqJson.NODES.objectNode();
		node.put("sessionPresent", false);
		node.put("clientName", session.clientName());
		node.put("sessionExpiryInterval", session.sessionExpiryInterval());
		capabilities(session, node);
		node.putNull("responseMessagePrefix");
		node.putNull("brokerReference");
		node.put("authenticationMethod", "");
		node.putNull("authenticationData");
		node.put("sessionHealth", health(session));
		node.put("minHealthySendRatePerMinute", MIN_HEALTHY_SEND_RATE);
		node.put("maxHealthySendRatePerMinute", MAX_HEALTHY_SEND_RATE);
		node.put("maxHealhtyBacklogRatePerMinute", MAX_HEALTHY_BACKLOG_RATE);
		node.put("minHealthySubscribedTopicFiltersCount", MIN_HEALTHY_FILTERS);
		node.put("maxHealthySubscribedTopicFiltersCount", MAX_HEALTHY_FILTERS);
		ArrayNode subscriptions = node.putArray("subscriptions");
		for (Subscription subscription : session.subscriptions().values()) {
			ObjectNode entry = subscriptions.addObject();
			entry.put("topicFilter", subscription.filter().text());
			ArrayNode matching = entry.putArray("matchingTopics");
			for (Topic topic : this.broker.topics()) {
				if (subscription.filter().matches(topic.name())) {
					matching.addObject()
						.put("topic", topic.name())
						.put("databaseName", topic.log().databaseName())
						.put("ownerName", topic.log().ownerName())
						.put("tableName", topic.log().tableName());
				}
			}
			options(subscription, entry, "receiveMyOwnMessages");
		}
		return node;
	}

}
