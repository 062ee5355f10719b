package io.github.faircomclient.test.mq;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Publishing and reading over HTTP: stateful reads per client, topic filters, retained messages,
 * expiry on the emulator clock, payload formats, and the stateless replay.
 */
class MqMessagingIntegrationTests {

	private MqClient client;

	@BeforeEach
	void start() {
		this.client = new MqClient();
		this.client.createSession("publisher");
		this.client.createSession("reader");
	}

	@AfterEach
	void stop() {
		this.client.close();
	}

	private static List<String> payloads(JsonNode result) {
		List<String> payloads = new ArrayList<>();
		result.path("data").forEach((message) -> payloads.add(message.path("payload").asString()));
		return payloads;
	}

	private JsonNode publishJson(String topic, String messages) {
		return this.client.result("publishMessagesToMq",
				"{\"clientName\":\"publisher\",\"topic\":\"" + topic + "\",\"messages\":" + messages + "}");
	}

	@Test
	void aStatefulReadResumesWhereTheLastOneStopped() {
		this.client.publish("publisher", "orders", "before");
		this.client.subscribe("reader", "orders");
		this.client.publish("publisher", "orders", "1", "2", "3", "4", "5");
		JsonNode first = this.client.read("reader", 2);
		assertThat(payloads(first)).as("messages published before the subscription are not delivered")
			.containsExactly("1", "2");
		assertThat(first.path("moreMessages").asBoolean()).isTrue();
		assertThat(first.path("clientName").asString()).isEqualTo("reader");
		assertThat(this.client.plugin().positions("reader")).containsEntry("orders", 3L);
		JsonNode second = this.client.read("reader", 10);
		assertThat(payloads(second)).containsExactly("3", "4", "5");
		assertThat(second.path("moreMessages").asBoolean()).isFalse();
		assertThat(payloads(this.client.read("reader", 10))).isEmpty();
		assertThat(this.client.plugin().deliveryCount("orders", 4)).isEqualTo(1);
		assertThat(this.client.plugin().deliveryCount("orders", 1)).isZero();
		MqPlugin.Client reader = this.client.plugin().client("reader").orElseThrow();
		assertThat(reader.delivered()).isEqualTo(5);
		assertThat(reader.backlog()).isZero();
		JsonNode message = second.path("data").get(0);
		assertThat(message.path("topic").asString()).isEqualTo("orders");
		assertThat(message.path("position").asLong()).isEqualTo(4);
		assertThat(message.path("timestamp").asString()).isEqualTo("2026-01-01T10:00:00.000");
		assertThat(message.path("binaryFormat").asString()).isEqualTo("utf8");
		assertThat(message.path("publisherClientName").asString()).isEqualTo("publisher");
		assertThat(message.path("contentType").isNull()).isTrue();
		assertThat(message.path("correlationData").isNull()).isTrue();
		assertThat(message.path("responseTopic").isNull()).isTrue();
		assertThat(message.path("expirySeconds").isNull()).isTrue();
		assertThat(message.path("userProperties").isArray()).isTrue();
		assertThat(message.path("retain").asBoolean()).isFalse();
	}

	@Test
	void subscribingAgainToTheSameFilterKeepsTheFlowOfPublications() {
		this.client.subscribe("reader", "orders");
		this.client.publish("publisher", "orders", "1", "2");
		assertThat(payloads(this.client.read("reader", 1))).containsExactly("1");
		this.client.publish("publisher", "orders", "3");
		this.client.subscribe("reader", "orders");
		this.client.publish("publisher", "orders", "4");
		assertThat(payloads(this.client.read("reader", 10))).as("queued before and published after the new subscribe")
			.containsExactly("2", "3", "4");
	}

	@Test
	void readsFollowPublishOrderAcrossTopicsAndDeliverOncePerSession() {
		this.client.subscribe("reader", "sensors/+/temp");
		this.client.subscribe("reader", "sensors/#");
		this.client.publish("publisher", "sensors/a/temp", "a1");
		this.client.publish("publisher", "sensors/b/humidity", "b1");
		this.client.publish("publisher", "sensors/a/temp", "a2");
		this.client.publish("publisher", "other", "no");
		assertThat(payloads(this.client.read("reader", 10))).containsExactly("a1", "b1", "a2");
	}

