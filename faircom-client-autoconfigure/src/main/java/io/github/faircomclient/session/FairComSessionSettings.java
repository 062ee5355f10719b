package io.github.faircomclient.session;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Immutable settings sent with {@code createSession}. Unset values leave the server's
 * defaults in place.
 */
public final class FairComSessionSettings {

	private static final Duration NEVER = Duration.ofSeconds(-1);

	private static final FairComSessionSettings DEFAULTS = builder().build();

	private final @Nullable String description;

	private final @Nullable Duration idleTimeout;

	private final @Nullable Duration cursorIdleTimeout;

	private final @Nullable String defaultApi;

	private final @Nullable String defaultDatabase;

	private final @Nullable String defaultOwner;

	private FairComSessionSettings(Builder builder) {
		this.description = builder.description;
		this.idleTimeout = builder.idleTimeout;
		this.cursorIdleTimeout = builder.cursorIdleTimeout;
		this.defaultApi = builder.defaultApi;
		this.defaultDatabase = builder.defaultDatabase;
		this.defaultOwner = builder.defaultOwner;
	}

	/**
	 * Return settings that leave every server default in place.
	 * @return the default settings
	 */
	public static FairComSessionSettings defaults() {
		return DEFAULTS;
	}

	/**
	 * Return a new builder.
	 * @return the builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Return the description shown to administrators in {@code listSessions}.
	 * @return the description or {@code null}
	 */
	public @Nullable String getDescription() {
		return this.description;
	}

	/**
	 * Return the requested idle timeout ({@code idleConnectionTimeoutSeconds}).
	 * @return the idle timeout, {@link Duration#ZERO} for never, or {@code null} for the
	 * server's default
	 */
	public @Nullable Duration getIdleTimeout() {
		return this.idleTimeout;
	}

	/**
	 * Return the requested cursor idle timeout ({@code idleCursorTimeoutSeconds}).
	 * @return the cursor idle timeout, {@code -1} second for never, or {@code null} for
	 * the server's default
	 */
	public @Nullable Duration getCursorIdleTimeout() {
		return this.cursorIdleTimeout;
	}

	/**
	 * Return the api used when an action names none ({@code defaultApi}).
	 * @return the default api or {@code null}
	 */
	public @Nullable String getDefaultApi() {
		return this.defaultApi;
	}

	/**
	 * Return the database used when an action names none ({@code defaultDatabaseName}).
	 * @return the default database or {@code null}
	 */
	public @Nullable String getDefaultDatabase() {
		return this.defaultDatabase;
	}

	/**
	 * Return the owner used when an action names none ({@code defaultOwnerName}).
	 * @return the default owner or {@code null}
	 */
	public @Nullable String getDefaultOwner() {
		return this.defaultOwner;
	}

	/**
	 * Builder for {@link FairComSessionSettings}.
	 */
	public static final class Builder {

		private @Nullable String description;

		private @Nullable Duration idleTimeout;

		private @Nullable Duration cursorIdleTimeout;

		private @Nullable String defaultApi;

		private @Nullable String defaultDatabase;

		private @Nullable String defaultOwner;

		private Builder() {
		}

		/**
		 * Set the description shown to administrators.
		 * @param description the description or {@code null}
		 * @return this builder
		 */
		public Builder description(@Nullable String description) {
			this.description = description;
			return this;
		}

		/**
		 * Set the idle timeout of the session, in whole seconds.
		 * @param idleTimeout zero for never, or a positive duration; {@code null} for the
		 * server's default
		 * @return this builder
		 */
		public Builder idleTimeout(@Nullable Duration idleTimeout) {
			Assert.isTrue(idleTimeout == null || !idleTimeout.isNegative(),
					"'idleTimeout' must be zero (never) or positive");
			this.idleTimeout = idleTimeout;
			return this;
		}

		/**
		 * Set the idle timeout of the session's cursors, in whole seconds.
		 * @param cursorIdleTimeout {@code -1} second for never, zero or a positive
		 * duration; {@code null} for the server's default
		 * @return this builder
		 */
		public Builder cursorIdleTimeout(@Nullable Duration cursorIdleTimeout) {
			Assert.isTrue(cursorIdleTimeout == null || !cursorIdleTimeout.isNegative()
					|| cursorIdleTimeout.equals(NEVER), "'cursorIdleTimeout' must be -1 s (never), zero or positive");
			this.cursorIdleTimeout = cursorIdleTimeout;
			return this;
		}

		/**
		 * Set the api used when an action names none.
		 * @param defaultApi the api or {@code null}
		 * @return this builder
		 */
		public Builder defaultApi(@Nullable String defaultApi) {
			this.defaultApi = defaultApi;
			return this;
		}

		/**
		 * Set the database used when an action names none.
		 * @param defaultDatabase the database or {@code null}
		 * @return this builder
		 */
		public Builder defaultDatabase(@Nullable String defaultDatabase) {
			this.defaultDatabase = defaultDatabase;
			return this;
		}

		/**
		 * Set the owner used when an action names none.
		 * @param defaultOwner the owner or {@code null}
		 * @return this builder
		 */
		public Builder defaultOwner(@Nullable String defaultOwner) {
			this.defaultOwner = defaultOwner;
			return this;
		}

		/**
		 * Build the settings.
		 * @return the settings
		 */
		public FairComSessionSettings build() {
			return new FairComSessionSettings(this);
		}

	}

}
