package io.github.faircomclient.sample;

import java.net.URI;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

import io.github.faircomclient.autoconfigure.FairComConnectionDetails;
import io.github.faircomclient.test.FairComEmulator;

/**
 * When {@code faircom.url} is not set, starts an embedded FairCom emulator on a free port
 * and points the client at it through a {@link FairComConnectionDetails} bean. The
 * template depends on those details, so on shutdown it logs out before the emulator stops.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedEmulatorConfiguration.NoFairComUrl.class)
public class EmbeddedEmulatorConfiguration {

	static final String USERNAME = "sample";

	static final String PASSWORD = "sample-password";

	/**
	 * Start the emulator.
	 * @return the running emulator
	 */
	@Bean(destroyMethod = "stop")
	public FairComEmulator fairComEmulator() {
		return FairComEmulator.builder().httpPort(0).user(USERNAME, PASSWORD).build().start();
	}

	/**
	 * Connect the client to the emulator.
	 * @param emulator the running emulator
	 * @return the connection details
	 */
	@Bean
	public FairComConnectionDetails fairComConnectionDetails(FairComEmulator emulator) {
		return new FairComConnectionDetails() {

			@Override
			public URI getUrl() {
				return emulator.httpUrl();
			}

			@Override
			public String getUsername() {
				return USERNAME;
			}

			@Override
			public String getPassword() {
				return PASSWORD;
			}

		};
	}

	static class NoFairComUrl implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !context.getEnvironment().containsProperty("faircom.url");
		}

	}

}
