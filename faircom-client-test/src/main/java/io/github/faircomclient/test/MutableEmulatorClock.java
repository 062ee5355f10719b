package io.github.faircomclient.test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A clock that tests move by hand: {@link #advance(Duration)} and {@link #set(Instant)}. It either stands
 * still between moves ({@link EmulatorClock#fixed(Instant)}) or runs with real time from its start
 * ({@link EmulatorClock#startingAt(Instant)}). Thread-safe.
 */
public final class MutableEmulatorClock implements EmulatorClock {

	private final ReentrantLock lock = new ReentrantLock();

	private final ZoneId zone;

	private final boolean ticking;

	private Instant base;

	private long baseNanos;

	MutableEmulatorClock(Instant start, ZoneId zone, boolean ticking) {
		this.base = Objects.requireNonNull(start, "start");
		this.zone = Objects.requireNonNull(zone, "zone");
		this.ticking = ticking;
		this.baseNanos = System.nanoTime();
	}

	/**
	 * The same kind of clock (ticking or not) reporting timestamps in another zone, starting at this
	 * clock's current instant.
	 * @param zone the zone for session timestamps
	 * @return a new clock
	 */
	public MutableEmulatorClock withZone(ZoneId zone) {
		return new MutableEmulatorClock(now(), zone, this.ticking);
	}

	@Override
	public Instant now() {
		this.lock.lock();
		try {
			return this.ticking ? this.base.plusNanos(System.nanoTime() - this.baseNanos) : this.base;
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public ZoneId zone() {
		return this.zone;
	}

	/**
	 * Moves the clock forward.
	 * @param duration how far; must not be negative
	 * @return the new current instant
	 */
	public Instant advance(Duration duration) {
		if (duration.isNegative()) {
			throw new IllegalArgumentException("Cannot advance the clock by a negative duration " + duration);
		}
		this.lock.lock();
		try {
			this.base = this.base.plus(duration);
			return now();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Moves the clock forward by whole seconds.
	 * @param seconds how far
	 * @return the new current instant
	 */
	public Instant advanceSeconds(long seconds) {
		return advance(Duration.ofSeconds(seconds));
	}

	/**
	 * Sets the clock to an instant (also backwards).
	 * @param instant the new current instant
	 */
	public void set(Instant instant) {
		this.lock.lock();
		try {
			this.base = Objects.requireNonNull(instant, "instant");
			this.baseNanos = System.nanoTime();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Whether the clock runs with real time between moves.
	 * @return {@code true} for {@link EmulatorClock#startingAt(Instant)} clocks
	 */
	public boolean isTicking() {
		return this.ticking;
	}

	@Override
	public String toString() {
		return "MutableEmulatorClock[" + now() + (this.ticking ? ", ticking" : ", fixed") + ", " + this.zone + "]";
	}

}
