package io.github.faircomclient.mq;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/**
 * The {@code stats} of an MQ session. Values the server did not send are {@code null};
 * {@link #details()} holds every rate FairCom reports.
 *
 * @param sessionHealth {@code healthy}, {@code unhealthy} or {@code offline}
 * @param totalMessagesPublished messages the session published
 * @param totalMessagesReceived messages the session received
 * @param currentDeliveryBacklogged messages waiting for the session
 * @param details the whole stats object
 */
public record MqSessionStats(@Nullable String sessionHealth, @Nullable Long totalMessagesPublished,
		@Nullable Long totalMessagesReceived, @Nullable Long currentDeliveryBacklogged, JsonNode details) {
}
