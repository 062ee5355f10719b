package io.github.faircomclient.test.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;

import io.github.faircomclient.test.spi.EmulatorPlugin;

/**
 * {@link RuntimeHintsRegistrar} for an AOT-processed test context that runs the emulator:
 * its plugins, found by {@link java.util.ServiceLoader} and created reflectively, and the
 * documented examples it reads from the classpath.
 */
class FairComEmulatorRuntimeHints implements RuntimeHintsRegistrar {

	static final String PLUGINS = "META-INF/services/" + EmulatorPlugin.class.getName();

	static final String GOLDEN_EXAMPLES = "META-INF/faircom/golden/*.json";

	static final String GOLDEN_INDEX = "META-INF/faircom/golden-index.txt";

	static final String[] PLUGIN_CLASSES = { "io.github.faircomclient.test.db.DbPlugin",
			"io.github.faircomclient.test.mq.MqPlugin" };

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		hints.resources().registerPattern(PLUGINS).registerPattern(GOLDEN_EXAMPLES).registerPattern(GOLDEN_INDEX);
		for (String plugin : PLUGIN_CLASSES) {
			hints.reflection().registerType(TypeReference.of(plugin), MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS);
		}
	}

}
