package io.github.faircomclient.mq;

import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;

import org.jspecify.annotations.Nullable;

import io.github.faircomclient.FairComMappingException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Turns payloads into what a message carries ({@code payload} + {@code binaryFormat}) and
 * back into Java types, leniently: a message without a {@code binaryFormat} is taken as
 * text when its payload is a string and as JSON otherwise.
 */
final class MqPayloads {

	private static final HexFormat HEX = HexFormat.of().withUpperCase();

	private final JsonMapper mapper;

	private final MqPayloadFormat binaryFormat;

	MqPayloads(JsonMapper mapper, MqPayloadFormat binaryFormat) {
		this.mapper = mapper;
		this.binaryFormat = binaryFormat;
	}

	/**
	 * The payload of an outgoing message as it travels.
	 */
	Encoded encode(MqOutgoingMessage message) {
		Object payload = message.payload();
		MqPayloadFormat chosen = message.payloadFormat();
		if (payload instanceof byte[] bytes) {
			MqPayloadFormat format = (chosen != null) ? chosen : this.binaryFormat;
			return new Encoded(JsonNodeFactory.instance.stringNode(encodeBytes(bytes, format)), format);
		}
		if (payload instanceof String text) {
			if (chosen == MqPayloadFormat.JSON) {
				try {
					return new Encoded(this.mapper.readTree(text), MqPayloadFormat.JSON);
				}
				catch (JacksonException ex) {
					throw new IllegalArgumentException("The payload is not JSON text: " + ex.getOriginalMessage());
				}
			}
			return new Encoded(JsonNodeFactory.instance.stringNode(text), MqPayloadFormat.UTF8);
		}
		JsonNode node = (payload instanceof JsonNode json) ? json : this.mapper.valueToTree(payload);
		return new Encoded(node, MqPayloadFormat.JSON);
	}

	JsonNode toJson(Object value) {
		return (value instanceof JsonNode json) ? json : this.mapper.valueToTree(value);
	}

	static String encodeBytes(byte[] bytes, MqPayloadFormat format) {
		return (format == MqPayloadFormat.HEX) ? HEX.formatHex(bytes) : Base64.getEncoder().encodeToString(bytes);
	}

	/**
	 * Map a payload to a type.
	 * @throws FairComMappingException if it does not map
	 */
	@SuppressWarnings("unchecked")
	<T> T decode(JsonNode payload, @Nullable MqPayloadFormat format, Type type, String topic) {
		JavaType javaType = this.mapper.constructType(type);
		Class<?> raw = javaType.getRawClass();
		try {
			if (JsonNode.class.isAssignableFrom(raw)) {
				return (T) payload;
			}
			if (raw == Object.class) {
				return (T) ((format == MqPayloadFormat.JSON || (format == null && !payload.isString()))
						? this.mapper.treeToValue(payload, Object.class)
						: (format != null && format.isBinary()) ? bytes(payload, format) : text(payload, format));
			}
			if (raw == String.class) {
				return (T) text(payload, format);
			}
			if (raw == byte[].class) {
				return (T) bytes(payload, format);
			}
			if (format == MqPayloadFormat.JSON || (format == null && !payload.isString())) {
				return this.mapper.readerFor(javaType).readValue(payload);
			}
			return this.mapper.readerFor(javaType).readValue(bytes(payload, format));
		}
		catch (JacksonException ex) {
			throw mappingFailed(topic, javaType.toString(), ex.getOriginalMessage(), ex);
		}
		catch (IllegalArgumentException ex) {
			throw mappingFailed(topic, javaType.toString(), ex.getMessage(), ex);
		}
	}

	private String text(JsonNode payload, @Nullable MqPayloadFormat format) {
		if (format != null && format.isBinary()) {
			return new String(bytes(payload, format), StandardCharsets.UTF_8);
		}
		if (payload.isString()) {
			return payload.stringValue();
		}
		return this.mapper.writeValueAsString(payload);
	}

	private byte[] bytes(JsonNode payload, @Nullable MqPayloadFormat format) {
		if (format != null && format.isBinary()) {
			if (!payload.isString()) {
				throw new IllegalArgumentException("a " + format.value() + " payload must be a string");
			}
			String text = payload.stringValue();
			return (format == MqPayloadFormat.HEX) ? HexFormat.of().parseHex(text) : Base64.getDecoder().decode(text);
		}
		if (payload.isString() && format != MqPayloadFormat.JSON) {
			return payload.stringValue().getBytes(StandardCharsets.UTF_8);
		}
		return this.mapper.writeValueAsBytes(payload);
	}

	private static FairComMappingException mappingFailed(String topic, String type, @Nullable String reason,
			Throwable cause) {
		return new FairComMappingException("The payload of a message of topic '" + topic + "' does not map to " + type
				+ ": " + reason, "mq", null, null, type, cause);
	}

	/**
	 * A payload as it travels.
	 * @param payload the JSON value
	 * @param format its {@code binaryFormat}
	 */
	record Encoded(JsonNode payload, MqPayloadFormat format) {
	}

}
