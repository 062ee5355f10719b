package io.github.faircomclient.core;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Waits between two attempts of a call. The default blocks the calling thread; tests
 * replace it to record the waits instead of sleeping.
 */
@FunctionalInterface
public interface BackoffSleeper {

	/**
	 * Blocks the calling thread with {@link TimeUnit#sleep(long)}.
	 */
	BackoffSleeper THREAD_SLEEP = (duration) -> TimeUnit.NANOSECONDS.sleep(duration.toNanos());

	/**
	 * Wait for the given time.
	 * @param duration how long to wait, zero or positive
	 * @throws InterruptedException if the thread is interrupted while waiting; the call
	 * then ends with its last failure
	 */
	void sleep(Duration duration) throws InterruptedException;

}
