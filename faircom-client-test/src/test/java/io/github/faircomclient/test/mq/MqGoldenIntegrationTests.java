package io.github.faircomclient.test.mq;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.github.faircomclient.test.golden.GoldenAssertions;
import io.github.faircomclient.test.golden.GoldenComparison;
import io.github.faircomclient.test.golden.GoldenExample;
import io.github.faircomclient.test.golden.GoldenExamples;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends every documented MQ API example (the {@code mq-*} golden files) over HTTP. Where the
 * documentation shows the answer, the emulator's answer must match it (deviations are named with
 * the documentation's reason); request-only examples must be accepted and do what they ask.
 */
class MqGoldenIntegrationTests {

	private MqClient client;

	@BeforeEach
	void start() {
		this.client = new MqClient();
	}

	@AfterEach
	void stop() {
		this.client.close();
	}

	/** The golden request with the placeholder token replaced by a real one. */
	private ObjectNode request(String name) {
		ObjectNode request = GoldenExamples.load(name).request();
		request.put("authToken", this.client.token);
		return request;
	}

	private JsonNode send(String name) {
		return this.client.send(request(name));
	}

	private JsonNode sendOk(ObjectNode request) {
		JsonNode answer = this.client.send(request);
		assertThat(answer.path("errorCode").asInt()).as(answer.toString()).isZero();
		return answer;
	}

	private JsonNode sendOk(String name) {
		return sendOk(request(name));
	}

	private void createSession(String clientName, String extraParams) {
		this.client.result("createMqApiSession", "{\"clientName\":\"" + clientName + "\"" + extraParams + "}");
	}

	// ------------------------------------------------------------------ topics

	@Test
	void configureTopicMinimalCreatesTheTopicWithoutApi() {
		JsonNode answer = sendOk("mq-configureTopic-minimal");
		JsonNode topic = answer.path("result").path("data").get(0);
		assertThat(topic.path("name").asString()).isEqualTo("test/topic1");
		assertThat(topic.path("persistence").path("tableName").asString()).isEqualTo("mqtt_msg_test_topic1");
		assertThat(this.client.plugin().topics()).containsExactly("test/topic1");
		assertThat(sendOk("mq-configureTopic-minimal").path("result").path("data").get(0).path("name").asString())
			.as("configureTopic is an upsert").isEqualTo("test/topic1");
		assertThat(this.client.plugin().topics()).hasSize(1);
	}

	@Test
	void configureTopicAcmeFactoryEchoesTheRequestId() {
		JsonNode answer = sendOk("mq-configureTopic-minimal-acmefactory");
		assertThat(answer.path("requestId").asString()).isEqualTo("00000001");
		assertThat(answer.path("result").path("data").get(0).path("persistence").path("tableName").asString())
			.isEqualTo("mqtt_msg_acmefactory_line1_station1_acidbath_telemetry");
	}

	@Test
	void describeTopicsMinimal() {
		describeTopicSetup(true);
		JsonNode answer = send("mq-describeTopics-minimal");
		// The documented subscribers are MQTT connections; MQ API subscriptions have no QoS, the emulator reports 0.
		GoldenAssertions.assertMatches("mq-describeTopics-minimal", GoldenComparison.of(GoldenExamples.load(
				"mq-describeTopics-minimal")).ignoring("result.data[*].subscriberList[*].connectionList[*].qos"), answer);
		assertThat(answer.path("result").path("data").get(0).path("subscriberList").get(1).path("connectionList").get(0)
			.path("qos").asInt()).isZero();
	}

	@Test
	void describeTopicsMinimalOlderLayout() {
		describeTopicSetup(false);
		GoldenExample example = GoldenExamples.load("mq-describeTopics-minimal-older");
		JsonNode answer = send("mq-describeTopics-minimal-older");
		// The older layout predates persistence.sourcePayloadFormat; MQ API subscriptions report qos 0.
		GoldenAssertions.assertMatches(example.name(), GoldenComparison.of(example)
			.ignoring("result.data[*].persistence.sourcePayloadFormat",
					"result.data[*].subscriberList[*].connectionList[*].qos"), answer);
	}

