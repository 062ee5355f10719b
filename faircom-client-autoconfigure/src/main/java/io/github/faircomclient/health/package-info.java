/**
 * Spring Boot Actuator health indicator for FairCom servers.
 */
@NullMarked
package io.github.faircomclient.health;

import org.jspecify.annotations.NullMarked;
