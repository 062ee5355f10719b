/**
 * Spring Boot test support for FairCom: {@link FairComTest @FairComTest}, a slice with
 * the FairCom auto-configuration only, and
 * {@link AutoConfigureFairComEmulator @AutoConfigureFairComEmulator}, which runs the
 * embedded emulator for the test's application context and connects the client to it.
 */
@NullMarked
package io.github.faircomclient.test.autoconfigure;

import org.jspecify.annotations.NullMarked;
