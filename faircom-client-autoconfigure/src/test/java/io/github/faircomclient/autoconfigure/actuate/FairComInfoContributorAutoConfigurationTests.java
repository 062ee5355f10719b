package io.github.faircomclient.autoconfigure.actuate;

import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.github.faircomclient.actuate.FairComInfoContributor;
import io.github.faircomclient.autoconfigure.FairComAutoConfiguration;
import io.github.faircomclient.core.FairComTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link FairComInfoContributorAutoConfiguration}: the {@code faircom} info
 * contributor comes with a template and Spring Boot Actuator, and follows
 * {@code management.info.faircom.enabled} and {@code management.info.defaults.enabled}.
 */
class FairComInfoContributorAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, FairComAutoConfiguration.class,
				FairComInfoContributorAutoConfiguration.class))
		.withPropertyValues("faircom.url=http://faircom.test:8080/api", "faircom.username=app",
				"faircom.password=secret");

	@Test
	void contributesTheFairComInfo() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(FairComTemplate.class)
			.getBean("faircomInfoContributor")
			.isInstanceOf(FairComInfoContributor.class));
	}

	@Test
	void followsItsSwitchAndTheDefaultsSwitch() {
		this.runner.withPropertyValues("management.info.faircom.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("faircomInfoContributor"));
		this.runner.withPropertyValues("management.info.defaults.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("faircomInfoContributor"));
		this.runner.withPropertyValues("management.info.defaults.enabled=false", "management.info.faircom.enabled=true")
			.run((context) -> assertThat(context).hasBean("faircomInfoContributor"));
	}

	@Test
	void backsOffWithoutActuatorWithoutTemplateAndForTheApplicationsOwn() {
		this.runner.withClassLoader(new FilteredClassLoader(InfoContributor.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean("faircomInfoContributor"));
		this.runner.withPropertyValues("faircom.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("faircomInfoContributor"));
		this.runner.withBean("faircomInfoContributor", InfoContributor.class, () -> (builder) -> {
		}).run((context) -> assertThat(context.getBean("faircomInfoContributor"))
			.isNotInstanceOf(FairComInfoContributor.class));
	}

}
