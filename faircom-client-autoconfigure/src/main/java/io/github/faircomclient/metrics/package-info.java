/**
 * Micrometer meters of the FairCom client that are not observations.
 */
@NullMarked
package io.github.faircomclient.metrics;

import org.jspecify.annotations.NullMarked;
