package io.github.faircomclient.observation;

import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.ReceiverContext;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

import io.github.faircomclient.mq.MqMessage;

/**
 * Context of a {@link MqObservationDocumentation#PROCESS} observation: the message read
 * (its carrier, whose user properties a tracing handler reads the trace context from), the
 * listener and the topic filter it was subscribed with.
 */
public class MqProcessObservationContext extends ReceiverContext<MqMessage<?>> {

	private final String listenerId;

	private final String topicFilter;

	private volatile @Nullable String outcome;

	/**
	 * Create a context.
	 * @param message the message
	 * @param listenerId the listener container's id
	 * @param topicFilter the filter the container subscribes to
	 */
	public MqProcessObservationContext(MqMessage<?> message, String listenerId, String topicFilter) {
		super((carrier, key) -> carrier.userProperty(key).orElse(null), Kind.CONSUMER);
		Assert.notNull(message, "'message' must not be null");
		this.listenerId = listenerId;
		this.topicFilter = topicFilter;
		setCarrier(message);
		setRemoteServiceName("faircom");
	}

	/**
	 * Return the message.
	 * @return the message
	 */
	public MqMessage<?> getMessage() {
		MqMessage<?> message = getCarrier();
		Assert.state(message != null, "No message");
		return message;
	}

	/**
	 * Return the listener container's id.
	 * @return the id
	 */
	public String getListenerId() {
		return this.listenerId;
	}

	/**
	 * Return the topic filter of the listener.
	 * @return the filter
	 */
	public String getTopicFilter() {
		return this.topicFilter;
	}

	/**
	 * Return how processing ended, once it ended.
	 * @return {@code SUCCESS}, {@code FAILURE}, {@code DEAD_LETTERED} or {@code null}
	 */
	public @Nullable String getOutcome() {
		return this.outcome;
	}

	/**
	 * Set how processing ended.
	 * @param outcome the outcome
	 */
	public void setOutcome(@Nullable String outcome) {
		this.outcome = outcome;
	}

}
