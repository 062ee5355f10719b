package io.github.faircomclient.docker.compose;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetailsFactories;
import org.springframework.boot.docker.compose.core.ConnectionPorts;
import org.springframework.boot.docker.compose.core.DockerComposeFile;
import org.springframework.boot.docker.compose.core.ImageReference;
import org.springframework.boot.docker.compose.core.RunningService;
import org.springframework.boot.docker.compose.service.connection.TestDockerComposeConnectionSources;

import io.github.faircomclient.autoconfigure.FairComConnectionDetails;
import io.github.faircomclient.test.tls.TlsMaterial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link FairComDockerComposeConnectionDetailsFactory} with a mocked
 * {@link RunningService}, the way Spring Boot tests its own factories: found through
 * {@code spring.factories}, it matches {@code faircomteam/edge} images (any tag, any
 * registry path Docker writes the same way) and services labelled {@code faircom}, maps
 * port 8080 to an http url, port 8443 to an https url when the service has SSL bundle
 * labels, uses the image's default account and leaves other services alone.
 */
class FairComDockerComposeConnectionDetailsFactoryTests {

	@Test
	void anEdgeServiceIsReachedOverHttpOnItsMappedPort() {
		RunningService service = service("faircomteam/edge:latest", Map.of());
		FairComConnectionDetails details = connectionDetails(service);
		assertThat(details.getUrl()).hasToString("http://docker.test:32768/api");
		assertThat(details.getUsername()).isEqualTo("ADMIN");
		assertThat(details.getPassword()).isEqualTo("ADMIN");
		assertThat(details.getToken()).isNull();
		assertThat(details.getSslBundle()).isNull();
		assertThat(details.toString()).contains("http://docker.test:32768/api").doesNotContain("password");
	}

	@Test
	void aServiceLabelledFairComMatchesWhateverItsImage() {
		RunningService service = service("registry.example.com/ops/faircom-edge:5.1",
				Map.of("org.springframework.boot.service-connection", "faircom"));
		assertThat(connectionDetails(service).getUrl()).hasToString("http://docker.test:32768/api");
	}

	@Test
	void sslBundleLabelsSwitchToHttpsOnTheMappedTlsPort(@TempDir Path directory) throws Exception {
		try (TlsMaterial tls = TlsMaterial.generate()) {
			Files.copy(tls.caCertificate(), directory.resolve("ca.crt"));
		}
		RunningService service = service("faircomteam/edge", Map.of(
				"org.springframework.boot.sslbundle.pem.truststore.certificate", "ca.crt"));
		DockerComposeFile composeFile = DockerComposeFile
			.of(Files.writeString(directory.resolve("compose.yaml"), "services: {}\n").toFile());
		given(service.composeFile()).willReturn(composeFile);
		FairComConnectionDetails details = connectionDetails(service);
		assertThat(details.getUrl()).hasToString("https://docker.test:32769/api");
		assertThat(details.getSslBundle()).isNotNull();
	}

	@Test
	void otherServicesAreLeftAlone() {
		RunningService service = service("mongo:8", Map.of());
		assertThat(new ConnectionDetailsFactories(getClass().getClassLoader())
			.getConnectionDetails(TestDockerComposeConnectionSources.of(service), false)).isEmpty();
	}

	private static RunningService service(String image, Map<String, String> labels) {
		RunningService service = mock(RunningService.class);
		ConnectionPorts ports = mock(ConnectionPorts.class);
		given(ports.get(8080)).willReturn(32768);
		given(ports.get(8443)).willReturn(32769);
		given(service.name()).willReturn("faircom");
		given(service.image()).willReturn(ImageReference.of(image));
		given(service.host()).willReturn("docker.test");
		given(service.ports()).willReturn(ports);
		given(service.env()).willReturn(Map.of());
		given(service.labels()).willReturn(labels);
		return service;
	}

	private static FairComConnectionDetails connectionDetails(RunningService service) {
		Map<Class<?>, ConnectionDetails> details = new ConnectionDetailsFactories(
				FairComDockerComposeConnectionDetailsFactoryTests.class.getClassLoader())
			.getConnectionDetails(TestDockerComposeConnectionSources.of(service), true);
		assertThat(details).containsOnlyKeys(FairComConnectionDetails.class);
		return (FairComConnectionDetails) details.get(FairComConnectionDetails.class);
	}

}
