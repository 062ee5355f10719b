package io.github.faircomclient.benchmarks;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * Where the benchmark's processes run: with pinning, the servers on the first half of the CPUs and
 * the client JVMs on the other half (on two CPUs: servers on CPU 0, client on CPU 1), through
 * {@code taskset}. A client sharing its cores with the server loses its caches to the server's
 * work, or moves between cores, on every call; that costs a client in proportion to its code and
 * data, so it weighs on the template (Spring's {@code RestClient} on HttpClient) more than on the
 * hand-written client, and it is a cost no real deployment has, the FairCom server running on
 * another machine. Without {@code taskset} or with one CPU, nothing is pinned.
 *
 * @param serverCpus the CPU list for servers ({@code taskset -c} syntax), or {@code null}
 * @param clientCpus the CPU list for client JVMs, or {@code null}
 */
record CpuPlacement(@Nullable String serverCpus, @Nullable String clientCpus) {

	private static final CpuPlacement UNPINNED = new CpuPlacement(null, null);

	/**
	 * Pin when asked and possible.
	 * @param pin whether pinning is wanted
	 * @return the placement
	 */
	static CpuPlacement of(boolean pin) {
		int cpus = Runtime.getRuntime().availableProcessors();
		if (!pin || cpus < 2 || !tasksetWorks()) {
			return UNPINNED;
		}
		int servers = cpus / 2;
		return new CpuPlacement(range(0, servers - 1), range(servers, cpus - 1));
	}

	boolean pinned() {
		return this.serverCpus != null;
	}

	/**
	 * Return the words to put before a server's command line.
	 * @return {@code taskset -c <server cpus>}, or nothing when unpinned
	 */
	List<String> serverCommandPrefix() {
		return pinned() ? List.of("taskset", "-c", this.serverCpus) : List.of();
	}

	/**
	 * Move every thread of this JVM to the client CPUs; processes it starts afterwards (JMH forks,
	 * workers) inherit them.
	 * @throws IOException if {@code taskset} fails
	 */
	void pinThisJvmToClientCpus() throws IOException {
		if (!pinned()) {
			return;
		}
		int exit = run("taskset", "-a", "-p", "-c", this.clientCpus, String.valueOf(ProcessHandle.current().pid()));
		if (exit != 0) {
			throw new IOException("taskset exited with " + exit);
		}
	}

	/**
	 * Describe the placement for a report.
	 * @return e.g. {@code servers on CPU 0, client JVMs on CPU 1}
	 */
	String describe() {
		return pinned() ? "servers on CPU " + this.serverCpus + ", client JVMs on CPU " + this.clientCpus
				: "not pinned (the scheduler places servers and clients)";
	}

	private static String range(int first, int last) {
		return (first == last) ? String.valueOf(first) : first + "-" + last;
	}

	private static boolean tasksetWorks() {
		try {
			return run("taskset", "-p", String.valueOf(ProcessHandle.current().pid())) == 0;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static int run(String... command) throws IOException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		try {
			if (!process.waitFor(10, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				return -1;
			}
			return process.exitValue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted", ex);
		}
	}

}
