package io.github.faircomclient.mq.listener;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

import io.github.faircomclient.mq.MqPolling;

/**
 * Settings of the listener containers a factory creates. Immutable; build with
 * {@link #builder()}.
 */
public final class MqListenerContainerSettings {

	/**
	 * The placeholder of the original topic in a dead-letter topic.
	 */
	public static final String TOPIC_PLACEHOLDER = "{topic}";

	/**
	 * The dead-letter topic unless configured otherwise.
	 */
	public static final String DEFAULT_DEAD_LETTER_TOPIC = "dead-letters/" + TOPIC_PLACEHOLDER;

	private final String clientNamePrefix;

	private final boolean temporarySession;

	private final int concurrency;

	private final int maxMessages;

	private final MqPolling polling;

	private final int maxAttempts;

	private final Duration retryBackoff;

	private final @Nullable String deadLetterTopic;

	private final Duration shutdownTimeout;

	private final boolean autoStartup;

	private MqListenerContainerSettings(Builder builder) {
		this.clientNamePrefix = builder.clientNamePrefix;
		this.temporarySession = builder.temporarySession;
		this.concurrency = builder.concurrency;
		this.maxMessages = builder.maxMessages;
		this.polling = builder.polling;
		this.maxAttempts = builder.maxAttempts;
		this.retryBackoff = builder.retryBackoff;
		this.deadLetterTopic = builder.deadLetterTopic;
		this.shutdownTimeout = builder.shutdownTimeout;
		this.autoStartup = builder.autoStartup;
	}

	/**
	 * Return a builder with the defaults: client names {@code faircom-client-<id>},
	 * permanent sessions, concurrency 1, 20 messages per read, {@link MqPolling#DEFAULT},
	 * 3 attempts without pause, dead letters to {@value #DEFAULT_DEAD_LETTER_TOPIC},
	 * 30 s to finish in-flight messages on stop, auto-startup.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Return the prefix of the containers' client names.
	 * @return the prefix
	 */
	public String clientNamePrefix() {
		return this.clientNamePrefix;
	}

	/**
	 * Return whether containers use temporary sessions, deleted when they stop, instead of
	 * permanent ones, kept (with their subscriptions and waiting messages) so that a
	 * restart resumes where the container stopped.
	 * @return whether sessions are temporary
	 */
	public boolean temporarySession() {
		return this.temporarySession;
	}

	/**
	 * Return how many messages a container processes at once.
	 * @return the concurrency
	 */
	public int concurrency() {
		return this.concurrency;
	}

	/**
	 * Return the most messages one read takes; a read's messages are in flight until all
	 * are processed.
	 * @return the batch size
	 */
	public int maxMessages() {
		return this.maxMessages;
	}

	/**
	 * Return the adaptive polling.
	 * @return the polling settings
	 */
	public MqPolling polling() {
		return this.polling;
	}

	/**
	 * Return how many times the listener is called with a message before it is
	 * dead-lettered.
	 * @return the attempts, at least 1
	 */
	public int maxAttempts() {
		return this.maxAttempts;
	}

	/**
	 * Return the pause between two attempts.
	 * @return the pause, zero for none
	 */
	public Duration retryBackoff() {
		return this.retryBackoff;
	}

	/**
	 * Return the dead-letter topic, where {@value #TOPIC_PLACEHOLDER} stands for the
	 * message's topic.
	 * @return the topic pattern, or {@code null} to log and drop failed messages
	 */
	public @Nullable String deadLetterTopic() {
		return this.deadLetterTopic;
	}

	/**
	 * Return the dead-letter topic of a message's topic.
	 * @param topic the message's topic
	 * @return the dead-letter topic, or {@code null} if there is none
	 */
	public @Nullable String deadLetterTopic(String topic) {
		return (this.deadLetterTopic != null) ? this.deadLetterTopic.replace(TOPIC_PLACEHOLDER, topic) : null;
	}

	/**
	 * Return how long a stopping container waits for its in-flight messages.
	 * @return the timeout
	 */
	public Duration shutdownTimeout() {
		return this.shutdownTimeout;
	}

	/**
	 * Return whether containers start with the application context.
	 * @return whether to start them
	 */
	public boolean autoStartup() {
		return this.autoStartup;
	}

	@Override
	public String toString() {
		return "MqListenerContainerSettings[clientNamePrefix=" + this.clientNamePrefix + ", temporarySession="
				+ this.temporarySession + ", concurrency=" + this.concurrency + ", maxMessages=" + this.maxMessages
				+ ", polling=" + this.polling + ", maxAttempts=" + this.maxAttempts + ", deadLetterTopic="
				+ this.deadLetterTopic + "]";
	}

	/**
	 * Builder for {@link MqListenerContainerSettings}.
	 */
	public static final class Builder {

