package io.github.faircomclient.test.db;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads action parameters; a wrong type or a missing required one fails with the provisional
 * invalid-parameter code.
 */
final class Params {

	private Params() {
	}

	static @Nullable JsonNode node(JsonNode params, String name) {
		JsonNode node = params.get(name);
		return (node == null || node.isNull() || node.isMissingNode()) ? null : node;
	}

	static @Nullable String string(JsonNode params, String name) {
		JsonNode node = node(params, name);
		if (node == null) {
			return null;
		}
		if (!node.isString()) {
			throw DbError.WRONG_TYPE.exception("params." + name, "a string");
		}
		return node.stringValue();
	}

	static String requireString(JsonNode params, String name) {
		String value = string(params, name);
		if (value == null || value.isEmpty()) {
			throw DbError.MISSING_PARAMETER.exception(name);
		}
		return value;
	}

	static boolean bool(JsonNode params, String name, boolean defaultValue) {
		JsonNode node = node(params, name);
		if (node == null) {
			return defaultValue;
		}
		if (node.isBoolean()) {
			return node.booleanValue();
		}
		if (node.isString() && ("true".equalsIgnoreCase(node.stringValue())
				|| "false".equalsIgnoreCase(node.stringValue()))) {
			return Boolean.parseBoolean(node.stringValue().toLowerCase(Locale.ROOT));
		}
		throw DbError.WRONG_TYPE.exception("params." + name, "true or false");
	}

	static long integer(JsonNode params, String name, long defaultValue) {
		JsonNode node = node(params, name);
		if (node == null) {
			return defaultValue;
		}
		if (node.isIntegralNumber() && node.canConvertToLong()) {
			return node.longValue();
		}
		if (node.isString()) {
			try {
				return Long.parseLong(node.stringValue().trim());
			}
			catch (NumberFormatException ex) {
				// falls through
			}
		}
		throw DbError.WRONG_TYPE.exception("params." + name, "an integer");
	}

	static @Nullable List<String> strings(JsonNode params, String name) {
		JsonNode node = node(params, name);
		if (node == null) {
			return null;
		}
		if (!node.isArray()) {
			throw DbError.WRONG_TYPE.exception("params." + name, "an array of strings");
		}
		List<String> values = new ArrayList<>();
		for (JsonNode element : node) {
			if (!element.isString()) {
				throw DbError.WRONG_TYPE.exception("params." + name, "an array of strings");
			}
			values.add(element.stringValue());
		}
		return values;
	}

	static JsonNode requireArray(JsonNode params, String name) {
		JsonNode node = node(params, name);
		if (node == null || !node.isArray()) {
			throw (node == null) ? DbError.MISSING_PARAMETER.exception(name)
					: DbError.WRONG_TYPE.exception("params." + name, "an array");
		}
		return node;
	}

	static JsonNode requireObject(JsonNode params, String name) {
		JsonNode node = node(params, name);
		if (node == null || !node.isObject()) {
			throw (node == null) ? DbError.MISSING_PARAMETER.exception(name)
					: DbError.WRONG_TYPE.exception("params." + name, "an object");
		}
		return node;
	}
}
