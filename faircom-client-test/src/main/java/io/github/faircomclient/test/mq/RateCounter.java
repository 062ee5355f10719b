package io.github.faircomclient.test.mq;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * Counts events, in total and per second of the last hour, for session statistics: memory grows with
 * the seconds that had events (at most 3600 entries), not with the events. Not thread-safe (used under
 * the broker's lock).
 */
final class RateCounter {

	private static final long KEPT_SECONDS = 3600;

	/** Pairs {epoch second, events in that second}, oldest first. */
	private final ArrayDeque<long[]> seconds = new ArrayDeque<>();

	private long total;

	void record(Instant when, int count) {
		if (count <= 0) {
			return;
		}
		this.total += count;
		long second = when.getEpochSecond();
		long[] last = this.seconds.peekLast();
		if (last != null && last[0] == second) {
			last[1] += count;
		}
		else {
			this.seconds.addLast(new long[] { second, count });
		}
		trim(second);
	}

	long total() {
		return this.total;
	}

	/**
	 * Events that happened less than {@code window} (in whole seconds) before now.
	 */
	long within(Instant now, Duration window) {
		long nowSecond = now.getEpochSecond();
		trim(nowSecond);
		long count = 0;
		for (Iterator<long[]> iterator = this.seconds.iterator(); iterator.hasNext();) {
			long[] entry = iterator.next();
			long age = nowSecond - entry[0];
			if (age >= 0 && age < window.toSeconds()) {
				count += entry[1];
			}
		}
		return count;
	}

	private void trim(long nowSecond) {
		while (!this.seconds.isEmpty() && nowSecond - this.seconds.peekFirst()[0] >= KEPT_SECONDS) {
			this.seconds.removeFirst();
		}
	}

}
