package io.github.faircomclient.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time of this JVM's threads by kind: the JMH threads making the calls (from the
 * {@link ThreadMXBean}), the JIT compilers and the garbage collector (from {@code /proc/self/task} on
 * Linux, by thread name), and everything else (the rest of the process's CPU time).
 */
final class ThreadCpu {

	private static final long NANOS_PER_TICK = 10_000_000L;

	private ThreadCpu() {
	}

	/**
	 * Return the CPU time used so far by each kind of thread.
	 * @return nanoseconds by kind: {@code calls}, {@code jit}, {@code gc}, {@code other} ({@code jit}
	 * and {@code gc} only on Linux)
	 */
	static Map<String, Long> byKind() {
		Map<String, Long> kinds = new TreeMap<>();
		Path tasks = Path.of("/proc/self/task");
		if (!Files.isDirectory(tasks)) {
			return kinds;
		}
		try (DirectoryStream<Path> threads = Files.newDirectoryStream(tasks)) {
			for (Path thread : threads) {
				try {
					String name = Files.readString(thread.resolve("comm")).trim();
					String stat = Files.readString(thread.resolve("stat"));
					String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
					long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
					kinds.merge(kind(name), ticks * NANOS_PER_TICK, Long::sum);
				}
				catch (IOException | RuntimeException ex) {
					// the thread ended meanwhile
				}
			}
		}
		catch (IOException ex) {
			return kinds;
		}
		ThreadMXBean threadBean = ManagementFactory.getThreadMXBean();
		long calls = 0;
		for (ThreadInfo info : threadBean.getThreadInfo(threadBean.getAllThreadIds())) {
			if (info != null && info.getThreadName().contains("jmh-worker")) {
				calls += Math.max(0, threadBean.getThreadCpuTime(info.getThreadId()));
			}
		}
		kinds.put("calls", calls);
		long process = Latencies.processCpuNanos();
		kinds.put("other", process - calls - kinds.getOrDefault("jit", 0L) - kinds.getOrDefault("gc", 0L));
		kinds.remove("java");
		return kinds;
	}

	private static String kind(String name) {
		if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
			return "jit";
		}
		if (name.startsWith("G1 ") || name.startsWith("GC Thread") || name.startsWith("VM Thread")) {
			return "gc";
		}
		return "java";
	}

}
