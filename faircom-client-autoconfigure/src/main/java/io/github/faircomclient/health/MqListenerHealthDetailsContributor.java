package io.github.faircomclient.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.health.contributor.Health;
import org.springframework.util.Assert;

import io.github.faircomclient.core.FairComTemplate;
import io.github.faircomclient.mq.listener.MqListenerContainer;
import io.github.faircomclient.mq.listener.MqListenerContainerRegistry;
import io.github.faircomclient.mq.listener.MqListenerContainerStatistics;

/**
 * Adds the MQ listener containers that run on a template to its health, as detail
 * {@code mqListeners} (by container id: client name, running, polls, messages, failures,
 * dead-lettered, consecutive failed reads, last read and its error). A running container
 * whose reads have all failed for {@link #FAILING_DOWN_AFTER} or longer makes the component
 * {@code DOWN}: a short outage the containers ride out (they retry with their idle pause)
 * does not.
 */
public class MqListenerHealthDetailsContributor implements FairComHealthDetailsContributor {

	/**
	 * How long the reads of a running container must have failed to make the component
	 * down.
	 */
	public static final Duration FAILING_DOWN_AFTER = Duration.ofSeconds(30);

	private final MqListenerContainerRegistry registry;

	private final Clock clock;

	/**
	 * Create a contributor.
	 * @param registry the registry of the containers
	 */
	public MqListenerHealthDetailsContributor(MqListenerContainerRegistry registry) {
		this(registry, Clock.systemUTC());
	}

	/**
	 * Create a contributor.
	 * @param registry the registry of the containers
	 * @param clock the clock that tells how long reads have failed
	 */
	public MqListenerHealthDetailsContributor(MqListenerContainerRegistry registry, Clock clock) {
		Assert.notNull(registry, "'registry' must not be null");
		Assert.notNull(clock, "'clock' must not be null");
		this.registry = registry;
		this.clock = clock;
	}

	@Override
	public void contribute(FairComTemplate template, Health.Builder builder) {
		Map<String, Object> listeners = new LinkedHashMap<>();
		boolean failing = false;
		Instant now = this.clock.instant();
		for (MqListenerContainer container : this.registry.getListenerContainers()) {
			if (container.getOperations() != template.mq()) {
				continue;
			}
			MqListenerContainerStatistics statistics = container.getStatistics();
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("clientName", statistics.clientName());
			details.put("running", statistics.running());
			details.put("polls", statistics.polls());
			details.put("messages", statistics.messages());
			details.put("failures", statistics.failures());
			details.put("deadLettered", statistics.deadLettered());
			details.put("consecutivePollFailures", statistics.consecutivePollFailures());
			if (statistics.lastPoll() != null) {
				details.put("lastPoll", statistics.lastPoll().toString());
			}
			if (statistics.lastPollError() != null) {
				details.put("lastPollError", statistics.lastPollError());
			}
			listeners.put(statistics.id(), details);
			Instant failingSince = statistics.failingSince();
			if (failingSince != null) {
				details.put("failingSince", failingSince.toString());
				failing |= statistics.running()
						&& Duration.between(failingSince, now).compareTo(FAILING_DOWN_AFTER) >= 0;
			}
		}
		if (listeners.isEmpty()) {
			return;
		}
		builder.withDetail("mqListeners", listeners);
		if (failing) {
			builder.down();
		}
	}

}
