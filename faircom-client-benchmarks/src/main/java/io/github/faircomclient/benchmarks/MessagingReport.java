package io.github.faircomclient.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The messaging section of the report: per client and measure, the mean over the rounds of
 * publish throughput and of publish→listener latency percentiles.
 */
final class MessagingReport {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private MessagingReport() {
	}

	static void append(Path results, StringBuilder md) throws IOException {
		Path file = results.resolve("messaging.json");
		if (!Files.exists(file)) {
			return;
		}
		Map<String, List<JsonNode>> byRow = new LinkedHashMap<>();
		for (JsonNode result : MAPPER.readTree(file.toFile())) {
			String key = result.path("measure").asString() + " | " + result.path("threads").asInt() + " | "
					+ result.path("client").asString();
			byRow.computeIfAbsent(key, (k) -> new ArrayList<>()).add(result);
		}
		md.append("#### Messaging (MQ API, emulator over HTTP)\n\n");
		md.append("Publish: one message per `publishMessagesToMq`. Latency: one publisher at a fixed rate, ")
			.append("received by a listener container (template) or a hand-written poll loop (raw) with the same ")
			.append("adaptive pause; means over the rounds.\n\n");
		md.append("| measure | publishing threads | client | rounds | messages/s | p50 ms | p99 ms | max ms |\n");
		md.append("|---|---|---|---|---|---|---|---|\n");
		byRow.forEach((key, rows) -> md.append("| ").append(key).append(" | ").append(rows.size()).append(" | ")
			.append(format("%,.0f", mean(rows, "perSecond"))).append(" | ").append(format("%.2f", mean(rows, "p50Ms")))
			.append(" | ").append(format("%.2f", mean(rows, "p99Ms"))).append(" | ")
			.append(format("%.2f", mean(rows, "maxMs"))).append(" |\n"));
		md.append("\n");
	}

	private static double mean(List<JsonNode> rows, String field) {
		return rows.stream().mapToDouble((row) -> row.path(field).asDouble(Double.NaN)).average().orElse(Double.NaN);
	}

	private static String format(String pattern, double value) {
		return Double.isNaN(value) ? "—" : String.format(Locale.ROOT, pattern, value);
	}

}
