package io.github.faircomclient.core;

import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.client.ExpectedCount;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.test.web.client.RequestMatcher;
import org.springframework.test.web.client.ResponseCreator;
import org.springframework.test.web.client.response.MockRestResponseCreators;

import io.github.faircomclient.FairComApiException;
import io.github.faircomclient.FairComAuthenticationException;
import io.github.faircomclient.FairComConnectException;
import io.github.faircomclient.FairComException;
import io.github.faircomclient.FairComProtocolException;
import io.github.faircomclient.FairComServerBusyException;
import io.github.faircomclient.FairComSessionExpiredException;
import io.github.faircomclient.FairComTimeoutException;
import io.github.faircomclient.FairComTransportException;
import io.github.faircomclient.testsupport.DrivenTaskScheduler;
import io.github.faircomclient.testsupport.MutableClock;

import static io.github.faircomclient.testsupport.FairComAnswers.answer;
import static io.github.faircomclient.testsupport.FairComAnswers.error;
import static io.github.faircomclient.testsupport.FairComAnswers.raw;
import static io.github.faircomclient.testsupport.FairComAnswers.session;
import static io.github.faircomclient.testsupport.FairComAnswers.success;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.jsonPath;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.method;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;

/**
 * Retries of {@link FairComTemplate}: which failures of which actions are sent again, the
 * backoff between attempts, Retry-After, the budget shared with the replay after an
 * expired session, and the call deadline. The backoff is recorded, never slept.
 */
class FairComTemplateRetryTests {

	private static final String URL = "http://faircom.test:8080/api";

	private final MutableClock clock = new MutableClock();

	private final List<Duration> waits = new CopyOnWriteArrayList<>();

	private final AtomicReference<MockRestServiceServer> server = new AtomicReference<>();

	private FairComTemplate template;

	@AfterEach
	void close() {
		if (this.template != null && !this.template.isClosed()) {
			server().reset();
			server().expect(ExpectedCount.manyTimes(), (request) -> {
			}).andRespond(success("{}"));
			this.template.destroy();
		}
	}

	private FairComTemplateBuilder builder() {
		return FairComTemplate.builder()
			.url(URL)
			.credentials("app", "secret")
			.taskScheduler(new DrivenTaskScheduler(this.clock))
			.clock(this.clock)
			.backoffSleeper(this.waits::add)
			.jitter(() -> 0.5)
			.customizers(List.of((restClient) -> this.server.set(MockRestServiceServer.bindTo(restClient).build())));
	}

	private MockRestServiceServer server() {
		return this.server.get();
	}

	private static RequestMatcher action(String api, String action) {
		return (request) -> {
			requestTo(URL).match(request);
			method(HttpMethod.POST).match(request);
			jsonPath("$.api").value(api).match(request);
			jsonPath("$.action").value(action).match(request);
		};
	}

	private static ResponseCreator failure(java.io.IOException ex) {
		return MockRestResponseCreators.withException(ex);
	}

	private void loggedIn(String token) {
		server().expect(action("admin", "createSession")).andRespond(session(token));
	}

	@Test
	void readIsRetriedWithExponentialJitteredBackoffUntilItSucceeds() {
		this.template = builder().build();
		loggedIn("T1");
		server().expect(action("admin", "listSessions")).andRespond(failure(new SocketException("Connection reset")));
		server().expect(action("admin", "listSessions")).andRespond(raw(HttpStatus.BAD_GATEWAY, MediaType.TEXT_HTML,
				"<html>Bad gateway</html>"));
		server().expect(action("admin", "listSessions")).andRespond(success("{\"sessions\":[]}"));
		assertThat(this.template.execute("admin", "listSessions", null).isSuccess()).isTrue();
		server().verify();
		assertThat(this.waits).containsExactly(Duration.ofMillis(50), Duration.ofMillis(100));
	}

	@Test
	void backoffBoundGrowsUpToTheMaximum() {
		this.template = builder().retry(FairComRetrySettings.builder()
			.maxAttempts(5)
			.initialBackoff(Duration.ofMillis(100))
			.maxBackoff(Duration.ofMillis(300))
			.build()).jitter(() -> 0.999999).build();
		loggedIn("T1");
		server().expect(ExpectedCount.times(4), action("db", "listDatabases"))
			.andRespond(failure(new SocketException("Connection reset")));
		server().expect(action("db", "listDatabases")).andRespond(success("{}"));
		this.template.execute("db", "listDatabases", null);
		assertThat(this.waits).extracting(Duration::toMillis).containsExactly(99L, 199L, 299L, 299L);
	}

