package io.github.faircomclient.sample;

import java.net.URI;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import io.github.faircomclient.autoconfigure.FairComConnectionDetails;
import io.github.faircomclient.test.FairComEmulator;

/**
 * Runs the application on an embedded FairCom emulator: starts it (with its DB API) on a
 * free port and points the client at it through a {@link FairComConnectionDetails} bean,
 * Spring Boot's service-connection hook, which takes the place of the {@code faircom.*}
 * connection properties. The auto-configured template depends on those details and they
 * depend on the emulator, so on shutdown the template logs out before the emulator stops.
 * Tests {@code @Import} it; {@link TestInventoryApplication} runs the application with it.
 */
@TestConfiguration(proxyBeanMethods = false)
public class FairComEmulatorConfiguration {

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

}
