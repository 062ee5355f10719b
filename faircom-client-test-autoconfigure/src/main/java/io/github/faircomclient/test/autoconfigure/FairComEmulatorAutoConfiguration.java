package io.github.faircomclient.test.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import io.github.faircomclient.autoconfigure.FairComAutoConfiguration;
import io.github.faircomclient.autoconfigure.FairComConnectionDetails;
import io.github.faircomclient.test.ClientAuth;
import io.github.faircomclient.test.CompatibilityProfile;
import io.github.faircomclient.test.EmulatorClock;
import io.github.faircomclient.test.FairComEmulator;
import io.github.faircomclient.test.FairComEmulatorBuilder;
import io.github.faircomclient.test.MutableEmulatorClock;
import io.github.faircomclient.test.tls.TlsMaterial;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} imported by
 * {@link AutoConfigureFairComEmulator @AutoConfigureFairComEmulator}: the
 * {@link FairComEmulator} bean, started on a free port with the annotation's account and
 * closed with the context, and the {@link FairComConnectionDetails} the client connects
 * with. Backs off when the context has other connection details, which it sees because it
 * runs after Spring Boot's {@code @ServiceConnection} support and before
 * {@link FairComAutoConfiguration}.
 */
@AutoConfiguration(before = FairComAutoConfiguration.class,
		afterName = "org.springframework.boot.testcontainers.service.connection.ServiceConnectionAutoConfiguration")
@ConditionalOnClass({ FairComEmulator.class, FairComConnectionDetails.class })
@ConditionalOnBooleanProperty(name = "faircom.test.emulator.enabled", matchIfMissing = true)
@ConditionalOnMissingBean(FairComConnectionDetails.class)
public final class FairComEmulatorAutoConfiguration {

	private static final String PREFIX = "faircom.test.emulator.";

	FairComEmulatorAutoConfiguration() {
	}

	@Bean(destroyMethod = "close")
	FairComEmulator fairComEmulator(Environment environment, ObjectProvider<TlsMaterial> tlsMaterial,
			ObjectProvider<MutableEmulatorClock> clock, ObjectProvider<FairComEmulatorCustomizer> customizers) {
		FairComEmulatorBuilder builder = FairComEmulator.builder()
			.httpPort(0)
			.user(username(environment), password(environment))
			.profile(CompatibilityProfile.parse(environment.getProperty(PREFIX + "profile", "newest")));
		TlsMaterial tls = tlsMaterial.getIfAvailable();
		if (tls != null) {
			builder.withoutHttp().tls(tls).clientAuth(ClientAuth.WANT);
		}
		clock.ifAvailable(builder::clock);
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		return builder.build().start();
	}

	@Bean
	FairComConnectionDetails fairComConnectionDetails(FairComEmulator emulator, Environment environment,
			ObjectProvider<TlsMaterial> tlsMaterial) {
		return new EmulatorConnectionDetails(emulator, username(environment), password(environment),
				tlsMaterial.getIfAvailable());
	}

	private static String username(Environment environment) {
		return environment.getProperty(PREFIX + "username", "ADMIN");
	}

	private static String password(Environment environment) {
		return environment.getProperty(PREFIX + "password", "ADMIN");
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(PREFIX + "https")
	static class TlsConfiguration {

		@Bean(destroyMethod = "close")
		TlsMaterial fairComEmulatorTlsMaterial() {
			return TlsMaterial.generate();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(PREFIX + "mutable-clock")
	static class MutableClockConfiguration {

		@Bean
		MutableEmulatorClock fairComEmulatorClock() {
			return EmulatorClock.fixedAtNow();
		}

	}

}
