/**
 * Micrometer observations of the FairCom client: one per action
 * ({@code faircom.client.requests}) and one per session event
 * ({@code faircom.client.sessions}), their documentation, contexts and conventions.
 */
@NullMarked
package io.github.faircomclient.observation;

import org.jspecify.annotations.NullMarked;
