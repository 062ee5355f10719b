package io.github.faircomclient.test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.faircomclient.test.tls.TlsMaterial;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Launches the executable jar built by {@code mvn package} (run by failsafe after packaging).
 */
class StandaloneJarIntegrationTests {

	private static final Pattern LISTENING = Pattern.compile("FairCom emulator listening on (\\S+)");

	@Test
	void jarServesHttpAndMutualTlsAndStopsOnSigterm() throws Exception {
		Path jar = Path.of(System.getProperty("emulator.jar", "target/faircom-client-test-0.1.0-SNAPSHOT-emulator.jar"));
		assertThat(jar).exists();
		try (TlsMaterial tls = TlsMaterial.generate(TlsMaterial.KeyType.RSA_2048)) {
			Path encryptedKey = encrypt(tls.serverPrivateKey(), "s3cret");
			Path java = Path.of(System.getProperty("java.home"), "bin", "java");
			Process process = new ProcessBuilder(java.toString(), "-jar", jar.toString(), "--http-port", "0", "--https-port", "0",
					"--cert", tls.serverCertificate().toString(), "--key", encryptedKey.toString(), "--key-password", "s3cret",
					"--client-ca", tls.caCertificate().toString(), "--user", "jim:secret", "--profile", "unauthorized-401")
				.redirectError(ProcessBuilder.Redirect.DISCARD)
				.start();
			try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
				List<URI> urls = new ArrayList<>();
				for (int i = 0; i < 2; i++) {
					String line = CompletableFuture.supplyAsync(() -> readLine(out)).get(30, TimeUnit.SECONDS);
					Matcher matcher = LISTENING.matcher(String.valueOf(line));
					assertThat(matcher.matches()).as(line).isTrue();
					urls.add(URI.create(matcher.group(1)));
				}
				assertThat(urls.get(0).toString()).matches("http://127\\.0\\.0\\.1:\\d+/api");
				assertThat(urls.get(1).toString()).matches("https://127\\.0\\.0\\.1:\\d+/api");

				JsonActionClient https = new JsonActionClient(urls.get(1), tls.clientSslContext("jim"));
				JsonNode login = https.post(JsonActionClient.request("admin", "createSession")).json();
				assertThat(login.path("result").path("username").asString()).isEqualTo("jim");
				assertThat(login.path("result").path("serverVersion").asString())
					.isEqualTo("FairCom JSON Action API emulator 0.1.0-SNAPSHOT");
				JsonActionClient http = new JsonActionClient(urls.get(0));
				JsonActionClient.Reply expired = http.post("{\"action\":\"pingSession\",\"authToken\":\"nope\"}");
				assertThat(expired.status()).isEqualTo(401);
				assertThat(expired.errorCode()).isEqualTo(12031);

				process.toHandle().destroy();
				assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
				assertThat(readLine(out)).isEqualTo("FairCom emulator stopped");
				assertThat(process.exitValue()).isEqualTo(143);
			}
			finally {
				process.destroyForcibly();
			}
		}
	}

	@Test
	void jarKeepsItsDataWritesTlsFilesAndLogsRequests(@TempDir Path folder) throws Exception {
		Path tlsFolder = folder.resolve("tls");
		Process writer = jar("--write-tls", tlsFolder.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
		String summary = new String(writer.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(writer.exitValue()).isZero();
		assertThat(summary).startsWith("Wrote TLS files to " + tlsFolder.toAbsolutePath() + ":")
			.contains("spring.ssl.bundle.pem.faircom.keystore.private-key=" + tlsFolder.resolve("client-key.pem").toUri());

		Path data = folder.resolve("data");
		Path log = folder.resolve("stderr.log");
		String[] options = { "--no-http", "--https-port", "0", "--cert", tlsFolder.resolve("server.pem").toString(), "--key",
				tlsFolder.resolve("server-key.pem").toString(), "--client-ca", tlsFolder.resolve("ca.pem").toString(),
				"--data-dir", data.toString(), "--request-log" };
		javax.net.ssl.SSLContext ssl = SslContexts.forClient(tlsFolder.resolve("ca.pem"), tlsFolder.resolve("client.pem"),
				tlsFolder.resolve("client-key.pem"));
		Process first = jar(options).redirectError(log.toFile()).start();
		try (BufferedReader out = new BufferedReader(new InputStreamReader(first.getInputStream(), StandardCharsets.UTF_8))) {
			JsonActionClient client = new JsonActionClient(listening(out), ssl);
			String token = client.post(JsonActionClient.request("admin", "createSession")).json().path("authToken").asString();
			ObjectNode create = JsonActionClient.request("db", "createDatabase").put("authToken", token);
			create.putObject("params").put("databaseName", "kept");
			assertThat(client.post(create).errorCode()).isZero();

			Process second = jar(options).redirectError(ProcessBuilder.Redirect.PIPE).start();
			String refusal = new String(second.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(second.waitFor(30, TimeUnit.SECONDS)).isTrue();
			assertThat(second.exitValue()).as("a second emulator on the same data folder").isEqualTo(1);
			assertThat(refusal).contains("Error: Cannot open the emulator's H2 store: Database may be already in use");

			stop(first, out);
		}
		finally {
			first.destroyForcibly();
		}
		List<String> requests = Files.readAllLines(log).stream().filter((line) -> line.matches("\\d{4}-.* ms")).toList();
		assertThat(requests).hasSize(2);
		assertThat(requests.get(0)).matches(".* 127\\.0\\.0\\.1 admin/createSession HTTP 200 errorCode 0 \\d+ ms");
		assertThat(requests.get(1)).matches(".* 127\\.0\\.0\\.1 db/createDatabase HTTP 200 errorCode 0 \\d+ ms");

		Process again = jar(options).redirectError(ProcessBuilder.Redirect.DISCARD).start();
		try (BufferedReader out = new BufferedReader(new InputStreamReader(again.getInputStream(), StandardCharsets.UTF_8))) {
			JsonActionClient client = new JsonActionClient(listening(out), ssl);
			String token = client.post(JsonActionClient.request("admin", "createSession")).json().path("authToken").asString();
			ObjectNode list = JsonActionClient.request("db", "listDatabases").put("authToken", token);
			JsonNode databases = client.post(list).json().path("result").path("data");
			assertThat(databases.toString()).as("the database survived the restart").contains("\"kept\"");
			stop(again, out);
		}
		finally {
			again.destroyForcibly();
		}
	}

	private static ProcessBuilder jar(String... options) {
		Path jar = Path.of(System.getProperty("emulator.jar", "target/faircom-client-test-0.1.0-SNAPSHOT-emulator.jar"));
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		List<String> command = new ArrayList<>(List.of(java.toString(), "-jar", jar.toString()));
		command.addAll(List.of(options));
		return new ProcessBuilder(command);
	}

	private static URI listening(BufferedReader out) throws Exception {
		String line = CompletableFuture.supplyAsync(() -> readLine(out)).get(30, TimeUnit.SECONDS);
		Matcher matcher = LISTENING.matcher(String.valueOf(line));
		assertThat(matcher.matches()).as(line).isTrue();
		return URI.create(matcher.group(1));
	}

	private static void stop(Process process, BufferedReader out) throws Exception {
		process.toHandle().destroy();
		assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
		assertThat(readLine(out)).isEqualTo("FairCom emulator stopped");
	}

	/**
	 * Writes the key again as encrypted PKCS#8 (AES-256-CBC, PBKDF2-HMAC-SHA256), as openssl would.
	 */
	private static Path encrypt(Path keyPem, String passphrase) throws Exception {
		java.security.PrivateKey key = PemKeyStores.privateKey(keyPem, null);
		org.bouncycastle.operator.OutputEncryptor encryptor = new org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder(
				org.bouncycastle.openssl.PKCS8Generator.AES_256_CBC)
			.setPRF(org.bouncycastle.openssl.PKCS8Generator.PRF_HMACSHA256)
			.setProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider())
			.setPassword(passphrase.toCharArray())
			.build();
		Path encrypted = keyPem.resolveSibling("server-key-encrypted.pem");
		try (java.io.Writer writer = Files.newBufferedWriter(encrypted);
				org.bouncycastle.openssl.jcajce.JcaPEMWriter pem = new org.bouncycastle.openssl.jcajce.JcaPEMWriter(writer)) {
			pem.writeObject(new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(key, encryptor));
		}
		return encrypted;
	}

	private static String readLine(BufferedReader reader) {
		try {
			return reader.readLine();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
