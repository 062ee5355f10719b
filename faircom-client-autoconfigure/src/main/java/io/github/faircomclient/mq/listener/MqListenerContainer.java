package io.github.faircomclient.mq.listener;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.util.Assert;

import io.github.faircomclient.mq.MqClientSession;
import io.github.faircomclient.mq.MqMessage;
import io.github.faircomclient.mq.MqMessageBatch;
import io.github.faircomclient.mq.MqOperations;
import io.github.faircomclient.mq.MqSessionSettings;
import io.github.faircomclient.observation.MqProcessObservationConvention;

import tools.jackson.databind.JsonNode;

/**
 * Serves one {@link MqListenerEndpoint}: owns an MQ API session (created with its
 * subscriptions when missing, and again when the server lost it), reads it with adaptive
 * polling on a {@link TaskScheduler} (again at once while reads return messages, with a
 * growing pause while they return none) and hands each message to the listener, up to
 * {@link MqListenerContainerSettings#concurrency()} at once. The messages of a read are in
 * flight until all are processed; only then is the session read again.
 * <p>
 * {@link #stop()} stops polling and waits (up to the shutdown timeout) for the messages in
 * flight; a temporary session is then deleted, a permanent one kept with its
 * subscriptions, so that the server keeps what is published meanwhile and a restart
 * resumes there. A read that fails (server down, session refused) is logged and retried
 * with the idle pause; the template replaces an expired JSON session on its own.
 */
