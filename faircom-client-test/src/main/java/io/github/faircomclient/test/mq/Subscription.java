package io.github.faircomclient.test.mq;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import io.github.faircomclient.test.ProvisionalChoice;
import io.github.faircomclient.test.mq.StoredMessage.UserProperty;
import io.github.faircomclient.test.mq.TopicNames.Filter;
import io.github.faircomclient.test.spi.ActionException;
import org.jspecify.annotations.Nullable;

/**
 * One subscription of an MQ session, with its subscribeToMq options.
 * @param filter the topic filter
 * @param subscriptionIdentifier the MQTT subscription identifier, or {@code null}
 * @param includeExpiredMessages whether expired messages are still delivered
 * @param receiveRetainedMessages when retained messages are sent on subscribing
 * @param receiveMyMessages whether the session receives what it publishes itself
 * @param userProperties the subscription's user properties
 * @param sinceSequence the broker sequence at subscription time: only later messages are delivered
 * @param createdAt when it was made
 */
record Subscription(Filter filter, @Nullable Integer subscriptionIdentifier, boolean includeExpiredMessages,
		RetainHandling receiveRetainedMessages, boolean receiveMyMessages, List<UserProperty> userProperties,
		long sinceSequence, Instant createdAt) {

	/**
	 * Whether a message published after the subscription qualifies for delivery through it.
	 */
	boolean accepts(StoredMessage message, String clientName, Instant now) {
		return message.sequence() > this.sinceSequence && this.filter.matches(message.topic())
				&& (this.receiveMyMessages || !message.publisher().equals(clientName))
				&& (this.includeExpiredMessages || !message.expired(now));
	}

	/**
	 * This subscription in place of an earlier one of the same filter: its options, the
	 * earlier one's start, so that what was published since then is still delivered (MQTT's
	 * "the flow of publications must not be interrupted").
	 */
	Subscription continuing(Subscription earlier) {
		return new Subscription(this.filter, this.subscriptionIdentifier, this.includeExpiredMessages,
				this.receiveRetainedMessages, this.receiveMyMessages, this.userProperties, earlier.sinceSequence,
				earlier.createdAt);
	}

	/**
	 * MQTT 5's Retain Handling option, with the names describeMqSessions shows.
	 */
	enum RetainHandling {

		/** Send the retained messages on every subscribe (MQTT retain handling 0). */
		ON_SUBSCRIPTION("onSubscription"),

		/** Send them only when the subscription did not exist (1). */
		ON_NEW_SUBSCRIPTION("onNewSubscription"),

		/** Never send them (2). */
		NEVER("never");

		private final String wireName;

		RetainHandling(String wireName) {
			this.wireName = wireName;
		}

		String wireName() {
			return this.wireName;
		}

		static RetainHandling of(String property, String value) {
			for (RetainHandling handling : values()) {
				if (handling.wireName.equalsIgnoreCase(value.trim())) {
					return handling;
				}
			}
			throw ActionException.of(ProvisionalChoice.INVALID_PROPERTY_VALUE, property, "\""
					+ TopicNames.shorten(value) + "\"; use true, false, onSubscription, onNewSubscription or never");
		}

		@Override
		public String toString() {
			return this.wireName.toLowerCase(Locale.ROOT);
		}

	}

}
