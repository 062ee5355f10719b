package io.github.faircomclient.mq;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.faircomclient.FairComMappingException;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * How payloads are written ({@code payload} + {@code binaryFormat}) and read back into Java
 * types, leniently when a message names no format; and adaptive polling.
 */
class MqPayloadsTests {

	private static final JsonNodeFactory nodes = JsonNodeFactory.instance;

	private final MqPayloads payloads = new MqPayloads(JsonMapper.builder().build(), MqPayloadFormat.BASE64);

	record Order(String id, int qty) {
	}

	@Test
	void writesEachPayloadTypeInItsFormat() {
		assertThat(this.payloads.encode(MqOutgoingMessage.of("text")))
			.isEqualTo(new MqPayloads.Encoded(nodes.stringNode("text"), MqPayloadFormat.UTF8));
		assertThat(this.payloads.encode(MqOutgoingMessage.of(new byte[] { 1, 2, 3 })))
			.isEqualTo(new MqPayloads.Encoded(nodes.stringNode("AQID"), MqPayloadFormat.BASE64));
		assertThat(this.payloads.encode(MqOutgoingMessage.builder(new byte[] { 1, (byte) 0xAB })
			.payloadFormat(MqPayloadFormat.HEX)
			.build())).isEqualTo(new MqPayloads.Encoded(nodes.stringNode("01AB"), MqPayloadFormat.HEX));
		MqPayloads.Encoded order = this.payloads.encode(MqOutgoingMessage.of(new Order("o-1", 2)));
		assertThat(order.format()).isEqualTo(MqPayloadFormat.JSON);
		assertThat(order.payload().toString()).isEqualTo("{\"id\":\"o-1\",\"qty\":2}");
		assertThat(this.payloads.encode(MqOutgoingMessage.builder("[1,2]").payloadFormat(MqPayloadFormat.JSON).build())
			.payload()
			.isArray()).isTrue();
		assertThatIllegalArgumentException().isThrownBy(() -> this.payloads
			.encode(MqOutgoingMessage.builder("{not json").payloadFormat(MqPayloadFormat.JSON).build()));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> MqOutgoingMessage.builder(new Order("o", 1)).payloadFormat(MqPayloadFormat.HEX));
	}

	@Test
	void readsEveryFormatIntoEveryType() {
		JsonNode json = nodes.objectNode().put("id", "o-1").put("qty", 2);
		assertThat(decode(json, MqPayloadFormat.JSON, Order.class)).isEqualTo(new Order("o-1", 2));
		assertThat(decode(json, null, Order.class)).as("no format: JSON").isEqualTo(new Order("o-1", 2));
		assertThat(decode(nodes.stringNode("{\"id\":\"o-2\",\"qty\":1}"), MqPayloadFormat.UTF8, Order.class))
			.as("JSON text").isEqualTo(new Order("o-2", 1));
		assertThat(decode(nodes.stringNode("eyJpZCI6Im8tMyIsInF0eSI6M30="), MqPayloadFormat.BASE64, Order.class))
			.as("JSON bytes").isEqualTo(new Order("o-3", 3));
		assertThat(decode(json, MqPayloadFormat.JSON, String.class)).isEqualTo("{\"id\":\"o-1\",\"qty\":2}");
		assertThat(decode(nodes.stringNode("AQID"), MqPayloadFormat.BASE64, byte[].class))
			.isEqualTo(new byte[] { 1, 2, 3 });
		assertThat(decode(nodes.stringNode("01ab"), MqPayloadFormat.HEX, byte[].class))
			.isEqualTo(new byte[] { 1, (byte) 0xAB });
		assertThat(decode(nodes.stringNode("68656C6C6F"), MqPayloadFormat.HEX, String.class)).isEqualTo("hello");
		assertThat(decode(nodes.stringNode("hello"), null, String.class)).isEqualTo("hello");
		assertThat(decode(json, MqPayloadFormat.JSON, Object.class)).isEqualTo(Map.of("id", "o-1", "qty", 2));
		assertThat(decode(nodes.stringNode("hello"), MqPayloadFormat.UTF8, Object.class)).isEqualTo("hello");
		assertThat(decode(nodes.stringNode("AQID"), MqPayloadFormat.BASE64, Object.class))
			.isEqualTo(new byte[] { 1, 2, 3 });
		assertThat(decode(nodes.stringNode("AQID"), MqPayloadFormat.BASE64, JsonNode.class))
			.isEqualTo(nodes.stringNode("AQID"));
		List<Order> orders = this.payloads.decode(nodes.arrayNode().add(json), MqPayloadFormat.JSON,
				new TypeReference<List<Order>>() {
				}.getType(), "t");
		assertThat(orders).containsExactly(new Order("o-1", 2));
	}

	@Test
	void aPayloadThatDoesNotMapNamesTheTopicAndType() {
		assertThatExceptionOfType(FairComMappingException.class)
			.isThrownBy(() -> decode(nodes.stringNode("not json"), MqPayloadFormat.UTF8, Order.class))
			.withMessageContaining("orders/eu")
			.withMessageContaining(Order.class.getName());
		assertThatExceptionOfType(FairComMappingException.class)
			.isThrownBy(() -> decode(nodes.stringNode("xyz"), MqPayloadFormat.HEX, byte[].class));
	}

	@Test
	void pollingStretchesWhileIdleAndSnapsBackOnMessages() {
		MqPolling polling = new MqPolling(Duration.ofMillis(10), Duration.ofMillis(70), 2.0);
		assertThat(polling.next(Duration.ofMillis(10), false)).isEqualTo(Duration.ofMillis(20));
		assertThat(polling.next(Duration.ofMillis(40), false)).isEqualTo(Duration.ofMillis(70));
		assertThat(polling.next(Duration.ofMillis(70), false)).isEqualTo(Duration.ofMillis(70));
		assertThat(polling.next(Duration.ofMillis(70), true)).isEqualTo(Duration.ofMillis(10));
		assertThat(new MqPolling(Duration.ZERO, Duration.ofMillis(5), 2.0).next(Duration.ZERO, false))
			.as("a zero pause still grows").isPositive();
		assertThatIllegalArgumentException().isThrownBy(() -> new MqPolling(Duration.ofSeconds(2), Duration.ofSeconds(1), 2));
		assertThatIllegalArgumentException().isThrownBy(() -> new MqPolling(Duration.ZERO, Duration.ofSeconds(1), 0.5));
	}

	private <T> T decode(JsonNode payload, MqPayloadFormat format, Class<T> type) {
		return this.payloads.decode(payload, format, type, "orders/eu");
	}

}
