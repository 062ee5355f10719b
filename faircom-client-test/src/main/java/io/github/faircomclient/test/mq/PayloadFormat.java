package io.github.faircomclient.test.mq;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

import io.github.faircomclient.test.ProvisionalChoice;
import io.github.faircomclient.test.spi.ActionException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The {@code binaryFormat} of a message payload: how the JSON request carries the payload bytes, and
 * how an answer renders them.
 */
enum PayloadFormat {

	/** Text: the payload is a JSON string holding the UTF-8 text. */
	UTF8("utf8"),

	/** JSON: the payload is any JSON value; its bytes are the value's compact JSON text. */
	JSON("json"),

	/** Bytes as a string of hexadecimal digits (two per byte, either case). */
	HEX("hex"),

	/** Bytes as a base64 string. */
	BASE64("base64");

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final HexFormat HEX_DIGITS = HexFormat.of().withUpperCase();

	private final String wireName;

	PayloadFormat(String wireName) {
		this.wireName = wireName;
	}

	/**
	 * The name in requests and answers.
	 * @return e.g. {@code utf8}
	 */
	String wireName() {
		return this.wireName;
	}

	/**
	 * Whether payloads of this format are text (the MQTT 5 payload format indicator is 1).
	 */
	boolean text() {
		return this == UTF8 || this == JSON;
	}

	/**
	 * Parses a format name (case-insensitive).
	 * @param property the property the value came from, for the error
	 * @param value the name
	 * @return the format
	 */
	static PayloadFormat of(String property, String value) {
		for (PayloadFormat format : values()) {
			if (format.wireName.equalsIgnoreCase(value.trim())) {
				return format;
			}
		}
		throw ActionException.of(ProvisionalChoice.INVALID_PROPERTY_VALUE, property,
				"\"" + TopicNames.shorten(value) + "\"; use utf8, json, hex or base64");
	}

	/**
	 * Turns a request's payload into bytes.
	 * @param payload the payload value
	 * @return the bytes
	 * @throws IllegalArgumentException with the reason when the payload does not fit the format
	 */
	byte[] decode(JsonNode payload) {
		if (this == JSON) {
			return MAPPER.writeValueAsBytes(payload);
		}
		if (!payload.isString()) {
			throw new IllegalArgumentException("a " + this.wireName + " payload must be a string");
		}
		String text = payload.stringValue();
		return switch (this) {
			case UTF8 -> text.getBytes(StandardCharsets.UTF_8);
			case HEX -> {
				if (text.length() % 2 != 0) {
					throw new IllegalArgumentException("a hex payload needs an even number of digits");
				}
				try {
					yield HexFormat.of().parseHex(text);
				}
				catch (IllegalArgumentException ex) {
					throw new IllegalArgumentException("the payload is not hexadecimal");
				}
			}
			case BASE64 -> {
				try {
					yield Base64.getDecoder().decode(text);
				}
				catch (IllegalArgumentException ex) {
					throw new IllegalArgumentException("the payload is not base64");
				}
			}
			default -> throw new IllegalStateException(name());
		};
	}

	/**
	 * Renders bytes in this format, or in the closest lossless one: text that is not UTF-8 comes back
	 * as hex, JSON that does not parse as UTF-8 text or hex.
	 * @param bytes the payload
	 * @return the rendered payload and the format actually used
	 */
	Rendered render(byte[] bytes) {
		return switch (this) {
			case HEX -> new Rendered(JsonNodeFactory.instance.stringNode(HEX_DIGITS.formatHex(bytes)), HEX);
			case BASE64 -> new Rendered(JsonNodeFactory.instance.stringNode(Base64.getEncoder().encodeToString(bytes)),
					BASE64);
			case UTF8 -> {
				String text = utf8(bytes);
				yield (text != null) ? new Rendered(JsonNodeFactory.instance.stringNode(text), UTF8) : HEX.render(bytes);
			}
			case JSON -> {
				JsonNode value = json(bytes);
				yield (value != null) ? new Rendered(value, JSON) : UTF8.render(bytes);
			}
		};
	}

	private static @Nullable String utf8(byte[] bytes) {
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return null;
		}
	}

	private static @Nullable JsonNode json(byte[] bytes) {
		if (bytes.length == 0 || utf8(bytes) == null) {
			return null;
		}
		try {
			return MAPPER.readTree(bytes);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	@Override
	public String toString() {
		return this.wireName.toLowerCase(Locale.ROOT);
	}

	/**
	 * A rendered payload.
	 * @param payload the JSON value to send
	 * @param format the format it is in
	 */
	record Rendered(JsonNode payload, PayloadFormat format) {
	}

}
