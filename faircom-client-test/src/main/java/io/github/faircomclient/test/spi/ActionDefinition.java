package io.github.faircomclient.test.spi;

import java.util.Locale;
import java.util.Objects;

/**
 * A registered action: where it lives (api, action name), its handler, and how the envelope treats it.
 * Immutable; build with {@link #builder(String, String, ActionHandler)}.
 */
public final class ActionDefinition {

	private final String api;

	private final String action;

	private final ActionHandler handler;

	private final boolean requiresSession;

	private final boolean availableInEveryApi;

	private final DebugInfoPolicy debugInfoPolicy;

	private ActionDefinition(Builder builder) {
		this.api = builder.api;
		this.action = builder.action;
		this.handler = builder.handler;
		this.requiresSession = builder.requiresSession;
		this.availableInEveryApi = builder.availableInEveryApi;
		this.debugInfoPolicy = builder.debugInfoPolicy;
	}

	/**
	 * Starts a definition of an action that needs a session, with the standard debugInfo policy.
	 * @param api the api, e.g. {@code db} (case-insensitive)
	 * @param action the action name in its documented spelling, e.g. {@code listDatabases}
	 * @param handler runs the action
	 * @return a builder
	 */
	public static Builder builder(String api, String action, ActionHandler handler) {
		return new Builder(api, action, handler);
	}

	/**
	 * The api, lower case.
	 * @return the api
	 */
	public String api() {
		return this.api;
	}

	/**
	 * The action name in its documented spelling.
	 * @return the action
	 */
	public String action() {
		return this.action;
	}

	/**
	 * The handler.
	 * @return the handler
	 */
	public ActionHandler handler() {
		return this.handler;
	}

	/**
	 * Whether a live session is needed; without one the emulator answers the profile's invalid-session
	 * answer before the handler runs.
	 * @return {@code true} if a session is required
	 */
	public boolean requiresSession() {
		return this.requiresSession;
	}

	/**
	 * Whether the action also answers under every other api.
	 * @return {@code true} for the session actions
	 */
	public boolean availableInEveryApi() {
		return this.availableInEveryApi;
	}

	/**
	 * When the envelope carries {@code debugInfo}.
	 * @return the policy
	 */
	public DebugInfoPolicy debugInfoPolicy() {
		return this.debugInfoPolicy;
	}

	@Override
	public String toString() {
		return this.api + "/" + this.action;
	}

	/**
	 * When the response envelope carries {@code debugInfo}.
	 */
	public enum DebugInfoPolicy {

		/**
		 * When debug is not {@code none}, on every error, and whenever there are warnings.
		 */
		STANDARD,

		/**
		 * Only on errors of requests whose debug is not {@code none} (pingSession as documented); such
		 * actions also echo the token only on errors.
		 */
		ERRORS_WHEN_DEBUGGING

	}

	/**
	 * Builds an {@link ActionDefinition}.
	 */
	public static final class Builder {

		private final String api;

		private final String action;

		private final ActionHandler handler;

		private boolean requiresSession = true;

		private boolean availableInEveryApi;

		private DebugInfoPolicy debugInfoPolicy = DebugInfoPolicy.STANDARD;

		private Builder(String api, String action, ActionHandler handler) {
			this.api = Objects.requireNonNull(api, "api").trim().toLowerCase(Locale.ROOT);
			this.action = Objects.requireNonNull(action, "action").trim();
			this.handler = Objects.requireNonNull(handler, "handler");
			if (this.api.isEmpty() || this.action.isEmpty()) {
				throw new IllegalArgumentException("api and action must not be empty");
			}
		}

		/**
		 * Whether the action needs a live session (default {@code true}).
		 * @param requiresSession the flag
		 * @return this builder
		 */
		public Builder requiresSession(boolean requiresSession) {
			this.requiresSession = requiresSession;
			return this;
		}

		/**
		 * Whether the action answers under every api (default {@code false}).
		 * @param availableInEveryApi the flag
		 * @return this builder
		 */
		public Builder availableInEveryApi(boolean availableInEveryApi) {
			this.availableInEveryApi = availableInEveryApi;
			return this;
		}

		/**
		 * When the envelope carries {@code debugInfo} (default {@link DebugInfoPolicy#STANDARD}).
		 * @param policy the policy
		 * @return this builder
		 */
		public Builder debugInfoPolicy(DebugInfoPolicy policy) {
			this.debugInfoPolicy = Objects.requireNonNull(policy, "policy");
			return this;
		}

		/**
		 * Builds the definition.
		 * @return the definition
		 */
		public ActionDefinition build() {
			return new ActionDefinition(this);
		}

	}

}
