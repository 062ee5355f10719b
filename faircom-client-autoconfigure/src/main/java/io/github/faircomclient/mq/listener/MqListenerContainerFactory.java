package io.github.faircomclient.mq.listener;

/**
 * Creates the {@link MqListenerContainer} of an endpoint, with the factory's settings. The
 * auto-configuration defines one named
 * {@value MqListenerContainerRegistry#DEFAULT_FACTORY_BEAN_NAME}; define more to serve
 * listeners with other settings or another server ({@link FairComMqListener#containerFactory()}).
 */
@FunctionalInterface
public interface MqListenerContainerFactory {

	/**
	 * Create a container for an endpoint; the caller starts it.
	 * @param endpoint the endpoint
	 * @return a new container, not started
	 */
	MqListenerContainer createContainer(MqListenerEndpoint endpoint);

}
