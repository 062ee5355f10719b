package io.github.faircomclient.test.mq;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import io.github.faircomclient.test.EmulatorClock;
import io.github.faircomclient.test.spi.ActionHandler;
import io.github.faircomclient.test.spi.ActionRegistry;
import io.github.faircomclient.test.spi.EmulatorPlugin;
import io.github.faircomclient.test.spi.EmulatorPluginContext;
import org.jspecify.annotations.Nullable;

/**
 * The emulator plugin that answers the FairCom MQ API ({@code "api": "mq"}): topics, MQ API sessions,
 * publishing, subscriptions with MQTT topic filters and {@code $share/} groups, stateful reads per
 * client and stateless replay, kept in memory. Its public methods let tests look inside. An MQ action
 * that a plugin installed earlier already registered is left to that plugin.
 */
public final class MqPlugin implements EmulatorPlugin {

	private volatile EmulatorClock clock = EmulatorClock.system();

	private final MqBroker broker = new MqBroker(() -> this.clock.now());

	@Override
	public void install(EmulatorPluginContext context) {
		this.clock = context.clock();
		TopicActions topics = new TopicActions(this.broker);
		SessionActions sessions = new SessionActions(this.broker);
		PublishActions publishing = new PublishActions(this.broker);
		DeliveryActions delivery = new DeliveryActions(this.broker);
		ActionRegistry actions = context.actions();
		register(actions, "configureTopic", topics::configureTopic);
		register(actions, "describeTopics", topics::describeTopics);
		register(actions, "listTopics", topics::listTopics);
		register(actions, "deleteTopic", topics::deleteTopic);
		register(actions, "createMqApiSession", sessions::createMqApiSession);
		register(actions, "createMqttSession", sessions::createMqApiSession);
		register(actions, "alterMqSession", sessions::alterMqSession);
		register(actions, "alterMqttSession", sessions::alterMqSession);
		register(actions, "listMqSessions", sessions::listMqSessions);
		register(actions, "describeMqSessions", sessions::describeMqSessions);
		register(actions, "describeMqttSession", sessions::describeMqttSession);
		register(actions, "deleteMqSession", sessions::deleteMqSession);
		register(actions, "deleteMqttSession", sessions::deleteMqttSession);
		register(actions, "publishMessagesToMq", publishing::publishMessagesToMq);
		register(actions, "publishMessagesToMqtt", publishing::publishMessagesToMq);
		register(actions, "subscribeToMq", delivery::subscribeToMq);
		register(actions, "subscribeToMqtt", delivery::subscribeToMq);
		register(actions, "getMessagesFromMqApiSession", delivery::getMessagesFromMqApiSession);
		register(actions, "getMessagesFromMqttSession", delivery::getMessagesFromMqApiSession);
		register(actions, "getMessagesFromMqTopic", delivery::getMessagesFromMqTopic);
		register(actions, "getMessagesFromMqttTopic", delivery::getMessagesFromMqTopic);
	}

	private static void register(ActionRegistry actions, String action, ActionHandler handler) {
		if (actions.find("mq", action).isEmpty()) {
			actions.register("mq", action, handler);
		}
	}

	/**
	 * The names of the topics, in code-point order.
	 * @return the topic names
	 */
	public List<String> topics() {
		return this.broker.locked(() -> this.broker.topics().stream().map(Topic::name).toList());
	}

	/**
	 * The stored messages of a topic, expired ones included, in position order.
	 * @param topic the topic name
	 * @return the messages (empty for an unknown topic)
	 */
	public List<Message> messages(String topic) {
		return this.broker.locked(() -> {
			Topic found = this.broker.topic(topic);
			return (found != null) ? found.log().messages().stream().map(MqPlugin::message).toList() : List.of();
		});
	}

	/**
	 * The retained message of a topic.
	 * @param topic the topic name
	 * @return the retained message, if any
	 */
	public Optional<Message> retainedMessage(String topic) {
		return this.broker.locked(() -> {
			Topic found = this.broker.topic(topic);
			StoredMessage retained = (found != null) ? found.retained() : null;
			return Optional.ofNullable(retained).map(MqPlugin::message);
		});
	}

