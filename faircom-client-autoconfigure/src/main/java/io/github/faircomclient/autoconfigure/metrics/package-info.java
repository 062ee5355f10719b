/**
 * Auto-configuration of the FairCom client's Micrometer meters.
 */
@NullMarked
package io.github.faircomclient.autoconfigure.metrics;

import org.jspecify.annotations.NullMarked;
