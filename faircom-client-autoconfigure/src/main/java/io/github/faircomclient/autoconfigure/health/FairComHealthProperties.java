package io.github.faircomclient.autoconfigure.health;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

import io.github.faircomclient.health.FairComHealthIndicator;

/**
 * Settings of the FairCom health indicator.
 */
@ConfigurationProperties("faircom.health")
public class FairComHealthProperties {

	/**
	 * Total time the health check's pingSession may take before the server is reported
	 * down.
	 */
	private Duration timeout = FairComHealthIndicator.DEFAULT_TIMEOUT;

	public Duration getTimeout() {
		return this.timeout;
	}

	public void setTimeout(Duration timeout) {
		this.timeout = timeout;
	}

}
