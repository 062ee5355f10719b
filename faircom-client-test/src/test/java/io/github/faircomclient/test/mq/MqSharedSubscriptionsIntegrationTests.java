package io.github.faircomclient.test.mq;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code $share/} groups over HTTP: each message to exactly one member, also with many publishers and
 * readers at once.
 */
class MqSharedSubscriptionsIntegrationTests {

	private static final int PUBLISHERS = 8;

	private static final int MESSAGES_PER_PUBLISHER = 125;

	private static final int BATCH = 5;

	private static final int READERS = 3;

	private MqClient client;

	@BeforeEach
	void start() {
		this.client = new MqClient();
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

	@Test
	void eachMessageGoesToExactlyOneMemberOfTheGroup() {
		this.client.createSession("publisher");
		this.client.result("publishMessagesToMq", "{\"clientName\":\"publisher\",\"topic\":\"jobs/old\",\"messages\":["
				+ "{\"payload\":\"retained\",\"retain\":true}]}");
		for (String member : List.of("m1", "m2", "m3")) {
			this.client.createSession(member);
			this.client.subscribe(member, "$share/workers/jobs/#");
		}
		this.client.createSession("observer");
		this.client.subscribe("observer", "jobs/#");
		for (int i = 0; i < 30; i++) {
			this.client.publish("publisher", "jobs/" + (i % 4), "job" + i);
		}
		List<String> received = new ArrayList<>();
		Map<String, Integer> perMember = new HashMap<>();
		boolean more = true;
		while (more) {
			more = false;
			for (String member : List.of("m1", "m2", "m3")) {
				List<String> taken = payloads(this.client.read(member, 4));
				received.addAll(taken);
				perMember.merge(member, taken.size(), Integer::sum);
				more |= !taken.isEmpty();
			}
		}
		assertThat(received).as("no retained message on a shared subscription").hasSize(30).doesNotHaveDuplicates()
			.doesNotContain("retained");
		assertThat(perMember).as("4 at a time in turns: 4+4+4, 4+4+4, 4+2+0")
			.containsExactlyInAnyOrderEntriesOf(Map.of("m1", 12, "m2", 10, "m3", 8));
		List<String> observed = payloads(this.client.read("observer", 100));
		assertThat(observed).first().isEqualTo("retained");
		assertThat(observed).hasSize(31);
		for (int topic = 0; topic < 4; topic++) {
			for (MqPlugin.Message message : this.client.plugin().messages("jobs/" + topic)) {
				assertThat(message.deliveries()).as("once for the group, once for the observer").isEqualTo(2);
			}
		}
	}

	@Test
	void aMemberCanNarrowItsReadToTheGroupAndLateMembersShareTheQueue() {
		this.client.createSession("publisher");
		this.client.createSession("m1");
		this.client.subscribe("m1", "$share/g/t");
		this.client.subscribe("m1", "t");
		this.client.publish("publisher", "t", "1", "2");
		JsonNode shared = this.client.result("getMessagesFromMqApiSession",
				"{\"clientName\":\"m1\",\"topic\":\"$share/g/t\",\"maxMessages\":1}");
		assertThat(payloads(shared)).containsExactly("1");
		assertThat(shared.path("moreMessages").asBoolean()).isTrue();
		this.client.createSession("m2");
		this.client.subscribe("m2", "$share/g/t");
		assertThat(payloads(this.client.read("m2", 10))).as("the group's queue is shared").containsExactly("2");
		assertThat(payloads(this.client.read("m1", 10))).as("its own subscription got both").containsExactly("1", "2");
		JsonNode refused = this.client.error("subscribeToMq", "{\"clientName\":\"m2\",\"subscriptionActions\":[{"
				+ "\"subscriptionAction\":\"add\",\"topicFilter\":\"$share/g/t\",\"receiveMyMessages\":false}]}");
		assertThat(refused.path("errorMessage").asString()).isEqualTo(
				"params.subscriptionActions[0]: receiveMyMessages false is not allowed on a shared subscription (MQTT 5).");
	}

	@Test
	void manyPublishersAndThreeGroupReadersDeliverEveryMessageExactlyOnce() throws Exception {
		for (int i = 0; i < READERS; i++) {
			this.client.createSession("reader" + i);
			this.client.subscribe("reader" + i, "$share/loaders/load/#");
		}
		this.client.createSession("observer");
		this.client.subscribe("observer", "load/#");
		int total = PUBLISHERS * MESSAGES_PER_PUBLISHER;
		AtomicInteger delivered = new AtomicInteger();
		List<String> groupReceived = Collections.synchronizedList(new ArrayList<>());
		List<String> observed = Collections.synchronizedList(new ArrayList<>());
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		ExecutorService pool = Executors.newFixedThreadPool(PUBLISHERS + READERS + 1);
		try {
			List<Future<?>> work = new ArrayList<>();
			for (int p = 0; p < PUBLISHERS; p++) {
				int publisher = p;
				work.add(pool.submit(() -> publish(publisher)));
			}
			for (int r = 0; r < READERS; r++) {
				String reader = "reader" + r;
				work.add(pool.submit(() -> {
					String token = this.client.login();
					while (delivered.get() < total && System.nanoTime() < deadline) {
						List<String> taken = payloads(this.client.call(token, "getMessagesFromMqApiSession",
								"{\"clientName\":\"" + reader + "\",\"maxMessages\":20}").path("result"));
						groupReceived.addAll(taken);
						delivered.addAndGet(taken.size());
					}
				}));
			}
			work.add(pool.submit(() -> {
				while (observed.size() < total && System.nanoTime() < deadline) {
					observed.addAll(payloads(this.client.read("observer", 50)));
				}
			}));
			for (Future<?> future : work) {
				future.get(90, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(groupReceived).hasSize(total).doesNotHaveDuplicates();
		assertThat(delivered).hasValue(total);
		assertThat(observed).hasSize(total).doesNotHaveDuplicates();
		Map<Integer, Integer> lastSeen = new HashMap<>();
		for (String payload : observed) {
			String[] parts = payload.split("-");
			int publisher = Integer.parseInt(parts[0].substring(1));
			int sequence = Integer.parseInt(parts[1]);
			assertThat(sequence).as("each publisher's messages arrive in order").isGreaterThan(lastSeen.getOrDefault(publisher, -1));
			lastSeen.put(publisher, sequence);
		}
		MqPlugin plugin = this.client.plugin();
		Set<Long> positions = new HashSet<>();
		for (int p = 0; p < PUBLISHERS; p++) {
			List<MqPlugin.Message> messages = plugin.messages("load/" + p);
			assertThat(messages).hasSize(MESSAGES_PER_PUBLISHER);
			assertThat(messages).allSatisfy((message) -> assertThat(message.deliveries()).isEqualTo(2));
			messages.forEach((message) -> positions.add(message.position()));
		}
		assertThat(positions).hasSize(MESSAGES_PER_PUBLISHER).contains(1L, (long) MESSAGES_PER_PUBLISHER);
		for (int r = 0; r < READERS; r++) {
			assertThat(plugin.client("reader" + r).orElseThrow().backlog()).isZero();
		}
		assertThat(plugin.client("observer").orElseThrow().delivered()).isEqualTo(total);
	}

	private void publish(int publisher) {
		String token = this.client.login();
		String clientName = "publisher" + publisher;
		this.client.result("createMqApiSession", "{\"clientName\":\"" + clientName + "\"}");
		for (int batch = 0; batch < MESSAGES_PER_PUBLISHER / BATCH; batch++) {
			StringBuilder messages = new StringBuilder();
			for (int i = 0; i < BATCH; i++) {
				messages.append((i > 0) ? "," : "").append("{\"payload\":\"p").append(publisher).append('-')
					.append(batch * BATCH + i).append("\"}");
			}
			JsonNode answer = this.client.call(token, "publishMessagesToMq", "{\"clientName\":\"" + clientName
					+ "\",\"topic\":\"load/" + publisher + "\",\"messages\":[" + messages + "]}");
			assertThat(answer.path("errorCode").asInt()).as(answer.toString()).isZero();
		}
	}

}
