package io.github.faircomclient.test.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.PropertyMapping;

/**
 * Runs the embedded {@link io.github.faircomclient.test.FairComEmulator FairCom emulator}
 * for the test's application context and connects the auto-configured client to it, the
 * way a {@code @ServiceConnection} container would: the emulator starts on a free port
 * with one account, and a
 * {@link io.github.faircomclient.autoconfigure.FairComConnectionDetails} bean takes the
 * place of the {@code faircom.url}, {@code faircom.username} and {@code faircom.password}
 * properties. The emulator is a bean the test can inject (faults, clock, action counts);
 * it starts once per application context, so contexts cached by the test framework keep
 * theirs, and it stops after the template logged out. After each test method its pending
 * faults are cleared and a stopped emulator is started again.
 * <p>
 * Use it on a {@code @SpringBootTest} class; {@link FairComTest @FairComTest} includes it.
 * It backs off when the context has another {@code FairComConnectionDetails} (a
 * {@code @ServiceConnection} {@code FairComContainer}, for example).
 * {@link FairComEmulatorCustomizer} beans configure the emulator further. Outside the test
 * framework (on a configuration class of a launcher for {@code spring-boot:test-run}), the
 * attributes keep their defaults; the {@code faircom.test.emulator.*} properties they map
 * to change them there.
 *
 * <pre class="code">
 * &#64;SpringBootTest
 * &#64;AutoConfigureFairComEmulator
 * class InventoryApplicationTests {
 *
 *     &#64;Autowired
 *     FairComEmulator emulator;
 *
 * }
 * </pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ImportAutoConfiguration
@PropertyMapping("faircom.test.emulator")
public @interface AutoConfigureFairComEmulator {

	/**
	 * Whether to run the emulator and connect the client to it.
	 * @return {@code true} by default
	 */
	boolean enabled() default true;

	/**
	 * Whether the emulator serves HTTPS only, with TLS material generated for the context
	 * (a {@link io.github.faircomclient.test.tls.TlsMaterial} bean) whose CA the client
	 * trusts; client certificates are asked for but not required.
	 * @return {@code false} by default: plain HTTP
	 */
	boolean https() default false;

	/**
	 * The account the emulator has and the client logs in with.
	 * @return {@code ADMIN} by default, FairCom's default account
	 */
	String username() default "ADMIN";

	/**
	 * The password of the account.
	 * @return {@code ADMIN} by default
	 */
	String password() default "ADMIN";

	/**
	 * Whether the emulator runs on a
	 * {@link io.github.faircomclient.test.MutableEmulatorClock} fixed at its start (a bean
	 * too), so that a test can move its time on instead of waiting.
	 * @return {@code false} by default: the system clock
	 */
	boolean mutableClock() default false;

	/**
	 * The compatibility profile, as read by
	 * {@link io.github.faircomclient.test.CompatibilityProfile#parse(String)}.
	 * @return {@code "newest"} by default
	 */
	String profile() default "newest";

}
