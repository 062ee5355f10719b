package io.github.faircomclient.autoconfigure;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import io.github.faircomclient.FairComConfigurationException;

/**
 * Reads a text property the way the client means it: blank is unset, and a
 * {@code ${...}} placeholder that Spring could not resolve (it binds those as they are)
 * fails the startup naming the property and the placeholder instead of being sent to the
 * server as a password or a url.
 */
final class ConfiguredText {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[^}]*}");

	private ConfiguredText() {
	}

	static @Nullable String of(String property, @Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		Matcher placeholder = PLACEHOLDER.matcher(value);
		if (placeholder.find()) {
			String name = placeholder.group();
			throw new FairComConfigurationException(property, null, "it holds the unresolved placeholder " + name,
					"Define the environment variable or property " + name + " refers to, or give " + property
							+ " a default after a colon, for example ${FAIRCOM_USER:app}.");
		}
		return value;
	}

}
