package io.github.faircomclient.session;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

import io.github.faircomclient.FairComConfigurationException;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Immutable session settings: what {@code createSession} sends when the template logs in,
 * and (as {@link io.github.faircomclient.admin.SessionChanges}) what {@code alterSession}
 * changes. Unset values leave the server's defaults (or the current values) in place.
 * Every session setting FairCom documents for {@code createSession} is here except
 * {@code permanentSession}: a template deletes the sessions it creates when it closes, so
 * permanent sessions (API keys) are created once by an administrator and configured with
 * {@code faircom.session.token}.
 * <p>
 * Durations travel in whole seconds, rounded up, so that a session or cursor never
 * expires sooner than asked.
 */
public final class FairComSessionSettings {

	/**
	 * The cursor idle timeout that means "never".
	 */
	public static final Duration NEVER = Duration.ofSeconds(-1);

	private static final FairComSessionSettings DEFAULTS = builder().build();

	private final @Nullable String description;

	private final @Nullable Duration idleTimeout;

	private final @Nullable Duration cursorIdleTimeout;

	private final @Nullable String defaultApi;

	private final @Nullable String defaultDatabase;

	private final @Nullable String defaultOwner;

	private final @Nullable String defaultDebug;

	private final @Nullable String defaultBinaryFormat;

	private final @Nullable String defaultVariantFormat;

	private final @Nullable Map<String, Object> defaultResponseOptions;

