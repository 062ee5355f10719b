package io.github.faircomclient.mq;

import java.time.Duration;

import io.github.faircomclient.FairComException;
import io.github.faircomclient.FairComFailureKind;

/**
 * Thrown by {@link MqOperations#request} when no reply arrived within the timeout. The
 * request was published: a responder may still act on it, and a reply that comes later is
 * dropped.
 */
public class MqRequestTimeoutException extends FairComException {

	/**
	 * The topic the request was published to.
	 */
	private final String topic;

	/**
	 * Create a new exception.
	 * @param topic the topic the request was published to
	 * @param timeout the time the caller waited
	 */
	public MqRequestTimeoutException(String topic, Duration timeout) {
		super("No reply to the request on topic '" + topic + "' arrived within " + timeout.toMillis()
				+ " ms; check that a listener serves this topic and answers to the request's response topic",
				FairComFailureKind.CALL_TIMEOUT, "mq", "publishMessagesToMq", null, null);
		this.topic = topic;
	}

	/**
	 * Return the topic the request was published to.
	 * @return the topic
	 */
	public String getTopic() {
		return this.topic;
	}

}
