package io.github.faircomclient.benchmarks;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sections of the report for {@link TypedReadBenchmark} and {@link BulkLoadBenchmark}: typed
 * reads against the hand-written tree-and-map client (throughput and bytes per call, with their
 * targets), and bulk loads in rows per second against serial {@code insert} and the hand-written
 * parallel loader, with the client's heap growth.
 */
final class BulkReport {

	static final double TYPED_THROUGHPUT_TARGET = 1.1;

	static final double TYPED_ALLOCATION_TARGET = 0.8;

	static final double BULK_OVER_INSERT_TARGET = 2.0;

	static final double BULK_OVER_RAW_TARGET = 1.0;

	static final long HEAP_GROWTH_TARGET = 64L * 1024 * 1024;

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final List<String> LOADERS = List.of("insert", "bulk-1", "bulk-2", "bulk-4", "bulk-8", "raw-4",
			"raw-8");

	private BulkReport() {
	}

	/**
	 * Append the typed-read section, if the results hold it.
	 * @param md the markdown
	 * @param results the suite's result directory
	 * @throws IOException if a result cannot be read
	 */
	static void typed(StringBuilder md, Path results) throws IOException {
		Path jmh = results.resolve("jmh");
		Map<String, List<Double>> throughput = new TreeMap<>();
		Map<String, List<Double>> allocation = new TreeMap<>();
		if (Files.isDirectory(jmh)) {
			try (DirectoryStream<Path> files = Files.newDirectoryStream(jmh, "typed-*.json")) {
				for (Path file : files) {
					for (JsonNode run : MAPPER.readTree(file.toFile())) {
						String key = run.path("params").path("server").asString() + "/" + run.path("threads").asInt()
								+ "/" + run.path("params").path("client").asString();
						add(throughput, key, run.path("primaryMetric").path("rawData"));
						add(allocation, key, run.path("secondaryMetrics").path("gc.alloc.rate.norm").path("rawData"));
					}
				}
			}
		}
		if (throughput.isEmpty()) {
			return;
		}
		md.append("#### Typed reads without a tree\n\n");
		md.append("`db().getRecordsByIds(\"athlete\", ids, Athlete.class)` (3 records mapped straight from the answer's ")
			.append("stream) against the hand-written client that parses the answer into a tree and maps each record ")
			.append("with Jackson, over HTTP. Calls/s ± 99.9% CI; ratio = template / raw (target ≥ ")
			.append(TYPED_THROUGHPUT_TARGET).append("); bytes allocated per call (`-prof gc`) and their ratio (target ≤ ")
			.append(TYPED_ALLOCATION_TARGET).append(").\n\n");
		md.append("| server | threads | template calls/s | raw calls/s | ratio | ≥ 1.1 | template B/call | raw B/call | alloc ratio | ≤ 0.8 |\n");
		md.append("|---|--:|--:|--:|--:|:-:|--:|--:|--:|:-:|\n");
		for (String server : List.of(Servers.CANNED, Servers.EMULATOR)) {
			for (int threads : new int[] { 1, 16 }) {
				String prefix = server + "/" + threads + "/";
				Stats template = stats(throughput, prefix + "template");
				Stats raw = stats(throughput, prefix + "raw");
				if (template == null || raw == null) {
					continue;
				}
				Stats ratio = template.over(raw);
				Stats templateAlloc = stats(allocation, prefix + "template");
				Stats rawAlloc = stats(allocation, prefix + "raw");
				Stats allocRatio = (templateAlloc != null && rawAlloc != null) ? templateAlloc.over(rawAlloc) : null;
				md.append("| ").append(server).append(" | ").append(threads).append(" | ")
					.append(withError(template, 0)).append(" | ").append(withError(raw, 0)).append(" | ")
					.append(withError(ratio, 3)).append(" | ")
					.append(verdict(ratio.mean() >= TYPED_THROUGHPUT_TARGET,
							ratio.mean() + err(ratio) >= TYPED_THROUGHPUT_TARGET))
					.append(" | ").append(withError(templateAlloc, 0)).append(" | ").append(withError(rawAlloc, 0))
					.append(" | ").append(withError(allocRatio, 3)).append(" | ")
					.append((allocRatio != null) ? verdict(allocRatio.mean() <= TYPED_ALLOCATION_TARGET,
							allocRatio.mean() - err(allocRatio) <= TYPED_ALLOCATION_TARGET) : "")
					.append(" |\n");
			}
		}
		md.append('\n');
	}

