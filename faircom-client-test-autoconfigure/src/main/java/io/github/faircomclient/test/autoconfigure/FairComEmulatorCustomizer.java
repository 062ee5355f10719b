package io.github.faircomclient.test.autoconfigure;

import io.github.faircomclient.test.FairComEmulatorBuilder;

/**
 * Configures the emulator {@link AutoConfigureFairComEmulator @AutoConfigureFairComEmulator}
 * starts, after the annotation's settings and before it is built: more accounts, plugins,
 * session limits or defaults, a request log. Define it as a bean (in a
 * {@code @TestConfiguration}); customizers run in their order.
 */
@FunctionalInterface
public interface FairComEmulatorCustomizer {

	/**
	 * Customize the emulator's builder.
	 * @param builder the builder, already holding the annotation's settings
	 */
	void customize(FairComEmulatorBuilder builder);

}
