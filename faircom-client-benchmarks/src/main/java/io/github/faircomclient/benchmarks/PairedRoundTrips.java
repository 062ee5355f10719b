package io.github.faircomclient.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * The round trip of {@link RoundTripBenchmark}, measured in pairs: each client runs in a JVM of its
 * own (warmed up once, its JIT profile never shared with another client), and the JVMs take turns
 * in short blocks of the same number of calls, in the order A B … B A, so that the machine's speed,
 * which drifts on a shared host by more than the difference looked for, is nearly the same for the
 * blocks compared. Each half-round gives one ratio per client against the baseline ({@code raw});
 * the report is the geometric mean of the ratios with the 99.9% Student-t interval of their
 * logarithms, the wall time and the client JVM's CPU time per call.
 * <p>
 * JMH's forks ({@link RoundTripBenchmark}) give throughput, latency percentiles and allocation; this
 * answers one question they leave open on a noisy machine: how much slower is the template than
 * the hand-written client when both see the same machine.
 * <p>
 * Options: {@code --configs emulator/http/1,canned/http/64,...} (default: every server, transport
 * and 1, 16, 64 threads), {@code --clients template,raw} (the last is the baseline),
 * a client may be written {@code label=client@classpath} to run it from another build, e.g.
 * {@code --clients template,raw,old=template@../old/faircom-client-benchmarks/target/benchmarks.jar}
 * compares today's template with an earlier build's in the same blocks (its jar must have this
 * worker), {@code --workload typed} (the typed read of {@link TypedReadBenchmark} instead of the
 * round trip; only the clients {@code template} and {@code raw}), {@code --rounds N} (20), {@code --block-seconds S} (0.4), {@code --results DIR}
 * ({@code target/benchmark-results}), {@code --servers FILE} (servers started elsewhere, as
 * written by {@link Servers}; by default this starts its own), {@code --pin} (servers on the first
 * half of the CPUs, client JVMs on the other: {@link CpuPlacement}; by default the scheduler places
 * them).
 */
public final class PairedRoundTrips {

	private static final String PROTOCOL = "@paired ";

	private static final Duration JIT_WARM_UP_LIMIT = Duration.ofSeconds(30);

	private static final int WARM_ROUNDS = 3;

	private static final String ROUND_TRIP = "roundtrip";

	private static final String TYPED = "typed";

	private final Map<String, String> options;

	private PairedRoundTrips(Map<String, String> options) {
		this.options = options;
	}

	/**
	 * Run the paired round trips and print the report.
	 * @param args the options
	 * @throws Exception if a worker or a server fails
	 */
	public static void main(String[] args) throws Exception {
		new PairedRoundTrips(Suite.options(args)).run();
	}

	private void run() throws Exception {
		Path results = Path.of(this.options.getOrDefault("results", "target/benchmark-results"));
		Files.createDirectories(results);
		List<ClientSpec> specs = Stream.of(this.options.getOrDefault("clients", "template,raw").split(","))
			.map(ClientSpec::of)
			.toList();
		List<String> clients = specs.stream().map(ClientSpec::label).toList();
		List<String> configs = configs();
		int rounds = Integer.parseInt(this.options.getOrDefault("rounds", "20"));
		double blockSeconds = Double.parseDouble(this.options.getOrDefault("block-seconds", "0.4"));
		CpuPlacement placement = CpuPlacement.of(this.options.containsKey("pin"));
		placement.pinThisJvmToClientCpus();
		String given = this.options.get("servers");
		Servers started = null;
		Path addresses;
		if (given != null) {
			addresses = Path.of(given);
		}
		else {
			Path directory = results.resolve("paired-servers");
			started = Servers.start(directory, false, placement);
			addresses = directory.resolve("servers.properties");
			started.save(addresses);
		}
		StringBuilder report = new StringBuilder();
		report.append(String.format(Locale.ROOT,
				"Paired %s: %s, %d rounds of blocks of %.1f s, %s%s, started %s, load average %s%n%n",
				(TYPED.equals(this.options.get("workload"))) ? "typed reads" : "round trips",
				String.join(" / ", clients), rounds, blockSeconds, placement.describe(),
				(given != null) ? " (servers given: placed by whoever started them)" : "", Instant.now(),
				Suite.loadAverage()));
		report.append(header(clients));
		try {
			for (String config : configs) {
				String[] parts = config.split("/");
				String row = measure(addresses, results, specs, parts[0], parts[1], Integer.parseInt(parts[2]),
						rounds, blockSeconds);
				report.append(row);
				System.out.print(row);
				System.out.flush();
			}
		}
		finally {
			if (started != null) {
				started.close();
			}
		}
		report.append(String.format(Locale.ROOT, "%nFinished %s, load average %s%n", Instant.now(),
				Suite.loadAverage()));
		Path file = results.resolve("paired-roundtrips.md");
		Files.writeString(file, report);
		System.out.println();
		System.out.println(report);
		System.out.println("Written to " + file);
	}

