package io.github.faircomclient.mq.listener;

import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.scheduling.TaskScheduler;
import org.springframework.util.Assert;

import io.github.faircomclient.mq.MqOperations;
import io.github.faircomclient.observation.MqProcessObservationConvention;

/**
 * Creates {@link MqListenerContainer}s that run on one {@link MqOperations} (usually
 * {@code template.mq()}) with one set of {@link MqListenerContainerSettings}. Processed
 * messages are observed in the given registry and reported to the given metrics; each
 * container polls on a thread of its own unless a {@link TaskScheduler} is given (a seam
 * for tests, which can run the polls at will).
 */
public class DefaultMqListenerContainerFactory implements MqListenerContainerFactory {

	private final MqOperations mq;

	private final MqListenerContainerSettings settings;

	private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

	private @Nullable MqProcessObservationConvention observationConvention;

	private MqListenerMetrics metrics = MqListenerMetrics.NONE;

	private @Nullable TaskScheduler taskScheduler;

	/**
	 * Create a factory.
	 * @param mq the operations the containers run with
	 * @param settings the containers' settings
	 */
	public DefaultMqListenerContainerFactory(MqOperations mq, MqListenerContainerSettings settings) {
		Assert.notNull(mq, "'mq' must not be null");
		Assert.notNull(settings, "'settings' must not be null");
		this.mq = mq;
		this.settings = settings;
	}

	/**
	 * Return the containers' settings.
	 * @return the settings
	 */
	public MqListenerContainerSettings getSettings() {
		return this.settings;
	}

	/**
	 * Set where processed messages are observed.
	 * @param observationRegistry the registry
	 */
	public void setObservationRegistry(ObservationRegistry observationRegistry) {
		Assert.notNull(observationRegistry, "'observationRegistry' must not be null");
		this.observationRegistry = observationRegistry;
	}

	/**
	 * Set the convention of the process observations.
	 * @param observationConvention the convention or {@code null} for the default
	 */
	public void setObservationConvention(@Nullable MqProcessObservationConvention observationConvention) {
		this.observationConvention = observationConvention;
	}

	/**
	 * Set where containers report for metrics.
	 * @param metrics the metrics
	 */
	public void setMetrics(MqListenerMetrics metrics) {
		Assert.notNull(metrics, "'metrics' must not be null");
		this.metrics = metrics;
	}

	/**
	 * Set the scheduler every container polls on, instead of a thread of its own.
	 * @param taskScheduler the scheduler or {@code null}
	 */
	public void setTaskScheduler(@Nullable TaskScheduler taskScheduler) {
		this.taskScheduler = taskScheduler;
	}

	@Override
	public MqListenerContainer createContainer(MqListenerEndpoint endpoint) {
		return new MqListenerContainer(endpoint, this.mq, this.settings, this.observationRegistry,
				this.observationConvention, this.metrics, this.taskScheduler);
	}

}
