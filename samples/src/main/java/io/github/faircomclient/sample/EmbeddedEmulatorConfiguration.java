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
 * When {@code faircom.url} is not set, starts an embedded FairCom emulator (with its DB
 * API) on a free port and points the client at it through a
 * {@link FairComConnectionDetails} bean, Spring Boot's service-connection hook. The
 * auto-configured template depends on those details and they depend on the emulator, so on
 * shutdown the template logs out before the emulator stops.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedEmulatorConfiguration.NoFairComUrl.class)
public class EmbeddedEmulatorConfiguration {

	static final String USERNAME = "sample";

	static final String PASSWORD = "sample-password";

	/**
	 * Start the emulator.
	 * @return the running emulator, closed when the context closes
	 */
	@Bean(destroyMethod = "close")
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
		return new EmulatorConnectionDetails(emulator.httpUrl());
	}

	private record EmulatorConnectionDetails(URI url) implements FairComConnectionDetails {

		@Override
		public URI getUrl() {
			return this.url;
		}

		@Override
		public String getUsername() {
			return USERNAME;
		}

		@Override
		public String getPassword() {
			return PASSWORD;
		}

	}

	static class NoFairComUrl implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !context.getEnvironment().containsProperty("faircom.url");
		}

	}

}
