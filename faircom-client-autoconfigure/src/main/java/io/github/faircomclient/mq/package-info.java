/**
 * Typed operations for FairCom's MQ API ({@code "api": "mq"}), reached through
 * {@link io.github.faircomclient.core.FairComOperations#mq()}: topics, MQ API sessions,
 * publishing, subscriptions, the stateful session read, the stateless replay and
 * request/reply. Listener containers live in {@code io.github.faircomclient.mq.listener}.
 */
@NullMarked
package io.github.faircomclient.mq;

import org.jspecify.annotations.NullMarked;
