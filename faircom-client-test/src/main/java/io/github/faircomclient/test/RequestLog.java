package io.github.faircomclient.test;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one line per request: time (emulator clock, its zone), client address, api/action, HTTP status,
 * errorCode (or what replaced the answer) and the milliseconds to answer, e.g.
 * {@code 2025-06-01T10:15:30.123 127.0.0.1 admin/createSession HTTP 200 errorCode 0 4 ms}. It never
 * sees parameters, passwords or tokens.
 */
final class RequestLog {

	private static final Logger logger = LoggerFactory.getLogger(RequestLog.class);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS", Locale.ROOT);

	private final Consumer<String> sink;

	private final EmulatorClock clock;

	RequestLog(Consumer<String> sink, EmulatorClock clock) {
		this.sink = sink;
		this.clock = clock;
	}

	/**
	 * Logs one request.
	 * @param clientAddress the client IP address
	 * @param action {@code api/action} or {@code -}
	 * @param status the HTTP status sent, or 0 when no answer was sent
	 * @param outcome {@code errorCode <n>}, or what replaced the answer
	 * @param startNanos {@link System#nanoTime()} when the request arrived
	 */
	void log(String clientAddress, String action, int status, String outcome, long startNanos) {
		long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
		String time = TIME.format(LocalDateTime.ofInstant(this.clock.now(), this.clock.zone()));
		String http = (status > 0) ? "HTTP " + status : "no answer";
		try {
			this.sink.accept(time + " " + clientAddress + " " + action + " " + http + " " + outcome + " " + millis + " ms");
		}
		catch (RuntimeException ex) {
			logger.warn("The request log failed", ex);
		}
	}

}
