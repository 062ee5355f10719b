package io.github.faircomclient.autoconfigure.actuate;

import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import io.github.faircomclient.actuate.FairComSanitizingFunction;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of the {@link FairComSanitizingFunction}, which keeps
 * {@code faircom.password}, {@code faircom.session.token} and the client's other secrets
 * masked in the {@code configprops} and {@code env} endpoints even when they show values.
 * Active whenever Spring Boot Actuator is on the classpath, also when the client itself is
 * switched off.
 */
@AutoConfiguration
@ConditionalOnClass(SanitizingFunction.class)
public final class FairComSanitizingAutoConfiguration {

	FairComSanitizingAutoConfiguration() {
	}

	@Bean
	@ConditionalOnMissingBean(name = "fairComSanitizingFunction")
	FairComSanitizingFunction fairComSanitizingFunction() {
		return new FairComSanitizingFunction();
	}

}
