package io.github.faircomclient.benchmarks;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the suite's result directory into markdown tables and an SVG chart of throughput against
 * threads. Round-trip scores of all rounds are pooled per configuration (every measurement iteration
 * of every fork is one value); errors are 99.9% confidence half-widths, as JMH reports them. Run on
 * its own with {@code java -cp benchmarks.jar io.github.faircomclient.benchmarks.Report <results>
 * [docs/benchmarks.md]}.
 */
public final class Report {

	static final String BEGIN = "<!-- BEGIN GENERATED RESULTS -->";

	static final String END = "<!-- END GENERATED RESULTS -->";

	static final String CHART = "benchmarks-throughput.svg";

	static final double THROUGHPUT_TARGET = 0.97;

	static final double ALLOCATION_TARGET = 1.10;

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final List<String> SERVERS = List.of(Servers.CANNED, Servers.EMULATOR);

	private static final List<String> TRANSPORTS = List.of("http", "https");

	private final Path results;

	/** Throughput values by configuration key {@code client/server/transport/threads}. */
	private final Map<String, List<Double>> throughput = new TreeMap<>();

	private final Map<String, List<Double>> allocation = new TreeMap<>();

	private final TreeSet<Integer> threadCounts = new TreeSet<>();

	private Report(Path results) {
		this.results = results;
	}

	/**
	 * Write the report of a result directory.
	 * @param args the result directory and, optionally, the markdown file to update
	 * @throws IOException if a file cannot be read or written
	 */
	public static void main(String[] args) throws IOException {
		write(Path.of(args[0]), (args.length > 1) ? Path.of(args[1]) : null);
	}

	/**
	 * Write {@code results.md} and {@code benchmarks-throughput.svg} into the result directory and,
	 * if given, put the tables between the markers of a markdown file and the chart beside it.
	 * @param results the suite's result directory
	 * @param docs the markdown file to update, or {@code null}
	 * @throws IOException if a file cannot be read or written
	 */
	static void write(Path results, @Nullable Path docs) throws IOException {
		Report report = new Report(results);
		report.readRoundTrips();
		String markdown = report.markdown();
		String svg = report.svg();
		Files.writeString(results.resolve("results.md"), markdown);
		Files.writeString(results.resolve(CHART), svg);
		System.out.println(markdown);
		if (docs != null) {
			String text = Files.readString(docs);
			int begin = text.indexOf(BEGIN);
			int end = text.indexOf(END);
			if (begin < 0 || end < begin) {
				throw new IOException(docs + " has no " + BEGIN + " ... " + END + " markers");
			}
			Files.writeString(docs, text.substring(0, begin + BEGIN.length()) + "\n\n" + markdown + "\n"
					+ text.substring(end));
			Files.writeString(docs.toAbsolutePath().resolveSibling(CHART), svg);
		}
	}

	private void readRoundTrips() throws IOException {
		Path jmh = this.results.resolve("jmh");
		if (!Files.isDirectory(jmh)) {
			return;
		}
		try (DirectoryStream<Path> files = Files.newDirectoryStream(jmh, "roundtrip-*.json")) {
			for (Path file : files) {
				for (JsonNode run : MAPPER.readTree(file.toFile())) {
					JsonNode params = run.path("params");
					int threads = run.path("threads").asInt();
					this.threadCounts.add(threads);
					String key = key(params.path("client").asString(), params.path("server").asString(),
							params.path("transport").asString(), threads);
					addAll(this.throughput, key, run.path("primaryMetric").path("rawData"));
					addAll(this.allocation, key,
							run.path("secondaryMetrics").path("gc.alloc.rate.norm").path("rawData"));
				}
			}
		}
	}

	private static void addAll(Map<String, List<Double>> into, String key, JsonNode rawData) {
		List<Double> values = into.computeIfAbsent(key, (k) -> new ArrayList<>());
		for (JsonNode fork : rawData) {
			for (JsonNode iteration : fork) {
				values.add(iteration.asDouble());
			}
		}
	}

	private static String key(String client, String server, String transport, int threads) {
		return client + "/" + server + "/" + transport + "/" + threads;
	}

