package io.github.faircomclient.testcontainers;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.factory.aot.AotServices;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetailsFactories;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionSource;
import org.springframework.boot.testcontainers.service.connection.TestContainerConnectionSources;

import io.github.faircomclient.autoconfigure.FairComAutoConfiguration;
import io.github.faircomclient.autoconfigure.FairComConnectionDetails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link FairComContainerConnectionDetailsFactory}, with a mocked container the
 * way Spring Boot tests its own factories: found through {@code spring.factories}, it
 * turns a {@code @ServiceConnection} {@link FairComContainer} into the connection details
 * of its mapped HTTP port and account, leaves other containers alone, and its required
 * class gets a reflection hint.
 */
class FairComContainerConnectionDetailsFactoryTests {

	private final Origin origin = mock(Origin.class);

	@Test
	void connectionDetailsAreTheMappedHttpPortAndTheAccount() throws Exception {
		FairComContainer container = mock(FairComContainer.class);
		given(container.getHttpUrl()).willReturn(URI.create("http://docker.test:32768/api"));
		given(container.getUsername()).willReturn("reporter");
		given(container.getPassword()).willReturn("reporter-secret");
		FairComConnectionDetails details = connectionDetails(
				TestContainerConnectionSources.of(FairComContainer.class, container, this.origin));
		assertThat(details).isInstanceOf(FairComContainerConnectionDetailsFactory.FairComContainerConnectionDetails.class);
		((FairComContainerConnectionDetailsFactory.FairComContainerConnectionDetails) details).afterPropertiesSet();
		assertThat(details.getUrl()).hasToString("http://docker.test:32768/api");
		assertThat(details.getUsername()).isEqualTo("reporter");
		assertThat(details.getPassword()).isEqualTo("reporter-secret");
		assertThat(details.getToken()).isNull();
		assertThat(details.getSslBundle()).isNull();
		assertThat(Origin.from(details)).isSameAs(this.origin);
	}

	@Test
	void otherContainersAreNotFairComServers() {
		GenericContainer<?> other = mock(GenericContainer.class);
		ContainerConnectionSource<?> source = TestContainerConnectionSources.of(GenericContainer.class,
				other, this.origin);
		assertThat(new ConnectionDetailsFactories(getClass().getClassLoader()).getConnectionDetails(source, false)).isEmpty();
	}

	@Test
	void theRequiredClassIsRegisteredForReflection() {
		RuntimeHints hints = new RuntimeHints();
		AotServices.factories().load(RuntimeHintsRegistrar.class)
			.forEach((registrar) -> registrar.registerHints(hints, getClass().getClassLoader()));
		assertThat(RuntimeHintsPredicates.reflection().onType(FairComAutoConfiguration.class)).accepts(hints);
	}

	private static FairComConnectionDetails connectionDetails(ContainerConnectionSource<?> source) {
		Map<Class<?>, ConnectionDetails> details = new ConnectionDetailsFactories(
				FairComContainerConnectionDetailsFactoryTests.class.getClassLoader())
			.getConnectionDetails(source, true);
		assertThat(details).containsOnlyKeys(FairComConnectionDetails.class);
		return (FairComConnectionDetails) details.get(FairComConnectionDetails.class);
	}

}
