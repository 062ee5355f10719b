package io.github.faircomclient.testcontainers;

import java.net.URI;
import java.time.Duration;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

import org.springframework.util.Assert;

/**
 * A FairCom server (FairCom Edge, whose image {@code faircomteam/edge} serves the JSON
 * Action API over HTTP on 8080 and HTTPS on 8443) in a Testcontainers container. It counts
 * as started once {@code pingSession} answers on the HTTP port. The account is the image's
 * default, {@code ADMIN}/{@code ADMIN}, unless {@link #withCredentials(String, String)} names
 * the one the image was set up with.
 *
 * <pre class="code">
 * &#64;Container
 * &#64;ServiceConnection
 * static FairComContainer faircom = new FairComContainer("faircomteam/edge:latest");
 * </pre>
 *
 * With {@code @ServiceConnection} the auto-configured client connects to it over HTTP;
 * with one of Spring Boot's SSL annotations on the field as well ({@code @PemTrustStore},
 * …) over HTTPS with that trust material.
 */
public class FairComContainer extends GenericContainer<FairComContainer> {

	/**
	 * The image this container is made for; another image must be declared a compatible
	 * substitute ({@code DockerImageName.parse("…").asCompatibleSubstituteFor("faircomteam/edge")}).
	 */
	public static final DockerImageName DEFAULT_IMAGE_NAME = DockerImageName.parse("faircomteam/edge");

	/**
	 * The port of the JSON Action API over HTTP.
	 */
	public static final int HTTP_PORT = 8080;

	/**
	 * The port of the JSON Action API over HTTPS.
	 */
	public static final int HTTPS_PORT = 8443;

	private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(3);

	private String username = "ADMIN";

	private String password = "ADMIN";

	/**
	 * Create a container for the image.
	 * @param dockerImageName the image, for example {@code faircomteam/edge:latest}
	 */
	public FairComContainer(String dockerImageName) {
		this(DockerImageName.parse(dockerImageName));
	}

	/**
	 * Create a container for the image.
	 * @param dockerImageName the image: {@code faircomteam/edge} or a compatible
	 * substitute
	 */
	public FairComContainer(DockerImageName dockerImageName) {
		super(dockerImageName);
		dockerImageName.assertCompatibleWith(DEFAULT_IMAGE_NAME);
		withExposedPorts(HTTP_PORT, HTTPS_PORT);
		waitingFor(new PingSessionWaitStrategy(HTTP_PORT).withStartupTimeout(STARTUP_TIMEOUT));
	}

	/**
	 * Set the account the server has and clients log in with.
	 * @param username the user name
	 * @param password the password
	 * @return this container
	 */
	public FairComContainer withCredentials(String username, String password) {
		Assert.hasText(username, "'username' must not be empty");
		Assert.notNull(password, "'password' must not be null");
		this.username = username;
		this.password = password;
		return self();
	}

	/**
	 * Return the account to log in with.
	 * @return the user name
	 */
	public String getUsername() {
		return this.username;
	}

	/**
	 * Return the password of the account.
	 * @return the password
	 */
	public String getPassword() {
		return this.password;
	}

	/**
	 * Return the endpoint over HTTP on the mapped port.
	 * @return for example {@code http://localhost:32768/api}
	 */
	public URI getHttpUrl() {
		return URI.create("http://" + getHost() + ":" + getMappedPort(HTTP_PORT) + "/api");
	}

	/**
	 * Return the endpoint over HTTPS on the mapped port.
	 * @return for example {@code https://localhost:32769/api}
	 */
	public URI getHttpsUrl() {
		return URI.create("https://" + getHost() + ":" + getMappedPort(HTTPS_PORT) + "/api");
	}

	@Override
	public String toString() {
		return "FairComContainer[image=" + getDockerImageName() + ", username=" + this.username + "]";
	}

}