	private @Nullable Stats stats(Map<String, List<Double>> values, String client, String server, String transport,
			int threads) {
		List<Double> list = values.get(key(client, server, transport, threads));
		return (list == null || list.isEmpty()) ? null : Stats.of(list);
	}

	private String markdown() throws IOException {
		StringBuilder md = new StringBuilder();
		environment(md);
		roundTrips(md);
		attribution(md);
		ceiling(md);
		storm(md);
		streaming(md);
		requests(md);
		MessagingReport.append(this.results, md);
		BulkReport.typed(md, this.results);
		BulkReport.bulk(md, this.results);
		return md.toString();
	}

	private void environment(StringBuilder md) throws IOException {
		Path file = this.results.resolve("environment.json");
		if (!Files.exists(file)) {
			return;
		}
		JsonNode env = MAPPER.readTree(file.toFile());
		md.append("#### Machine and run\n\n");
		md.append("| | |\n|---|---|\n");
		md.append("| CPU | ").append(env.path("cpu").asString()).append(", ")
			.append(env.path("availableProcessors").asInt()).append(" processors (`nproc`) |\n");
		md.append("| JDK | ").append(env.path("jdk").asString()).append(" |\n");
		md.append("| OS | ").append(env.path("os").asString()).append(" |\n");
		if (env.has("placement")) {
			md.append("| CPU placement | ").append(env.path("placement").asString()).append(" |\n");
		}
		md.append("| started | ").append(env.path("started").asString()).append(", ")
			.append(env.path("durationSeconds").asLong() / 60).append(" min")
			.append(env.has("updated") ? "; updated " + env.path("updated").asString() : "").append(" |\n");
		md.append("| round trips | ").append(env.path("rounds").asInt()).append(" rounds × 1 fork, ")
			.append(env.path("warmups").asInt()).append(" × 1 s warm-up + ").append(env.path("iterations").asInt())
			.append(" × 1 s measurement per fork |\n");
		md.append("| load average (1/5/15 min) | at start ").append(env.path("loadAtStart").asString());
		for (String phase : List.of("warm-up", "roundtrip", "storm", "streaming", "requests", "messaging", "typed",
				"bulk")) {
			JsonNode record = env.path(phase);
			if (!record.isMissingNode()) {
				md.append("; ").append(phase).append(": ").append(record.path("loadBefore").asString()).append(" → ")
					.append(record.path("loadAfter").asString());
			}
		}
		md.append(" |\n\n");
	}

	private void roundTrips(StringBuilder md) throws IOException {
		if (this.throughput.isEmpty()) {
			return;
		}
		md.append("#### Template versus hand-written HttpClient 5: throughput, latency, allocation\n\n");
		md.append("`db/getRecordsByIds` (3 records). Throughput in calls/s ± 99.9% CI; ratio = template / raw ")
			.append("(target ≥ ").append(THROUGHPUT_TARGET).append(" within the error); latency p50 / p99 in µs; ")
			.append("CPU time the client JVM used per call in the measured iterations (all its threads, GC and JIT included; ")
			.append("in brackets the JIT compilers' share, which should be near 0 once warm); ")
			.append("bytes allocated per call (`-prof gc`, `gc.alloc.rate.norm`) with the ratio (target ≤ ")
			.append(ALLOCATION_TARGET).append(").\n\n");
		md.append("| server | transport | threads | template calls/s | raw calls/s | ratio | ≥ 0.97 | template p50 / p99 µs | raw p50 / p99 µs | template / raw client CPU µs/call | template B/call | raw B/call | alloc ratio | ≤ 1.10 |\n");
		md.append("|---|---|--:|--:|--:|--:|:-:|--:|--:|--:|--:|--:|--:|:-:|\n");
		for (String server : SERVERS) {
			for (String transport : TRANSPORTS) {
				for (int threads : this.threadCounts) {
					Stats template = stats(this.throughput, "template", server, transport, threads);
					Stats raw = stats(this.throughput, "raw", server, transport, threads);
					if (template == null || raw == null) {
						continue;
					}
					Stats ratio = template.over(raw);
					Stats templateAlloc = stats(this.allocation, "template", server, transport, threads);
					Stats rawAlloc = stats(this.allocation, "raw", server, transport, threads);
					Stats allocRatio = (templateAlloc != null && rawAlloc != null) ? templateAlloc.over(rawAlloc) : null;
					md.append("| ").append(server).append(" | ").append(transport).append(" | ").append(threads)
						.append(" | ").append(withError(template, 0)).append(" | ").append(withError(raw, 0))
						.append(" | ").append(withError(ratio, 3)).append(" | ")
						.append(verdict(ratio.mean() + ratio.error() >= THROUGHPUT_TARGET,
								ratio.mean() >= THROUGHPUT_TARGET))
						.append(" | ").append(latency("template", server, transport, threads)).append(" | ")
						.append(latency("raw", server, transport, threads)).append(" | ")
						.append(cpu("template", server, transport, threads)).append(" / ")
						.append(cpu("raw", server, transport, threads)).append(" | ")
						.append(withError(templateAlloc, 0)).append(" | ").append(withError(rawAlloc, 0)).append(" | ")
						.append(withError(allocRatio, 3)).append(" | ")
						.append((allocRatio != null) ? verdict(allocRatio.mean() - allocRatio.error() <= ALLOCATION_TARGET,
								allocRatio.mean() <= ALLOCATION_TARGET) : "")
						.append(" |\n");
				}
			}
		}
		md.append("\n✅ met; ⚠️ met only within the error bars; ❌ missed.\n\n");
		md.append("![Throughput against threads](").append(CHART).append(")\n\n");
	}