	private List<String> configs() {
		String given = this.options.get("configs");
		if (given != null) {
			return List.of(given.split(","));
		}
		List<String> configs = new ArrayList<>();
		for (String server : List.of(Servers.CANNED, Servers.EMULATOR)) {
			for (String transport : List.of("http", "https")) {
				for (int threads : List.of(1, 16, 64)) {
					configs.add(server + "/" + transport + "/" + threads);
				}
			}
		}
		return configs;
	}

	private static String header(List<String> clients) {
		String baseline = clients.get(clients.size() - 1);
		StringBuilder header = new StringBuilder("| server | transport | threads | calls per block |");
		StringBuilder line = new StringBuilder("|---|---|--:|--:|");
		for (String client : clients.subList(0, clients.size() - 1)) {
			header.append(" ").append(client).append(" / ").append(baseline).append(" throughput (99.9%) |");
			line.append("--:|");
		}
		for (String client : clients) {
			header.append(" ").append(client).append(" µs per call: wall, client CPU |");
			line.append("--:|");
		}
		return header.append('\n').append(line).append('\n').toString();
	}

	private String measure(Path addresses, Path results, List<ClientSpec> specs, String server, String transport,
			int threads, int rounds, double blockSeconds) throws IOException {
		List<String> clients = specs.stream().map(ClientSpec::label).toList();
		Map<String, Worker> workers = new LinkedHashMap<>();
		try {
			for (ClientSpec spec : specs) {
				workers.put(spec.label(), Worker.start(addresses, results, spec, server, transport, threads,
						this.options.getOrDefault("workload", ROUND_TRIP)));
			}
			long calls = 0;
			for (Worker worker : workers.values()) {
				Block probe = worker.run(Math.max(200, threads * 20));
				long fitting = (long) (blockSeconds * 1e9 / probe.wallNanosPerCall());
				calls = (calls == 0) ? fitting : Math.min(calls, fitting);
			}
			calls = Math.max(calls, threads * 10L);
			String baseline = clients.get(clients.size() - 1);
			Map<String, List<Double>> logRatios = new LinkedHashMap<>();
			Map<String, List<Block>> blocks = new LinkedHashMap<>();
			for (int round = 0; round < WARM_ROUNDS + rounds; round++) {
				for (int half = 0; half < 2; half++) {
					List<String> order = new ArrayList<>(clients);
					if (half == 1) {
						Collections.reverse(order);
					}
					Map<String, Block> measured = new LinkedHashMap<>();
					for (String client : order) {
						measured.put(client, workers.get(client).run(calls));
					}
					if (round < WARM_ROUNDS) {
						continue;
					}
					for (String client : clients) {
						blocks.computeIfAbsent(client, (key) -> new ArrayList<>()).add(measured.get(client));
						if (!client.equals(baseline)) {
							logRatios.computeIfAbsent(client, (key) -> new ArrayList<>())
								.add(Math.log(measured.get(baseline).wallNanos() / (double) measured.get(client).wallNanos()));
						}
					}
				}
			}
			StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %s | %s | %d | %,d |", server,
					transport.toUpperCase(Locale.ROOT), threads, calls));
			for (List<Double> values : logRatios.values()) {
				row.append(' ').append(Stats.geometricRatio(values)).append(" |");
			}
			for (String client : clients) {
				List<Block> measured = blocks.get(client);
				double wall = measured.stream().mapToDouble(Block::wallNanosPerCall).average().orElse(Double.NaN);
				double cpu = measured.stream().mapToDouble(Block::cpuNanosPerCall).average().orElse(Double.NaN);
				row.append(String.format(Locale.ROOT, " %.1f, %.1f |", wall / 1e3, cpu / 1e3));
			}
			return row.append('\n').toString();
		}
		finally {
			workers.values().forEach(Worker::close);
		}
	}

	/**
	 * One block of calls as a worker measured it.
	 *
	 * @param calls the calls made
	 * @param wallNanos the time from the first call's start to the last call's end
	 * @param cpuNanos the CPU time the worker's JVM used meanwhile, all threads together
	 */
	record Block(long calls, long wallNanos, long cpuNanos) {

		double wallNanosPerCall() {
			return this.wallNanos / (double) this.calls;
		}

		double cpuNanosPerCall() {
			return this.cpuNanos / (double) this.calls;
		}

	}

	/**
	 * A client of the comparison as given in {@code --clients}: {@code client}, or
	 * {@code label=client@classpath} for the same client from another build.
	 *
	 * @param label the name in the report
	 * @param client the client the worker runs ({@code template}, {@code raw}, …)
	 * @param classPath the worker JVM's class path
	 */
	record ClientSpec(String label, String client, String classPath) {

		static ClientSpec of(String given) {
			int equals = given.indexOf('=');
			int at = given.indexOf('@');
			if (equals < 0 || at < equals) {
				return new ClientSpec(given, given, System.getProperty("java.class.path"));
			}
			return new ClientSpec(given.substring(0, equals), given.substring(equals + 1, at), given.substring(at + 1));
		}

	}

	/**
	 * The coordinator's handle on a worker JVM: it sends {@code run N} and reads one result line.
	 */
	private static final class Worker implements AutoCloseable {

		private final Process process;

		private final BufferedReader output;

		private final PrintStream input;

		private Worker(Process process) {
			this.process = process;
			this.output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
			this.input = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
		}

		static Worker start(Path addresses, Path results, ClientSpec client, String server, String transport,
				int threads, String workload) throws IOException {
			List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
					"-Xms512m", "-Xmx512m", "-cp", client.classPath(),
					PairedWorker.class.getName(), addresses.toString(), client.client(), server, transport,
					String.valueOf(threads), workload);
			Path log = results.resolve("paired-" + client.label() + "-" + server + "-" + transport + "-t" + threads + ".log");
			Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
			Worker worker = new Worker(process);
			String ready = worker.expect("ready");
			if (!workload.equals(ROUND_TRIP) && !ready.equals("ready " + workload)) {
				worker.close();
				throw new IOException("The worker of " + client.label() + " does not run the " + workload
						+ " workload (a build without it?)");
			}
			return worker;
		}

		Block run(long calls) throws IOException {
			this.input.println("run " + calls);
			String[] fields = expect("done").split(" ");
			return new Block(Long.parseLong(fields[1]), Long.parseLong(fields[2]), Long.parseLong(fields[3]));
		}

		private String expect(String word) throws IOException {
			String line;
			while ((line = this.output.readLine()) != null) {
				if (line.startsWith(PROTOCOL)) {
					String message = line.substring(PROTOCOL.length());
					if (message.startsWith(word)) {
						return message;
					}
					throw new IOException("Worker failed: " + message);
				}
			}
			throw new IOException("Worker ended; see its log");
		}

		@Override
		public void close() {
			this.input.println("quit");
			try {
				if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
					this.process.destroyForcibly();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				this.process.destroyForcibly();
			}
		}

	}

	/**
	 * A worker JVM: one client, warmed up, then blocks of calls on request. Arguments: the servers'
	 * properties file, the client, the server, the transport, the number of calling threads and the
	 * workload ({@code roundtrip} or {@code typed}; a round trip if absent).
	 * Lines starting with {@value #PROTOCOL} on standard output are its answers; everything else
	 * (the client's own logging) is ignored.
	 */
	static final class PairedWorker {

		private PairedWorker() {
		}

		/**
		 * Run the worker.
		 * @param args the servers file, client, server, transport and thread count
		 * @throws Exception if the client cannot be built
		 */
		public static void main(String[] args) throws Exception {
			System.setProperty(Servers.PROPERTY, args[0]);
			int threads = Integer.parseInt(args[4]);
			String workload = (args.length > 5) ? args[5] : ROUND_TRIP;
			PrintStream out = System.out;
			try {
				if (TYPED.equals(workload)) {
					TypedReadBenchmark typed = new TypedReadBenchmark();
					typed.client = args[1];
					typed.server = args[2];
					typed.start();
					try {
						serve(out, threads, typed::read, "ready " + TYPED);
					}
					finally {
						typed.stop();
					}
				}
				else {
					try (Servers servers = Servers.attachOrStart(false);
							BenchClient client = servers.client(args[1], args[2], args[3], RoundTripBenchmark.MAX_CONNECTIONS)) {
						Runnable call = () -> client.call(Workload.API, Workload.ACTION, Workload.PARAMS);
						call.run();
						System.err.println(JitWarmUp.run(call, JIT_WARM_UP_LIMIT));
						serve(out, threads, call, "ready");
					}
				}
			}
			catch (Exception ex) {
				out.println(PROTOCOL + "failed " + ex);
				throw ex;
			}
		}

		private static void serve(PrintStream out, int threads, Runnable call, String ready) throws IOException {
			ExecutorService callers = Executors.newFixedThreadPool(threads);
			try {
				out.println(PROTOCOL + ready);
				BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
				String command;
				while ((command = commands.readLine()) != null && command.startsWith("run ")) {
					long calls = Long.parseLong(command.substring(4));
					try {
						Block block = block(callers, threads, calls, call);
						out.println(PROTOCOL + "done " + block.calls() + " " + block.wallNanos() + " " + block.cpuNanos());
					}
					catch (RuntimeException ex) {
						out.println(PROTOCOL + "failed " + ex);
						break;
					}
				}
			}
			finally {
				callers.shutdownNow();
			}
		}

		private static Block block(ExecutorService callers, int threads, long calls, Runnable call) {
			AtomicLong remaining = new AtomicLong(calls);
			AtomicReference<RuntimeException> failure = new AtomicReference<>();
			CountDownLatch done = new CountDownLatch(threads);
			long cpu = Latencies.processCpuNanos();
			long start = System.nanoTime();
			for (int t = 0; t < threads; t++) {
				callers.execute(() -> {
					try {
						while (remaining.getAndDecrement() > 0 && failure.get() == null) {
							call.run();
						}
					}
					catch (RuntimeException ex) {
						failure.compareAndSet(null, ex);
					}
					finally {
						done.countDown();
					}
				});
			}
			try {
				done.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			long wall = System.nanoTime() - start;
			long cpuUsed = Latencies.processCpuNanos() - cpu;
			if (failure.get() != null) {
				throw failure.get();
			}
			return new Block(calls, wall, cpuUsed);
		}

	}

}
