package io.github.faircomclient.test.mq;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * MQ API sessions over HTTP: creation, permanent and temporary lifetimes on the emulator clock,
 * statuses, alter, list, describe with statistics, delete, and independence from JSON sessions.
 */
class MqSessionsIntegrationTests {

	private MqClient client;

	@BeforeEach
	void start() {
		this.client = new MqClient();
	}

	@AfterEach
	void stop() {
		this.client.close();
	}

	private List<String> list(String params) {
		List<String> names = new ArrayList<>();
		this.client.result("listMqSessions", params).path("data").forEach((row) -> names.add(row.path("clientName").asString()));
		return names;
	}

	private JsonNode describe(String clientName) {
		return this.client.result("describeMqSessions", "{\"clientNames\":[\"" + clientName + "\"],\"includeStats\":true,"
				+ "\"includeSubscribedTopics\":true,\"includePublishedTopics\":true}").path("data").get(0);
	}

	@Test
	void clientNamesAreUnique() {
		JsonNode created = this.client.result("createMqApiSession", "{\"clientName\":\"orders\"}");
		assertThat(created.path("clientName").asString()).isEqualTo("orders");
		assertThat(created.path("sessionType").asString()).isEqualTo("mqApi");
		assertThat(created.path("username").asString()).isEqualTo("ADMIN");
		assertThat(created.path("ipaddress").asString()).isEqualTo("127.0.0.1");
		JsonNode duplicate = this.client.error("createMqApiSession", "{\"clientName\":\"orders\"}");
		assertThat(duplicate.path("errorCode").asInt()).isEqualTo(99071);
		assertThat(duplicate.path("errorMessage").asString()).isEqualTo(
				"clientName 'orders' already identifies an MQ session; use another name or delete that session with deleteMqSession.");
		this.client.result("createMqApiSession", "{\"clientName\":\"Orders\"}");
		assertThat(this.client.result("createMqApiSession", "{}").path("clientName").asString()).isEqualTo("mqApiClient1");
		assertThat(this.client.result("createMqttSession", "{\"clientName\":\"\"}").path("clientName").asString())
			.as("the old name, with the documented generated name").isEqualTo("mqApiClient2");
		assertThat(this.client.plugin().clientNames()).containsExactly("Orders", "mqApiClient1", "mqApiClient2", "orders");
		assertThat(this.client.error("createMqApiSession", "{\"clientName\":\"" + "n".repeat(65536) + "\"}")
			.path("errorCode").asInt()).isEqualTo(99005);
	}

	@Test
	void permanentAndTemporarySessionsHaveTheDocumentedSettings() {
		JsonNode permanent = this.client.result("createMqApiSession", "{\"clientName\":\"p\"}");
		assertThat(permanent.path("temporarySession").asBoolean()).isFalse();
		assertThat(permanent.path("cleanSession").asBoolean()).isFalse();
		assertThat(permanent.path("keepAliveSeconds").asInt()).isZero();
		assertThat(permanent.path("sessionExpiryInterval").asLong()).isEqualTo(4294967296L);
		JsonNode temporary = this.client.result("createMqApiSession", "{\"clientName\":\"t\",\"temporarySession\":true}");
		assertThat(temporary.path("cleanSession").asBoolean()).isTrue();
		assertThat(temporary.path("keepAliveSeconds").asInt()).isEqualTo(60);
		assertThat(temporary.path("sessionExpiryInterval").asLong()).isZero();
		this.client.clock.advanceSeconds(10 * 24 * 3600);
		assertThat(this.client.plugin().clientNames()).as("permanent sessions never time out").containsExactly("p");
	}

