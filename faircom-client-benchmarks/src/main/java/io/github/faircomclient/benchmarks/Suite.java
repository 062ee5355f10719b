package io.github.faircomclient.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs every benchmark of the module in one go and writes the report: starts the emulator jar and
 * the canned-answer server as processes of their own, then runs
 * <ol>
 * <li>{@link RoundTripBenchmark}: template and raw, at each server, transport and thread count, in
 * rounds whose client order alternates (template first, then raw first, ...), one fork per
 * configuration and round, with {@code -prof gc}; in the first round also {@code restclient} at the
 * canned-answer server, to attribute costs;</li>
 * <li>{@link SessionStormBenchmark} at 16, 64 and 256 threads;</li>
 * <li>{@link CursorStreamingBenchmark} with a 64 MB client heap and {@code -prof gc};</li>
 * <li>{@link RequestCounts};</li>
 * <li>{@link MessagingBenchmark}: publish throughput and publish→listener latency;</li>
 * <li>{@link TypedReadBenchmark}: template and raw, at each server over HTTP, at 1 and 16 threads, with
 * {@code -prof gc};</li>
 * <li>{@link BulkLoadBenchmark}: every loader at each server, {@code --bulk-rows} records per load
 * (1,000,000; 100,000 with {@code --quick}), {@value #BULK_WARM_UP_LOADS} warm-up loads and
 * {@value #BULK_MEASURED_LOADS} measured ones per loader (one and one with {@code --quick}): a load
 * of a million rows takes about a second, and the first loads of a fork run before the JIT
 * compilers of the client and the server have settled.</li>
 * </ol>
 * Before the round trips, both servers are loaded for a while (their own JIT warm-up); every
 * round-trip fork first calls until its own JIT has settled, then runs JMH's warm-up iterations. The machine's
 * load average is recorded before and after every phase. Options: {@code --results
 * DIR} (default {@code target/benchmark-results}), {@code --rounds N} (2), {@code --threads 1,16,64},
 * {@code --warmups N} (3) and {@code --iterations N} (10) of 1 s each, {@code --storm-threads
 * 16,64,256}, {@code --only roundtrip,storm,streaming,requests,messaging,typed,bulk}, {@code --bulk-rows N},
 * {@code --quick} (1 round, 2 + 3 iterations, smaller storm, 3 s messaging runs, 100,000 bulk records),
 * {@code --docs FILE} (write the results into that markdown file between its markers, and the chart beside it), {@code --pin} (servers on the first half of the CPUs,
 * client JVMs on the other: {@link CpuPlacement}; by default the scheduler places them),
 * {@code --report-only} (run nothing; write the report of the results already in the results directory).
 */
public final class Suite {

	private final Path results;

	private final int rounds;

	private final int[] threads;

	private final int warmups;

	private final int iterations;

	private final int[] stormThreads;

	private final int stormIterations;

	private final int serverWarmUpSeconds;

	private final int bulkRows;

	private static final int BULK_WARM_UP_LOADS = 4;

	private static final int BULK_MEASURED_LOADS = 5;

	private final int bulkWarmUps;

	private final int bulkMeasurements;

	private final List<String> phases;

	private final Duration messagingDuration;

	private final ObjectNode environment;

	private final CpuPlacement placement;

	private final JsonMapper mapper = JsonMapper.builder().build();

	private static final List<String> ALL_PHASES = List.of("roundtrip", "storm", "streaming", "requests",
			"messaging", "typed", "bulk");

	private Suite(Map<String, String> options) {
		boolean quick = options.containsKey("quick");
		this.results = Path.of(options.getOrDefault("results", "target/benchmark-results")).toAbsolutePath();
		this.rounds = Integer.parseInt(options.getOrDefault("rounds", quick ? "1" : "2"));
		this.threads = ints(options.getOrDefault("threads", "1,16,64"));
		this.warmups = Integer.parseInt(options.getOrDefault("warmups", quick ? "2" : "3"));
		this.iterations = Integer.parseInt(options.getOrDefault("iterations", quick ? "3" : "10"));
		this.stormThreads = ints(options.getOrDefault("storm-threads", "16,64,256"));
		this.stormIterations = quick ? 5 : 20;
		this.serverWarmUpSeconds = quick ? 2 : 10;
		this.bulkRows = Integer.parseInt(options.getOrDefault("bulk-rows", quick ? "100000" : "1000000"));
		this.bulkWarmUps = quick ? 1 : BULK_WARM_UP_LOADS;
		this.bulkMeasurements = quick ? 1 : BULK_MEASURED_LOADS;
		this.phases = Arrays.asList(options.getOrDefault("only", String.join(",", ALL_PHASES)).split(","));
		this.messagingDuration = Duration.ofSeconds(quick ? 3 : 20);
		this.environment = this.mapper.createObjectNode();
		this.placement = CpuPlacement.of(options.containsKey("pin"));
	}

	/**
	 * Run the suite.
	 * @param args the options, see the class documentation
	 * @throws Exception if a benchmark fails
	 */
	public static void main(String[] args) throws Exception {
		Map<String, String> options = options(args);
		Suite suite = new Suite(options);
		if (!options.containsKey("report-only")) {
			suite.run();
		}
		String docs = options.get("docs");
		Report.write(suite.results, (docs != null) ? Path.of(docs) : null);
	}

	private void run() throws Exception {
		Files.createDirectories(this.results.resolve("jmh"));
		Files.createDirectories(this.results.resolve("latency"));
		for (String phase : this.phases) {
			forgetResults(phase);
		}
		Path environmentFile = this.results.resolve("environment.json");
		if (Files.exists(environmentFile) && !this.phases.containsAll(ALL_PHASES)) {
			this.environment.setAll((ObjectNode) this.mapper.readTree(environmentFile.toFile()));
		}
		recordMachine();
		this.placement.pinThisJvmToClientCpus();
		log("placement: " + this.placement.describe());
		Instant start = Instant.now();
		try (Servers servers = Servers.start(this.results.resolve("servers"), true, this.placement)) {
			Path addresses = this.results.resolve("servers.properties");
			servers.save(addresses);
			log("servers: emulator " + servers.url(Servers.EMULATOR, "http") + " / "
					+ servers.url(Servers.EMULATOR, "https") + ", canned " + servers.url(Servers.CANNED, "http") + " / "
					+ servers.url(Servers.CANNED, "https"));
			if (this.phases.contains("roundtrip")) {
				phase("warm-up", () -> warmUp(servers));
				phase("roundtrip", () -> roundTrips(addresses));
			}
			if (this.phases.contains("storm")) {
				phase("storm", () -> storms(addresses));
			}
			if (this.phases.contains("streaming")) {
				phase("streaming", () -> streaming(addresses));
			}
			if (this.phases.contains("requests")) {
				phase("requests", () -> {
					List<RequestCounts.Count> counts = RequestCounts.measure(servers, 1000);
					this.mapper.writerWithDefaultPrettyPrinter()
						.writeValue(this.results.resolve("requests.json").toFile(), counts);
					counts.forEach((count) -> log("requests: " + count));
				});
			}
			if (this.phases.contains("messaging")) {
				phase("messaging", () -> {
					List<MessagingBenchmark.Result> messaging = MessagingBenchmark
						.measure(servers.url(Servers.EMULATOR, "http"), this.messagingDuration, this.rounds, 200,
								this.messagingDuration.multipliedBy(2));
					this.mapper.writerWithDefaultPrettyPrinter()
						.writeValue(this.results.resolve("messaging.json").toFile(), messaging);
					messaging.forEach((result) -> log("messaging: " + result));
				});
			}
			if (this.phases.contains("typed")) {
				phase("typed", () -> typedReads(addresses));
			}
			if (this.phases.contains("bulk")) {
				phase("bulk", () -> bulkLoads(addresses));
			}
		}
		if (!this.environment.has("durationSeconds")) {
			this.environment.put("durationSeconds", Duration.between(start, Instant.now()).toSeconds());
		}
		this.mapper.writerWithDefaultPrettyPrinter()
			.writeValue(this.results.resolve("environment.json").toFile(), this.environment);
	}

	/**
	 * Load each server and transport from 16 threads for a while, so that the servers' own JIT
	 * warm-up does not land in the first measured forks.
	 */
	private void warmUp(Servers servers) throws Exception {
		for (String server : List.of(Servers.CANNED, Servers.EMULATOR)) {
			for (String transport : List.of("http", "https")) {
				try (BenchClient client = servers.client("raw", server, transport, 16)) {
					long end = System.nanoTime() + Duration.ofSeconds(this.serverWarmUpSeconds).toNanos();
					ExecutorService threads = Executors.newFixedThreadPool(16);
					List<Future<?>> running = new ArrayList<>();
					for (int t = 0; t < 16; t++) {
						running.add(threads.submit(() -> {
							while (System.nanoTime() - end < 0) {
								client.call(Workload.API, Workload.ACTION, Workload.PARAMS);
							}
						}));
					}
					for (Future<?> future : running) {
						future.get();
					}
					threads.shutdown();
				}
			}
		}
	}

	private void roundTrips(Path addresses) throws RunnerException {
		List<String> servers = List.of(Servers.CANNED, Servers.EMULATOR);
		for (int round = 1; round <= this.rounds; round++) {
			List<String> pair = (round % 2 == 1) ? List.of("template", "raw") : List.of("raw", "template");
			for (int t : this.threads) {
				for (String server : servers) {
					for (String transport : List.of("http", "https")) {
						List<String> clients = new ArrayList<>(pair);
						if (round == 1 && server.equals(Servers.CANNED)) {
							clients.add("restclient");
						}
						for (String client : clients) {
							String name = "roundtrip-r" + round + "-t" + t + "-" + server + "-" + transport + "-"
									+ client;
							ChainedOptionsBuilder options = base(addresses, name, "-Xms512m", "-Xmx512m")
								.include(RoundTripBenchmark.class.getName() + ".call$")
								.param("client", client)
								.param("server", server)
								.param("transport", transport)
								.threads(t)
								.forks(1)
								.warmupIterations(this.warmups)
								.warmupTime(TimeValue.seconds(1))
								.measurementIterations(this.iterations)
								.measurementTime(TimeValue.seconds(1))
								.addProfiler(GCProfiler.class);
							for (RunResult result : new Runner(options.build()).run()) {
								log(String.format("round %d/%d t=%-3d %-8s %-5s %-8s %,12.0f ops/s  %,8.0f B/op", round,
										this.rounds, t, server, transport, client,
										result.getPrimaryResult().getScore(),
										result.getSecondaryResults().get("gc.alloc.rate.norm").getScore()));
							}
						}
					}
				}
			}
		}
	}

	private void storms(Path addresses) throws RunnerException {
		for (int t : this.stormThreads) {
			ChainedOptionsBuilder options = base(addresses, "storm-t" + t, "-Xms512m", "-Xmx512m")
				.include(SessionStormBenchmark.class.getName() + ".call$")
				.threads(t)
				.forks(2)
				.warmupIterations(10)
				.measurementIterations(this.stormIterations);
			for (RunResult result : new Runner(options.build()).run()) {
				log(String.format("storm t=%-3d %-7s %8.2f ms per call (mean)", t,
						result.getParams().getParam("session"), result.getPrimaryResult().getScore()));
			}
		}
	}

	private void streaming(Path addresses) throws RunnerException {
		ChainedOptionsBuilder options = base(addresses, "streaming", "-Xms64m", "-Xmx64m")
			.include(CursorStreamingBenchmark.class.getName() + ".stream$")
			.forks(1)
			.addProfiler(GCProfiler.class);
		for (RunResult result : new Runner(options.build()).run()) {
			log(String.format("streaming %,d records: %.1f s per stream, %,.0f B allocated per stream",
					Workload.STREAM_ROWS, result.getPrimaryResult().getScore(),
					result.getSecondaryResults().get("gc.alloc.rate.norm").getScore()));
		}
	}

	private void typedReads(Path addresses) throws RunnerException {
		for (int t : new int[] { 1, 16 }) {
			for (String server : List.of(Servers.CANNED, Servers.EMULATOR)) {
				for (String client : List.of("template", "raw")) {
					ChainedOptionsBuilder options = base(addresses, "typed-t" + t + "-" + server + "-" + client,
							"-Xms512m", "-Xmx512m")
						.include(TypedReadBenchmark.class.getName() + ".read$")
						.param("client", client)
						.param("server", server)
						.threads(t)
						.forks(1)
						.warmupIterations(this.warmups)
						.warmupTime(TimeValue.seconds(1))
						.measurementIterations(this.iterations)
						.measurementTime(TimeValue.seconds(1))
						.addProfiler(GCProfiler.class);
					for (RunResult result : new Runner(options.build()).run()) {
						log(String.format("typed t=%-2d %-8s %-8s %,12.0f calls/s  %,8.0f B/call", t, server, client,
								result.getPrimaryResult().getScore(),
								result.getSecondaryResults().get("gc.alloc.rate.norm").getScore()));
					}
				}
			}
		}
	}

	private void bulkLoads(Path addresses) throws RunnerException {
		ChainedOptionsBuilder options = base(addresses, "bulk", "-Xms256m", "-Xmx256m")
			.include(BulkLoadBenchmark.class.getName() + ".load$")
			.param("rows", String.valueOf(this.bulkRows))
			.forks(1)
			.warmupIterations(this.bulkWarmUps)
			.measurementIterations(this.bulkMeasurements);
		for (RunResult result : new Runner(options.build()).run()) {
			log(String.format("bulk %-8s %-7s %,10.0f rows/s", result.getParams().getParam("server"),
					result.getParams().getParam("loader"), this.bulkRows / result.getPrimaryResult().getScore()));
		}
	}

	private ChainedOptionsBuilder base(Path addresses, String name, String... heap) {
		List<String> jvmArgs = new ArrayList<>(Arrays.asList(heap));
		jvmArgs.add("-D" + Servers.PROPERTY + "=" + addresses);
		jvmArgs.add("-D" + Latencies.DIRECTORY_PROPERTY + "=" + this.results.resolve("latency"));
		jvmArgs.add("-D" + SessionStormBenchmark.RESULTS_PROPERTY + "=" + this.results);
		return new OptionsBuilder().jvmArgs(jvmArgs.toArray(String[]::new))
			.shouldFailOnError(true)
			.result(this.results.resolve("jmh").resolve(name + ".json").toString())
			.resultFormat(ResultFormatType.JSON)
			.output(this.results.resolve("jmh").resolve(name + ".log").toString());
	}

	private void phase(String name, Phase phase) throws Exception {
		ObjectNode record = this.environment.putObject(name);
		record.put("loadBefore", loadAverage());
		Instant start = Instant.now();
		log(name + ": start (load average " + loadAverage() + ")");
		phase.run();
		record.put("loadAfter", loadAverage());
		record.put("seconds", Duration.between(start, Instant.now()).toSeconds());
		log(name + ": done in " + Duration.between(start, Instant.now()).toSeconds() + " s (load average "
				+ loadAverage() + ")");
	}

	private void recordMachine() throws IOException {
		this.environment.put("availableProcessors", Runtime.getRuntime().availableProcessors());
		this.environment.put("cpu", cpuModel());
		this.environment.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
		this.environment.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
		if (this.environment.has("started")) {
			this.environment.put("updated", Instant.now() + " (" + String.join(", ", this.phases) + ")");
		}
		else {
			this.environment.put("started", Instant.now().toString());
		}
		this.environment.put("placement", this.placement.describe());
		this.environment.put("rounds", this.rounds);
		this.environment.put("warmups", this.warmups);
		this.environment.put("iterations", this.iterations);
		if (!this.environment.has("loadAtStart")) {
			this.environment.put("loadAtStart", loadAverage());
		}
	}

	private static String cpuModel() throws IOException {
		Path cpuinfo = Path.of("/proc/cpuinfo");
		if (!Files.isReadable(cpuinfo)) {
			return System.getProperty("os.arch");
		}
		return Files.readAllLines(cpuinfo)
			.stream()
			.filter((line) -> line.startsWith("model name"))
			.map((line) -> line.substring(line.indexOf(':') + 1).trim())
			.findFirst()
			.orElse(System.getProperty("os.arch"));
	}

	/**
	 * Read {@code --name value} options; {@code --quick}, {@code --pin} and {@code --report-only} are flags
	 * without a value.
	 * @param args the command line
	 * @return the options by name, flags mapped to {@code true}
	 */
	static Map<String, String> options(String[] args) {
		Map<String, String> options = new LinkedHashMap<>();
		for (int i = 0; i < args.length; i++) {
			String name = args[i].replaceFirst("^--", "");
			boolean flag = name.equals("quick") || name.equals("pin") || name.equals("report-only");
			options.put(name, flag ? "true" : args[++i]);
		}
		return options;
	}

	static String loadAverage() {
		try {
			String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
			return fields[0] + " " + fields[1] + " " + fields[2];
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	private static void log(String message) {
		System.out.println("[" + LocalTime.now().withNano(0) + "] " + message);
	}

	private static int[] ints(String list) {
		return Arrays.stream(list.split(",")).mapToInt(Integer::parseInt).toArray();
	}

	/**
	 * Delete the results of a phase about to run again; the other phases' results stay, so that a
	 * run with {@code --only} updates its part of the report.
	 */
	private void forgetResults(String phase) throws IOException {
		String prefix = switch (phase) {
			case "roundtrip" -> "roundtrip-";
			case "storm" -> "storm";
			case "streaming" -> "streaming";
			case "typed" -> "typed-";
			case "bulk" -> "bulk";
			default -> null;
		};
		if (prefix != null) {
			deleteMatching(this.results.resolve("jmh"), prefix);
			deleteMatching(this.results.resolve("latency"), phase.equals("roundtrip") ? "" : prefix);
		}
		Files.deleteIfExists(this.results.resolve(phase + ".csv"));
		Files.deleteIfExists(this.results.resolve(phase + ".json"));
	}

	private static void deleteMatching(Path directory, String prefix) throws IOException {
		try (Stream<Path> files = Files.list(directory)) {
			for (Path file : files.toList()) {
				String name = file.getFileName().toString();
				boolean storm = name.startsWith("storm");
				if (prefix.isEmpty() ? !storm : name.startsWith(prefix)) {
					Files.delete(file);
				}
			}
		}
	}

	@FunctionalInterface
	private interface Phase {

		void run() throws Exception;

	}

}
