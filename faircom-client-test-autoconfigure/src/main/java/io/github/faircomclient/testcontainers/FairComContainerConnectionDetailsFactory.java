package io.github.faircomclient.testcontainers;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionDetailsFactory;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionSource;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;

import io.github.faircomclient.autoconfigure.FairComConnectionDetails;

/**
 * {@link ContainerConnectionDetailsFactory} to create {@link FairComConnectionDetails}
 * from a {@link ServiceConnection @ServiceConnection}-annotated {@link FairComContainer}:
 * its HTTP endpoint and account, or its HTTPS endpoint with the trust material of Spring
 * Boot's SSL annotations on the container.
 */
class FairComContainerConnectionDetailsFactory
		extends ContainerConnectionDetailsFactory<FairComContainer, FairComConnectionDetails> {

	FairComContainerConnectionDetailsFactory() {
		super(ANY_CONNECTION_NAME, "io.github.faircomclient.autoconfigure.FairComAutoConfiguration");
	}

	@Override
	protected FairComConnectionDetails getContainerConnectionDetails(ContainerConnectionSource<FairComContainer> source) {
		return new FairComContainerConnectionDetails(source);
	}

	/**
	 * {@link FairComConnectionDetails} backed by a {@link ContainerConnectionSource}.
	 */
	static final class FairComContainerConnectionDetails extends ContainerConnectionDetails<FairComContainer>
			implements FairComConnectionDetails {

		FairComContainerConnectionDetails(ContainerConnectionSource<FairComContainer> source) {
			super(source);
		}

		@Override
		public URI getUrl() {
			return (getSslBundle() != null) ? getContainer().getHttpsUrl() : getContainer().getHttpUrl();
		}

		@Override
		public String getUsername() {
			return getContainer().getUsername();
		}

		@Override
		public String getPassword() {
			return getContainer().getPassword();
		}

		@Override
		public @Nullable SslBundle getSslBundle() {
			return super.getSslBundle();
		}

	}

}
