package io.github.faircomclient.core;

import java.time.Duration;

import io.github.faircomclient.FairComConfigurationException;

/**
 * How a {@link FairComTemplate} retries a call. Immutable; create with
 * {@link #defaults()}, {@link #disabled()} or {@link #builder()}.
 * <p>
 * Every call has one budget of {@linkplain #getMaxAttempts() attempts}, shared by the
 * retries after failures and by the replay on a new session after the server reported the
 * session gone, so a call is never sent more often than that. Between retries the
 * template waits an exponential backoff with full jitter: a random time between zero and
 * {@code min(maxBackoff, initialBackoff * multiplier^(retry - 1))}, or at least what a
 * {@code Retry-After} header asked for. Retries and waits also stay within the call
 * timeout: a wait that would not leave time for another attempt ends the call with the
 * last failure instead.
 * <p>
 * With retries {@linkplain #isEnabled() disabled}, failures are never retried, but a call
 * whose session expired is still replayed once on a new session.
 */
public final class FairComRetrySettings {

	/**
	 * Default of whether failed calls are retried.
	 */
	public static final boolean DEFAULT_ENABLED = true;

	/**
	 * Default most times one call is sent.
	 */
	public static final int DEFAULT_MAX_ATTEMPTS = 3;

	/**
	 * Default upper bound of the wait before the first retry.
	 */
	public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(100);

	/**
	 * Default largest upper bound of a wait.
	 */
	public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(2);

	/**
	 * Default growth of the upper bound per retry.
	 */
	public static final double DEFAULT_MULTIPLIER = 2.0;

	/**
	 * Default longest {@code Retry-After} waited for.
	 */
	public static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofSeconds(10);

	private static final FairComRetrySettings DEFAULTS = builder().build();

	private final boolean enabled;

	private final int maxAttempts;

	private final Duration initialBackoff;

	private final Duration maxBackoff;

	private final double multiplier;

	private final Duration maxRetryAfter;

	private FairComRetrySettings(Builder builder) {
		this.enabled = builder.enabled;
		this.maxAttempts = builder.maxAttempts;
		this.initialBackoff = builder.initialBackoff;
		this.maxBackoff = builder.maxBackoff;
		this.multiplier = builder.multiplier;
		this.maxRetryAfter = builder.maxRetryAfter;
	}

	/**
	 * Return the default settings: enabled, 3 attempts, backoff from 100 ms doubling up to
	 * 2 s, {@code Retry-After} honoured up to 10 s.
	 * @return the defaults
	 */
	public static FairComRetrySettings defaults() {
		return DEFAULTS;
	}

	/**
	 * Return settings that never retry a failure (an expired session is still replayed
	 * once).
	 * @return settings with retries switched off
	 */
	public static FairComRetrySettings disabled() {
		return builder().enabled(false).build();
	}

	/**
	 * Return a builder starting from the defaults.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Return whether failed calls are retried.
	 * @return whether retries are enabled
	 */
	public boolean isEnabled() {
		return this.enabled;
	}

	/**
	 * Return the most times one call is sent, the first time included.
	 * @return the attempts per call
	 */
	public int getMaxAttempts() {
		return this.maxAttempts;
	}

	/**
	 * Return the attempts a call actually has: {@link #getMaxAttempts()} when enabled,
	 * otherwise two (the call and one replay on a new session).
	 * @return the attempts per call in effect
	 */
	public int getEffectiveMaxAttempts() {
		return (this.enabled) ? this.maxAttempts : 2;
	}

	/**
	 * Return the upper bound of the first wait.
	 * @return the initial backoff
	 */
	public Duration getInitialBackoff() {
		return this.initialBackoff;
	}

	/**
	 * Return the largest upper bound of a wait.
	 * @return the maximum backoff
	 */
	public Duration getMaxBackoff() {
		return this.maxBackoff;
	}

	/**
	 * Return the factor by which the upper bound of the wait grows per retry.
	 * @return the multiplier
	 */
	public double getMultiplier() {
		return this.multiplier;
	}

	/**
	 * Return the longest {@code Retry-After} the template waits for; an answer asking for
	 * longer ends the call at once.
	 * @return the maximum honoured Retry-After
	 */
	public Duration getMaxRetryAfter() {
		return this.maxRetryAfter;
	}

	/**
	 * Return the upper bound of the wait before the given retry, before jitter.
	 * @param retry the retry, 1 for the first
	 * @return the backoff bound
	 */
	public Duration backoffBound(int retry) {
		double nanos = this.initialBackoff.toNanos() * Math.pow(this.multiplier, Math.max(0, retry - 1));
		long max = this.maxBackoff.toNanos();
		return Duration.ofNanos((nanos >= max || Double.isNaN(nanos)) ? max : (long) nanos);
	}

