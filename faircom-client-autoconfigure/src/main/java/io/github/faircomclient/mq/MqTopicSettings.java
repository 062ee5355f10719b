package io.github.faircomclient.mq;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Settings of a topic for {@code configureTopic}: where its messages are stored, how long
 * they are kept, its label, and any other persistence property FairCom documents. Settings
 * left out keep their current value. Immutable; build with {@link #builder()}.
 */
public final class MqTopicSettings {

	private static final MqTopicSettings NONE = builder().build();

	private final Map<String, Object> settings;

	private MqTopicSettings(Map<String, Object> settings) {
		this.settings = Map.copyOf(settings);
	}

	/**
	 * Return settings that change nothing (create the topic with the server's defaults).
	 * @return empty settings
	 */
	public static MqTopicSettings none() {
		return NONE;
	}

	/**
	 * Return a builder.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	ObjectNode toParams(String topic) {
		ObjectNode params = JsonNodeFactory.instance.objectNode();
		params.put("topic", topic);
		this.settings.forEach((name, value) -> {
			if (value instanceof String text) {
				params.put(name, text);
			}
			else if (value instanceof Boolean flag) {
				params.put(name, flag);
			}
			else if (value instanceof Long number) {
				params.put(name, number);
			}
			else if (value instanceof String[] label) {
				params.putObject(name).put("group", label[0]).put("name", label[1]);
			}
		});
		return params;
	}

	@Override
	public String toString() {
		return "MqTopicSettings" + this.settings.keySet();
	}

	/**
	 * Builder for {@link MqTopicSettings}.
	 */
	public static final class Builder {

		private final Map<String, Object> settings = new LinkedHashMap<>();

		private Builder() {
		}

		/**
		 * Store the topic's messages in a table of one's choosing (only when the topic is
		 * created).
		 * @param databaseName the database or {@code null} for the server's default
		 * @param ownerName the owner or {@code null} for the server's default
		 * @param tableName the table
		 * @return this builder
		 */
		public Builder table(@Nullable String databaseName, @Nullable String ownerName, String tableName) {
			Assert.hasText(tableName, "'tableName' must not be empty");
			if (databaseName != null) {
				this.settings.put("databaseName", databaseName);
			}
			if (ownerName != null) {
				this.settings.put("ownerName", ownerName);
			}
			this.settings.put("tableName", tableName);
			return this;
		}

		/**
		 * Set how long messages are kept (only when the topic is created).
		 * @param policy e.g. {@code autoPurge}
		 * @param period how many units
		 * @param unit e.g. {@code week}
		 * @return this builder
		 */
		public Builder retention(String policy, int period, String unit) {
			Assert.hasText(policy, "'policy' must not be empty");
			Assert.isTrue(period >= 0, "'period' must not be negative");
			Assert.hasText(unit, "'unit' must not be empty");
			this.settings.put("retentionPolicy", policy);
			this.settings.put("retentionPeriod", (long) period);
			this.settings.put("retentionUnit", unit);
			return this;
		}

		/**
		 * Set the format the server expects of published payloads
		 * ({@code sourcePayloadFormat}).
		 * @param format e.g. {@code json} or {@code binary}
		 * @return this builder
		 */
		public Builder sourcePayloadFormat(String format) {
			return setting("sourcePayloadFormat", format);
		}

		/**
		 * Label the topic.
		 * @param group the label's group
		 * @param name the label's name
		 * @return this builder
		 */
		public Builder label(String group, String name) {
			Assert.notNull(group, "'group' must not be null");
			Assert.notNull(name, "'name' must not be null");
			this.settings.put("label", new String[] { group, name });
			return this;
		}

		/**
		 * Set another documented persistence property, e.g. {@code maxDeliveryRatePerSecond}.
		 * @param name the property
		 * @param value a string, boolean or whole number
		 * @return this builder
		 */
		public Builder setting(String name, Object value) {
			Assert.hasText(name, "'name' must not be empty");
			Assert.isTrue(!"topic".equals(name), "The topic is the argument of configureTopic");
			if (value instanceof Number number && !(value instanceof Double) && !(value instanceof Float)) {
				this.settings.put(name, number.longValue());
			}
			else {
				Assert.isTrue(value instanceof String || value instanceof Boolean,
						"'value' must be a string, a boolean or a whole number");
				this.settings.put(name, value);
			}
			return this;
		}

		/**
		 * Build the settings.
		 * @return the settings
		 */
		public MqTopicSettings build() {
			return new MqTopicSettings(this.settings);
		}

	}

}
