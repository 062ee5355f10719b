package io.github.faircomclient.mq;

import java.time.LocalDateTime;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/**
 * A topic as {@code describeTopics} reports it. Values the server did not send are
 * {@code null}; {@link #details()} holds the whole topic object, {@link #persistence()}
 * its {@code persistence} object (table, retention, delivery settings).
 *
 * @param name the topic
 * @param creationTime when it was created (server time, no zone)
 * @param messageCount how many messages it stores
 * @param lastMessageTime when its last message arrived (server time, no zone)
 * @param averageMessagesPerMinute messages per minute since it was created
 * @param persistence the persistence settings, an empty object if not reported
 * @param details the whole topic object
 */
public record MqTopicDescription(String name, @Nullable LocalDateTime creationTime, @Nullable Long messageCount,
		@Nullable LocalDateTime lastMessageTime, @Nullable Long averageMessagesPerMinute, JsonNode persistence,
		JsonNode details) {

	/**
	 * Return the table that stores the topic's messages.
	 * @return the table name, or {@code null} if not reported
	 */
	public @Nullable String tableName() {
		JsonNode table = this.persistence.get("tableName");
		return (table != null && table.isString()) ? table.stringValue() : null;
	}

}
