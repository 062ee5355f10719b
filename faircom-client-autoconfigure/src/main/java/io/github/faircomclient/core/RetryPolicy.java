package io.github.faircomclient.core;

import java.time.Duration;
import java.util.function.DoubleSupplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import io.github.faircomclient.FairComException;
import io.github.faircomclient.FairComServerBusyException;

/**
 * Decides whether a failed attempt of a call is tried again, and waits before it does. A
 * failure is tried again only if its kind and the action's {@link RetrySafety} allow it, an
 * attempt is left, and the backoff still leaves time before the call's deadline:
 * <ul>
 * <li>{@code NOT_SENT} and {@code NOT_PROCESSED}: every action but the {@link RetrySafety#NEVER
 * never} ones;</li>
 * <li>{@code ANSWER_LOST}: plain reads, and requests declared idempotent;</li>
 * <li>a login the call had to run: only when it provably did not reach the server;</li>
 * <li>every other kind: never.</li>
 * </ul>
 * Thread-safe.
 */
final class RetryPolicy {

	private static final Log logger = LogFactory.getLog(FairComTemplate.class);

	/**
	 * The least time worth starting another attempt with.
	 */
	static final Duration MIN_ATTEMPT_TIME = Duration.ofMillis(20);

	private final FairComRetrySettings settings;

	private final BackoffSleeper sleeper;

	private final DoubleSupplier random;

	RetryPolicy(FairComRetrySettings settings, BackoffSleeper sleeper, DoubleSupplier random) {
		this.settings = settings;
		this.sleeper = sleeper;
		this.random = random;
	}

	FairComRetrySettings settings() {
		return this.settings;
	}

	/**
	 * Wait the backoff and return if the failed send may be tried again; otherwise throw
	 * the failure, with the earlier failures of the call attached.
	 */
	void retryOrThrow(Call call, FairComException failure) {
		boolean allowed = switch (failure.getFailureKind()) {
			case NOT_SENT, NOT_PROCESSED -> call.safety() != RetrySafety.NEVER;
			case ANSWER_LOST -> call.safety() == RetrySafety.SAFE
					|| (call.safety() == RetrySafety.ON_REQUEST && call.request().isIdempotent());
			default -> false;
		};
		waitOrThrow(call, failure, allowed);
	}

	/**
	 * Wait the backoff and return if the failed login the call had to run may be tried
	 * again: only when it did not reach the server, since a lost answer may have left a
	 * session behind; refused credentials never are.
	 */
	void retryLoginOrThrow(Call call, FairComException failure) {
		boolean allowed = switch (failure.getFailureKind()) {
			case NOT_SENT, NOT_PROCESSED -> true;
			default -> false;
		};
		waitOrThrow(call, failure, allowed);
	}

	/**
	 * Return whether the call may be replayed on a new session: an attempt and enough
	 * time are left.
	 */
	boolean canReplay(Call call) {
		return call.attempts() < this.settings.getEffectiveMaxAttempts() && call.hasTimeFor(MIN_ATTEMPT_TIME);
	}

	private void waitOrThrow(Call call, FairComException failure, boolean allowed) {
		if (!allowed || !this.settings.isEnabled() || call.attempts() >= this.settings.getEffectiveMaxAttempts()) {
			throw call.fail(failure);
		}
		Duration delay = delay(call.retries() + 1, failure);
		if (delay == null || !call.hasTimeFor(delay.plus(MIN_ATTEMPT_TIME))) {
			throw call.fail(failure);
		}
		call.retrying(failure);
		if (logger.isDebugEnabled()) {
			logger.debug("Retrying FairCom " + call.describe() + " (attempt " + (call.attempts() + 1) + " of "
					+ this.settings.getEffectiveMaxAttempts() + ") in " + delay.toMillis() + " ms after: "
					+ failure.getMessage());
		}
		try {
			this.sleeper.sleep(delay);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			failure.addSuppressed(ex);
			throw call.fail(failure);
		}
	}

	/**
	 * The wait before the next attempt: a random part of the backoff bound, or the
	 * {@code Retry-After} asked for if longer; {@code null} if that is longer than allowed.
	 */
	private @Nullable Duration delay(int retry, FairComException failure) {
		Duration bound = this.settings.backoffBound(retry);
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

}