	@Test
	void wildcardsDoNotMatchDollarTopics() {
		this.client.subscribe("reader", "#");
		this.client.createSession("system");
		this.client.subscribe("system", "$SYS/#");
		this.client.publish("publisher", "$SYS/uptime", "42");
		this.client.publish("publisher", "plain", "p");
		assertThat(payloads(this.client.read("reader", 10))).containsExactly("p");
		assertThat(payloads(this.client.read("system", 10))).containsExactly("42");
	}

	@Test
	void aReadCanBeNarrowedToATopicFilter() {
		this.client.subscribe("reader", "#");
		this.client.publish("publisher", "a/1", "a1");
		this.client.publish("publisher", "b/1", "b1");
		this.client.publish("publisher", "a/2", "a2");
		JsonNode narrowed = this.client.result("getMessagesFromMqApiSession",
				"{\"clientName\":\"reader\",\"topic\":\"a/#\",\"maxMessages\":10}");
		assertThat(payloads(narrowed)).containsExactly("a1", "a2");
		assertThat(payloads(this.client.read("reader", 10))).as("the others wait").containsExactly("b1");
	}

	@Test
	void receiveMyMessagesFalseSkipsTheSessionsOwnMessages() {
		this.client.result("subscribeToMq", "{\"clientName\":\"publisher\",\"subscriptionActions\":[{\"subscriptionAction\":"
				+ "\"add\",\"topicFilter\":\"chat\",\"receiveMyMessages\":false}]}");
		this.client.publish("publisher", "chat", "mine");
		this.client.publish("reader", "chat", "theirs");
		assertThat(payloads(this.client.read("publisher", 10))).containsExactly("theirs");
	}

	@Test
	void retainedMessagesGreetNewSubscribers() {
		publishJson("config", "[{\"payload\":\"v1\",\"retain\":true},{\"payload\":\"v2\",\"retain\":true},{\"payload\":\"plain\"}]");
		assertThat(this.client.plugin().retainedMessage("config")).hasValueSatisfying(
				(message) -> assertThat(message.payloadText()).isEqualTo("v2"));
		this.client.subscribe("reader", "config");
		this.client.publish("publisher", "config", "after");
		JsonNode read = this.client.read("reader", 10);
		assertThat(payloads(read)).containsExactly("v2", "after");
		assertThat(read.path("data").get(0).path("retain").asBoolean()).isTrue();
		this.client.createSession("never");
		this.client.result("subscribeToMq", "{\"clientName\":\"never\",\"subscriptionActions\":[{\"subscriptionAction\":"
				+ "\"add\",\"topicFilter\":\"config\",\"receiveRetainedMessages\":\"never\"}]}");
		assertThat(payloads(this.client.read("never", 10))).isEmpty();
		this.client.result("subscribeToMq", "{\"clientName\":\"never\",\"subscriptionActions\":[{\"subscriptionAction\":"
				+ "\"add\",\"topicFilter\":\"config\",\"receiveRetainedMessages\":\"onNewSubscription\"}]}");
		assertThat(payloads(this.client.read("never", 10))).as("the subscription already existed").isEmpty();
		this.client.result("subscribeToMq", "{\"clientName\":\"never\",\"subscriptionActions\":[{\"subscriptionAction\":"
				+ "\"add\",\"topicFilter\":\"config\",\"receiveRetainedMessages\":true}]}");
		assertThat(payloads(this.client.read("never", 10))).containsExactly("v2");
		publishJson("config", "[{\"payload\":\"\",\"retain\":true}]");
		assertThat(this.client.plugin().retainedMessage("config")).as("an empty retained payload clears it").isEmpty();
	}

