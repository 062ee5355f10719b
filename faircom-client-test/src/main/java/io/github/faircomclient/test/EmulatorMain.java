package io.github.faircomclient.test;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.concurrent.CountDownLatch;

import org.jspecify.annotations.Nullable;

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
			emulator = start(args, out, err);
		}
		catch (IllegalArgumentException ex) {
			err.println("Error: " + ex.getMessage());
			err.println("Try --help.");
			return USAGE_ERROR;
		}
		catch (IllegalStateException | UncheckedIOException ex) {
			err.println("Error: " + ex.getMessage() + cause(ex));
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
	 * Parses the command line, starts the emulator and prints one line per listener; or prints the help, or
	 * writes the TLS files of {@code --write-tls}.
	 * @param args the command line
	 * @param out where the listener lines (or the help, or the TLS summary) go
	 * @param err where the request log goes ({@code --request-log})
	 * @return the running emulator, or {@code null} when nothing was started
	 * @throws IllegalArgumentException for a bad command line
	 * @throws IllegalStateException if a port cannot be bound, the data folder cannot be opened or a TLS file
	 * exists already
	 * @throws UncheckedIOException if a TLS file cannot be written
	 */
	static @Nullable FairComEmulator start(String[] args, PrintStream out, PrintStream err) {
		EmulatorCommandLine.Options options = EmulatorCommandLine.parse(args);
		if (options.help) {
			out.print(EmulatorCommandLine.USAGE);
			out.flush();
			return null;
		}
		if (options.writeTls != null) {
			TlsFiles.write(options.writeTls, options.clientCommonName(), out);
			return null;
		}
		FairComEmulatorBuilder builder = options.toBuilder();
		if (options.requestLog) {
			builder.requestLog(err::println);
		}
		FairComEmulator emulator = builder.build();
		try {
			emulator.start();
		}
		catch (RuntimeException ex) {
			emulator.close();
			throw ex;
		}
		if (emulator.hasHttpListener()) {
			out.println("FairCom emulator listening on " + emulator.httpUrl());
		}
		if (emulator.hasHttpsListener()) {
			out.println("FairCom emulator listening on " + emulator.httpsUrl());
		}
		out.flush();
		return emulator;
	}

	private static String cause(Exception ex) {
		Throwable cause = ex.getCause();
		if (cause == null || cause.getMessage() == null || ex.getMessage() == null
				|| ex.getMessage().contains(cause.getMessage())) {
			return "";
		}
		return ": " + cause.getMessage().lines().findFirst().orElse("");
	}

}
