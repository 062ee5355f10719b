package io.github.faircomclient.autoconfigure;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.factory.aot.AotServices;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.util.ClassUtils;

import io.github.faircomclient.FairComException;
import io.github.faircomclient.autoconfigure.mq.FairComMqProperties;
import io.github.faircomclient.db.DatabaseInfo;
import io.github.faircomclient.mq.MqMessage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link FairComRuntimeHints}: registered through {@code aot.factories}, it lets
 * the properties classes bind and Jackson read and write every public record of the
 * library (a record added later without a hint fails here).
 */
class FairComRuntimeHintsTests {

	private final RuntimeHints hints = registeredHints();

	@Test
	void isRegisteredThroughAotFactories() {
		assertThat(AotServices.factories().load(RuntimeHintsRegistrar.class))
			.anyMatch(FairComRuntimeHints.class::isInstance);
	}

	@Test
	void propertiesClassesCanBeBound() {
		for (Class<?> type : FairComRuntimeHints.PROPERTIES) {
			assertThat(RuntimeHintsPredicates.reflection().onType(type)).as(type.getName()).accepts(this.hints);
		}
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(FairComProperties.class, "setUrl"))
			.accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(FairComMqProperties.class, "setClientName"))
			.accepts(this.hints);
	}

	@Test
	void recordsCanBeWrittenAndReadByJackson() {
		for (Class<?> type : FairComRuntimeHints.RECORDS) {
			assertThat(RuntimeHintsPredicates.reflection().onType(type)).as(type.getName()).accepts(this.hints);
		}
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(DatabaseInfo.class, "databaseName"))
			.accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(MqMessage.class, "payload"))
			.accepts(this.hints);
	}

	@Test
	void everyPublicRecordOfTheLibraryHasHints() throws Exception {
		assertThat(FairComRuntimeHints.RECORDS).containsExactlyInAnyOrderElementsOf(publicRecords());
	}

	private static List<Class<?>> publicRecords() throws IOException, ClassNotFoundException {
		ClassLoader classLoader = FairComRuntimeHints.class.getClassLoader();
		String root = FairComException.class.getProtectionDomain().getCodeSource().getLocation().toString();
		List<Class<?>> records = new ArrayList<>();
		for (Resource resource : new PathMatchingResourcePatternResolver(classLoader)
			.getResources("classpath*:io/github/faircomclient/**/*.class")) {
			String url = resource.getURL().toString();
			if (!url.startsWith(root) || url.contains("$")) {
				continue;
			}
			String className = url.substring(root.length(), url.length() - ".class".length()).replace('/', '.');
			Class<?> type = ClassUtils.forName(className, classLoader);
			if (type.isRecord() && Modifier.isPublic(type.getModifiers())) {
				records.add(type);
			}
		}
		return records;
	}

	private static RuntimeHints registeredHints() {
		RuntimeHints hints = new RuntimeHints();
		new FairComRuntimeHints().registerHints(hints, FairComRuntimeHintsTests.class.getClassLoader());
		return hints;
	}

}
