package io.github.faircomclient.autoconfigure.health;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the FairCom health indicator.
 */
@ConfigurationProperties("faircom.health")
public class FairComHealthProperties {

	/**
	 * Total time the health check's pingSession may take before the server is reported
	 * down.
	 */
	private Duration timeout = Duration.ofSeconds(2);

	/**
	 * Return the time the health check's ping may take.
	 * @return the timeout
	 */
	public Duration getTimeout() {
		return this.timeout;
	}

	/**
	 * Set the time the health check's ping may take.
	 * @param timeout the timeout
	 */
	public void setTimeout(Duration timeout) {
		this.timeout = timeout;
	}

}
