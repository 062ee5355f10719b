/**
 * Auto-configuration of the FairCom client's Actuator support.
 */
@NullMarked
package io.github.faircomclient.autoconfigure.actuate;

import org.jspecify.annotations.NullMarked;
