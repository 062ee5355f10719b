package io.github.faircomclient.it.db;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.faircomclient.FairComChangeIdConflictException;
import io.github.faircomclient.FairComRecordLimitExceededException;
import io.github.faircomclient.autoconfigure.FairComAutoConfiguration;
import io.github.faircomclient.core.FairComOperations;
import io.github.faircomclient.db.DbOperations;
import io.github.faircomclient.db.FairComRecordMapperCustomizer;
import io.github.faircomclient.db.FieldDefinition;
import io.github.faircomclient.db.TableDefinition;
import io.github.faircomclient.test.FairComEmulator;
import io.github.faircomclient.test.ProvisionalChoice;

import tools.jackson.databind.DeserializationFeature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The auto-configured template's DB operations against the emulator: {@code faircom.db.*}
 * and {@code faircom.error-codes.*} properties and a record mapper customizer bean.
 */
class DbAutoConfigurationIntegrationTests {

	private static FairComEmulator emulator;

	record Item(long id, long changeId, String name, int qty) {
	}

	@BeforeAll
	static void start() {
		emulator = FairComEmulator.builder().httpPort(0).user("app", "secret").build().start();
	}

	@AfterAll
	static void stop() {
		emulator.stop();
	}

	private ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, FairComAutoConfiguration.class))
			.withPropertyValues("faircom.url=" + emulator.httpUrl(), "faircom.username=app", "faircom.password=secret");
	}

	@Test
	void propertiesAndCustomizersShapeTheDbOperations() {
		runner().withUserConfiguration(LenientPrimitives.class)
			.withPropertyValues("faircom.db.max-records=3", "faircom.db.batch-size=2",
					"faircom.error-codes.change-id-conflict=" + ProvisionalChoice.DB_CHANGE_ID_CONFLICT.errorCode())
			.run((context) -> {
				DbOperations db = context.getBean(FairComOperations.class).db();
				db.createTable(TableDefinition.builder("items")
					.field(FieldDefinition.varchar("name", 20))
					.field(FieldDefinition.integer("qty"))
					.build());
				long before = emulator.actionCount("insertRecords");
				db.insert("items", IntStream.rangeClosed(1, 4).mapToObj((i) -> new Item(0, 0, "i" + i, i)).toList());
				assertThat(emulator.actionCount("insertRecords") - before).as("batches of 2").isEqualTo(2);
				assertThatExceptionOfType(FairComRecordLimitExceededException.class)
					.isThrownBy(() -> db.getRecordsByTable("items").list(Item.class))
					.satisfies((ex) -> assertThat(ex.getLimit()).isEqualTo(3));
				db.insert("items", Map.of("name", "no qty"));
				Item noQty = db.getRecordsByIds("items", List.of(5), Item.class).get(0);
				assertThat(noQty.name()).isEqualTo("no qty");
				assertThat(noQty.qty()).as("the customizer lets a null become 0").isZero();
				Item first = db.getRecordsByIds("items", List.of(1), Item.class).get(0);
				db.update("items", new Item(1, first.changeId(), "i1", 10));
				assertThatExceptionOfType(FairComChangeIdConflictException.class)
					.isThrownBy(() -> db.update("items", new Item(1, first.changeId(), "i1", 20)));
				db.deleteTables("items");
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class LenientPrimitives {

		@Bean
		FairComRecordMapperCustomizer lenientPrimitives() {
			return (builder) -> builder.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
		}

	}

}
