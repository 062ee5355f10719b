package io.github.faircomclient.test;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The emulator's notion of time. Every session (and, in plugins, cursor) expiry is decided with it, so
 * tests move a {@link MutableEmulatorClock} instead of sleeping. Implementations must be thread-safe.
 */
public interface EmulatorClock {

	/**
	 * The current instant.
	 * @return now
	 */
	Instant now();

	/**
	 * The zone in which session timestamps are reported (FairCom reports local times without a zone).
	 * @return the zone; the system default unless overridden
	 */
	default ZoneId zone() {
		return ZoneId.systemDefault();
	}

	/**
	 * The real clock in the system's zone.
	 * @return the system clock
	 */
	static EmulatorClock system() {
		return SystemClock.INSTANCE;
	}

	/**
	 * A clock that stands still at the given instant (zone UTC) until advanced or set.
	 * @param instant the starting instant
	 * @return a new mutable clock
	 */
	static MutableEmulatorClock fixed(Instant instant) {
		return new MutableEmulatorClock(instant, ZoneOffset.UTC, false);
	}

	/**
	 * A clock that stands still at the current instant (zone UTC) until advanced or set.
	 * @return a new mutable clock
	 */
	static MutableEmulatorClock fixedAtNow() {
		return fixed(Instant.now());
	}

	/**
	 * A clock that starts at the given instant (zone UTC) and then runs with real time; {@code advance}
	 * jumps it forward on top of that.
	 * @param instant the starting instant
	 * @return a new mutable clock
	 */
	static MutableEmulatorClock startingAt(Instant instant) {
		return new MutableEmulatorClock(instant, ZoneOffset.UTC, true);
	}

	/**
	 * The real clock.
	 */
	final class SystemClock implements EmulatorClock {

		static final SystemClock INSTANCE = new SystemClock();

		private SystemClock() {
		}

		@Override
		public Instant now() {
			return Instant.now();
		}

		@Override
		public String toString() {
			return "EmulatorClock.system()";
		}

	}

}