	@Test
	void aTemporarySessionEndsAfterKeepAliveAndExpiryWithoutMqActions() {
		this.client.result("createMqApiSession", "{\"clientName\":\"t\",\"temporarySession\":true,\"keepAliveSeconds\":10,"
				+ "\"sessionExpiryInterval\":5}");
		this.client.subscribe("t", "$share/g/jobs");
		this.client.createSession("publisher");
		this.client.clock.advanceSeconds(14);
		assertThat(describe("t").path("connectionStatus").asString()).isEqualTo("connected");
		this.client.clock.advanceSeconds(1);
		JsonNode lapsed = describe("t");
		assertThat(lapsed.path("connectionStatus").asString()).as("no MQ action for 1.5 x keepAliveSeconds")
			.isEqualTo("disconnected");
		assertThat(lapsed.path("disconnectionDateTime").asString()).isEqualTo("2026-01-01T10:00:15");
		assertThat(lapsed.path("stats").path("sessionHealth").asString()).isEqualTo("offline");
		this.client.clock.advanceSeconds(4);
		this.client.read("t", 1);
		assertThat(describe("t").path("connectionStatus").asString()).as("a read keeps it alive").isEqualTo("connected");
		this.client.clock.advanceSeconds(19);
		assertThat(this.client.plugin().clientNames()).contains("t");
		this.client.clock.advanceSeconds(1);
		assertThat(this.client.plugin().clientNames()).as("15 s keep alive + 5 s expiry after the read")
			.doesNotContain("t");
		assertThat(this.client.error("getMessagesFromMqApiSession", "{\"clientName\":\"t\"}").path("errorCode").asInt())
			.isEqualTo(99070);
		this.client.publish("publisher", "jobs", "j");
		this.client.createSession("t");
		this.client.subscribe("t", "$share/g/jobs");
		assertThat(this.client.read("t", 10).path("data")).as("the group ended with its last member").isEmpty();
	}

	@Test
	void mqSessionsOutliveTheJsonSessionThatMadeThem() {
		this.client.createSession("durable");
		this.client.subscribe("durable", "events");
		this.client.createSession("publisher");
		this.client.publish("publisher", "events", "1", "2", "3");
		assertThat(this.client.read("durable", 1).path("data").get(0).path("payload").asString()).isEqualTo("1");
		this.client.logout(this.client.token);
		this.client.token = this.client.login();
		JsonNode resumed = this.client.read("durable", 10);
		assertThat(resumed.path("data")).extracting((message) -> message.path("payload").asString()).containsExactly("2", "3");
		assertThat(this.client.plugin().positions("durable")).containsEntry("events", 3L);
		this.client.publish("publisher", "events", "4");
		this.client.emulator.restart();
		this.client.token = this.client.login();
		assertThat(this.client.read("durable", 10).path("data").get(0).path("payload").asString())
			.as("MQ sessions, subscriptions and messages survive a restart of the emulator").isEqualTo("4");
	}

	@Test
	void deleteMqSessionDeactivatesUnlessToldToDeletePermanently() {
		this.client.createSession("worker");
		this.client.subscribe("worker", "jobs");
		this.client.createSession("publisher");
		assertThat(this.client.result("deleteMqSession", "{\"clientName\":\"worker\"}").isEmpty()).isTrue();
		JsonNode inactive = describe("worker");
		assertThat(inactive.path("sessionStatus").asString()).isEqualTo("inactive");
		assertThat(inactive.path("connectionStatus").asString()).isEqualTo("disconnected");
		assertThat(inactive.path("disconnectionReason").asString()).isEqualTo("Session deactivated");
		this.client.publish("publisher", "jobs", "queued while inactive");
		assertThat(list("{\"connectionStatusFilter\":[\"disconnected\"]}")).containsExactly("worker");
		assertThat(this.client.error("createMqApiSession", "{\"clientName\":\"worker\"}").path("errorCode").asInt())
			.isEqualTo(99071);
		JsonNode read = this.client.read("worker", 10);
		assertThat(read.path("data").get(0).path("payload").asString()).isEqualTo("queued while inactive");
		assertThat(describe("worker").path("sessionStatus").asString()).as("a read reactivates it").isEqualTo("normal");
		this.client.result("deleteMqSession", "{\"clientName\":\"worker\",\"permanentlyDeleteSession\":true}");
		assertThat(this.client.plugin().clientNames()).containsExactly("publisher");
		JsonNode unknown = this.client.error("deleteMqSession", "{\"clientName\":\"worker\"}");
		assertThat(unknown.path("errorCode").asInt()).isEqualTo(99070);
		assertThat(unknown.path("errorMessage").asString())
			.isEqualTo("No MQ session has clientName 'worker'; create it with createMqApiSession.");
	}

