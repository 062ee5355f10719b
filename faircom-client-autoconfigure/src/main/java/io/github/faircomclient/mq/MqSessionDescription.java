package io.github.faircomclient.mq;

import java.util.List;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/**
 * An MQ session as {@code describeMqSessions} reports it. Values the server did not send
 * are {@code null}; {@link #details()} holds the whole session object.
 *
 * @param clientName the session's client name
 * @param sessionType {@code mqApi} or {@code mqtt}
 * @param temporarySession whether the server ends it after it idles out
 * @param sessionStatus its status
 * @param connectionStatus {@code connected}, {@code disconnected}, ...
 * @param keepAliveSeconds its keep-alive in seconds
 * @param sessionExpiryInterval seconds the server keeps it once disconnected
 * @param subscribedTopicFilters the filters it subscribes to (when asked for and reported)
 * @param stats its statistics (when asked for and reported)
 * @param details the whole session object
 */
public record MqSessionDescription(String clientName, @Nullable String sessionType, @Nullable Boolean temporarySession,
		@Nullable MqSessionStatus sessionStatus, @Nullable String connectionStatus, @Nullable Long keepAliveSeconds,
		@Nullable Long sessionExpiryInterval, List<String> subscribedTopicFilters, @Nullable MqSessionStats stats,
		JsonNode details) {

	/**
	 * Create a description.
	 */
	public MqSessionDescription {
		subscribedTopicFilters = List.copyOf(subscribedTopicFilters);
	}

}
