package io.github.faircomclient.admin;

import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The settings {@link AdminOperations#alterSession} changes; settings left unset keep their
 * value. Immutable; create with {@link #builder()}.
 */
public final class SessionChanges {

	private final ObjectNode params;

	private SessionChanges(ObjectNode params) {
		this.params = params;
	}

	/**
	 * Return a builder without changes.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	ObjectNode toParams() {
		return this.params.deepCopy();
	}

	@Override
	public String toString() {
		return "SessionChanges" + this.params;
	}

	/**
	 * Builder for {@link SessionChanges}.
	 */
	public static final class Builder {

		private final ObjectNode params = JsonNodeFactory.instance.objectNode();

		private Builder() {
		}

		/**
		 * Change the description shown to administrators.
		 * @param description the description
		 * @return this builder
		 */
		public Builder description(String description) {
			return put("description", description);
		}

		/**
		 * Change the api of actions that name none.
		 * @param defaultApi e.g. {@code db}
		 * @return this builder
		 */
		public Builder defaultApi(String defaultApi) {
			return put("defaultApi", defaultApi);
		}

		/**
		 * Change the debug level of actions that name none.
		 * @param defaultDebug {@code none} or {@code max}
		 * @return this builder
		 */
		public Builder defaultDebug(String defaultDebug) {
			return put("defaultDebug", defaultDebug);
		}

		/**
		 * Change the database of actions that name none.
		 * @param defaultDatabaseName the database
		 * @return this builder
		 */
		public Builder defaultDatabaseName(String defaultDatabaseName) {
			return put("defaultDatabaseName", defaultDatabaseName);
		}

		/**
		 * Change the owner of actions that name none.
		 * @param defaultOwnerName the owner
		 * @return this builder
		 */
		public Builder defaultOwnerName(String defaultOwnerName) {
			return put("defaultOwnerName", defaultOwnerName);
		}

		/**
		 * Change the binary format of actions that name none.
		 * @param defaultBinaryFormat e.g. {@code hex}
		 * @return this builder
		 */
		public Builder defaultBinaryFormat(String defaultBinaryFormat) {
			return put("defaultBinaryFormat", defaultBinaryFormat);
		}

		/**
		 * Change the variant format of actions that name none.
		 * @param defaultVariantFormat e.g. {@code json}
		 * @return this builder
		 */
		public Builder defaultVariantFormat(String defaultVariantFormat) {
			return put("defaultVariantFormat", defaultVariantFormat);
		}

		/**
		 * Change the response options of actions that send none.
		 * @param defaultResponseOptions e.g. {@code numberFormat}, {@code dataFormat}
		 * @return this builder
		 */
		public Builder defaultResponseOptions(Map<String, ?> defaultResponseOptions) {
			Assert.notNull(defaultResponseOptions, "'defaultResponseOptions' must not be null");
			ObjectNode options = this.params.putObject("defaultResponseOptions");
			defaultResponseOptions.forEach((name, value) -> options.putPOJO(name, value));
			return this;
		}

		/**
		 * Change the idle time after which the session expires.
		 * @param idleTimeout zero (never) or positive, in whole seconds
		 * @return this builder
		 */
		public Builder idleConnectionTimeout(Duration idleTimeout) {
			Assert.isTrue(idleTimeout != null && !idleTimeout.isNegative(), "'idleTimeout' must be zero or positive");
			this.params.put("idleConnectionTimeoutSeconds", idleTimeout.toSeconds());
			return this;
		}

		/**
		 * Change the idle time after which a cursor closes.
		 * @param idleTimeout -1 second (never), zero or positive, in whole seconds
		 * @return this builder
		 */
		public Builder idleCursorTimeout(Duration idleTimeout) {
			Assert.isTrue(idleTimeout != null && idleTimeout.toSeconds() >= -1,
					"'idleTimeout' must be -1 s (never), zero or positive");
			this.params.put("idleCursorTimeoutSeconds", idleTimeout.toSeconds());
			return this;
		}

		private Builder put(String name, @Nullable String value) {
			Assert.hasText(value, () -> "'" + name + "' must not be empty");
			this.params.put(name, value);
			return this;
		}

		/**
		 * Build the changes.
		 * @return the changes
		 * @throws IllegalStateException if nothing changes
		 */
		public SessionChanges build() {
			Assert.state(!this.params.isEmpty(), "alterSession needs at least one change");
			return new SessionChanges(this.params.deepCopy());
		}

	}

}