		private String clientNamePrefix = "faircom-client";

		private boolean temporarySession;

		private int concurrency = 1;

		private int maxMessages = 20;

		private MqPolling polling = MqPolling.DEFAULT;

		private int maxAttempts = 3;

		private Duration retryBackoff = Duration.ZERO;

		private @Nullable String deadLetterTopic = DEFAULT_DEAD_LETTER_TOPIC;

		private Duration shutdownTimeout = Duration.ofSeconds(30);

		private boolean autoStartup = true;

		private Builder() {
		}

		/**
		 * Set the prefix of client names: a container's session is
		 * {@code <prefix>-<listener id>} unless its endpoint names one.
		 * @param clientNamePrefix the prefix
		 * @return this builder
		 */
		public Builder clientNamePrefix(String clientNamePrefix) {
			Assert.hasText(clientNamePrefix, "'clientNamePrefix' must not be empty");
			this.clientNamePrefix = clientNamePrefix;
			return this;
		}

		/**
		 * Use temporary sessions (deleted on stop) instead of permanent ones.
		 * @param temporarySession whether sessions are temporary
		 * @return this builder
		 */
		public Builder temporarySession(boolean temporarySession) {
			this.temporarySession = temporarySession;
			return this;
		}

		/**
		 * Set how many messages a container processes at once.
		 * @param concurrency at least 1
		 * @return this builder
		 */
		public Builder concurrency(int concurrency) {
			Assert.isTrue(concurrency >= 1, "'concurrency' must be at least 1");
			this.concurrency = concurrency;
			return this;
		}

		/**
		 * Set the most messages one read takes.
		 * @param maxMessages 1 to 10,000
		 * @return this builder
		 */
		public Builder maxMessages(int maxMessages) {
			Assert.isTrue(maxMessages >= 1 && maxMessages <= 10000, "'maxMessages' must be 1 to 10000");
			this.maxMessages = maxMessages;
			return this;
		}

		/**
		 * Set the adaptive polling.
		 * @param polling the polling settings
		 * @return this builder
		 */
		public Builder polling(MqPolling polling) {
			Assert.notNull(polling, "'polling' must not be null");
			this.polling = polling;
			return this;
		}

		/**
		 * Set how many times the listener gets a message before it is dead-lettered.
		 * @param maxAttempts at least 1
		 * @return this builder
		 */
		public Builder maxAttempts(int maxAttempts) {
			Assert.isTrue(maxAttempts >= 1, "'maxAttempts' must be at least 1");
			this.maxAttempts = maxAttempts;
			return this;
		}

		/**
		 * Set the pause between two attempts.
		 * @param retryBackoff zero or positive
		 * @return this builder
		 */
		public Builder retryBackoff(Duration retryBackoff) {
			Assert.isTrue(retryBackoff != null && !retryBackoff.isNegative(), "'retryBackoff' must not be negative");
			this.retryBackoff = retryBackoff;
			return this;
		}

		/**
		 * Set the dead-letter topic; {@value #TOPIC_PLACEHOLDER} stands for the message's
		 * topic.
		 * @param deadLetterTopic the pattern, or {@code null} or empty to drop failed
		 * messages (logged at ERROR)
		 * @return this builder
		 */
		public Builder deadLetterTopic(@Nullable String deadLetterTopic) {
			if (deadLetterTopic != null && !deadLetterTopic.isEmpty()) {
				Assert.isTrue(deadLetterTopic.indexOf('+') < 0 && deadLetterTopic.indexOf('#') < 0,
						"'deadLetterTopic' must not hold the wildcards + and #");
				Assert.isTrue(!deadLetterTopic.equals(TOPIC_PLACEHOLDER),
						"'deadLetterTopic' must differ from the message's topic");
				this.deadLetterTopic = deadLetterTopic;
			}
			else {
				this.deadLetterTopic = null;
			}
			return this;
		}

		/**
		 * Set how long a stopping container waits for its in-flight messages.
		 * @param shutdownTimeout positive
		 * @return this builder
		 */
		public Builder shutdownTimeout(Duration shutdownTimeout) {
			Assert.isTrue(shutdownTimeout != null && !shutdownTimeout.isNegative() && !shutdownTimeout.isZero(),
					"'shutdownTimeout' must be positive");
			this.shutdownTimeout = shutdownTimeout;
			return this;
		}

		/**
		 * Set whether containers start with the application context.
		 * @param autoStartup whether to start them
		 * @return this builder
		 */
		public Builder autoStartup(boolean autoStartup) {
			this.autoStartup = autoStartup;
			return this;
		}

		/**
		 * Build the settings.
		 * @return the settings
		 */
		public MqListenerContainerSettings build() {
			return new MqListenerContainerSettings(this);
		}

	}

}
