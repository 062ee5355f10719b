package io.github.faircomclient.test.spi;

/**
 * Adds APIs or behaviour to an emulator, e.g. the {@code db} API. Plugins come from
 * {@code FairComEmulatorBuilder.plugin(...)} or from {@link java.util.ServiceLoader}
 * ({@code META-INF/services/io.github.faircomclient.test.spi.EmulatorPlugin}); each emulator gets its own
 * instance. A plugin may expose introspection for tests through its own public methods, reachable with
 * {@code FairComEmulator.plugin(Class)}.
 */
public interface EmulatorPlugin {

	/**
	 * Installs the plugin once, when the emulator is built.
	 * @param context registration hooks
	 */
	void install(EmulatorPluginContext context);

	/**
	 * Frees the plugin's resources when the emulator is closed.
	 */
	default void close() {
	}

}
