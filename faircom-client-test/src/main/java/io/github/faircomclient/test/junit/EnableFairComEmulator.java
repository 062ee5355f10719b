package io.github.faircomclient.test.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.github.faircomclient.test.ClientAuth;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts a FairCom emulator on free ports for the annotated test class (and its {@code @Nested} classes)
 * and injects {@link io.github.faircomclient.test.FairComEmulator}, {@link io.github.faircomclient.test.tls.TlsMaterial}
 * and (with {@link #mutableClock()}) {@link io.github.faircomclient.test.MutableEmulatorClock} into test
 * constructors, lifecycle methods and test methods. Before each test, pending faults, latency and action
 * counts are cleared, the configured profile is restored, and a stopped emulator is started again;
 * sessions are kept.
 *
 * <pre>{@code
 * @EnableFairComEmulator(https = true, clientAuth = ClientAuth.NEED)
 * class MyIntegrationTests {
 *     @Test
 *     void login(FairComEmulator emulator, TlsMaterial tls) { ... }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(FairComEmulatorExtension.class)
public @interface EnableFairComEmulator {

	/**
	 * Whether to open an HTTP listener.
	 * @return {@code true} by default
	 */
	boolean http() default true;

	/**
	 * Whether to open an HTTPS listener with generated {@link io.github.faircomclient.test.tls.TlsMaterial}
	 * (its CA is trusted for client certificates).
	 * @return {@code false} by default
	 */
	boolean https() default false;

	/**
	 * Client certificates on the HTTPS listener.
	 * @return {@link ClientAuth#WANT} by default (works with and without a client certificate)
	 */
	ClientAuth clientAuth() default ClientAuth.WANT;

	/**
	 * The compatibility profile, as understood by
	 * {@link io.github.faircomclient.test.CompatibilityProfile#parse(String)}.
	 * @return {@code "newest"} by default
	 */
	String profile() default "newest";

	/**
	 * Accounts as {@code "name:password"}; none means ADMIN/ADMIN.
	 * @return the accounts
	 */
	String[] users() default {};

	/**
	 * Whether permanent sessions are enabled.
	 * @return {@code false} by default
	 */
	boolean permanentSessions() default false;

	/**
	 * Whether to use a {@link io.github.faircomclient.test.MutableEmulatorClock} (fixed at the start time,
	 * zone UTC) instead of the system clock.
	 * @return {@code false} by default
	 */
	boolean mutableClock() default false;

	/**
	 * Whether test classes with the same settings share one emulator for the whole test run (mind the
	 * session caps: log out). By default each test class gets its own.
	 * @return {@code false} by default
	 */
	boolean shared() default false;

}
