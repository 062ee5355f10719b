package io.github.faircomclient.mq;

import java.lang.reflect.Type;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/**
 * Typed operations of FairCom's MQ API ({@code "api": "mq"}) on the session the underlying
 * operations manage: topics, MQ API sessions, publishing, subscriptions, the stateful
 * session read, the stateless replay and request/reply. Obtain one from
 * {@link io.github.faircomclient.core.FairComOperations#mq()}.
 * <p>
 * FairCom documents few MQ answers: every answer is read leniently, and what the server
 * did not send is {@code null} or empty. Errors of the server raise
 * {@link io.github.faircomclient.FairComApiException}.
 *
 * @see MqTemplate
 */
public interface MqOperations {

	/**
	 * Create a topic, or change the settings given of an existing one
	 * ({@code configureTopic}).
	 * @param topic the topic name
	 * @param settings the settings to set
	 * @return the topic afterwards, as far as the server told (only its name otherwise)
	 */
	MqTopicDescription configureTopic(String topic, MqTopicSettings settings);

	/**
	 * Create a topic with the server's defaults, or leave an existing one as it is.
	 * @param topic the topic name
	 * @return the topic
	 */
	default MqTopicDescription configureTopic(String topic) {
		return configureTopic(topic, MqTopicSettings.none());
	}

	/**
	 * Describe topics ({@code describeTopics}); topics that do not exist are left out.
	 * @param topics the topic names, empty for every topic
	 * @return the topics
	 */
	List<MqTopicDescription> describeTopics(Collection<String> topics);

	/**
	 * Describe one topic.
	 * @param topic the topic name
	 * @return the topic, if it exists
	 */
	default Optional<MqTopicDescription> describeTopic(String topic) {
		return describeTopics(List.of(topic)).stream().filter((description) -> description.name().equals(topic))
			.findFirst();
	}

	/**
	 * List the topic names ({@code listTopics}), every page of them.
	 * @return the names
	 */
	default List<String> listTopics() {
		return listTopics("");
	}

	/**
	 * List the topic names that start with a prefix, every page of them.
	 * @param partialName the prefix, empty for all
	 * @return the names
	 */
	List<String> listTopics(String partialName);

	/**
	 * Delete a topic with its messages and table ({@code deleteTopic}).
	 * @param topic the topic name
	 * @return {@code false} if the server reported that it found no such topic (warning
	 * 14229)
	 */
	default boolean deleteTopic(String topic) {
		return deleteTopic(topic, MqTopicPreserve.NOTHING);
	}

	/**
	 * Delete a topic, keeping what {@code preserve} says.
	 * @param topic the topic name
	 * @param preserve what to keep
	 * @return {@code false} if the server reported that it found no such topic
	 */
	boolean deleteTopic(String topic, MqTopicPreserve preserve);

	/**
	 * Create an MQ API session ({@code createMqApiSession}).
	 * @param clientName the client name
	 * @param settings its settings
	 * @return the session, as far as the server told
	 */
	MqSessionDescription createSession(String clientName, MqSessionSettings settings);

	/**
	 * Return the MQ API session with this client name, creating it with the given settings
	 * when there is none. Two clients that ensure the same name at once end up sharing one
	 * session.
	 * @param clientName the client name
	 * @param settings the settings of a new session
	 * @return the session
	 */
	MqSessionDescription ensureSession(String clientName, MqSessionSettings settings);

	/**
	 * Change settings of an MQ session ({@code alterMqSession}).
	 * @param clientName the client name
	 * @param changes the settings to change
	 * @return the session afterwards, as far as the server told
	 */
	MqSessionDescription alterSession(String clientName, MqSessionSettings changes);

	/**
	 * List the MQ sessions ({@code listMqSessions}).
	 * @return the sessions
	 */
	default List<MqSessionSummary> listSessions() {
		return listSessions("");
	}

	/**
	 * List the MQ sessions whose client name starts with a prefix.
	 * @param partialClientName the prefix, empty for all
	 * @return the sessions
	 */
	List<MqSessionSummary> listSessions(String partialClientName);

	/**
	 * Describe MQ sessions with their statistics and subscriptions
	 * ({@code describeMqSessions}); names without a session are left out.
	 * @param clientNames the client names, empty for every session
	 * @return the sessions
	 */
	List<MqSessionDescription> describeSessions(Collection<String> clientNames);

	/**
	 * Describe one MQ session with its statistics and subscriptions.
	 * @param clientName the client name
	 * @return the session, if it exists
	 */
	default Optional<MqSessionDescription> describeSession(String clientName) {
		return describeSessions(List.of(clientName)).stream()
			.filter((session) -> session.clientName().equals(clientName))
			.findFirst();
	}

	/**
	 * Deactivate an MQ session ({@code deleteMqSession}): it keeps its subscriptions and
	 * waiting messages, and its next publish, subscribe or read activates it again.
	 * @param clientName the client name
	 */
	default void deleteSession(String clientName) {
		deleteSession(clientName, false);
	}

