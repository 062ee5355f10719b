package io.github.faircomclient.autoconfigure.mq;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration metadata of {@link FairComMqProperties} and the registration of
 * {@link FairComMqAutoConfiguration}.
 */
class FairComMqConfigurationMetadataTests {

	@Test
	void everyMqPropertyIsDescribedWithItsDefault() throws IOException {
		Map<String, String> defaults = new LinkedHashMap<>();
		for (JsonNode property : read().get("properties")) {
			String name = property.get("name").stringValue();
			if (name.startsWith("faircom.mq.")) {
				assertThat(property.path("description").asString("")).as(name).isNotBlank().doesNotStartWith("The ");
				defaults.put(name, property.path("defaultValue").asString(""));
			}
		}
		assertThat(defaults).containsOnlyKeys("faircom.mq.enabled", "faircom.mq.client-name", "faircom.mq.instance",
				"faircom.mq.binary-format", "faircom.mq.reply-topic-prefix", "faircom.mq.listener.auto-startup",
				"faircom.mq.listener.temporary-session", "faircom.mq.listener.concurrency",
				"faircom.mq.listener.max-messages", "faircom.mq.listener.min-poll-interval",
				"faircom.mq.listener.max-poll-interval", "faircom.mq.listener.poll-backoff-multiplier",
				"faircom.mq.listener.max-attempts", "faircom.mq.listener.retry-backoff",
				"faircom.mq.listener.dead-letter-topic", "faircom.mq.listener.shutdown-timeout");
		assertThat(defaults).containsEntry("faircom.mq.enabled", "true")
			.containsEntry("faircom.mq.reply-topic-prefix", "faircom-client/replies")
			.containsEntry("faircom.mq.listener.max-attempts", "3")
			.containsEntry("faircom.mq.listener.max-messages", "20")
			.containsEntry("faircom.mq.listener.min-poll-interval", "10ms")
			.containsEntry("faircom.mq.listener.max-poll-interval", "1s")
			.containsEntry("faircom.mq.listener.dead-letter-topic", "dead-letters/{topic}")
			.containsEntry("faircom.mq.listener.shutdown-timeout", "30s");
	}

	@Test
	void autoConfigurationIsRegistered() throws IOException {
		try (InputStream in = new ClassPathResource(
				"META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports")
			.getInputStream()) {
			assertThat(new String(in.readAllBytes())).contains(FairComMqAutoConfiguration.class.getName());
		}
	}

	private static JsonNode read() throws IOException {
		try (InputStream in = new ClassPathResource("META-INF/spring-configuration-metadata.json").getInputStream()) {
			return JsonMapper.builder().build().readTree(in);
		}
	}

}