	private static String verdict(boolean withinError, boolean onMean) {
		return onMean ? "✅" : withinError ? "⚠️" : "❌";
	}

	private void attribution(StringBuilder md) throws IOException {
		if (this.allocation.keySet().stream().noneMatch((key) -> key.startsWith("restclient/"))) {
			return;
		}
		md.append("#### Attribution: what the RestClient layer costs\n\n");
		md.append("At the canned-answer server (first round only): the hand-written client (`raw`), the same code ")
			.append("sending through Spring's `RestClient` on the same HttpClient (`restclient`), and the template. ")
			.append("Bytes allocated per call and calls/s, ± 99.9% CI.\n\n");
		md.append("| transport | threads | raw B/call | restclient B/call | template B/call | raw / restclient / template client CPU µs/call | raw calls/s | restclient calls/s | template calls/s |\n");
		md.append("|---|--:|--:|--:|--:|--:|--:|--:|--:|\n");
		for (String transport : TRANSPORTS) {
			for (int threads : this.threadCounts) {
				Stats rest = stats(this.allocation, "restclient", Servers.CANNED, transport, threads);
				if (rest == null) {
					continue;
				}
				md.append("| ").append(transport).append(" | ").append(threads).append(" | ")
					.append(withError(stats(this.allocation, "raw", Servers.CANNED, transport, threads), 0)).append(" | ")
					.append(withError(rest, 0)).append(" | ")
					.append(withError(stats(this.allocation, "template", Servers.CANNED, transport, threads), 0))
					.append(" | ").append(cpu("raw", Servers.CANNED, transport, threads)).append(" / ")
					.append(cpu("restclient", Servers.CANNED, transport, threads)).append(" / ")
					.append(cpu("template", Servers.CANNED, transport, threads)).append(" | ")
					.append(withError(stats(this.throughput, "raw", Servers.CANNED, transport, threads), 0)).append(" | ")
					.append(withError(stats(this.throughput, "restclient", Servers.CANNED, transport, threads), 0))
					.append(" | ")
					.append(withError(stats(this.throughput, "template", Servers.CANNED, transport, threads), 0))
					.append(" |\n");
			}
		}
		md.append('\n');
	}

	private void ceiling(StringBuilder md) {
		if (this.throughput.isEmpty()) {
			return;
		}
		md.append("#### Is the emulator the bottleneck?\n\n");
		md.append("The same hand-written client against the canned-answer server (fixed bytes, no work) and ")
			.append("against the emulator; calls/s ± 99.9% CI.\n\n");
		md.append("| transport | threads | raw → canned | raw → emulator | emulator / canned |\n|---|--:|--:|--:|--:|\n");
		for (String transport : TRANSPORTS) {
			for (int threads : this.threadCounts) {
				Stats canned = stats(this.throughput, "raw", Servers.CANNED, transport, threads);
				Stats emulator = stats(this.throughput, "raw", Servers.EMULATOR, transport, threads);
				if (canned == null || emulator == null) {
					continue;
				}
				md.append("| ").append(transport).append(" | ").append(threads).append(" | ")
					.append(withError(canned, 0)).append(" | ").append(withError(emulator, 0)).append(" | ")
					.append(withError(emulator.over(canned), 2)).append(" |\n");
			}
		}
		md.append('\n');
	}

