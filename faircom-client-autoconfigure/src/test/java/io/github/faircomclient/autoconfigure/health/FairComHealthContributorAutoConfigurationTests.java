package io.github.faircomclient.autoconfigure.health;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.IndicatedHealthDescriptor;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.client.ExpectedCount;
import org.springframework.test.web.client.MockRestServiceServer;

import io.github.faircomclient.FairComConfigurationException;
import io.github.faircomclient.autoconfigure.FairComAutoConfiguration;
import io.github.faircomclient.core.FairComTemplate;
import io.github.faircomclient.health.FairComHealthIndicator;
import io.github.faircomclient.http.FairComRestClientCustomizer;

import static io.github.faircomclient.testsupport.FairComAnswers.success;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.jsonPath;

/**
 * Tests for {@link FairComHealthContributorAutoConfiguration}.
 */
class FairComHealthContributorAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, FairComAutoConfiguration.class,
				HealthContributorAutoConfiguration.class, FairComHealthContributorAutoConfiguration.class))
		.withPropertyValues("faircom.url=http://faircom.test:8080/api", "faircom.username=app",
				"faircom.password=secret");

	@Test
	void contributesOneFairComIndicatorForTheTemplate() {
		this.runner.run((context) -> {
			assertThat(context).hasBean("faircomHealthContributor");
			FairComHealthIndicator indicator = context.getBean("faircomHealthContributor",
					FairComHealthIndicator.class);
			assertThat(ReflectionTestUtils.getField(indicator, "template"))
				.isSameAs(context.getBean(FairComTemplate.class));
			assertThat(ReflectionTestUtils.getField(indicator, "timeout")).isEqualTo(Duration.ofSeconds(2));
		});
	}

	@Test
	void timeoutComesFromTheProperties() {
		this.runner.withPropertyValues("faircom.health.timeout=750ms")
			.run((context) -> assertThat(
					ReflectionTestUtils.getField(context.getBean("faircomHealthContributor"), "timeout"))
				.isEqualTo(Duration.ofMillis(750)));
	}

	@Test
	void nonPositiveTimeoutFailsTheStartupNamingTheProperty() {
		this.runner.withPropertyValues("faircom.health.timeout=0s")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(FairComConfigurationException.class)
				.hasMessageContaining("faircom.health.timeout"));
	}

	@Test
	void backsOffWhenDisabled() {
		this.runner.withPropertyValues("management.health.faircom.enabled=false")
			.run((context) -> assertThat(context).hasSingleBean(FairComTemplate.class)
				.doesNotHaveBean("faircomHealthContributor"));
	}

	@Test
	void followsTheDefaultsSwitch() {
		this.runner.withPropertyValues("management.health.defaults.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("faircomHealthContributor"));
		this.runner.withPropertyValues("management.health.defaults.enabled=false", "management.health.faircom.enabled=true")
			.run((context) -> assertThat(context).hasBean("faircomHealthContributor"));
	}

	@Test
	void backsOffWithoutTheHealthModule() {
		this.runner.withClassLoader(new FilteredClassLoader(HealthContributor.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(FairComTemplate.class)
				.doesNotHaveBean("faircomHealthContributor"));
	}

	@Test
	void backsOffWithoutTemplate() {
		this.runner.withPropertyValues("faircom.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(FairComTemplate.class)
				.doesNotHaveBean("faircomHealthContributor"));
	}

	@Test
	void backsOffForTheApplicationsOwnIndicatorOrContributor() {
		this.runner.withBean("faircomHealthIndicator", HealthIndicator.class, () -> () -> Health.up().build())
			.run((context) -> assertThat(context).hasBean("faircomHealthIndicator")
				.doesNotHaveBean("faircomHealthContributor"));
		this.runner.withUserConfiguration(UserContributorConfiguration.class)
			.run((context) -> assertThat(context.getBean("faircomHealthContributor"))
				.isNotInstanceOf(FairComHealthIndicator.class));
	}

	@Test
	void severalTemplatesGetACompositeNamedAfterTheBeans() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(FairComAutoConfiguration.class,
					HealthContributorAutoConfiguration.class, FairComHealthContributorAutoConfiguration.class))
			.withUserConfiguration(TwoTemplatesConfiguration.class)
			.run((context) -> {
				HealthContributor contributor = context.getBean("faircomHealthContributor", HealthContributor.class);
				assertThat(contributor).isInstanceOf(CompositeHealthContributor.class);
				List<String> names = new ArrayList<>();
				((CompositeHealthContributor) contributor).stream().forEach((entry) -> {
					names.add(entry.name());
					assertThat(entry.contributor()).isInstanceOf(FairComHealthIndicator.class);
				});
				assertThat(names).containsExactlyInAnyOrder("orders", "reporting");
			});
	}

	@Test
	void healthEndpointReportsTheIndicatorAsFaircom() {
		AtomicReference<MockRestServiceServer> server = new AtomicReference<>();
		this.runner
			.withConfiguration(AutoConfigurations.of(HealthContributorRegistryAutoConfiguration.class,
					HealthEndpointAutoConfiguration.class))
			.withBean(FairComRestClientCustomizer.class,
					() -> (builder) -> server.set(MockRestServiceServer.bindTo(builder).build()))
			.run((context) -> {
				server.get()
					.expect(ExpectedCount.once(), jsonPath("$.action").value("pingSession"))
					.andRespond(success("{}"));
				IndicatedHealthDescriptor health = (IndicatedHealthDescriptor) context.getBean(HealthEndpoint.class)
					.healthForPath("faircom");
				assertThat(health.getStatus()).isEqualTo(Status.UP);
				assertThat(health.getDetails()).containsEntry("url", "http://faircom.test:8080/api")
					.containsEntry("session", "none");
				server.get().verify();
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class UserContributorConfiguration {

		@Bean
		HealthContributor faircomHealthContributor() {
			return (HealthIndicator) () -> Health.up().build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class TwoTemplatesConfiguration {

		@Bean
		FairComTemplate orders() {
			return FairComTemplate.builder().url("http://orders.test:8080").token("A").build();
		}

		@Bean
		FairComTemplate reporting() {
			return FairComTemplate.builder().url("http://reporting.test:8080").token("B").build();
		}

	}

}
