package io.github.faircomclient.test.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import io.github.faircomclient.test.ProvisionalChoice;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Typed, validating access to a request's {@code params}. A missing or {@code null} parameter is absent;
 * a wrong JSON type or a missing required parameter throws {@link ActionException} with the provisional
 * codes {@link ProvisionalChoice#PROPERTY_WRONG_TYPE} and {@link ProvisionalChoice#MISSING_PARAMETER}.
 */
public final class Parameters {

	private final ObjectNode node;

	/**
	 * Wraps a params object.
	 * @param node the params (not copied)
	 */
	public Parameters(ObjectNode node) {
		this.node = node;
	}

	/**
	 * The raw params object.
	 * @return the params
	 */
	public ObjectNode node() {
		return this.node;
	}

	/**
	 * Whether a parameter is present and not {@code null}.
	 * @param name the parameter
	 * @return {@code true} if present
	 */
	public boolean has(String name) {
		JsonNode value = this.node.get(name);
		return value != null && !value.isNull();
	}

	/**
	 * A string parameter.
	 * @param name the parameter
	 * @return the value, if present
	 */
	public Optional<String> string(String name) {
		JsonNode value = value(name);
		if (value == null) {
			return Optional.empty();
		}
		if (!value.isString()) {
			throw wrongType(name, "a string");
		}
		return Optional.of(value.stringValue());
	}

	/**
	 * A required string parameter.
	 * @param name the parameter
	 * @return the value
	 */
	public String requiredString(String name) {
		return string(name).orElseThrow(() -> ActionException.of(ProvisionalChoice.MISSING_PARAMETER, name));
	}

	/**
	 * An integer parameter (a JSON number without fraction, within int range).
	 * @param name the parameter
	 * @return the value, if present
	 */
	public OptionalInt integer(String name) {
		JsonNode value = value(name);
		if (value == null) {
			return OptionalInt.empty();
		}
		if (!value.isIntegralNumber() || !value.canConvertToInt()) {
			throw wrongType(name, "an integer");
		}
		return OptionalInt.of(value.intValue());
	}

	/**
	 * A long parameter (a JSON number without fraction, within long range).
	 * @param name the parameter
	 * @return the value, if present
	 */
	public OptionalLong longInteger(String name) {
		JsonNode value = value(name);
		if (value == null) {
			return OptionalLong.empty();
		}
		if (!value.isIntegralNumber() || !value.canConvertToLong()) {
			throw wrongType(name, "an integer");
		}
		return OptionalLong.of(value.longValue());
	}

	/**
	 * A boolean parameter.
	 * @param name the parameter
	 * @return the value, if present
	 */
	public Optional<Boolean> bool(String name) {
		JsonNode value = value(name);
		if (value == null) {
			return Optional.empty();
		}
		if (!value.isBoolean()) {
			throw wrongType(name, "a boolean");
		}
		return Optional.of(value.booleanValue());
	}

	/**
	 * A boolean parameter that may also be sent as the string {@code "true"} or {@code "false"} (as some
	 * documented examples do).
	 * @param name the parameter
	 * @return the value, if present
	 */
	public Optional<Boolean> lenientBool(String name) {
		JsonNode value = value(name);
		if (value != null && value.isString()) {
			String text = value.stringValue().trim();
			if ("true".equalsIgnoreCase(text) || "false".equalsIgnoreCase(text)) {
				return Optional.of(Boolean.parseBoolean(text));
			}
			throw wrongType(name, "a boolean (or \"true\"/\"false\")");
		}
		return bool(name);
	}

	/**
	 * An object parameter.
	 * @param name the parameter
	 * @return the value (not copied), if present
	 */
	public Optional<ObjectNode> object(String name) {
		JsonNode value = value(name);
		if (value == null) {
			return Optional.empty();
		}
		if (!(value instanceof ObjectNode object)) {
			throw wrongType(name, "an object");
		}
		return Optional.of(object);
	}

	/**
	 * An array parameter.
	 * @param name the parameter
	 * @return the value (not copied), if present
	 */
	public Optional<ArrayNode> array(String name) {
		JsonNode value = value(name);
		if (value == null) {
			return Optional.empty();
		}
		if (!(value instanceof ArrayNode array)) {
			throw wrongType(name, "an array");
		}
		return Optional.of(array);
	}

	/**
	 * An array-of-strings parameter.
	 * @param name the parameter
	 * @return the strings, if present
	 */
	public Optional<List<String>> stringList(String name) {
		Optional<ArrayNode> array = array(name);
		if (array.isEmpty()) {
			return Optional.empty();
		}
		List<String> values = new ArrayList<>();
		for (JsonNode element : array.get()) {
			if (!element.isString()) {
				throw wrongType(name, "an array of strings");
			}
			values.add(element.stringValue());
		}
		return Optional.of(List.copyOf(values));
	}

	private @Nullable JsonNode value(String name) {
		JsonNode value = this.node.get(name);
		return (value == null || value.isNull()) ? null : value;
	}

	private static ActionException wrongType(String name, String type) {
		return ActionException.of(ProvisionalChoice.PROPERTY_WRONG_TYPE, "params." + name, type);
	}

	@Override
	public String toString() {
		return "Parameters" + this.node.propertyNames();
	}

}