public class MqListenerContainer implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(MqListenerContainer.class);

	private final MqListenerEndpoint endpoint;

	private final MqOperations mq;

	private final MqListenerContainerSettings settings;

	private final MqClientSession session;

	private final MessageProcessor processor;

	private final MqListenerMetrics metrics;

	private final @Nullable TaskScheduler givenScheduler;

	private final int concurrency;

	private final boolean autoStartup;

	private final ReentrantLock lifecycleLock = new ReentrantLock();

	private final ReentrantLock pollLock = new ReentrantLock();

	private final AtomicLong polls = new AtomicLong();

	private final AtomicInteger consecutivePollFailures = new AtomicInteger();

	private final AtomicReference<@Nullable Instant> lastPoll = new AtomicReference<>();

	private final AtomicReference<@Nullable String> lastPollError = new AtomicReference<>();

	private final AtomicReference<@Nullable Instant> failingSince = new AtomicReference<>();

	private volatile boolean running;

	private volatile @Nullable TaskScheduler scheduler;

	private volatile @Nullable ThreadPoolTaskScheduler ownScheduler;

	private volatile @Nullable ExecutorService workers;

	private volatile @Nullable ScheduledFuture<?> nextPoll;

	private volatile Duration pause;

	private int phase = DEFAULT_PHASE;

	/**
	 * Create a container; {@link DefaultMqListenerContainerFactory} does.
	 * @param endpoint what to serve
	 * @param mq the operations the container runs its session with
	 * @param settings the factory's settings
	 * @param observationRegistry where processed messages are observed
	 * @param convention the convention of those observations, or {@code null}
	 * @param metrics where the container reports for metrics
	 * @param scheduler the scheduler of the reads, or {@code null} for a thread of the
	 * container's own
	 */
	public MqListenerContainer(MqListenerEndpoint endpoint, MqOperations mq, MqListenerContainerSettings settings,
			ObservationRegistry observationRegistry, @Nullable MqProcessObservationConvention convention,
			MqListenerMetrics metrics, @Nullable TaskScheduler scheduler) {
		Assert.notNull(endpoint, "'endpoint' must not be null");
		Assert.notNull(mq, "'mq' must not be null");
		Assert.notNull(settings, "'settings' must not be null");
		this.endpoint = endpoint;
		this.mq = mq;
		this.settings = settings;
		this.metrics = metrics;
		this.givenScheduler = scheduler;
		String clientName = (endpoint.clientName() != null) ? endpoint.clientName()
				: settings.clientNamePrefix() + "-" + endpoint.id();
		this.session = new MqClientSession(mq, clientName,
				settings.temporarySession() ? MqSessionSettings.temporary() : MqSessionSettings.permanent(),
				endpoint.subscriptions());
		this.processor = new MessageProcessor(endpoint, mq, settings, observationRegistry, convention, metrics);
		this.concurrency = (endpoint.concurrency() != null) ? endpoint.concurrency() : settings.concurrency();
		this.autoStartup = (endpoint.autoStartup() != null) ? endpoint.autoStartup() : settings.autoStartup();
		this.pause = settings.polling().minInterval();
	}

	/**
	 * Return the container's id.
	 * @return the id
	 */
	public String getId() {
		return this.endpoint.id();
	}

	/**
	 * Return the client name of the container's MQ API session.
	 * @return the client name
	 */
	public String getClientName() {
		return this.session.clientName();
	}

	/**
	 * Return the operations the container runs with.
	 * @return the MQ operations
	 */
	public MqOperations getOperations() {
		return this.mq;
	}

	/**
	 * Return the endpoint the container serves.
	 * @return the endpoint
	 */
	public MqListenerEndpoint getEndpoint() {
		return this.endpoint;
	}

	/**
	 * Return how many messages the container processes at once.
	 * @return the concurrency
	 */
	public int getConcurrency() {
		return this.concurrency;
	}

	/**
	 * Return the pause before the next read.
	 * @return the current polling pause
	 */
	public Duration getPollInterval() {
		return this.pause;
	}

	/**
	 * Return what the container has done.
	 * @return the statistics
	 */
	public MqListenerContainerStatistics getStatistics() {
		return new MqListenerContainerStatistics(getId(), getClientName(), this.running, this.polls.get(),
				this.processor.messages(), this.processor.failures(), this.processor.deadLettered(),
				this.consecutivePollFailures.get(), this.failingSince.get(), this.lastPoll.get(), this.lastPollError.get());
	}

	@Override
	public void start() {
		this.lifecycleLock.lock();
		try {
			if (this.running) {
				return;
			}
			TaskScheduler scheduler = this.givenScheduler;
			if (scheduler == null) {
				ThreadPoolTaskScheduler own = new ThreadPoolTaskScheduler();
				own.setThreadNamePrefix("faircom-mq-" + getId() + "-poll-");
				own.setPoolSize(1);
				own.initialize();
				this.ownScheduler = own;
				scheduler = own;
			}
			this.scheduler = scheduler;
			if (this.concurrency > 1) {
				this.workers = Executors.newFixedThreadPool(this.concurrency, workerThreads());
			}
			this.pause = this.settings.polling().minInterval();
			this.running = true;
			this.nextPoll = scheduler.schedule(this::poll, scheduler.getClock().instant());
			if (logger.isInfoEnabled()) {
				logger.info("Started MQ listener " + getId() + " on session " + getClientName() + " ("
						+ this.endpoint.subscriptions() + ")");
			}
		}
		finally {
			this.lifecycleLock.unlock();
		}
	}

	private ThreadFactory workerThreads() {
		AtomicInteger count = new AtomicInteger();
		return (runnable) -> {
			Thread thread = new Thread(runnable, "faircom-mq-" + getId() + "-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

	/**
	 * Read the session once, process what came, and schedule the next read. Runs on the
	 * scheduler; one read at a time.
	 */
	void poll() {
		if (!this.running) {
			return;
		}
		this.pollLock.lock();
		boolean gotMessages = false;
		try {
			if (!this.running) {
				return;
			}
			List<MqMessage<JsonNode>> messages = read();
			gotMessages = (messages != null) && !messages.isEmpty();
			if (gotMessages) {
				process(messages);
			}
		}
		finally {
			this.pollLock.unlock();
			scheduleNext(gotMessages);
		}
	}

	private @Nullable List<MqMessage<JsonNode>> read() {
		long start = System.nanoTime();
		try {
			MqMessageBatch<JsonNode> batch = this.session
				.run((clientName) -> this.mq.read(clientName, null, this.settings.maxMessages(), JsonNode.class));
			this.metrics.polled(getId(), Duration.ofNanos(System.nanoTime() - start), batch.messages().size(), false);
			this.polls.incrementAndGet();
			this.consecutivePollFailures.set(0);
			this.lastPollError.set(null);
			this.failingSince.set(null);
			this.lastPoll.set(Instant.now());
			return batch.messages();
		}
		catch (RuntimeException ex) {
			this.metrics.polled(getId(), Duration.ofNanos(System.nanoTime() - start), 0, true);
			this.polls.incrementAndGet();
			Instant now = Instant.now();
			this.lastPoll.set(now);
			this.failingSince.compareAndSet(null, now);
			this.lastPollError.set(ex.getClass().getName() + ": " + ex.getMessage());
			this.session.reset();
			if (this.consecutivePollFailures.getAndIncrement() == 0) {
				logger.warn("MQ listener " + getId() + " could not read session " + getClientName()
						+ "; retrying with a growing pause: " + ex.getMessage());
			}
			else if (logger.isDebugEnabled()) {
				logger.debug("MQ listener " + getId() + " could not read session " + getClientName(), ex);
			}
			return null;
		}
	}

	private void process(List<MqMessage<JsonNode>> messages) {
		ExecutorService workers = this.workers;
		if (workers == null || messages.size() == 1) {
			messages.forEach(this.processor::process);
			return;
		}
		List<Future<?>> running = new ArrayList<>(messages.size());
		for (MqMessage<JsonNode> message : messages) {
			running.add(workers.submit(() -> this.processor.process(message)));
		}
		for (Future<?> future : running) {
			try {
				future.get();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				waitQuietly(running);
				return;
			}
			catch (ExecutionException ex) {
				logger.error("MQ listener " + getId() + " failed on a message", ex.getCause());
			}
		}
	}

	private static void waitQuietly(List<Future<?>> running) {
		for (Future<?> future : running) {
			try {
				future.get();
			}
			catch (Exception ex) {
				// interrupted again or failed: the processor logged it
			}
		}
	}

	private void scheduleNext(boolean gotMessages) {
		this.pause = this.settings.polling().next(this.pause, gotMessages);
		TaskScheduler scheduler = this.scheduler;
		if (this.running && scheduler != null) {
			this.lifecycleLock.lock();
			try {
				if (this.running) {
					this.nextPoll = scheduler.schedule(this::poll, scheduler.getClock().instant().plus(this.pause));
				}
			}
			finally {
				this.lifecycleLock.unlock();
			}
		}
	}

	/**
	 * Stop polling and wait for the messages in flight, up to the shutdown timeout; delete
	 * a temporary session.
	 */
	@Override
	public void stop() {
		this.lifecycleLock.lock();
		try {
			if (!this.running) {
				return;
			}
			this.running = false;
			ScheduledFuture<?> next = this.nextPoll;
			if (next != null) {
				next.cancel(false);
			}
		}
		finally {
			this.lifecycleLock.unlock();
		}
		boolean drained = awaitInFlight();
		ExecutorService workers = this.workers;
		if (workers != null) {
			workers.shutdownNow();
			this.workers = null;
		}
		ThreadPoolTaskScheduler own = this.ownScheduler;
		if (own != null) {
			own.shutdown();
			this.ownScheduler = null;
		}
		if (this.session.isTemporary()) {
			try {
				this.session.delete();
			}
			catch (RuntimeException ex) {
				logger.warn("MQ listener " + getId() + " could not delete its temporary session " + getClientName()
						+ "; the server ends it when it idles out: " + ex.getMessage());
			}
		}
		if (logger.isInfoEnabled()) {
			logger.info("Stopped MQ listener " + getId() + (drained ? "" : " without waiting for messages in flight "
					+ "beyond " + this.settings.shutdownTimeout().toMillis() + " ms"));
		}
	}

	private boolean awaitInFlight() {
		try {
			if (this.pollLock.tryLock(this.settings.shutdownTimeout().toNanos(), TimeUnit.NANOSECONDS)) {
				this.pollLock.unlock();
				return true;
			}
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public boolean isAutoStartup() {
		return this.autoStartup;
	}

	@Override
	public int getPhase() {
		return this.phase;
	}

	/**
	 * Set the lifecycle phase.
	 * @param phase the phase
	 */
	public void setPhase(int phase) {
		this.phase = phase;
	}

	@Override
	public String toString() {
		return "MqListenerContainer[id=" + getId() + ", clientName=" + getClientName() + ", running=" + this.running
				+ "]";
	}

}