	private String latency(String client, String server, String transport, int threads) throws IOException {
		Histogram merged = histogram(client + "-" + server + "-" + transport + "-t" + threads + "-");
		if (merged == null) {
			return "";
		}
		return String.format(Locale.ROOT, "%.0f / %.0f", merged.getValueAtPercentile(50) / 1000.0,
				merged.getValueAtPercentile(99) / 1000.0);
	}

	/**
	 * Return the client CPU microseconds per call of a configuration over all its forks, and the
	 * share of it spent by the JIT compilers, or {@code null} if not measured.
	 */
	private double @Nullable [] cpuPerCall(String client, String server, String transport, int threads)
			throws IOException {
		Path directory = this.results.resolve("latency");
		if (!Files.isDirectory(directory)) {
			return null;
		}
		long nanos = 0;
		long calls = 0;
		long jit = 0;
		try (DirectoryStream<Path> files = Files.newDirectoryStream(directory,
				client + "-" + server + "-" + transport + "-t" + threads + "-*.cpu")) {
			for (Path file : files) {
				String[] fields = Files.readString(file).trim().split(" ");
				nanos += Long.parseLong(fields[0]);
				calls += Long.parseLong(fields[1]);
				for (int i = 2; i < fields.length; i++) {
					if (fields[i].startsWith("jit=")) {
						jit += Long.parseLong(fields[i].substring(4));
					}
				}
			}
		}
		return (calls > 0 && nanos > 0) ? new double[] { nanos / 1000.0 / calls, 100.0 * jit / nanos } : null;
	}

	private String cpu(String client, String server, String transport, int threads) throws IOException {
		double[] cpu = cpuPerCall(client, server, transport, threads);
		return (cpu != null) ? String.format(Locale.ROOT, "%.1f (JIT %.0f%%)", cpu[0], cpu[1]) : "";
	}

