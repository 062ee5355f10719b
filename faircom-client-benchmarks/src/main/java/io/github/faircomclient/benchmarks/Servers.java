package io.github.faircomclient.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import io.github.faircomclient.test.tls.TlsMaterial;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The servers the benchmarks talk to, each in a JVM of its own: the standalone emulator jar (HTTP and
 * HTTPS) with the workload's data, and the {@link CannedAnswerServer} that replays the emulator's own
 * answer bytes. The suite starts them once and hands their addresses to every JMH fork in a properties
 * file named by the system property {@value #PROPERTY}; a benchmark started without it starts its own.
 */
final class Servers implements AutoCloseable {

	/**
	 * System property naming the properties file with the servers' addresses.
	 */
	static final String PROPERTY = "faircom.benchmarks.servers";

	/**
	 * System property naming the standalone emulator jar.
	 */
	static final String EMULATOR_JAR_PROPERTY = "faircom.benchmarks.emulator-jar";

	static final String EMULATOR = "emulator";

	static final String CANNED = "canned";

	private final Properties addresses;

	private final List<ServerProcess> processes;

	private @Nullable Path temporaryDirectory;

	private Servers(Properties addresses, List<ServerProcess> processes) {
		this.addresses = addresses;
		this.processes = processes;
	}

	/**
	 * Use the servers named by {@value #PROPERTY}, or start new ones.
	 * @param withStreamRows whether new servers need the table of a million rows
	 * @return the servers; closing them stops only servers this call started
	 */
	static Servers attachOrStart(boolean withStreamRows) {
		String file = System.getProperty(PROPERTY);
		try {
			if (file != null) {
				Properties addresses = new Properties();
				try (InputStream in = Files.newInputStream(Path.of(file))) {
					addresses.load(in);
				}
				return new Servers(addresses, List.of());
			}
			Path directory = Files.createTempDirectory("faircom-benchmarks-");
			Servers servers = start(directory, withStreamRows, CpuPlacement.of(false));
			servers.temporaryDirectory = directory;
			return servers;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Start the emulator and the canned-answer server with fresh TLS material in the given directory.
	 * @param directory where TLS material, captured answers and server logs go
	 * @param withStreamRows whether to create the table of a million rows
	 * @param placement the CPUs the servers run on
	 * @return the running servers
	 * @throws IOException if a server cannot start
	 */
	static Servers start(Path directory, boolean withStreamRows, CpuPlacement placement) throws IOException {
		Files.createDirectories(directory);
		TlsMaterial tls = TlsMaterial.generate(TlsMaterial.KeyType.EC_P256, directory.resolve("tls"));
		List<ServerProcess> processes = new ArrayList<>();
		Properties addresses = new Properties();
		addresses.setProperty("ca", tls.caCertificate().toString());
		try {
			ServerProcess emulator = ServerProcess.startJava(EMULATOR, placement.serverCommandPrefix(),
					List.of("-Xms1g", "-Xmx2g", "-jar", emulatorJar().toString(), "--http-port", "0", "--https-port",
							"0", "--cert", tls.serverCertificate().toString(), "--key",
							tls.serverPrivateKey().toString(), "--user", Workload.USERNAME + ":" + Workload.PASSWORD),
					2, directory.resolve("emulator.log"));
			processes.add(emulator);
			addresses.setProperty("emulator.http", emulator.url("http").toString());
			addresses.setProperty("emulator.https", emulator.url("https").toString());
			addresses.setProperty("emulator.pid", String.valueOf(emulator.pid()));
			Path answer = directory.resolve("answer.json");
			Path sessionAnswer = directory.resolve("session-answer.json");
			prepare(emulator.url("http"), withStreamRows, answer, sessionAnswer);
			ServerProcess canned = ServerProcess.startJava(CANNED, placement.serverCommandPrefix(),
					List.of("-Xms256m", "-Xmx256m", "-cp", System.getProperty("java.class.path"),
							CannedAnswerServer.class.getName(), "--answer", answer.toString(), "--session-answer",
							sessionAnswer.toString(), "--http-port", "0", "--https-port", "0", "--cert",
							tls.serverCertificate().toString(), "--key", tls.serverPrivateKey().toString()),
					2, directory.resolve("canned.log"));
			processes.add(canned);
			addresses.setProperty("canned.http", canned.url("http").toString());
			addresses.setProperty("canned.https", canned.url("https").toString());
			addresses.setProperty("canned.pid", String.valueOf(canned.pid()));
		}
		catch (IOException | RuntimeException ex) {
			processes.forEach(ServerProcess::close);
			throw ex;
		}
		return new Servers(addresses, processes);
	}

	/**
	 * Create the workload's data and capture the emulator's answers for the canned-answer server: the
	 * answer to the workload's action and to {@code createSession}, both asked without a
	 * {@code requestId} (so that the replayed bytes fit every request) and with {@code "debug": "none"}
	 * (as both clients ask).
	 */
	private static void prepare(URI url, boolean withStreamRows, Path answer, Path sessionAnswer)
			throws IOException {
		try (HandWrittenClient client = new HandWrittenClient(url, Workload.USERNAME, Workload.PASSWORD, 1, null)) {
			Workload.createAthletes(client);
			if (withStreamRows) {
				Workload.createStreamRows(client);
			}
			JsonMapper mapper = JsonMapper.builder().build();
			ObjectNode request = mapper.createObjectNode();
			request.put("api", Workload.API);
			request.put("action", Workload.ACTION);
			request.set("params", mapper.valueToTree(Workload.PARAMS));
			request.put("debug", "none");
			request.put("authToken", client.token());
			Files.write(answer, post(url, mapper.writeValueAsBytes(request)));
			ObjectNode login = mapper.createObjectNode();
			login.put("api", "admin");
			login.put("action", "createSession");
			login.putObject("params").put("username", Workload.USERNAME).put("password", Workload.PASSWORD);
			login.put("debug", "none");
			byte[] session = post(url, mapper.writeValueAsBytes(login));
			Files.write(sessionAnswer, session);
			ObjectNode logout = mapper.createObjectNode();
			logout.put("api", "admin");
			logout.put("action", "deleteSession");
			logout.put("authToken", mapper.readTree(session).path("result").path("authToken").asString());
			post(url, mapper.writeValueAsBytes(logout));
		}
	}

	private static byte[] post(URI url, byte[] body) throws IOException {
		HttpClient http = HttpClient.newHttpClient();
		try {
			HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(url)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofByteArray(body))
				.build(), HttpResponse.BodyHandlers.ofByteArray());
			return response.body();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted", ex);
		}
	}

	/**
	 * Find the standalone emulator jar: the system property {@value #EMULATOR_JAR_PROPERTY}, else
	 * {@code faircom-client-test/target/faircom-client-test-*-emulator.jar} under the working directory
	 * or its parent.
	 * @return the jar
	 */
	static Path emulatorJar() {
		String configured = System.getProperty(EMULATOR_JAR_PROPERTY);
		if (configured != null) {
			return Path.of(configured);
		}
		for (Path root : new Path[] { Path.of(""), Path.of("..") }) {
			Path target = root.resolve("faircom-client-test/target").toAbsolutePath().normalize();
			if (Files.isDirectory(target)) {
				try (Stream<Path> files = Files.list(target)) {
					Path jar = files.filter((file) -> file.getFileName().toString().endsWith("-emulator.jar"))
						.findFirst()
						.orElse(null);
					if (jar != null) {
						return jar;
					}
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
		}
		throw new IllegalStateException("No standalone emulator jar: build it with 'mvn -B package -DskipTests"
				+ " -pl faircom-client-test' or set -D" + EMULATOR_JAR_PROPERTY + "=<path>");
	}

	/**
	 * Return the endpoint of a server.
	 * @param server {@value #EMULATOR} or {@value #CANNED}
	 * @param transport {@code http} or {@code https}
	 * @return the url
	 */
	URI url(String server, String transport) {
		String url = this.addresses.getProperty(server + "." + transport);
		if (url == null) {
			throw new IllegalArgumentException("No server " + server + " over " + transport);
		}
		return URI.create(url);
	}

	/**
	 * Return the CA certificate that signed the servers' certificates.
	 * @return the PEM file
	 */
	Path caCertificate() {
		return Path.of(this.addresses.getProperty("ca"));
	}

	/**
	 * Return the process id of a server.
	 * @param server {@value #EMULATOR} or {@value #CANNED}
	 * @return the pid, or {@code null} if unknown
	 */
	@Nullable Long pid(String server) {
		String pid = this.addresses.getProperty(server + ".pid");
		return (pid != null) ? Long.valueOf(pid) : null;
	}

	/**
	 * Write the addresses for JMH forks.
	 * @param file the properties file
	 * @throws IOException if it cannot be written
	 */
	void save(Path file) throws IOException {
		try (OutputStream out = Files.newOutputStream(file)) {
			this.addresses.store(out, "FairCom benchmark servers");
		}
	}

	/**
	 * Create a client of the given kind for a server.
	 * @param kind {@code template}, {@code raw} or {@code restclient}
	 * @param server {@value #EMULATOR} or {@value #CANNED}
	 * @param transport {@code http} or {@code https}
	 * @param maxConnections the pool size
	 * @return the client, not yet logged in
	 */
	BenchClient client(String kind, String server, String transport, int maxConnections) {
		URI url = url(server, transport);
		boolean https = "https".equals(transport);
		return switch (kind) {
			case "template" -> new TemplateClient(url, Workload.USERNAME, Workload.PASSWORD, maxConnections,
					https ? Pem.trusting(caCertificate()) : null);
			case "raw" -> new HandWrittenClient(url, Workload.USERNAME, Workload.PASSWORD, maxConnections,
					https ? Pem.trustingContext(caCertificate()) : null);
			case "restclient" -> new HandWrittenClient(url, Workload.USERNAME, Workload.PASSWORD, maxConnections,
					https ? Pem.trustingContext(caCertificate()) : null, true);
			default -> throw new IllegalArgumentException("Unknown client " + kind);
		};
	}

	@Override
	public void close() {
		this.processes.forEach(ServerProcess::close);
		if (this.temporaryDirectory != null) {
			try (Stream<Path> files = Files.walk(this.temporaryDirectory)) {
				files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
			}
			catch (IOException ex) {
				// leave it to the system's temporary-file cleaning
			}
		}
	}

}
