package io.github.faircomclient.mq.listener;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.faircomclient.mq.MqMessage;
import io.github.faircomclient.mq.MqPolling;
import io.github.faircomclient.mq.MqSubscription;
import io.github.faircomclient.testsupport.DrivenTaskScheduler;
import io.github.faircomclient.testsupport.FairComStub;
import io.github.faircomclient.testsupport.MutableClock;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link MqListenerContainer} on a stubbed server, its reads run by a driven scheduler:
 * adaptive polling, typed payloads, retries and dead letters, replies, observations and
 * the stop.
 */
class MqListenerContainerTests {

	private static final MqPolling POLLING = new MqPolling(Duration.ofMillis(10), Duration.ofMillis(80), 2.0);

	private final FairComStub stub = new FairComStub();

	private final MutableClock clock = new MutableClock();

	private final DrivenTaskScheduler scheduler = new DrivenTaskScheduler(this.clock);

	private final TestObservationRegistry observations = TestObservationRegistry.create();

	private final List<MqMessage<Object>> received = new CopyOnWriteArrayList<>();

	private MqListenerContainer container;

	record Order(String id, int qty) {
	}

	record Receipt(String id, boolean accepted) {
	}

	@AfterEach
	void stop() {
		if (this.container != null) {
			this.container.stop();
		}
		this.stub.close();
	}