	@Test
	void expiredMessagesAreNotDeliveredUnlessTheSubscriptionAsks() {
		this.client.subscribe("reader", "news");
		this.client.createSession("archivist");
		this.client.result("subscribeToMq", "{\"clientName\":\"archivist\",\"subscriptionActions\":[{\"subscriptionAction\":"
				+ "\"add\",\"topicFilter\":\"news\",\"includeExpiredMessages\":true}]}");
		publishJson("news", "[{\"payload\":\"short\",\"expirySeconds\":30},{\"payload\":\"long\",\"expirySeconds\":3600},"
				+ "{\"payload\":\"forever\"}]");
		this.client.clock.advanceSeconds(10);
		JsonNode replay = this.client.result("getMessagesFromMqTopic", "{\"topic\":\"news\",\"startFrom\":\"head\"}");
		assertThat(replay.path("data").get(0).path("expirySeconds").asLong()).as("seconds left").isEqualTo(20);
		this.client.clock.advanceSeconds(20);
		assertThat(payloads(this.client.read("reader", 10))).containsExactly("long", "forever");
		assertThat(payloads(this.client.read("archivist", 10))).containsExactly("short", "long", "forever");
		assertThat(payloads(this.client.result("getMessagesFromMqTopic", "{\"topic\":\"news\",\"startFrom\":\"head\"}")))
			.as("replay skips expired messages").containsExactly("long", "forever");
		assertThat(this.client.plugin().messages("news")).as("expired messages stay stored").hasSize(3);
	}

	@Test
	void payloadsComeBackAsPublishedOrAsAsked() {
		this.client.subscribe("reader", "p");
		publishJson("p", "[{\"payload\":\"text\"},{\"payload\":{\"order\":7}},{\"payload\":\"DEADBEEF\",\"binaryFormat\":\"HEX\"},"
				+ "{\"payload\":\"3q2+7w==\",\"binaryFormat\":\"base64\"},{\"payload\":[1,2],\"mqttPayloadType\":\"json\"}]");
		JsonNode read = this.client.read("reader", 10);
		assertThat(read.path("data").get(0).path("payload").asString()).isEqualTo("text");
		assertThat(read.path("data").get(1).path("payload").path("order").asInt()).isEqualTo(7);
		assertThat(read.path("data").get(1).path("binaryFormat").asString()).isEqualTo("json");
		assertThat(read.path("data").get(2).path("payload").asString()).isEqualTo("DEADBEEF");
		assertThat(read.path("data").get(3).path("payload").asString()).as("binary in the session's hex").isEqualTo("DEADBEEF");
		assertThat(read.path("data").get(3).path("binaryFormat").asString()).isEqualTo("hex");
		assertThat(read.path("data").get(4).path("payload").get(1).asInt()).isEqualTo(2);
		JsonNode base64 = this.client.result("getMessagesFromMqTopic",
				"{\"topic\":\"p\",\"startFrom\":\"head\",\"binaryFormat\":\"base64\"}");
		assertThat(payloads(base64)).containsExactly("dGV4dA==", "eyJvcmRlciI6N30=", "3q2+7w==", "3q2+7w==", "WzEsMl0=");
		JsonNode asText = this.client.result("getMessagesFromMqTopic",
				"{\"topic\":\"p\",\"startFrom\":3,\"maxMessages\":1,\"binaryFormat\":\"utf8\"}");
		assertThat(asText.path("data").get(0).path("binaryFormat").asString()).as("bytes that are no UTF-8 stay hex")
			.isEqualTo("hex");
	}

