package io.github.faircomclient.autoconfigure.actuate;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.actuate.autoconfigure.info.ConditionalOnEnabledInfoContributor;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import io.github.faircomclient.actuate.FairComInfoContributor;
import io.github.faircomclient.autoconfigure.FairComAutoConfiguration;
import io.github.faircomclient.core.FairComTemplate;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of the {@code faircom} {@link FairComInfoContributor} for the
 * {@code info} endpoint, when Spring Boot Actuator is present and the context has
 * templates. Switch it off with {@code management.info.faircom.enabled=false}.
 */
@AutoConfiguration(after = FairComAutoConfiguration.class)
@ConditionalOnClass({ InfoContributor.class, ConditionalOnEnabledInfoContributor.class, FairComTemplate.class })
@ConditionalOnBean(FairComTemplate.class)
@ConditionalOnEnabledInfoContributor("faircom")
public final class FairComInfoContributorAutoConfiguration {

	FairComInfoContributorAutoConfiguration() {
	}

	@Bean
	@ConditionalOnMissingBean(name = "faircomInfoContributor")
	FairComInfoContributor faircomInfoContributor(ListableBeanFactory beanFactory) {
		return new FairComInfoContributor(beanFactory.getBeansOfType(FairComTemplate.class));
	}

}
