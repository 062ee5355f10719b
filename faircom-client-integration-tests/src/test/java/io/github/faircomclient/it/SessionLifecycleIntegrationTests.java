package io.github.faircomclient.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.github.faircomclient.FairComAuthenticationException;
import io.github.faircomclient.FairComClientClosedException;
import io.github.faircomclient.FairComSessionExpiredException;
import io.github.faircomclient.FairComTransportException;
import io.github.faircomclient.core.FairComResponse;
import io.github.faircomclient.core.FairComTemplate;
import io.github.faircomclient.session.FairComAuthentication;
import io.github.faircomclient.session.LifecycleAwareSessionManager;
import io.github.faircomclient.session.PasswordAuthentication;
import io.github.faircomclient.test.CompatibilityProfile;
import io.github.faircomclient.test.FairComEmulator;
import io.github.faircomclient.test.Fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Password login, expiry recovery and shutdown of {@link FairComTemplate} against the
 * emulator over HTTP, in every compatibility profile.
 */
class SessionLifecycleIntegrationTests {

	private FairComEmulator emulator;

	private FairComTemplate template;

	@AfterEach
	void stop() {
		if (this.template != null) {
			this.template.destroy();
		}
		if (this.emulator != null) {
			this.emulator.stop();
		}
	}

	private void start(CompatibilityProfile profile) {
		this.emulator = FairComEmulator.builder().httpPort(0).user("app", "secret").profile(profile).build().start();
		this.template = FairComTemplate.builder().url(this.emulator.httpUrl()).credentials("app", "secret").build();
	}

	@ParameterizedTest
	@ValueSource(strings = { "newest", "older", "unauthorized_401", "legacy" })
	void logsInRecoversFromExpiryOnceAndLogsOutOnce(String profile) {
		start(CompatibilityProfile.parse(profile));
		FairComResponse first = this.template.execute("admin", "listSessions", null);
		assertThat(first.result().path("sessions").size()).isOne();
		assertThat(this.emulator.actionCount("createSession")).isOne();

		this.emulator.faults().expireAllSessions();
		FairComResponse afterExpiry = this.template.execute("admin", "listSessions", null);
		assertThat(afterExpiry.isSuccess()).isTrue();
		assertThat(this.emulator.actionCount("createSession")).as("one extra login").isEqualTo(2);
		assertThat(this.emulator.actionCount("listSessions")).as("failed call + replay + first").isEqualTo(3);

		this.template.destroy();
		assertThat(this.emulator.actionCount("deleteSession")).isOne();
		assertThat(this.emulator.sessions()).isEmpty();

		long calls = this.emulator.actionCounts().values().stream().mapToLong(Long::longValue).sum();
		assertThatExceptionOfType(FairComClientClosedException.class)
			.isThrownBy(() -> this.template.execute("admin", "listSessions", null));
		assertThat(this.emulator.actionCounts().values().stream().mapToLong(Long::longValue).sum())
			.as("nothing sent after close").isEqualTo(calls);
	}

	@Test
	void thirtyTwoThreadsOnAnExpiredSessionCauseOneLogin() throws Exception {
		start(CompatibilityProfile.NEWEST);
		this.template.execute("admin", "pingSession", null);
		this.emulator.faults().expireAllSessions();
		ExecutorService threads = Executors.newFixedThreadPool(32);
		try {
			CountDownLatch go = new CountDownLatch(1);
			List<Future<FairComResponse>> calls = new ArrayList<>();
			for (int i = 0; i < 32; i++) {
				calls.add(threads.submit(() -> {
					go.await();
					return this.template.execute("admin", "listSessions", null);
				}));
			}
			go.countDown();
			for (Future<FairComResponse> call : calls) {
				assertThat(call.get(30, TimeUnit.SECONDS).isSuccess()).isTrue();
			}
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(this.emulator.actionCount("createSession")).isEqualTo(2);
		assertThat(this.emulator.sessions()).hasSize(1);
	}

	@Test
	void badCredentialsFailAfterExactlyOneCreateSession() {
		this.emulator = FairComEmulator.builder().httpPort(0).user("app", "secret").build().start();
		this.template = FairComTemplate.builder().url(this.emulator.httpUrl()).credentials("app", "wrong").build();
		assertThatExceptionOfType(FairComAuthenticationException.class)
			.isThrownBy(() -> this.template.execute("admin", "listSessions", null))
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("wrong"));
		assertThat(this.emulator.actionCount("createSession")).isOne();
		assertThat(this.emulator.actionCount("listSessions")).isZero();
		assertThat(this.emulator.sessions()).isEmpty();
	}