	/**
	 * The state behind the documented describeTopics answer: test/topic1 with two messages, one
	 * subscriber on "#" and one on "test/#", both temporary sessions with a 60 s keep alive.
	 */
	private void describeTopicSetup(boolean label) {
		this.client.result("configureTopic", "{\"topic\":\"test/topic1\""
				+ (label ? ",\"label\":{\"group\":\"group name\",\"name\":\"label name\"}" : "") + "}");
		createSession("mqtt-explorer-001", ",\"temporarySession\":true,\"keepAliveSeconds\":60");
		this.client.subscribe("mqtt-explorer-001", "#");
		createSession("NodeREDSecure", ",\"temporarySession\":true,\"keepAliveSeconds\":60");
		this.client.subscribe("NodeREDSecure", "test/#");
		createSession("publisher", "");
		this.client.publish("publisher", "test/topic1", "one", "two");
	}

	@Test
	void listTopicsMinimal() {
		configureDocumentedTopics("");
		GoldenAssertions.assertMatchesGolden("mq-listTopics-minimal", send("mq-listTopics-minimal"));
	}

	@Test
	void listTopicsMaximalFiltersByNameAndLabel() {
		configureDocumentedTopics(",\"label\":{\"group\":\"group name\",\"name\":\"label name\"}");
		this.client.result("configureTopic", "{\"topic\":\"test/unlabelled\"}");
		this.client.result("configureTopic", "{\"topic\":\"other/topic\",\"label\":{\"group\":\"group name\",\"name\":\"label name\"}}");
		GoldenAssertions.assertMatchesGolden("mq-listTopics-maximal", send("mq-listTopics-maximal"));
	}

	private void configureDocumentedTopics(String extra) {
		for (String topic : List.of("test/topic2", "test/SharedSubscriptions", "test/topic1", "test/ReasonCodes")) {
			this.client.result("configureTopic", "{\"topic\":\"" + topic + "\"" + extra + "}");
		}
	}

	@Test
	void deleteTopicMinimal() {
		this.client.result("configureTopic", "{\"topic\":\"test/topic1\"}");
		GoldenAssertions.assertMatchesGolden("mq-deleteTopic-minimal", send("mq-deleteTopic-minimal"));
		assertThat(this.client.plugin().topics()).isEmpty();
	}

	@Test
	void deleteTopicOfAMissingTopicIsASuccessWithWarning14229() {
		JsonNode answer = send("mq-deleteTopic-missing-topic-warning-14229");
		GoldenAssertions.assertMatchesGolden("mq-deleteTopic-missing-topic-warning-14229", answer);
		assertThat(answer.path("debugInfo").path("request").path("authToken").asString()).isEqualTo(this.client.token);
	}

	// ------------------------------------------------------------------ sessions

	@Test
	void alterMqSessionMaximal() {
		String clientName = "a unique client identifier for MQTT or MQ API";
		createSession(clientName, "");
		ObjectNode request = request("mq-alterMqSession-maximal");
		JsonNode placeholder = this.client.send(request);
		assertThat(placeholder.path("errorCode").asInt()).as("the documented sessionStatus is the list of its values")
			.isEqualTo(99005);
		assertThat(placeholder.path("errorMessage").asString())
			.startsWith("Property 'params.sessionStatus' has an invalid value: \"normal | hidden | banned | inactive\"");
		((ObjectNode) request.get("params")).put("sessionStatus", "normal");
		JsonNode session = sendOk(request).path("result");
		assertThat(session.path("clientName").asString()).isEqualTo(clientName);
		assertThat(session.path("temporarySession").asBoolean()).isFalse();
		assertThat(session.path("cleanSession").asBoolean()).isFalse();
		assertThat(session.path("keepAliveSeconds").asInt()).isEqualTo(60);
		assertThat(session.path("sessionExpiryInterval").asLong()).isEqualTo(60);
		assertThat(session.path("receiveMaximum").asInt()).isEqualTo(1024);
		assertThat(session.path("maximumPacketSize").asLong()).isEqualTo(1024);
		assertThat(session.path("topicAliasMaximum").asInt()).isZero();
		assertThat(session.path("mqttPayloadType").asString()).isEqualTo("utf8");
		assertThat(session.path("userProperties").get(0).path("key").asString()).isEqualTo("some key");
		assertThat(session.path("userProperties").get(0).path("value").asString()).isEqualTo("some value");
	}