	/**
	 * Append the bulk-load section, if the results hold it.
	 * @param md the markdown
	 * @param results the suite's result directory
	 * @throws IOException if a result cannot be read
	 */
	static void bulk(StringBuilder md, Path results) throws IOException {
		Path csv = results.resolve("bulk.csv");
		if (!Files.exists(csv)) {
			return;
		}
		Map<String, List<Double>> rowsPerSecond = new LinkedHashMap<>();
		Map<String, Long> growth = new LinkedHashMap<>();
		long rows = 0;
		for (String line : Files.readAllLines(csv)) {
			String[] f = line.split(",");
			String key = f[0] + "/" + f[1];
			rows = Long.parseLong(f[2]);
			rowsPerSecond.computeIfAbsent(key, (k) -> new ArrayList<>()).add(Double.parseDouble(f[4]));
			growth.merge(key, Long.parseLong(f[7]), Math::max);
		}
		md.append("#### Bulk loads: ").append(String.format(Locale.ROOT, "%,d", rows))
			.append(" records of a 4-field table\n\n");
		md.append("Rows per second of one whole load (mean of the measured loads, after warm-up loads in the same "
			+ "JVM, lowest–highest in brackets; the verdicts read the means): `insert` = serial ")
			.append("`db().insert(table, chunk)` of ").append(String.format(Locale.ROOT, "%,d", BulkLoadBenchmark.INSERT_CHUNK))
			.append("-record chunks; `bulk-K` = `db().bulkInsert(table, stream, BulkOptions.resumable().lanes(K))`; ")
			.append("`raw-N` = the hand-written loader shaped like FairCom's bulk-load script (N threads, fixed ")
			.append("batches of 500, one HttpClient, no transactions). For `bulk-K`: × serial insert (target ≥ ")
			.append(BULK_OVER_INSERT_TARGET).append(") and × the better hand-written loader (target ≥ ")
			.append(BULK_OVER_RAW_TARGET).append("). Heap growth: the largest heap use right after any collection ")
			.append("during a load, less the heap in use after a full collection before it, the largest of the loads ")
			.append("(target ≤ 64 MB; client JVM `-Xms256m -Xmx256m`: a client that held a million records, ")
			.append("about 160 MB of Java objects, would not fit).\n\n");
		md.append("| server | loader | rows/s | × insert | ≥ 2 | × best raw | ≥ 1.0 | heap growth | ≤ 64 MB |\n");
		md.append("|---|---|--:|--:|:-:|--:|:-:|--:|:-:|\n");
		for (String server : List.of(Servers.CANNED, Servers.EMULATOR)) {
			Stats insert = stats(rowsPerSecond, server + "/insert");
			Stats raw4 = stats(rowsPerSecond, server + "/raw-4");
			Stats raw8 = stats(rowsPerSecond, server + "/raw-8");
			Stats bestRaw = (raw4 == null) ? raw8
					: (raw8 == null || raw4.mean() >= raw8.mean()) ? raw4 : raw8;
			for (String loader : LOADERS) {
				String key = server + "/" + loader;
				Stats loads = stats(rowsPerSecond, key);
				if (loads == null) {
					continue;
				}
				boolean bulk = loader.startsWith("bulk-");
				List<Double> measured = rowsPerSecond.get(key);
				Double overInsert = (bulk && insert != null) ? loads.mean() / insert.mean() : null;
				Double overRaw = (bulk && bestRaw != null) ? loads.mean() / bestRaw.mean() : null;
				long grew = growth.get(key);
				md.append("| ").append(server).append(" | ").append(loader).append(" | ")
					.append(String.format(Locale.ROOT, "%,.0f (%,.0f–%,.0f)", loads.mean(),
							Collections.min(measured), Collections.max(measured)))
					.append(" | ").append(ratio(overInsert)).append(" | ")
					.append((overInsert != null) ? ((overInsert >= BULK_OVER_INSERT_TARGET) ? "✅" : "❌") : "")
					.append(" | ").append(ratio(overRaw)).append(" | ")
					.append((overRaw != null) ? ((overRaw >= BULK_OVER_RAW_TARGET) ? "✅" : "❌") : "")
					.append(" | ").append(String.format(Locale.ROOT, "%.1f MB", grew / (1024.0 * 1024.0))).append(" | ")
					.append((grew <= HEAP_GROWTH_TARGET) ? "✅" : "❌").append(" |\n");
			}
		}
		md.append('\n');
	}

	private static void add(Map<String, List<Double>> into, String key, JsonNode rawData) {
		List<Double> values = into.computeIfAbsent(key, (k) -> new ArrayList<>());
		for (JsonNode fork : rawData) {
			for (JsonNode iteration : fork) {
				values.add(iteration.asDouble());
			}
		}
	}

	private static @Nullable Stats stats(Map<String, List<Double>> values, String key) {
		List<Double> list = values.get(key);
		return (list == null || list.isEmpty()) ? null : Stats.of(list);
	}

	private static String ratio(@Nullable Double ratio) {
		return (ratio != null) ? String.format(Locale.ROOT, "%.2f", ratio) : "";
	}

	private static double err(Stats stats) {
		return Double.isNaN(stats.error()) ? 0 : stats.error();
	}

	private static String verdict(boolean onMean, boolean withinError) {
		return onMean ? "✅" : withinError ? "⚠️" : "❌";
	}

	private static String withError(@Nullable Stats stats, int decimals) {
		if (stats == null) {
			return "";
		}
		if (Double.isNaN(stats.error())) {
			return String.format(Locale.ROOT, "%,." + decimals + "f", stats.mean());
		}
		String format = "%,." + decimals + "f ± %,." + decimals + "f";
		return String.format(Locale.ROOT, format, stats.mean(), stats.error());
	}

}
