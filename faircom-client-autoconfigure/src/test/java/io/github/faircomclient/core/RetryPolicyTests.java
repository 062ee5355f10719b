package io.github.faircomclient.core;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.faircomclient.FairComConfigurationException;
import io.github.faircomclient.FairComException;
import io.github.faircomclient.FairComFailureKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for the retry table ({@link RetrySafety}), {@link RetryAfter} and
 * {@link FairComRetrySettings}.
 */
class RetryPolicyTests {

	private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

	private final FairComWireFormat wire = new FairComWireFormat();

	private final List<Duration> waits = new ArrayList<>();

	private final RetryPolicy policy = new RetryPolicy(FairComRetrySettings.defaults(), this.waits::add, () -> 0.5);

	private Call call(String api, String action, Map<String, Object> params, boolean idempotent) {
		FairComRequest request = FairComRequest.builder(action).api(api).params(params).idempotent(idempotent).build();
		return new Call(request, this.wire, Duration.ofSeconds(60));
	}

	private RetrySafety safety(String api, String action, Map<String, Object> params) {
		return call(api, action, params, false).safety();
	}

	private boolean retried(Call call, FairComFailureKind kind) {
		call.startAttempt();
		try {
			this.policy.retryOrThrow(call, new FairComException("failed", kind, call.request().api(),
					call.request().action(), "r", null));
			return true;
		}
		catch (FairComException ex) {
			return false;
		}
	}

	@Test
	void plainReadsAreSafe() {
		for (String action : new String[] { "pingSession", "listSessions", "describeSessions", "listServices" }) {
			assertThat(safety("admin", action, Map.of())).as(action).isEqualTo(RetrySafety.SAFE);
		}
		for (String action : new String[] { "listDatabases", "listTables", "describeTables", "listIndexes",
				"getRecordsByIds", "getRecordsByTable", "getRecordsByIndex", "getRecordsStartingAtKey",
				"getRecordsInKeyRange", "getRecordsByPartialKeyRange", "getRecordsUsingSQL", "closeCursor" }) {
			assertThat(safety("db", action, Map.of())).as(action).isEqualTo(RetrySafety.SAFE);
		}
		assertThat(safety("DB", "GETRECORDSUSINGSQL", Map.of())).isEqualTo(RetrySafety.SAFE);
		assertThat(safety(null, "listTables", Map.of())).isEqualTo(RetrySafety.SAFE);
	}

	@Test
	void cursorsAndSessionActionsAreNeverRetried() {
		assertThat(safety("db", "getRecordsFromCursor", Map.of("cursorId", "C"))).isEqualTo(RetrySafety.NEVER);
		assertThat(safety("db", "getRecordsUsingSQL", Map.of("sql", "select 1", "returnCursor", true)))
			.isEqualTo(RetrySafety.NEVER);
		assertThat(safety("db", "getRecordsByTable", Map.of("returnCursor", "true"))).isEqualTo(RetrySafety.NEVER);
		assertThat(safety("db", "getRecordsByTable", Map.of("returnCursor", false))).isEqualTo(RetrySafety.SAFE);
		assertThat(safety("admin", "createSession", Map.of())).isEqualTo(RetrySafety.NEVER);
		assertThat(safety("admin", "deleteSession", Map.of())).isEqualTo(RetrySafety.NEVER);
		assertThat(safety(null, "deleteSession", Map.of())).isEqualTo(RetrySafety.NEVER);
	}

	@Test
	void writesDdlAndUnknownActionsNeedTheCallersWord() {
		for (String action : new String[] { "insertRecords", "updateRecords", "deleteRecords", "createTable",
				"alterTable", "rebuildTables", "rebuildIndexes", "deleteTables", "createIndex", "runSqlStatements",
				"createTransaction", "commitTransaction" }) {
			assertThat(safety("db", action, Map.of())).as(action).isEqualTo(RetrySafety.ON_REQUEST);
		}
		assertThat(safety("admin", "alterSession", Map.of())).isEqualTo(RetrySafety.ON_REQUEST);
		assertThat(safety("hub", "listIntegrationTables", Map.of())).isEqualTo(RetrySafety.ON_REQUEST);
		assertThat(safety("db", "someFutureAction", Map.of())).isEqualTo(RetrySafety.ON_REQUEST);
	}

	@Test
	void accountAndServiceReadsAreSafeAndTheirChangesNeedTheCallersWord() {
		for (String action : new String[] { "listAccounts", "describeAccounts", "listServices" }) {
			assertThat(safety("admin", action, Map.of())).as(action).isEqualTo(RetrySafety.SAFE);
			assertThat(safety(null, action.toUpperCase(Locale.ROOT), Map.of())).as(action)
				.isEqualTo(RetrySafety.SAFE);
		}
		for (String action : new String[] { "createAccount", "alterAccount", "dropAccounts", "cloneAccount",
				"assignRolesToAccounts", "manageService" }) {
			assertThat(safety("admin", action, Map.of())).as(action).isEqualTo(RetrySafety.ON_REQUEST);
		}
		assertThat(retried(call("admin", "listAccounts", Map.of(), false), FairComFailureKind.ANSWER_LOST)).isTrue();
		assertThat(retried(call("admin", "createAccount", Map.of("username", "u"), false),
				FairComFailureKind.ANSWER_LOST))
			.isFalse();
		assertThat(retried(call("admin", "createAccount", Map.of("username", "u"), false),
				FairComFailureKind.NOT_SENT))
			.isTrue();
	}