	@Override
	public String toString() {
		return "FairComRetrySettings[enabled=" + this.enabled + ", maxAttempts=" + this.maxAttempts
				+ ", initialBackoff=" + this.initialBackoff + ", maxBackoff=" + this.maxBackoff + ", multiplier="
				+ this.multiplier + ", maxRetryAfter=" + this.maxRetryAfter + "]";
	}

	/**
	 * Builder for {@link FairComRetrySettings}.
	 */
	public static final class Builder {

		private boolean enabled = DEFAULT_ENABLED;

		private int maxAttempts = DEFAULT_MAX_ATTEMPTS;

		private Duration initialBackoff = DEFAULT_INITIAL_BACKOFF;

		private Duration maxBackoff = DEFAULT_MAX_BACKOFF;

		private double multiplier = DEFAULT_MULTIPLIER;

		private Duration maxRetryAfter = DEFAULT_MAX_RETRY_AFTER;

		private Builder() {
		}

		/**
		 * Set whether failed calls are retried.
		 * @param enabled whether retries are enabled
		 * @return this builder
		 */
		public Builder enabled(boolean enabled) {
			this.enabled = enabled;
			return this;
		}

		/**
		 * Set the most times one call is sent, the first time and any replay on a new
		 * session included ({@code faircom.retry.max-attempts}). 1 also stops the replay
		 * after an expired session.
		 * @param maxAttempts at least 1
		 * @return this builder
		 */
		public Builder maxAttempts(int maxAttempts) {
			this.maxAttempts = (int) FairComConfigurationException.requireAtLeast("faircom.retry.max-attempts",
					maxAttempts, 1, "3 (1 sends each call once, without retries or a replay)");
			return this;
		}

		/**
		 * Set the upper bound of the first wait ({@code faircom.retry.initial-backoff}).
		 * @param initialBackoff a positive duration
		 * @return this builder
		 */
		public Builder initialBackoff(Duration initialBackoff) {
			this.initialBackoff = FairComConfigurationException.requirePositive("faircom.retry.initial-backoff",
					initialBackoff, "100ms");
			return this;
		}

		/**
		 * Set the largest upper bound of a wait ({@code faircom.retry.max-backoff}).
		 * @param maxBackoff a positive duration, not below the initial backoff
		 * @return this builder
		 */
		public Builder maxBackoff(Duration maxBackoff) {
			this.maxBackoff = FairComConfigurationException.requirePositive("faircom.retry.max-backoff", maxBackoff,
					"2s");
			return this;
		}

		/**
		 * Set the factor by which the upper bound of the wait grows per retry
		 * ({@code faircom.retry.multiplier}).
		 * @param multiplier at least 1
		 * @return this builder
		 */
		public Builder multiplier(double multiplier) {
			if (!(multiplier >= 1.0) || !Double.isFinite(multiplier)) {
				throw new FairComConfigurationException("faircom.retry.multiplier", multiplier,
						"it must be a number of at least 1",
						"Set faircom.retry.multiplier to 1 or more, for example 2.");
			}
			this.multiplier = multiplier;
			return this;
		}

		/**
		 * Set the longest {@code Retry-After} to wait for
		 * ({@code faircom.retry.max-retry-after}).
		 * @param maxRetryAfter zero or positive; zero never waits for a Retry-After
		 * @return this builder
		 */
		public Builder maxRetryAfter(Duration maxRetryAfter) {
			if (maxRetryAfter == null || maxRetryAfter.isNegative()) {
				throw new FairComConfigurationException("faircom.retry.max-retry-after", maxRetryAfter,
						"it must be 0 (never wait for a Retry-After) or positive",
						"Set faircom.retry.max-retry-after to 0 or a positive duration, for example 10s.");
			}
			this.maxRetryAfter = maxRetryAfter;
			return this;
		}

		/**
		 * Build the settings.
		 * @return the settings
		 * @throws FairComConfigurationException if the maximum backoff is below the initial
		 * one
		 */
		public FairComRetrySettings build() {
			if (this.maxBackoff.compareTo(this.initialBackoff) < 0) {
				throw new FairComConfigurationException("faircom.retry.max-backoff", this.maxBackoff,
						"it is below faircom.retry.initial-backoff ("
								+ FairComConfigurationException.display(this.initialBackoff) + ")",
						"Raise faircom.retry.max-backoff or lower faircom.retry.initial-backoff.");
			}
			return new FairComRetrySettings(this);
		}

	}

}