	@Test
	void aBadMessageRefusesTheWholeBatch() {
		this.client.subscribe("reader", "t");
		JsonNode badHex = this.client.error("publishMessagesToMq", "{\"clientName\":\"publisher\",\"topic\":\"t\",\"messages\":["
				+ "{\"payload\":\"ok\"},{\"payload\":\"ok too\"},{\"payload\":\"A143C2F\",\"binaryFormat\":\"hex\"}]}");
		assertThat(badHex.path("errorCode").asInt()).isEqualTo(99076);
		assertThat(badHex.path("errorMessage").asString()).isEqualTo("messages[2]: a hex payload needs an even number of digits.");
		assertThat(error("{\"clientName\":\"nobody\",\"topic\":\"t\",\"messages\":[{\"payload\":\"x\"}]}")).isEqualTo(99070);
		assertThat(error("{\"clientName\":\"publisher\",\"topic\":\"t\"}")).isEqualTo(99008);
		assertThat(error("{\"clientName\":\"publisher\",\"messages\":[{\"payload\":\"x\"}]}")).isEqualTo(99008);
		assertThat(error("{\"clientName\":\"publisher\",\"topic\":\"t\",\"messages\":[{}]}")).isEqualTo(99008);
		assertThat(error("{\"clientName\":\"publisher\",\"topic\":\"t/#\",\"messages\":[{\"payload\":\"x\"}]}")).isEqualTo(99072);
		assertThat(error("{\"clientName\":\"publisher\",\"topic\":\"t\",\"messages\":[{\"payload\":\"x\","
				+ "\"binaryFormat\":\"utf8\",\"mqttPayloadType\":\"hex\"}]}")).isEqualTo(99078);
		assertThat(error("{\"clientName\":\"publisher\",\"topic\":\"t\",\"messages\":[{\"payload\":\"x\","
				+ "\"responseTopic\":\"replies/+\"}]}")).isEqualTo(99072);
		assertThat(error("{\"clientName\":\"publisher\",\"topic\":\"t\",\"messages\":[{\"payload\":\"x\","
				+ "\"correlationData\":\"" + "c".repeat(65500) + "\"}]}")).as("65502 bytes as JSON").isEqualTo(99005);
		assertThat(error("{\"clientName\":\"publisher\",\"topic\":\"t\",\"messages\":[{\"payload\":\"x\","
				+ "\"expirySeconds\":-1}]}")).isEqualTo(99005);
		assertThat(this.client.plugin().topics()).as("nothing was stored").isEmpty();
		assertThat(payloads(this.client.read("reader", 10))).isEmpty();
	}

	private int error(String params) {
		return this.client.error("publishMessagesToMq", params).path("errorCode").asInt();
	}

	@Test
	void publishAnswersThePositionAndTimeOfEachMessage() {
		this.client.clock.advanceSeconds(90);
		JsonNode result = publishJson("a", "[{\"payload\":\"1\"},{\"payload\":\"2\",\"topic\":\"b\"}]");
		assertThat(result.path("data")).hasSize(2);
		assertThat(result.path("data").get(0).path("topic").asString()).isEqualTo("a");
		assertThat(result.path("data").get(0).path("position").asLong()).isEqualTo(1);
		assertThat(result.path("data").get(1).path("topic").asString()).as("a per-message topic").isEqualTo("b");
		assertThat(result.path("data").get(1).path("timestamp").asString()).isEqualTo("2026-01-01T10:01:30.000");
	}

	@Test
	void replayReadsWithoutConsuming() {
		this.client.subscribe("reader", "log");
		for (int i = 1; i <= 5; i++) {
			this.client.publish("publisher", "log", "m" + i);
			this.client.clock.advanceSeconds(60);
		}
		assertThat(payloads(replay("{\"topic\":\"log\",\"maxMessages\":2}"))).as("tail by default").containsExactly("m4", "m5");
		JsonNode head = replay("{\"topic\":\"log\",\"startFrom\":\"head\",\"maxMessages\":2}");
		assertThat(payloads(head)).containsExactly("m1", "m2");
		assertThat(head.path("moreMessages").asBoolean()).isTrue();
		assertThat(head.path("nextPosition").asLong()).isEqualTo(3);
		assertThat(payloads(replay("{\"topic\":\"log\",\"startFrom\":3,\"maxMessages\":2}"))).containsExactly("m3", "m4");
		assertThat(payloads(replay("{\"topic\":\"log\",\"startFrom\":\"2026-01-01T10:03:00.000\"}"))).containsExactly("m4", "m5");
		assertThat(payloads(replay("{\"topic\":\"log\",\"startFrom\":\"2026-01-01\"}"))).hasSize(5);
		assertThat(payloads(replay("{\"tableName\":\"mqtt_msg_log\",\"startFrom\":[\"tail\"],\"maxMessages\":1}")))
			.containsExactly("m5");
		assertThat(payloads(this.client.read("reader", 10))).as("replay consumed nothing").hasSize(5);
		assertThat(this.client.error("getMessagesFromMqTopic", "{\"topic\":\"log\",\"tableName\":\"mqtt_msg_log\"}")
			.path("errorMessage").asString()).isEqualTo("getMessagesFromMqTopic needs exactly one of topic and tableName.");
		assertThat(this.client.error("getMessagesFromMqTopic", "{}").path("errorCode").asInt()).isEqualTo(99078);
		assertThat(this.client.error("getMessagesFromMqTopic", "{\"topic\":\"nope\"}").path("errorCode").asInt()).isEqualTo(99074);
		assertThat(this.client.error("getMessagesFromMqTopic", "{\"topic\":\"log\",\"maxMessages\":0}").path("errorCode")
			.asInt()).isEqualTo(99005);
		assertThat(this.client.error("getMessagesFromMqTopic", "{\"topic\":\"log\",\"startFrom\":\"yesterday\"}")
			.path("errorCode").asInt()).isEqualTo(99005);
	}

