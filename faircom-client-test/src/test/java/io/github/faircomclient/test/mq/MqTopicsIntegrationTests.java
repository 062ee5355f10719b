package io.github.faircomclient.test.mq;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Topics over HTTP: configureTopic as an upsert, describeTopics, listTopics and deleteTopic with its
 * preserve options.
 */
class MqTopicsIntegrationTests {

	private MqClient client;

	@BeforeEach
	void start() {
		this.client = new MqClient();
		this.client.createSession("publisher");
	}

	@AfterEach
	void stop() {
		this.client.close();
	}

	private JsonNode describe(String topic) {
		return this.client.result("describeTopics", "{\"topics\":[\"" + topic + "\"]}").path("data").get(0);
	}

	@Test
	void configureTopicIsAnUpsertThatKeepsOmittedSettings() {
		JsonNode created = this.client.result("configureTopic", "{\"topic\":\"plant/line1\",\"retrySeconds\":5,"
				+ "\"label\":{\"group\":\"plant\",\"name\":\"line 1\"},\"mqttPayloadType\":\"utf8\"}")
			.path("data").get(0).path("persistence");
		assertThat(created.path("retrySeconds").asInt()).isEqualTo(5);
		assertThat(created.path("sourcePayloadFormat").asString()).isEqualTo("utf8");
		assertThat(created.path("threads").asInt()).as("documented default").isEqualTo(1);
		this.client.result("configureTopic", "{\"topic\":\"plant/line1\",\"threads\":2,\"retentionPeriod\":4}");
		JsonNode persistence = describe("plant/line1").path("persistence");
		assertThat(persistence.path("threads").asInt()).isEqualTo(2);
		assertThat(persistence.path("retrySeconds").asInt()).isEqualTo(5);
		assertThat(persistence.path("label").path("name").asString()).isEqualTo("line 1");
		assertThat(this.client.plugin().topics()).containsExactly("plant/line1");
	}

	@Test
	void anExistingTopicKeepsItsRetentionAndTable() {
		this.client.result("configureTopic", "{\"topic\":\"plant/line1\"}");
		JsonNode retention = this.client.error("configureTopic", "{\"topic\":\"plant/line1\",\"retentionPeriod\":8}");
		assertThat(retention.path("errorCode").asInt()).isEqualTo(99080);
		assertThat(retention.path("errorMessage").asString())
			.isEqualTo("Topic 'plant/line1' exists: configureTopic cannot change its 'retentionPeriod'.");
		assertThat(this.client.error("configureTopic", "{\"topic\":\"plant/line1\",\"tableName\":\"other\"}")
			.path("errorCode").asInt()).isEqualTo(99080);
		assertThat(describe("plant/line1").path("persistence").path("retentionPeriod").asInt()).isEqualTo(4);
		JsonNode fresh = this.client.result("configureTopic", "{\"topic\":\"plant/line2\",\"retentionPeriod\":8,"
				+ "\"retentionUnit\":\"day\",\"tableName\":\"line2_messages\",\"databaseName\":\"ctreeSQL\"}")
			.path("data").get(0).path("persistence");
		assertThat(fresh.path("retentionPeriod").asInt()).isEqualTo(8);
		assertThat(fresh.path("tableName").asString()).isEqualTo("line2_messages");
		assertThat(fresh.path("databaseName").asString()).isEqualTo("ctreeSQL");
	}

	@Test
	void tableNamesFollowTheTopicNameAndNeverClash() {
		this.client.result("configureTopic", "{\"topic\":\"a/b\"}");
		this.client.publish("publisher", "a_b", "x");
		assertThat(describe("a/b").path("persistence").path("tableName").asString()).isEqualTo("mqtt_msg_a_b");
		assertThat(describe("a_b").path("persistence").path("tableName").asString()).isEqualTo("mqtt_msg_a_b_2");
		JsonNode taken = this.client.error("configureTopic", "{\"topic\":\"c\",\"tableName\":\"MQTT_MSG_A_B\"}");
		assertThat(taken.path("errorCode").asInt()).isEqualTo(99078);
		assertThat(taken.path("errorMessage").asString()).isEqualTo("Table 'MQTT_MSG_A_B' already stores another topic's messages.");
	}

