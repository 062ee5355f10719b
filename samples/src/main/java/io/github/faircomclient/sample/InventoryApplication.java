package io.github.faircomclient.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * An inventory service on {@code faircom-client-starter}: items in a FairCom table, REST
 * endpoints that use the typed DB API ({@code template.db()}), and Actuator health and
 * metrics for the FairCom client. {@code mvn -pl samples spring-boot:run} connects to the
 * server in {@code faircom.url} (by default the standalone emulator on port 8080); the
 * {@code tls} and {@code mtls} profiles show how to reach a real server, and
 * {@code TestInventoryApplication} (test classpath, {@code spring-boot:test-run}) runs it on
 * an embedded emulator.
 */
@SpringBootApplication
public class InventoryApplication {

	/**
	 * Start the application.
	 * @param args the command line arguments
	 */
	public static void main(String[] args) {
		SpringApplication.run(InventoryApplication.class, args);
	}

}
