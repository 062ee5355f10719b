package io.github.faircomclient.autoconfigure;

import java.time.Duration;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizationAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizer;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionManager;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.github.faircomclient.core.FairComTemplate;
import io.github.faircomclient.transaction.FairComPersistenceExceptionTranslator;
import io.github.faircomclient.transaction.FairComTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * {@link FairComTransactionAutoConfiguration}: the manager when the application has no
 * other, ordered after JDBC's, customized like Boot's own managers, and the exception
 * translator.
 */
class FairComTransactionAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, FairComAutoConfiguration.class,
				FairComTransactionAutoConfiguration.class, TransactionManagerCustomizationAutoConfiguration.class,
				TransactionAutoConfiguration.class))
		.withPropertyValues("faircom.url=http://faircom.test:8080/api", "faircom.username=app",
				"faircom.password=secret");

	@Test
	void createsTheManagerForTheTemplateBeforeBootsTransactionSupport() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(FairComTransactionManager.class)
				.hasBean("faircomTransactionManager")
				.hasSingleBean(TransactionManager.class)
				.hasSingleBean(FairComPersistenceExceptionTranslator.class);
			FairComTransactionManager manager = context.getBean(FairComTransactionManager.class);
			assertThat(manager.getTemplate()).isSameAs(context.getBean(FairComTemplate.class));
			assertThat(manager.isNestedTransactionAllowed()).isTrue();
			assertThat(context).as("TransactionAutoConfiguration saw the manager").hasSingleBean(TransactionTemplate.class);
			assertThat(context.getBean(TransactionTemplate.class).getTransactionManager()).isSameAs(manager);
		});
	}

	@Test
	void transactionManagerCustomizersApply() {
		this.runner
			.withPropertyValues("spring.transaction.default-timeout=30s",
					"spring.transaction.rollback-on-commit-failure=true")
			.withBean("custom", TransactionManagerCustomizer.class,
					() -> (TransactionManagerCustomizer<AbstractPlatformTransactionManager>) (manager) -> manager
						.setValidateExistingTransaction(true))
			.run((context) -> {
				FairComTransactionManager manager = context.getBean(FairComTransactionManager.class);
				assertThat(manager.getDefaultTimeout()).isEqualTo(30);
				assertThat(manager.isRollbackOnCommitFailure()).isTrue();
				assertThat(manager.isValidateExistingTransaction()).isTrue();
			});
	}

	@Test
	void backsOffWhenTheApplicationHasAnotherTransactionManager() {
		this.runner.withBean("appTransactionManager", PlatformTransactionManager.class,
				() -> mock(PlatformTransactionManager.class))
			.run((context) -> assertThat(context).doesNotHaveBean(FairComTransactionManager.class)
				.hasSingleBean(FairComPersistenceExceptionTranslator.class));
	}

	@Test
	void aJdbcApplicationKeepsItsDataSourceTransactionManager() {
		this.runner.withConfiguration(AutoConfigurations.of(DataSourceTransactionManagerAutoConfiguration.class))
			.withUserConfiguration(H2DataSource.class)
			.run((context) -> assertThat(context).hasSingleBean(TransactionManager.class)
				.hasSingleBean(DataSourceTransactionManager.class)
				.doesNotHaveBean(FairComTransactionManager.class));
	}

	@Test
	void anApplicationsOwnManagerForFairComIsKept() {
		this.runner.withUserConfiguration(OwnManager.class).run((context) -> {
			assertThat(context).hasSingleBean(FairComTransactionManager.class).hasBean("ownManager");
			assertThat(context.getBean(FairComTransactionManager.class).getDefaultTimeout()).isEqualTo(5);
		});
	}

	@Test
	void withoutBootsTransactionModuleOnlyTheTranslatorIsConfigured() {
		this.runner.withClassLoader(new FilteredClassLoader(TransactionManagerCustomizers.class))
			.run((context) -> assertThat(context).doesNotHaveBean(FairComTransactionManager.class)
				.hasSingleBean(FairComPersistenceExceptionTranslator.class));
	}

	@Test
	void nothingWithoutTheTemplate() {
		this.runner.withPropertyValues("faircom.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(FairComTransactionManager.class)
				.doesNotHaveBean(FairComPersistenceExceptionTranslator.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class H2DataSource {

		@Bean
		DataSource dataSource() {
			return new SimpleDriverDataSource(new org.h2.Driver(), "jdbc:h2:mem:faircom-tx-autoconfig");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnManager {

		@Bean
		FairComTransactionManager ownManager(FairComTemplate faircom) {
			FairComTransactionManager manager = new FairComTransactionManager(faircom);
			manager.setDefaultTimeout((int) Duration.ofSeconds(5).toSeconds());
			return manager;
		}

	}

}
