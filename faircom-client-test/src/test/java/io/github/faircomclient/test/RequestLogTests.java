package io.github.faircomclient.test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class RequestLogTests {

	@Test
	void writesOneLineWithTimeAddressActionStatusOutcomeAndMilliseconds() {
		List<String> lines = new ArrayList<>();
		RequestLog log = new RequestLog(lines::add, EmulatorClock.fixed(Instant.parse("2025-06-01T10:15:30.123Z")));
		log.log("127.0.0.1", "admin/createSession", 200, "errorCode 0", System.nanoTime());
		log.log("10.0.0.7", "-", 0, "body not read", System.nanoTime());
		assertThat(lines).hasSize(2);
		assertThat(lines.get(0)).matches("2025-06-01T10:15:30\\.123 127\\.0\\.0\\.1 admin/createSession HTTP 200 errorCode 0 \\d+ ms");
		assertThat(lines.get(1)).matches("2025-06-01T10:15:30\\.123 10\\.0\\.0\\.7 - no answer body not read \\d+ ms");
	}

	@Test
	void aFailingSinkDoesNotFailTheRequest() {
		RequestLog log = new RequestLog((line) -> {
			throw new IllegalStateException("disk full");
		}, EmulatorClock.system());
		assertThatCode(() -> log.log("127.0.0.1", "admin/pingSession", 200, "errorCode 0", System.nanoTime()))
			.doesNotThrowAnyException();
	}

}
