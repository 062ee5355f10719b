package io.github.faircomclient.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.github.faircomclient.core.FairComTemplate;
import io.github.faircomclient.test.FairComEmulator;
import io.github.faircomclient.test.autoconfigure.AutoConfigureFairComEmulator;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's recipe for a readiness probe that includes the FairCom server
 * ({@code management.endpoint.health.group.readiness.include=readinessState,faircom}) in a
 * web application: {@code /actuator/health/readiness} answers 200 {@code UP} while the
 * server answers and 503 {@code DOWN} while it does not, and the liveness probe does not
 * follow the server. {@code /actuator/info} shows the {@code faircom} entry without
 * secrets.
 */
@SpringBootTest(classes = ReadinessGroupIntegrationTests.WebApplication.class,
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoint.health.probes.enabled=true",
				"management.endpoint.health.group.readiness.include=readinessState,faircom",
				"management.endpoint.health.group.readiness.show-components=always",
				"management.endpoints.web.exposure.include=health,info" })
@AutoConfigureFairComEmulator(username = "app", password = "app-pa55")
class ReadinessGroupIntegrationTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	@Autowired
	private FairComEmulator emulator;

	@Autowired
	private FairComTemplate faircom;

	@Test
	void readinessFollowsTheServerAndLivenessDoesNot() throws Exception {
		HttpResponse<String> ready = get("/actuator/health/readiness");
		assertThat(ready.statusCode()).isEqualTo(200);
		JsonNode readiness = json.readTree(ready.body());
		assertThat(readiness.path("status").asString()).isEqualTo("UP");
		assertThat(readiness.path("components").path("faircom").path("status").asString()).isEqualTo("UP");
		assertThat(readiness.path("components").path("readinessState").path("status").asString()).isEqualTo("UP");
		this.emulator.stop();
		HttpResponse<String> notReady = get("/actuator/health/readiness");
		assertThat(notReady.statusCode()).isEqualTo(503);
		assertThat(json.readTree(notReady.body()).path("status").asString()).isEqualTo("DOWN");
		assertThat(json.readTree(notReady.body()).path("components").path("faircom").path("status").asString())
			.isEqualTo("DOWN");
		assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
	}

	@Test
	void infoShowsTheServerWithoutSecrets() throws Exception {
		this.faircom.admin().listSessions();
		HttpResponse<String> response = get("/actuator/info");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode faircom = json.readTree(response.body()).path("faircom");
		assertThat(faircom.path("url").asString()).isEqualTo(this.emulator.httpUrl().toString());
		assertThat(faircom.path("session").asString()).isEqualTo("active");
		assertThat(faircom.path("serverVersion").asString()).startsWith("FairCom JSON Action API emulator");
		String token = this.faircom.getSessionManager().getCurrentSession().getToken();
		assertThat(response.body()).doesNotContain("app-pa55").doesNotContain(token);
	}

	private HttpResponse<String> get(String path) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
					HttpResponse.BodyHandlers.ofString());
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class WebApplication {

	}

}
