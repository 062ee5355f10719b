package io.github.faircomclient.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.github.faircomclient.test.FairComEmulator;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Counts what N calls cost on the wire, at the server: HTTP requests, logins and new connections
 * at the canned-answer server (which counts every request it gets, whatever it is), and the actions
 * an in-process emulator saw by name. No hidden round trips means N calls = N requests plus one
 * {@code createSession} and, on close, one {@code deleteSession}.
 */
final class RequestCounts {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private RequestCounts() {
	}

	/**
	 * One measurement.
	 *
	 * @param client {@code template} or {@code raw}
	 * @param server where it was counted
	 * @param transport {@code http} or {@code https}
	 * @param threads the number of calling threads
	 * @param calls the number of calls made
	 * @param requests HTTP requests (canned server) or actions (emulator) the server saw
	 * @param logins {@code createSession} requests
	 * @param connections new connections ({@code -1} where not counted)
	 * @param actions the actions the emulator saw, by name (empty for the canned server)
	 */
	record Count(String client, String server, String transport, int threads, int calls, long requests, long logins,
			long connections, Map<String, Long> actions) {
	}

	/**
	 * Measure every client over HTTP and TLS at the canned-answer server, and over HTTP at an
	 * in-process emulator.
	 * @param servers the running servers
	 * @param calls the number of calls per measurement
	 * @return the counts
	 * @throws Exception if a call fails
	 */
	static List<Count> measure(Servers servers, int calls) throws Exception {
		List<Count> counts = new ArrayList<>();
		for (String transport : List.of("http", "https")) {
			for (int threads : new int[] { 1, 16 }) {
				for (String client : List.of("template", "raw")) {
					URI countsUrl = servers.url(Servers.CANNED, transport).resolve("/counts");
					JsonNode before = counts(countsUrl, servers);
					try (BenchClient bench = servers.client(client, Servers.CANNED, transport, 64)) {
						run(bench, threads, calls);
					}
					JsonNode after = counts(countsUrl, servers);
					counts.add(new Count(client, Servers.CANNED, transport, threads, calls,
							delta(before, after, "requests"), delta(before, after, "createSession"),
							delta(before, after, "connections") - 1, Map.of()));
				}
			}
		}
		try (FairComEmulator emulator = FairComEmulator.builder()
			.user(Workload.USERNAME, Workload.PASSWORD)
			.start()) {
			try (HandWrittenClient setup = new HandWrittenClient(emulator.httpUrl(), Workload.USERNAME,
					Workload.PASSWORD, 1, null)) {
				Workload.createAthletes(setup);
			}
			for (String client : List.of("template", "raw")) {
				emulator.resetActionCounts();
				BenchClient bench = "template".equals(client)
						? new TemplateClient(emulator.httpUrl(), Workload.USERNAME, Workload.PASSWORD, 64, null)
						: new HandWrittenClient(emulator.httpUrl(), Workload.USERNAME, Workload.PASSWORD, 64, null);
				try (bench) {
					run(bench, 16, calls);
				}
				Map<String, Long> actions = new TreeMap<>(emulator.actionCounts());
				actions.values().removeIf((count) -> count == 0);
				long total = actions.values().stream().mapToLong(Long::longValue).sum();
				counts.add(new Count(client, Servers.EMULATOR + " (in-process)", "http", 16, calls, total,
						actions.getOrDefault("createSession", 0L), -1, actions));
			}
		}
		return counts;
	}

	private static void run(BenchClient bench, int threads, int calls) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				int share = calls / threads + ((t < calls % threads) ? 1 : 0);
				futures.add(pool.submit(() -> {
					for (int i = 0; i < share; i++) {
						bench.call(Workload.API, Workload.ACTION, Workload.PARAMS);
					}
				}));
			}
			for (Future<?> future : futures) {
				future.get();
			}
		}
		finally {
			pool.shutdown();
		}
	}

	/**
	 * The difference of a counter. Each look at the counters opens a connection of its own, counted
	 * before the answer is made, so a connection count must be lowered by the one of the second look.
	 */
	private static long delta(JsonNode before, JsonNode after, String name) {
		return after.path(name).asLong() - before.path(name).asLong();
	}

	private static JsonNode counts(URI url, Servers servers) throws IOException, InterruptedException {
		HttpClient http = url.getScheme().equals("https")
				? HttpClient.newBuilder().sslContext(Pem.trustingContext(servers.caCertificate())).build()
				: HttpClient.newHttpClient();
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(url).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		return MAPPER.readTree(response.body());
	}

}
