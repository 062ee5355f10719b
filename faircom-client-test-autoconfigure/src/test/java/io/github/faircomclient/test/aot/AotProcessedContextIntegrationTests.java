package io.github.faircomclient.test.aot;

import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.aot.test.generate.TestGenerationContext;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.annotation.AnnotationConfigUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.test.tools.CompileWithForkedClassLoader;
import org.springframework.core.test.tools.TestCompiler;
import org.springframework.javapoet.ClassName;

import io.github.faircomclient.autoconfigure.FairComAutoConfiguration;
import io.github.faircomclient.core.FairComTemplate;
import io.github.faircomclient.db.DatabaseInfo;
import io.github.faircomclient.test.FairComEmulator;
import io.github.faircomclient.test.autoconfigure.FairComEmulatorAutoConfiguration;
import io.github.faircomclient.test.autoconfigure.app.Catalog;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring's AOT processing of an application context that uses the starter and the
 * emulator (JVM mode): the generated code compiles, the hints of the library and of the
 * emulator are part of the result, and the processed context starts, logs in to the
 * emulator and makes calls through the application's component. The generated code
 * reaches package-private members of the auto-configuration, as in an application, so it
 * is loaded in the classes' own class loader.
 */
@CompileWithForkedClassLoader
class AotProcessedContextIntegrationTests {

	@Test
	void theProcessedContextStartsAndCallsTheEmulator() {
		GenericApplicationContext applicationContext = new GenericApplicationContext();
		AnnotationConfigUtils.registerAnnotationConfigProcessors(applicationContext);
		applicationContext.registerBean(AotApplication.class);
		TestGenerationContext generationContext = new TestGenerationContext();
		ClassName className = new ApplicationContextAotGenerator().processAheadOfTime(applicationContext,
				generationContext);
		generationContext.writeGeneratedContent();
		assertThat(RuntimeHintsPredicates.reflection().onType(DatabaseInfo.class))
			.accepts(generationContext.getRuntimeHints());
		assertThat(RuntimeHintsPredicates.resource().forResource("META-INF/faircom/golden-index.txt"))
			.accepts(generationContext.getRuntimeHints());
		TestCompiler.forSystem().with(generationContext).compile((compiled) -> {
			try (GenericApplicationContext processed = new GenericApplicationContext()) {
				@SuppressWarnings("unchecked")
				ApplicationContextInitializer<GenericApplicationContext> initializer = compiled
					.getInstance(ApplicationContextInitializer.class, className.toString());
				initializer.initialize(processed);
				processed.refresh();
				FairComEmulator emulator = processed.getBean(FairComEmulator.class);
				Catalog catalog = processed.getBean(Catalog.class);
				catalog.create("aot");
				assertThat(catalog.databases()).contains("aot");
				assertThat(processed.getBean(FairComTemplate.class).getUrl()).isEqualTo(emulator.httpUrl());
				assertThat(emulator.actionCount("createSession")).isOne();
				assertThat(emulator.actionCount("createDatabase")).isOne();
			}
		});
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ SslAutoConfiguration.class, FairComEmulatorAutoConfiguration.class,
			FairComAutoConfiguration.class })
	public static class AotApplication {

		@Bean
		public Catalog catalog(FairComTemplate faircom) {
			return new Catalog(faircom);
		}

	}

}
