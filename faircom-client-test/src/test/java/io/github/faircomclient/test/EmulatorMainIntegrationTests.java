package io.github.faircomclient.test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.github.faircomclient.test.JsonActionClient.Reply;
import io.github.faircomclient.test.tls.TlsMaterial;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line in-process: arguments, listening lines, a real request.
 */
class EmulatorMainIntegrationTests {

	@Test
	void printsOneLinePerListenerAndServes() {
		try (TlsMaterial tls = TlsMaterial.generate()) {
			ByteArrayOutputStream output = new ByteArrayOutputStream();
			String[] args = { "--http-port", "0", "--https-port", "0", "--cert", tls.serverCertificate().toString(), "--key",
					tls.serverPrivateKey().toString(), "--client-ca", tls.caCertificate().toString(), "--user", "jim:secret",
					"--idle-timeout", "120", "--profile", "older" };
			try (FairComEmulator emulator = EmulatorMain.start(args, new PrintStream(output, true, StandardCharsets.UTF_8))) {
				List<String> lines = output.toString(StandardCharsets.UTF_8).lines().toList();
				assertThat(lines).containsExactly("FairCom emulator listening on http://127.0.0.1:" + emulator.httpPort() + "/api",
						"FairCom emulator listening on https://127.0.0.1:" + emulator.httpsPort() + "/api");
				JsonActionClient https = new JsonActionClient(emulator.httpsUrl(), tls.clientSslContext("jim"));
				JsonNode answer = https.post(JsonActionClient.request("admin", "createSession")).json();
				assertThat(answer.path("result").path("username").asString()).isEqualTo("jim");
				assertThat(answer.path("result").path("idleConnectionTimeoutSeconds").asInt()).isEqualTo(120);
				assertThat(answer.has("authToken")).as("profile older").isFalse();
				JsonActionClient withoutCertificate = new JsonActionClient(emulator.httpsUrl(), tls.clientSslContext());
				assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> withoutCertificate.post("{}")))
					.as("--client-ca defaults to --client-auth need")
					.isInstanceOf(java.io.UncheckedIOException.class);
				JsonActionClient http = new JsonActionClient(emulator.httpUrl());
				ObjectNode login = JsonActionClient.createSession("ADMIN", "ADMIN");
				Reply refused = http.post(login);
				assertThat(refused.errorCode()).as("--user replaces the default account").isEqualTo(99010);
			}
		}
	}

	@Test
	void helpPrintsUsageAndStartsNothing() {
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		int code = EmulatorMain.run(new String[] { "--help" }, new PrintStream(output, true, StandardCharsets.UTF_8),
				new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
		assertThat(code).isZero();
		assertThat(output.toString(StandardCharsets.UTF_8)).startsWith("Usage: java -jar faircom-client-test-<version>-emulator.jar");
	}

	@Test
	void badArgumentsExitWithUsageError() {
		ByteArrayOutputStream errors = new ByteArrayOutputStream();
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		int code = EmulatorMain.run(new String[] { "--client-auth", "need" }, new PrintStream(output, true, StandardCharsets.UTF_8),
				new PrintStream(errors, true, StandardCharsets.UTF_8));
		assertThat(code).isEqualTo(EmulatorMain.USAGE_ERROR);
		assertThat(errors.toString(StandardCharsets.UTF_8)).isEqualTo("Error: --client-auth need needs --client-ca"
				+ System.lineSeparator() + "Try --help." + System.lineSeparator());
		assertThat(output.size()).isZero();
	}

	@Test
	void busyPortExitsWithAnError() {
		try (FairComEmulator busy = FairComEmulator.builder().start()) {
			ByteArrayOutputStream errors = new ByteArrayOutputStream();
			int code = EmulatorMain.run(new String[] { "--http-port", String.valueOf(busy.httpPort()) },
					new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
					new PrintStream(errors, true, StandardCharsets.UTF_8));
			assertThat(code).isEqualTo(1);
			assertThat(errors.toString(StandardCharsets.UTF_8)).startsWith("Error: Cannot start the FairCom emulator on 127.0.0.1");
		}
	}

}
