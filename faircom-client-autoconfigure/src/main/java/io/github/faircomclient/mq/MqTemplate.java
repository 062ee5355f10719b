package io.github.faircomclient.mq;

import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

import io.github.faircomclient.FairComApiException;
import io.github.faircomclient.FairComMappingException;
import io.github.faircomclient.core.FairComOperations;
import io.github.faircomclient.core.FairComRequest;
import io.github.faircomclient.core.FairComResponse;
import io.github.faircomclient.core.FairComWarning;
import io.github.faircomclient.observation.DefaultMqPublishObservationConvention;
import io.github.faircomclient.observation.MqObservationDocumentation;
import io.github.faircomclient.observation.MqPublishObservationContext;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The implementation of {@link MqOperations} on top of
 * {@link FairComOperations#execute(FairComRequest)}. It publishes with an MQ API session of
 * its own ({@link MqSettings#clientName()}), created when first needed and again when the
 * server lost it; requests wait for their replies on a second, temporary session. Reads
 * and idempotent changes may be retried by the template; a publish and a session read are
 * not (a retry could store twice or lose what the first read took). Thread-safe.
 */
public class MqTemplate implements MqOperations {

	private static final String API = "mq";

	private static final int TOPIC_PAGE = 1000;

	private static final int MISSING_TOPIC_WARNING = 14229;

	private final FairComOperations operations;

	private final MqSettings settings;

	private final ObservationRegistry observationRegistry;

	private final MqPayloads payloads;

	private final MqClientSession publisher;

	private final ReentrantLock inboxLock;

	private final @Nullable MqTemplate parent;

	private volatile @Nullable ReplyInbox inbox;

	/**
	 * Create MQ operations with the default settings and no observations.
	 * @param operations the operations that run the actions
	 */
	public MqTemplate(FairComOperations operations) {
		this(operations, MqSettings.defaults(), ObservationRegistry.NOOP);
	}

	/**
	 * Create MQ operations.
	 * @param operations the operations that run the actions
	 * @param settings the settings
	 * @param observationRegistry where published messages are observed
	 */
	public MqTemplate(FairComOperations operations, MqSettings settings, ObservationRegistry observationRegistry) {
		this(operations, settings, observationRegistry, null);
	}

	private MqTemplate(FairComOperations operations, MqSettings settings, ObservationRegistry observationRegistry,
			@Nullable MqTemplate parent) {
		Assert.notNull(operations, "'operations' must not be null");
		Assert.notNull(settings, "'settings' must not be null");
		Assert.notNull(observationRegistry, "'observationRegistry' must not be null");
		this.operations = operations;
		this.settings = settings;
		this.observationRegistry = observationRegistry;
		this.payloads = new MqPayloads(settings.jsonMapper(), settings.binaryFormat());
		this.publisher = new MqClientSession(this, settings.clientName(), settings.publisherSession(), List.of());
		this.parent = parent;
		this.inboxLock = (parent != null) ? parent.inboxLock : new ReentrantLock();
	}

	/**
	 * Return the settings.
	 * @return the settings
	 */
	public MqSettings getSettings() {
		return this.settings;
	}

	@Override
	public MqTopicDescription configureTopic(String topic, MqTopicSettings settings) {
		MqTopics.requireTopicName(topic, "topic");
		Assert.notNull(settings, "'settings' must not be null");
		JsonNode result = execute("configureTopic", settings.toParams(topic), true).result();
		List<JsonNode> data = MqAnswers.objects(result, "data");
		return (data.isEmpty()) ? MqAnswers.topic(result, topic) : MqAnswers.topic(data.get(0), topic);
	}

	@Override
	public List<MqTopicDescription> describeTopics(Collection<String> topics) {
		Assert.notNull(topics, "'topics' must not be null");
		ObjectNode params = JsonNodeFactory.instance.objectNode();
		ArrayNode names = params.putArray("topics");
		topics.forEach((topic) -> names.add(MqTopics.requireTopicName(topic, "topics")));
		List<MqTopicDescription> descriptions = new ArrayList<>();
		for (JsonNode topic : MqAnswers.objects(execute("describeTopics", params, true).result(), "data")) {
			descriptions.add(MqAnswers.topic(topic, ""));
		}
		return descriptions;
	}

	@Override
	public List<String> listTopics(String partialName) {
		Assert.notNull(partialName, "'partialName' must not be null");
		List<String> names = new ArrayList<>();
		while (true) {
			ObjectNode params = JsonNodeFactory.instance.objectNode();
			if (!partialName.isEmpty()) {
				params.put("partialName", partialName);
			}
			params.put("skipRecords", names.size());
			params.put("maxRecords", TOPIC_PAGE);
			JsonNode data = execute("listTopics", params, true).result().path("data");
			int page = 0;
			for (JsonNode entry : data) {
				page++;
				String name = entry.isString() ? entry.stringValue() : MqAnswers.text(entry, "name");
				if (name != null) {
					names.add(name);
				}
			}
			if (page < TOPIC_PAGE) {
				return names;
			}
		}
	}

	@Override
	public boolean deleteTopic(String topic, MqTopicPreserve preserve) {
		MqTopics.requireTopicName(topic, "topic");
		Assert.notNull(preserve, "'preserve' must not be null");
		ObjectNode params = JsonNodeFactory.instance.objectNode().put("topic", topic).put("preserve", preserve.value());
		FairComResponse response = execute("deleteTopic", params, true);
		return response.warnings().stream().map(FairComWarning::code).noneMatch((code) -> code == MISSING_TOPIC_WARNING);
	}

	@Override
	public MqSessionDescription createSession(String clientName, MqSessionSettings settings) {
		Assert.hasText(clientName, "'clientName' must not be empty");
		Assert.notNull(settings, "'settings' must not be null");
		return MqAnswers.session(execute("createMqApiSession", settings.toParams(clientName), false).result(),
				clientName);
	}

	@Override
	public MqSessionDescription ensureSession(String clientName, MqSessionSettings settings) {
		MqSessionDescription existing = find(clientName);
		if (existing != null) {
			return existing;
		}
		try {
			return createSession(clientName, settings);
		}
		catch (FairComApiException ex) {
			MqSessionDescription created = find(clientName);
			if (created == null) {
				throw ex;
			}
			return created;
		}
	}

	private @Nullable MqSessionDescription find(String clientName) {
		try {
			return describeSession(clientName).orElse(null);
		}
		catch (FairComApiException ex) {
			return null;
		}
	}

	@Override
	public MqSessionDescription alterSession(String clientName, MqSessionSettings changes) {
		Assert.hasText(clientName, "'clientName' must not be empty");
		Assert.notNull(changes, "'changes' must not be null");
		return MqAnswers.session(execute("alterMqSession", changes.toParams(clientName), true).result(), clientName);
	}

	@Override
	public List<MqSessionSummary> listSessions(String partialClientName) {
		Assert.notNull(partialClientName, "'partialClientName' must not be null");
		ObjectNode params = JsonNodeFactory.instance.objectNode().put("partialClientName", partialClientName);
		List<MqSessionSummary> sessions = new ArrayList<>();
		for (JsonNode session : MqAnswers.objects(execute("listMqSessions", params, true).result(), "data")) {
			String name = MqAnswers.text(session, "clientName");
			if (name != null) {
				String type = MqAnswers.text(session, "sessionType");
				sessions.add(new MqSessionSummary(name, (type != null) ? type : ""));
			}
		}
		return sessions;
	}

	@Override
	public List<MqSessionDescription> describeSessions(Collection<String> clientNames) {
		Assert.notNull(clientNames, "'clientNames' must not be null");
		ObjectNode params = JsonNodeFactory.instance.objectNode();
		ArrayNode names = params.putArray("clientNames");
		clientNames.forEach(names::add);
		params.put("includeSubscribedTopics", true);
		params.put("includeStats", true);
		List<MqSessionDescription> sessions = new ArrayList<>();
		JsonNode result = execute("describeMqSessions", params, true).result();
		if (!result.has("data") && result.has("clientName")) {
			sessions.add(MqAnswers.session(result, ""));
		}
		for (JsonNode session : MqAnswers.objects(result, "data")) {
			sessions.add(MqAnswers.session(session, ""));
		}
		return sessions;
	}

	@Override
	public void deleteSession(String clientName, boolean permanently) {
		Assert.hasText(clientName, "'clientName' must not be empty");
		ObjectNode params = JsonNodeFactory.instance.objectNode().put("clientName", clientName);
		if (permanently) {
			params.put("permanentlyDeleteSession", true);
		}
		execute("deleteMqSession", params, false);
	}

	@Override
	public String getClientName() {
		return this.settings.clientName();
	}

	@Override
	public MqOperations withClientName(String clientName) {
		Assert.hasText(clientName, "'clientName' must not be empty");
		MqSettings renamed = MqSettings.builder()
			.clientName(clientName)
			.publisherSession(this.settings.publisherSession())
			.binaryFormat(this.settings.binaryFormat())
			.replyTopicPrefix(this.settings.replyTopicPrefix())
			.replyPolling(this.settings.replyPolling())
			.jsonMapper(this.settings.jsonMapper())
			.observationConvention(this.settings.observationConvention())
			.build();
		return new MqTemplate(this.operations, renamed, this.observationRegistry, root());
	}

	private MqTemplate root() {
		return (this.parent != null) ? this.parent : this;
	}

	@Override
	public List<MqPublishResult> publishAll(String topic, List<MqOutgoingMessage> messages) {
		MqTopics.requireTopicName(topic, "topic");
		Assert.notEmpty(messages, "'messages' must not be empty");
		Assert.noNullElements(messages, "'messages' must not contain null");
		List<Observation> observations = new ArrayList<>(messages.size());
		ObjectNode params = JsonNodeFactory.instance.objectNode();
		params.put("clientName", "");
		params.put("topic", topic);
		ArrayNode array = params.putArray("messages");
		for (MqOutgoingMessage message : messages) {
			MqPublishObservationContext context = new MqPublishObservationContext(topic, message);
			Observation observation = MqObservationDocumentation.PUBLISH.observation(
					this.settings.observationConvention(), DefaultMqPublishObservationConvention.INSTANCE,
					() -> context, this.observationRegistry);
			observations.add(observation.start());
			array.add(messageParams(message, context.getAddedUserProperties()));
		}
		try {
			FairComResponse response = this.publisher.run((clientName) -> {
				params.put("clientName", clientName);
				return execute("publishMessagesToMq", params, false);
			});
			List<MqPublishResult> results = publishResults(topic, messages.size(), response.result());
			observations.forEach(Observation::stop);
			return results;
		}
		catch (RuntimeException ex) {
			observations.forEach((observation) -> observation.error(ex).stop());
			throw ex;
		}
	}

	private ObjectNode messageParams(MqOutgoingMessage message, List<MqUserProperty> added) {
		MqPayloads.Encoded payload = this.payloads.encode(message);
		ObjectNode node = JsonNodeFactory.instance.objectNode();
		node.set("payload", payload.payload());
		node.put("binaryFormat", payload.format().value());
		if (message.contentType() != null) {
			node.put("contentType", message.contentType());
		}
		if (message.correlationData() != null) {
			node.set("correlationData", this.payloads.toJson(message.correlationData()));
		}
		if (message.responseTopic() != null) {
			node.put("responseTopic", message.responseTopic());
		}
		Duration expiry = message.expiry();
		if (expiry != null) {
			node.put("expirySeconds", (expiry.toNanos() % 1_000_000_000L == 0) ? expiry.toSeconds()
					: expiry.toSeconds() + 1);
		}
		if (message.retain()) {
			node.put("retain", true);
		}
		List<MqUserProperty> properties = new ArrayList<>(message.userProperties());
		for (MqUserProperty property : added) {
			properties.removeIf((existing) -> existing.key().equals(property.key()));
			properties.add(property);
		}
		if (!properties.isEmpty()) {
			ArrayNode array = node.putArray("userProperties");
			properties.forEach((property) -> array.addObject().put("key", property.key()).put("value", property.value()));
		}
		return node;
	}

	private static List<MqPublishResult> publishResults(String topic, int count, JsonNode result) {
		List<JsonNode> data = MqAnswers.objects(result, "data");
		List<MqPublishResult> results = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			JsonNode entry = (i < data.size()) ? data.get(i) : JsonNodeFactory.instance.objectNode();
			String stored = MqAnswers.text(entry, "topic");
			results.add(new MqPublishResult((stored != null) ? stored : topic, MqAnswers.number(entry, "position"),
					MqAnswers.time(entry, "timestamp")));
		}
		return results;
	}

	@Override
	public List<String> subscribe(String clientName, Collection<MqSubscription> subscriptions) {
		Assert.hasText(clientName, "'clientName' must not be empty");
		Assert.notEmpty(subscriptions, "'subscriptions' must not be empty");
		ObjectNode params = JsonNodeFactory.instance.objectNode().put("clientName", clientName);
		ArrayNode actions = params.putArray("subscriptionActions");
		for (MqSubscription subscription : subscriptions) {
			ObjectNode action = actions.addObject()
				.put("subscriptionAction", "add")
				.put("topicFilter", subscription.topicFilter());
			if (subscription.subscriptionIdentifier() != null) {
				action.put("subscriptionIdentifier", subscription.subscriptionIdentifier());
			}
			if (subscription.retainHandling() != null) {
				action.put("receiveRetainedMessages", subscription.retainHandling().value());
			}
			if (subscription.receiveMyMessages() != null) {
				action.put("receiveMyMessages", subscription.receiveMyMessages());
			}
			if (subscription.includeExpiredMessages() != null) {
				action.put("includeExpiredMessages", subscription.includeExpiredMessages());
			}
			if (!subscription.userProperties().isEmpty()) {
				ArrayNode properties = action.putArray("userProperties");
				subscription.userProperties()
					.forEach((property) -> properties.addObject().put("key", property.key()).put("value", property.value()));
			}
		}
		return MqAnswers.topicFilters(execute("subscribeToMq", params, true).result());
	}

	@Override
	public List<String> unsubscribe(String clientName, Collection<String> topicFilters) {
		Assert.hasText(clientName, "'clientName' must not be empty");
		Assert.notEmpty(topicFilters, "'topicFilters' must not be empty");
		ObjectNode params = JsonNodeFactory.instance.objectNode().put("clientName", clientName);
		ArrayNode actions = params.putArray("subscriptionActions");
		topicFilters.forEach((filter) -> actions.addObject().put("subscriptionAction", "remove").put("topicFilter",
				MqTopics.requireFilter(filter)));
		return MqAnswers.topicFilters(execute("subscribeToMq", params, true).result());
	}

	@Override
	public <T> MqMessageBatch<T> read(String clientName, @Nullable String topicFilter, int maxMessages, Class<T> type) {
		Assert.hasText(clientName, "'clientName' must not be empty");
		Assert.isTrue(maxMessages >= 1 && maxMessages <= 10000, "'maxMessages' must be 1 to 10000");
		Assert.notNull(type, "'type' must not be null");
		ObjectNode params = JsonNodeFactory.instance.objectNode().put("clientName", clientName);
		if (topicFilter != null) {
			params.put("topic", MqTopics.requireFilter(topicFilter));
		}
		params.put("maxMessages", maxMessages);
		JsonNode result = execute("getMessagesFromMqApiSession", params, false).result();
		List<MqMessage<JsonNode>> messages = messages(result, (topicFilter != null) ? topicFilter : "");
		try {
			return new MqMessageBatch<>(convertAll(messages, type), result.path("moreMessages").asBoolean(false),
					null);
		}
		catch (FairComMappingException ex) {
			throw new MqPayloadMappingException(ex, messages);
		}
	}

	@Override
	public <T> MqMessageBatch<T> replay(String topic, MqReplayStart start, int maxMessages, Class<T> type) {
		MqTopics.requireTopicName(topic, "topic");
		Assert.notNull(start, "'start' must not be null");
		Assert.isTrue(maxMessages >= 1 && maxMessages <= 10000, "'maxMessages' must be 1 to 10000");
		ObjectNode params = JsonNodeFactory.instance.objectNode().put("topic", topic);
		params.set("startFrom", start.value());
		params.put("maxMessages", maxMessages);
		JsonNode result = execute("getMessagesFromMqTopic", params, true).result();
		return new MqMessageBatch<>(convertAll(messages(result, topic), type),
				result.path("moreMessages").asBoolean(false), MqAnswers.number(result, "nextPosition"));
	}

	private static List<MqMessage<JsonNode>> messages(JsonNode result, String fallbackTopic) {
		List<MqMessage<JsonNode>> messages = new ArrayList<>();
		for (JsonNode message : MqAnswers.objects(result, "data")) {
			messages.add(MqAnswers.message(message, fallbackTopic));
		}
		return messages;
	}

	private <T> List<MqMessage<T>> convertAll(List<MqMessage<JsonNode>> messages, Class<T> type) {
		List<MqMessage<T>> converted = new ArrayList<>(messages.size());
		for (MqMessage<JsonNode> message : messages) {
			converted.add(convert(message, type));
		}
		return converted;
	}

	@Override
	public <T> MqMessage<T> convert(MqMessage<JsonNode> message, Type type) {
		Assert.notNull(message, "'message' must not be null");
		Assert.notNull(type, "'type' must not be null");
		T payload = this.payloads.decode(message.payload(), message.payloadFormat(), type, message.topic());
		return message.withPayload(payload);
	}

	@Override
	public <R> R request(String topic, Object payload, Class<R> replyType, Duration timeout) {
		MqTopics.requireTopicName(topic, "topic");
		Assert.notNull(payload, "'payload' must not be null");
		Assert.notNull(replyType, "'replyType' must not be null");
		Assert.isTrue(timeout != null && !timeout.isNegative() && !timeout.isZero(), "'timeout' must be positive");
		long deadline = System.nanoTime() + timeout.toNanos();
		ReplyInbox inbox = inbox();
		String correlation = UUID.randomUUID().toString();
		MqOutgoingMessage request = ((payload instanceof MqOutgoingMessage message) ? message.mutate()
				: MqOutgoingMessage.builder(payload))
			.responseTopic(inbox.topic())
			.correlationData(correlation)
			.build();
		CompletableFuture<MqMessage<JsonNode>> expected = inbox.expect(correlation);
		try {
			publish(topic, request);
			MqMessage<JsonNode> reply = inbox.await(expected, deadline);
			if (reply == null) {
				throw new MqRequestTimeoutException(topic, timeout);
			}
			MqMessage<R> converted = convert(reply, replyType);
			return converted.payload();
		}
		finally {
			inbox.forget(correlation);
		}
	}

	private ReplyInbox inbox() {
		MqTemplate root = root();
		ReplyInbox inbox = root.inbox;
		if (inbox != null) {
			return inbox;
		}
		root.inboxLock.lock();
		try {
			inbox = root.inbox;
			if (inbox == null) {
				String clientName = root.settings.clientName() + "-replies-" + UUID.randomUUID().toString().substring(0, 8);
				String topic = root.settings.replyTopicPrefix() + "/" + clientName.replaceAll("[+#/\\u0000]", "_");
				inbox = new ReplyInbox(root, clientName, topic,
						root.settings.replyPolling());
				inbox.ensure();
				root.inbox = inbox;
			}
			return inbox;
		}
		finally {
			root.inboxLock.unlock();
		}
	}

	private FairComResponse execute(String action, ObjectNode params, boolean idempotent) {
		return this.operations
			.execute(FairComRequest.builder(action).api(API).params(params).idempotent(idempotent).build());
	}

	@Override
	public String toString() {
		return "MqTemplate[clientName=" + this.settings.clientName() + ", " + this.operations + "]";
	}

}
