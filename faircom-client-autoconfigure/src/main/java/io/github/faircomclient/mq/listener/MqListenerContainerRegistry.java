package io.github.faircomclient.mq.listener;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;
import org.springframework.util.Assert;

/**
 * Creates, holds, starts and stops the {@link MqListenerContainer}s of an application, as
 * Spring Kafka's {@code KafkaListenerEndpointRegistry} does. It starts late and stops early
 * (phase {@value #PHASE}): containers stop before the templates they use are closed.
 * Containers registered after the registry started are started at once when they start
 * automatically.
 */
public class MqListenerContainerRegistry implements SmartLifecycle {

	/**
	 * The bean name of the container factory listeners use unless they name another.
	 */
	public static final String DEFAULT_FACTORY_BEAN_NAME = "fairComMqListenerContainerFactory";

	/**
	 * The bean name of the registry.
	 */
	public static final String BEAN_NAME = "fairComMqListenerContainerRegistry";

	/**
	 * The lifecycle phase: just before the default phase's last beans.
	 */
	public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 100;

	private final Map<String, MqListenerContainer> containers = new ConcurrentHashMap<>();

	private final ReentrantLock lock = new ReentrantLock();

	private volatile boolean running;

	/**
	 * Create a container for an endpoint with a factory and hold it.
	 * @param endpoint the endpoint
	 * @param factory the factory
	 * @return the container
	 * @throws IllegalStateException if a container with the endpoint's id exists
	 */
	public MqListenerContainer registerListenerContainer(MqListenerEndpoint endpoint,
			MqListenerContainerFactory factory) {
		Assert.notNull(endpoint, "'endpoint' must not be null");
		Assert.notNull(factory, "'factory' must not be null");
		this.lock.lock();
		try {
			Assert.state(!this.containers.containsKey(endpoint.id()),
					() -> "Another MQ listener container has the id '" + endpoint.id()
							+ "'; give each @FairComMqListener an id of its own");
			MqListenerContainer container = factory.createContainer(endpoint);
			this.containers.put(endpoint.id(), container);
			if (this.running && container.isAutoStartup()) {
				container.start();
			}
			return container;
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Return a container by id.
	 * @param id the id
	 * @return the container or {@code null}
	 */
	public @Nullable MqListenerContainer getListenerContainer(String id) {
		return this.containers.get(id);
	}

	/**
	 * Return every container.
	 * @return the containers
	 */
	public Collection<MqListenerContainer> getListenerContainers() {
		return List.copyOf(this.containers.values());
	}

	@Override
	public void start() {
		this.lock.lock();
		try {
			for (MqListenerContainer container : this.containers.values()) {
				if (container.isAutoStartup()) {
					container.start();
				}
			}
			this.running = true;
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Stop every container: each stops polling and finishes its messages in flight.
	 */
	@Override
	public void stop() {
		this.lock.lock();
		List<MqListenerContainer> running;
		try {
			this.running = false;
			running = new ArrayList<>(this.containers.values());
		}
		finally {
			this.lock.unlock();
		}
		running.parallelStream().forEach(MqListenerContainer::stop);
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

}
