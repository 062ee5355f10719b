/**
 * Listener containers for FairCom MQ, modelled on Spring Kafka's: methods annotated with
 * {@link io.github.faircomclient.mq.listener.FairComMqListener} are served by
 * {@link io.github.faircomclient.mq.listener.MqListenerContainer}s that a
 * {@link io.github.faircomclient.mq.listener.MqListenerContainerFactory} creates and the
 * {@link io.github.faircomclient.mq.listener.MqListenerContainerRegistry} starts and stops.
 */
@NullMarked
package io.github.faircomclient.mq.listener;

import org.jspecify.annotations.NullMarked;