	@Test
	void describeMqSessionsMinimal() {
		createSession("myClientIdentifier", "");
		JsonNode data = sendOk("mq-describeMqSessions-minimal").path("result").path("data");
		assertThat(data).hasSize(1);
		assertThat(data.get(0).path("clientName").asString()).isEqualTo("myClientIdentifier");
		assertThat(data.get(0).has("stats")).as("stats only when asked").isFalse();
	}

	@Test
	void describeMqSessionsMaximal() {
		createSession("a unique MQTT or MQ API client name", "");
		GoldenExample example = GoldenExamples.load("mq-describeMqSessions-maximal");
		JsonNode answer = send(example.name());
		// The documented session is permanent (temporarySession false) yet shows cleanSession true; the
		// createMqApiSession page says permanent sessions have cleanSession false, which the emulator follows.
		GoldenAssertions.assertMatches(example.name(), GoldenComparison.of(example).ignoring("result.data[*].cleanSession"),
				answer);
		JsonNode session = answer.path("result").path("data").get(0);
		assertThat(session.path("cleanSession").asBoolean()).isFalse();
		assertThat(session.path("subscribedTopics").isArray()).isTrue();
		assertThat(session.path("publishedTopics").isArray()).isTrue();
		assertThat(session.path("stats").path("sessionHealth").asString()).isEqualTo("healthy");
	}

	@Test
	void describeMqSessionsMaximalOlderLayout() {
		createSession("a unique MQTT or MQ API client name",
				",\"temporarySession\":true,\"userProperties\":[{\"key\":\"\",\"value\":\"\"}]");
		GoldenExample example = GoldenExamples.load("mq-describeMqSessions-maximal-older");
		JsonNode answer = send(example.name());
		// The schema-style example shows disconnection and failed-connection details of a session that has them;
		// this session never disconnected or failed, so they are null.
		GoldenAssertions.assertMatches(example.name(), GoldenComparison.of(example).ignoring(
				"result.data[*].disconnectionDateTime", "result.data[*].disconnectionReason",
				"result.data[*].lastFailedConnectionDateTime", "result.data[*].lastFailedConnectionReason"), answer);
	}

	@Test
	void describeMqSessionsWithASingularClientNameAnswersTheLegacyObject() {
		String clientName = "a unique MQTT client identifier or empty string";
		createSession(clientName, ",\"temporarySession\":true,\"userProperties\":[{\"key\":\"\",\"value\":\"\"}]");
		this.client.result("subscribeToMq", "{\"clientName\":\"" + clientName + "\",\"subscriptionActions\":[{"
				+ "\"subscriptionAction\":\"add\",\"topicFilter\":\"some/topic/name/with/optional/wildcards\","
				+ "\"subscriptionIdentifier\":268435455,\"receiveMyMessages\":false}]}");
		GoldenExample example = GoldenExamples.load("mq-describeMqSessions-legacy-result-object");
		JsonNode answer = send(example.name());
		// Placeholders of the schema-style page: response prefix, broker reference, authentication data, a topic
		// and table that the (wildcard-free) filter cannot match, and health thresholds that differ from the
		// newer page's 1/1000/1/1/1000, which the emulator reports.
		GoldenAssertions.assertMatches(example.name(), GoldenComparison.of(example).ignoring(
				"result.responseMessagePrefix", "result.brokerReference", "result.authenticationData",
				"result.subscriptions[*].matchingTopics", "result.minHealthySendRatePerMinute",
				"result.maxHealhtyBacklogRatePerMinute", "result.minHealthySubscribedTopicFiltersCount"), answer);
		assertThat(answer.path("result").path("subscriptions").get(0).path("matchingTopics")).isEmpty();
	}

