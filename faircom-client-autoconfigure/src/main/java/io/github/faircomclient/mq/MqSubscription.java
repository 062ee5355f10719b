package io.github.faircomclient.mq;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A subscription of an MQ API session: an MQTT topic filter ({@code +} is one whole level,
 * {@code #} the rest) or a shared subscription {@code $share/<group>/<filter>}, whose
 * messages go to exactly one member of the group, and its options. Immutable; the
 * {@code with...} methods return copies.
 */
public final class MqSubscription {

	private final String topicFilter;

	private final @Nullable Integer subscriptionIdentifier;

	private final @Nullable MqRetainHandling retainHandling;

	private final @Nullable Boolean receiveMyMessages;

	private final @Nullable Boolean includeExpiredMessages;

	private final List<MqUserProperty> userProperties;

	private MqSubscription(String topicFilter, @Nullable Integer subscriptionIdentifier,
			@Nullable MqRetainHandling retainHandling, @Nullable Boolean receiveMyMessages,
			@Nullable Boolean includeExpiredMessages, List<MqUserProperty> userProperties) {
		this.topicFilter = topicFilter;
		this.subscriptionIdentifier = subscriptionIdentifier;
		this.retainHandling = retainHandling;
		this.receiveMyMessages = receiveMyMessages;
		this.includeExpiredMessages = includeExpiredMessages;
		this.userProperties = List.copyOf(userProperties);
	}

	/**
	 * Subscribe to a topic filter with the server's default options.
	 * @param topicFilter e.g. {@code orders/+/created} or {@code $share/billing/orders/#}
	 * @return the subscription
	 */
	public static MqSubscription to(String topicFilter) {
		return new MqSubscription(MqTopics.requireFilter(topicFilter), null, null, null, null, List.of());
	}

	/**
	 * Subscribe as a member of a share group: each matching message goes to one member.
	 * @param group the group name
	 * @param topicFilter the filter, e.g. {@code orders/#}
	 * @return the subscription to {@code $share/<group>/<topicFilter>}
	 */
	public static MqSubscription shared(String group, String topicFilter) {
		return new MqSubscription(MqTopics.shared(group, topicFilter), null, null, null, null, List.of());
	}

	/**
	 * Return the topic filter.
	 * @return the filter, with its {@code $share/} prefix for a shared subscription
	 */
	public String topicFilter() {
		return this.topicFilter;
	}

	/**
	 * Return whether this is a shared subscription.
	 * @return whether the filter starts with {@code $share/}
	 */
	public boolean isShared() {
		return this.topicFilter.startsWith(MqTopics.SHARE_PREFIX);
	}

	/**
	 * Return a copy with a subscription identifier.
	 * @param identifier 1 to 268435455
	 * @return the copy
	 */
	public MqSubscription withSubscriptionIdentifier(int identifier) {
		Assert.isTrue(identifier >= 1 && identifier <= 268435455, "'identifier' must be 1 to 268435455");
		return new MqSubscription(this.topicFilter, identifier, this.retainHandling, this.receiveMyMessages,
				this.includeExpiredMessages, this.userProperties);
	}

	/**
	 * Return a copy that receives retained messages as given.
	 * @param retainHandling when to receive them
	 * @return the copy
	 */
	public MqSubscription withRetainHandling(MqRetainHandling retainHandling) {
		Assert.notNull(retainHandling, "'retainHandling' must not be null");
		return new MqSubscription(this.topicFilter, this.subscriptionIdentifier, retainHandling,
				this.receiveMyMessages, this.includeExpiredMessages, this.userProperties);
	}

	/**
	 * Return a copy that does or does not receive the session's own messages (MQTT 5 does
	 * not allow {@code false} on shared subscriptions).
	 * @param receiveMyMessages whether to receive them
	 * @return the copy
	 */
	public MqSubscription withReceiveMyMessages(boolean receiveMyMessages) {
		Assert.isTrue(receiveMyMessages || !isShared(), "A shared subscription receives the session's own messages");
		return new MqSubscription(this.topicFilter, this.subscriptionIdentifier, this.retainHandling,
				receiveMyMessages, this.includeExpiredMessages, this.userProperties);
	}

	/**
	 * Return a copy that also receives expired messages.
	 * @param includeExpiredMessages whether to receive them
	 * @return the copy
	 */
	public MqSubscription withIncludeExpiredMessages(boolean includeExpiredMessages) {
		return new MqSubscription(this.topicFilter, this.subscriptionIdentifier, this.retainHandling,
				this.receiveMyMessages, includeExpiredMessages, this.userProperties);
	}

	/**
	 * Return a copy with an added user property.
	 * @param key the key
	 * @param value the value
	 * @return the copy
	 */
	public MqSubscription withUserProperty(String key, String value) {
		List<MqUserProperty> properties = new ArrayList<>(this.userProperties);
		properties.add(new MqUserProperty(key, value));
		return new MqSubscription(this.topicFilter, this.subscriptionIdentifier, this.retainHandling,
				this.receiveMyMessages, this.includeExpiredMessages, properties);
	}

	/**
	 * Return the subscription identifier.
	 * @return the identifier or {@code null} for none
	 */
	public @Nullable Integer subscriptionIdentifier() {
		return this.subscriptionIdentifier;
	}

	/**
	 * Return when retained messages are received.
	 * @return the handling or {@code null} for the server's default
	 */
	public @Nullable MqRetainHandling retainHandling() {
		return this.retainHandling;
	}

	/**
	 * Return whether the session's own messages are received.
	 * @return the option or {@code null} for the server's default
	 */
	public @Nullable Boolean receiveMyMessages() {
		return this.receiveMyMessages;
	}

	/**
	 * Return whether expired messages are received.
	 * @return the option or {@code null} for the server's default
	 */
	public @Nullable Boolean includeExpiredMessages() {
		return this.includeExpiredMessages;
	}

	/**
	 * Return the user properties.
	 * @return the user properties
	 */
	public List<MqUserProperty> userProperties() {
		return this.userProperties;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other instanceof MqSubscription that && this.topicFilter.equals(that.topicFilter)
				&& java.util.Objects.equals(this.subscriptionIdentifier, that.subscriptionIdentifier)
				&& this.retainHandling == that.retainHandling
				&& java.util.Objects.equals(this.receiveMyMessages, that.receiveMyMessages)
				&& java.util.Objects.equals(this.includeExpiredMessages, that.includeExpiredMessages)
				&& this.userProperties.equals(that.userProperties);
	}

	@Override
	public int hashCode() {
		return this.topicFilter.hashCode();
	}

	@Override
	public String toString() {
		return "MqSubscription[" + this.topicFilter + "]";
	}

}