	/**
	 * 32 threads need a session and the password is wrong: the first login attempt waits
	 * until the 31 others are parked on the login lock, then fails; they are all given its
	 * failure, so the server sees exactly one {@code createSession} with the bad password.
	 */
	@Test
	void thirtyTwoThreadsWithBadCredentialsCauseExactlyOneCreateSession() throws Exception {
		int threads = 32;
		Set<Thread> callers = ConcurrentHashMap.newKeySet();
		this.emulator = FairComEmulator.builder().httpPort(0).user("app", "secret").build().start();
		this.template = FairComTemplate.builder()
			.url(this.emulator.httpUrl())
			.authentication(firstLoginWaitsForTheOthers(new PasswordAuthentication("app", "wrong"), callers,
					threads - 1))
			.maxConnections(threads)
			.build();
		List<Throwable> failures = callConcurrently(threads, callers);
		assertThat(this.emulator.actionCount("createSession")).isOne();
		assertThat(failures).hasSize(threads)
			.allSatisfy((failure) -> assertThat(failure).isExactlyInstanceOf(FairComAuthenticationException.class)
				.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("wrong")));
		assertThat(failures).filteredOn((failure) -> failure.getCause() != null)
			.as("given the failure of the one attempt")
			.hasSize(threads - 1);
		assertThat(this.emulator.actionCount("listSessions")).isZero();
		assertThat(this.emulator.sessions()).isEmpty();
	}

	/**
	 * The first login is lost in transport while eight threads wait for it: all eight fail
	 * with that failure after one {@code createSession}; the next call, with the server
	 * answering again, logs in.
	 */
	@Test
	void aLoginLostInTransportFailsTheWaitingCallsOnceAndTheNextCallLogsIn() throws Exception {
		int threads = 8;
		Set<Thread> callers = ConcurrentHashMap.newKeySet();
		this.emulator = FairComEmulator.builder().httpPort(0).user("app", "secret").build().start();
		this.template = FairComTemplate.builder()
			.url(this.emulator.httpUrl())
			.authentication(firstLoginWaitsForTheOthers(new PasswordAuthentication("app", "secret"), callers,
					threads - 1))
			.build();
		this.emulator.faults().failNext(1, Fault.dropConnection());
		List<Throwable> failures = callConcurrently(threads, callers);
		assertThat(this.emulator.actionCount("createSession")).isOne();
		assertThat(failures).hasSize(threads)
			.allSatisfy((failure) -> assertThat(failure).isExactlyInstanceOf(FairComTransportException.class));
		assertThat(this.template.execute("admin", "listSessions", null).isSuccess()).isTrue();
		assertThat(this.emulator.actionCount("createSession")).as("the next call logs in").isEqualTo(2);
		assertThat(this.emulator.sessions()).hasSize(1);
	}

	private List<Throwable> callConcurrently(int threads, Set<Thread> callers) throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		List<Throwable> failures = new ArrayList<>();
		try {
			List<Future<FairComResponse>> calls = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				calls.add(executor.submit(() -> {
					callers.add(Thread.currentThread());
					return this.template.execute("admin", "listSessions", null);
				}));
			}
			for (Future<FairComResponse> call : calls) {
				try {
					call.get(30, TimeUnit.SECONDS);
				}
				catch (ExecutionException ex) {
					failures.add(ex.getCause());
				}
			}
		}
		finally {
			executor.shutdownNow();
		}
		return failures;
	}

	/**
	 * An authentication whose first login waits until the given number of other callers
	 * are waiting for its outcome in the session manager, so that they all wait for it.
	 */
	private static FairComAuthentication firstLoginWaitsForTheOthers(FairComAuthentication authentication,
			Set<Thread> callers, int others) {
		AtomicInteger logins = new AtomicInteger();
		return (login) -> {
			if (logins.incrementAndGet() == 1) {
				Thread self = Thread.currentThread();
				await().atMost(Duration.ofSeconds(20))
					.until(() -> callers.stream()
						.filter((caller) -> caller != self && (caller.getState() == Thread.State.WAITING
								|| caller.getState() == Thread.State.TIMED_WAITING))
						.filter((caller) -> Arrays.stream(caller.getStackTrace())
							.anyMatch((frame) -> frame.getClassName().equals(LifecycleAwareSessionManager.class.getName())
									&& frame.getMethodName().equals("awaitLogin")))
						.count() == others);
			}
			return authentication.login(login);
		};
	}

	@ParameterizedTest
	@ValueSource(strings = { "cursorId", "transactionId" })
	void callCarryingStateOfAnExpiredSessionIsNotReplayed(String stateParam) {
		start(CompatibilityProfile.NEWEST);
		this.template.execute("admin", "pingSession", null);
		this.emulator.faults().expireAllSessions();
		assertThatExceptionOfType(FairComSessionExpiredException.class).isThrownBy(
				() -> this.template.execute("admin", "listSessions", Map.of(stateParam, "STATE-OF-THE-OLD-SESSION")));
		assertThat(this.emulator.actionCount("listSessions")).as("sent once, not replayed").isOne();
		assertThat(this.emulator.actionCount("createSession")).isOne();
		assertThat(this.template.execute("admin", "listSessions", null).isSuccess()).isTrue();
		assertThat(this.emulator.actionCount("createSession")).as("the next call logs in").isEqualTo(2);
	}

	@Test
	void sessionCarriesTheConfiguredSettings() {
		this.emulator = FairComEmulator.builder().httpPort(0).user("app", "secret").build().start();
		this.template = FairComTemplate.builder()
			.url(this.emulator.httpUrl())
			.credentials("app", "secret")
			.sessionSettings(io.github.faircomclient.session.FairComSessionSettings.builder()
				.description("orders on test")
				.idleTimeout(Duration.ofMinutes(5))
				.cursorIdleTimeout(Duration.ofSeconds(-1))
				.build())
			.build();
		this.template.execute("admin", "pingSession", null);
		assertThat(this.emulator.sessions()).singleElement().satisfies((session) -> {
			assertThat(session.description()).isEqualTo("orders on test");
			assertThat(session.idleConnectionTimeoutSeconds()).isEqualTo(300);
			assertThat(session.idleCursorTimeoutSeconds()).isEqualTo(-1);
		});
		assertThat(this.template.getSessionManager().getCurrentSession().getIdleTimeout())
			.isEqualTo(Duration.ofMinutes(5));
	}

}
