package io.github.faircomclient.mq.listener;

import org.jspecify.annotations.Nullable;

import io.github.faircomclient.mq.MqMessage;

/**
 * What a {@link MqListenerContainer} calls with each message, its payload already mapped
 * to the endpoint's payload type.
 */
@FunctionalInterface
public interface MqMessageListener {

	/**
	 * Handle a message.
	 * @param message the message
	 * @return a reply to publish to the message's response topic, or {@code null}
	 * @throws Exception if the message could not be handled: the container tries again,
	 * then dead-letters it
	 */
	@Nullable Object onMessage(MqMessage<Object> message) throws Exception;

}
