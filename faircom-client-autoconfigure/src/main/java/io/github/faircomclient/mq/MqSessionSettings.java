package io.github.faircomclient.mq;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Settings of an MQ API session for {@code createMqApiSession} and
 * {@code alterMqSession}; what is left out keeps the server's default (create) or the
 * current value (alter). Immutable; build with {@link #builder()}.
 */
public final class MqSessionSettings {

	private final @Nullable Boolean temporarySession;

	private final @Nullable Duration keepAlive;

	private final @Nullable Duration sessionExpiryInterval;

	private final @Nullable MqSessionStatus sessionStatus;

	private final @Nullable List<MqUserProperty> userProperties;

	private MqSessionSettings(Builder builder) {
		this.temporarySession = builder.temporarySession;
		this.keepAlive = builder.keepAlive;
		this.sessionExpiryInterval = builder.sessionExpiryInterval;
		this.sessionStatus = builder.sessionStatus;
		this.userProperties = (builder.userProperties != null) ? List.copyOf(builder.userProperties) : null;
	}

	/**
	 * Return a permanent session: kept by the server, with its subscriptions and waiting
	 * messages, until deleted (FairCom's default).
	 * @return the settings
	 */
	public static MqSessionSettings permanent() {
		return builder().temporarySession(false).build();
	}

	/**
	 * Return a temporary session: the server ends it, with its subscriptions and waiting
	 * messages, once it has been idle for its keep-alive and expiry interval.
	 * @return the settings
	 */
	public static MqSessionSettings temporary() {
		return builder().temporarySession(true).build();
	}

	/**
	 * Return a builder.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Return whether the session is temporary.
	 * @return the setting or {@code null} for the default (permanent)
	 */
	public @Nullable Boolean temporarySession() {
		return this.temporarySession;
	}

	ObjectNode toParams(String clientName) {
		ObjectNode params = JsonNodeFactory.instance.objectNode();
		params.put("clientName", clientName);
		if (this.temporarySession != null) {
			params.put("temporarySession", this.temporarySession);
		}
		if (this.keepAlive != null) {
			params.put("keepAliveSeconds", this.keepAlive.toSeconds());
		}
		if (this.sessionExpiryInterval != null) {
			params.put("sessionExpiryInterval", this.sessionExpiryInterval.toSeconds());
		}
		if (this.sessionStatus != null) {
			params.put("sessionStatus", this.sessionStatus.value());
		}
		if (this.userProperties != null) {
			ArrayNode array = params.putArray("userProperties");
			this.userProperties.forEach((property) -> array.addObject()
				.put("key", property.key())
				.put("value", property.value()));
		}
		return params;
	}

	@Override
	public String toString() {
		return "MqSessionSettings[temporarySession=" + this.temporarySession + ", keepAlive=" + this.keepAlive
				+ ", sessionExpiryInterval=" + this.sessionExpiryInterval + ", sessionStatus=" + this.sessionStatus
				+ "]";
	}

	/**
	 * Builder for {@link MqSessionSettings}.
	 */
	public static final class Builder {

		private @Nullable Boolean temporarySession;

		private @Nullable Duration keepAlive;

		private @Nullable Duration sessionExpiryInterval;

		private @Nullable MqSessionStatus sessionStatus;

		private @Nullable List<MqUserProperty> userProperties;

		private Builder() {
		}

		/**
		 * Choose a temporary or a permanent session.
		 * @param temporarySession whether the server may end the session when it idles
		 * @return this builder
		 */
		public Builder temporarySession(boolean temporarySession) {
			this.temporarySession = temporarySession;
			return this;
		}

		/**
		 * Set the keep-alive: a temporary session counts as disconnected after 1.5 times
		 * this without an MQ action.
		 * @param keepAlive whole seconds, 0 to 65535
		 * @return this builder
		 */
		public Builder keepAlive(Duration keepAlive) {
			Assert.isTrue(!keepAlive.isNegative() && keepAlive.toSeconds() <= 65535, "'keepAlive' must be 0 to 65535 s");
			this.keepAlive = keepAlive;
			return this;
		}

		/**
		 * Set how long the server keeps a disconnected temporary session.
		 * @param sessionExpiryInterval whole seconds, not negative
		 * @return this builder
		 */
		public Builder sessionExpiryInterval(Duration sessionExpiryInterval) {
			Assert.isTrue(!sessionExpiryInterval.isNegative(), "'sessionExpiryInterval' must not be negative");
			this.sessionExpiryInterval = sessionExpiryInterval;
			return this;
		}

		/**
		 * Set the session's status (alter).
		 * @param sessionStatus the status
		 * @return this builder
		 */
		public Builder sessionStatus(MqSessionStatus sessionStatus) {
			this.sessionStatus = sessionStatus;
			return this;
		}

		/**
		 * Set the session's user properties.
		 * @param userProperties the properties
		 * @return this builder
		 */
		public Builder userProperties(List<MqUserProperty> userProperties) {
			Assert.noNullElements(userProperties, "'userProperties' must not contain null");
			this.userProperties = new ArrayList<>(userProperties);
			return this;
		}

		/**
		 * Build the settings.
		 * @return the settings
		 */
		public MqSessionSettings build() {
			return new MqSessionSettings(this);
		}

	}

}
