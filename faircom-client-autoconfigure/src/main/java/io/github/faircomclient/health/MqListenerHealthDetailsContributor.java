package io.github.faircomclient.health;

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
 * whose last {@value #FAILED_READS_DOWN} reads or more failed makes the component
 * {@code DOWN}.
 */
public class MqListenerHealthDetailsContributor implements FairComHealthDetailsContributor {

	/**
	 * Consecutive failed reads of a running container that make the component down.
	 */
	public static final int FAILED_READS_DOWN = 3;

	private final MqListenerContainerRegistry registry;

	/**
	 * Create a contributor.
	 * @param registry the registry of the containers
	 */
	public MqListenerHealthDetailsContributor(MqListenerContainerRegistry registry) {
		Assert.notNull(registry, "'registry' must not be null");
		this.registry = registry;
	}

	@Override
	public void contribute(FairComTemplate template, Health.Builder builder) {
		Map<String, Object> listeners = new LinkedHashMap<>();
		boolean failing = false;
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
			failing |= statistics.running() && statistics.consecutivePollFailures() >= FAILED_READS_DOWN;
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
