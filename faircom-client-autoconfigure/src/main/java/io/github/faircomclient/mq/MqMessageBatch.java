package io.github.faircomclient.mq;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The messages one read returned.
 *
 * @param <T> the payload type
 * @param messages the messages, in the server's order
 * @param moreMessages whether the server said more messages are waiting ({@code false}
 * if it did not say)
 * @param nextPosition where a replay continues ({@code getMessagesFromMqTopic}), or
 * {@code null} for a session read or when the server did not say
 */
public record MqMessageBatch<T>(List<MqMessage<T>> messages, boolean moreMessages, @Nullable Long nextPosition) {

	/**
	 * Create a batch.
	 */
	public MqMessageBatch {
		messages = List.copyOf(messages);
	}

	/**
	 * Return whether the read returned no message.
	 * @return whether the batch is empty
	 */
	public boolean isEmpty() {
		return this.messages.isEmpty();
	}

}
