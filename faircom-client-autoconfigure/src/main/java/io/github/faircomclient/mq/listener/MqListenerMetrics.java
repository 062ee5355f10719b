package io.github.faircomclient.mq.listener;

import java.time.Duration;

/**
 * Where listener containers report what they do, for metrics. The auto-configuration
 * records Micrometer meters when a {@code MeterRegistry} is present.
 */
public interface MqListenerMetrics {

	/**
	 * Metrics that record nothing.
	 */
	MqListenerMetrics NONE = new MqListenerMetrics() {
	};

	/**
	 * A read of the container's session ended.
	 * @param listenerId the container's id
	 * @param latency how long the read took
	 * @param messages how many messages it returned
	 * @param failed whether it failed
	 */
	default void polled(String listenerId, Duration latency, int messages, boolean failed) {
	}

	/**
	 * A message was handled by the listener.
	 * @param listenerId the container's id
	 */
	default void processed(String listenerId) {
	}

	/**
	 * One attempt to handle a message failed.
	 * @param listenerId the container's id
	 */
	default void failed(String listenerId) {
	}

	/**
	 * A message went to the dead-letter topic after its last failed attempt.
	 * @param listenerId the container's id
	 */
	default void deadLettered(String listenerId) {
	}

}
