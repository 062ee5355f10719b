/**
 * Spring Boot auto-configuration for {@link io.github.faircomclient.core.FairComTemplate}.
 */
@NullMarked
package io.github.faircomclient.autoconfigure;

import org.jspecify.annotations.NullMarked;
