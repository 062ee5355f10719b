package io.github.faircomclient.testcontainers;

import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.boot.testcontainers.service.connection.ServiceConnectionAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import io.github.faircomclient.autoconfigure.FairComAutoConfiguration;
import io.github.faircomclient.core.FairComTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real FairCom Edge server in a container, connected through {@code @ServiceConnection}.
 * Needs a Docker engine; skipped without one.
 */
@SpringBootTest
@Testcontainers(disabledWithoutDocker = true)
class FairComContainerIntegrationTests {

	@Container
	@ServiceConnection
	static final FairComContainer faircom = new FairComContainer("faircomteam/edge:latest");

	@Autowired
	private FairComTemplate template;

	@Test
	void theTemplateLogsInToTheContainer() {
		assertThat(this.template.getUrl()).isEqualTo(faircom.getHttpUrl());
		assertThat(this.template.admin().listSessions()).isNotEmpty();
		assertThat(this.template.db().listDatabases()).isNotEmpty();
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ ServiceConnectionAutoConfiguration.class, SslAutoConfiguration.class,
			FairComAutoConfiguration.class })
	static class Config {

	}

}
