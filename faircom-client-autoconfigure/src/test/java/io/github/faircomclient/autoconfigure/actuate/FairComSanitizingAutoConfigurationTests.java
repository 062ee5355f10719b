package io.github.faircomclient.autoconfigure.actuate;

import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.github.faircomclient.actuate.FairComSanitizingFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link FairComSanitizingAutoConfiguration}.
 */
class FairComSanitizingAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(FairComSanitizingAutoConfiguration.class));

	@Test
	void contributesTheFunctionEvenWhenTheClientIsSwitchedOff() {
		this.runner.withPropertyValues("faircom.enabled=false")
			.run((context) -> assertThat(context).hasSingleBean(FairComSanitizingFunction.class)
				.hasBean("fairComSanitizingFunction"));
	}

	@Test
	void backsOffWithoutActuator() {
		this.runner.withClassLoader(new FilteredClassLoader(SanitizingFunction.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean("fairComSanitizingFunction"));
	}

	@Test
	void backsOffForTheApplicationsOwnFunctionOfThatName() {
		SanitizingFunction own = (data) -> data;
		this.runner.withBean("fairComSanitizingFunction", SanitizingFunction.class, () -> own)
			.run((context) -> assertThat(context.getBean("fairComSanitizingFunction")).isSameAs(own));
	}

}
