/**
 * Order events: the inventory publishes each placed order to an MQ topic, and
 * {@link io.github.faircomclient.sample.orders.OrderEvents} consumes them.
 */
@NullMarked
package io.github.faircomclient.sample.orders;

import org.jspecify.annotations.NullMarked;