	@Test
	void readFailsAfterMaxAttemptsWithTheEarlierFailuresSuppressed() {
		this.template = builder().build();
		loggedIn("T1");
		server().expect(ExpectedCount.times(3), action("db", "listTables"))
			.andRespond(failure(new SocketException("Connection reset")));
		assertThatExceptionOfType(FairComTransportException.class)
			.isThrownBy(() -> this.template.execute("db", "listTables", null))
			.satisfies((ex) -> {
				assertThat(ex.getSuppressed()).hasSize(2).allMatch(FairComTransportException.class::isInstance);
				assertThat(ex.getSuppressed()[0]).isNotSameAs(ex);
			});
		server().verify();
		assertThat(this.waits).hasSize(2);
	}

	@Test
	void writeIsNotRetriedWhenTheAnswerWasLost() {
		this.template = builder().build();
		loggedIn("T1");
		server().expect(ExpectedCount.once(), action("db", "insertRecords"))
			.andRespond(failure(new SocketException("Connection reset")));
		assertThatExceptionOfType(FairComTransportException.class)
			.isThrownBy(() -> this.template.execute("db", "insertRecords", Map.of("tableName", "t")));
		server().verify();
		assertThat(this.waits).isEmpty();
	}

	@Test
	void writeDeclaredIdempotentIsRetriedWhenTheAnswerWasLost() {
		this.template = builder().build();
		loggedIn("T1");
		server().expect(action("db", "updateRecords")).andRespond(failure(new SocketTimeoutException("Read timed out")));
		server().expect(action("db", "updateRecords")).andRespond(success("{}"));
		FairComRequest request = FairComRequest.builder("updateRecords").api("db").params(Map.of("tableName", "t"))
			.idempotent(true)
			.build();
		assertThat(this.template.execute(request).isSuccess()).isTrue();
		server().verify();
		assertThat(this.waits).hasSize(1);
	}

	@Test
	void writeIsRetriedWhenItWasNeverSent() {
		this.template = builder().build();
		loggedIn("T1");
		server().expect(action("db", "insertRecords")).andRespond(failure(new ConnectException("Connection refused")));
		server().expect(action("db", "insertRecords")).andRespond(success("{}"));
		assertThat(this.template.execute("db", "insertRecords", Map.of("tableName", "t")).isSuccess()).isTrue();
		server().verify();
	}

	@Test
	void cursorReadsAreNeverRetriedEvenWhenDeclaredIdempotent() {
		this.template = builder().build();
		loggedIn("T1");
		server().expect(ExpectedCount.once(), action("db", "getRecordsFromCursor"))
			.andRespond(failure(new ConnectException("Connection refused")));
		server().expect(ExpectedCount.once(), action("db", "getRecordsUsingSQL"))
			.andRespond(failure(new SocketException("Connection reset")));
		FairComRequest fetch = FairComRequest.builder("getRecordsFromCursor").api("db")
			.params(Map.of("cursorId", "C1"))
			.idempotent(true)
			.build();
		assertThatExceptionOfType(FairComConnectException.class).isThrownBy(() -> this.template.execute(fetch));
		FairComRequest query = FairComRequest.builder("getRecordsUsingSQL").api("db")
			.params(Map.of("sql", "select 1", "returnCursor", true))
			.idempotent(true)
			.build();
		assertThatExceptionOfType(FairComTransportException.class).isThrownBy(() -> this.template.execute(query));
		server().verify();
		assertThat(this.waits).isEmpty();
	}

	@Test
	void tooManyRequestsWaitsForRetryAfterInSeconds() {
		this.template = builder().build();
		loggedIn("T1");
		server().expect(action("db", "insertRecords")).andRespond(busy(429, "2"));
		server().expect(action("db", "insertRecords")).andRespond(success("{}"));
		this.template.execute("db", "insertRecords", Map.of("tableName", "t"));
		server().verify();
		assertThat(this.waits).containsExactly(Duration.ofSeconds(2));
	}

