package io.github.faircomclient.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server running in a JVM of its own, so that its CPU time shows up as the machine's load but its
 * memory and allocations never mix with the client's. Started with a command line, it is ready when
 * it has printed the expected number of {@code listening on <url>} lines; {@link #close()} stops it
 * with SIGTERM (then kills it after 10 s), and so does a shutdown hook if this JVM ends first.
 */
final class ServerProcess implements AutoCloseable {

	private static final Pattern LISTENING = Pattern.compile("listening on (\\S+)");

	private final String name;

	private final Process process;

	private final List<URI> urls;

	private ServerProcess(String name, Process process, List<URI> urls) {
		this.name = name;
		this.process = process;
		this.urls = urls;
	}

	/**
	 * Start a Java process and wait until it listens.
	 * @param name a name for messages and the log file
	 * @param prefix words before the {@code java} command (e.g. {@code taskset -c 0}), or none
	 * @param javaArguments the arguments of the {@code java} command
	 * @param listeners how many {@code listening on} lines to wait for
	 * @param log the file that receives the process's standard error
	 * @return the running process
	 * @throws IOException if it cannot start or does not listen within 60 s
	 */
	static ServerProcess startJava(String name, List<String> prefix, List<String> javaArguments, int listeners,
			Path log) throws IOException {
		List<String> command = new ArrayList<>(prefix);
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(javaArguments);
		Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
			.start();
		Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, name + "-stop"));
		List<URI> urls = new CopyOnWriteArrayList<>();
		CountDownLatch ready = new CountDownLatch(listeners);
		Thread reader = new Thread(() -> {
			try (BufferedReader lines = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = lines.readLine()) != null) {
					Matcher matcher = LISTENING.matcher(line);
					if (matcher.find()) {
						urls.add(URI.create(matcher.group(1)));
						ready.countDown();
					}
				}
			}
			catch (IOException ex) {
				// the process ended
			}
		}, name + "-stdout");
		reader.setDaemon(true);
		reader.start();
		try {
			if (!ready.await(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IOException(name + " did not start within 60 s (exit " + exitValue(process) + "); see "
						+ log);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
			throw new IOException("Interrupted while starting " + name, ex);
		}
		return new ServerProcess(name, process, List.copyOf(urls));
	}

	private static String exitValue(Process process) {
		return process.isAlive() ? "still running" : String.valueOf(process.exitValue());
	}

	/**
	 * Return the first url with the given scheme.
	 * @param scheme {@code http} or {@code https}
	 * @return the url
	 */
	URI url(String scheme) {
		return this.urls.stream()
			.filter((url) -> scheme.equals(url.getScheme()))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException(this.name + " has no " + scheme + " listener"));
	}

	/**
	 * Return the process id.
	 * @return the pid
	 */
	long pid() {
		return this.process.pid();
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(Duration.ofSeconds(10).toMillis(), TimeUnit.MILLISECONDS)) {
				this.process.destroyForcibly().waitFor();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
		}
	}

	@Override
	public String toString() {
		return this.name + " (pid " + this.process.pid() + ") at " + this.urls;
	}

}
