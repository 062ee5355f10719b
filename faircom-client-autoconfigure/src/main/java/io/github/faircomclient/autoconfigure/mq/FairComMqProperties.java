package io.github.faircomclient.autoconfigure.mq;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

import io.github.faircomclient.mq.MqPayloadFormat;

/**
 * Settings of FairCom MQ messaging: how {@code template.mq()} publishes and how
 * {@code @FairComMqListener} containers read.
 */
@ConfigurationProperties("faircom.mq")
public class FairComMqProperties {

	/**
	 * Whether to configure MQ messaging: the template's MQ settings, the listener
	 * container factory and @FairComMqListener methods.
	 */
	private boolean enabled = true;

	/**
	 * Client name of the MQ API session the template publishes with, and the start of
	 * every listener container's client name. Defaults to the application name and the
	 * instance, e.g. orders-host1.
	 */
	private @Nullable String clientName;

	/**
	 * Name of this instance of the application in client names; defaults to the host name.
	 * Keep it stable across restarts so that permanent sessions resume.
	 */
	private @Nullable String instance;

	/**
	 * How byte[] payloads travel: hex or base64.
	 */
	private MqPayloadFormat binaryFormat = MqPayloadFormat.BASE64;

	/**
	 * Prefix of the topics replies to this application's requests go to.
	 */
	private String replyTopicPrefix = "faircom-client/replies";

	private final Listener listener = new Listener();

	/**
	 * Return the {@code enabled} setting.
	 * @return the value
	 */
	public boolean isEnabled() {
		return this.enabled;
	}

	/**
	 * Set the {@code enabled} setting.
	 * @param enabled the value
	 */
	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	/**
	 * Return the {@code client-name} setting.
	 * @return the value
	 */
	public @Nullable String getClientName() {
		return this.clientName;
	}

	/**
	 * Set the {@code client-name} setting.
	 * @param clientName the value
	 */
	public void setClientName(@Nullable String clientName) {
		this.clientName = clientName;
	}

	/**
	 * Return the {@code instance} setting.
	 * @return the value
	 */
	public @Nullable String getInstance() {
		return this.instance;
	}

	/**
	 * Set the {@code instance} setting.
	 * @param instance the value
	 */
	public void setInstance(@Nullable String instance) {
		this.instance = instance;
	}

	/**
	 * Return the {@code binary-format} setting.
	 * @return the value
	 */
	public MqPayloadFormat getBinaryFormat() {
		return this.binaryFormat;
	}

	/**
	 * Set the {@code binary-format} setting.
	 * @param binaryFormat the value
	 */
	public void setBinaryFormat(MqPayloadFormat binaryFormat) {
		this.binaryFormat = binaryFormat;
	}

	/**
	 * Return the {@code reply-topic-prefix} setting.
	 * @return the value
	 */
	public String getReplyTopicPrefix() {
		return this.replyTopicPrefix;
	}

	/**
	 * Set the {@code reply-topic-prefix} setting.
	 * @param replyTopicPrefix the value
	 */
	public void setReplyTopicPrefix(String replyTopicPrefix) {
		this.replyTopicPrefix = replyTopicPrefix;
	}

	/**
	 * Return the settings of the listener containers.
	 * @return the listener settings
	 */
	public Listener getListener() {
		return this.listener;
	}

	/**
	 * Settings of the listener containers of the default container factory.
	 */
	public static class Listener {

		/**
		 * Whether containers start with the application.
		 */
		private boolean autoStartup = true;

		/**
		 * Whether containers use temporary MQ API sessions, deleted when they stop, instead
		 * of permanent ones, which keep what is published while the application is down.
		 */
		private boolean temporarySession;

		/**
		 * How many messages a container processes at once.
		 */
		private int concurrency = 1;

		/**
		 * Most messages one read of a container's session takes.
		 */
		private int maxMessages = 20;

		/**
		 * Pause between reads while reads return messages.
		 */
		private Duration minPollInterval = Duration.ofMillis(10);

		/**
		 * Longest pause between reads while reads return none.
		 */
		private Duration maxPollInterval = Duration.ofSeconds(1);

		/**
		 * How much each empty read stretches the pause between reads.
		 */
		private double pollBackoffMultiplier = 2.0;

		/**
		 * How many times a listener gets a message before it goes to the dead-letter
		 * topic.
		 */
		private int maxAttempts = 3;

		/**
		 * Pause between two attempts to handle a message.
		 */
		private Duration retryBackoff = Duration.ZERO;