	@Test
	void serviceUnavailableWaitsForRetryAfterAsAnHttpDate() {
		this.template = builder().build();
		loggedIn("T1");
		String inThreeSeconds = DateTimeFormatter.RFC_1123_DATE_TIME
			.format(this.clock.instant().plusSeconds(3).atOffset(ZoneOffset.UTC));
		server().expect(action("db", "listTables")).andRespond(busy(503, inThreeSeconds));
		server().expect(action("db", "listTables")).andRespond(success("{}"));
		this.template.execute("db", "listTables", null);
		server().verify();
		assertThat(this.waits).containsExactly(Duration.ofSeconds(3));
	}

	@Test
	void retryAfterLongerThanTheCapEndsTheCallAtOnce() {
		this.template = builder().build();
		loggedIn("T1");
		server().expect(ExpectedCount.once(), action("db", "listTables")).andRespond(busy(429, "3600"));
		assertThatExceptionOfType(FairComServerBusyException.class)
			.isThrownBy(() -> this.template.execute("db", "listTables", null))
			.satisfies((ex) -> {
				assertThat(ex.getHttpStatus()).isEqualTo(429);
				assertThat(ex.getRetryAfter()).isEqualTo(Duration.ofHours(1));
				assertThat(ex.getMessage()).contains("HTTP 429").contains("3600000 ms");
			});
		server().verify();
		assertThat(this.waits).isEmpty();
	}

	@Test
	void jsonAnswerWith503IsBelievedAndNotRetried() {
		this.template = builder().build();
		loggedIn("T1");
		server().expect(ExpectedCount.once(), action("db", "listTables"))
			.andRespond(answer(HttpStatus.SERVICE_UNAVAILABLE, "{\"errorCode\":7,\"errorMessage\":\"busy\"}"));
		assertThatExceptionOfType(FairComApiException.class)
			.isThrownBy(() -> this.template.execute("db", "listTables", null))
			.satisfies((ex) -> assertThat(ex.getErrorCode()).isEqualTo(7));
		server().verify();
	}

	@Test
	void malformedAnswersThatWouldRepeatAreNotRetried() {
		this.template = builder().build();
		loggedIn("T1");
		server().expect(ExpectedCount.once(), action("db", "listTables")).andRespond(answer("{\"result\":{}}"));
		server().expect(ExpectedCount.once(), action("db", "listTables"))
			.andRespond(raw(HttpStatus.OK, MediaType.TEXT_HTML, "<html>captive portal</html>"));
		for (FairComProtocolException.Kind kind : List.of(FairComProtocolException.Kind.MISSING_ERROR_CODE,
				FairComProtocolException.Kind.HTML_PAGE)) {
			assertThatExceptionOfType(FairComProtocolException.class)
				.isThrownBy(() -> this.template.execute("db", "listTables", null))
				.satisfies((ex) -> assertThat(ex.getKind()).isEqualTo(kind));
		}
		server().verify();
		assertThat(this.waits).isEmpty();
	}

	/**
	 * The answer to another request means the call's own answer was lost on a connection
	 * that is out of step (and is discarded): a read is sent again, a write is not.
	 */
	@Test
	void theAnswerToAnotherRequestIsRetriedOnlyWhenTheCallIsSafeToSendAgain() {
		this.template = builder().build();
		loggedIn("T1");
		server().expect(action("db", "listTables")).andRespond(answer("{\"requestId\":\"other\",\"errorCode\":0}"));
		server().expect(action("db", "listTables")).andRespond(success("{}"));
		server().expect(ExpectedCount.once(), action("db", "insertRecords"))
			.andRespond(answer("{\"requestId\":\"other\",\"errorCode\":0}"));
		this.template.execute("db", "listTables", null);
		assertThat(this.waits).hasSize(1);
		assertThatExceptionOfType(FairComProtocolException.class)
			.isThrownBy(() -> this.template.execute("db", "insertRecords", null))
			.satisfies((ex) -> {
				assertThat(ex.getKind()).isEqualTo(FairComProtocolException.Kind.REQUEST_ID_MISMATCH);
				assertThat(ex.getFailureKind()).isEqualTo(io.github.faircomclient.FairComFailureKind.ANSWER_LOST);
			});
		server().verify();
		assertThat(this.waits).hasSize(1);
	}

	@Test
	void truncatedAnswerToAReadIsRetried() {
		this.template = builder().build();
		loggedIn("T1");
		server().expect(action("db", "listTables"))
			.andRespond(raw(HttpStatus.OK, MediaType.APPLICATION_JSON, "{\"errorCode\":0,\"result\":{\"ta"));
		server().expect(action("db", "listTables")).andRespond(success("{}"));
		this.template.execute("db", "listTables", null);
		server().verify();
	}

