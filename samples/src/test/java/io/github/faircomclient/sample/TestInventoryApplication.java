package io.github.faircomclient.sample;

import org.springframework.boot.SpringApplication;

/**
 * Runs {@link InventoryApplication} on an embedded FairCom emulator, from the test
 * classpath, so that the emulator never ships with the application:
 * {@code mvn -pl samples spring-boot:test-run} (or run this class from the IDE).
 */
public class TestInventoryApplication {

	/**
	 * Start the application with {@link FairComEmulatorConfiguration}.
	 * @param args the command line arguments
	 */
	public static void main(String[] args) {
		SpringApplication.from(InventoryApplication::main).with(FairComEmulatorConfiguration.class).run(args);
	}

}
