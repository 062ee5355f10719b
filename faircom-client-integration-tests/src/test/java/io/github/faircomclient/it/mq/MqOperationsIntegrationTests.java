package io.github.faircomclient.it.mq;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.faircomclient.FairComApiException;
import io.github.faircomclient.core.FairComTemplate;
import io.github.faircomclient.mq.MqMessage;
import io.github.faircomclient.mq.MqMessageBatch;
import io.github.faircomclient.mq.MqOperations;
import io.github.faircomclient.mq.MqOutgoingMessage;
import io.github.faircomclient.mq.MqPayloadFormat;
import io.github.faircomclient.mq.MqPayloadMappingException;
import io.github.faircomclient.mq.MqPublishResult;
import io.github.faircomclient.mq.MqReplayStart;
import io.github.faircomclient.mq.MqSessionDescription;
import io.github.faircomclient.mq.MqSessionSettings;
import io.github.faircomclient.mq.MqSessionStatus;
import io.github.faircomclient.mq.MqSettings;
import io.github.faircomclient.mq.MqSubscription;
import io.github.faircomclient.mq.MqTopicPreserve;
import io.github.faircomclient.mq.MqTopicSettings;
import io.github.faircomclient.test.EmulatorClock;
import io.github.faircomclient.test.FairComEmulator;
import io.github.faircomclient.test.MutableEmulatorClock;
import io.github.faircomclient.test.mq.MqPlugin;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code template.mq()} against the emulator's MQ API over HTTP: topics, sessions,
 * publishing every payload format with its properties, subscriptions with filters, the
 * stateful read, the replay, and a publisher session the server lost.
 */
class MqOperationsIntegrationTests {

	private final MutableEmulatorClock clock = EmulatorClock.fixedAtNow();

	private FairComEmulator emulator;

	private FairComTemplate template;

	private MqOperations mq;

	record Order(String id, int qty) {
	}

	@BeforeEach
	void start() {
		this.emulator = FairComEmulator.builder().httpPort(0).user("app", "secret").clock(this.clock).build().start();
		this.template = FairComTemplate.builder()
			.url(this.emulator.httpUrl())
			.credentials("app", "secret")
			.mqSettings(MqSettings.builder().clientName("orders-test").build())
			.build();
		this.mq = this.template.mq();
	}

	@AfterEach
	void stop() {
		this.template.close();
		this.emulator.close();
	}

	@Test
	void topicsAreCreatedDescribedListedAndDeleted() {
		assertThat(this.mq.configureTopic("orders/eu", MqTopicSettings.builder().label("sales", "eu").build()).name())
			.isEqualTo("orders/eu");
		this.mq.configureTopic("orders/us");
		this.mq.publish("orders/eu", new Order("o-1", 1));
		assertThat(this.mq.listTopics("orders/")).containsExactly("orders/eu", "orders/us");
		assertThat(this.mq.describeTopic("orders/eu").orElseThrow().messageCount()).isEqualTo(1);
		assertThat(this.mq.describeTopic("orders/eu").orElseThrow().tableName()).isEqualTo("mqtt_msg_orders_eu");
		assertThat(this.mq.describeTopic("orders/nowhere")).isEmpty();
		assertThat(this.mq.deleteTopic("orders/us")).isTrue();
		assertThat(this.mq.deleteTopic("orders/us", MqTopicPreserve.DATA)).as("already gone").isFalse();
		assertThat(this.mq.listTopics("orders/")).containsExactly("orders/eu");
	}

