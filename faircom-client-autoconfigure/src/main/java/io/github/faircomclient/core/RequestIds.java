package io.github.faircomclient.core;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Generates compact {@code requestId}s, unique per call: a random prefix per template and
 * a counter, both in base 36 (for example {@code k3x9f2q-1a}).
 */
final class RequestIds {

	private final String prefix;

	private final AtomicLong counter = new AtomicLong();

	RequestIds() {
		long random = new SecureRandom().nextLong() & Long.MAX_VALUE;
		String prefix = Long.toString(random, 36);
		this.prefix = prefix.substring(0, Math.min(8, prefix.length()));
	}

	String next() {
		return this.prefix + "-" + Long.toString(this.counter.incrementAndGet(), 36);
	}

}
