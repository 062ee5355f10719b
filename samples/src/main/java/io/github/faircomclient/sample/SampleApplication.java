package io.github.faircomclient.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * An inventory service on {@code faircom-client-starter}: items in a FairCom table, REST
 * endpoints that use the typed DB API ({@code template.db()}), and Actuator health and
 * metrics for the FairCom client. Run it with {@code mvn -pl samples spring-boot:run}:
 * without {@code faircom.url} it starts an embedded FairCom emulator and talks to that;
 * the {@code tls} and {@code mtls} profiles show how to reach a real server.
 */
@SpringBootApplication
public class SampleApplication {

	/**
	 * Start the application.
	 * @param args the command line arguments
	 */
	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}
