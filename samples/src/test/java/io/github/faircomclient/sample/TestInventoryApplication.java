package io.github.faircomclient.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.context.TestConfiguration;

import io.github.faircomclient.test.autoconfigure.AutoConfigureFairComEmulator;

/**
 * Runs {@link InventoryApplication} on an embedded FairCom emulator, from the test
 * classpath, so that the emulator never ships with the application:
 * {@code mvn -pl samples -am spring-boot:test-run} (or run this class from the IDE).
 * {@code spring-boot:test-run} needs a main class on the test classpath; the emulator and
 * the connection to it come from {@link AutoConfigureFairComEmulator}, as in the tests.
 */
public class TestInventoryApplication {

	/**
	 * Start the application with {@link EmbeddedEmulator}.
	 * @param args the command line arguments
	 */
	public static void main(String[] args) {
		SpringApplication.from(InventoryApplication::main).with(EmbeddedEmulator.class).run(args);
	}

	/**
	 * The embedded emulator (account {@code ADMIN}/{@code ADMIN}) as the application's
	 * FairCom connection.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	@AutoConfigureFairComEmulator
	static class EmbeddedEmulator {

	}

}
