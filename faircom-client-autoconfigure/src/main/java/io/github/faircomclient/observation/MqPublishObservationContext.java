package io.github.faircomclient.observation;

import java.util.ArrayList;
import java.util.List;

import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.SenderContext;

import org.springframework.util.Assert;

import io.github.faircomclient.mq.MqOutgoingMessage;
import io.github.faircomclient.mq.MqUserProperty;

/**
 * Context of a {@link MqObservationDocumentation#PUBLISH} observation. Its carrier is the
 * list of user properties added to the message: a tracing handler puts the trace context
 * there (a key it sets replaces the message's own property of that key).
 */
public class MqPublishObservationContext extends SenderContext<List<MqUserProperty>> {

	private final String topic;

	private final MqOutgoingMessage message;

	/**
	 * Create a context.
	 * @param topic the topic
	 * @param message the message being published
	 */
	public MqPublishObservationContext(String topic, MqOutgoingMessage message) {
		super((carrier, key, value) -> {
			if (carrier != null && value != null) {
				carrier.removeIf((property) -> property.key().equals(key));
				carrier.add(new MqUserProperty(key, value));
			}
		}, Kind.PRODUCER);
		Assert.notNull(topic, "'topic' must not be null");
		Assert.notNull(message, "'message' must not be null");
		this.topic = topic;
		this.message = message;
		setCarrier(new ArrayList<>());
		setRemoteServiceName("faircom");
	}

	/**
	 * Return the topic.
	 * @return the topic
	 */
	public String getTopic() {
		return this.topic;
	}

	/**
	 * Return the message as the caller gave it.
	 * @return the message
	 */
	public MqOutgoingMessage getMessage() {
		return this.message;
	}

	/**
	 * Return the user properties the observation adds to the message.
	 * @return the added properties
	 */
	public List<MqUserProperty> getAddedUserProperties() {
		List<MqUserProperty> carrier = getCarrier();
		return (carrier != null) ? List.copyOf(carrier) : List.of();
	}

}
