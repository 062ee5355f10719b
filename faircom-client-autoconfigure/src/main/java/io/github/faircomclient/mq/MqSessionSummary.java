package io.github.faircomclient.mq;

/**
 * An MQ session as {@code listMqSessions} lists it.
 *
 * @param clientName the session's client name
 * @param sessionType {@code mqApi} or {@code mqtt}; empty if the server did not say
 */
public record MqSessionSummary(String clientName, String sessionType) {
}
