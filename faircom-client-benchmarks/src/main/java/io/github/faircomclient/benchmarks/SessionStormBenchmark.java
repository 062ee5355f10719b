package io.github.faircomclient.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

import io.github.faircomclient.core.FairComResponse;
import io.github.faircomclient.core.FairComTemplate;
import io.github.faircomclient.test.EmulatorClock;
import io.github.faircomclient.test.FairComEmulator;
import io.github.faircomclient.test.MutableEmulatorClock;

/**
 * A burst of calls from many threads at once ({@code -t 256}) on one {@code FairComTemplate}: with
 * {@code session=expired} the emulator's clock has just been moved past the session's idle timeout,
 * so every early caller is told 12031 and the template must log in once for all of them and replay;
 * with {@code session=live} the same burst needs no login (the baseline). Each JMH iteration is one
 * burst, each thread making one call ({@link Mode#SingleShotTime}: the score is the per-call
 * latency). After each measured burst the emulator's {@code createSession} count is read; a burst
 * that needed any other number of logins than 1 (expired) or 0 (live) fails the benchmark. Logins,
 * the burst's wall time and the number of calls the server answered "session gone" (and the
 * template replayed) are appended to {@code storm.csv} in the directory named by
 * {@value #RESULTS_PROPERTY}.
 * <p>
 * The emulator runs in the fork's JVM here (its clock and action counts are needed), so this
 * benchmark measures latency and login count, not allocation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 10)
@Measurement(iterations = 20)
@Threads(256)
@Fork(value = 2, jvmArgsAppend = { "-Xms512m", "-Xmx512m" })
public class SessionStormBenchmark {

	static final String RESULTS_PROPERTY = "faircom.benchmarks.results";

	private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(3600);

	/**
	 * {@code expired} or {@code live}.
	 */
	@Param({ "expired", "live" })
	public String session;

	private MutableEmulatorClock clock;

	private FairComEmulator emulator;

	private FairComTemplate template;

	private long loginsBefore;

	private long actionsBefore;

	private volatile boolean measured;

	private final Latencies latencies = new Latencies();

	private final AtomicLong firstStart = new AtomicLong(Long.MAX_VALUE);

	private final AtomicLong lastEnd = new AtomicLong(Long.MIN_VALUE);

	/**
	 * Start the emulator, create the data, log in and call until the JIT compilers have settled.
	 */
	@Setup(Level.Trial)
	public void start() {
		this.clock = EmulatorClock.fixedAtNow();
		this.emulator = FairComEmulator.builder()
			.clock(this.clock)
			.user(Workload.USERNAME, Workload.PASSWORD)
			.sessionIdleTimeout(IDLE_TIMEOUT)
			.start();
		this.template = FairComTemplate.builder()
			.url(this.emulator.httpUrl())
			.credentials(Workload.USERNAME, Workload.PASSWORD)
			.maxConnections(RoundTripBenchmark.MAX_CONNECTIONS)
			.keepalive(false)
			.build();
		TemplateClient.createAthletes(this.template);
		System.out.println(JitWarmUp.run(() -> this.template.execute(Workload.API, Workload.ACTION, Workload.PARAMS),
				RoundTripBenchmark.JIT_WARM_UP_LIMIT));
	}

	/**
	 * Before each burst: note the login count and, for {@code expired}, move the emulator's clock
	 * past the session's idle timeout.
	 * @param iteration the burst about to run
	 */
	@Setup(Level.Iteration)
	public void arm(IterationParams iteration) {
		this.measured = iteration.getType() == IterationType.MEASUREMENT;
		this.loginsBefore = this.emulator.actionCount("createSession");
		this.actionsBefore = this.emulator.actionCount(Workload.ACTION);
		this.firstStart.set(Long.MAX_VALUE);
		this.lastEnd.set(Long.MIN_VALUE);
		if ("expired".equals(this.session)) {
			this.clock.advance(IDLE_TIMEOUT.plusSeconds(1));
		}
	}

	/**
	 * After each burst: check and record the number of logins it cost.
	 * @param params the benchmark's parameters
	 */
	@TearDown(Level.Iteration)
	public void check(BenchmarkParams params) {
		long logins = this.emulator.actionCount("createSession") - this.loginsBefore;
		long expected = "expired".equals(this.session) ? 1 : 0;
		long wallMicros = (this.lastEnd.get() - this.firstStart.get()) / 1000;
		long replayed = this.emulator.actionCount(Workload.ACTION) - this.actionsBefore - params.getThreads();
		if (this.measured) {
			append(params.getThreads() + "," + this.session + "," + logins + "," + wallMicros + "," + replayed);
		}
		if (logins != expected) {
			throw new IllegalStateException("A burst of " + params.getThreads() + " calls on a " + this.session
					+ " session cost " + logins + " logins, expected " + expected);
		}
	}

	private static void append(String line) {
		String directory = System.getProperty(RESULTS_PROPERTY);
		if (directory == null) {
			System.out.println("storm: " + line);
			return;
		}
		try {
			Path file = Path.of(directory, "storm.csv");
			Files.createDirectories(file.getParent());
			Files.writeString(file, line + System.lineSeparator(), StandardOpenOption.CREATE,
					StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Write the per-call latencies of the measured bursts, log out and stop the emulator.
	 * @param params the benchmark's parameters
	 */
	@TearDown(Level.Trial)
	public void stop(BenchmarkParams params) {
		System.out.println(this.latencies.finish("storm-" + this.session + "-t" + params.getThreads()));
		this.template.destroy();
		this.emulator.close();
	}

	/**
	 * One call of the burst.
	 * @param thread the calling thread's latency histogram
	 * @return the answer, consumed by JMH
	 */
	@Benchmark
	public FairComResponse call(ThreadLatency thread) {
		long start = System.nanoTime();
		FairComResponse response = this.template.execute(Workload.API, Workload.ACTION, Workload.PARAMS);
		long end = System.nanoTime();
		if (this.measured) {
			thread.histogram.recordValue(end - start);
		}
		this.firstStart.accumulateAndGet(start, Math::min);
		this.lastEnd.accumulateAndGet(end, Math::max);
		return response;
	}

	/**
	 * One burst thread's latency histogram.
	 */
	@State(Scope.Thread)
	public static class ThreadLatency {

		Histogram histogram;

		/**
		 * Create the thread's histogram.
		 * @param benchmark the benchmark state that merges it at the end
		 */
		@Setup(Level.Trial)
		public void create(SessionStormBenchmark benchmark) {
			this.histogram = benchmark.latencies.newHistogram();
		}

	}

}
