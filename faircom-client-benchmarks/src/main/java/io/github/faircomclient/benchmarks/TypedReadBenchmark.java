package io.github.faircomclient.benchmarks;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

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

import io.github.faircomclient.db.DbOperations;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A typed read: {@code db/getRecordsByIds} of three {@code athlete} records mapped to a Java record,
 * through {@code template.db().getRecordsByIds("athlete", ids, Athlete.class)} ({@code client=template},
 * the records mapped straight from the answer's stream) or through the hand-written client, which
 * parses the answer into a tree and maps each record of it with Jackson ({@code client=raw}), against
 * the canned-answer server or the emulator over HTTP. Run it with {@code -t 1} and {@code -t 16} and
 * {@code -prof gc} for bytes allocated per call. Before JMH's warm-up the trial set-up calls until the
 * JIT compilers have settled ({@link JitWarmUp}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgsAppend = { "-Xms512m", "-Xmx512m" })
public class TypedReadBenchmark {

	/**
	 * {@code template} or {@code raw}.
	 */
	@Param({ "template", "raw" })
	public String client;

	/**
	 * {@code canned} or {@code emulator}.
	 */
	@Param({ "canned", "emulator" })
	public String server;

	private Servers servers;

	private BenchClient bench;

	private DbOperations db;

	private final JsonMapper mapper = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	/**
	 * Connect to (or start) the servers, build the client, read once (which logs in and checks the
	 * records), then read until the JIT compilers have settled.
	 */
	@Setup(Level.Trial)
	public void start() {
		this.servers = Servers.attachOrStart(false);
		this.bench = this.servers.client(this.client, this.server, "http", RoundTripBenchmark.MAX_CONNECTIONS);
		if (this.bench instanceof TemplateClient template) {
			this.db = template.template().db();
		}
		List<Athlete> first = read();
		if (first.size() != Workload.PARAMS.ids().size() || first.get(0).name() == null) {
			throw new IllegalStateException("Unexpected records: " + first);
		}
		System.out.println(JitWarmUp.run(this::read, RoundTripBenchmark.JIT_WARM_UP_LIMIT));
	}

	/**
	 * Log out, close the pool and stop servers this fork started.
	 */
	@TearDown(Level.Trial)
	public void stop() {
		try {
			this.bench.close();
		}
		finally {
			this.servers.close();
		}
	}

	/**
	 * Read the three records once.
	 * @return the records, consumed by JMH
	 */
	@Benchmark
	public List<Athlete> read() {
		if (this.db != null) {
			return this.db.getRecordsByIds(Workload.PARAMS.tableName(), Workload.PARAMS.ids(), Athlete.class);
		}
		JsonNode data = this.bench.call(Workload.API, Workload.ACTION, Workload.PARAMS).path("data");
		List<Athlete> athletes = new ArrayList<>(data.size());
		for (JsonNode record : data) {
			athletes.add(this.mapper.treeToValue(record, Athlete.class));
		}
		return athletes;
	}

	/**
	 * A record of FairCom's tutorial table {@code athlete}.
	 *
	 * @param id the record id
	 * @param changeId the change id
	 * @param name the name
	 * @param ranking the ranking
	 * @param birthDate the date of birth
	 * @param playerNumber the player number
	 * @param livedPast2000 whether the athlete lived past 2000
	 * @param earnings the earnings
	 * @param favoriteSaying the favorite saying
	 */
	public record Athlete(long id, long changeId, String name, int ranking, LocalDate birthDate,
			BigDecimal playerNumber, boolean livedPast2000, BigDecimal earnings, String favoriteSaying) {
	}

}