	private @Nullable Histogram histogram(String prefix) throws IOException {
		Path directory = this.results.resolve("latency");
		if (!Files.isDirectory(directory)) {
			return null;
		}
		Histogram merged = null;
		try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, prefix + "*.hist")) {
			for (Path file : files) {
				Histogram histogram = Latencies.decode(file);
				if (merged == null) {
					merged = histogram;
				}
				else {
					merged.add(histogram);
				}
			}
		}
		return merged;
	}

	private void storm(StringBuilder md) throws IOException {
		Path file = this.results.resolve("storm.csv");
		if (!Files.exists(file)) {
			return;
		}
		Map<String, List<long[]>> bursts = new LinkedHashMap<>();
		for (String line : Files.readAllLines(file)) {
			String[] fields = line.split(",");
			bursts.computeIfAbsent(fields[0] + "," + fields[1], (k) -> new ArrayList<>())
				.add(new long[] { Long.parseLong(fields[2]), Long.parseLong(fields[3]), Long.parseLong(fields[4]) });
		}
		md.append("#### Session storm\n\n");
		md.append("Bursts of one call per thread on one template, in-process emulator; `expired`: the emulator's ")
			.append("clock was just moved past the session's idle timeout, `live`: the same burst without expiry. ")
			.append("Logins counted by the emulator (`actionCount(\"createSession\")`) after every burst; latency ")
			.append("per call over all measured bursts; wall time from the first call's start to the last call's end.\n\n");
		md.append("| threads | session | bursts | logins per burst (min–max) | calls told \"session gone\" and replayed, per burst (min–max) | per-call p50 / p99 / max ms | burst wall time median / max ms |\n");
		md.append("|--:|---|--:|:-:|:-:|--:|--:|\n");
		Map<String, List<long[]>> ordered = new TreeMap<>((a, b) -> {
			String[] x = a.split(",");
			String[] y = b.split(",");
			int byThreads = Integer.compare(Integer.parseInt(x[0]), Integer.parseInt(y[0]));
			return (byThreads != 0) ? byThreads : x[1].compareTo(y[1]);
		});
		ordered.putAll(bursts);
		for (Map.Entry<String, List<long[]>> entry : ordered.entrySet()) {
			String[] key = entry.getKey().split(",");
			List<long[]> list = entry.getValue();
			long minLogins = list.stream().mapToLong((b) -> b[0]).min().orElse(0);
			long maxLogins = list.stream().mapToLong((b) -> b[0]).max().orElse(0);
			long[] walls = list.stream().mapToLong((b) -> b[1]).sorted().toArray();
			Histogram calls = histogram("storm-" + key[1] + "-t" + key[0] + "-");
			md.append("| ").append(key[0]).append(" | ").append(key[1]).append(" | ").append(list.size()).append(" | ")
				.append(minLogins).append("–").append(maxLogins).append(" | ")
				.append(list.stream().mapToLong((b) -> b[2]).min().orElse(0)).append("–")
				.append(list.stream().mapToLong((b) -> b[2]).max().orElse(0)).append(" | ")
				.append((calls != null) ? String.format(Locale.ROOT, "%.2f / %.2f / %.2f",
						calls.getValueAtPercentile(50) / 1e6, calls.getValueAtPercentile(99) / 1e6,
						calls.getMaxValue() / 1e6) : "")
				.append(" | ")
				.append(String.format(Locale.ROOT, "%.2f / %.2f", walls[walls.length / 2] / 1e3,
						walls[walls.length - 1] / 1e3))
				.append(" |\n");
		}
		md.append('\n');
	}

	private void streaming(StringBuilder md) throws IOException {
		Path csv = this.results.resolve("streaming.csv");
		Path json = this.results.resolve("jmh").resolve("streaming.json");
		if (!Files.exists(csv) || !Files.exists(json)) {
			return;
		}
		md.append("#### Streaming ").append(String.format(Locale.ROOT, "%,d", Workload.STREAM_ROWS))
			.append(" records through a cursor\n\n");
		md.append("Template against the standalone emulator jar in its own process; client JVM `-Xms64m -Xmx64m`. ")
			.append("`execute`: the cursor actions through `FairComTemplate.execute`, records as Jackson trees; ")
			.append("`typed`: `template.db().getRecordsUsingSQL(…).fetchSize(1000).stream(StreamRow.class)`. ")
			.append("Heap growth = largest heap use right after any collection during the stream, less the heap ")
			.append("in use after a full collection before it.\n\n");
		md.append("| api | s per stream | records/s | bytes allocated per record |\n|---|--:|--:|--:|\n");
		for (JsonNode run : MAPPER.readTree(json.toFile())) {
			double seconds = run.path("primaryMetric").path("score").asDouble();
			double allocated = run.path("secondaryMetrics").path("gc.alloc.rate.norm").path("score").asDouble();
			md.append("| ").append(run.path("params").path("api").asString()).append(" | ")
				.append(String.format(Locale.ROOT, "%.1f | %,.0f | %,.0f", seconds, Workload.STREAM_ROWS / seconds,
						allocated / Workload.STREAM_ROWS))
				.append(" |\n");
		}
		md.append('\n');
		md.append("| api | stream | fetchRecords | heap before | max after GC | growth | after full GC | collections | max heap |\n");
		md.append("|---|--:|--:|--:|--:|--:|--:|--:|--:|\n");
		Map<String, Integer> streams = new TreeMap<>();
		for (String line : Files.readAllLines(csv)) {
			String[] f = line.split(",");
			int n = streams.merge(f[0], 1, Integer::sum);
			md.append("| ").append(f[0]).append(" | ").append(n).append(" | ").append(f[1]).append(" | ")
				.append(mb(f[2])).append(" | ").append(mb(f[3])).append(" | ").append(mb(f[4])).append(" | ")
				.append(mb(f[5])).append(" | ").append(f[6]).append(" | ").append(mb(f[7])).append(" |\n");
		}
		md.append('\n');
	}

	private static String mb(String bytes) {
		return String.format(Locale.ROOT, "%.1f MB", Long.parseLong(bytes) / (1024.0 * 1024.0));
	}

	private void requests(StringBuilder md) throws IOException {
		Path file = this.results.resolve("requests.json");
		if (!Files.exists(file)) {
			return;
		}
		md.append("#### HTTP requests per N calls\n\n");
		md.append("Counted at the server. N calls should cost N requests, plus one `createSession` and one ")
			.append("`deleteSession` (on close). The canned-answer server counts every HTTP request and every new ")
			.append("connection; the in-process emulator counts actions by name.\n\n");
		md.append("| client | server | transport | threads | calls | requests at the server | logins | new connections | actions seen |\n");
		md.append("|---|---|---|--:|--:|--:|--:|--:|---|\n");
		for (JsonNode count : MAPPER.readTree(file.toFile())) {
			StringBuilder actions = new StringBuilder();
			count.path("actions").properties().forEach((action) -> actions.append((actions.length() > 0) ? ", " : "")
				.append(action.getKey()).append(' ').append(action.getValue().asLong()));
			long connections = count.path("connections").asLong();
			md.append("| ").append(count.path("client").asString()).append(" | ").append(count.path("server").asString())
				.append(" | ").append(count.path("transport").asString()).append(" | ")
				.append(count.path("threads").asInt()).append(" | ").append(count.path("calls").asInt()).append(" | ")
				.append(count.path("requests").asLong()).append(" | ").append(count.path("logins").asLong())
				.append(" | ").append((connections >= 0) ? String.valueOf(connections) : "–").append(" | ")
				.append(actions).append(" |\n");
		}
		md.append('\n');
	}

	private static String withError(@Nullable Stats stats, int decimals) {
		if (stats == null) {
			return "";
		}
		String format = "%,." + decimals + "f ± %,." + decimals + "f";
		return String.format(Locale.ROOT, format, stats.mean(), stats.error());
	}

	private String svg() {
		int panelWidth = 420;
		int panelHeight = 300;
		int left = 70;
		int top = 50;
		int width = left + 2 * (panelWidth + 40) + 10;
		int height = top + panelHeight + 90;
		StringBuilder svg = new StringBuilder();
		svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"")
			.append(height).append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
		svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
		svg.append("<text x=\"").append(width / 2).append("\" y=\"22\" text-anchor=\"middle\" font-size=\"15\">")
			.append("db/getRecordsByIds: calls/s against threads (mean ± 99.9% CI)</text>\n");
		double max = 0;
		for (String key : this.throughput.keySet()) {
			Stats stats = Stats.of(this.throughput.get(key));
			max = Math.max(max, stats.mean() + (Double.isNaN(stats.error()) ? 0 : stats.error()));
		}
		double yMax = niceCeiling(max);
		List<Integer> threads = new ArrayList<>(this.threadCounts);
		String[][] series = { { "template", "http", "#1f77b4", "" }, { "raw", "http", "#1f77b4", "6,4" },
				{ "template", "https", "#d62728", "" }, { "raw", "https", "#d62728", "6,4" } };
		for (int p = 0; p < SERVERS.size(); p++) {
			String server = SERVERS.get(p);
			int x0 = left + p * (panelWidth + 40);
			svg.append("<text x=\"").append(x0 + panelWidth / 2).append("\" y=\"").append(top - 10)
				.append("\" text-anchor=\"middle\" font-size=\"13\">")
				.append(server.equals(Servers.CANNED) ? "canned-answer server" : "emulator (standalone jar)")
				.append("</text>\n");
			svg.append("<rect x=\"").append(x0).append("\" y=\"").append(top).append("\" width=\"").append(panelWidth)
				.append("\" height=\"").append(panelHeight).append("\" fill=\"none\" stroke=\"#444\"/>\n");
			for (int g = 0; g <= 5; g++) {
				double value = yMax * g / 5;
				double y = top + panelHeight - panelHeight * g / 5.0;
				svg.append("<line x1=\"").append(x0).append("\" x2=\"").append(x0 + panelWidth).append("\" y1=\"")
					.append(fmt(y)).append("\" y2=\"").append(fmt(y)).append("\" stroke=\"#ddd\"/>\n");
				svg.append("<text x=\"").append(x0 - 6).append("\" y=\"").append(fmt(y + 4))
					.append("\" text-anchor=\"end\">").append(String.format(Locale.ROOT, "%,.0f", value))
					.append("</text>\n");
			}
			for (int i = 0; i < threads.size(); i++) {
				double x = xOf(x0, panelWidth, i, threads.size());
				svg.append("<text x=\"").append(fmt(x)).append("\" y=\"").append(top + panelHeight + 18)
					.append("\" text-anchor=\"middle\">").append(threads.get(i)).append("</text>\n");
			}
			svg.append("<text x=\"").append(x0 + panelWidth / 2).append("\" y=\"").append(top + panelHeight + 36)
				.append("\" text-anchor=\"middle\">threads</text>\n");
			for (String[] s : series) {
				StringBuilder points = new StringBuilder();
				for (int i = 0; i < threads.size(); i++) {
					Stats stats = stats(this.throughput, s[0], server, s[1], threads.get(i));
					if (stats == null) {
						continue;
					}
					double x = xOf(x0, panelWidth, i, threads.size()) + (s[0].equals("raw") ? 4 : -4);
					double y = yOf(stats.mean(), yMax, top, panelHeight);
					points.append(fmt(x)).append(',').append(fmt(y)).append(' ');
					if (!Double.isNaN(stats.error())) {
						double y1 = yOf(stats.mean() - stats.error(), yMax, top, panelHeight);
						double y2 = yOf(stats.mean() + stats.error(), yMax, top, panelHeight);
						svg.append("<line x1=\"").append(fmt(x)).append("\" x2=\"").append(fmt(x)).append("\" y1=\"")
							.append(fmt(y1)).append("\" y2=\"").append(fmt(y2)).append("\" stroke=\"").append(s[2])
							.append("\"/>\n");
					}
					svg.append("<circle cx=\"").append(fmt(x)).append("\" cy=\"").append(fmt(y)).append("\" r=\"3\" fill=\"")
						.append(s[0].equals("raw") ? "white" : s[2]).append("\" stroke=\"").append(s[2]).append("\"/>\n");
				}
				svg.append("<polyline fill=\"none\" stroke=\"").append(s[2]).append("\" stroke-width=\"2\" points=\"")
					.append(points.toString().trim()).append('"');
				if (!s[3].isEmpty()) {
					svg.append(" stroke-dasharray=\"").append(s[3]).append('"');
				}
				svg.append("/>\n");
			}
		}
		svg.append("<text transform=\"translate(16,").append(top + panelHeight / 2)
			.append(") rotate(-90)\" text-anchor=\"middle\">calls/s</text>\n");
		int ly = top + panelHeight + 62;
		int lx = left;
		for (String[] s : series) {
			svg.append("<line x1=\"").append(lx).append("\" x2=\"").append(lx + 30).append("\" y1=\"").append(ly - 4)
				.append("\" y2=\"").append(ly - 4).append("\" stroke=\"").append(s[2]).append("\" stroke-width=\"2\"");
			if (!s[3].isEmpty()) {
				svg.append(" stroke-dasharray=\"").append(s[3]).append('"');
			}
			svg.append("/>\n<text x=\"").append(lx + 36).append("\" y=\"").append(ly).append("\">")
				.append(s[0].equals("raw") ? "raw HttpClient 5" : "FairComTemplate").append(", ")
				.append(s[1].equals("https") ? "TLS" : "HTTP").append("</text>\n");
			lx += 200;
		}
		svg.append("</svg>\n");
		return svg.toString();
	}

	private static double xOf(int x0, int panelWidth, int index, int count) {
		return x0 + panelWidth * (index + 0.5) / count;
	}

	private static double yOf(double value, double yMax, int top, int panelHeight) {
		return top + panelHeight - panelHeight * value / yMax;
	}

	private static double niceCeiling(double value) {
		if (value <= 0) {
			return 1;
		}
		double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
		for (double step : new double[] { 1, 2, 2.5, 5, 10 }) {
			if (step * magnitude >= value) {
				return step * magnitude;
			}
		}
		return 10 * magnitude;
	}

	private static String fmt(double value) {
		return String.format(Locale.ROOT, "%.1f", value);
	}

}
