package io.github.faircomclient.admin;

import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

import io.github.faircomclient.session.FairComSessionSettings;

import tools.jackson.databind.node.ObjectNode;

/**
 * The settings {@link AdminOperations#alterSession} changes; settings left unset keep their
 * value. The same settings, names and rounding as the {@link FairComSessionSettings} a
 * template logs in with (durations in whole seconds, rounded up). Immutable; create with
 * {@link #builder()}.
 */
public final class SessionChanges {

	private final FairComSessionSettings settings;

	private SessionChanges(FairComSessionSettings settings) {
		this.settings = settings;
	}

	/**
	 * Return a builder without changes.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Return the changes as session settings.
	 * @return the settings, unset where nothing changes
	 */
	public FairComSessionSettings getSettings() {
		return this.settings;
	}

	ObjectNode toParams() {
		return this.settings.toParams();
	}

	@Override
	public String toString() {
		return "SessionChanges" + this.settings.toParams();
	}

	/**
	 * Builder for {@link SessionChanges}; each method is the one of
	 * {@link FairComSessionSettings.Builder} of the same name.
	 */
	public static final class Builder {

		private final FairComSessionSettings.Builder settings = FairComSessionSettings.builder();

		private Builder() {
		}

		/**
		 * Change the description shown to administrators.
		 * @param description the description
		 * @return this builder
		 */
		public Builder description(@Nullable String description) {
			this.settings.description(description);
			return this;
		}

		/**
		 * Change the idle time after which the session expires.
		 * @param idleTimeout zero (never) or positive
		 * @return this builder
		 */
		public Builder idleTimeout(@Nullable Duration idleTimeout) {
			this.settings.idleTimeout(idleTimeout);
			return this;
		}

		/**
		 * Change the idle time after which a cursor closes.
		 * @param cursorIdleTimeout {@link FairComSessionSettings#NEVER}, zero or positive
		 * @return this builder
		 */
		public Builder cursorIdleTimeout(@Nullable Duration cursorIdleTimeout) {
			this.settings.cursorIdleTimeout(cursorIdleTimeout);
			return this;
		}

		/**
		 * Change the api of actions that name none.
		 * @param defaultApi e.g. {@code db}
		 * @return this builder
		 */
		public Builder defaultApi(@Nullable String defaultApi) {
			this.settings.defaultApi(defaultApi);
			return this;
		}

		/**
		 * Change the database of actions that name none.
		 * @param defaultDatabase the database
		 * @return this builder
		 */
		public Builder defaultDatabase(@Nullable String defaultDatabase) {
			this.settings.defaultDatabase(defaultDatabase);
			return this;
		}

		/**
		 * Change the owner of actions that name none.
		 * @param defaultOwner the owner
		 * @return this builder
		 */
		public Builder defaultOwner(@Nullable String defaultOwner) {
			this.settings.defaultOwner(defaultOwner);
			return this;
		}

		/**
		 * Change the debug level of actions that ask for none.
		 * @param defaultDebug {@code none} or {@code max}
		 * @return this builder
		 */
		public Builder defaultDebug(@Nullable String defaultDebug) {
			this.settings.defaultDebug(defaultDebug);
			return this;
		}

		/**
		 * Change the binary format of actions that name none.
		 * @param defaultBinaryFormat e.g. {@code hex}
		 * @return this builder
		 */
		public Builder defaultBinaryFormat(@Nullable String defaultBinaryFormat) {
			this.settings.defaultBinaryFormat(defaultBinaryFormat);
			return this;
		}

		/**
		 * Change the variant format of actions that name none.
		 * @param defaultVariantFormat e.g. {@code json}
		 * @return this builder
		 */
		public Builder defaultVariantFormat(@Nullable String defaultVariantFormat) {
			this.settings.defaultVariantFormat(defaultVariantFormat);
			return this;
		}

		/**
		 * Change the response options of actions that send none.
		 * @param defaultResponseOptions e.g. {@code numberFormat}, {@code dataFormat}
		 * @return this builder
		 */
		public Builder defaultResponseOptions(@Nullable Map<String, ?> defaultResponseOptions) {
			this.settings.defaultResponseOptions(defaultResponseOptions);
			return this;
		}

		/**
		 * Build the changes.
		 * @return the changes
		 * @throws IllegalStateException if nothing changes
		 */
		public SessionChanges build() {
			FairComSessionSettings built = this.settings.build();
			Assert.state(!built.toParams().isEmpty(), "alterSession needs at least one change");
			return new SessionChanges(built);
		}

	}

}
