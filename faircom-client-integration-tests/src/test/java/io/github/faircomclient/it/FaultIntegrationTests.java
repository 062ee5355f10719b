package io.github.faircomclient.it;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.faircomclient.FairComProtocolException;
import io.github.faircomclient.FairComProtocolException.Kind;
import io.github.faircomclient.FairComTimeoutException;
import io.github.faircomclient.FairComTransportException;
import io.github.faircomclient.core.FairComTemplate;
import io.github.faircomclient.test.FairComEmulator;
import io.github.faircomclient.test.Fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Broken answers from the emulator become the right typed exceptions, within the
 * deadline; a read that meets one broken answer is retried and succeeds.
 */
class FaultIntegrationTests {

	private static final Duration CALL_TIMEOUT = Duration.ofSeconds(1);

	private static FairComEmulator emulator;

	private static final List<Duration> backoffs = new CopyOnWriteArrayList<>();

	private static FairComTemplate template;

	@BeforeAll
	static void start() {
		emulator = FairComEmulator.builder().httpPort(0).user("app", "secret").build().start();
		template = FairComTemplate.builder()
			.url(emulator.httpUrl())
			.credentials("app", "secret")
			.readTimeout(Duration.ofSeconds(5))
			.callTimeout(CALL_TIMEOUT)
			.backoffSleeper(backoffs::add)
			.build();
	}

	@AfterAll
	static void stop() {
		template.destroy();
		emulator.stop();
	}

	@BeforeEach
	void loggedIn() {
		emulator.faults().clear();
		template.execute("admin", "pingSession", null);
		backoffs.clear();
	}

	private static void assertReadRecoversFrom(Fault fault) {
		long before = emulator.actionCount("listSessions");
		emulator.faults().failNext(1, fault);
		assertThat(template.execute("admin", "listSessions", null).isSuccess()).isTrue();
		assertThat(emulator.actionCount("listSessions") - before).as("attempts").isEqualTo(2);
		assertThat(backoffs).hasSize(1);
	}

	@Test
	void readRecoversFromOneFaultOfEachKind() {
		assertReadRecoversFrom(Fault.http500());
		backoffs.clear();
		assertReadRecoversFrom(Fault.htmlErrorPage());
		backoffs.clear();
		assertReadRecoversFrom(Fault.truncatedJson());
		backoffs.clear();
		assertReadRecoversFrom(Fault.dropConnection());
		backoffs.clear();
		assertReadRecoversFrom(Fault.tooManyRequests(Duration.ZERO));
		assertThat(backoffs.get(0)).isLessThan(Duration.ofMillis(100));
	}

	@Test
	void tooManyRequestsIsRetriedAfterTheAdvertisedWaitEvenForAWrite() {
		List<Duration> waits = new CopyOnWriteArrayList<>();
		FairComTemplate patient = FairComTemplate.builder()
			.url(emulator.httpUrl())
			.credentials("app", "secret")
			.callTimeout(Duration.ofSeconds(10))
			.backoffSleeper(waits::add)
			.build();
		try {
			patient.execute("admin", "pingSession", null);
			long before = emulator.actionCount("alterSession");
			emulator.faults().failNext(1, Fault.tooManyRequests(Duration.ofSeconds(3)));
			assertThat(patient.execute("admin", "alterSession", java.util.Map.of("description", "retried")).isSuccess())
				.isTrue();
			assertThat(waits).containsExactly(Duration.ofSeconds(3));
			assertThat(emulator.actionCount("alterSession") - before).isEqualTo(2);
		}
		finally {
			patient.destroy();
		}
	}

	@Test
	void plainText500IsNotJson() {
		emulator.faults().failNext(3, Fault.http500());
		assertThatExceptionOfType(FairComProtocolException.class)
			.isThrownBy(() -> template.execute("admin", "listSessions", null))
			.satisfies((ex) -> {
				assertThat(ex.getKind()).isEqualTo(Kind.NOT_JSON);
				assertThat(ex.getHttpStatus()).isEqualTo(500);
			});
	}

	@Test
	void htmlErrorPageIsRecognised() {
		emulator.faults().failNext(3, Fault.htmlErrorPage());
		assertThatExceptionOfType(FairComProtocolException.class)
			.isThrownBy(() -> template.execute("admin", "listSessions", null))
			.satisfies((ex) -> {
				assertThat(ex.getKind()).isEqualTo(Kind.HTML_PAGE);
				assertThat(ex.getHttpStatus()).isEqualTo(502);
			});
	}

	@Test
	void truncatedJsonIsRecognised() {
		emulator.faults().failNext(3, Fault.truncatedJson());
		assertThatExceptionOfType(FairComProtocolException.class)
			.isThrownBy(() -> template.execute("admin", "listSessions", null))
			.satisfies((ex) -> assertThat(ex.getKind()).isEqualTo(Kind.TRUNCATED));
	}

	@Test
	void tricklingAnswerTimesOutAtTheCallDeadline() {
		emulator.faults().failNext(1, Fault.trickle(Duration.ofMillis(100)));
		long start = System.nanoTime();
		assertThatExceptionOfType(FairComTimeoutException.class)
			.isThrownBy(() -> template.execute("admin", "listSessions", null))
			.satisfies((ex) -> assertThat(ex.getType()).isEqualTo(FairComTimeoutException.Type.CALL));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(CALL_TIMEOUT.plusSeconds(2));
		assertThat(template.execute("admin", "listSessions", null).isSuccess()).as("the pool recovers").isTrue();
	}

	@Test
	void droppedConnectionIsATransportFailure() {
		emulator.faults().failNext(3, Fault.dropConnection());
		assertThatExceptionOfType(FairComTransportException.class)
			.isThrownBy(() -> template.execute("admin", "listSessions", null))
			.satisfies((ex) -> assertThat(ex.getSuppressed()).hasSize(2));
		assertThat(backoffs).hasSize(2);
	}

	@Test
	void stoppedServerIsAConnectFailure() {
		FairComTemplate unreachable = FairComTemplate.builder()
			.url("http://127.0.0.1:1/api")
			.credentials("app", "secret")
			.build();
		try {
			assertThatExceptionOfType(io.github.faircomclient.FairComConnectException.class)
				.isThrownBy(() -> unreachable.execute("admin", "listSessions", null));
		}
		finally {
			unreachable.destroy();
		}
	}

}