	@Test
	void refusedLoginIsNeverRetried() {
		this.template = builder().build();
		server().expect(ExpectedCount.once(), action("admin", "createSession"))
			.andRespond(error(12010, "Invalid username or password"));
		assertThatExceptionOfType(FairComAuthenticationException.class)
			.isThrownBy(() -> this.template.execute("db", "listTables", null));
		server().verify();
		assertThat(this.waits).isEmpty();
	}

	@Test
	void loginIsRetriedOnlyWhenItNeverReachedTheServer() {
		this.template = builder().build();
		server().expect(action("admin", "createSession")).andRespond(failure(new ConnectException("Connection refused")));
		loggedIn("T1");
		server().expect(action("db", "listTables")).andRespond(success("{}"));
		this.template.execute("db", "listTables", null);
		server().verify();
		server().reset();
		this.template.getSessionManager().sessionExpired(this.template.getSessionManager().getCurrentSession());
		server().expect(ExpectedCount.once(), action("admin", "createSession"))
			.andRespond(failure(new SocketException("Connection reset")));
		assertThatExceptionOfType(FairComTransportException.class)
			.isThrownBy(() -> this.template.execute("db", "listTables", null))
			.satisfies((ex) -> assertThat(ex.getAction()).isEqualTo("createSession"));
		server().verify();
	}

	@Test
	void replayAfterExpiryAndRetriesShareOneBudget() {
		this.template = builder().build();
		loggedIn("T1");
		server().expect(action("db", "listTables")).andRespond(error(12031, "gone"));
		loggedIn("T2");
		server().expect(action("db", "listTables")).andExpect(jsonPath("$.authToken").value("T2"))
			.andRespond(failure(new SocketException("Connection reset")));
		server().expect(action("db", "listTables")).andExpect(jsonPath("$.authToken").value("T2"))
			.andRespond(success("{}"));
		this.template.execute("db", "listTables", null);
		server().verify();
		assertThat(this.waits).hasSize(1);
	}

	@Test
	void budgetSpentOnReplayStopsTheRetry() {
		this.template = builder().retry(FairComRetrySettings.builder().maxAttempts(2).build()).build();
		loggedIn("T1");
		server().expect(action("db", "listTables")).andRespond(error(12031, "gone"));
		loggedIn("T2");
		server().expect(ExpectedCount.once(), action("db", "listTables"))
			.andRespond(failure(new SocketException("Connection reset")));
		assertThatExceptionOfType(FairComTransportException.class)
			.isThrownBy(() -> this.template.execute("db", "listTables", null));
		server().verify();
	}

	@Test
	void withRetriesDisabledFailuresAreFinalButAnExpiredSessionIsReplayedOnce() {
		this.template = builder().retry(FairComRetrySettings.disabled()).build();
		loggedIn("T1");
		server().expect(ExpectedCount.once(), action("db", "listTables"))
			.andRespond(failure(new ConnectException("Connection refused")));
		server().expect(action("db", "listTables")).andRespond(error(12031, "gone"));
		loggedIn("T2");
		server().expect(action("db", "listTables")).andRespond(success("{}"));
		assertThatExceptionOfType(FairComConnectException.class)
			.isThrownBy(() -> this.template.execute("db", "listTables", null));
		this.template.execute("db", "listTables", null);
		server().verify();
		assertThat(this.waits).isEmpty();
	}

	@Test
	void oneAttemptAlsoStopsTheReplay() {
		this.template = builder().retry(FairComRetrySettings.builder().maxAttempts(1).build()).build();
		loggedIn("T1");
		server().expect(ExpectedCount.once(), action("db", "listTables")).andRespond(error(12031, "gone"));
		assertThatExceptionOfType(FairComSessionExpiredException.class)
			.isThrownBy(() -> this.template.execute("db", "listTables", null))
			.withMessageContaining("already sent 1 time(s)");
		server().verify();
		assertThat(this.template.getSessionManager().getCurrentSession()).as("the dead session is dropped").isNull();
	}