		/**
		 * Dead-letter topic; {topic} stands for the message's topic. Empty to log and drop
		 * failed messages.
		 */
		private String deadLetterTopic = "dead-letters/{topic}";

		/**
		 * How long a stopping container waits for the messages it is processing.
		 */
		private Duration shutdownTimeout = Duration.ofSeconds(30);

		/**
		 * Return the {@code auto-startup} setting.
		 * @return the value
		 */
		public boolean isAutoStartup() {
			return this.autoStartup;
		}

		/**
		 * Set the {@code auto-startup} setting.
		 * @param autoStartup the value
		 */
		public void setAutoStartup(boolean autoStartup) {
			this.autoStartup = autoStartup;
		}

		/**
		 * Return the {@code temporary-session} setting.
		 * @return the value
		 */
		public boolean isTemporarySession() {
			return this.temporarySession;
		}

		/**
		 * Set the {@code temporary-session} setting.
		 * @param temporarySession the value
		 */
		public void setTemporarySession(boolean temporarySession) {
			this.temporarySession = temporarySession;
		}

		/**
		 * Return the {@code concurrency} setting.
		 * @return the value
		 */
		public int getConcurrency() {
			return this.concurrency;
		}

		/**
		 * Set the {@code concurrency} setting.
		 * @param concurrency the value
		 */
		public void setConcurrency(int concurrency) {
			this.concurrency = concurrency;
		}

		/**
		 * Return the {@code max-messages} setting.
		 * @return the value
		 */
		public int getMaxMessages() {
			return this.maxMessages;
		}

		/**
		 * Set the {@code max-messages} setting.
		 * @param maxMessages the value
		 */
		public void setMaxMessages(int maxMessages) {
			this.maxMessages = maxMessages;
		}

		/**
		 * Return the {@code min-poll-interval} setting.
		 * @return the value
		 */
		public Duration getMinPollInterval() {
			return this.minPollInterval;
		}

		/**
		 * Set the {@code min-poll-interval} setting.
		 * @param minPollInterval the value
		 */
		public void setMinPollInterval(Duration minPollInterval) {
			this.minPollInterval = minPollInterval;
		}

		/**
		 * Return the {@code max-poll-interval} setting.
		 * @return the value
		 */
		public Duration getMaxPollInterval() {
			return this.maxPollInterval;
		}

		/**
		 * Set the {@code max-poll-interval} setting.
		 * @param maxPollInterval the value
		 */
		public void setMaxPollInterval(Duration maxPollInterval) {
			this.maxPollInterval = maxPollInterval;
		}

		/**
		 * Return the {@code poll-backoff-multiplier} setting.
		 * @return the value
		 */
		public double getPollBackoffMultiplier() {
			return this.pollBackoffMultiplier;
		}

		/**
		 * Set the {@code poll-backoff-multiplier} setting.
		 * @param pollBackoffMultiplier the value
		 */
		public void setPollBackoffMultiplier(double pollBackoffMultiplier) {
			this.pollBackoffMultiplier = pollBackoffMultiplier;
		}

		/**
		 * Return the {@code max-attempts} setting.
		 * @return the value
		 */
		public int getMaxAttempts() {
			return this.maxAttempts;
		}

		/**
		 * Set the {@code max-attempts} setting.
		 * @param maxAttempts the value
		 */
		public void setMaxAttempts(int maxAttempts) {
			this.maxAttempts = maxAttempts;
		}

		/**
		 * Return the {@code retry-backoff} setting.
		 * @return the value
		 */
		public Duration getRetryBackoff() {
			return this.retryBackoff;
		}

		/**
		 * Set the {@code retry-backoff} setting.
		 * @param retryBackoff the value
		 */
		public void setRetryBackoff(Duration retryBackoff) {
			this.retryBackoff = retryBackoff;
		}

		/**
		 * Return the {@code dead-letter-topic} setting.
		 * @return the value
		 */
		public String getDeadLetterTopic() {
			return this.deadLetterTopic;
		}

		/**
		 * Set the {@code dead-letter-topic} setting.
		 * @param deadLetterTopic the value
		 */
		public void setDeadLetterTopic(String deadLetterTopic) {
			this.deadLetterTopic = deadLetterTopic;
		}

		/**
		 * Return the {@code shutdown-timeout} setting.
		 * @return the value
		 */
		public Duration getShutdownTimeout() {
			return this.shutdownTimeout;
		}

		/**
		 * Set the {@code shutdown-timeout} setting.
		 * @param shutdownTimeout the value
		 */
		public void setShutdownTimeout(Duration shutdownTimeout) {
			this.shutdownTimeout = shutdownTimeout;
		}

	}

}
