/**
 * {@link io.github.faircomclient.core.FairComTemplate} and the types of a FairCom JSON action: request, response and warnings.
 */
@NullMarked
package io.github.faircomclient.core;

import org.jspecify.annotations.NullMarked;
