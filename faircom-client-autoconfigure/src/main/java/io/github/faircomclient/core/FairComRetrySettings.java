package io.github.faircomclient.core;

import java.time.Duration;

import org.springframework.util.Assert;

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

		private boolean enabled = true;

		private int maxAttempts = 3;

		private Duration initialBackoff = Duration.ofMillis(100);

		private Duration maxBackoff = Duration.ofSeconds(2);

		private double multiplier = 2.0;

		private Duration maxRetryAfter = Duration.ofSeconds(10);

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
		 * session included. 1 also stops the replay after an expired session.
		 * @param maxAttempts at least 1
		 * @return this builder
		 */
		public Builder maxAttempts(int maxAttempts) {
			Assert.isTrue(maxAttempts >= 1, "'maxAttempts' must be at least 1");
			this.maxAttempts = maxAttempts;
			return this;
		}

		/**
		 * Set the upper bound of the first wait.
		 * @param initialBackoff a positive duration
		 * @return this builder
		 */
		public Builder initialBackoff(Duration initialBackoff) {
			Assert.isTrue(initialBackoff != null && !initialBackoff.isNegative() && !initialBackoff.isZero(),
					"'initialBackoff' must be positive");
			this.initialBackoff = initialBackoff;
			return this;
		}

		/**
		 * Set the largest upper bound of a wait.
		 * @param maxBackoff a positive duration, not below the initial backoff
		 * @return this builder
		 */
		public Builder maxBackoff(Duration maxBackoff) {
			Assert.isTrue(maxBackoff != null && !maxBackoff.isNegative() && !maxBackoff.isZero(),
					"'maxBackoff' must be positive");
			this.maxBackoff = maxBackoff;
			return this;
		}

		/**
		 * Set the factor by which the upper bound of the wait grows per retry.
		 * @param multiplier at least 1
		 * @return this builder
		 */
		public Builder multiplier(double multiplier) {
			Assert.isTrue(multiplier >= 1.0 && Double.isFinite(multiplier), "'multiplier' must be at least 1");
			this.multiplier = multiplier;
			return this;
		}

		/**
		 * Set the longest {@code Retry-After} to wait for.
		 * @param maxRetryAfter zero or positive; zero never waits for a Retry-After
		 * @return this builder
		 */
		public Builder maxRetryAfter(Duration maxRetryAfter) {
			Assert.isTrue(maxRetryAfter != null && !maxRetryAfter.isNegative(),
					"'maxRetryAfter' must not be negative");
			this.maxRetryAfter = maxRetryAfter;
			return this;
		}

		/**
		 * Build the settings.
		 * @return the settings
		 * @throws IllegalStateException if the maximum backoff is below the initial one
		 */
		public FairComRetrySettings build() {
			Assert.state(this.maxBackoff.compareTo(this.initialBackoff) >= 0,
					"'maxBackoff' must not be below 'initialBackoff'");
			return new FairComRetrySettings(this);
		}

	}

}
