/**
 * Extension points of the emulator: action handlers registered per (api, action), the request context
 * they get, their results, server-side sessions with attachments and release callbacks, and plugins that
 * install handlers (found by {@link java.util.ServiceLoader} or added on the builder).
 */
@NullMarked
package io.github.faircomclient.test.spi;

import org.jspecify.annotations.NullMarked;
