package io.github.faircomclient.mq;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.github.faircomclient.test.golden.GoldenComparison;
import io.github.faircomclient.test.golden.GoldenExample;
import io.github.faircomclient.test.golden.GoldenExamples;
import io.github.faircomclient.testsupport.FairComStub;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The requests {@link MqTemplate} writes, compared with FairCom's documented MQ requests
 * (the {@code mq-*} golden files), and the documented answers it reads.
 */
class MqTemplateGoldenRequestTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final FairComStub stub = new FairComStub();

	@AfterEach
	void close() {
		this.stub.close();
	}

	/**
	 * One documented request: how to make the client write it, the action the client
	 * sends (the current name for an old one), and the paths that differ on purpose.
	 */
	record Case(String golden, String action, Function<MqOperations, Object> call, String... ignored) {

		@Override
		public String toString() {
			return this.golden;
		}

	}

	static Stream<Case> documentedRequests() {
		return Stream.of(
				new Case("mq-configureTopic-minimal", "configureTopic", (mq) -> mq.configureTopic("test/topic1")),
				new Case("mq-configureTopic-minimal-acmefactory", "configureTopic",
						(mq) -> mq.configureTopic("acmefactory/line1/station1/acidbath/telemetry")),
				// the client always states preserve: the documentation contradicts itself on its default
				new Case("mq-deleteTopic-minimal", "deleteTopic", (mq) -> mq.deleteTopic("test/topic1"),
						"params.preserve"),
				new Case("mq-deleteTopic-missing-topic-warning-14229", "deleteTopic",
						(mq) -> mq.deleteTopic("acmefactory/line1/station1/acidbath/telemetry", MqTopicPreserve.DATA)),
				new Case("mq-describeTopics-minimal", "describeTopics",
						(mq) -> mq.describeTopics(List.of("test/topic1"))),
				new Case("mq-describeTopics-minimal-older", "describeTopics",
						(mq) -> mq.describeTopics(List.of("test/topic1"))),
				// the client pages through every topic
				new Case("mq-listTopics-minimal", "listTopics", (mq) -> mq.listTopics(), "params.skipRecords",
						"params.maxRecords"),
				// search, dataFormat and label are not offered; the client pages on its own
				new Case("mq-listTopics-maximal", "listTopics", (mq) -> mq.listTopics("test"), "params.search",
						"params.dataFormat", "params.skipRecords", "params.maxRecords", "params.label"),
				// the describe always asks for statistics and subscriptions
				new Case("mq-describeMqSessions-minimal", "describeMqSessions",
						(mq) -> mq.describeSessions(List.of("myClientIdentifier")), "params.includeSubscribedTopics",
						"params.includeStats"),
				// published topics are not part of MqSessionDescription
				new Case("mq-describeMqSessions-maximal", "describeMqSessions",
						(mq) -> mq.describeSessions(List.of("a unique MQTT or MQ API client name")),
						"params.includePublishedTopics"),
				new Case("mq-describeMqSessions-maximal-older", "describeMqSessions",
						(mq) -> mq.describeSessions(List.of("a unique MQTT or MQ API client name")),
						"params.includePublishedTopics"),
				new Case("mq-listMqSessions-minimal", "listMqSessions", (mq) -> mq.listSessions(),
						"params.partialClientName"),
				// a reference example listing every allowed filter value: the client offers the prefix only
				new Case("mq-listMqSessions-maximal", "listMqSessions", (mq) -> mq.listSessions(""),
						"params.connectionStatusFilter", "params.sessionStatusFilter", "params.sessionTypeFilter",
						"params.healthFilter", "params.unsetHealthMeasures", "params.sortDescending",
						"params.sortAscending", "params.labelId", "params.label"),
				// sessionStatus holds the placeholder list of values; the MQTT-only settings are not offered
				new Case("mq-alterMqSession-maximal", "alterMqSession",
						(mq) -> mq.alterSession("a unique client identifier for MQTT or MQ API",
								MqSessionSettings.builder()
									.temporarySession(false)
									.sessionStatus(MqSessionStatus.NORMAL)
									.keepAlive(Duration.ofSeconds(60))
									.userProperties(List.of(new MqUserProperty("some key", "some value")))
									.sessionExpiryInterval(Duration.ofSeconds(60))
									.build()),
						"params.sessionStatus", "params.mqttPayloadType", "params.receiveMaximum",
						"params.maximumPacketSize", "params.topicAliasMaximum"),
				new Case("mq-deleteMqttSession-legacy-request", "deleteMqSession",
						(mq) -> ok(() -> mq.deleteSession("a unique MQTT client identifier or empty string", true)),
						"params.permanentlyDeleteSession"),
				// the client states binaryFormat, which the page leaves to the server's default
				new Case("mq-publishMessagesToMq-minimal", "publishMessagesToMq",
						(mq) -> mq.withClientName("client1").publish("test/topic1", "A143C2F"),
						"params.messages[*].binaryFormat"),
				new Case("mq-publishMessagesToMq-minimal-older", "publishMessagesToMq",
						(mq) -> mq.withClientName("client1")
							.publish("test/topic1", "This is the message payload for the minimal example."),
						"params.messages[*].binaryFormat"),
				// the newer page spells the format mqttPayloadType, the older one and the Maximal binaryFormat
				new Case("mq-publishMessagesToMq-typical", "publishMessagesToMq",
						(mq) -> mq.withClientName("client1").publishAll("test/topic1", typical()),
						"params.messages[*].mqttPayloadType", "params.messages[*].binaryFormat"),
				new Case("mq-publishMessagesToMq-typical-older", "publishMessagesToMq",
						(mq) -> mq.withClientName("client1").publishAll("test/topic1", typical())),
				new Case("mq-publishMessagesToMq-maximal", "publishMessagesToMq",
						(mq) -> mq.withClientName("client1")
							.publish("test/topic1", maximal(HexFormat.of().parseHex("DEADBEEF"), MqPayloadFormat.HEX))),
				new Case("mq-publishMessagesToMqtt-legacy-maximal", "publishMessagesToMq",
						(mq) -> mq.withClientName("a unique MQTT client identifier")
							.publish("some/topic/name", maximal("This is the message payload.", MqPayloadFormat.UTF8))));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("documentedRequests")
	void writesTheDocumentedRequest(Case documented) {
		GoldenExample example = GoldenExamples.load(documented.golden());
		if (example.response() != null) {
			this.stub.answerEnvelope(documented.action(), answer(example));
		}
		documented.call().apply(this.stub.template().mq());
		JsonNode sent = this.stub.requests(documented.action()).get(0);
		assertThat(sent.get("api").stringValue()).isEqualTo("mq");
		ObjectNode expected = json.createObjectNode();
		expected.set("params", example.request().has("params") ? example.request().get("params")
				: json.createObjectNode());
		ObjectNode actual = json.createObjectNode();
		actual.set("params", sent.get("params"));
		GoldenComparison.Result result = GoldenComparison.of(expected).ignoring(documented.ignored()).compare(actual);
		assertThat(result.matches()).as(result::describe).isTrue();
	}

	@Test
	void everyMqExampleIsSentOrReadHere() {
		List<String> covered = Stream.concat(documentedRequests().map(Case::golden),
				Stream.of("mq-describeMqSessions-legacy-result-object", "mq-describeMqttSession-legacy-request",
						"mq-publishMessagesToMqtt-legacy-per-message-topic",
						"mq-publishMessagesToMqtt-legacy-per-message-table"))
			.toList();
		assertThat(GoldenExamples.names().stream().filter((name) -> name.startsWith("mq-")))
			.containsExactlyInAnyOrderElementsOf(covered);
	}

	@Test
	void describesASessionByNameWhereTheOldPagesUseASingularClientName() {
		GoldenExample legacy = GoldenExamples.load("mq-describeMqttSession-legacy-request");
		String clientName = legacy.request().at("/params/clientName").stringValue();
		this.stub.template().mq().describeSession(clientName);
		JsonNode params = this.stub.request("describeMqSessions").get("params");
		assertThat(params.get("clientNames")).containsExactly(json.getNodeFactory().stringNode(clientName));
	}

	@Test
	void publishesWithTheCurrentLayoutWhereTheOldPagesNameClientAndTopicPerMessage() {
		GoldenExample legacy = GoldenExamples.load("mq-publishMessagesToMqtt-legacy-per-message-topic");
		JsonNode message = legacy.request().at("/params/messages/0");
		this.stub.template().mq().withClientName(message.get("clientName").stringValue())
			.publish(message.get("topic").stringValue(), message.get("payload").stringValue());
		JsonNode params = this.stub.request("publishMessagesToMq").get("params");
		assertThat(params.get("clientName")).isEqualTo(message.get("clientName"));
		assertThat(params.get("topic")).isEqualTo(message.get("topic"));
		assertThat(params.at("/messages/0/payload")).isEqualTo(message.get("payload"));
		assertThat(params.at("/messages/0/binaryFormat")).isEqualTo(message.get("binaryFormat"));
		assertThat(params.at("/messages/0").has("tableName")).as("publishing by integration table is not offered")
			.isFalse();
	}

	@Test
	void readsTheDocumentedTopicDescriptions() {
		this.stub.answerEnvelope("describeTopics", answer(GoldenExamples.load("mq-describeTopics-minimal")));
		this.stub.answerEnvelope("describeTopics", answer(GoldenExamples.load("mq-describeTopics-minimal-older")));
		MqOperations mq = this.stub.template().mq();
		for (int i = 0; i < 2; i++) {
			MqTopicDescription topic = mq.describeTopic("test/topic1").orElseThrow();
			assertThat(topic.messageCount()).isEqualTo(2);
			assertThat(topic.creationTime()).isEqualTo(LocalDateTime.parse("2024-02-01T23:47:45.814"));
			assertThat(topic.lastMessageTime()).isEqualTo(LocalDateTime.parse("2024-02-01T23:47:51.716"));
			assertThat(topic.tableName()).isEqualTo("mqtt_msg_test_topic1");
			assertThat(topic.persistence().get("retentionPolicy").stringValue()).isEqualTo("autoPurge");
		}
	}

	@Test
	void readsTheDocumentedListsAndDeletes() {
		this.stub.answerEnvelope("listTopics", answer(GoldenExamples.load("mq-listTopics-minimal")));
		this.stub.answerEnvelope("listMqSessions", answer(GoldenExamples.load("mq-listMqSessions-maximal")));
		this.stub.answerEnvelope("deleteTopic", answer(GoldenExamples.load("mq-deleteTopic-minimal")));
		this.stub.answerEnvelope("deleteTopic",
				answer(GoldenExamples.load("mq-deleteTopic-missing-topic-warning-14229")));
		MqOperations mq = this.stub.template().mq();
		assertThat(mq.listTopics()).containsExactly("test/ReasonCodes", "test/SharedSubscriptions", "test/topic1",
				"test/topic2");
		assertThat(mq.listSessions()).containsExactly(new MqSessionSummary("client1", "mqApi"));
		assertThat(mq.deleteTopic("test/topic1")).isTrue();
		assertThat(mq.deleteTopic("acmefactory/line1/station1/acidbath/telemetry", MqTopicPreserve.DATA))
			.as("warning 14229: no such topic")
			.isFalse();
	}

	@Test
	void readsTheDocumentedSessionDescriptionsOfEveryLayout() {
		this.stub.answerEnvelope("describeMqSessions", answer(GoldenExamples.load("mq-describeMqSessions-maximal")));
		this.stub.answerEnvelope("describeMqSessions",
				answer(GoldenExamples.load("mq-describeMqSessions-maximal-older")));
		this.stub.answerEnvelope("describeMqSessions",
				answer(GoldenExamples.load("mq-describeMqSessions-legacy-result-object")));
		MqOperations mq = this.stub.template().mq();
		MqSessionDescription newer = mq.describeSessions(List.of("client1")).get(0);
		assertThat(newer.clientName()).isEqualTo("client1");
		assertThat(newer.temporarySession()).isFalse();
		assertThat(newer.sessionStatus()).isEqualTo(MqSessionStatus.NORMAL);
		assertThat(newer.connectionStatus()).isEqualTo("connected");
		assertThat(newer.keepAliveSeconds()).isZero();
		assertThat(newer.stats()).isNotNull();
		assertThat(newer.stats().totalMessagesPublished()).isZero();
		assertThat(newer.stats().currentDeliveryBacklogged()).isZero();
		MqSessionDescription older = mq.describeSessions(List.of("x")).get(0);
		assertThat(older.sessionType()).isEqualTo("mqApi");
		assertThat(older.sessionStatus()).isEqualTo(MqSessionStatus.NORMAL);
		assertThat(older.sessionExpiryInterval()).isZero();
		assertThat(older.stats()).isNull();
		MqSessionDescription legacy = mq.describeSessions(List.of("x")).get(0);
		assertThat(legacy.clientName()).isEqualTo("a unique MQTT client identifier");
		assertThat(legacy.subscribedTopicFilters()).containsExactly("some/topic/name/with/optional/wildcards");
	}

	private static List<MqOutgoingMessage> typical() {
		return Stream.of("first", "second", "third")
			.map((nth) -> MqOutgoingMessage.of("This is the " + nth + " message payload for the typical example."))
			.toList();
	}

	private static MqOutgoingMessage maximal(Object payload, MqPayloadFormat format) {
		return MqOutgoingMessage.builder(payload)
			.payloadFormat(format)
			.contentType("IanaMediaType or a CustomType")
			.correlationData("any JSON value up to 65500 bytes")
			.expiry(Duration.ofSeconds(60))
			.retain(true)
			.responseTopic("topic/name/for/subscriber/to/respond/to")
			.userProperty("some key", "some value")
			.build();
	}

	private static Object ok(Runnable call) {
		call.run();
		return "ok";
	}

	/**
	 * A documented answer as the stub sends it: without the documentation's requestId and
	 * token placeholders, and with {@code errorCode} 0 where the copy was cut off before it.
	 */
	static String answer(GoldenExample example) {
		ObjectNode answer = (ObjectNode) example.requiredResponse().deepCopy();
		answer.remove("requestId");
		answer.remove("authToken");
		if (answer.has("debugInfo")) {
			((ObjectNode) answer.get("debugInfo")).remove("request");
		}
		if (!answer.has("errorCode")) {
			answer.put("errorCode", 0);
		}
		return answer.toString();
	}

}
