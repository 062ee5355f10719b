package io.github.faircomclient.benchmarks;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;
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
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

import tools.jackson.databind.JsonNode;

/**
 * One action, {@code db/getRecordsByIds} of three records, through {@code FairComTemplate}
 * ({@code client=template}) or hand-written HttpClient 5 + Jackson code ({@code client=raw}),
 * against the emulator or the canned-answer server, over HTTP or TLS. Throughput comes from JMH
 * (run it with {@code -t 1}, {@code -t 16}, {@code -t 64} and {@code -prof gc} for bytes allocated
 * per call); every call's latency goes into a per-thread HdrHistogram during measurement
 * iterations, for p50 and p99, and the CPU time the client JVM used in those iterations is divided
 * by the calls made (client CPU per call, which the machine's load disturbs much less than
 * throughput), with the share of JIT compilers, garbage collector and calling threads. Before JMH's
 * warm-up iterations, the trial set-up calls until the JIT compilers have settled ({@link JitWarmUp}).
 * Both clients pool {@value #MAX_CONNECTIONS} keep-alive connections.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgsAppend = { "-Xms512m", "-Xmx512m" })
public class RoundTripBenchmark {

	static final int MAX_CONNECTIONS = 64;

	static final Duration JIT_WARM_UP_LIMIT = Duration.ofSeconds(45);

	/**
	 * {@code template}, {@code raw} or {@code restclient} (the raw client sending through Spring's
	 * {@code RestClient}, to attribute costs).
	 */
	@Param({ "template", "raw" })
	public String client;

	/**
	 * {@code canned} or {@code emulator}.
	 */
	@Param({ "canned", "emulator" })
	public String server;

	/**
	 * {@code http} or {@code https}.
	 */
	@Param({ "http", "https" })
	public String transport;

	private Servers servers;

	private BenchClient bench;

	private final Latencies latencies = new Latencies();

	private volatile boolean recording;

	private long cpuAtIterationStart;

	private long measuredCpuNanos;

	private Map<String, Long> threadCpuAtStart = Map.of();

	private final Map<String, Long> measuredThreadCpu = new TreeMap<>();

	/**
	 * Connect to (or start) the servers, build the client, make one call (which logs in), then call
	 * from this thread until the JIT compilers have settled ({@link JitWarmUp}, at most
	 * {@link #JIT_WARM_UP_LIMIT}); JMH's warm-up iterations follow.
	 */
	@Setup(Level.Trial)
	public void start() {
		this.servers = Servers.attachOrStart(false);
		this.bench = this.servers.client(this.client, this.server, this.transport, MAX_CONNECTIONS);
		JsonNode first = this.bench.call(Workload.API, Workload.ACTION, Workload.PARAMS);
		if (first.path("data").size() != Workload.PARAMS.ids().size()) {
			throw new IllegalStateException("Unexpected answer: " + first);
		}
		System.out.println(JitWarmUp.run(() -> this.bench.call(Workload.API, Workload.ACTION, Workload.PARAMS),
				JIT_WARM_UP_LIMIT));
	}

	/**
	 * Record latencies only in measurement iterations.
	 * @param iteration the iteration about to run
	 */
	@Setup(Level.Iteration)
	public void iteration(IterationParams iteration) {
		this.recording = iteration.getType() == IterationType.MEASUREMENT;
		this.cpuAtIterationStart = Latencies.processCpuNanos();
		this.threadCpuAtStart = ThreadCpu.byKind();
	}

	/**
	 * Add the CPU time this JVM used in a measurement iteration.
	 */
	@TearDown(Level.Iteration)
	public void iterationDone() {
		if (this.recording) {
			this.measuredCpuNanos += Latencies.processCpuNanos() - this.cpuAtIterationStart;
			ThreadCpu.byKind().forEach((kind, nanos) -> this.measuredThreadCpu.merge(kind,
					nanos - this.threadCpuAtStart.getOrDefault(kind, 0L), Long::sum));
		}
	}

	/**
	 * Log out, close the pool, write the latencies and stop servers this fork started.
	 * @param params the benchmark's parameters
	 */
	@TearDown(Level.Trial)
	public void stop(BenchmarkParams params) {
		try {
			this.bench.close();
			System.out.println(this.latencies.finish(
					this.client + "-" + this.server + "-" + this.transport + "-t" + params.getThreads(),
					this.measuredCpuNanos, this.measuredThreadCpu));
		}
		finally {
			this.servers.close();
		}
	}

	/**
	 * Run the action once.
	 * @param thread the calling thread's latency histogram
	 * @return the result, consumed by JMH
	 */
	@Benchmark
	public JsonNode call(ThreadLatency thread) {
		long start = System.nanoTime();
		JsonNode result = this.bench.call(Workload.API, Workload.ACTION, Workload.PARAMS);
		if (this.recording) {
			thread.histogram.recordValue(System.nanoTime() - start);
		}
		return result;
	}

	/**
	 * One benchmark thread's latency histogram.
	 */
	@State(Scope.Thread)
	public static class ThreadLatency {

		Histogram histogram;

		/**
		 * Create the thread's histogram.
		 * @param benchmark the benchmark state that merges it at the end
		 */
		@Setup(Level.Trial)
		public void create(RoundTripBenchmark benchmark) {
			this.histogram = benchmark.latencies.newHistogram();
		}

	}

}