	@Test
	void describeMqttSessionLegacyRequest() {
		String clientName = "a unique MQTT client identifier or empty string";
		createSession(clientName, "");
		JsonNode answer = sendOk("mq-describeMqttSession-legacy-request");
		assertThat(answer.path("result").path("clientName").asString()).isEqualTo(clientName);
		assertThat(answer.path("result").path("sessionExpiryInterval").asLong()).isEqualTo(4294967296L);
		assertThat(answer.path("debugInfo").path("request").path("action").asString()).isEqualTo("describeMqttSession");
	}

	@Test
	void listMqSessionsMinimal() {
		createSession("client1", "");
		createSession("client2", "");
		JsonNode data = sendOk("mq-listMqSessions-minimal").path("result").path("data");
		assertThat(data).extracting((row) -> row.path("clientName").asString()).containsExactly("client1", "client2");
		assertThat(data).extracting((row) -> row.path("sessionType").asString()).containsOnly("mqApi");
	}

	@Test
	void listMqSessionsMaximal() {
		createSession("client1", "");
		GoldenExample example = GoldenExamples.load("mq-listMqSessions-maximal");
		ObjectNode request = request(example.name());
		JsonNode asDocumented = this.client.send(request);
		assertThat(asDocumented.path("errorCode").asInt()).as("label filters are not emulated").isEqualTo(99079);
		assertThat(asDocumented.path("errorMessage").asString())
			.isEqualTo("params.label of listMqSessions is not emulated; leave it out.");
		ObjectNode params = (ObjectNode) request.get("params");
		// label, labelId and unsetHealthMeasures are not emulated; the sort properties hold the list of their
		// allowed values, so one value is picked.
		params.remove(List.of("label", "labelId", "unsetHealthMeasures", "sortDescending"));
		params.put("sortAscending", "clientName");
		GoldenAssertions.assertMatches(example, sendOk(request));
	}

	@Test
	void deleteMqttSessionDeletesPermanently() {
		String clientName = "a unique MQTT client identifier or empty string";
		createSession(clientName, "");
		JsonNode answer = sendOk("mq-deleteMqttSession-legacy-request");
		assertThat(answer.path("result").isObject()).isTrue();
		assertThat(answer.path("requestId").asString()).isEqualTo("optionalUniqueRequestIdFromTheClient");
		assertThat(this.client.plugin().clientNames()).isEmpty();
		assertThat(send("mq-deleteMqttSession-legacy-request").path("errorCode").asInt()).as("now unknown")
			.isEqualTo(99070);
	}

	// ------------------------------------------------------------------ publish

	@Test
	void publishMinimalWithoutApiOrFormatIsText() {
		createSession("client1", "");
		JsonNode data = sendOk("mq-publishMessagesToMq-minimal").path("result").path("data");
		assertThat(data.get(0).path("topic").asString()).isEqualTo("test/topic1");
		assertThat(data.get(0).path("position").asLong()).isEqualTo(1);
		assertThat(this.client.plugin().messages("test/topic1")).singleElement().satisfies((message) -> {
			assertThat(message.payloadText()).isEqualTo("A143C2F");
			assertThat(message.binaryFormat()).isEqualTo("utf8");
			assertThat(message.publisherClientName()).isEqualTo("client1");
		});
	}

	@Test
	void publishMinimalOlder() {
		createSession("client1", "");
		sendOk("mq-publishMessagesToMq-minimal-older");
		assertThat(this.client.plugin().messages("test/topic1")).extracting(MqPlugin.Message::payloadText)
			.containsExactly("This is the message payload for the minimal example.");
	}

