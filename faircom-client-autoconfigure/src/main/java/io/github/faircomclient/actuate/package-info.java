/**
 * Spring Boot Actuator support for the FairCom client: its secrets masked in the
 * configuration endpoints, and its {@code faircom} info contributor.
 */
@NullMarked
package io.github.faircomclient.actuate;

import org.jspecify.annotations.NullMarked;
