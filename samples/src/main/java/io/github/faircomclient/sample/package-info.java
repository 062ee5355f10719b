/**
 * A sample application on the FairCom Spring Boot starter.
 */
@NullMarked
package io.github.faircomclient.sample;

import org.jspecify.annotations.NullMarked;