	@Test
	void theKindOfFailureDecidesTogetherWithTheSafety() {
		assertThat(retried(call("db", "listTables", Map.of(), false), FairComFailureKind.ANSWER_LOST)).isTrue();
		assertThat(retried(call("db", "insertRecords", Map.of(), false), FairComFailureKind.ANSWER_LOST)).isFalse();
		assertThat(retried(call("db", "insertRecords", Map.of(), true), FairComFailureKind.ANSWER_LOST)).isTrue();
		assertThat(retried(call("db", "insertRecords", Map.of(), false), FairComFailureKind.NOT_SENT)).isTrue();
		assertThat(retried(call("db", "insertRecords", Map.of(), false), FairComFailureKind.NOT_PROCESSED)).isTrue();
		assertThat(retried(call("admin", "deleteSession", Map.of(), true), FairComFailureKind.NOT_SENT)).isFalse();
		assertThat(retried(call("db", "getRecordsFromCursor", Map.of(), true), FairComFailureKind.ANSWER_LOST))
			.isFalse();
		for (FairComFailureKind kind : List.of(FairComFailureKind.CALL_TIMEOUT, FairComFailureKind.POOL_TIMEOUT,
				FairComFailureKind.TLS, FairComFailureKind.INTERRUPTED, FairComFailureKind.CLIENT_CLOSED,
				FairComFailureKind.INVALID_ANSWER, FairComFailureKind.ACTION_FAILED, FairComFailureKind.AUTHENTICATION,
				FairComFailureKind.SESSION_EXPIRED, FairComFailureKind.CLIENT)) {
			assertThat(retried(call("db", "listTables", Map.of(), true), kind)).as(kind.name()).isFalse();
		}
		assertThat(this.waits).as("half the first backoff bound, once per retry").hasSize(4)
			.containsOnly(Duration.ofMillis(50));
	}

	@Test
	void retryAfterInSeconds() {
		assertThat(RetryAfter.parse("120", NOW)).isEqualTo(Duration.ofSeconds(120));
		assertThat(RetryAfter.parse(" 0 ", NOW)).isEqualTo(Duration.ZERO);
		assertThat(RetryAfter.parse("99999999999999999999999", NOW)).isEqualTo(Duration.ofDays(365));
	}

	@Test
	void retryAfterAsAnHttpDate() {
		assertThat(RetryAfter.parse("Mon, 23 Nov 2026 10:00:30 GMT", NOW)).isEqualTo(Duration.ofSeconds(30));
		assertThat(RetryAfter.parse("Mon, 23 Nov 2026 09:00:00 GMT", NOW)).isEqualTo(Duration.ZERO);
	}

	@Test
	void unreadableRetryAfterCountsAsAbsent() {
		assertThat(RetryAfter.parse(null, NOW)).isNull();
		assertThat(RetryAfter.parse("", NOW)).isNull();
		assertThat(RetryAfter.parse("-5", NOW)).isNull();
		assertThat(RetryAfter.parse("1.5", NOW)).isNull();
		assertThat(RetryAfter.parse("tomorrow", NOW)).isNull();
	}

	@Test
	void defaultSettings() {
		FairComRetrySettings settings = FairComRetrySettings.defaults();
		assertThat(settings.isEnabled()).isTrue();
		assertThat(settings.getMaxAttempts()).isEqualTo(3);
		assertThat(settings.backoffBound(1)).isEqualTo(Duration.ofMillis(100));
		assertThat(settings.backoffBound(2)).isEqualTo(Duration.ofMillis(200));
		assertThat(settings.backoffBound(6)).isEqualTo(Duration.ofSeconds(2));
		assertThat(settings.backoffBound(10_000)).isEqualTo(Duration.ofSeconds(2));
		assertThat(settings.getMaxRetryAfter()).isEqualTo(Duration.ofSeconds(10));
		assertThat(FairComRetrySettings.disabled().getEffectiveMaxAttempts()).isEqualTo(2);
	}

	@Test
	void invalidSettingsAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> FairComRetrySettings.builder().maxAttempts(0));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> FairComRetrySettings.builder().initialBackoff(Duration.ZERO));
		assertThatIllegalArgumentException().isThrownBy(() -> FairComRetrySettings.builder().multiplier(0.5));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> FairComRetrySettings.builder().maxRetryAfter(Duration.ofSeconds(-1)));
		assertThatExceptionOfType(FairComConfigurationException.class).isThrownBy(() -> FairComRetrySettings.builder()
			.initialBackoff(Duration.ofSeconds(5))
			.maxBackoff(Duration.ofSeconds(1))
			.build())
			.withMessage("Invalid FairCom setting faircom.retry.max-backoff=1s: it is below "
					+ "faircom.retry.initial-backoff (5s). Raise faircom.retry.max-backoff or lower "
					+ "faircom.retry.initial-backoff.");
	}

}
