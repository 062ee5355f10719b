package io.github.faircomclient.mq;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/**
 * A message read from FairCom: its payload mapped to {@code T}, the topic, where and when it
 * was stored, and its MQTT 5 properties. FairCom documents no read answer: what the server
 * did not send is {@code null} (an empty list for user properties), and {@link #details()}
 * holds the message object as it came.
 *
 * @param <T> the payload type
 * @param topic the topic it was published to
 * @param position its position in the topic, or {@code null}
 * @param timestamp when the server stored it (server time, no zone), or {@code null}
 * @param payload the payload, mapped
 * @param payloadFormat how the payload travelled, or {@code null} if the server did not say
 * @param contentType the content type the publisher set, or {@code null}
 * @param correlationData the correlation data the publisher set (any JSON value), or
 * {@code null}
 * @param responseTopic where the publisher wants an answer, or {@code null}
 * @param userProperties the user properties, in order
 * @param expiry the time the message has left before it expires, or {@code null} for none
 * @param retain whether it was published as the topic's retained message
 * @param publisherClientName the MQ session that published it, or {@code null}
 * @param details the message object the server sent
 */
public record MqMessage<T>(String topic, @Nullable Long position, @Nullable LocalDateTime timestamp, T payload,
		@Nullable MqPayloadFormat payloadFormat, @Nullable String contentType, @Nullable JsonNode correlationData,
		@Nullable String responseTopic, List<MqUserProperty> userProperties, @Nullable Duration expiry, boolean retain,
		@Nullable String publisherClientName, JsonNode details) {

	/**
	 * Create a message.
	 */
	public MqMessage {
		userProperties = List.copyOf(userProperties);
	}

	/**
	 * Return the value of the first user property with the given key.
	 * @param key the key
	 * @return the value, if the message has such a property
	 */
	public Optional<String> userProperty(String key) {
		return this.userProperties.stream()
			.filter((property) -> property.key().equals(key))
			.map(MqUserProperty::value)
			.findFirst();
	}

	/**
	 * Return this message with another payload.
	 * @param <R> the new payload type
	 * @param payload the new payload
	 * @return a copy with that payload
	 */
	public <R> MqMessage<R> withPayload(R payload) {
		return new MqMessage<>(this.topic, this.position, this.timestamp, payload, this.payloadFormat,
				this.contentType, this.correlationData, this.responseTopic, this.userProperties, this.expiry,
				this.retain, this.publisherClientName, this.details);
	}

	@Override
	public String toString() {
		return "MqMessage[topic=" + this.topic + ", position=" + this.position + ", timestamp=" + this.timestamp
				+ ", payloadFormat=" + this.payloadFormat + ", contentType=" + this.contentType + "]";
	}

}
