package io.github.faircomclient.mq;

import java.time.LocalDateTime;

import org.jspecify.annotations.Nullable;

/**
 * Where a published message was stored, as far as the server told. FairCom documents no
 * answer for {@code publishMessagesToMq}: the values are read leniently and are
 * {@code null} when the answer does not hold them.
 *
 * @param topic the topic the message went to
 * @param position the message's position in its topic, or {@code null}
 * @param timestamp when the server stored it (server time, no zone), or {@code null}
 */
public record MqPublishResult(String topic, @Nullable Long position, @Nullable LocalDateTime timestamp) {
}
