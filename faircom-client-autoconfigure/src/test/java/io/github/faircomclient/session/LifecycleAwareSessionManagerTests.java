package io.github.faircomclient.session;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.context.ApplicationEvent;

import io.github.faircomclient.FairComAuthenticationException;
import io.github.faircomclient.FairComClientClosedException;
import io.github.faircomclient.FairComConnectException;
import io.github.faircomclient.FairComTimeoutException;
import io.github.faircomclient.core.FairComRequest;
import io.github.faircomclient.core.FairComResponse;
import io.github.faircomclient.core.TestResponses;
import io.github.faircomclient.testsupport.DrivenTaskScheduler;
import io.github.faircomclient.testsupport.MutableClock;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link LifecycleAwareSessionManager}, with a fake session client and a driven
 * scheduler instead of sleeps.
 */
class LifecycleAwareSessionManagerTests {

	private static final Duration TIME = Duration.ofSeconds(30);

	private final MutableClock clock = new MutableClock();

	private final DrivenTaskScheduler scheduler = new DrivenTaskScheduler(this.clock);

	private final FakeClient client = new FakeClient();

	private final List<ApplicationEvent> events = new CopyOnWriteArrayList<>();

	private LifecycleAwareSessionManager manager(FairComAuthentication authentication, boolean keepalive) {
		return new LifecycleAwareSessionManager(authentication, this.client, FairComSessionSettings.defaults(),
				this.scheduler, this.clock, keepalive, Duration.ofSeconds(5), this.events::add);
	}

	private LifecycleAwareSessionManager manager() {
		return manager(new PasswordAuthentication("app", "secret"), true);
	}

