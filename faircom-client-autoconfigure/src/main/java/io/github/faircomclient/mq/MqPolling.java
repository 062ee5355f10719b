package io.github.faircomclient.mq;

import java.time.Duration;

import org.springframework.util.Assert;

/**
 * Adaptive polling: poll again after {@link #minInterval()} while reads return messages,
 * and stretch the pause by {@link #multiplier()} after every empty read, up to
 * {@link #maxInterval()}.
 *
 * @param minInterval the pause after a read that returned messages
 * @param maxInterval the longest pause
 * @param multiplier how much each empty read stretches the pause, at least 1
 */
public record MqPolling(Duration minInterval, Duration maxInterval, double multiplier) {

	/**
	 * Polling from 10 ms to 1 s, doubling.
	 */
	public static final MqPolling DEFAULT = new MqPolling(Duration.ofMillis(10), Duration.ofSeconds(1), 2.0);

	/**
	 * Create polling settings.
	 */
	public MqPolling {
		Assert.notNull(minInterval, "'minInterval' must not be null");
		Assert.notNull(maxInterval, "'maxInterval' must not be null");
		Assert.isTrue(!minInterval.isNegative(), "'minInterval' must not be negative");
		Assert.isTrue(maxInterval.compareTo(minInterval) >= 0, "'maxInterval' must not be below 'minInterval'");
		Assert.isTrue(multiplier >= 1.0 && !Double.isInfinite(multiplier), "'multiplier' must be at least 1");
	}

	/**
	 * Return the pause before the next read.
	 * @param current the pause before the read that just ended
	 * @param gotMessages whether it returned messages
	 * @return the next pause
	 */
	public Duration next(Duration current, boolean gotMessages) {
		if (gotMessages) {
			return this.minInterval;
		}
		long base = Math.max(1, current.toNanos());
		double stretched = base * this.multiplier;
		long nanos = (stretched >= this.maxInterval.toNanos()) ? this.maxInterval.toNanos() : (long) stretched;
		return Duration.ofNanos(Math.max(nanos, this.minInterval.toNanos()));
	}

}