	@Test
	void badTopicNamesAreRefused() {
		JsonNode wildcard = this.client.error("configureTopic", "{\"topic\":\"a/+\"}");
		assertThat(wildcard.path("errorCode").asInt()).isEqualTo(99072);
		assertThat(wildcard.path("errorMessage").asString())
			.isEqualTo("Invalid topic name 'a/+': a topic name cannot contain the wildcards + or #.");
		assertThat(this.client.error("configureTopic", "{}").path("errorMessage").asString())
			.isEqualTo("Missing required parameter 'topic'.");
		assertThat(this.client.error("configureTopic", "{\"topic\":\"t\",\"threads\":\"two\"}").path("errorMessage")
			.asString()).isEqualTo("Property 'params.threads' must be an integer.");
		assertThat(this.client.plugin().topics()).isEmpty();
	}

	@Test
	void listTopicsFiltersAndPages() {
		for (String topic : new String[] { "b/2", "a/1", "B/3", "a/10", "c" }) {
			this.client.result("configureTopic", "{\"topic\":\"" + topic + "\"}");
		}
		this.client.result("configureTopic", "{\"topic\":\"c\",\"label\":{\"group\":\"Pumps\",\"name\":\"north wing\"}}");
		assertThat(names("{}")).containsExactly("B/3", "a/1", "a/10", "b/2", "c");
		assertThat(names("{\"partialName\":\"a/\"}")).containsExactly("a/1", "a/10");
		assertThat(names("{\"partialName\":\"A/\"}")).as("topic names are case-sensitive").isEmpty();
		assertThat(names("{\"skipRecords\":1,\"maxRecords\":2}")).containsExactly("a/1", "a/10");
		assertThat(names("{\"maxRecords\":-1,\"skipRecords\":4}")).containsExactly("c");
		assertThat(names("{\"search\":\"NORTH pumps\"}")).containsExactly("c");
		assertThat(names("{\"search\":\"north a\"}")).isEmpty();
		assertThat(names("{\"search\":\"1\"}")).containsExactly("a/1", "a/10");
		assertThat(names("{\"label\":{\"group\":\"Pumps\",\"name\":\"north wing\"},\"dataFormat\":\"arrays\"}"))
			.containsExactly("c");
		assertThat(this.client.error("listTopics", "{\"dataFormat\":\"table\"}").path("errorCode").asInt()).isEqualTo(99005);
		assertThat(this.client.error("listTopics", "{\"maxRecords\":-2}").path("errorCode").asInt()).isEqualTo(99005);
	}

	private List<String> names(String params) {
		List<String> names = new ArrayList<>();
		this.client.result("listTopics", params).path("data").forEach((name) -> names.add(name.asString()));
		return names;
	}

	@Test
	void describeTopicsCountsMessagesAndSubscribers() {
		this.client.createSession("reader");
		this.client.subscribe("reader", "plant/#");
		this.client.publish("publisher", "plant/line1", "1", "2", "3", "4");
		this.client.clock.advanceSeconds(150);
		JsonNode answer = this.client.call("describeTopics", "{\"topics\":[\"plant/line1\",\"nowhere\"]}");
		JsonNode topic = answer.path("result").path("data").get(0);
		assertThat(answer.path("result").path("data")).hasSize(1);
		assertThat(topic.path("messageCount").asInt()).isEqualTo(4);
		assertThat(topic.path("creationTime").asString()).isEqualTo("2026-01-01T10:00:00.000");
		assertThat(topic.path("lastMessageTime").asString()).isEqualTo("2026-01-01T10:00:00.000");
		assertThat(topic.path("averageMessagesPerMinute").asInt()).as("4 messages in 2 whole minutes").isEqualTo(2);
		assertThat(topic.path("averageMessagesPerHour").asInt()).isZero();
		JsonNode subscriber = topic.path("subscriberList").get(0);
		assertThat(subscriber.path("topicExpression").asString()).isEqualTo("plant/#");
		JsonNode connection = subscriber.path("connectionList").get(0).path("connection");
		assertThat(connection.path("clientId").asString()).isEqualTo("reader");
		assertThat(connection.path("status").asString()).isEqualTo("Connected with clean flag = 0");
		JsonNode warning = answer.path("debugInfo").path("warnings").get(0);
		assertThat(warning.path("code").asInt()).isEqualTo(99074);
		assertThat(warning.path("message").asString()).isEqualTo("Topic 'nowhere' does not exist.");
		assertThat(this.client.result("describeTopics", "{}").path("data")).as("omitted = every topic").hasSize(1);
	}

