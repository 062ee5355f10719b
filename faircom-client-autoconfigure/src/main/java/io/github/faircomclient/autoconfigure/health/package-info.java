/**
 * Auto-configuration of the FairCom health indicator.
 */
@NullMarked
package io.github.faircomclient.autoconfigure.health;

import org.jspecify.annotations.NullMarked;