	@Test
	void publishTypicalWithEitherFormatProperty() {
		createSession("client1", "");
		for (String name : List.of("mq-publishMessagesToMq-typical", "mq-publishMessagesToMq-typical-older")) {
			sendOk(name);
		}
		assertThat(this.client.plugin().messages("test/topic1")).extracting(MqPlugin.Message::position)
			.containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
		assertThat(this.client.plugin().messages("test/topic1")).extracting(MqPlugin.Message::payloadText)
			.startsWith("This is the first message payload for the typical example.");
	}

	@Test
	void publishMaximalKeepsEveryProperty() {
		createSession("client1", "");
		sendOk("mq-publishMessagesToMq-maximal");
		assertThat(this.client.plugin().retainedMessage("test/topic1")).hasValueSatisfying((message) -> {
			assertThat(message.payload()).containsExactly(0xDE, 0xAD, 0xBE, 0xEF);
			assertThat(message.expiresAt()).isEqualTo(MqClient.START.plusSeconds(60));
		});
		JsonNode message = this.client.result("getMessagesFromMqTopic", "{\"topic\":\"test/topic1\"}").path("data").get(0);
		assertThat(message.path("payload").asString()).isEqualTo("DEADBEEF");
		assertThat(message.path("binaryFormat").asString()).isEqualTo("hex");
		assertThat(message.path("contentType").asString()).isEqualTo("IanaMediaType or a CustomType");
		assertThat(message.path("correlationData").asString()).isEqualTo("any JSON value up to 65500 bytes");
		assertThat(message.path("expirySeconds").asLong()).isEqualTo(60);
		assertThat(message.path("retain").asBoolean()).isTrue();
		assertThat(message.path("responseTopic").asString()).isEqualTo("topic/name/for/subscriber/to/respond/to");
		assertThat(message.path("userProperties").get(0).path("key").asString()).isEqualTo("some key");
	}

	@Test
	void publishMessagesToMqttLegacyMaximal() {
		createSession("a unique MQTT client identifier", "");
		sendOk("mq-publishMessagesToMqtt-legacy-maximal");
		assertThat(this.client.plugin().messages("some/topic/name")).extracting(MqPlugin.Message::payloadText)
			.containsExactly("This is the message payload.");
	}

	@Test
	void publishMessagesToMqttWithTopicPerMessage() {
		createSession("a unique MQTT client identifier", "");
		JsonNode answer = sendOk("mq-publishMessagesToMqtt-legacy-per-message-topic");
		assertThat(answer.path("result").path("data").get(0).path("topic").asString()).isEqualTo("topic1");
		assertThat(this.client.plugin().messages("topic1")).hasSize(1);
	}

	@Test
	void publishMessagesToMqttByIntegrationTable() {
		createSession("a unique MQTT client identifier", "");
		JsonNode unknown = send("mq-publishMessagesToMqtt-legacy-per-message-table");
		assertThat(unknown.path("errorCode").asInt()).as("no topic stores its messages there yet").isEqualTo(99075);
		this.client.result("configureTopic", "{\"topic\":\"topic1\"}");
		JsonNode answer = sendOk("mq-publishMessagesToMqtt-legacy-per-message-table");
		assertThat(answer.path("result").path("data").get(0).path("topic").asString()).isEqualTo("topic1");
		assertThat(this.client.plugin().messages("topic1")).extracting(MqPlugin.Message::payloadText)
			.containsExactly("This is the message payload.");
	}

	@Test
	void everyMqExampleIsSentByATest() throws IOException {
		List<String> names = GoldenExamples.names().stream().filter((name) -> name.startsWith("mq-")).toList();
		assertThat(names).hasSize(25);
		String tests = Files.readString(Path.of("src/test/java/io/github/faircomclient/test/mq/MqGoldenIntegrationTests.java"));
		for (String name : names) {
			assertThat(tests).as("a test sends " + name).contains("\"" + name + "\"");
		}
	}

}
