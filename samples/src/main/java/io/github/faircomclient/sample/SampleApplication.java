package io.github.faircomclient.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A minimal application on {@code faircom-client-starter}. Run it with
 * {@code mvn -pl samples spring-boot:run}: without {@code faircom.url} it starts an
 * embedded FairCom emulator and talks to that; set {@code faircom.url},
 * {@code faircom.username} and {@code faircom.password} to use a real server.
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
