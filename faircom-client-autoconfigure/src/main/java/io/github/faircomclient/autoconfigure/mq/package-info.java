/**
 * Auto-configuration of FairCom MQ messaging: the template's MQ settings, the listener
 * container factory, {@code @FairComMqListener} support, listener metrics and health.
 */
@NullMarked
package io.github.faircomclient.autoconfigure.mq;

import org.jspecify.annotations.NullMarked;
