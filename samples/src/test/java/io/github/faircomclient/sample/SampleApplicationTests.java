package io.github.faircomclient.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.github.faircomclient.test.FairComEmulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample starts on its embedded emulator and its endpoint works.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SampleApplicationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private FairComEmulator emulator;

	@Test
	void listsItsOwnSessionThroughTheEndpoint() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/sessions")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains(EmbeddedEmulatorConfiguration.USERNAME).contains("faircom-sample");
		assertThat(this.emulator.actionCount("createSession")).isOne();
	}

}
