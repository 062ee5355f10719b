/**
 * The FairCom MQ API ({@code "api": "mq"}) of the emulator: topics, MQ API sessions, publishing,
 * subscriptions with MQTT topic filters and shared groups, stateful reads per client and stateless
 * replay, all kept in memory.
 */
@NullMarked
package io.github.faircomclient.test.mq;

import org.jspecify.annotations.NullMarked;