	@Test
	void deleteTopicKeepsDataOrTableOnlyWhenAsked() {
		this.client.publish("publisher", "t", "1", "2", "3");
		this.client.result("deleteTopic", "{\"topic\":\"t\",\"preserve\":\"DATA\"}");
		assertThat(this.client.plugin().topics()).isEmpty();
		JsonNode kept = this.client.result("getMessagesFromMqTopic", "{\"tableName\":\"mqtt_msg_t\",\"startFrom\":\"head\"}");
		assertThat(kept.path("data")).extracting((message) -> message.path("payload").asString()).containsExactly("1", "2", "3");
		assertThat(kept.path("topic").asString()).isEqualTo("t");
		JsonNode next = this.client.publish("publisher", "t", "4");
		assertThat(next.path("data").get(0).path("position").asLong()).as("the new topic takes the kept table over")
			.isEqualTo(4);
		assertThat(this.client.plugin().messages("t")).hasSize(4);
		this.client.result("deleteTopic", "{\"topic\":\"t\",\"preserve\":\"table\"}");
		assertThat(this.client.result("getMessagesFromMqTopic", "{\"tableName\":\"mqtt_msg_t\"}").path("data")).isEmpty();
		assertThat(this.client.publish("publisher", "t", "5").path("data").get(0).path("position").asLong()).isEqualTo(5);
		this.client.result("deleteTopic", "{\"topic\":\"t\"}");
		assertThat(this.client.error("getMessagesFromMqTopic", "{\"tableName\":\"mqtt_msg_t\"}").path("errorCode").asInt())
			.as("preserve defaults to nothing").isEqualTo(99075);
		assertThat(this.client.publish("publisher", "t", "6").path("data").get(0).path("position").asLong()).isEqualTo(1);
		assertThat(this.client.error("deleteTopic", "{\"topic\":\"t\",\"preserve\":\"all\"}").path("errorMessage").asString())
			.isEqualTo("Property 'params.preserve' has an invalid value: \"all\"; use data, nothing or table");
	}

	@Test
	void deleteTopicDropsUndeliveredCopiesAndTheRetainedMessage() {
		this.client.createSession("reader");
		this.client.subscribe("reader", "#");
		this.client.result("publishMessagesToMq", "{\"clientName\":\"publisher\",\"topic\":\"gone\",\"messages\":["
				+ "{\"payload\":\"r\",\"retain\":true}]}");
		this.client.publish("publisher", "stays", "s");
		assertThat(this.client.plugin().client("reader").orElseThrow().backlog()).isEqualTo(2);
		this.client.result("deleteTopic", "{\"topic\":\"gone\"}");
		assertThat(this.client.plugin().retainedMessage("gone")).isEmpty();
		JsonNode read = this.client.read("reader", 10);
		assertThat(read.path("data")).extracting((message) -> message.path("topic").asString()).containsExactly("stays");
		this.client.createSession("late");
		this.client.subscribe("late", "#");
		assertThat(this.client.read("late", 10).path("data")).as("no retained message is left").isEmpty();
	}

}
