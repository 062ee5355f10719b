package io.github.faircomclient.benchmarks;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * Runs a call until the JIT compilers have settled: on two shared cores the compilers compete with
 * everything else, and a fixed number of warm-up seconds can end while the client's code is still
 * being compiled (which then lands in the measurement as CPU and latency). Calls are made until the
 * JVM's accumulated compilation time has grown by less than {@value #QUIET_MILLIS_PER_SLICE} ms per
 * {@value #SLICE_MILLIS} ms slice for {@value #QUIET_SLICES} slices in a row, or until the limit.
 */
final class JitWarmUp {

	static final long SLICE_MILLIS = 250;

	static final long QUIET_MILLIS_PER_SLICE = 5;

	static final int QUIET_SLICES = 8;

	private JitWarmUp() {
	}

	/**
	 * Call until compilation settles.
	 * @param call the call to repeat
	 * @param limit the longest time to try
	 * @return a one-line account: calls made, time taken, whether the JIT settled
	 */
	static String run(Runnable call, Duration limit) {
		CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
		long start = System.nanoTime();
		long end = start + limit.toNanos();
		long calls = 0;
		int quiet = 0;
		long compiled = jit.getTotalCompilationTime();
		while (quiet < QUIET_SLICES && System.nanoTime() - end < 0) {
			long sliceEnd = System.nanoTime() + SLICE_MILLIS * 1_000_000;
			while (System.nanoTime() - sliceEnd < 0) {
				call.run();
				calls++;
			}
			long now = jit.getTotalCompilationTime();
			quiet = (now - compiled < QUIET_MILLIS_PER_SLICE) ? quiet + 1 : 0;
			compiled = now;
		}
		return String.format("JIT warm-up: %d calls in %.1f s, %s", calls, (System.nanoTime() - start) / 1e9,
				(quiet >= QUIET_SLICES) ? "compilation settled" : "limit reached, compilation still active");
	}

}