	@Test
	void bannedSessionsCannotPublishSubscribeOrRead() {
		this.client.createSession("rogue");
		this.client.result("alterMqSession", "{\"clientName\":\"rogue\",\"sessionStatus\":\"banned\"}");
		for (String[] call : new String[][] { { "publishMessagesToMq", "{\"clientName\":\"rogue\",\"topic\":\"t\","
				+ "\"messages\":[{\"payload\":\"x\"}]}" },
				{ "subscribeToMq", "{\"clientName\":\"rogue\",\"subscriptionActions\":[]}" },
				{ "getMessagesFromMqApiSession", "{\"clientName\":\"rogue\"}" } }) {
			JsonNode refused = this.client.error(call[0], call[1]);
			assertThat(refused.path("errorCode").asInt()).as(call[0]).isEqualTo(99077);
		}
		assertThat(this.client.plugin().topics()).isEmpty();
		assertThat(describe("rogue").path("sessionStatus").asString()).isEqualTo("banned");
		this.client.result("alterMqttSession", "{\"clientName\":\"rogue\",\"clientStatus\":\"normal\"}");
		this.client.publish("rogue", "t", "allowed again");
		this.client.result("alterMqSession", "{\"clientName\":\"rogue\",\"clientStatus\":\"ban\"}");
		assertThat(describe("rogue").path("sessionStatus").asString()).isEqualTo("banned");
	}

	@Test
	void alterMqSessionChangesOnlyWhatItIsGiven() {
		this.client.createSession("s");
		this.client.subscribe("s", "a");
		this.client.createSession("publisher");
		this.client.publish("publisher", "a", "pending");
		JsonNode temporary = this.client.result("alterMqSession", "{\"clientName\":\"s\",\"temporarySession\":true,"
				+ "\"keepAliveSeconds\":30}");
		assertThat(temporary.path("temporarySession").asBoolean()).isTrue();
		assertThat(temporary.path("cleanSession").asBoolean()).isTrue();
		assertThat(temporary.path("keepAliveSeconds").asInt()).isEqualTo(30);
		assertThat(temporary.path("sessionExpiryInterval").asLong()).isZero();
		assertThat(this.client.plugin().client("s").orElseThrow().backlog()).isEqualTo(1);
		ObjectNode request = MqClient.JSON.createObjectNode();
		request.put("api", "mq").put("action", "alterMqSession").put("authToken", this.client.token);
		request.put("cleanSession", true).putObject("params").put("clientName", "s");
		JsonNode cleaned = this.client.send(request);
		assertThat(cleaned.path("errorCode").asInt()).isZero();
		MqPlugin.Client state = this.client.plugin().client("s").orElseThrow();
		assertThat(state.subscriptions()).as("cleanSession true drops subscriptions").isEmpty();
		assertThat(state.backlog()).isZero();
		assertThat(this.client.error("alterMqSession", "{\"clientName\":\"s\",\"keepAliveSeconds\":70000}").path("errorCode")
			.asInt()).isEqualTo(99005);
		assertThat(this.client.error("alterMqSession", "{\"clientName\":\"nobody\"}").path("errorCode").asInt()).isEqualTo(99070);
	}

	@Test
	void listMqSessionsFiltersAndSorts() {
		for (String name : List.of("beta", "alpha", "gamma", "alps")) {
			this.client.createSession(name);
			this.client.clock.advanceSeconds(1);
		}
		this.client.result("alterMqSession", "{\"clientName\":\"gamma\",\"sessionStatus\":\"hidden\"}");
		assertThat(list("{}")).as("hidden sessions only when asked").containsExactly("alpha", "alps", "beta");
		assertThat(list("{\"sessionStatusFilter\":[\"hidden\"]}")).containsExactly("gamma");
		assertThat(list("{\"partialClientName\":\"al\"}")).containsExactly("alpha", "alps");
		assertThat(list("{\"sortDescending\":\"clientName\"}")).containsExactly("beta", "alps", "alpha");
		assertThat(list("{\"sortAscending\":\"lastConnect\"}")).containsExactly("beta", "alpha", "alps");
		assertThat(list("{\"sessionTypeFilter\":[\"mqtt\"]}")).isEmpty();
		assertThat(list("{\"healthFilter\":[\"healthy\"],\"connectionStatusFilter\":[\"connected\"]}")).hasSize(3);
		assertThat(this.client.error("listMqSessions", "{\"sortAscending\":\"clientName\",\"sortDescending\":\"clientName\"}")
			.path("errorCode").asInt()).isEqualTo(99078);
		assertThat(this.client.error("listMqSessions", "{\"sortAscending\":\"age\"}").path("errorCode").asInt()).isEqualTo(99005);
		assertThat(this.client.error("listMqSessions", "{\"healthFilter\":[\"sick\"]}").path("errorCode").asInt()).isEqualTo(99005);
		assertThat(this.client.error("listMqSessions", "{\"labelId\":3}").path("errorCode").asInt()).isEqualTo(99079);
	}

