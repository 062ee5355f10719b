package io.github.faircomclient.test.mq;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A configured topic: its settings (the {@code persistence} object describeTopics shows), its message
 * log and its retained message. Used under the broker's lock.
 */
final class Topic {

	private final String name;

	private final Instant createdAt;

	private final TopicLog log;

	private final ObjectNode settings;

	private @Nullable StoredMessage retained;

	Topic(String name, Instant createdAt, TopicLog log) {
		this.name = name;
		this.createdAt = createdAt;
		this.log = log;
		this.settings = defaultSettings();
	}

	/**
	 * The documented persistence values of describeTopics' example, used for what configureTopic does not
	 * set.
	 */
	private static ObjectNode defaultSettings() {
		ObjectNode settings = JsonNodeFactory.instance.objectNode();
		settings.put("sourcePayloadFormat", "json");
		settings.put("databaseConnectionString", "FAIRCOMS");
		settings.put("databaseUserName", "admin");
		settings.put("threads", 1);
		settings.put("tableAutoTimeStamp", true);
		settings.put("tableAutoTimeStampIndex", true);
		settings.put("tableReplicationReady", true);
		settings.put("retentionPolicy", "autoPurge");
		settings.put("retentionUnit", "week");
		settings.put("retentionPeriod", 4);
		settings.put("storeAndForward", true);
		settings.put("maxDeliveryRatePerSecond", 0);
		settings.put("newSubscriberDeliveryMode", "default");
		settings.put("newSubscriberMaxDeliveredMessages", 0);
		settings.put("retrySeconds", 20);
		settings.put("outputPayloadField", "source_payload");
		return settings;
	}

	String name() {
		return this.name;
	}

	Instant createdAt() {
		return this.createdAt;
	}

	TopicLog log() {
		return this.log;
	}

	/** Overlays settings given by configureTopic (already validated). */
	void configure(ObjectNode given) {
		this.settings.setAll(given);
	}

	@Nullable JsonNode label() {
		JsonNode label = this.settings.get("label");
		return (label != null && label.isObject()) ? label : null;
	}

	/** The describeTopics {@code persistence} object. */
	ObjectNode persistence() {
		ObjectNode persistence = JsonNodeFactory.instance.objectNode();
		persistence.put("topic", this.name);
		persistence.set("sourcePayloadFormat", this.settings.get("sourcePayloadFormat"));
		persistence.set("databaseConnectionString", this.settings.get("databaseConnectionString"));
		persistence.set("databaseUserName", this.settings.get("databaseUserName"));
		persistence.put("databaseName", this.log.databaseName());
		persistence.put("tableName", this.log.tableName());
		persistence.put("ownerName", this.log.ownerName());
		this.settings.properties().forEach((entry) -> {
			if (!persistence.has(entry.getKey())) {
				persistence.set(entry.getKey(), entry.getValue().deepCopy());
			}
		});
		return persistence;
	}

	@Nullable StoredMessage retained() {
		return this.retained;
	}

	void retain(@Nullable StoredMessage message) {
		this.retained = message;
	}

}
