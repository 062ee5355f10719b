package io.github.faircomclient.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.zip.DataFormatException;

import org.HdrHistogram.Histogram;

/**
 * Per-call latencies of one JMH fork, recorded by each benchmark thread into its own
 * {@link Histogram} (nanoseconds, 3 significant digits) during measurement iterations only, and
 * written out at the end of the fork so that the suite can merge all forks of a configuration.
 */
final class Latencies {

	/**
	 * System property naming the directory that receives the latency files.
	 */
	static final String DIRECTORY_PROPERTY = "faircom.benchmarks.latencies";

	private static final long HIGHEST = TimeUnit.SECONDS.toNanos(120);

	private final Queue<Histogram> histograms = new ConcurrentLinkedQueue<>();

	/**
	 * Return a new histogram for one thread.
	 * @return the histogram, merged by {@link #merged()}
	 */
	Histogram newHistogram() {
		Histogram histogram = new Histogram(HIGHEST, 3);
		this.histograms.add(histogram);
		return histogram;
	}

	/**
	 * Merge the histograms of all threads. Call it when the threads are done.
	 * @return the merged histogram
	 */
	Histogram merged() {
		Histogram merged = new Histogram(HIGHEST, 3);
		this.histograms.forEach(merged::add);
		return merged;
	}

	/**
	 * Write the merged histogram to {@code <directory>/<name>-<pid>.hist} if the directory property is
	 * set, and return a one-line summary.
	 * @param name the configuration, e.g. {@code template-canned-http-t16}
	 * @return the summary
	 */
	String finish(String name) {
		return finish(name, -1, Map.of());
	}

	/**
	 * Like {@link #finish(String)}, also writing {@code <name>-<pid>.cpu}: the CPU nanoseconds this
	 * JVM used while the histograms recorded, the number of calls recorded, and the CPU nanoseconds
	 * by kind of thread ({@link ThreadCpu}).
	 * @param name the configuration
	 * @param cpuNanos the CPU time of the recorded iterations, or a negative number if not measured
	 * @param cpuByKind the CPU time of the recorded iterations by kind of thread
	 * @return the summary
	 */
	String finish(String name, long cpuNanos, Map<String, Long> cpuByKind) {
		Histogram merged = merged();
		String directory = System.getProperty(DIRECTORY_PROPERTY);
		if (directory != null) {
			String file = name + "-" + ProcessHandle.current().pid();
			try {
				Files.createDirectories(Path.of(directory));
				Files.writeString(Path.of(directory, file + ".hist"), encode(merged));
				if (cpuNanos >= 0) {
					StringBuilder line = new StringBuilder().append(cpuNanos).append(' ').append(merged.getTotalCount());
					cpuByKind.forEach((kind, nanos) -> line.append(' ').append(kind).append('=').append(nanos));
					Files.writeString(Path.of(directory, file + ".cpu"), line);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		String cpu = (cpuNanos >= 0 && merged.getTotalCount() > 0)
				? String.format(", client CPU %.1f us/call %s", cpuNanos / 1000.0 / merged.getTotalCount(), cpuByKind)
				: "";
		return String.format("%s: %d calls, p50 %.1f us, p99 %.1f us, max %.1f us%s", name, merged.getTotalCount(),
				merged.getValueAtPercentile(50) / 1000.0, merged.getValueAtPercentile(99) / 1000.0,
				merged.getMaxValue() / 1000.0, cpu);
	}

	/**
	 * Return the CPU time this JVM has used, all threads together.
	 * @return nanoseconds
	 */
	static long processCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	static String encode(Histogram histogram) {
		ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
		int length = histogram.encodeIntoCompressedByteBuffer(buffer);
		return Base64.getEncoder().encodeToString(Arrays.copyOf(buffer.array(), length));
	}

	static Histogram decode(Path file) throws IOException {
		byte[] bytes = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim());
		try {
			return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(bytes), 0);
		}
		catch (DataFormatException ex) {
			throw new IOException("Not a histogram: " + file, ex);
		}
	}

}
