package io.github.faircomclient.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Switches the reliability tests between their quick form (the normal build) and their
 * long form ({@code mvn -B verify -Preliability -pl faircom-client-integration-tests -am},
 * which sets {@code faircom.reliability.long=true}), and records the figures they
 * measure in {@code target/reliability-figures.txt} and on standard out.
 */
public final class Reliability {

	private static final Path FIGURES = Path.of("target", "reliability-figures.txt");

	private Reliability() {
	}

	/**
	 * Return whether the long form runs.
	 * @return whether {@code faircom.reliability.long} is {@code true}
	 */
	public static boolean isLong() {
		return Boolean.getBoolean("faircom.reliability.long");
	}

	/**
	 * Pick the value for the form that runs.
	 * @param <T> the type
	 * @param quick the value in the normal build
	 * @param longRun the value in the long form
	 * @return the value to use
	 */
	public static <T> T choose(T quick, T longRun) {
		return isLong() ? longRun : quick;
	}

	/**
	 * Record measured figures.
	 * @param test which requirement measured them, e.g. {@code R1}
	 * @param figures the figures, one line
	 */
	public static void record(String test, String figures) {
		String line = LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME) + " " + test + " ["
				+ (isLong() ? "long" : "quick") + "] " + figures + System.lineSeparator();
		System.out.print("FIGURES " + line);
		try {
			Files.createDirectories(FIGURES.getParent());
			Files.writeString(FIGURES, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
					StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