	/**
	 * Deactivate or delete an MQ session.
	 * @param clientName the client name
	 * @param permanently whether to delete it with its subscriptions and waiting messages
	 */
	void deleteSession(String clientName, boolean permanently);

	/**
	 * Return the client name of the MQ API session these operations publish with.
	 * @return the client name
	 */
	String getClientName();

	/**
	 * Return operations that publish with another MQ API session, created like the
	 * publisher session when it does not exist.
	 * @param clientName the client name
	 * @return the operations
	 */
	MqOperations withClientName(String clientName);

	/**
	 * Publish a message ({@code publishMessagesToMq}).
	 * @param topic the topic (created by the server if it does not exist)
	 * @param payload a string (text), {@code byte[]}, {@code JsonNode} or any object
	 * (JSON), or an {@link MqOutgoingMessage} with properties
	 * @return where the message was stored
	 */
	default MqPublishResult publish(String topic, Object payload) {
		MqOutgoingMessage message = (payload instanceof MqOutgoingMessage outgoing) ? outgoing
				: MqOutgoingMessage.of(payload);
		return publishAll(topic, List.of(message)).get(0);
	}

	/**
	 * Publish messages to one topic in one call: the server stores all or none.
	 * @param topic the topic
	 * @param messages the messages, at least one
	 * @return where each was stored, in order
	 */
	List<MqPublishResult> publishAll(String topic, List<MqOutgoingMessage> messages);

	/**
	 * Add subscriptions to an MQ API session ({@code subscribeToMq}); one to a filter the
	 * session already has replaces it.
	 * @param clientName the session
	 * @param subscriptions the subscriptions
	 * @return the session's topic filters afterwards, as far as the server told
	 */
	List<String> subscribe(String clientName, Collection<MqSubscription> subscriptions);

	/**
	 * Remove subscriptions of an MQ API session.
	 * @param clientName the session
	 * @param topicFilters the filters, as subscribed
	 * @return the session's topic filters afterwards, as far as the server told
	 */
	List<String> unsubscribe(String clientName, Collection<String> topicFilters);

	/**
	 * Take the next messages of an MQ API session ({@code getMessagesFromMqApiSession}):
	 * each message is read once, and the next read resumes after it. The messages are
	 * consumed by the read: a payload that does not map to the type raises
	 * {@link MqPayloadMappingException}, which holds every message of the read.
	 * @param <T> the payload type
	 * @param clientName the session
	 * @param maxMessages the most messages to take, 1 to 10,000
	 * @param type the payload type ({@code String}, {@code byte[]}, {@code JsonNode} or a
	 * class JSON maps to)
	 * @return the messages
	 */
	default <T> MqMessageBatch<T> read(String clientName, int maxMessages, Class<T> type) {
		return read(clientName, null, maxMessages, type);
	}

	/**
	 * Take the next messages of one subscription or topic filter of an MQ API session.
	 * @param <T> the payload type
	 * @param clientName the session
	 * @param topicFilter a filter or {@code $share/} subscription, or {@code null} for all
	 * @param maxMessages the most messages to take, 1 to 10,000
	 * @param type the payload type
	 * @return the messages
	 */
	<T> MqMessageBatch<T> read(String clientName, @Nullable String topicFilter, int maxMessages, Class<T> type);

	/**
	 * Read a topic's stored messages without consuming them ({@code getMessagesFromMqTopic}).
	 * @param <T> the payload type
	 * @param topic the topic
	 * @param start where to start
	 * @param maxMessages the most messages to return, 1 to 10,000
	 * @param type the payload type
	 * @return the messages and {@link MqMessageBatch#nextPosition()}, where to continue
	 */
	<T> MqMessageBatch<T> replay(String topic, MqReplayStart start, int maxMessages, Class<T> type);

	/**
	 * Map the payload of a message read as {@code JsonNode} to another type.
	 * @param <T> the target type
	 * @param message the message
	 * @param type the target type (a {@code Class} or a generic type)
	 * @return the message with the mapped payload
	 * @throws io.github.faircomclient.FairComMappingException if the payload does not map
	 */
	<T> MqMessage<T> convert(MqMessage<JsonNode> message, Type type);

	/**
	 * Publish a request and wait for its reply: the message gets a response topic of this
	 * client's own and a new correlation data; a listener's return value (or any
	 * publisher) answers to that topic with the same correlation data.
	 * @param <R> the reply type
	 * @param topic the topic of the request
	 * @param payload the request (an {@link MqOutgoingMessage} keeps its properties)
	 * @param replyType the type of the reply's payload
	 * @param timeout how long to wait for the reply
	 * @return the reply's payload
	 * @throws MqRequestTimeoutException if no reply came in time
	 */
	<R> R request(String topic, Object payload, Class<R> replyType, Duration timeout);

}