	@Test
	void sessionsAreCreatedOnceAlteredDescribedAndDeleted() {
		MqSessionDescription created = this.mq.createSession("billing", MqSessionSettings.permanent());
		assertThat(created.clientName()).isEqualTo("billing");
		assertThat(created.temporarySession()).isFalse();
		assertThat(this.mq.ensureSession("billing", MqSessionSettings.temporary()).temporarySession())
			.as("the existing session is kept").isFalse();
		assertThatExceptionOfType(FairComApiException.class)
			.isThrownBy(() -> this.mq.createSession("billing", MqSessionSettings.permanent()));
		this.mq.subscribe("billing", List.of(MqSubscription.to("orders/+"), MqSubscription.shared("b", "refunds/#")));
		this.mq.publish("orders/eu", "one");
		MqSessionDescription described = this.mq.describeSession("billing").orElseThrow();
		assertThat(described.subscribedTopicFilters()).containsExactly("orders/+", "$share/b/refunds/#");
		assertThat(described.stats()).isNotNull();
		assertThat(described.stats().currentDeliveryBacklogged()).isEqualTo(1);
		assertThat(this.mq.alterSession("billing",
				MqSessionSettings.builder().sessionStatus(MqSessionStatus.HIDDEN).build()).sessionStatus())
			.isEqualTo(MqSessionStatus.HIDDEN);
		assertThat(this.mq.listSessions("bill")).isEmpty();
		this.mq.alterSession("billing", MqSessionSettings.builder().sessionStatus(MqSessionStatus.NORMAL).build());
		assertThat(this.mq.listSessions("bill")).extracting((session) -> session.clientName()).containsExactly("billing");
		this.mq.deleteSession("billing");
		assertThat(this.mq.describeSession("billing").orElseThrow().sessionStatus())
			.isEqualTo(MqSessionStatus.INACTIVE);
		assertThat(this.mq.read("billing", 10, String.class).messages()).extracting(MqMessage::payload)
			.as("an inactive session keeps its messages").containsExactly("one");
		this.mq.deleteSession("billing", true);
		assertThat(this.mq.describeSession("billing")).isEmpty();
	}