	/**
	 * How often a message was delivered by stateful reads (all sessions together).
	 * @param topic the topic name
	 * @param position the message's position
	 * @return the number of deliveries, 0 for an unknown message
	 */
	public long deliveryCount(String topic, long position) {
		return messages(topic).stream()
			.filter((message) -> message.position() == position)
			.mapToLong(Message::deliveries)
			.sum();
	}

	/**
	 * The client names of the MQ sessions, in code-point order (timed-out temporary sessions are gone).
	 * @return the client names
	 */
	public List<String> clientNames() {
		return this.broker.locked(() -> this.broker.sessions().stream().map(MqSession::clientName).toList());
	}

	/**
	 * The state of one MQ session.
	 * @param clientName the client name
	 * @return the session's state, if it exists
	 */
	public Optional<Client> client(String clientName) {
		return this.broker.locked(() -> {
			MqSession session = this.broker.session(clientName);
			if (session == null) {
				return Optional.empty();
			}
			return Optional.of(new Client(session.clientName(), session.isTemporary(), session.status().wireName(),
					List.copyOf(session.subscriptions().keySet()),
					Collections.unmodifiableMap(new TreeMap<>(session.positions())),
					session.received().total(), session.published().total(), this.broker.backlog(session)));
		});
	}

	/**
	 * The last position a session received by a stateful read, per topic.
	 * @param clientName the client name
	 * @return topic to position (empty for an unknown session)
	 */
	public Map<String, Long> positions(String clientName) {
		return client(clientName).map(Client::positions).orElse(Map.of());
	}

	private static Message message(StoredMessage message) {
		return new Message(message.topic(), message.position(), message.timestamp(), message.payload(),
				message.format().wireName(), message.publisher(), message.properties().retain(), message.expiresAt(),
				message.deliveries());
	}

	/**
	 * A stored message.
	 * @param topic the topic
	 * @param position the position in the topic, from 1
	 * @param timestamp when it was published (emulator clock)
	 * @param payload the payload bytes (a copy)
	 * @param binaryFormat the format it was published in
	 * @param publisherClientName the publishing MQ session
	 * @param retain whether it was published with retain
	 * @param expiresAt when it expires, or {@code null}
	 * @param deliveries how often stateful reads delivered it
	 */
	public record Message(String topic, long position, Instant timestamp, byte[] payload, String binaryFormat,
			String publisherClientName, boolean retain, @Nullable Instant expiresAt, long deliveries) {

		/**
		 * Copies the payload.
		 */
		public Message {
			payload = payload.clone();
		}

		@Override
		public byte[] payload() {
			return this.payload.clone();
		}

		/**
		 * The payload as UTF-8 text.
		 * @return the text
		 */
		public String payloadText() {
			return new String(this.payload, StandardCharsets.UTF_8);
		}

		@Override
		public boolean equals(@Nullable Object other) {
			return other instanceof Message that && this.topic.equals(that.topic) && this.position == that.position
					&& this.timestamp.equals(that.timestamp) && Arrays.equals(this.payload, that.payload)
					&& this.binaryFormat.equals(that.binaryFormat)
					&& this.publisherClientName.equals(that.publisherClientName) && this.retain == that.retain
					&& Objects.equals(this.expiresAt, that.expiresAt) && this.deliveries == that.deliveries;
		}

		@Override
		public int hashCode() {
			return Objects.hash(this.topic, this.position, this.timestamp, Arrays.hashCode(this.payload));
		}

		@Override
		public String toString() {
			return "Message[topic=" + this.topic + ", position=" + this.position + ", payload=" + this.payload.length
					+ " bytes, deliveries=" + this.deliveries + "]";
		}

	}

	/**
	 * The state of an MQ session.
	 * @param clientName the client name
	 * @param temporary whether it is temporary
	 * @param sessionStatus normal, hidden, banned or inactive
	 * @param subscriptions its topic filters, in subscription order
	 * @param positions the last position received per topic
	 * @param delivered how many messages it received by stateful reads
	 * @param published how many messages it published
	 * @param backlog how many messages wait for it (its own and its shared groups')
	 */
	public record Client(String clientName, boolean temporary, String sessionStatus, List<String> subscriptions,
			Map<String, Long> positions, long delivered, long published, long backlog) {
	}

}
