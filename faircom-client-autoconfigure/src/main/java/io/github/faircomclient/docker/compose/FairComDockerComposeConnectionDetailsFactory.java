package io.github.faircomclient.docker.compose;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.docker.compose.core.RunningService;
import org.springframework.boot.docker.compose.service.connection.DockerComposeConnectionDetailsFactory;
import org.springframework.boot.docker.compose.service.connection.DockerComposeConnectionSource;
import org.springframework.boot.ssl.SslBundle;

import io.github.faircomclient.autoconfigure.FairComConnectionDetails;

/**
 * {@link DockerComposeConnectionDetailsFactory} to create {@link FairComConnectionDetails}
 * for a FairCom Edge service of a Compose file (image {@code faircomteam/edge}, or any
 * image with the label {@code org.springframework.boot.service-connection: faircom}): the
 * JSON Action API on the service's port 8080 over HTTP, or on its port 8443 over HTTPS when
 * the service has Spring Boot's SSL bundle labels, and the image's default account
 * {@code ADMIN}/{@code ADMIN} (the image documents no environment variable that changes
 * it).
 */
class FairComDockerComposeConnectionDetailsFactory
		extends DockerComposeConnectionDetailsFactory<FairComConnectionDetails> {

	static final int HTTP_PORT = 8080;

	static final int HTTPS_PORT = 8443;

	static final String DEFAULT_USERNAME = "ADMIN";

	static final String DEFAULT_PASSWORD = "ADMIN";

	private static final String[] CONNECTION_NAMES = { "faircomteam/edge", "faircom" };

	FairComDockerComposeConnectionDetailsFactory() {
		super(CONNECTION_NAMES, "io.github.faircomclient.autoconfigure.FairComAutoConfiguration");
	}

	@Override
	protected FairComConnectionDetails getDockerComposeConnectionDetails(DockerComposeConnectionSource source) {
		return new FairComDockerComposeConnectionDetails(source.getRunningService());
	}

	/**
	 * {@link FairComConnectionDetails} backed by a FairCom {@link RunningService}.
	 */
	static final class FairComDockerComposeConnectionDetails extends DockerComposeConnectionDetails
			implements FairComConnectionDetails {

		private final URI url;

		private final @Nullable SslBundle sslBundle;

		FairComDockerComposeConnectionDetails(RunningService service) {
			super(service);
			this.sslBundle = getSslBundle(service);
			String scheme = (this.sslBundle != null) ? "https" : "http";
			int port = service.ports().get((this.sslBundle != null) ? HTTPS_PORT : HTTP_PORT);
			this.url = URI.create(scheme + "://" + service.host() + ":" + port + "/api");
		}

		@Override
		public URI getUrl() {
			return this.url;
		}

		@Override
		public String getUsername() {
			return DEFAULT_USERNAME;
		}

		@Override
		public String getPassword() {
			return DEFAULT_PASSWORD;
		}

		@Override
		public @Nullable SslBundle getSslBundle() {
			return this.sslBundle;
		}

		@Override
		public String toString() {
			return "FairComDockerComposeConnectionDetails[url=" + this.url + ", username=" + DEFAULT_USERNAME + "]";
		}

	}

}
