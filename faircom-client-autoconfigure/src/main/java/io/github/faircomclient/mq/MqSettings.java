package io.github.faircomclient.mq;

import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

import io.github.faircomclient.observation.MqPublishObservationConvention;

import tools.jackson.databind.json.JsonMapper;

/**
 * Settings of {@link MqTemplate}: the MQ API session it publishes with, how bytes travel,
 * where replies to its requests go, and the {@link JsonMapper} of payloads. Immutable;
 * build with {@link #builder()}.
 */
public final class MqSettings {

	/**
	 * The prefix of reply topics unless configured otherwise.
	 */
	public static final String DEFAULT_REPLY_TOPIC_PREFIX = "faircom-client/replies";

	private static final MqSettings DEFAULTS = builder().build();

	private final String clientName;

	private final MqSessionSettings publisherSession;

	private final MqPayloadFormat binaryFormat;

	private final String replyTopicPrefix;

	private final MqPolling replyPolling;

	private final JsonMapper jsonMapper;

	private final @Nullable MqPublishObservationConvention observationConvention;

	private MqSettings(Builder builder) {
		this.clientName = builder.clientName;
		this.publisherSession = builder.publisherSession;
		this.binaryFormat = builder.binaryFormat;
		this.replyTopicPrefix = builder.replyTopicPrefix;
		this.replyPolling = builder.replyPolling;
		this.jsonMapper = builder.jsonMapper;
		this.observationConvention = builder.observationConvention;
	}

	/**
	 * Return the default settings: client name {@code faircom-client-<random>}, a temporary
	 * publisher session, bytes as base64, replies under
	 * {@value #DEFAULT_REPLY_TOPIC_PREFIX}, reply polling from 2 ms to 100 ms.
	 * @return the defaults
	 */
	public static MqSettings defaults() {
		return DEFAULTS;
	}

	/**
	 * Return a builder that starts with the defaults.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Return the client name of the MQ API session the template publishes with; its reply
	 * session is named after it.
	 * @return the client name
	 */
	public String clientName() {
		return this.clientName;
	}

	/**
	 * Return the settings the publisher session is created with when it does not exist.
	 * @return the session settings
	 */
	public MqSessionSettings publisherSession() {
		return this.publisherSession;
	}

	/**
	 * Return how {@code byte[]} payloads travel unless a message says otherwise.
	 * @return {@link MqPayloadFormat#HEX} or {@link MqPayloadFormat#BASE64}
	 */
	public MqPayloadFormat binaryFormat() {
		return this.binaryFormat;
	}

	/**
	 * Return the prefix of the topics replies to this template's requests go to.
	 * @return the prefix
	 */
	public String replyTopicPrefix() {
		return this.replyTopicPrefix;
	}

	/**
	 * Return how a request waits for its reply.
	 * @return the polling settings
	 */
	public MqPolling replyPolling() {
		return this.replyPolling;
	}

	/**
	 * Return the mapper that writes and reads JSON payloads.
	 * @return the mapper
	 */
	public JsonMapper jsonMapper() {
		return this.jsonMapper;
	}

	/**
	 * Return the convention of publish observations.
	 * @return the convention or {@code null} for the default
	 */
	public @Nullable MqPublishObservationConvention observationConvention() {
		return this.observationConvention;
	}

	@Override
	public String toString() {
		return "MqSettings[clientName=" + this.clientName + ", binaryFormat=" + this.binaryFormat
				+ ", replyTopicPrefix=" + this.replyTopicPrefix + "]";
	}

	/**
	 * Builder for {@link MqSettings}.
	 */
	public static final class Builder {

		private String clientName = "faircom-client-"
				+ HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());

		private MqSessionSettings publisherSession = MqSessionSettings.builder()
			.temporarySession(true)
			.keepAlive(Duration.ofSeconds(60))
			.build();

		private MqPayloadFormat binaryFormat = MqPayloadFormat.BASE64;

		private String replyTopicPrefix = DEFAULT_REPLY_TOPIC_PREFIX;

		private MqPolling replyPolling = new MqPolling(Duration.ofMillis(2), Duration.ofMillis(100), 2.0);

		private JsonMapper jsonMapper = JsonMapper.builder().build();

		private @Nullable MqPublishObservationConvention observationConvention;

		private Builder() {
		}

		/**
		 * Set the client name of the MQ API session the template publishes with.
		 * @param clientName 1 to 65535 bytes
		 * @return this builder
		 */
		public Builder clientName(String clientName) {
			Assert.hasText(clientName, "'clientName' must not be empty");
			this.clientName = clientName;
			return this;
		}

		/**
		 * Set the settings the publisher session is created with.
		 * @param publisherSession the session settings
		 * @return this builder
		 */
		public Builder publisherSession(MqSessionSettings publisherSession) {
			Assert.notNull(publisherSession, "'publisherSession' must not be null");
			this.publisherSession = publisherSession;
			return this;
		}

		/**
		 * Set how {@code byte[]} payloads travel.
		 * @param binaryFormat {@link MqPayloadFormat#HEX} or {@link MqPayloadFormat#BASE64}
		 * @return this builder
		 */
		public Builder binaryFormat(MqPayloadFormat binaryFormat) {
			Assert.isTrue(binaryFormat != null && binaryFormat.isBinary(), "'binaryFormat' must be HEX or BASE64");
			this.binaryFormat = binaryFormat;
			return this;
		}

		/**
		 * Set the prefix of reply topics.
		 * @param replyTopicPrefix a topic name without wildcards
		 * @return this builder
		 */
		public Builder replyTopicPrefix(String replyTopicPrefix) {
			MqTopics.requireTopicName(replyTopicPrefix, "replyTopicPrefix");
			this.replyTopicPrefix = replyTopicPrefix;
			return this;
		}

		/**
		 * Set how a request waits for its reply.
		 * @param replyPolling the polling settings
		 * @return this builder
		 */
		public Builder replyPolling(MqPolling replyPolling) {
			Assert.notNull(replyPolling, "'replyPolling' must not be null");
			this.replyPolling = replyPolling;
			return this;
		}

		/**
		 * Set the mapper of JSON payloads.
		 * @param jsonMapper the mapper
		 * @return this builder
		 */
		public Builder jsonMapper(JsonMapper jsonMapper) {
			Assert.notNull(jsonMapper, "'jsonMapper' must not be null");
			this.jsonMapper = jsonMapper;
			return this;
		}

		/**
		 * Set the convention of publish observations.
		 * @param observationConvention the convention or {@code null} for the default
		 * @return this builder
		 */
		public Builder observationConvention(@Nullable MqPublishObservationConvention observationConvention) {
			this.observationConvention = observationConvention;
			return this;
		}

		/**
		 * Build the settings.
		 * @return the settings
		 */
		public MqSettings build() {
			return new MqSettings(this);
		}

	}

}
