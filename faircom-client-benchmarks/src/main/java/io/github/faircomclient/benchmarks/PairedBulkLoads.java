package io.github.faircomclient.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The loads of {@link BulkLoadBenchmark}, measured in pairs: the loaders take turns in one JVM,
 * one whole load each, in the order A B … B A, so that what changes between forks (the JIT
 * compilers' decisions, the servers' own warm-up, the machine's speed) is the same for the loads
 * compared. JMH runs each loader in a fork of its own, one after another; on a shared two-core
 * machine the loads of one loader then differ from fork to fork by more than the loaders differ.
 * Each half-round gives one ratio per loader against the baseline (the last loader); the report is
 * the geometric mean of the ratios with the 99.9% Student-t interval of their logarithms, and each
 * loader's mean rows per second.
 * <p>
 * Options: {@code --servers canned,emulator} (both), {@code --loaders bulk-4,insert,raw-4} (the last
 * is the baseline; any loader of {@link BulkLoadBenchmark}), {@code --rows N} (1,000,000),
 * {@code --rounds N} (6), {@code --warm-rounds N} (2), {@code --results DIR}
 * ({@code target/benchmark-results}; the report goes to {@code paired-bulk-loads.md}). Run it with
 * the client heap of the benchmark, {@code -Xms256m -Xmx256m}, and the standalone emulator jar
 * built ({@link Servers}).
 */
public final class PairedBulkLoads {

	private final Map<String, String> options;

	private PairedBulkLoads(Map<String, String> options) {
		this.options = options;
	}

	/**
	 * Run the paired loads and print the report.
	 * @param args the options
	 * @throws Exception if a load or a server fails
	 */
	public static void main(String[] args) throws Exception {
		new PairedBulkLoads(Suite.options(args)).run();
	}

	private void run() throws Exception {
		Path results = Path.of(this.options.getOrDefault("results", "target/benchmark-results"));
		Files.createDirectories(results);
		List<String> servers = List.of(this.options.getOrDefault("servers", "canned,emulator").split(","));
		List<String> loaders = List.of(this.options.getOrDefault("loaders", "bulk-4,insert,raw-4").split(","));
		int rows = Integer.parseInt(this.options.getOrDefault("rows", "1000000"));
		int rounds = Integer.parseInt(this.options.getOrDefault("rounds", "6"));
		int warmRounds = Integer.parseInt(this.options.getOrDefault("warm-rounds", "2"));
		String baseline = loaders.get(loaders.size() - 1);
		StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
				"Paired bulk loads of %,d rows: %s, %d rounds after %d warm-up rounds, loaders taking turns A B … B A "
						+ "in one JVM, started %s, load average %s%n%n",
				rows, String.join(" / ", loaders), rounds, warmRounds, Instant.now(), Suite.loadAverage()));
		StringBuilder header = new StringBuilder("| server |");
		StringBuilder line = new StringBuilder("|---|");
		for (String loader : loaders.subList(0, loaders.size() - 1)) {
			header.append(' ').append(loader).append(" / ").append(baseline).append(" rows/s (99.9%) |");
			line.append("--:|");
		}
		for (String loader : loaders) {
			header.append(' ').append(loader).append(" rows/s |");
			line.append("--:|");
		}
		report.append(header).append('\n').append(line).append('\n');
		for (String server : servers) {
			String row = measure(server, loaders, rows, rounds, warmRounds);
			System.out.print(row);
			report.append(row);
		}
		report.append(String.format(Locale.ROOT, "%nFinished %s, load average %s%n", Instant.now(),
				Suite.loadAverage()));
		Path file = results.resolve("paired-bulk-loads.md");
		Files.writeString(file, report);
		System.out.println();
		System.out.println(report);
		System.out.println("Written to " + file);
	}

	private static String measure(String server, List<String> loaders, int rows, int rounds, int warmRounds)
			throws Exception {
		BulkLoadBenchmark bench = new BulkLoadBenchmark();
		bench.server = server;
		bench.rows = rows;
		bench.start();
		try {
			String baseline = loaders.get(loaders.size() - 1);
			Map<String, List<Double>> logRatios = new LinkedHashMap<>();
			Map<String, List<Double>> rowsPerSecond = new LinkedHashMap<>();
			for (int round = 0; round < warmRounds + rounds; round++) {
				for (int half = 0; half < 2; half++) {
					List<String> order = new ArrayList<>(loaders);
					if (half == 1) {
						Collections.reverse(order);
					}
					Map<String, Double> measured = new LinkedHashMap<>();
					for (String loader : order) {
						measured.put(loader, load(bench, loader, rows));
					}
					System.err.printf(Locale.ROOT, "%s round %d%s: %s%n", server, round,
							(round < warmRounds) ? " (warm-up)" : "", measured);
					if (round < warmRounds) {
						continue;
					}
					for (String loader : loaders) {
						rowsPerSecond.computeIfAbsent(loader, (key) -> new ArrayList<>()).add(measured.get(loader));
						if (!loader.equals(baseline)) {
							logRatios.computeIfAbsent(loader, (key) -> new ArrayList<>())
								.add(Math.log(measured.get(loader) / measured.get(baseline)));
						}
					}
				}
			}
			StringBuilder row = new StringBuilder("| ").append(server).append(" |");
			for (List<Double> values : logRatios.values()) {
				row.append(' ').append(Stats.geometricRatio(values)).append(" |");
			}
			for (String loader : loaders) {
				double mean = rowsPerSecond.get(loader).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
				row.append(String.format(Locale.ROOT, " %,.0f |", mean));
			}
			return row.append('\n').toString();
		}
		finally {
			bench.stop();
		}
	}

	/**
	 * Run one whole load into a table created afresh and return its rows per second; the load
	 * itself checks that every record was written.
	 */
	private static double load(BulkLoadBenchmark bench, String loader, int rows) throws Exception {
		bench.loader = loader;
		bench.prepareTable();
		long start = System.nanoTime();
		bench.load();
		return rows / ((System.nanoTime() - start) / 1e9);
	}

}
