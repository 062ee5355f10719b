package io.github.faircomclient.mq.listener;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What a listener container has done since it was created.
 *
 * @param id the container's id
 * @param clientName its MQ API session
 * @param running whether it is running
 * @param polls reads of its session
 * @param messages messages its listener handled
 * @param failures failed attempts to handle a message
 * @param deadLettered messages sent to the dead-letter topic (or dropped without one)
 * @param consecutivePollFailures reads that failed since the last one that worked
 * @param failingSince when the first of those failed, or {@code null} if the last read
 * worked
 * @param lastPoll when the last read ended, or {@code null}
 * @param lastPollError the failure of the last read (exception type and message), or
 * {@code null} if it worked
 */
public record MqListenerContainerStatistics(String id, String clientName, boolean running, long polls, long messages,
		long failures, long deadLettered, int consecutivePollFailures, @Nullable Instant failingSince,
		@Nullable Instant lastPoll,
		@Nullable String lastPollError) {
}
