/**
 * An embedded emulator of the FairCom JSON Action API ({@code POST /api}) for tests: HTTP and HTTPS
 * listeners on Jetty 12, the admin session actions, compatibility profiles, a pluggable clock,
 * fault injection and introspection. Start with {@link io.github.faircomclient.test.FairComEmulator#builder()}.
 */
@NullMarked
package io.github.faircomclient.test;

import org.jspecify.annotations.NullMarked;
