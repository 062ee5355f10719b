package io.github.faircomclient.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

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
				"faircom.session.token", "faircom.max-response-size", "faircom.max-response-values",
				"faircom.retry.enabled",
				"faircom.retry.max-attempts", "faircom.retry.initial-backoff", "faircom.retry.max-backoff",
				"faircom.retry.multiplier", "faircom.retry.max-retry-after", "faircom.health.timeout",
				"management.health.faircom.enabled", "faircom.db.max-records", "faircom.db.fetch-size",
				"faircom.db.batch-size", "faircom.db.binary-format", "faircom.db.number-format",
				"faircom.error-codes.duplicate-key", "faircom.error-codes.not-found",
				"faircom.error-codes.change-id-conflict");
	}

	@Test
	void defaultsAreRecorded() throws IOException {
		JsonNode metadata = read();
		assertThat(defaultOf(metadata, "faircom.session.login")).isEqualTo("lazy");
		assertThat(defaultOf(metadata, "faircom.pool.max-connections")).isEqualTo("20");
		assertThat(defaultOf(metadata, "faircom.ssl.verify-hostname")).isEqualTo("true");
		assertThat(defaultOf(metadata, "faircom.call-timeout")).isEqualTo("60s");
		assertThat(defaultOf(metadata, "faircom.retry.enabled")).isEqualTo("true");
		assertThat(defaultOf(metadata, "faircom.retry.max-attempts")).isEqualTo("3");
		assertThat(defaultOf(metadata, "faircom.retry.initial-backoff")).isEqualTo("100ms");
		assertThat(defaultOf(metadata, "faircom.retry.max-backoff")).isEqualTo("2s");
		assertThat(defaultOf(metadata, "faircom.retry.max-retry-after")).isEqualTo("10s");
		assertThat(defaultOf(metadata, "faircom.max-response-size")).isEqualTo("64MB");
		assertThat(defaultOf(metadata, "faircom.health.timeout")).isEqualTo("2s");
		assertThat(defaultOf(metadata, "management.health.faircom.enabled")).isEqualTo("true");
		assertThat(defaultOf(metadata, "faircom.db.max-records")).isEqualTo("1000");
		assertThat(defaultOf(metadata, "faircom.db.fetch-size")).isEqualTo("500");
		assertThat(defaultOf(metadata, "faircom.db.batch-size")).isEqualTo("500");
		assertThat(defaultOf(metadata, "faircom.db.binary-format")).isEqualTo("base64");
		assertThat(defaultOf(metadata, "faircom.db.number-format")).isEqualTo("string");
	}

	@Test
	void errorCodeDefaultsAreRecordedAsTheyAreBound() throws IOException {
		JsonNode metadata = read();
		FairComProperties.ErrorCodes defaults = new FairComProperties().getErrorCodes();
		assertThat(listDefaultOf(metadata, "faircom.error-codes.duplicate-key"))
			.isEqualTo(defaults.getDuplicateKey())
			.containsExactly(2);
		assertThat(listDefaultOf(metadata, "faircom.error-codes.not-found")).isEqualTo(defaults.getNotFound())
			.containsExactly(4046);
		assertThat(defaults.getChangeIdConflict()).isEmpty();
	}

	private static List<Integer> listDefaultOf(JsonNode metadata, String name) {
		for (JsonNode property : metadata.get("properties")) {
			if (property.get("name").stringValue().equals(name)) {
				List<Integer> codes = new ArrayList<>();
				property.path("defaultValue").forEach((code) -> codes.add(code.intValue()));
				return codes;
			}
		}
		throw new AssertionError("No property " + name);
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

	private static String defaultOf(JsonNode metadata, String name) {
		for (JsonNode property : metadata.get("properties")) {
			if (property.get("name").stringValue().equals(name)) {
				return property.path("defaultValue").asString();
			}
		}
		throw new AssertionError("No property " + name);
	}

	private static JsonNode read() throws IOException {
		try (InputStream in = new ClassPathResource("META-INF/spring-configuration-metadata.json").getInputStream()) {
			return JsonMapper.builder().build().readTree(in);
		}
	}

}
