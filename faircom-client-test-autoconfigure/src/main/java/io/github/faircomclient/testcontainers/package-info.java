/**
 * Testcontainers support for FairCom: {@link FairComContainer} runs one of FairCom's
 * published server images, and a {@code @ServiceConnection} on it connects the
 * auto-configured client.
 */
@NullMarked
package io.github.faircomclient.testcontainers;

import org.jspecify.annotations.NullMarked;
