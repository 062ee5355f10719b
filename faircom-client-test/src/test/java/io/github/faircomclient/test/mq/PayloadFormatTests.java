package io.github.faircomclient.test.mq;

import java.nio.charset.StandardCharsets;

import io.github.faircomclient.test.spi.ActionException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PayloadFormatTests {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	@Test
	void parsesNamesCaseInsensitively() {
		assertThat(PayloadFormat.of("p", "JSON")).isEqualTo(PayloadFormat.JSON);
		assertThat(PayloadFormat.of("p", " utf8 ")).isEqualTo(PayloadFormat.UTF8);
		assertThat(PayloadFormat.of("p", "Base64")).isEqualTo(PayloadFormat.BASE64);
		assertThatExceptionOfType(ActionException.class).isThrownBy(() -> PayloadFormat.of("params.binaryFormat", "binary"))
			.withMessage("Property 'params.binaryFormat' has an invalid value: \"binary\"; use utf8, json, hex or base64");
	}

	@Test
	void decodesEachFormat() {
		assertThat(PayloadFormat.UTF8.decode(NODES.stringNode("grüß"))).isEqualTo("grüß".getBytes(StandardCharsets.UTF_8));
		assertThat(PayloadFormat.HEX.decode(NODES.stringNode("DEADbeef"))).containsExactly(0xDE, 0xAD, 0xBE, 0xEF);
		assertThat(PayloadFormat.BASE64.decode(NODES.stringNode("3q2+7w=="))).containsExactly(0xDE, 0xAD, 0xBE, 0xEF);
		JsonNode json = MqClient.JSON.readTree("{\"order\":7,\"items\":[1,2]}");
		assertThat(new String(PayloadFormat.JSON.decode(json), StandardCharsets.UTF_8)).isEqualTo("{\"order\":7,\"items\":[1,2]}");
		assertThat(new String(PayloadFormat.JSON.decode(NODES.stringNode("text")), StandardCharsets.UTF_8))
			.as("a json string payload is a JSON string").isEqualTo("\"text\"");
	}

	@Test
	void refusesPayloadsThatDoNotFit() {
		assertThatIllegalArgumentException().isThrownBy(() -> PayloadFormat.HEX.decode(NODES.stringNode("A143C2F")))
			.withMessage("a hex payload needs an even number of digits");
		assertThatIllegalArgumentException().isThrownBy(() -> PayloadFormat.HEX.decode(NODES.stringNode("zz")))
			.withMessage("the payload is not hexadecimal");
		assertThatIllegalArgumentException().isThrownBy(() -> PayloadFormat.BASE64.decode(NODES.stringNode("***")))
			.withMessage("the payload is not base64");
		assertThatIllegalArgumentException().isThrownBy(() -> PayloadFormat.UTF8.decode(NODES.numberNode(5)))
			.withMessage("a utf8 payload must be a string");
	}

	@Test
	void rendersLosslesslyWithFallbacks() {
		byte[] text = "hello".getBytes(StandardCharsets.UTF_8);
		assertThat(PayloadFormat.HEX.render(text).payload().asString()).isEqualTo("68656C6C6F");
		assertThat(PayloadFormat.BASE64.render(text).payload().asString()).isEqualTo("aGVsbG8=");
		assertThat(PayloadFormat.UTF8.render(text).payload().asString()).isEqualTo("hello");
		PayloadFormat.Rendered notJson = PayloadFormat.JSON.render(text);
		assertThat(notJson.format()).as("text that is no JSON comes back as text").isEqualTo(PayloadFormat.UTF8);
		PayloadFormat.Rendered json = PayloadFormat.JSON.render("{\"a\":[1]}".getBytes(StandardCharsets.UTF_8));
		assertThat(json.format()).isEqualTo(PayloadFormat.JSON);
		assertThat(json.payload().path("a").get(0).asInt()).isEqualTo(1);
		byte[] binary = { (byte) 0xFF, 0x00, (byte) 0xC3 };
		PayloadFormat.Rendered asText = PayloadFormat.UTF8.render(binary);
		assertThat(asText.format()).as("bytes that are no UTF-8 come back as hex").isEqualTo(PayloadFormat.HEX);
		assertThat(asText.payload().asString()).isEqualTo("FF00C3");
		assertThat(PayloadFormat.JSON.render(binary).format()).isEqualTo(PayloadFormat.HEX);
		assertThat(PayloadFormat.JSON.render(new byte[0]).payload().asString()).as("empty is no JSON: empty text").isEmpty();
	}

}