	@Test
	void everyPayloadFormatAndPropertyTravels() {
		this.mq.createSession("reader", MqSessionSettings.permanent());
		this.mq.subscribe("reader", List.of(MqSubscription.to("lab/#")));
		byte[] bytes = { 0, 1, (byte) 0xFE, (byte) 0xFF };
		List<MqPublishResult> results = this.mq.publishAll("lab/samples", List.of(
				MqOutgoingMessage.builder(new Order("o-7", 7))
					.contentType("application/json")
					.correlationData(List.of("c", 7))
					.responseTopic("lab/replies")
					.userProperty("tenant", "eu")
					.userProperty("tenant", "us")
					.build(),
				MqOutgoingMessage.of("plain text"),
				MqOutgoingMessage.of(bytes),
				MqOutgoingMessage.builder(bytes).payloadFormat(MqPayloadFormat.HEX).build(),
				MqOutgoingMessage.builder("{\"id\":\"o-8\",\"qty\":8}").payloadFormat(MqPayloadFormat.JSON).build()));
		assertThat(results).extracting(MqPublishResult::position).containsExactly(1L, 2L, 3L, 4L, 5L);
		List<MqMessage<JsonNode>> read = this.mq.read("reader", 10, JsonNode.class).messages();
		assertThat(read).hasSize(5);
		MqMessage<Order> order = this.mq.convert(read.get(0), Order.class);
		assertThat(order.payload()).isEqualTo(new Order("o-7", 7));
		assertThat(order.contentType()).isEqualTo("application/json");
		assertThat(order.correlationData().toString()).isEqualTo("[\"c\",7]");
		assertThat(order.responseTopic()).isEqualTo("lab/replies");
		assertThat(order.userProperties()).extracting((property) -> property.value()).containsExactly("eu", "us");
		assertThat(order.userProperty("tenant")).contains("eu");
		assertThat(order.publisherClientName()).isEqualTo("orders-test");
		assertThat(order.timestamp()).isNotNull();
		assertThat(this.mq.convert(read.get(1), String.class).payload()).isEqualTo("plain text");
		assertThat(this.mq.<byte[]>convert(read.get(2), byte[].class).payload()).containsExactly(bytes);
		assertThat(this.mq.<byte[]>convert(read.get(3), byte[].class).payload()).containsExactly(bytes);
		assertThat(this.mq.convert(read.get(4), Order.class).payload()).isEqualTo(new Order("o-8", 8));
		assertThat(this.mq.convert(read.get(1), byte[].class).payload())
			.isEqualTo("plain text".getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void filtersRetainedMessagesAndExpiry() {
		this.mq.publish("plant/line1/temp", MqOutgoingMessage.builder("21.5").retain(true).build());
		this.mq.createSession("monitor", MqSessionSettings.permanent());
		this.mq.subscribe("monitor", List.of(MqSubscription.to("plant/+/temp")));
		this.mq.publish("plant/line2/temp", "19.0");
		this.mq.publish("plant/line2/pressure", "1.2");
		this.mq.publish("plant/line1/temp", MqOutgoingMessage.builder("22.0").expiry(Duration.ofSeconds(30)).build());
		this.clock.advanceSeconds(31);
		MqMessageBatch<String> batch = this.mq.read("monitor", 10, String.class);
		assertThat(batch.messages()).extracting(MqMessage::payload).containsExactly("21.5", "19.0");
		assertThat(batch.messages().get(0).retain()).isTrue();
		assertThat(this.mq.read("monitor", 10, String.class).isEmpty()).as("a read resumes where the last stopped")
			.isTrue();
		this.mq.unsubscribe("monitor", List.of("plant/+/temp"));
		this.mq.publish("plant/line2/temp", "18.0");
		assertThat(this.mq.read("monitor", 10, String.class).isEmpty()).isTrue();
	}

	@Test
	void replaysWithoutConsuming() {
		IntStream.rangeClosed(1, 7).forEach((i) -> this.mq.publish("audit", "event " + i));
		MqMessageBatch<String> head = this.mq.replay("audit", MqReplayStart.head(), 3, String.class);
		assertThat(head.messages()).extracting(MqMessage::payload).containsExactly("event 1", "event 2", "event 3");
		assertThat(head.moreMessages()).isTrue();
		assertThat(head.nextPosition()).isEqualTo(4);
		MqMessageBatch<String> next = this.mq.replay("audit", MqReplayStart.position(head.nextPosition()), 10,
				String.class);
		assertThat(next.messages()).extracting(MqMessage::payload).containsExactly("event 4", "event 5", "event 6",
				"event 7");
		assertThat(this.mq.replay("audit", MqReplayStart.tail(), 2, String.class).messages())
			.extracting(MqMessage::payload).containsExactly("event 6", "event 7");
		assertThat(this.mq.replay("audit", MqReplayStart.at(this.clock.now().atZone(this.clock.zone())
			.toLocalDateTime()
			.minusMinutes(1)), 10, String.class).messages()).hasSize(7);
	}

	@Test
	void aPayloadThatDoesNotMapKeepsEveryMessageOfTheRead() {
		this.mq.createSession("strict", MqSessionSettings.permanent());
		this.mq.subscribe("strict", List.of(MqSubscription.to("orders/eu")));
		this.mq.publish("orders/eu", new Order("o-1", 1));
		this.mq.publish("orders/eu", "not an order");
		assertThatExceptionOfType(MqPayloadMappingException.class)
			.isThrownBy(() -> this.mq.read("strict", 10, Order.class))
			.satisfies((ex) -> assertThat(ex.getMessages()).hasSize(2));
	}

	@Test
	void thePublisherSessionIsCreatedAgainWhenTheServerEndedIt() {
		this.mq.publish("orders/eu", "before");
		MqPlugin plugin = this.emulator.plugin(MqPlugin.class).orElseThrow();
		assertThat(plugin.client("orders-test").orElseThrow().temporary()).isTrue();
		this.clock.advanceSeconds(91);
		this.mq.publish("orders/eu", "after");
		assertThat(plugin.messages("orders/eu")).extracting(MqPlugin.Message::payloadText)
			.containsExactly("before", "after");
		assertThat(this.emulator.actionCount("createMqApiSession")).isEqualTo(2);
	}

}