	@Test
	void backoffThatDoesNotFitTheCallTimeoutEndsTheCall() {
		this.template = builder().callTimeout(Duration.ofMillis(500))
			.retry(FairComRetrySettings.builder().initialBackoff(Duration.ofSeconds(2)).maxBackoff(Duration.ofSeconds(2))
				.build())
			.build();
		loggedIn("T1");
		server().expect(ExpectedCount.once(), action("db", "listTables"))
			.andRespond(failure(new SocketException("Connection reset")));
		assertThatExceptionOfType(FairComTransportException.class)
			.isThrownBy(() -> this.template.execute("db", "listTables", null));
		server().verify();
		assertThat(this.waits).isEmpty();
	}

	@Test
	void aRequestsOwnTimeoutBoundsTheWholeCallRetriesIncluded() {
		this.template = builder().retry(FairComRetrySettings.builder()
			.initialBackoff(Duration.ofSeconds(1))
			.maxBackoff(Duration.ofSeconds(1))
			.build()).jitter(() -> 0.5).build();
		loggedIn("T1");
		server().expect(ExpectedCount.once(), action("db", "listTables"))
			.andRespond(failure(new SocketException("Connection reset")));
		server().expect(action("db", "listTables")).andRespond(failure(new SocketException("Connection reset")));
		server().expect(action("db", "listTables")).andRespond(success("{}"));
		FairComRequest quick = FairComRequest.builder("listTables").api("db").timeout(Duration.ofMillis(400)).build();
		assertThatExceptionOfType(FairComTransportException.class).isThrownBy(() -> this.template.execute(quick));
		assertThat(this.waits).as("a 500 ms wait does not fit a 400 ms call").isEmpty();
		this.template.execute(FairComRequest.builder("listTables").api("db").build());
		assertThat(this.waits).as("the template's 60 s call timeout leaves room").hasSize(1);
		server().verify();
	}

	@Test
	void readTimeoutIsRetriedButTheCallTimeoutIsNot() {
		this.template = builder().build();
		loggedIn("T1");
		server().expect(action("db", "listTables")).andRespond(failure(new SocketTimeoutException("Read timed out")));
		server().expect(action("db", "listTables")).andRespond(success("{}"));
		this.template.execute("db", "listTables", null);
		server().verify();
		assertThat(new FairComTimeoutException("x", FairComTimeoutException.Type.CALL, "db", "listTables", "1", null)
			.getFailureKind()).isEqualTo(io.github.faircomclient.FairComFailureKind.CALL_TIMEOUT);
		assertThat(new FairComTimeoutException("x", FairComTimeoutException.Type.CONNECTION_POOL, "db", "listTables",
				"1", null).getFailureKind()).isEqualTo(io.github.faircomclient.FairComFailureKind.POOL_TIMEOUT);
		assertThat(new FairComTimeoutException("x", FairComTimeoutException.Type.CONNECT, "db", "listTables", "1",
				null).getFailureKind()).isEqualTo(io.github.faircomclient.FairComFailureKind.NOT_SENT);
	}

	@Test
	void interruptDuringTheBackoffEndsTheCallWithTheFailure() {
		this.template = builder().backoffSleeper((duration) -> {
			throw new InterruptedException();
		}).build();
		loggedIn("T1");
		server().expect(ExpectedCount.once(), action("db", "listTables"))
			.andRespond(failure(new SocketException("Connection reset")));
		try {
			assertThatExceptionOfType(FairComTransportException.class)
				.isThrownBy(() -> this.template.execute("db", "listTables", null))
				.satisfies((ex) -> assertThat(ex.getSuppressed()).hasAtLeastOneElementOfType(InterruptedException.class));
			assertThat(Thread.currentThread().isInterrupted()).isTrue();
		}
		finally {
			Thread.interrupted();
		}
	}

	@Test
	void everyFailureReachingTheCallerIsAFairComException() {
		this.template = builder().build();
		loggedIn("T1");
		server().expect(ExpectedCount.manyTimes(), action("db", "listTables")).andRespond((request) -> {
			throw new IllegalStateException("Connection pool shut down");
		});
		assertThatExceptionOfType(FairComException.class)
			.isThrownBy(() -> this.template.execute(FairComRequest.builder("listTables").api("db").build()))
			.satisfies((ex) -> assertThat(ex).isInstanceOf(FairComTransportException.class));
	}

	private static ResponseCreator busy(int status, String retryAfter) {
		return (request) -> MockRestResponseCreators.withStatus(HttpStatus.valueOf(status))
			.contentType(MediaType.TEXT_PLAIN)
			.header("Retry-After", retryAfter)
			.body("slow down")
			.createResponse(request);
	}

}