	@Test
	void concurrentCallersShareOneLogin() throws Exception {
		int threads = 32;
		LifecycleAwareSessionManager manager = manager();
		Set<Thread> callers = ConcurrentHashMap.newKeySet();
		this.client.beforeLogin = () -> awaitOthersWaitingForLogin(callers, threads - 1);
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			List<Future<FairComSession>> sessions = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				sessions.add(executor.submit(() -> {
					callers.add(Thread.currentThread());
					return manager.getSession(TIME);
				}));
			}
			FairComSession first = sessions.get(0).get(30, TimeUnit.SECONDS);
			for (Future<FairComSession> session : sessions) {
				assertThat(session.get(30, TimeUnit.SECONDS)).isSameAs(first);
			}
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(this.client.logins.get()).as("31 callers were waiting while the one login ran").isOne();
	}

	@Test
	void expiryDropsOnlyTheReportedSession() {
		LifecycleAwareSessionManager manager = manager();
		FairComSession first = manager.getSession(TIME);
		assertThat(manager.sessionExpired(first)).isTrue();
		FairComSession second = manager.getSession(TIME);
		assertThat(second).isNotSameAs(first);
		assertThat(manager.sessionExpired(first)).isFalse();
		assertThat(manager.getCurrentSession()).isSameAs(second);
		assertThat(this.client.logins.get()).isEqualTo(2);
		assertThat(this.events).hasSize(3);
		assertThat(((FairComSessionCreatedEvent) this.events.get(2)).getReplaced()).isSameAs(first);
	}

	@Test
	void isCurrentNeverLogsInAndCountsAsUse() {
		this.client.idleTimeout = Duration.ofSeconds(60);
		LifecycleAwareSessionManager manager = manager();
		FairComSession first = manager.getSession(TIME);
		this.scheduler.advance(Duration.ofSeconds(20));
		assertThat(manager.isCurrent(first)).isTrue();
		this.scheduler.advance(Duration.ofSeconds(20));
		assertThat(this.client.pings.get()).as("used 20 s ago: not idle long enough for a keepalive").isZero();
		this.scheduler.advance(Duration.ofSeconds(10));
		assertThat(this.client.pings.get()).isOne();
		manager.sessionExpired(first);
		assertThat(manager.isCurrent(first)).isFalse();
		FairComSession second = manager.getSession(TIME);
		assertThat(manager.isCurrent(first)).isFalse();
		assertThat(manager.isCurrent(second)).isTrue();
		manager.close();
		assertThat(manager.isCurrent(second)).isFalse();
		assertThat(this.client.logins.get()).isEqualTo(2);
	}

	@Test
	void loginFailureIsPublishedAndNotRetried() {
		this.client.refuse = true;
		LifecycleAwareSessionManager manager = manager();
		assertThatExceptionOfType(FairComAuthenticationException.class).isThrownBy(() -> manager.getSession(TIME));
		assertThat(this.client.logins.get()).isOne();
		assertThat(this.events).singleElement().isInstanceOf(FairComLoginFailedEvent.class);
		assertThat(manager.getCurrentSession()).isNull();
	}

	/**
	 * 32 threads need a session and the login is refused: the one login attempt's failure
	 * reaches every thread that waited for it (the attempt waits until the 31 others are
	 * parked on the login lock), so there is one {@code createSession}, not 32.
	 */
	@Test
	void callersThatWaitedForAFailedLoginShareItsFailure() throws Exception {
		int threads = 32;
		LifecycleAwareSessionManager manager = manager();
		this.client.refuse = true;
		Set<Thread> callers = ConcurrentHashMap.newKeySet();
		this.client.beforeLogin = () -> {
			if (this.client.logins.get() == 1) {
				awaitOthersWaitingForLogin(callers, threads - 1);
			}
		};
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		List<Throwable> failures = new ArrayList<>();
		try {
			List<Future<?>> calls = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				calls.add(executor.submit(() -> {
					callers.add(Thread.currentThread());
					return manager.getSession(TIME);
				}));
			}
			for (Future<?> call : calls) {
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
		assertThat(this.client.logins.get()).isOne();
		assertThat(failures).hasSize(threads).allSatisfy((failure) -> assertThat(failure)
			.isExactlyInstanceOf(FairComAuthenticationException.class)
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("secret")));
		FairComAuthenticationException original = (FairComAuthenticationException) failures.stream()
			.filter((failure) -> failure.getCause() == null)
			.findFirst()
			.orElseThrow();
		assertThat(failures).filteredOn((failure) -> failure != original)
			.hasSize(threads - 1)
			.allSatisfy((shared) -> assertThat(shared).hasCause(original)
				.hasMessageEndingWith("(this call waited for that login attempt and shares its failure)"));
		assertThat(this.events).singleElement().isInstanceOf(FairComLoginFailedEvent.class);
		assertThat(manager.getLastLogin().failure()).isSameAs(original);
		this.client.beforeLogin = null;
		this.client.refuse = false;
		assertThat(manager.getSession(TIME)).as("a later call tries again").isNotNull();
		assertThat(this.client.logins.get()).isEqualTo(2);
	}

	@Test
	void aCallAfterAFailedLoginTriesAgain() {
		LifecycleAwareSessionManager manager = manager();
		this.client.failure = () -> new FairComConnectException("down", "admin", "createSession", "r", null);
		assertThatExceptionOfType(FairComConnectException.class).isThrownBy(() -> manager.getSession(TIME))
			.satisfies((ex) -> assertThat(ex.getCause()).isNull());
		assertThatExceptionOfType(FairComConnectException.class).isThrownBy(() -> manager.getSession(TIME))
			.satisfies((ex) -> assertThat(ex.getCause()).as("its own attempt, not a shared one").isNull());
		this.client.failure = null;
		assertThat(manager.getSession(TIME)).isNotNull();
		assertThat(this.client.logins.get()).isEqualTo(3);
	}

	@Test
	void aLoginThatRanOutOfItsCallsTimeIsNotSharedWithTheCallersThatWaited() throws Exception {
		LifecycleAwareSessionManager manager = manager();
		Set<Thread> callers = ConcurrentHashMap.newKeySet();
		this.client.failure = () -> (this.client.logins.get() == 1) ? new FairComTimeoutException("out of time",
				FairComTimeoutException.Type.CALL, "admin", "createSession", "r", null) : null;
		this.client.beforeLogin = () -> {
			if (this.client.logins.get() == 1) {
				awaitOthersWaitingForLogin(callers, 1);
			}
		};
		ExecutorService executor = Executors.newFixedThreadPool(2);
		List<Object> outcomes = new ArrayList<>();
		try {
			List<Future<FairComSession>> calls = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				calls.add(executor.submit(() -> {
					callers.add(Thread.currentThread());
					return manager.getSession(TIME);
				}));
			}
			for (Future<FairComSession> call : calls) {
				try {
					outcomes.add(call.get(30, TimeUnit.SECONDS));
				}
				catch (ExecutionException ex) {
					outcomes.add(ex.getCause());
				}
			}
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(this.client.logins.get()).as("the waiting caller logged in itself").isEqualTo(2);
		assertThat(outcomes).hasOnlyElementsOfTypes(FairComTimeoutException.class, FairComSession.class)
			.hasAtLeastOneElementOfType(FairComTimeoutException.class)
			.hasAtLeastOneElementOfType(FairComSession.class);
	}

	/**
	 * Wait, in the thread that logs in, until the given number of other callers are waiting
	 * for its outcome inside {@code getSession(Duration)}.
	 */
	private static void awaitOthersWaitingForLogin(Set<Thread> callers, int others) {
		Thread self = Thread.currentThread();
		await().atMost(Duration.ofSeconds(20))
			.until(() -> callers.stream().filter((caller) -> caller != self).filter((caller) -> {
				if (caller.getState() != Thread.State.WAITING && caller.getState() != Thread.State.TIMED_WAITING) {
					return false;
				}
				for (StackTraceElement frame : caller.getStackTrace()) {
					if (frame.getClassName().equals(LifecycleAwareSessionManager.class.getName())
							&& frame.getMethodName().equals("awaitLogin")) {
						return true;
					}
				}
				return false;
			}).count() == others);
	}

	@Test
	void lastLoginTellsWhenAndHowTheLatestLoginEnded() {
		LifecycleAwareSessionManager manager = manager();
		assertThat(manager.getLastLogin()).as("nothing before the first login").isNull();
		this.client.refuse = true;
		this.clock.advance(Duration.ofSeconds(5));
		assertThatExceptionOfType(FairComAuthenticationException.class).isThrownBy(() -> manager.getSession(TIME));
		FairComLoginAttempt failed = manager.getLastLogin();
		assertThat(failed.isSuccessful()).isFalse();
		assertThat(failed.failure()).isInstanceOf(FairComAuthenticationException.class);
		assertThat(failed.time()).isEqualTo(this.clock.instant());
		assertThat(failed.replacement()).isFalse();
		this.client.refuse = false;
		this.clock.advance(Duration.ofSeconds(5));
		FairComSession session = manager.getSession(TIME);
		assertThat(manager.getLastLogin()).isEqualTo(new FairComLoginAttempt(this.clock.instant(), false, null));
		manager.sessionExpired(session);
		manager.getSession(TIME);
		assertThat(manager.getLastLogin().replacement()).isTrue();
		assertThat(manager.getLastLogin().isSuccessful()).isTrue();
	}

	@Test
	void keepalivePingsOnlyAfterHalfTheIdleTimeoutWithoutUse() {
		this.client.idleTimeout = Duration.ofSeconds(60);
		LifecycleAwareSessionManager manager = manager();
		Instant start = this.clock.instant();
		manager.getSession(TIME);
		assertThat(this.scheduler.pending()).containsExactly(start.plusSeconds(30));
		this.scheduler.advance(Duration.ofSeconds(20));
		manager.getSession(TIME);
		this.scheduler.advance(Duration.ofSeconds(20));
		assertThat(this.client.pings.get()).as("used 20 s ago, not idle long enough").isZero();
		this.scheduler.advance(Duration.ofSeconds(10));
		assertThat(this.client.pings.get()).isOne();
		this.scheduler.advance(Duration.ofSeconds(30));
		assertThat(this.client.pings.get()).isEqualTo(2);
		this.scheduler.advance(Duration.ofMinutes(10));
		assertThat(this.client.pings.get()).isEqualTo(22);
		assertThat(this.client.logins.get()).isOne();
	}

	@Test
	void keepaliveThatFindsTheSessionGoneDropsItAndTheNextCallLogsIn() {
		this.client.idleTimeout = Duration.ofSeconds(60);
		LifecycleAwareSessionManager manager = manager();
		FairComSession first = manager.getSession(TIME);
		this.client.alive = false;
		this.scheduler.advance(Duration.ofSeconds(30));
		assertThat(this.client.pings.get()).isOne();
		assertThat(manager.getCurrentSession()).isNull();
		assertThat(this.scheduler.pending()).isEmpty();
		assertThat(this.events).last().isInstanceOf(FairComSessionExpiredEvent.class);
		this.client.alive = true;
		assertThat(manager.getSession(TIME)).isNotSameAs(first);
		assertThat(this.client.logins.get()).isEqualTo(2);
	}

	@Test
	void failingKeepaliveKeepsTheSessionAndTriesAgain() {
		this.client.idleTimeout = Duration.ofSeconds(60);
		LifecycleAwareSessionManager manager = manager();
		FairComSession session = manager.getSession(TIME);
		this.client.pingFailure = true;
		this.scheduler.advance(Duration.ofSeconds(30));
		assertThat(manager.getCurrentSession()).isSameAs(session);
		this.client.pingFailure = false;
		this.scheduler.advance(Duration.ofSeconds(30));
		assertThat(this.client.pings.get()).isEqualTo(2);
		assertThat(manager.getCurrentSession()).isSameAs(session);
	}

	@Test
	void noKeepaliveWhenSwitchedOffForZeroIdleTimeoutOrPermanentTokens() {
		manager(new PasswordAuthentication("app", "secret"), false).getSession(TIME);
		this.client.idleTimeout = Duration.ZERO;
		manager().getSession(TIME);
		manager(new TokenAuthentication("PERMANENT"), true).getSession(TIME);
		assertThat(this.scheduler.pending()).isEmpty();
		this.scheduler.advance(Duration.ofDays(1));
		assertThat(this.client.pings.get()).isZero();
	}

	@Test
	void closeStopsKeepaliveDeletesOnceAndRefusesLaterLogins() {
		this.client.idleTimeout = Duration.ofSeconds(60);
		LifecycleAwareSessionManager manager = manager();
		FairComSession session = manager.getSession(TIME);
		manager.close();
		manager.close();
		assertThat(this.client.deleted).containsExactly(session);
		assertThat(this.scheduler.pending()).isEmpty();
		this.scheduler.advance(Duration.ofHours(1));
		assertThat(this.client.pings.get()).isZero();
		assertThatExceptionOfType(FairComClientClosedException.class).isThrownBy(() -> manager.getSession(TIME));
		assertThat(this.client.logins.get()).isOne();
		assertThat(this.events).last().isInstanceOf(FairComSessionDeletedEvent.class);
	}

	@Test
	void closeNeverDeletesAPermanentToken() {
		LifecycleAwareSessionManager manager = manager(new TokenAuthentication("PERMANENT"), true);
		manager.getSession(TIME);
		manager.close();
		assertThat(this.client.deleted).isEmpty();
	}

	@Test
	void closeSwallowsDeleteFailures() {
		LifecycleAwareSessionManager manager = manager();
		manager.getSession(TIME);
		this.client.deleteFailure = true;
		manager.close();
		assertThat(manager.isClosed()).isTrue();
		assertThat(this.events).noneMatch(FairComSessionDeletedEvent.class::isInstance);
	}

	@Test
	void failingListenerDoesNotBreakTheSessionManager() {
		LifecycleAwareSessionManager manager = new LifecycleAwareSessionManager(
				new PasswordAuthentication("app", "secret"), this.client, FairComSessionSettings.defaults(),
				this.scheduler, this.clock, true, Duration.ofSeconds(5), (event) -> {
					throw new IllegalStateException("listener");
				});
		assertThat(manager.getSession(TIME)).isNotNull();
	}

	@Test
	void closeDuringALoginReturnsAtOnceAndTheLoginDeletesTheSessionItGetsAfterwards() throws Exception {
		LifecycleAwareSessionManager manager = manager();
		java.util.concurrent.CountDownLatch loginStarted = new java.util.concurrent.CountDownLatch(1);
		java.util.concurrent.CountDownLatch answer = new java.util.concurrent.CountDownLatch(1);
		this.client.beforeLogin = () -> {
			loginStarted.countDown();
			try {
				answer.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		};
		ExecutorService executor = Executors.newFixedThreadPool(2);
		try {
			Future<FairComSession> caller = executor.submit(() -> manager.getSession(TIME));
			assertThat(loginStarted.await(10, TimeUnit.SECONDS)).isTrue();
			Future<?> closing = executor.submit(manager::close);
			closing.get(5, TimeUnit.SECONDS);
			assertThat(caller.isDone()).as("the login is still waiting for its answer").isFalse();
			answer.countDown();
			assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> caller.get(10, TimeUnit.SECONDS))
				.withCauseInstanceOf(FairComClientClosedException.class);
		}
		finally {
			answer.countDown();
			executor.shutdownNow();
		}
		assertThat(this.client.deleted).as("the session the late login got").hasSize(1);
		assertThat(this.client.deletedOutsidePool).containsExactly(true);
		assertThat(manager.getCurrentSession()).isNull();
	}

	@Test
	void sessionsRefusedRightAfterTheirCreationPauseLoginsForEveryCaller() {
		LifecycleAwareSessionManager manager = manager();
		FairComSession first = manager.getSession(TIME);
		this.clock.advance(Duration.ofMillis(5));
		manager.sessionExpired(first);
		FairComSession second = manager.getSession(TIME);
		this.clock.advance(Duration.ofMillis(5));
		manager.sessionExpired(second);
		assertThat(this.client.logins.get()).isEqualTo(2);
		assertThatExceptionOfType(io.github.faircomclient.FairComSessionExpiredException.class)
			.isThrownBy(() -> manager.getSession(TIME))
			.withMessageContaining("reported 2 new sessions in a row gone before it accepted a call on them")
			.withMessageContaining("logins are paused for another 1000 ms")
			.withMessageContaining("load balancer without session affinity")
			.satisfies((ex) -> assertThat(ex.getFailureKind())
				.isEqualTo(io.github.faircomclient.FairComFailureKind.SESSION_EXPIRED));
		assertThat(this.client.logins.get()).as("no login while paused").isEqualTo(2);
		this.scheduler.advance(Duration.ofSeconds(1));
		assertThat(this.client.deleted).as("the refused sessions are deleted").containsExactly(first, second);
		FairComSession third = manager.getSession(TIME);
		manager.sessionExpired(third);
		assertThatExceptionOfType(io.github.faircomclient.FairComSessionExpiredException.class)
			.isThrownBy(() -> manager.getSession(TIME))
			.withMessageContaining("logins are paused for another 2000 ms");
		this.scheduler.advance(Duration.ofSeconds(2));
		FairComSession fourth = manager.getSession(TIME);
		manager.sessionAccepted(fourth);
		manager.sessionExpired(fourth);
		assertThat(manager.getSession(TIME)).as("a session that worked ends the pause").isNotNull();
		assertThat(this.client.logins.get()).isEqualTo(5);
	}

	@Test
	void aListenerThatUsesTheManagerWhenASessionIsCreatedDoesNotDeadlock() {
		List<FairComSession> seen = new CopyOnWriteArrayList<>();
		LifecycleAwareSessionManager[] holder = new LifecycleAwareSessionManager[1];
		LifecycleAwareSessionManager manager = new LifecycleAwareSessionManager(
				new PasswordAuthentication("app", "secret"), this.client, FairComSessionSettings.defaults(),
				this.scheduler, this.clock, true, Duration.ofSeconds(5), (event) -> {
					if (event instanceof FairComSessionCreatedEvent) {
						seen.add(holder[0].getSession(TIME));
					}
				});
		holder[0] = manager;
		FairComSession session = manager.getSession(TIME);
		assertThat(seen).containsExactly(session);
		assertThat(this.client.logins.get()).isOne();
	}

	@Test
	void toStringsHideSecrets() {
		assertThat(new PasswordAuthentication("app", "secret")).hasToString(
				"PasswordAuthentication[username=app, password=******]");
		assertThat(new TokenAuthentication("PERMANENT").toString()).doesNotContain("PERMANENT");
		assertThat(new FairComSession("VERYSECRET", "app", Duration.ZERO, Instant.EPOCH, false, true).toString())
			.doesNotContain("VERYSECRET");
	}

	static final class FakeClient implements FairComSessionClient {

		final AtomicInteger logins = new AtomicInteger();

		final AtomicInteger pings = new AtomicInteger();

		final List<FairComSession> deleted = new CopyOnWriteArrayList<>();

		final List<Boolean> deletedOutsidePool = new CopyOnWriteArrayList<>();

		volatile @Nullable Runnable beforeLogin;

		volatile @Nullable Supplier<@Nullable RuntimeException> failure;

		volatile Duration idleTimeout = Duration.ofHours(1);

		volatile boolean refuse;

		volatile boolean alive = true;

		volatile boolean pingFailure;

		volatile boolean deleteFailure;

		@Override
		public FairComResponse send(FairComRequest request, @Nullable FairComSession session, Duration timeout) {
			return switch (request.action()) {
				case "createSession" -> createSession((JsonNode) request.params());
				case "pingSession" -> pingSession();
				case "deleteSession" -> deleteSession(session, false);
				default -> throw new IllegalStateException(request.action());
			};
		}

		@Override
		public FairComResponse sendOutsidePool(FairComRequest request, @Nullable FairComSession session,
				Duration timeout) {
			assertThat(request.action()).isEqualTo("deleteSession");
			return deleteSession(session, true);
		}

		private FairComResponse createSession(JsonNode params) {
			int login = this.logins.incrementAndGet();
			Runnable before = this.beforeLogin;
			if (before != null) {
				before.run();
			}
			Supplier<@Nullable RuntimeException> failure = this.failure;
			RuntimeException failed = (failure != null) ? failure.get() : null;
			if (failed != null) {
				throw failed;
			}
			if (this.refuse) {
				return answer("createSession", "{\"errorCode\":12010,\"errorMessage\":\"no\"}");
			}
			return answer("createSession", "{\"errorCode\":0,\"result\":{\"authToken\":\"T" + login
					+ "\",\"username\":\"" + params.path("username").asString("") + "\",\"idleConnectionTimeoutSeconds\":"
					+ this.idleTimeout.toSeconds() + "}}");
		}

		private FairComResponse pingSession() {
			this.pings.incrementAndGet();
			if (this.pingFailure) {
				throw new FairComConnectException("down", "admin", "pingSession", "r", null);
			}
			return answer("pingSession", (this.alive) ? "{\"errorCode\":0}" : "{\"errorCode\":12031}");
		}

		private FairComResponse deleteSession(@Nullable FairComSession session, boolean outsidePool) {
			if (this.deleteFailure) {
				throw new FairComConnectException("down", "admin", "deleteSession", "r", null);
			}
			this.deleted.add(session);
			this.deletedOutsidePool.add(outsidePool);
			return answer("deleteSession", "{\"errorCode\":0}");
		}

		private static FairComResponse answer(String action, String body) {
			return TestResponses.decode("admin", action, "r", body, null);
		}

	}

}
