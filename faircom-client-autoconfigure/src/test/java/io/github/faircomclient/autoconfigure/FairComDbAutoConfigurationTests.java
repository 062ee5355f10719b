package io.github.faircomclient.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import io.github.faircomclient.FairComConfigurationException;
import io.github.faircomclient.FairComErrorCodes;
import io.github.faircomclient.core.FairComTemplate;
import io.github.faircomclient.db.BinaryFormat;
import io.github.faircomclient.db.BulkSettings;
import io.github.faircomclient.db.DbSettings;
import io.github.faircomclient.db.DbTemplate;
import io.github.faircomclient.db.FairComRecordMapperCustomizer;
import io.github.faircomclient.db.NumberFormat;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The DB settings and error codes of {@link FairComAutoConfiguration}.
 */
class FairComDbAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, FairComAutoConfiguration.class))
		.withPropertyValues("faircom.url=http://faircom.test:8080/api", "faircom.username=app",
				"faircom.password=secret");

	@Test
	void dbDefaults() {
		this.runner.run((context) -> {
			DbSettings settings = db(context.getBean(FairComTemplate.class)).getSettings();
			assertThat(settings.getMaxRecords()).isEqualTo(1000);
			assertThat(settings.getFetchSize()).isEqualTo(500);
			assertThat(settings.getBatchSize()).isEqualTo(500);
			assertThat(settings.getBinaryFormat()).isEqualTo(BinaryFormat.BASE64);
			assertThat(settings.getNumberFormat()).isEqualTo(NumberFormat.STRING);
			assertThat(settings.getRecordMapperCustomizers()).isEmpty();
			assertThat(settings.getBulk()).usingRecursiveComparison().isEqualTo(BulkSettings.defaults());
		});
	}

	@Test
	void bulkPropertiesReachTheBulkLoader() {
		this.runner
			.withPropertyValues("faircom.db.bulk.lanes=8", "faircom.db.bulk.target-batch-size=256KB",
					"faircom.db.bulk.min-batch-records=10", "faircom.db.bulk.max-batch-records=700",
					"faircom.db.bulk.latency-budget=500ms")
			.run((context) -> {
				BulkSettings bulk = db(context.getBean(FairComTemplate.class)).getSettings().getBulk();
				assertThat(bulk.getLanes()).isEqualTo(8);
				assertThat(bulk.getTargetBatchBytes()).isEqualTo(256 * 1024);
				assertThat(bulk.getMinBatchRecords()).isEqualTo(10);
				assertThat(bulk.getMaxBatchRecords()).isEqualTo(700);
				assertThat(bulk.getLatencyBudget()).isEqualTo(Duration.ofMillis(500));
			});
	}

	@Test
	void failsOnImpossibleBulkSettingsNamingTheProperty() {
		assertInvalidValue("faircom.db.bulk.lanes=0", "faircom.db.bulk.lanes");
		assertInvalidValue("faircom.db.bulk.lanes=65", "faircom.db.bulk.lanes");
		assertInvalidValue("faircom.db.bulk.target-batch-size=0B", "faircom.db.bulk.target-batch-size");
		assertInvalidValue("faircom.db.bulk.min-batch-records=3000", "faircom.db.bulk.min-batch-records");
		assertInvalidValue("faircom.db.bulk.latency-budget=0s", "faircom.db.bulk.latency-budget");
	}

	@Test
	void dbPropertiesReachTheTemplatesDbOperations() {
		this.runner
			.withPropertyValues("faircom.db.max-records=50", "faircom.db.fetch-size=25", "faircom.db.batch-size=10",
					"faircom.db.binary-format=hex", "faircom.db.number-format=number")
			.run((context) -> {
				DbSettings settings = db(context.getBean(FairComTemplate.class)).getSettings();
				assertThat(settings.getMaxRecords()).isEqualTo(50);
				assertThat(settings.getFetchSize()).isEqualTo(25);
				assertThat(settings.getBatchSize()).isEqualTo(10);
				assertThat(settings.getBinaryFormat()).isEqualTo(BinaryFormat.HEX);
				assertThat(settings.getNumberFormat()).isEqualTo(NumberFormat.NUMBER);
			});
	}

	@Test
	void recordMapperCustomizerBeansApplyInOrderAndNoMapperBeanIsExposed() {
		this.runner.withUserConfiguration(Customizers.class).run((context) -> {
			DbTemplate db = db(context.getBean(FairComTemplate.class));
			assertThat(context.getBean("calls", List.class)).containsExactly("first", "second");
			assertThat(db.getRecordMapper().isEnabled(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)).isFalse();
			assertThat(context).doesNotHaveBean(ObjectMapper.class);
		});
	}

	@Test
	void failsOnImpossibleDbSettingsNamingTheProperty() {
		assertInvalidValue("faircom.db.max-records=0", "faircom.db.max-records");
		assertInvalidValue("faircom.db.max-records=2147483647", "faircom.db.max-records");
		assertInvalidValue("faircom.db.fetch-size=0", "faircom.db.fetch-size");
		assertInvalidValue("faircom.db.batch-size=-1", "faircom.db.batch-size");
	}

	@Test
	void errorCodePropertiesBuildTheTable() {
		FairComProperties.ErrorCodes properties = new FairComProperties.ErrorCodes();
		assertThat(FairComTemplateBuilderConfigurer.errorCodes(properties))
			.isEqualTo(FairComErrorCodes.documented());
		properties.setChangeIdConflict(List.of(99033));
		properties.setNotFound(List.of(4046, 12));
		FairComErrorCodes codes = FairComTemplateBuilderConfigurer.errorCodes(properties);
		assertThat(codes.categoryOf(99033)).isEqualTo(FairComErrorCodes.Category.CHANGE_ID_CONFLICT);
		assertThat(codes.codesOf(FairComErrorCodes.Category.NOT_FOUND)).containsExactly(12, 4046);
		assertThat(codes.codesOf(FairComErrorCodes.Category.DUPLICATE_KEY)).containsExactly(2);
	}

	@Test
	void failsOnErrorCodesThatAreZeroOrInTwoCategories() {
		assertInvalidValue("faircom.error-codes.not-found=0", "faircom.error-codes.not-found");
		this.runner.withPropertyValues("faircom.error-codes.change-id-conflict=2").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOfSatisfying(FairComConfigurationException.class, (ex) -> {
					assertThat(ex.getProperty()).isEqualTo("faircom.error-codes.change-id-conflict");
					assertThat(ex.getMessage()).contains("also listed in faircom.error-codes.duplicate-key");
				});
		});
	}

	private void assertInvalidValue(String property, String name) {
		this.runner.withPropertyValues(property).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOfSatisfying(FairComConfigurationException.class,
						(ex) -> assertThat(ex.getProperty()).isEqualTo(name));
		});
	}

	private static DbTemplate db(FairComTemplate template) {
		return (DbTemplate) template.db();
	}

	@Configuration(proxyBeanMethods = false)
	static class Customizers {

		@Bean
		List<String> calls() {
			return new CopyOnWriteArrayList<>();
		}

		@Bean
		@Order(2)
		FairComRecordMapperCustomizer second(List<String> calls) {
			return (builder) -> {
				calls.add("second");
				builder.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
			};
		}

		@Bean
		@Order(1)
		FairComRecordMapperCustomizer first(List<String> calls) {
			return (builder) -> calls.add("first");
		}

	}

}
