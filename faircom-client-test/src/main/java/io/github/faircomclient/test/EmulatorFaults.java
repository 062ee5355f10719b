package io.github.faircomclient.test;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

import org.jspecify.annotations.Nullable;

/**
 * Fault injection for one emulator, switchable at runtime from any thread: expire sessions now, add
 * latency to every answer, and answer the next requests with transport faults. Stopping and restarting on
 * the same ports is {@link FairComEmulator#stop()} / {@link FairComEmulator#restart()}.
 */
public final class EmulatorFaults {

	private final ReentrantLock lock = new ReentrantLock();

	private final Deque<Fault> pending = new ArrayDeque<>();

	private final SessionRegistry sessions;

	private volatile Duration latency = Duration.ZERO;

	EmulatorFaults(SessionRegistry sessions) {
		this.sessions = sessions;
	}

	/**
	 * Expires one session now, as if it had idled out (its release callbacks run). Later requests with
	 * its token get the profile's invalid-session answer. Works for permanent sessions too.
	 * @param authToken the session's token
	 * @return whether a live session had that token
	 */
	public boolean expireSession(String authToken) {
		return this.sessions.expire(authToken);
	}

	/**
	 * Expires every live session now, permanent ones included.
	 * @return how many sessions were expired
	 */
	public int expireAllSessions() {
		return this.sessions.expireAll();
	}

	/**
	 * Adds a delay before every answer (including fault answers), until changed or {@link #clear() cleared}.
	 * @param latency the delay; zero for none
	 */
	public void latency(Duration latency) {
		if (latency.isNegative()) {
			throw new IllegalArgumentException("Latency must not be negative but was " + latency);
		}
		this.latency = latency;
	}

	/**
	 * The current added delay.
	 * @return the latency, zero when none
	 */
	public Duration latency() {
		return this.latency;
	}

	/**
	 * Answers the next {@code count} requests to {@code /api} with the fault; queued after faults already
	 * pending.
	 * @param count how many requests; at least 1
	 * @param fault the fault
	 */
	public void failNext(int count, Fault fault) {
		Objects.requireNonNull(fault, "fault");
		if (count < 1) {
			throw new IllegalArgumentException("count must be at least 1 but was " + count);
		}
		this.lock.lock();
		try {
			for (int i = 0; i < count; i++) {
				this.pending.addLast(fault);
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Answers the next request to {@code /api} with the fault.
	 * @param fault the fault
	 */
	public void failNext(Fault fault) {
		failNext(1, fault);
	}

	/**
	 * How many requests will still be answered with a fault.
	 * @return the number of pending faults
	 */
	public int pendingFaults() {
		this.lock.lock();
		try {
			return this.pending.size();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Drops pending faults and removes the latency.
	 */
	public void clear() {
		this.lock.lock();
		try {
			this.pending.clear();
			this.latency = Duration.ZERO;
		}
		finally {
			this.lock.unlock();
		}
	}

	@Nullable Fault poll() {
		this.lock.lock();
		try {
			return this.pending.pollFirst();
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public String toString() {
		return "EmulatorFaults[pending=" + pendingFaults() + ", latency=" + this.latency + "]";
	}

}
