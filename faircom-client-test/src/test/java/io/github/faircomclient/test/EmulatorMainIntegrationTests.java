package io.github.faircomclient.test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.github.faircomclient.test.JsonActionClient.Reply;
import io.github.faircomclient.test.tls.TlsMaterial;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
			try (FairComEmulator emulator = EmulatorMain.start(args, new PrintStream(output, true, StandardCharsets.UTF_8), System.err)) {
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
	void dataDirKeepsTheDatabasesAcrossARestart(@TempDir Path folder) {
		Path data = folder.resolve("faircom-data");
		String[] args = { "--http-port", "0", "--data-dir", data.toString() };
		try (FairComEmulator emulator = EmulatorMain.start(args, quiet(), quiet())) {
			JsonActionClient client = new JsonActionClient(emulator.httpUrl());
			String token = client.login("ADMIN", "ADMIN");
			assertThat(db(client, token, "createDatabase", "{\"databaseName\":\"kept\"}").errorCode()).isZero();
			assertThat(db(client, token, "createTable", "{\"databaseName\":\"kept\",\"tableName\":\"notes\","
					+ "\"fields\":[{\"name\":\"text\",\"type\":\"varchar\",\"length\":20}]}").errorCode()).isZero();
			assertThat(db(client, token, "insertRecords", "{\"databaseName\":\"kept\",\"tableName\":\"notes\","
					+ "\"sourceData\":[{\"text\":\"hello\"}]}").errorCode()).isZero();
		}
		assertThat(data.resolve("system.mv.db")).exists();
		try (FairComEmulator emulator = EmulatorMain.start(args, quiet(), quiet())) {
			JsonActionClient client = new JsonActionClient(emulator.httpUrl());
			String token = client.login("ADMIN", "ADMIN");
			JsonNode records = db(client, token, "getRecordsByTable", "{\"databaseName\":\"kept\",\"tableName\":\"notes\"}")
				.json()
				.path("result");
			assertThat(records.path("data").get(0).path("text").asString()).isEqualTo("hello");
		}
		try (FairComEmulator emulator = EmulatorMain.start(new String[] { "--http-port", "0" }, quiet(), quiet())) {
			JsonActionClient client = new JsonActionClient(emulator.httpUrl());
			Reply missing = db(client, client.login("ADMIN", "ADMIN"), "getRecordsByTable",
					"{\"databaseName\":\"kept\",\"tableName\":\"notes\"}");
			assertThat(missing.errorCode()).as("without --data-dir the data is in memory").isEqualTo(99030);
		}
	}

	@Test
	void aDataDirThatIsAFileStopsTheStart(@TempDir Path folder) throws Exception {
		Path file = Files.writeString(folder.resolve("not-a-folder"), "x");
		ByteArrayOutputStream errors = new ByteArrayOutputStream();
		int code = EmulatorMain.run(new String[] { "--http-port", "0", "--data-dir", file.toString() }, quiet(),
				new PrintStream(errors, true, StandardCharsets.UTF_8));
		assertThat(code).isEqualTo(1);
		assertThat(errors.toString(StandardCharsets.UTF_8)).startsWith("Error: Cannot create the emulator's data folder " + file);
	}

	@Test
	void requestLogPrintsOneLinePerRequestWithoutSecrets() {
		ByteArrayOutputStream log = new ByteArrayOutputStream();
		String[] args = { "--http-port", "0", "--request-log", "--user", "ADMIN:Sup3r-Secret" };
		String token;
		try (FairComEmulator emulator = EmulatorMain.start(args, quiet(), new PrintStream(log, true, StandardCharsets.UTF_8))) {
			JsonActionClient client = new JsonActionClient(emulator.httpUrl());
			token = client.login("admin", "Sup3r-Secret");
			client.post(JsonActionClient.request(null, "pingSession").put("authToken", token));
			client.post("{\"api\":\"admin\",\"action\":\"dance\",\"params\":{\"password\":\"Sup3r-Secret\"}}");
			client.post("not json");
		}
		List<String> lines = log.toString(StandardCharsets.UTF_8).lines().toList();
		assertThat(lines).hasSize(4);
		String prefix = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3} 127\\.0\\.0\\.1 ";
		assertThat(lines.get(0)).matches(prefix + "admin/createSession HTTP 200 errorCode 0 \\d+ ms");
		assertThat(lines.get(1)).matches(prefix + "admin/pingSession HTTP 200 errorCode 0 \\d+ ms");
		assertThat(lines.get(2)).matches(prefix + "admin/dance HTTP 200 errorCode 99007 \\d+ ms");
		assertThat(lines.get(3)).matches(prefix + "- HTTP 200 errorCode 99001 \\d+ ms");
		assertThat(lines).allSatisfy((line) -> assertThat(line).doesNotContain("Sup3r-Secret", token));
	}

	@Test
	void writeTlsWritesFilesTheEmulatorAndAClientUse(@TempDir Path folder) throws Exception {
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		int code = EmulatorMain.run(new String[] { "--write-tls", folder.toString(), "--user", "jim:secret" },
				new PrintStream(output, true, StandardCharsets.UTF_8), quiet());
		assertThat(code).isZero();
		assertThat(output.toString(StandardCharsets.UTF_8)).startsWith("Wrote TLS files to " + folder.toAbsolutePath() + ":")
			.doesNotContain("secret");
		String[] args = { "--no-http", "--https-port", "0", "--cert", folder.resolve("server.pem").toString(), "--key",
				folder.resolve("server-key.pem").toString(), "--client-ca", folder.resolve("ca.pem").toString(), "--user",
				"jim:secret" };
		try (FairComEmulator emulator = EmulatorMain.start(args, quiet(), quiet())) {
			javax.net.ssl.SSLContext ssl = SslContexts.forClient(folder.resolve("ca.pem"), folder.resolve("client.pem"),
					folder.resolve("client-key.pem"));
			for (String host : List.of("localhost", "127.0.0.1")) {
				JsonActionClient client = new JsonActionClient(
						java.net.URI.create("https://" + host + ":" + emulator.httpsPort() + "/api"), ssl);
				JsonNode login = client.post(JsonActionClient.request("admin", "createSession")).json();
				assertThat(login.path("result").path("username").asString()).as(host).isEqualTo("jim");
			}
		}
		ByteArrayOutputStream errors = new ByteArrayOutputStream();
		assertThat(EmulatorMain.run(new String[] { "--write-tls", folder.toString() }, quiet(),
				new PrintStream(errors, true, StandardCharsets.UTF_8)))
			.as("never overwrites")
			.isEqualTo(1);
		assertThat(errors.toString(StandardCharsets.UTF_8)).isEqualTo("Error: " + folder.toAbsolutePath().resolve("ca.pem")
				+ " already exists; write into an empty folder or delete the old files first" + System.lineSeparator());
	}

	@Test
	void helpPrintsUsageAndStartsNothing() {
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		int code = EmulatorMain.run(new String[] { "--help" }, new PrintStream(output, true, StandardCharsets.UTF_8),
				new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
		assertThat(code).isZero();
		assertThat(output.toString(StandardCharsets.UTF_8)).startsWith("Usage: java -jar faircom-client-test-<version>-emulator.jar");
	}

	private static PrintStream quiet() {
		return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
	}

	private static Reply db(JsonActionClient client, String token, String action, String params) {
		ObjectNode request = JsonActionClient.request("db", action).put("authToken", token);
		request.set("params", JsonActionClient.MAPPER.readTree(params));
		return client.post(request);
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
