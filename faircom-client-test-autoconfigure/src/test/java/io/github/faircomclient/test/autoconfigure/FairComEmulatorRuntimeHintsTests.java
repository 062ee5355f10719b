package io.github.faircomclient.test.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.factory.aot.AotServices;

import io.github.faircomclient.test.db.DbPlugin;
import io.github.faircomclient.test.mq.MqPlugin;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link FairComEmulatorRuntimeHints}: registered through
 * {@code aot.factories}, it covers every plugin the emulator's service file names and the
 * resources the emulator reads.
 */
class FairComEmulatorRuntimeHintsTests {

	private final RuntimeHints hints = registeredHints();

	@Test
	void isRegisteredThroughAotFactories() {
		assertThat(AotServices.factories().load(RuntimeHintsRegistrar.class))
			.anyMatch(FairComEmulatorRuntimeHints.class::isInstance);
	}

	@Test
	void pluginsCanBeFoundAndCreated() throws Exception {
		assertThat(RuntimeHintsPredicates.resource().forResource(FairComEmulatorRuntimeHints.PLUGINS))
			.accepts(this.hints);
		assertThat(Arrays.asList(FairComEmulatorRuntimeHints.PLUGIN_CLASSES))
			.containsExactlyInAnyOrderElementsOf(pluginsOfTheServiceFile());
		assertThat(RuntimeHintsPredicates.reflection().onConstructorInvocation(DbPlugin.class.getConstructor()))
			.accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection().onConstructorInvocation(MqPlugin.class.getConstructor()))
			.accepts(this.hints);
	}

	@Test
	void goldenExamplesCanBeRead() {
		assertThat(RuntimeHintsPredicates.resource().forResource("META-INF/faircom/golden/db-createDatabase-success.json"))
			.accepts(this.hints);
		assertThat(RuntimeHintsPredicates.resource().forResource(FairComEmulatorRuntimeHints.GOLDEN_INDEX))
			.accepts(this.hints);
	}

	private static List<String> pluginsOfTheServiceFile() throws IOException {
		try (InputStream in = FairComEmulatorRuntimeHintsTests.class.getClassLoader()
			.getResourceAsStream(FairComEmulatorRuntimeHints.PLUGINS)) {
			assertThat(in).isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.map(String::strip)
				.filter((line) -> !line.isEmpty() && !line.startsWith("#"))
				.toList();
		}
	}

	private static RuntimeHints registeredHints() {
		RuntimeHints hints = new RuntimeHints();
		new FairComEmulatorRuntimeHints().registerHints(hints, FairComEmulatorRuntimeHintsTests.class.getClassLoader());
		return hints;
	}

}
