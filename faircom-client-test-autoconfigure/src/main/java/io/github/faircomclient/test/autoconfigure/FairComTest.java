package io.github.faircomclient.test.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.autoconfigure.OverrideAutoConfiguration;
import org.springframework.boot.test.context.filter.annotation.TypeExcludeFilters;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.core.annotation.AliasFor;
import org.springframework.core.env.Environment;
import org.springframework.test.context.BootstrapWith;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Annotation for a test that focuses <strong>only</strong> on FairCom components: the
 * FairCom auto-configuration (template, transactions, MQ listeners; no health or metrics)
 * and the {@link #components() components under test}, against the embedded emulator of
 * {@link AutoConfigureFairComEmulator @AutoConfigureFairComEmulator}. Component scanning
 * finds nothing else of the application.
 * <p>
 * Put {@code @AutoConfigureFairComEmulator(...)} on the test class as well to change the
 * emulator's settings, or {@code @AutoConfigureFairComEmulator(enabled = false)} with a
 * {@code @ServiceConnection} {@code FairComContainer} to test against a real server.
 *
 * <pre class="code">
 * &#64;FairComTest(Inventory.class)
 * class InventoryTests {
 *
 *     &#64;Autowired
 *     Inventory inventory;
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
@BootstrapWith(FairComTestContextBootstrapper.class)
@ExtendWith(SpringExtension.class)
@OverrideAutoConfiguration(enabled = false)
@TypeExcludeFilters(FairComTypeExcludeFilter.class)
@AutoConfigureFairCom
@AutoConfigureFairComEmulator
@ImportAutoConfiguration
public @interface FairComTest {

	/**
	 * Properties in form {@literal key=value} that should be added to the Spring
	 * {@link Environment} before the test runs.
	 * @return the properties to add
	 */
	String[] properties() default {};

	/**
	 * Specifies the components to test: an alias of {@link #components()}.
	 * @return the components to test
	 */
	@AliasFor("components")
	Class<?>[] value() default {};

	/**
	 * Specifies the components to test, found by component scanning like the application
	 * would find them. May be left empty if the test imports or creates them itself.
	 * @return the components to test
	 */
	@AliasFor("value")
	Class<?>[] components() default {};

	/**
	 * Determines if default filtering should be used with
	 * {@link SpringBootApplication @SpringBootApplication}. By default only the
	 * {@link #components()} are included.
	 * @see #includeFilters()
	 * @see #excludeFilters()
	 * @return if default filters should be used
	 */
	boolean useDefaultFilters() default true;

	/**
	 * A set of include filters which can be used to add otherwise filtered beans to the
	 * application context.
	 * @return include filters to apply
	 */
	Filter[] includeFilters() default {};

	/**
	 * A set of exclude filters which can be used to filter beans that would otherwise be
	 * added to the application context.
	 * @return exclude filters to apply
	 */
	Filter[] excludeFilters() default {};

	/**
	 * Auto-configuration exclusions that should be applied for this test.
	 * @return auto-configuration exclusions to apply
	 */
	@AliasFor(annotation = ImportAutoConfiguration.class, attribute = "exclude")
	Class<?>[] excludeAutoConfiguration() default {};

}