	@Test
	void describeMqSessionsReportsStatisticsAndTopics() {
		this.client.createSession("reader");
		this.client.createSession("publisher");
		this.client.subscribe("reader", "orders/#");
		this.client.subscribe("reader", "$share/billing/orders/#");
		this.client.result("configureTopic", "{\"topic\":\"orders/eu\"}");
		this.client.publish("publisher", "orders/eu", "1", "2", "3");
		this.client.publish("publisher", "orders/us", "4");
		this.client.read("reader", 2);
		JsonNode reader = describe("reader");
		JsonNode stats = reader.path("stats");
		assertThat(stats.path("totalMessagesReceived").asLong()).isEqualTo(2);
		assertThat(stats.path("receiveMessagesPerMinute").asLong()).isEqualTo(2);
		assertThat(stats.path("currentDeliveryBacklogged").asLong()).as("4 + 4 queued, 2 read").isEqualTo(6);
		assertThat(stats.path("deliveryBacklogRatePerMinute").asLong()).as("4 queued, 2 received").isEqualTo(2);
		assertThat(stats.path("sessionHealth").asString()).as("backlog rate 2 exceeds the maximum 1").isEqualTo("unhealthy");
		JsonNode subscribed = reader.path("subscribedTopics");
		assertThat(subscribed.get(0).path("topicFilter").asString()).isEqualTo("orders/#");
		assertThat(subscribed.get(0).path("topics")).extracting((topic) -> topic.path("topic").asString())
			.containsExactly("orders/eu", "orders/us");
		assertThat(subscribed.get(1).path("topicFilter").asString()).isEqualTo("$share/billing/orders/#");
		JsonNode publisher = describe("publisher");
		assertThat(publisher.path("stats").path("totalMessagesPublished").asLong()).isEqualTo(4);
		assertThat(publisher.path("stats").path("publishRatePerHour").asLong()).isEqualTo(4);
		assertThat(publisher.path("publishedTopics")).extracting(JsonNode::asString).containsExactly("orders/eu", "orders/us");
		this.client.clock.advanceSeconds(61);
		assertThat(describe("publisher").path("stats").path("publishRatePerMinute").asLong()).isZero();
		JsonNode all = this.client.call("describeMqSessions", "{\"clientNames\":[\"reader\",\"ghost\"]}");
		assertThat(all.path("result").path("data")).hasSize(1);
		assertThat(all.path("debugInfo").path("warnings").get(0).path("code").asInt()).isEqualTo(99070);
		assertThat(this.client.result("describeMqSessions", "{}").path("data")).as("omitted = every session").hasSize(2);
		assertThat(this.client.error("describeMqSessions", "{\"clientName\":\"ghost\"}").path("errorCode").asInt())
			.isEqualTo(99070);
		assertThat(this.client.error("describeMqSessions", "{\"clientName\":\"reader\",\"clientNames\":[]}").path("errorCode")
			.asInt()).isEqualTo(99078);
	}

	@Test
	void oldActionNamesWork() {
		this.client.result("createMqttSession", "{\"clientName\":\"legacy\"}");
		this.client.result("subscribeToMqtt", "{\"clientName\":\"legacy\",\"subscriptionActions\":[{\"subscriptionAction\":"
				+ "\"add\",\"topicFilter\":\"old\"}]}");
		this.client.result("publishMessagesToMqtt", "{\"clientName\":\"legacy\",\"topic\":\"old\",\"messages\":[{\"payload\":\"x\"}]}");
		assertThat(this.client.result("getMessagesFromMqttSession", "{\"clientName\":\"legacy\"}").path("data")).hasSize(1);
		assertThat(this.client.result("getMessagesFromMqttTopic", "{\"topic\":\"old\"}").path("data")).hasSize(1);
		assertThat(this.client.result("describeMqttSession", "{\"clientName\":\"legacy\"}").path("clientName").asString())
			.isEqualTo("legacy");
		this.client.result("deleteMqttSession", "{\"clientName\":\"legacy\"}");
		assertThat(this.client.plugin().clientNames()).isEmpty();
	}

}
