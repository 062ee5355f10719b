package io.github.faircomclient.autoconfigure.health;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.CompositeHealthContributorConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.context.annotation.Bean;

import io.github.faircomclient.autoconfigure.FairComAutoConfiguration;
import io.github.faircomclient.core.FairComTemplate;
import io.github.faircomclient.health.FairComHealthDetailsContributor;
import io.github.faircomclient.health.FairComHealthIndicator;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of the {@code faircom} health contributor: a
 * {@link FairComHealthIndicator} for the one {@link FairComTemplate} bean, or a composite
 * with one indicator per template bean (named after the beans) when there are several.
 * Switch it off with {@code management.health.faircom.enabled=false}; set the ping's
 * timeout with {@code faircom.health.timeout}. {@link FairComHealthDetailsContributor}
 * beans add their details to every indicator.
 */
@AutoConfiguration(after = FairComAutoConfiguration.class)
@ConditionalOnClass({ FairComTemplate.class, HealthContributor.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBean(FairComTemplate.class)
@ConditionalOnEnabledHealthIndicator("faircom")
@EnableConfigurationProperties(FairComHealthProperties.class)
public final class FairComHealthContributorAutoConfiguration
		extends CompositeHealthContributorConfiguration<FairComHealthIndicator, FairComTemplate> {

	FairComHealthContributorAutoConfiguration(FairComHealthProperties properties,
			ObjectProvider<FairComHealthDetailsContributor> contributors) {
		super((template) -> new FairComHealthIndicator(template, properties.getTimeout(), Clock.systemUTC(),
				contributors.orderedStream().toList()));
	}

	@Bean
	@ConditionalOnMissingBean(name = { "faircomHealthIndicator", "faircomHealthContributor" })
	HealthContributor faircomHealthContributor(ConfigurableListableBeanFactory beanFactory) {
		return createContributor(beanFactory, FairComTemplate.class);
	}

}
