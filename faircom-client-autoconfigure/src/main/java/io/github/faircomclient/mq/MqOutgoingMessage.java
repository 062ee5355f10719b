package io.github.faircomclient.mq;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A message to publish: the payload and its MQTT 5 properties. The payload is sent
 * <ul>
 * <li>a {@link String} as text ({@code utf8}), or as JSON text with
 * {@link Builder#payloadFormat(MqPayloadFormat) payloadFormat(JSON)};</li>
 * <li>a {@code byte[]} as {@code base64} or {@code hex} (the template's default, or the
 * one given);</li>
 * <li>a {@link tools.jackson.databind.JsonNode} or any other object as JSON, written by the
 * template's {@code JsonMapper}.</li>
 * </ul>
 * Instances are immutable as long as the payload is not changed afterwards.
 */
public final class MqOutgoingMessage {

	/**
	 * The longest expiry MQTT allows.
	 */
	public static final Duration MAX_EXPIRY = Duration.ofSeconds(4294967295L);

	private final Object payload;

	private final @Nullable MqPayloadFormat payloadFormat;

	private final @Nullable String contentType;

	private final @Nullable Object correlationData;

	private final @Nullable String responseTopic;

	private final List<MqUserProperty> userProperties;

	private final @Nullable Duration expiry;

	private final boolean retain;

	private MqOutgoingMessage(Builder builder) {
		this.payload = builder.payload;
		this.payloadFormat = builder.payloadFormat;
		this.contentType = builder.contentType;
		this.correlationData = builder.correlationData;
		this.responseTopic = builder.responseTopic;
		this.userProperties = List.copyOf(builder.userProperties);
		this.expiry = builder.expiry;
		this.retain = builder.retain;
	}

	/**
	 * Return a message with a payload and no properties.
	 * @param payload the payload
	 * @return the message
	 */
	public static MqOutgoingMessage of(Object payload) {
		return builder(payload).build();
	}

	/**
	 * Return a builder for a message with the given payload.
	 * @param payload the payload
	 * @return the builder
	 */
	public static Builder builder(Object payload) {
		return new Builder(payload);
	}

	/**
	 * Return a builder that starts with this message's payload and properties.
	 * @return the builder
	 */
	public Builder mutate() {
		Builder builder = new Builder(this.payload);
		builder.payloadFormat = this.payloadFormat;
		builder.contentType = this.contentType;
		builder.correlationData = this.correlationData;
		builder.responseTopic = this.responseTopic;
		builder.userProperties.addAll(this.userProperties);
		builder.expiry = this.expiry;
		builder.retain = this.retain;
		return builder;
	}

	/**
	 * Return the payload.
	 * @return the payload
	 */
	public Object payload() {
		return this.payload;
	}

	/**
	 * Return the format chosen for the payload.
	 * @return the format, or {@code null} to choose by the payload's type
	 */
	public @Nullable MqPayloadFormat payloadFormat() {
		return this.payloadFormat;
	}

	/**
	 * Return the content type.
	 * @return the content type or {@code null}
	 */
	public @Nullable String contentType() {
		return this.contentType;
	}

	/**
	 * Return the correlation data.
	 * @return the correlation data (serialized as JSON) or {@code null}
	 */
	public @Nullable Object correlationData() {
		return this.correlationData;
	}

	/**
	 * Return the topic a reply should go to.
	 * @return the response topic or {@code null}
	 */
	public @Nullable String responseTopic() {
		return this.responseTopic;
	}

	/**
	 * Return the user properties.
	 * @return the user properties, in order
	 */
	public List<MqUserProperty> userProperties() {
		return this.userProperties;
	}

	/**
	 * Return the time after which the server drops the message.
	 * @return the expiry or {@code null} for none
	 */
	public @Nullable Duration expiry() {
		return this.expiry;
	}

	/**
	 * Return whether the message becomes its topic's retained message.
	 * @return whether to retain it
	 */
	public boolean retain() {
		return this.retain;
	}

	@Override
	public String toString() {
		return "MqOutgoingMessage[payloadType=" + this.payload.getClass().getSimpleName() + ", payloadFormat="
				+ this.payloadFormat + ", contentType=" + this.contentType + ", responseTopic=" + this.responseTopic
				+ ", userProperties=" + this.userProperties.size() + ", expiry=" + this.expiry + ", retain="
				+ this.retain + "]";
	}

	/**
	 * Builder for {@link MqOutgoingMessage}.
	 */
	public static final class Builder {

		private final Object payload;

		private @Nullable MqPayloadFormat payloadFormat;

		private @Nullable String contentType;

		private @Nullable Object correlationData;

		private @Nullable String responseTopic;

		private final List<MqUserProperty> userProperties = new ArrayList<>();

		private @Nullable Duration expiry;

		private boolean retain;

		private Builder(Object payload) {
			Assert.notNull(payload, "'payload' must not be null");
			this.payload = payload;
		}

		/**
		 * Choose how the payload travels instead of choosing by its type: {@code HEX} or
		 * {@code BASE64} for bytes; {@code UTF8} or {@code JSON} (the text is JSON) for a
		 * string; {@code JSON} for anything else.
		 * @param payloadFormat the format or {@code null} to choose by type
		 * @return this builder
		 */
		public Builder payloadFormat(@Nullable MqPayloadFormat payloadFormat) {
			if (payloadFormat != null) {
				boolean fits = (this.payload instanceof byte[]) ? payloadFormat.isBinary()
						: (this.payload instanceof String) ? !payloadFormat.isBinary()
								: payloadFormat == MqPayloadFormat.JSON;
				Assert.isTrue(fits, () -> "A " + this.payload.getClass().getSimpleName() + " payload cannot travel as "
						+ payloadFormat.value() + ": bytes travel as hex or base64, a string as utf8 or json, "
						+ "anything else as json");
			}
			this.payloadFormat = payloadFormat;
			return this;
		}

		/**
		 * Set the content type, e.g. {@code application/json}.
		 * @param contentType the content type or {@code null}
		 * @return this builder
		 */
		public Builder contentType(@Nullable String contentType) {
			this.contentType = contentType;
			return this;
		}

		/**
		 * Set the correlation data: any value that serializes to JSON, up to 65,500
		 * bytes.
		 * @param correlationData the correlation data or {@code null}
		 * @return this builder
		 */
		public Builder correlationData(@Nullable Object correlationData) {
			this.correlationData = correlationData;
			return this;
		}

		/**
		 * Set the topic a reply should go to.
		 * @param responseTopic a topic name (no wildcards) or {@code null}
		 * @return this builder
		 */
		public Builder responseTopic(@Nullable String responseTopic) {
			if (responseTopic != null) {
				MqTopics.requireTopicName(responseTopic, "responseTopic");
			}
			this.responseTopic = responseTopic;
			return this;
		}

		/**
		 * Add a user property.
		 * @param key the key
		 * @param value the value
		 * @return this builder
		 */
		public Builder userProperty(String key, String value) {
			this.userProperties.add(new MqUserProperty(key, value));
			return this;
		}

		/**
		 * Add user properties.
		 * @param properties the properties
		 * @return this builder
		 */
		public Builder userProperties(List<MqUserProperty> properties) {
			Assert.noNullElements(properties, "'properties' must not contain null");
			this.userProperties.addAll(properties);
			return this;
		}

		/**
		 * Let the server drop the message after a time (whole seconds, rounded up).
		 * @param expiry the expiry or {@code null} for none
		 * @return this builder
		 */
		public Builder expiry(@Nullable Duration expiry) {
			Assert.isTrue(expiry == null || (!expiry.isNegative() && !expiry.isZero()), "'expiry' must be positive");
			Assert.isTrue(expiry == null || expiry.compareTo(MAX_EXPIRY) <= 0,
					"'expiry' must not exceed 4294967295 seconds");
			this.expiry = expiry;
			return this;
		}

		/**
		 * Make the message its topic's retained message, which new subscribers receive
		 * first.
		 * @param retain whether to retain it
		 * @return this builder
		 */
		public Builder retain(boolean retain) {
			this.retain = retain;
			return this;
		}

		/**
		 * Build the message.
		 * @return the message
		 */
		public MqOutgoingMessage build() {
			return new MqOutgoingMessage(this);
		}

	}

}
