package io.github.faircomclient.test.mq;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One published message as the broker keeps it. Everything but the delivery counter is immutable; the
 * counter changes only under the broker's lock.
 */
final class StoredMessage {

	private final String topic;

	private final long position;

	private final long sequence;

	private final Instant timestamp;

	private final byte[] payload;

	private final PayloadFormat format;

	private final MessageProperties properties;

	private final String publisher;

	private long deliveries;

	StoredMessage(String topic, long position, long sequence, Instant timestamp, byte[] payload, PayloadFormat format,
			MessageProperties properties, String publisher) {
		this.topic = topic;
		this.position = position;
		this.sequence = sequence;
		this.timestamp = timestamp;
		this.payload = payload;
		this.format = format;
		this.properties = properties;
		this.publisher = publisher;
	}

	String topic() {
		return this.topic;
	}

	/** The position in its topic, from 1. */
	long position() {
		return this.position;
	}

	/** The broker-wide publish order. */
	long sequence() {
		return this.sequence;
	}

	Instant timestamp() {
		return this.timestamp;
	}

	/** The payload bytes (never modify). */
	byte[] payload() {
		return this.payload;
	}

	/** The format the payload was published in. */
	PayloadFormat format() {
		return this.format;
	}

	MessageProperties properties() {
		return this.properties;
	}

	String publisher() {
		return this.publisher;
	}

	@Nullable Instant expiresAt() {
		long seconds = this.properties.expirySeconds();
		return (seconds > 0) ? this.timestamp.plusSeconds(seconds) : null;
	}

	boolean expired(Instant now) {
		Instant expiresAt = expiresAt();
		return expiresAt != null && !now.isBefore(expiresAt);
	}

	long deliveries() {
		return this.deliveries;
	}

	void delivered() {
		this.deliveries++;
	}

	/**
	 * The MQTT 5 properties of a message.
	 * @param contentType the content type, or {@code null}
	 * @param correlationData any JSON value, or {@code null}
	 * @param responseTopic the response topic, or {@code null}
	 * @param userProperties the user properties
	 * @param expirySeconds seconds until the message expires; 0 = never
	 * @param retain whether it was published with retain
	 */
	record MessageProperties(@Nullable String contentType, @Nullable JsonNode correlationData,
			@Nullable String responseTopic, List<UserProperty> userProperties, long expirySeconds, boolean retain) {
	}

	/**
	 * A user property.
	 * @param key the key
	 * @param value the value
	 */
	record UserProperty(String key, String value) {
	}

}
