package io.github.faircomclient.mq.listener;

import java.lang.reflect.Type;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

import io.github.faircomclient.mq.MqSubscription;

/**
 * What a {@link MqListenerContainer} serves: its id, subscriptions, the payload type and
 * the listener, with optional overrides of the factory's client name, concurrency and
 * auto-startup.
 *
 * @param id the container's id
 * @param subscriptions what the container's session subscribes to
 * @param payloadType the type payloads are mapped to
 * @param listener the listener
 * @param clientName the session's client name, or {@code null} for the factory's default
 * @param concurrency how many messages are processed at once, or {@code null} for the
 * factory's
 * @param autoStartup whether to start with the context, or {@code null} for the factory's
 */
public record MqListenerEndpoint(String id, List<MqSubscription> subscriptions, Type payloadType,
		MqMessageListener listener, @Nullable String clientName, @Nullable Integer concurrency,
		@Nullable Boolean autoStartup) {

	/**
	 * Create an endpoint.
	 */
	public MqListenerEndpoint {
		Assert.hasText(id, "'id' must not be empty");
		Assert.notEmpty(subscriptions, "'subscriptions' must not be empty");
		Assert.notNull(payloadType, "'payloadType' must not be null");
		Assert.notNull(listener, "'listener' must not be null");
		Assert.isTrue(clientName == null || !clientName.isBlank(), "'clientName' must not be blank");
		Assert.isTrue(concurrency == null || concurrency >= 1, "'concurrency' must be at least 1");
		subscriptions = List.copyOf(subscriptions);
	}

	/**
	 * Create an endpoint with the factory's client name, concurrency and auto-startup.
	 * @param id the container's id
	 * @param subscriptions what the container's session subscribes to
	 * @param payloadType the type payloads are mapped to
	 * @param listener the listener
	 */
	public MqListenerEndpoint(String id, List<MqSubscription> subscriptions, Type payloadType,
			MqMessageListener listener) {
		this(id, subscriptions, payloadType, listener, null, null, null);
	}

	/**
	 * Return a copy with a client name.
	 * @param clientName the client name
	 * @return the copy
	 */
	public MqListenerEndpoint withClientName(String clientName) {
		return new MqListenerEndpoint(this.id, this.subscriptions, this.payloadType, this.listener, clientName,
				this.concurrency, this.autoStartup);
	}

	/**
	 * Return a copy with a concurrency.
	 * @param concurrency how many messages are processed at once
	 * @return the copy
	 */
	public MqListenerEndpoint withConcurrency(int concurrency) {
		return new MqListenerEndpoint(this.id, this.subscriptions, this.payloadType, this.listener, this.clientName,
				concurrency, this.autoStartup);
	}

	/**
	 * Return a copy that does or does not start with the context.
	 * @param autoStartup whether to start with the context
	 * @return the copy
	 */
	public MqListenerEndpoint withAutoStartup(boolean autoStartup) {
		return new MqListenerEndpoint(this.id, this.subscriptions, this.payloadType, this.listener, this.clientName,
				this.concurrency, autoStartup);
	}

}
