package io.github.faircomclient.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

import io.github.faircomclient.core.FairComTemplate;

import tools.jackson.databind.JsonNode;

/**
 * Streams all {@value Workload#STREAM_ROWS} rows of a table through a server-side cursor
 * ({@code getRecordsUsingSQL} with {@code returnCursor}, then {@code getRecordsFromCursor} until
 * {@code moreRecords} is false) from the standalone emulator jar, which runs in its own process so
 * that only the client's memory is measured. The fork runs with a 64 MB heap: a client that held the
 * records (about 90 MB of JSON) would fail. Each iteration streams the whole table once and records
 * the client's heap growth: the largest heap use seen after any collection during the stream, less
 * the heap in use after a full collection before it. Two ways of reading: the cursor actions through
 * {@code execute} ({@code api=execute}) and the typed {@code template.db()} stream of Java records
 * ({@code api=typed}). Results go to {@code streaming.csv} in the
 * directory named by {@value SessionStormBenchmark#RESULTS_PROPERTY}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = { "-Xms64m", "-Xmx64m" })
public class CursorStreamingBenchmark {

	/**
	 * Records per {@code getRecordsFromCursor} call.
	 */
	@Param({ "1000" })
	public int fetchRecords;

	/**
	 * {@code execute}: the cursor actions through {@code FairComTemplate.execute}, records as Jackson
	 * trees; {@code typed}: {@code template.db().getRecordsUsingSQL(...).stream(StreamRow.class)}, a
	 * lazy {@code Stream} of Java records.
	 */
	@Param({ "execute", "typed" })
	public String api;

	private Servers servers;

	private TemplateClient client;

	private HeapWatcher heap;

	private long baseline;

	private volatile boolean measured;

	/**
	 * Connect to (or start) the emulator with the table and build the template.
	 */
	@Setup(Level.Trial)
	public void start() {
		this.servers = Servers.attachOrStart(true);
		this.client = (TemplateClient) this.servers.client("template", Servers.EMULATOR, "http", 4);
		this.heap = new HeapWatcher();
	}

	/**
	 * Collect, then note the heap in use before the stream.
	 * @param iteration the iteration about to run
	 */
	@Setup(Level.Iteration)
	public void before(IterationParams iteration) {
		this.measured = iteration.getType() == IterationType.MEASUREMENT;
		this.baseline = this.heap.collectAndReset();
	}

	/**
	 * Record the heap growth of the stream just run.
	 */
	@TearDown(Level.Iteration)
	public void after() {
		long max = this.heap.maxUsedAfterGc();
		long collections = this.heap.collections();
		long after = this.heap.collectAndReset();
		long maxHeap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax();
		String line = this.api + "," + this.fetchRecords + "," + this.baseline + "," + max + "," + (max - this.baseline) + ","
				+ after + "," + collections + "," + maxHeap;
		System.out.println("streaming (api,fetch,baseline,maxAfterGc,growth,afterFullGc,collections,maxHeap): " + line);
		if (this.measured) {
			String directory = System.getProperty(SessionStormBenchmark.RESULTS_PROPERTY);
			if (directory != null) {
				try {
					Files.writeString(Path.of(directory, "streaming.csv"), line + System.lineSeparator(),
							StandardOpenOption.CREATE, StandardOpenOption.APPEND);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
		}
	}

	/**
	 * Log out and stop servers this fork started.
	 */
	@TearDown(Level.Trial)
	public void stop() {
		this.heap.close();
		this.client.close();
		this.servers.close();
	}

	/**
	 * Stream the whole table once.
	 * @param blackhole consumes every record
	 * @return the number of records, checked against the table's size
	 */
	@Benchmark
	public long stream(Blackhole blackhole) {
		long records = "typed".equals(this.api) ? streamTyped(blackhole) : streamWithExecute(blackhole);
		if (records != Workload.STREAM_ROWS) {
			throw new IllegalStateException("Streamed " + records + " records, expected " + Workload.STREAM_ROWS);
		}
		return records;
	}

	private long streamTyped(Blackhole blackhole) {
		try (Stream<StreamRow> rows = this.client.template()
			.db()
			.getRecordsUsingSQL("SELECT * FROM " + Workload.STREAM_TABLE)
			.fetchSize(this.fetchRecords)
			.stream(StreamRow.class)) {
			long[] records = new long[1];
			rows.forEach((row) -> {
				blackhole.consume(row);
				records[0]++;
			});
			return records[0];
		}
	}

	private long streamWithExecute(Blackhole blackhole) {
		FairComTemplate template = this.client.template();
		JsonNode opened = template
			.execute("db", "getRecordsUsingSQL",
					Map.of("sql", "SELECT * FROM " + Workload.STREAM_TABLE, "returnCursor", true))
			.result();
		String cursorId = opened.path("cursorId").asString();
		long records = 0;
		boolean more = true;
		while (more) {
			JsonNode page = template
				.execute("db", "getRecordsFromCursor", Map.of("cursorId", cursorId, "fetchRecords", this.fetchRecords))
				.result();
			JsonNode data = page.path("data");
			for (JsonNode record : data) {
				blackhole.consume(record.path("id").asLong());
			}
			records += data.size();
			more = page.path("moreRecords").asBoolean(false);
		}
		template.execute("db", "closeCursor", Map.of("cursorId", cursorId));
		return records;
	}

	/**
	 * One row of the streamed table.
	 *
	 * @param id the primary key
	 * @param name a short text
	 * @param amount a number
	 * @param created a timestamp
	 */
	public record StreamRow(long id, String name, double amount, LocalDateTime created) {
	}

}
