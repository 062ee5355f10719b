package io.github.faircomclient.test;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts received actions case-insensitively, reported under the registered spelling (unknown actions
 * under their first-seen spelling).
 */
final class ActionCounter {

	private final Map<String, Counter> counters = new ConcurrentHashMap<>();

	void count(String action, String displayName) {
		this.counters.computeIfAbsent(action.toLowerCase(Locale.ROOT), (key) -> new Counter(displayName)).adder.increment();
	}

	long count(String action) {
		Counter counter = this.counters.get(action.trim().toLowerCase(Locale.ROOT));
		return (counter != null) ? counter.adder.sum() : 0;
	}

	Map<String, Long> snapshot() {
		Map<String, Long> snapshot = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		for (Counter counter : this.counters.values()) {
			long sum = counter.adder.sum();
			if (sum > 0) {
				snapshot.put(counter.displayName, sum);
			}
		}
		return Collections.unmodifiableMap(snapshot);
	}

	void reset() {
		this.counters.clear();
	}

	private static final class Counter {

		final String displayName;

		final LongAdder adder = new LongAdder();

		Counter(String displayName) {
			this.displayName = displayName;
		}

	}

}
