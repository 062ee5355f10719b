package io.github.faircomclient.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.dao.support.PersistenceExceptionTranslator;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionManager;

import io.github.faircomclient.core.FairComTemplate;
import io.github.faircomclient.transaction.FairComPersistenceExceptionTranslator;
import io.github.faircomclient.transaction.FairComTransactionManager;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration}
 * of Spring transactions and data access exceptions for the {@link FairComTemplate}: a
 * {@link FairComPersistenceExceptionTranslator} for {@code @Repository} beans, and a
 * {@link FairComTransactionManager} named {@code faircomTransactionManager}, with the
 * application's {@link TransactionManagerCustomizers} applied, when the application has no
 * other {@link TransactionManager}. It runs after the auto-configurations of JDBC and JPA
 * transaction managers, so an application with a {@code DataSource} keeps its
 * {@code DataSourceTransactionManager}; such an application declares both managers
 * itself (see the README's "Transactions").
 */
@AutoConfiguration(after = FairComAutoConfiguration.class,
		afterName = { "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
				"org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
				"org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizationAutoConfiguration" },
		beforeName = "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration")
@ConditionalOnClass(PersistenceExceptionTranslator.class)
@ConditionalOnSingleCandidate(FairComTemplate.class)
@Import(FairComTransactionAutoConfiguration.TransactionManagerConfiguration.class)
public final class FairComTransactionAutoConfiguration {

	FairComTransactionAutoConfiguration() {
	}

	@Bean
	@ConditionalOnMissingBean
	static FairComPersistenceExceptionTranslator faircomPersistenceExceptionTranslator() {
		return new FairComPersistenceExceptionTranslator();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ PlatformTransactionManager.class, TransactionManagerCustomizers.class })
	static class TransactionManagerConfiguration {

		@Bean
		@ConditionalOnMissingBean(TransactionManager.class)
		FairComTransactionManager faircomTransactionManager(FairComTemplate faircomTemplate,
				ObjectProvider<TransactionManagerCustomizers> transactionManagerCustomizers) {
			FairComTransactionManager transactionManager = new FairComTransactionManager(faircomTemplate);
			transactionManagerCustomizers.ifAvailable((customizers) -> customizers.customize(transactionManager));
			return transactionManager;
		}

	}

}
