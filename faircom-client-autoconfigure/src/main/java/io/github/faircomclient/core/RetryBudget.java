package io.github.faircomclient.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import io.github.faircomclient.FairComException;
import io.github.faircomclient.FairComServerBusyException;

/**
 * The attempts and the time one call has left. Every attempt (a send, or a login the call
 * had to run) uses one attempt; a failed attempt is tried again only if its
 * {@link RetryableFailure} and the action's {@link RetrySafety} allow it, an attempt is
 * left, and the backoff still leaves time before the call's deadline. Not thread-safe:
 * one per call.
 */
final class RetryBudget {

	private static final Log logger = LogFactory.getLog(FairComTemplate.class);

	/**
	 * The least time worth starting another attempt with.
	 */
	static final Duration MIN_ATTEMPT_TIME = Duration.ofMillis(20);

	private final FairComRequest request;

	private final FairComRetrySettings settings;

	private final RetrySafety safety;

	private final BackoffSleeper sleeper;

	private final DoubleSupplier random;

	private final long deadline;

	private final Duration callTimeout;

	private final int maxAttempts;

	private int attempts;

	private int retries;

	private final List<FairComException> failures = new ArrayList<>(2);

	RetryBudget(FairComRequest request, RetrySafety safety, FairComRetrySettings settings, Duration callTimeout,
			BackoffSleeper sleeper, DoubleSupplier random) {
		this.request = request;
		this.safety = safety;
		this.settings = settings;
		this.sleeper = sleeper;
		this.random = random;
		this.callTimeout = callTimeout;
		this.deadline = System.nanoTime() + callTimeout.toNanos();
		this.maxAttempts = settings.getEffectiveMaxAttempts();
	}

	/**
	 * Start an attempt.
	 */
	void startAttempt() {
		this.attempts++;
	}

	/**
	 * Return the number of attempts started.
	 * @return the attempts
	 */
	int attempts() {
		return this.attempts;
	}

	/**
	 * Return the attempts a call may make at most.
	 * @return the maximum attempts
	 */
	int maxAttempts() {
		return this.maxAttempts;
	}

	/**
	 * Return the time the call has left.
	 * @return the remaining time, zero if the deadline has passed
	 */
	Duration remaining() {
		long left = this.deadline - System.nanoTime();
		return (left > 0) ? Duration.ofNanos(left) : Duration.ZERO;
	}

	/**
	 * Return the deadline of the call on the {@link System#nanoTime()} scale.
	 * @return the deadline
	 */
	long deadline() {
		return this.deadline;
	}

	/**
	 * Return the time the next attempt may take: what is left of the call, at least a
	 * millisecond so that an attempt started at the deadline fails as a timeout.
	 * @return the attempt timeout
	 */
	Duration attemptTimeout() {
		Duration remaining = remaining();
		return (remaining.compareTo(Duration.ofMillis(1)) < 0) ? Duration.ofMillis(1) : remaining;
	}

	/**
	 * Return the call timeout the budget started with.
	 * @return the call timeout
	 */
	Duration callTimeout() {
		return this.callTimeout;
	}

	/**
	 * Return whether another attempt may replay the call on a new session.
	 * @return whether an attempt is left
	 */
	boolean canReplay() {
		return this.attempts < this.maxAttempts && remaining().compareTo(MIN_ATTEMPT_TIME) >= 0;
	}

	/**
	 * Decide about a failed send: wait the backoff and return if the call may be sent
	 * again, otherwise throw the failure (with the earlier failures of the call
	 * suppressed).
	 * @param failure the failure of the attempt
	 * @throws FairComException the failure if the call is not retried
	 */
	void retryOrThrow(FairComException failure) {
		retryOrThrow(failure, RetryableFailure.of(failure), false);
	}

	/**
	 * Decide about a failed login the call had to run. Only a login that provably did not
	 * reach the server (no connection, HTTP 429) is tried again, since a lost answer may
	 * have left a session behind; refused credentials never are.
	 * @param failure the failure of the login
	 * @throws FairComException the failure if the login is not retried
	 */
	void retryLoginOrThrow(FairComException failure) {
		RetryableFailure kind = RetryableFailure.of(failure);
		retryOrThrow(failure, (kind == RetryableFailure.NOT_SENT || kind == RetryableFailure.NOT_PROCESSED) ? kind
				: RetryableFailure.FINAL, true);
	}

	private void retryOrThrow(FairComException failure, RetryableFailure kind, boolean login) {
		if (!this.settings.isEnabled() || this.attempts >= this.maxAttempts) {
			throw withEarlierFailures(failure);
		}
		boolean allowed = (login) ? kind != RetryableFailure.FINAL
				: this.safety.allowsRetry(kind, this.request.isIdempotent());
		if (!allowed) {
			throw withEarlierFailures(failure);
		}
		Duration delay = delay(failure);
		if (delay == null || delay.plus(MIN_ATTEMPT_TIME).compareTo(remaining()) > 0) {
			throw withEarlierFailures(failure);
		}
		this.retries++;
		remember(failure);
		if (logger.isDebugEnabled()) {
			logger.debug("Retrying FairCom " + describe() + " (attempt " + (this.attempts + 1) + " of "
					+ this.maxAttempts + ") in " + delay.toMillis() + " ms after: " + failure.getMessage());
		}
		try {
			this.sleeper.sleep(delay);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			failure.addSuppressed(ex);
			throw withEarlierFailures(failure);
		}
	}

	private @Nullable Duration delay(FairComException failure) {
		Duration bound = this.settings.backoffBound(this.retries + 1);
		Duration jittered = Duration.ofNanos((long) (this.random.getAsDouble() * bound.toNanos()));
		if (failure instanceof FairComServerBusyException busy && busy.getRetryAfter() != null) {
			Duration retryAfter = busy.getRetryAfter();
			if (retryAfter.compareTo(this.settings.getMaxRetryAfter()) > 0) {
				return null;
			}
			return (retryAfter.compareTo(jittered) > 0) ? retryAfter : jittered;
		}
		return jittered;
	}

	private void remember(FairComException failure) {
		this.failures.add(failure);
	}

	/**
	 * Attach the failures of earlier attempts to the one that ends the call.
	 * @param failure the last failure
	 * @return the same failure
	 */
	FairComException withEarlierFailures(FairComException failure) {
		for (FairComException earlier : this.failures) {
			if (earlier != failure) {
				failure.addSuppressed(earlier);
			}
		}
		this.failures.clear();
		return failure;
	}

	private String describe() {
		return ((this.request.api() != null) ? this.request.api() + "/" : "") + this.request.action();
	}

}
