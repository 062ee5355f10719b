package io.github.faircomclient.test.mq;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;

/**
 * Counts events and how many happened within the last minutes, for session statistics. Keeps the
 * instants of the last hour (at most {@value #MAX_KEPT}); not thread-safe (used under the broker's
 * lock).
 */
final class RateCounter {

	static final int MAX_KEPT = 1_000_000;

	private static final Duration KEPT = Duration.ofHours(1);

	private final ArrayDeque<Instant> recent = new ArrayDeque<>();

	private long total;

	void record(Instant when, int count) {
		this.total += count;
		for (int i = 0; i < count; i++) {
			if (this.recent.size() == MAX_KEPT) {
				this.recent.removeFirst();
			}
			this.recent.addLast(when);
		}
	}

	long total() {
		return this.total;
	}

	/**
	 * Events within the given time before now (both ends included).
	 */
	long within(Instant now, Duration window) {
		Instant from = now.minus(window);
		Instant oldestKept = now.minus(KEPT);
		while (!this.recent.isEmpty() && this.recent.peekFirst().isBefore(oldestKept)) {
			this.recent.removeFirst();
		}
		long count = 0;
		for (var iterator = this.recent.descendingIterator(); iterator.hasNext();) {
			if (iterator.next().isBefore(from)) {
				break;
			}
			count++;
		}
		return count;
	}

}
