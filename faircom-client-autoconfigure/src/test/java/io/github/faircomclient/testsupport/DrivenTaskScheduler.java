package io.github.faircomclient.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.Trigger;

/**
 * A {@link TaskScheduler} that runs one-shot tasks only when a test says so, against a
 * {@link MutableClock}.
 */
public final class DrivenTaskScheduler implements TaskScheduler {

	private final MutableClock clock;

	private final List<Task> tasks = new ArrayList<>();

	public DrivenTaskScheduler(MutableClock clock) {
		this.clock = clock;
	}

	@Override
	public Clock getClock() {
		return this.clock;
	}

	@Override
	public synchronized ScheduledFuture<?> schedule(Runnable runnable, Instant startTime) {
		Task task = new Task(runnable, startTime);
		this.tasks.add(task);
		return task;
	}

	/**
	 * Advance the clock by the given duration, running every task that falls due, in
	 * order, at its due time.
	 */
	public void advance(Duration duration) {
		Instant end = this.clock.instant().plus(duration);
		while (true) {
			Task next;
			synchronized (this) {
				next = this.tasks.stream()
					.filter((task) -> !task.cancelled && !task.done && !task.at.isAfter(end))
					.min(Comparator.comparing((Task task) -> task.at))
					.orElse(null);
			}
			if (next == null) {
				break;
			}
			if (next.at.isAfter(this.clock.instant())) {
				this.clock.advance(Duration.between(this.clock.instant(), next.at));
			}
			next.done = true;
			next.runnable.run();
		}
		if (end.isAfter(this.clock.instant())) {
			this.clock.advance(Duration.between(this.clock.instant(), end));
		}
	}

	public synchronized List<Instant> pending() {
		return this.tasks.stream().filter((task) -> !task.cancelled && !task.done).map((task) -> task.at).toList();
	}

	@Override
	public ScheduledFuture<?> schedule(Runnable task, Trigger trigger) {
		throw new UnsupportedOperationException();
	}

	@Override
	public ScheduledFuture<?> scheduleAtFixedRate(Runnable task, Instant startTime, Duration period) {
		throw new UnsupportedOperationException();
	}

	@Override
	public ScheduledFuture<?> scheduleAtFixedRate(Runnable task, Duration period) {
		throw new UnsupportedOperationException();
	}

	@Override
	public ScheduledFuture<?> scheduleWithFixedDelay(Runnable task, Instant startTime, Duration delay) {
		throw new UnsupportedOperationException();
	}

	@Override
	public ScheduledFuture<?> scheduleWithFixedDelay(Runnable task, Duration delay) {
		throw new UnsupportedOperationException();
	}

	private final class Task implements ScheduledFuture<Object> {

		private final Runnable runnable;

		private final Instant at;

		private volatile boolean cancelled;

		private volatile boolean done;

		Task(Runnable runnable, Instant at) {
			this.runnable = runnable;
			this.at = at;
		}

		@Override
		public long getDelay(TimeUnit unit) {
			return unit.convert(Duration.between(DrivenTaskScheduler.this.clock.instant(), this.at));
		}

		@Override
		public int compareTo(Delayed other) {
			return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
		}

		@Override
		public boolean cancel(boolean mayInterruptIfRunning) {
			this.cancelled = true;
			return !this.done;
		}

		@Override
		public boolean isCancelled() {
			return this.cancelled;
		}

		@Override
		public boolean isDone() {
			return this.done || this.cancelled;
		}

		@Override
		public Object get() {
			return null;
		}

		@Override
		public Object get(long timeout, TimeUnit unit) {
			return null;
		}

	}

}