	@Test
	void pollsFastWhileMessagesFlowAndBacksOffWhileIdle() {
		start(settings().build(), this::record);
		List<Duration> pauses = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			runNextPoll();
			pauses.add(this.container.getPollInterval());
		}
		this.stub.answer("getMessagesFromMqApiSession", messages(order("o-1", 2), order("o-2", 3)));
		runNextPoll();
		pauses.add(this.container.getPollInterval());
		runNextPoll();
		pauses.add(this.container.getPollInterval());
		assertThat(pauses).containsExactly(ms(20), ms(40), ms(80), ms(80), ms(80), ms(10), ms(20));
		assertThat(this.received).extracting(MqMessage::payload)
			.containsExactly(new Order("o-1", 2), new Order("o-2", 3));
		assertThat(this.received.get(0).topic()).isEqualTo("orders/eu");
		assertThat(this.received.get(0).position()).isEqualTo(1);
		assertThat(this.stub.actions()).startsWith("describeMqSessions", "createMqApiSession", "subscribeToMq",
				"getMessagesFromMqApiSession");
		JsonNode created = this.stub.request("createMqApiSession").get("params");
		assertThat(created.get("clientName").stringValue()).isEqualTo("app-orders");
		assertThat(created.get("temporarySession").booleanValue()).isFalse();
		JsonNode subscribed = this.stub.request("subscribeToMq").get("params");
		assertThat(subscribed.at("/subscriptionActions/0/topicFilter").stringValue()).isEqualTo("$share/billing/orders/#");
		assertThat(this.container.getStatistics().messages()).isEqualTo(2);
		assertThat(this.container.getStatistics().polls()).isEqualTo(7);
	}

	@Test
	void retriesAFailingMessageThenSendsItToTheDeadLetterTopic() {
		start(settings().build(), (message) -> {
			record(message);
			throw new IllegalStateException("cannot bill " + ((Order) message.payload()).id());
		});
		this.stub.answer("getMessagesFromMqApiSession", messages(order("poison", 1)));
		this.scheduler.advance(Duration.ZERO);
		assertThat(this.received).hasSize(3);
		JsonNode dead = this.stub.request("publishMessagesToMq").get("params");
		assertThat(dead.get("topic").stringValue()).isEqualTo("dead-letters/orders/eu");
		JsonNode message = dead.get("messages").get(0);
		assertThat(message.get("payload").toString()).isEqualTo("{\"id\":\"poison\",\"qty\":1}");
		assertThat(message.get("binaryFormat").stringValue()).isEqualTo("json");
		assertThat(properties(message)).contains("tenant=eu", "faircom-dlt-topic=orders/eu", "faircom-dlt-position=1",
				"faircom-dlt-listener=orders", "faircom-dlt-attempts=3",
				"faircom-dlt-exception=java.lang.IllegalStateException", "faircom-dlt-exception-message=cannot bill poison");
		MqListenerContainerStatistics statistics = this.container.getStatistics();
		assertThat(statistics.failures()).isEqualTo(3);
		assertThat(statistics.deadLettered()).isEqualTo(1);
		assertThat(statistics.messages()).isZero();
		TestObservationRegistryAssert.assertThat(this.observations)
			.hasObservationWithNameEqualTo("faircom.mq.process")
			.that()
			.hasLowCardinalityKeyValue("outcome", "DEAD_LETTERED")
			.hasLowCardinalityKeyValue("faircom.mq.listener.id", "orders")
			.hasLowCardinalityKeyValue("messaging.destination.name", "$share/billing/orders/#")
			.hasError();
	}

	@Test
	void sendsAPayloadThatDoesNotMapToTheDeadLetterTopicWithoutRetrying() {
		start(settings().build(), this::record);
		this.stub.answer("getMessagesFromMqApiSession",
				"{\"data\":[{\"topic\":\"orders/eu\",\"position\":4,\"payload\":\"not json\",\"binaryFormat\":\"utf8\"}]}");
		this.scheduler.advance(Duration.ZERO);
		assertThat(this.received).isEmpty();
		JsonNode message = this.stub.request("publishMessagesToMq").at("/params/messages/0");
		assertThat(message.get("payload").stringValue()).isEqualTo("not json");
		assertThat(message.get("binaryFormat").stringValue()).isEqualTo("utf8");
		assertThat(properties(message)).contains("faircom-dlt-attempts=1");
	}

	@Test
	void succeedsOnALaterAttemptWithoutDeadLettering() {
		int[] calls = new int[1];
		start(settings().build(), (message) -> {
			if (++calls[0] < 3) {
				throw new IllegalStateException("not yet");
			}
			return null;
		});
		this.stub.answer("getMessagesFromMqApiSession", messages(order("o-1", 1)));
		this.scheduler.advance(Duration.ZERO);
		assertThat(calls[0]).isEqualTo(3);
		assertThat(this.stub.requests("publishMessagesToMq")).isEmpty();
		assertThat(this.container.getStatistics().messages()).isEqualTo(1);
		assertThat(this.container.getStatistics().failures()).isEqualTo(2);
	}

	@Test
	void publishesTheListenersReturnValueToTheResponseTopicWithTheCorrelationData() {
		start(settings().build(), (message) -> new Receipt(((Order) message.payload()).id(), true));
		this.stub.answer("getMessagesFromMqApiSession", "{\"data\":[{\"topic\":\"orders/eu\",\"position\":1,"
				+ "\"payload\":{\"id\":\"o-9\",\"qty\":1},\"binaryFormat\":\"json\",\"responseTopic\":\"replies/c1\","
				+ "\"correlationData\":{\"request\":42}}]}");
		this.scheduler.advance(Duration.ZERO);
		JsonNode reply = this.stub.request("publishMessagesToMq").get("params");
		assertThat(reply.get("topic").stringValue()).isEqualTo("replies/c1");
		assertThat(reply.at("/messages/0/payload").toString()).isEqualTo("{\"id\":\"o-9\",\"accepted\":true}");
		assertThat(reply.at("/messages/0/correlationData").toString()).isEqualTo("{\"request\":42}");
	}

	@Test
	void aFailedReadIsRetriedWithTheIdlePause() {
		start(settings().build(), this::record);
		this.scheduler.advance(Duration.ZERO);
		this.stub.failConnection("getMessagesFromMqApiSession");
		this.stub.answer("getMessagesFromMqApiSession", messages(order("o-1", 1)));
		runNextPoll();
		assertThat(this.container.getStatistics().consecutivePollFailures()).isEqualTo(1);
		assertThat(this.container.getStatistics().lastPollError()).isNotNull();
		assertThat(this.container.getPollInterval()).isEqualTo(ms(40));
		runNextPoll();
		assertThat(this.received).hasSize(1);
		assertThat(this.container.getStatistics().consecutivePollFailures()).isZero();
	}

	@Test
	void stopWaitsForTheMessagesInFlightAndPollsNoMore() throws Exception {
		CountDownLatch entered = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		start(settings().build(), (message) -> {
			entered.countDown();
			release.await(10, TimeUnit.SECONDS);
			return null;
		});
		this.stub.answer("getMessagesFromMqApiSession", messages(order("o-1", 1)));
		// a thread each: on JDK 25 the common pool of a 2-core machine runs one task at a time
		Executor ownThread = (task) -> new Thread(task, "test-async").start();
		CompletableFuture<Void> polling = CompletableFuture.runAsync(() -> this.scheduler.advance(Duration.ZERO),
				ownThread);
		assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
		CompletableFuture<Void> stopping = CompletableFuture.runAsync(this.container::stop, ownThread);
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !this.container.isRunning());
		assertThat(stopping).isNotDone();
		release.countDown();
		stopping.get(10, TimeUnit.SECONDS);
		polling.get(10, TimeUnit.SECONDS);
		assertThat(this.container.getStatistics().messages()).isEqualTo(1);
		assertThat(this.scheduler.pending()).isEmpty();
		assertThat(this.stub.requests("deleteMqSession")).as("a permanent session is kept").isEmpty();
	}

	@Test
	void aTemporarySessionIsDeletedOnStop() {
		start(settings().temporarySession(true).build(), this::record);
		this.scheduler.advance(Duration.ZERO);
		this.container.stop();
		JsonNode deleted = this.stub.request("deleteMqSession").get("params");
		assertThat(deleted.get("clientName").stringValue()).isEqualTo("app-orders");
		assertThat(deleted.get("permanentlyDeleteSession").booleanValue()).isTrue();
		assertThat(this.stub.request("createMqApiSession").at("/params/temporarySession").booleanValue()).isTrue();
	}

	private void runNextPoll() {
		assertThat(this.scheduler.pending()).hasSize(1);
		this.scheduler.advance(Duration.between(this.clock.instant(), this.scheduler.pending().get(0)));
	}

	private MqListenerContainerSettings.Builder settings() {
		return MqListenerContainerSettings.builder().clientNamePrefix("app").polling(POLLING).maxAttempts(3);
	}

	private void start(MqListenerContainerSettings settings, MqMessageListener listener) {
		DefaultMqListenerContainerFactory factory = new DefaultMqListenerContainerFactory(this.stub.template().mq(),
				settings);
		factory.setTaskScheduler(this.scheduler);
		factory.setObservationRegistry(this.observations);
		this.container = factory.createContainer(
				new MqListenerEndpoint("orders", List.of(MqSubscription.shared("billing", "orders/#")), Order.class,
						listener));
		this.container.start();
	}

	private Object record(MqMessage<Object> message) {
		this.received.add(message);
		return null;
	}

	private static String order(String id, int qty) {
		return "{\"id\":\"" + id + "\",\"qty\":" + qty + "}";
	}

	private static String messages(String... payloads) {
		StringBuilder data = new StringBuilder("{\"clientName\":\"app-orders\",\"moreMessages\":false,\"data\":[");
		for (int i = 0; i < payloads.length; i++) {
			data.append((i > 0) ? "," : "")
				.append("{\"topic\":\"orders/eu\",\"position\":")
				.append(i + 1)
				.append(",\"timestamp\":\"2026-01-01T10:00:00.000\",\"payload\":")
				.append(payloads[i])
				.append(",\"binaryFormat\":\"json\",\"userProperties\":[{\"key\":\"tenant\",\"value\":\"eu\"}]}");
		}
		return data.append("]}").toString();
	}

	private static List<String> properties(JsonNode message) {
		List<String> properties = new ArrayList<>();
		message.path("userProperties")
			.forEach((property) -> properties.add(property.get("key").stringValue() + "=" + property.get("value")
				.stringValue()));
		return properties;
	}

	private static Duration ms(long millis) {
		return Duration.ofMillis(millis);
	}

}
