package io.github.faircomclient.autoconfigure;

import java.beans.PropertyDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.BeanWrapper;
import org.springframework.beans.PropertyAccessorFactory;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.io.ClassPathResource;

import io.github.faircomclient.autoconfigure.health.FairComHealthProperties;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the configuration metadata the annotation processor generates for
 * {@link FairComProperties}.
 */
class FairComConfigurationMetadataTests {

	@Test
	void everyPropertyIsDescribed() throws IOException {
		JsonNode metadata = read();
		List<String> names = new ArrayList<>();
		for (JsonNode property : metadata.get("properties")) {
			String name = property.get("name").stringValue();
			assertThat(property.path("description").asString("")).as(name).isNotBlank().doesNotStartWith("The ");
			if (!name.startsWith("faircom.mq.")) {
				names.add(name);
			}
		}
		assertThat(names).containsExactlyInAnyOrder("faircom.enabled", "faircom.url", "faircom.username",
				"faircom.password", "faircom.connect-timeout", "faircom.read-timeout", "faircom.call-timeout",
				"faircom.ssl.bundle", "faircom.ssl.verify-hostname", "faircom.pool.max-connections",
				"faircom.pool.acquire-timeout", "faircom.session.login", "faircom.session.idle-timeout",
				"faircom.session.cursor-idle-timeout", "faircom.session.keepalive", "faircom.session.description",
				"faircom.session.default-api", "faircom.session.default-database", "faircom.session.default-owner",
				"faircom.session.default-debug", "faircom.session.default-binary-format",
				"faircom.session.default-variant-format", "faircom.session.default-response-options",
				"faircom.session.token", "faircom.max-response-size", "faircom.max-response-values",
				"faircom.retry.enabled", "faircom.retry.max-attempts", "faircom.retry.initial-backoff",
				"faircom.retry.max-backoff", "faircom.retry.multiplier", "faircom.retry.max-retry-after",
				"faircom.health.timeout", "management.health.faircom.enabled", "management.info.faircom.enabled",
				"faircom.db.max-records",
				"faircom.db.fetch-size", "faircom.db.batch-size", "faircom.db.binary-format",
				"faircom.db.number-format", "faircom.db.bulk.lanes", "faircom.db.bulk.target-batch-size",
				"faircom.db.bulk.min-batch-records", "faircom.db.bulk.max-batch-records",
				"faircom.db.bulk.latency-budget", "faircom.error-codes.duplicate-key", "faircom.error-codes.not-found",
				"faircom.error-codes.change-id-conflict");
	}

	/**
	 * The defaults are defined once, by the settings types; the metadata repeats them for
	 * IDEs, and this keeps the two equal: every property's recorded default, converted as
	 * Spring Boot converts it, equals what an empty environment binds, and every property
	 * that binds a value records it.
	 */
	@Test
	void everyRecordedDefaultIsTheBoundDefault() throws IOException {
		Map<String, @Nullable Object> bound = new LinkedHashMap<>();
		bound.putAll(defaults("faircom", new FairComProperties()));
		bound.putAll(defaults("faircom.db", new FairComDbProperties()));
		bound.putAll(defaults("faircom.health", new FairComHealthProperties()));
		ConversionService conversion = ApplicationConversionService.getSharedInstance();
		int compared = 0;
		for (JsonNode property : read().get("properties")) {
			String name = property.get("name").stringValue();
			if (!bound.containsKey(name)) {
				continue;
			}
			Object value = bound.get(name);
			JsonNode recorded = property.get("defaultValue");
			if (value == null || (value instanceof Collection<?> collection && collection.isEmpty())
					|| (value instanceof Map<?, ?> map && map.isEmpty())) {
				assertThat(recorded).as(name).isNull();
				continue;
			}
			assertThat(recorded).as(name + " records its default").isNotNull();
			Object converted = recorded.isArray() ? listOf(recorded)
					: conversion.convert(recorded.isString() ? recorded.stringValue() : recorded.toString(),
							value.getClass());
			assertThat(converted).as(name).isEqualTo(value);
			compared++;
		}
		assertThat(compared).isEqualTo(30);
	}

	private static List<Integer> listOf(JsonNode array) {
		List<Integer> values = new ArrayList<>();
		array.forEach((value) -> values.add(value.intValue()));
		return values;
	}

	/**
	 * Read every property of a properties object by its metadata name.
	 */
	private static Map<String, @Nullable Object> defaults(String prefix, Object properties) {
		Map<String, @Nullable Object> values = new LinkedHashMap<>();
		BeanWrapper wrapper = PropertyAccessorFactory.forBeanPropertyAccess(properties);
		for (PropertyDescriptor descriptor : wrapper.getPropertyDescriptors()) {
			String name = descriptor.getName();
			if ("class".equals(name) || descriptor.getReadMethod() == null) {
				continue;
			}
			Object value = wrapper.getPropertyValue(name);
			String property = prefix + "." + dashed(name);
			if (descriptor.getWriteMethod() == null && value != null
					&& value.getClass().getName().startsWith("io.github.faircomclient")) {
				values.putAll(defaults(property, value));
			}
			else {
				values.put(property, value);
			}
		}
		return values;
	}

	private static String dashed(String camel) {
		return camel.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
	}

	@Test
	void theSslBundleHasNoHintThatIdesCannotFollow() throws IOException {
		for (JsonNode hint : read().get("hints")) {
			assertThat(hint.get("name").stringValue()).isNotEqualTo("faircom.ssl.bundle");
		}
	}

	@Test
	void defaultApiHasValueHints() throws IOException {
		List<String> values = new ArrayList<>();
		for (JsonNode hint : read().get("hints")) {
			if (hint.get("name").stringValue().equals("faircom.session.default-api")) {
				hint.get("values").forEach((value) -> values.add(value.get("value").stringValue()));
			}
		}
		assertThat(values).containsExactly("db", "admin", "hub", "mq", "transform");
	}

	@Test
	void autoConfigurationIsRegistered() throws IOException {
		try (InputStream in = new ClassPathResource(
				"META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports")
			.getInputStream()) {
			assertThat(new String(in.readAllBytes())).contains(FairComAutoConfiguration.class.getName());
		}
	}

	private static JsonNode read() throws IOException {
		try (InputStream in = new ClassPathResource("META-INF/spring-configuration-metadata.json").getInputStream()) {
			return JsonMapper.builder().build().readTree(in);
		}
	}

}
