package io.github.faircomclient.test;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the emulator from the command line ({@code java -jar faircom-client-test-<version>-emulator.jar
 * --help}). It prints one line per listener, {@code FairCom emulator listening on <url>}, and runs until the
 * JVM is stopped; SIGTERM and Ctrl+C shut it down cleanly.
 */
public final class EmulatorMain {

	/**
	 * Exit code for a bad command line.
	 */
	public static final int USAGE_ERROR = 2;

	private EmulatorMain() {
	}

	/**
	 * Starts the emulator and blocks until the JVM shuts down.
	 * @param args the command line
	 */
	public static void main(String[] args) {
		int exitCode = run(args, System.out, System.err);
		if (exitCode != 0) {
			System.exit(exitCode);
		}
	}

	/**
	 * Starts the emulator, prints the listener lines to {@code out} and blocks until the JVM shuts down
	 * (a shutdown hook stops the emulator).
	 * @param args the command line
	 * @param out where the listener lines and help go
	 * @param err where errors go
	 * @return 0 after a clean shutdown or help, {@link #USAGE_ERROR} for a bad command line, 1 if the
	 * emulator cannot start
	 */
	static int run(String[] args, PrintStream out, PrintStream err) {
		FairComEmulator emulator;
		try {
			emulator = start(args, out);
		}
		catch (IllegalArgumentException ex) {
			err.println("Error: " + ex.getMessage());
			err.println("Try --help.");
			return USAGE_ERROR;
		}
		catch (IllegalStateException ex) {
			err.println("Error: " + ex.getMessage());
			return 1;
		}
		if (emulator == null) {
			return 0;
		}
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			emulator.close();
			out.println("FairCom emulator stopped");
			out.flush();
			stopped.countDown();
		}, "faircom-emulator-shutdown"));
		try {
			stopped.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return 0;
	}

	/**
	 * Parses the command line, starts the emulator and prints one line per listener.
	 * @param args the command line
	 * @param out where the listener lines (or the help) go
	 * @return the running emulator, or {@code null} when only help was printed
	 * @throws IllegalArgumentException for a bad command line
	 * @throws IllegalStateException if a port cannot be bound
	 */
	static FairComEmulator start(String[] args, PrintStream out) {
		EmulatorCommandLine.Options options = EmulatorCommandLine.parse(args);
		if (options.help) {
			out.print(EmulatorCommandLine.USAGE);
			out.flush();
			return null;
		}
		FairComEmulator emulator = options.toBuilder().build().start();
		if (emulator.hasHttpListener()) {
			out.println("FairCom emulator listening on " + emulator.httpUrl());
		}
		if (emulator.hasHttpsListener()) {
			out.println("FairCom emulator listening on " + emulator.httpsUrl());
		}
		out.flush();
		return emulator;
	}

}