	private JsonNode replay(String params) {
		return this.client.result("getMessagesFromMqTopic", params);
	}

	@Test
	void subscriptionChangesApplyInOrderAndAllOrNothing() {
		JsonNode invalid = this.client.error("subscribeToMq", "{\"clientName\":\"reader\",\"subscriptionActions\":["
				+ "{\"subscriptionAction\":\"add\",\"topicFilter\":\"ok\"},{\"subscriptionAction\":\"add\",\"topicFilter\":\"a/#/b\"}]}");
		assertThat(invalid.path("errorCode").asInt()).isEqualTo(99073);
		assertThat(invalid.path("errorMessage").asString()).isEqualTo("Invalid topic filter 'a/#/b': # must be the whole last level.");
		assertThat(this.client.plugin().client("reader").orElseThrow().subscriptions()).isEmpty();
		JsonNode result = this.client.result("subscribeToMq", "{\"clientName\":\"reader\",\"subscriptionActions\":["
				+ "{\"subscriptionAction\":\"add\",\"topicFilter\":\"a\",\"subscriptionIdentifier\":7},"
				+ "{\"subscriptionAction\":\"add\",\"topicFilter\":\"b\"},{\"subscriptionAction\":\"REMOVE\",\"topicFilter\":\"a\"}]}");
		assertThat(result.path("subscriptions")).extracting((entry) -> entry.path("topicFilter").asString()).containsExactly("b");
		JsonNode missing = this.client.call("subscribeToMq", "{\"clientName\":\"reader\",\"subscriptionActions\":["
				+ "{\"subscriptionAction\":\"remove\",\"topicFilter\":\"a\"}]}");
		assertThat(missing.path("errorCode").asInt()).isZero();
		assertThat(missing.path("debugInfo").path("warnings").get(0).path("message").asString())
			.isEqualTo("MQ session 'reader' has no subscription to 'a'.");
		this.client.publish("publisher", "a", "not delivered");
		this.client.publish("publisher", "b", "delivered");
		assertThat(payloads(this.client.read("reader", 10))).containsExactly("delivered");
		assertThat(this.client.error("subscribeToMq", "{\"clientName\":\"ghost\",\"subscriptionActions\":[]}")
			.path("errorCode").asInt()).isEqualTo(99070);
		assertThat(this.client.error("subscribeToMq", "{\"clientName\":\"reader\",\"subscriptionActions\":[{"
				+ "\"subscriptionAction\":\"watch\",\"topicFilter\":\"a\"}]}").path("errorCode").asInt()).isEqualTo(99005);
		assertThat(this.client.error("subscribeToMq", "{\"clientName\":\"reader\",\"subscriptionActions\":[{"
				+ "\"subscriptionAction\":\"add\",\"topicFilter\":\"a\",\"subscriptionIdentifier\":0}]}").path("errorCode")
			.asInt()).isEqualTo(99005);
	}

	@Test
	void unsubscribingDropsWhatOnlyThatSubscriptionWouldDeliver() {
		this.client.subscribe("reader", "a/#");
		this.client.subscribe("reader", "a/b");
		this.client.publish("publisher", "a/b", "ab");
		this.client.publish("publisher", "a/c", "ac");
		this.client.result("subscribeToMq", "{\"clientName\":\"reader\",\"subscriptionActions\":["
				+ "{\"subscriptionAction\":\"remove\",\"topicFilter\":\"a/#\"}]}");
		assertThat(this.client.plugin().client("reader").orElseThrow().backlog()).isEqualTo(1);
		assertThat(payloads(this.client.read("reader", 10))).containsExactly("ab");
	}

}