	private FairComSessionSettings(Builder builder) {
		this.description = builder.description;
		this.idleTimeout = builder.idleTimeout;
		this.cursorIdleTimeout = builder.cursorIdleTimeout;
		this.defaultApi = builder.defaultApi;
		this.defaultDatabase = builder.defaultDatabase;
		this.defaultOwner = builder.defaultOwner;
		this.defaultDebug = builder.defaultDebug;
		this.defaultBinaryFormat = builder.defaultBinaryFormat;
		this.defaultVariantFormat = builder.defaultVariantFormat;
		this.defaultResponseOptions = (builder.defaultResponseOptions != null)
				? Collections.unmodifiableMap(new LinkedHashMap<>(builder.defaultResponseOptions)) : null;
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
	 * @return the cursor idle timeout, {@link #NEVER} for never, or {@code null} for the
	 * server's default
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
	 * Return the debug level of actions that ask for none ({@code defaultDebug}).
	 * @return {@code none}, {@code max} or {@code null}
	 */
	public @Nullable String getDefaultDebug() {
		return this.defaultDebug;
	}

	/**
	 * Return the binary format of actions that name none ({@code defaultBinaryFormat}).
	 * @return for example {@code hex}, or {@code null}
	 */
	public @Nullable String getDefaultBinaryFormat() {
		return this.defaultBinaryFormat;
	}

	/**
	 * Return the variant format of actions that name none ({@code defaultVariantFormat}).
	 * @return for example {@code json}, or {@code null}
	 */
	public @Nullable String getDefaultVariantFormat() {
		return this.defaultVariantFormat;
	}

	/**
	 * Return the response options of actions that send none
	 * ({@code defaultResponseOptions}).
	 * @return the options, or {@code null}
	 */
	public @Nullable Map<String, Object> getDefaultResponseOptions() {
		return this.defaultResponseOptions;
	}

	/**
	 * Return the settings as the {@code params} of {@code createSession} and
	 * {@code alterSession}: FairCom's names, durations in whole seconds rounded up, unset
	 * settings left out.
	 * @return a new object holding the params, in FairCom's documented order
	 */
	public ObjectNode toParams() {
		ObjectNode params = JsonNodeFactory.instance.objectNode();
		putIfSet(params, "description", this.description);
		putIfSet(params, "defaultApi", this.defaultApi);
		putIfSet(params, "defaultDebug", this.defaultDebug);
		putIfSet(params, "defaultDatabaseName", this.defaultDatabase);
		putIfSet(params, "defaultOwnerName", this.defaultOwner);
		putIfSet(params, "defaultBinaryFormat", this.defaultBinaryFormat);
		putIfSet(params, "defaultVariantFormat", this.defaultVariantFormat);
		if (this.defaultResponseOptions != null) {
			params.putPOJO("defaultResponseOptions", this.defaultResponseOptions);
		}
		if (this.idleTimeout != null) {
			params.put("idleConnectionTimeoutSeconds", seconds(this.idleTimeout));
		}
		if (this.cursorIdleTimeout != null) {
			params.put("idleCursorTimeoutSeconds", seconds(this.cursorIdleTimeout));
		}
		return params;
	}

	private static void putIfSet(ObjectNode params, String name, @Nullable String value) {
		if (value != null) {
			params.put(name, value);
		}
	}

	private static long seconds(Duration duration) {
		long seconds = duration.getSeconds();
		return (duration.getNano() > 0) ? seconds + 1 : seconds;
	}

	@Override
	public String toString() {
		return "FairComSessionSettings" + toParams();
	}

	/**
	 * Builder for {@link FairComSessionSettings}. Empty texts count as unset.
	 */
	public static final class Builder {

		private @Nullable String description;

		private @Nullable Duration idleTimeout;

		private @Nullable Duration cursorIdleTimeout;

		private @Nullable String defaultApi;

		private @Nullable String defaultDatabase;

		private @Nullable String defaultOwner;

		private @Nullable String defaultDebug;

		private @Nullable String defaultBinaryFormat;

		private @Nullable String defaultVariantFormat;

		private @Nullable Map<String, ?> defaultResponseOptions;

		private Builder() {
		}

		/**
		 * Set the description shown to administrators ({@code faircom.session.description}).
		 * @param description the description or {@code null}
		 * @return this builder
		 */
		public Builder description(@Nullable String description) {
			this.description = textOrNull(description);
			return this;
		}

		/**
		 * Set the idle time after which the server ends the session
		 * ({@code faircom.session.idle-timeout}).
		 * @param idleTimeout zero for never, or a positive duration; {@code null} for the
		 * server's default
		 * @return this builder
		 */
		public Builder idleTimeout(@Nullable Duration idleTimeout) {
			if (idleTimeout != null && idleTimeout.isNegative()) {
				throw new FairComConfigurationException("faircom.session.idle-timeout", idleTimeout,
						"it must be 0 (the session never idles out) or positive",
						"Set faircom.session.idle-timeout to 0 or a positive duration, for example 3600 (seconds).");
			}
			this.idleTimeout = idleTimeout;
			return this;
		}

		/**
		 * Set the idle time after which the server closes the session's cursors
		 * ({@code faircom.session.cursor-idle-timeout}).
		 * @param cursorIdleTimeout {@link #NEVER} (-1 s), zero or a positive duration;
		 * {@code null} for the server's default
		 * @return this builder
		 */
		public Builder cursorIdleTimeout(@Nullable Duration cursorIdleTimeout) {
			if (cursorIdleTimeout != null && cursorIdleTimeout.isNegative() && !cursorIdleTimeout.equals(NEVER)) {
				throw new FairComConfigurationException("faircom.session.cursor-idle-timeout", cursorIdleTimeout,
						"it must be -1 (cursors never idle out), 0 or positive",
						"Set faircom.session.cursor-idle-timeout to -1, 0 or a positive duration, for example 600 "
								+ "(seconds).");
			}
			this.cursorIdleTimeout = cursorIdleTimeout;
			return this;
		}

		/**
		 * Set the api used when an action names none ({@code faircom.session.default-api}).
		 * @param defaultApi the api, for example {@code db}, or {@code null}
		 * @return this builder
		 */
		public Builder defaultApi(@Nullable String defaultApi) {
			this.defaultApi = textOrNull(defaultApi);
			return this;
		}

		/**
		 * Set the database used when an action names none
		 * ({@code faircom.session.default-database}).
		 * @param defaultDatabase the database or {@code null}
		 * @return this builder
		 */
		public Builder defaultDatabase(@Nullable String defaultDatabase) {
			this.defaultDatabase = textOrNull(defaultDatabase);
			return this;
		}

		/**
		 * Set the owner used when an action names none
		 * ({@code faircom.session.default-owner}).
		 * @param defaultOwner the owner or {@code null}
		 * @return this builder
		 */
		public Builder defaultOwner(@Nullable String defaultOwner) {
			this.defaultOwner = textOrNull(defaultOwner);
			return this;
		}

		/**
		 * Set the debug level of actions that ask for none
		 * ({@code faircom.session.default-debug}).
		 * @param defaultDebug {@code none} or {@code max}, or {@code null}
		 * @return this builder
		 */
		public Builder defaultDebug(@Nullable String defaultDebug) {
			this.defaultDebug = textOrNull(defaultDebug);
			return this;
		}

		/**
		 * Set the binary format of actions that name none
		 * ({@code faircom.session.default-binary-format}).
		 * @param defaultBinaryFormat for example {@code hex} or {@code base64}, or
		 * {@code null}
		 * @return this builder
		 */
		public Builder defaultBinaryFormat(@Nullable String defaultBinaryFormat) {
			this.defaultBinaryFormat = textOrNull(defaultBinaryFormat);
			return this;
		}

		/**
		 * Set the variant format of actions that name none
		 * ({@code faircom.session.default-variant-format}).
		 * @param defaultVariantFormat for example {@code json}, or {@code null}
		 * @return this builder
		 */
		public Builder defaultVariantFormat(@Nullable String defaultVariantFormat) {
			this.defaultVariantFormat = textOrNull(defaultVariantFormat);
			return this;
		}

		/**
		 * Set the response options of actions that send none
		 * ({@code faircom.session.default-response-options}).
		 * @param defaultResponseOptions for example {@code numberFormat: string}, or
		 * {@code null}; an empty map counts as unset
		 * @return this builder
		 */
		public Builder defaultResponseOptions(@Nullable Map<String, ?> defaultResponseOptions) {
			if (defaultResponseOptions != null) {
				defaultResponseOptions.forEach((name, value) -> Assert.isTrue(name != null && value != null,
						"'defaultResponseOptions' must not hold null names or values"));
			}
			this.defaultResponseOptions = (defaultResponseOptions == null || defaultResponseOptions.isEmpty()) ? null
					: defaultResponseOptions;
			return this;
		}

		private static @Nullable String textOrNull(@Nullable String text) {
			return (text == null || text.isBlank()) ? null : text;
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
