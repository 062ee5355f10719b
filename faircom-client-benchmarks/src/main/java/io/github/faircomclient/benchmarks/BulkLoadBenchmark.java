package io.github.faircomclient.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
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
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

import io.github.faircomclient.db.BulkOptions;
import io.github.faircomclient.db.BulkResult;
import io.github.faircomclient.db.DbOperations;
import io.github.faircomclient.db.FieldDefinition;
import io.github.faircomclient.db.TableDefinition;

/**
 * Loads {@code rows} records of a 4-field table ({@code code}, {@code name}, {@code amount},
 * {@code created}) into the canned-answer server or the standalone emulator, each iteration one whole
 * load into a table created afresh. The loaders ({@code loader}):
 * <ul>
 * <li>{@code insert}: {@code template.db().insert(table, chunk)} serially, for chunks of
 * {@value #INSERT_CHUNK} records (each call batches of 500 in one transaction), what an application
 * did before the bulk loader;</li>
 * <li>{@code bulk-K}: {@code template.db().bulkInsert(table, stream, BulkOptions.resumable().lanes(K))}
 * with the default batch sizing;</li>
 * <li>{@code raw-N}: {@link HandWrittenLoader}, N threads posting fixed batches of 500 through one
 * HttpClient, like FairCom's bulk-load script.</li>
 * </ul>
 * Every iteration records the load's rows per second and the client's heap growth (the largest heap
 * use seen right after any collection during the load, less the heap in use after a full collection
 * before it), to {@code bulk.csv} in the directory named by
 * {@value SessionStormBenchmark#RESULTS_PROPERTY}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = { "-Xms256m", "-Xmx256m" })
public class BulkLoadBenchmark {

	static final String TABLE = "bulk_rows";

	static final int INSERT_CHUNK = 10_000;

	static final int MAX_CONNECTIONS = 16;

	/**
	 * {@code canned} or {@code emulator}.
	 */
	@Param({ "canned", "emulator" })
	public String server;

	/**
	 * {@code insert}, {@code bulk-1}, {@code bulk-2}, {@code bulk-4}, {@code bulk-8}, {@code raw-4} or
	 * {@code raw-8}.
	 */
	@Param({ "insert", "bulk-1", "bulk-2", "bulk-4", "bulk-8", "raw-4", "raw-8" })
	public String loader;

	/**
	 * Records per load.
	 */
	@Param({ "1000000" })
	public int rows;

	private Servers servers;

	private TemplateClient template;

	private HandWrittenClient raw;

	private HeapWatcher heap;

	private long baseline;

	private long nanos;

	private boolean measured;

	/**
	 * Connect to (or start) the servers and build the clients.
	 */
	@Setup(Level.Trial)
	public void start() {
		this.servers = Servers.attachOrStart(false);
		this.template = (TemplateClient) this.servers.client("template", this.server, "http", MAX_CONNECTIONS);
		this.raw = (HandWrittenClient) this.servers.client("raw", this.server, "http", MAX_CONNECTIONS);
		this.heap = new HeapWatcher();
	}

	/**
	 * Create the table afresh, then note the heap in use before the load.
	 * @param iteration the iteration about to run
	 */
	@Setup(Level.Iteration)
	public void before(IterationParams iteration) {
		this.measured = iteration.getType() == IterationType.MEASUREMENT;
		prepareTable();
		this.baseline = this.heap.collectAndReset();
	}

	/**
	 * Create the table afresh on the emulator (the canned-answer server has no tables).
	 */
	void prepareTable() {
		if (Servers.EMULATOR.equals(this.server)) {
			createTable(this.template.template().db());
		}
	}

	private static void createTable(DbOperations db) {
		db.deleteTables(TABLE);
		db.createTable(TableDefinition.builder(TABLE)
			.field(FieldDefinition.bigint("code").nullable(false))
			.field(FieldDefinition.varchar("name", 40))
			.field(FieldDefinition.float64("amount"))
			.field(FieldDefinition.timestamp("created"))
			.primaryKeyFields("code")
			.build());
	}

	/**
	 * Record the load's rows per second and heap growth.
	 */
	@TearDown(Level.Iteration)
	public void after() {
		long max = this.heap.maxUsedAfterGc();
		long collections = this.heap.collections();
		long maxHeap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax();
		double rowsPerSecond = this.rows / (this.nanos / 1e9);
		String line = this.server + "," + this.loader + "," + this.rows + "," + this.nanos + ","
				+ String.format(Locale.ROOT, "%.0f", rowsPerSecond) + "," + this.baseline + "," + max + ","
				+ (max - this.baseline) + "," + collections + "," + maxHeap;
		System.out.println("bulk (server,loader,rows,nanos,rowsPerSecond,baseline,maxAfterGc,growth,collections,"
				+ "maxHeap): " + line);
		if (this.measured) {
			String directory = System.getProperty(SessionStormBenchmark.RESULTS_PROPERTY);
			if (directory != null) {
				try {
					Files.writeString(Path.of(directory, "bulk.csv"), line + System.lineSeparator(),
							StandardOpenOption.CREATE, StandardOpenOption.APPEND);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
		}
	}

	/**
	 * Drop the table, log out and stop servers this fork started.
	 */
	@TearDown(Level.Trial)
	public void stop() {
		try {
			if (Servers.EMULATOR.equals(this.server)) {
				this.template.template().db().deleteTables(TABLE);
			}
		}
		finally {
			this.heap.close();
			this.raw.close();
			this.template.close();
			this.servers.close();
		}
	}

	/**
	 * Load every record once.
	 * @return the number of records written, checked against {@code rows}
	 * @throws Exception if the load fails
	 */
	@Benchmark
	public long load() throws Exception {
		long start = System.nanoTime();
		long written = switch (this.loader) {
			case "insert" -> insertSerially();
			case "raw-4" -> new HandWrittenLoader(this.raw).load(TABLE, rows().iterator(), 4);
			case "raw-8" -> new HandWrittenLoader(this.raw).load(TABLE, rows().iterator(), 8);
			default -> bulk(Integer.parseInt(this.loader.substring("bulk-".length())));
		};
		this.nanos = System.nanoTime() - start;
		if (written != this.rows) {
			throw new IllegalStateException("Wrote " + written + " records, expected " + this.rows);
		}
		return written;
	}

	private long bulk(int lanes) {
		BulkResult result = this.template.template()
			.db()
			.bulkInsert(TABLE, rows(), BulkOptions.resumable().lanes(lanes));
		return result.recordsWritten();
	}

	private long insertSerially() {
		DbOperations db = this.template.template().db();
		Iterator<BulkRow> records = rows().iterator();
		long written = 0;
		while (records.hasNext()) {
			List<BulkRow> chunk = new ArrayList<>(INSERT_CHUNK);
			while (chunk.size() < INSERT_CHUNK && records.hasNext()) {
				chunk.add(records.next());
			}
			db.insert(TABLE, chunk);
			written += chunk.size();
		}
		return written;
	}

	private Stream<BulkRow> rows() {
		return LongStream.range(0, this.rows).mapToObj(BulkRow::of);
	}

	/**
	 * One record of the loaded table.
	 *
	 * @param code the primary key
	 * @param name a short text
	 * @param amount a number
	 * @param created a timestamp
	 */
	public record BulkRow(long code, String name, double amount, LocalDateTime created) {

		private static final LocalDateTime START = LocalDateTime.of(2026, 1, 1, 0, 0);

		static BulkRow of(long code) {
			return new BulkRow(code, "record-" + code, code * 0.25, START.plusSeconds(code));
		}

	}

}
