package io.github.faircomclient.it;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import org.springframework.util.unit.DataSize;

import io.github.faircomclient.FairComException;
import io.github.faircomclient.core.FairComRequest;
import io.github.faircomclient.core.FairComTemplate;
import io.github.faircomclient.it.support.HostileAnswers;
import io.github.faircomclient.it.support.HostileAnswers.Case;
import io.github.faircomclient.it.support.HostileServer;
import io.github.faircomclient.it.support.Reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * R4: generated malformed and hostile answers (see {@link HostileAnswers}) always end
 * the call with a {@link FairComException} within the call deadline: never another
 * exception (no NullPointerException, ClassCastException, Jackson or HttpClient
 * exception), never a hang. Each case is answered to the login or to the action, which is
 * a plain read, a write or a cursor read, so every retry path meets it. Quick form: 240
 * cases with a fixed seed; long form: 2000 cases with a seed printed in the report
 * ({@code -Dfaircom.hostile.seed=...} repeats a run).
 */
@Tag("reliability")
class HostileAnswersIntegrationTests {

	private static final Duration CALL_TIMEOUT = Duration.ofSeconds(1);

	/**
	 * Time allowed past the call timeout: room for a loaded build machine (2 shared cores),
	 * while a call that ignored its deadline would still fail, because a trickled answer
	 * takes over 4 s to arrive.
	 */
	private static final Duration SLACK = Duration.ofMillis(1500);

	private static final List<FairComRequest> ACTIONS = List.of(FairComRequest.of("admin", "listSessions", null),
			FairComRequest.of("db", "getRecordsUsingSQL", Map.of("sql", "select 1")),
			FairComRequest.of("db", "insertRecords", Map.of("tableName", "t")),
			FairComRequest.of("db", "getRecordsFromCursor", Map.of("cursorId", "C1")));

	private static final long seed = Long.getLong("faircom.hostile.seed",
			Reliability.isLong() ? System.nanoTime() : 20261123L);

	private static final Map<String, AtomicLong> outcomes = new ConcurrentHashMap<>();

	private static final List<Duration> backoffs = new CopyOnWriteArrayList<>();

	private static final AtomicLong slowest = new AtomicLong();

	private static volatile String slowestCase = "";

	private static HostileServer server;

	private static FairComTemplate template;

	@BeforeAll
	static void start() throws Exception {
		server = new HostileServer();
		template = FairComTemplate.builder()
			.url(server.url())
			.credentials("app", "secret")
			.connectTimeout(Duration.ofSeconds(1))
			.readTimeout(Duration.ofMillis(300))
			.callTimeout(CALL_TIMEOUT)
			.maxResponseSize(DataSize.ofMegabytes(16))
			.backoffSleeper(backoffs::add)
			.build();
	}

	@AfterAll
	static void stop() throws Exception {
		template.destroy();
		server.close();
		Reliability.record("R4", "seed " + seed + ": " + outcomes.values().stream().mapToLong(AtomicLong::get).sum()
				+ " hostile answers, every one a FairComException: " + new java.util.TreeMap<>(outcomes)
				+ "; slowest " + Duration.ofNanos(slowest.get()).toMillis() + " ms (" + slowestCase + "; call timeout "
				+ CALL_TIMEOUT.toMillis() + " ms), " + server.requests() + " requests");
	}

	@TestFactory
	Stream<DynamicTest> everyHostileAnswerEndsInAFairComExceptionWithinTheDeadline() {
		int count = Reliability.choose(240, 2000);
		int slowCases = Reliability.choose(4, 30);
		List<Case> cases = HostileAnswers.generate(seed, count, slowCases);
		assertThat(cases).hasSizeGreaterThanOrEqualTo(200);
		return cases.stream().map((hostile) -> {
			int index = cases.indexOf(hostile);
			return DynamicTest.dynamicTest("#" + index + " " + hostile, () -> run(index, hostile));
		});
	}

	private void run(int index, Case hostile) {
		if (hostile.login()) {
			server.loginAnswer(hostile.answer());
			server.answer(HostileServer.Answer.VALID);
			template.getSessionManager().sessionExpired(template.getSessionManager().getCurrentSession());
		}
		else {
			server.loginAnswer(HostileServer.Answer.VALID);
			server.answer(hostile.answer());
		}
		FairComRequest request = ACTIONS.get(index % ACTIONS.size());
		long start = System.nanoTime();
		Throwable outcome = null;
		try {
			template.execute(request);
		}
		catch (Throwable ex) {
			outcome = ex;
		}
		long took = System.nanoTime() - start;
		if (took > slowest.get()) {
			slowest.set(took);
			slowestCase = hostile.name();
		}
		if (outcome == null) {
			fail("No exception for " + hostile);
		}
		if (!(outcome instanceof FairComException)) {
			throw new AssertionError("Not a FairComException for " + hostile + ": " + outcome, outcome);
		}
		outcomes.computeIfAbsent(outcome.getClass().getSimpleName(), (name) -> new AtomicLong()).incrementAndGet();
		assertThat(Duration.ofNanos(took)).as("time taken by %s", hostile).isLessThan(CALL_TIMEOUT.plus(SLACK));
		assertThat(outcome.getMessage()).isNotBlank().hasSizeLessThan(5000);
		assertNoProgrammingErrors(outcome, 0);
		if (!hostile.login()) {
			assertThat(outcome.getMessage()).doesNotContain(HostileServer.TOKEN);
		}
	}

	private static void assertNoProgrammingErrors(Throwable failure, int depth) {
		if (failure == null || depth > 20) {
			return;
		}
		assertThat(failure).isNotInstanceOfAny(NullPointerException.class, ClassCastException.class,
				IllegalStateException.class, IllegalArgumentException.class, IndexOutOfBoundsException.class,
				ArithmeticException.class, NumberFormatException.class);
		for (Throwable suppressed : failure.getSuppressed()) {
			assertNoProgrammingErrors(suppressed, depth + 1);
		}
		assertNoProgrammingErrors(failure.getCause(), depth + 1);
	}

	@Test
	void aValidAnswerStillWorksAfterwards() {
		server.loginAnswer(HostileServer.Answer.VALID);
		server.answer(HostileServer.Answer.VALID);
		assertThat(template.execute("admin", "listSessions", null).isSuccess()).isTrue();
	}

}
