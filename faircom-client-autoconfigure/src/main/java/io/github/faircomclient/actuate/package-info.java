/**
 * Spring Boot Actuator support for the FairCom client's configuration.
 */
@NullMarked
package io.github.faircomclient.actuate;

import org.jspecify.annotations.NullMarked;
