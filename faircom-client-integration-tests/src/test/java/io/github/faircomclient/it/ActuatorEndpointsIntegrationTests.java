package io.github.faircomclient.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.github.faircomclient.autoconfigure.FairComConnectionDetails;
import io.github.faircomclient.it.support.KeyStoreFiles;
import io.github.faircomclient.test.FairComEmulator;
import io.github.faircomclient.test.tls.CertificateFiles;
import io.github.faircomclient.test.tls.TlsMaterial;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client's secrets, and the passwords of SSL bundles (issue 13, F14), stay masked in
 * the real {@code env} and {@code configprops} endpoints even when they are told to show
 * values, and the {@code faircom} health
 * component is served over HTTP. The connection comes from a
 * {@link FairComConnectionDetails} bean, so that password and token (which exclude each
 * other as login settings) can both be set for the endpoints to show.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "faircom.username=app",
				"faircom.password=pa55-w0rd-in-clear", "faircom.session.token=T0K3N-in-clear",

				"management.endpoints.web.exposure.include=env,configprops,health",
				"management.endpoint.env.show-values=ALWAYS", "management.endpoint.configprops.show-values=ALWAYS",
				"management.endpoint.health.show-details=ALWAYS" })
class ActuatorEndpointsIntegrationTests {

	private static final FairComEmulator emulator = FairComEmulator.builder().httpPort(0).build().start();

	private static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	private static final TlsMaterial tls = TlsMaterial.generate();

	@AfterAll
	static void stop() {
		emulator.close();
		tls.close();
	}

	@DynamicPropertySource
	static void sslBundlesWithPasswords(DynamicPropertyRegistry registry) {
		CertificateFiles encrypted = tls.encryptedClientCertificate("app");
		registry.add("spring.ssl.bundle.pem.encrypted.keystore.certificate", () -> encrypted.certificate().toUri());
		registry.add("spring.ssl.bundle.pem.encrypted.keystore.private-key", () -> encrypted.privateKey().toUri());
		registry.add("spring.ssl.bundle.pem.encrypted.keystore.private-key-password",
				() -> encrypted.passphrase().orElseThrow());
		Path store = KeyStoreFiles.keyStore(tls.clientCertificate("app"), "PKCS12", "st0re-pa55-in-clear",
				tls.directory().resolve("actuator"));
		registry.add("spring.ssl.bundle.jks.pkcs12.keystore.location", () -> store.toUri());
		registry.add("spring.ssl.bundle.jks.pkcs12.keystore.type", () -> "PKCS12");
		registry.add("spring.ssl.bundle.jks.pkcs12.keystore.password", () -> "st0re-pa55-in-clear");
	}

	private JsonNode get(String path) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		assertThat(response.body()).as(path)
			.doesNotContain("pa55-w0rd-in-clear", "T0K3N-in-clear", "st0re-pa55-in-clear",
					tls.encryptedClientCertificate("app").passphrase().orElseThrow());
		return json.readTree(response.body());
	}

	@Test
	void envShowsOrdinaryValuesButMasksPasswordAndToken() throws Exception {
		assertThat(get("/actuator/env/faircom.username").at("/property/value").asString()).isEqualTo("app");
		assertThat(get("/actuator/env/faircom.password").at("/property/value").asString()).isEqualTo("******");
		assertThat(get("/actuator/env/faircom.session.token").at("/property/value").asString()).isEqualTo("******");
		assertThat(get("/actuator/env/spring.ssl.bundle.jks.pkcs12.keystore.password").at("/property/value")
			.asString()).isEqualTo("******");
		assertThat(get("/actuator/env/spring.ssl.bundle.pem.encrypted.keystore.private-key-password")
			.at("/property/value")
			.asString()).isEqualTo("******");
		get("/actuator/env");
	}

	@Test
	void configpropsShowsOrdinaryValuesButMasksPasswordAndTokenAndTheirInputs() throws Exception {
		JsonNode faircom = get("/actuator/configprops/faircom").findParents("prefix")
			.stream()
			.filter((bean) -> bean.get("prefix").asString().equals("faircom"))
			.findFirst()
			.orElseThrow();
		assertThat(faircom.at("/properties/username").asString()).isEqualTo("app");
		assertThat(faircom.at("/properties/password").asString()).isEqualTo("******");
		assertThat(faircom.at("/properties/session/token").asString()).isEqualTo("******");
		assertThat(faircom.at("/inputs/username/value").asString()).isEqualTo("app");
		assertThat(faircom.at("/inputs/password/value").asString()).isEqualTo("******");
		assertThat(faircom.at("/inputs/session/token/value").asString()).isEqualTo("******");
		get("/actuator/configprops");
	}

	@Test
	void healthShowsTheFaircomComponent() throws Exception {
		JsonNode health = get("/actuator/health/faircom");
		assertThat(health.at("/status").asString()).isEqualTo("UP");
		assertThat(health.at("/details/url").asString()).isEqualTo(emulator.httpUrl().toString());
		assertThat(health.at("/details/session").asString()).isEqualTo("none");
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class Application {

		@Bean
		FairComConnectionDetails emulatorConnectionDetails() {
			return new FairComConnectionDetails() {

				@Override
				public URI getUrl() {
					return emulator.httpUrl();
				}

				@Override
				public String getUsername() {
					return "ADMIN";
				}

				@Override
				public String getPassword() {
					return "ADMIN";
				}

			};
		}

	}

}
