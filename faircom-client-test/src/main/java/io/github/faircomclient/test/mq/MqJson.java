package io.github.faircomclient.test.mq;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import io.github.faircomclient.test.ProvisionalChoice;
import io.github.faircomclient.test.mq.StoredMessage.UserProperty;
import io.github.faircomclient.test.spi.ActionException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Typed reads of nested request objects (named by their path in errors) and the timestamp formats of
 * the MQ API's answers.
 */
final class MqJson {

	static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");

	private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

	private MqJson() {
	}

	/** Local time with milliseconds, as describeTopics shows creationTime. */
	static String millis(Instant instant, ZoneId zone) {
		return MILLIS.format(LocalDateTime.ofInstant(instant, zone));
	}

	/** Local time in seconds, as describeMqSessions shows connectionDateTime. */
	static String seconds(Instant instant, ZoneId zone) {
		return SECONDS.format(LocalDateTime.ofInstant(instant, zone));
	}

	static void putSeconds(ObjectNode target, String name, @Nullable Instant instant, ZoneId zone) {
		if (instant != null) {
			target.put(name, seconds(instant, zone));
		}
		else {
			target.putNull(name);
		}
	}

	static @Nullable JsonNode value(JsonNode object, String name) {
		JsonNode value = object.get(name);
		return (value == null || value.isNull()) ? null : value;
	}

	static Optional<String> string(JsonNode object, String name, String path) {
		JsonNode value = value(object, name);
		if (value == null) {
			return Optional.empty();
		}
		if (!value.isString()) {
			throw wrongType(path, "a string");
		}
		return Optional.of(value.stringValue());
	}

	static Optional<Boolean> bool(JsonNode object, String name, String path) {
		JsonNode value = value(object, name);
		if (value == null) {
			return Optional.empty();
		}
		if (!value.isBoolean()) {
			throw wrongType(path, "a boolean");
		}
		return Optional.of(value.booleanValue());
	}

	/**
	 * An integer within a range.
	 */
	static OptionalLong integer(JsonNode object, String name, String path, long min, long max) {
		JsonNode value = value(object, name);
		if (value == null) {
			return OptionalLong.empty();
		}
		if (!value.isIntegralNumber() || !value.canConvertToLong()) {
			throw wrongType(path, "an integer");
		}
		long number = value.longValue();
		if (number < min || number > max) {
			throw ActionException.of(ProvisionalChoice.INVALID_PROPERTY_VALUE, path,
					number + "; use " + min + " to " + max);
		}
		return OptionalLong.of(number);
	}

	/**
	 * A string of at most 65535 UTF-8 bytes (MQTT's limit).
	 */
	static Optional<String> mqttString(JsonNode object, String name, String path) {
		Optional<String> text = string(object, name, path);
		text.ifPresent((value) -> requireLength(value, path));
		return text;
	}

	static void requireLength(String value, String path) {
		if (value.getBytes(StandardCharsets.UTF_8).length > TopicNames.MAX_STRING_BYTES) {
			throw ActionException.of(ProvisionalChoice.INVALID_PROPERTY_VALUE, path,
					"longer than " + TopicNames.MAX_STRING_BYTES + " bytes");
		}
	}

	/**
	 * {@code userProperties}: an array of {@code {key, value}} strings.
	 */
	static Optional<List<UserProperty>> userProperties(JsonNode object, String path) {
		JsonNode value = value(object, "userProperties");
		if (value == null) {
			return Optional.empty();
		}
		if (!(value instanceof ArrayNode array)) {
			throw wrongType(path, "an array of {key, value} objects");
		}
		List<UserProperty> properties = new ArrayList<>();
		for (int i = 0; i < array.size(); i++) {
			JsonNode element = array.get(i);
			String at = path + "[" + i + "]";
			if (!element.isObject()) {
				throw wrongType(at, "an object {key, value}");
			}
			String key = mqttString(element, "key", at + ".key").orElse("");
			String text = mqttString(element, "value", at + ".value").orElse("");
			properties.add(new UserProperty(key, text));
		}
		return Optional.of(List.copyOf(properties));
	}

	static ArrayNode userProperties(List<UserProperty> properties) {
		ArrayNode array = NODES.arrayNode();
		for (UserProperty property : properties) {
			array.addObject().put("key", property.key()).put("value", property.value());
		}
		return array;
	}

	/**
	 * An array of strings (null or missing = empty).
	 */
	static List<String> strings(JsonNode object, String name, String path) {
		JsonNode value = value(object, name);
		if (value == null) {
			return List.of();
		}
		if (!value.isArray()) {
			throw wrongType(path, "an array of strings");
		}
		List<String> strings = new ArrayList<>();
		for (JsonNode element : value) {
			if (!element.isString()) {
				throw wrongType(path, "an array of strings");
			}
			strings.add(element.stringValue());
		}
		return strings;
	}

	static ActionException wrongType(String path, String type) {
		return ActionException.of(ProvisionalChoice.PROPERTY_WRONG_TYPE, path, type);
	}

	static ActionException invalid(String message) {
		return ActionException.of(ProvisionalChoice.MQ_INVALID_REQUEST, message);
	}

}
