package io.github.faircomclient.metrics;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.util.Assert;

import io.github.faircomclient.mq.listener.MqListenerMetrics;

/**
 * {@link MqListenerMetrics} as Micrometer meters, tagged {@code listener} with the
 * container's id: counters {@value #MESSAGES} (messages the listener handled),
 * {@value #FAILURES} (failed attempts) and {@value #DEAD_LETTERED}, and the timer
 * {@value #POLLS} of session reads, tagged {@code outcome} {@code SUCCESS} or
 * {@code FAILURE}.
 */
public class MicrometerMqListenerMetrics implements MqListenerMetrics {

	/**
	 * Messages the listener handled.
	 */
	public static final String MESSAGES = "faircom.mq.listener.messages";

	/**
	 * Failed attempts to handle a message.
	 */
	public static final String FAILURES = "faircom.mq.listener.failures";

	/**
	 * Messages sent to the dead-letter topic.
	 */
	public static final String DEAD_LETTERED = "faircom.mq.listener.dead.lettered";

	/**
	 * Reads of a container's session.
	 */
	public static final String POLLS = "faircom.mq.listener.polls";

	private final MeterRegistry registry;

	/**
	 * Create metrics in a registry.
	 * @param registry the registry
	 */
	public MicrometerMqListenerMetrics(MeterRegistry registry) {
		Assert.notNull(registry, "'registry' must not be null");
		this.registry = registry;
	}

	@Override
	public void polled(String listenerId, Duration latency, int messages, boolean failed) {
		Timer.builder(POLLS)
			.description("Reads of a FairCom MQ listener container's session")
			.tag("listener", listenerId)
			.tag("outcome", failed ? "FAILURE" : "SUCCESS")
			.register(this.registry)
			.record(latency);
	}

	@Override
	public void processed(String listenerId) {
		counter(MESSAGES, "Messages a FairCom MQ listener handled", listenerId).increment();
	}

	@Override
	public void failed(String listenerId) {
		counter(FAILURES, "Failed attempts of a FairCom MQ listener to handle a message", listenerId).increment();
	}

	@Override
	public void deadLettered(String listenerId) {
		counter(DEAD_LETTERED, "Messages a FairCom MQ listener sent to the dead-letter topic", listenerId).increment();
	}

	private Counter counter(String name, String description, String listenerId) {
		return Counter.builder(name).description(description).tag("listener", listenerId).register(this.registry);
	}

}
