/**
 * JUnit Jupiter support: {@link io.github.faircomclient.test.junit.EnableFairComEmulator} on a test class
 * (or {@link io.github.faircomclient.test.junit.FairComEmulatorExtension} with
 * {@code @RegisterExtension}) starts an emulator on free ports and injects it.
 */
@NullMarked
package io.github.faircomclient.test.junit;

import org.jspecify.annotations.NullMarked;
