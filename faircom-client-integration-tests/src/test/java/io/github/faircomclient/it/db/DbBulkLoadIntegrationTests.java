package io.github.faircomclient.it.db;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.faircomclient.FairComDuplicateKeyException;
import io.github.faircomclient.FairComFailureKind;
import io.github.faircomclient.core.FairComTemplate;
import io.github.faircomclient.db.BulkOptions;
import io.github.faircomclient.db.BulkProgress;
import io.github.faircomclient.db.BulkResult;
import io.github.faircomclient.db.BulkSettings;
import io.github.faircomclient.db.DbOperations;
import io.github.faircomclient.db.DbSettings;
import io.github.faircomclient.db.FairComBulkLoadException;
import io.github.faircomclient.db.PrimaryKey;
import io.github.faircomclient.it.db.BulkRows.Row;
import io.github.faircomclient.test.FairComEmulator;
import io.github.faircomclient.test.db.DbPlugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code db().bulkInsert} and {@code db().bulkUpdate} against the emulator over HTTP: both
 * failure modes, a duplicate key in the middle of a resumable load and the re-run that
 * ends with exactly the input records.
 */
class DbBulkLoadIntegrationTests {

	private static FairComEmulator emulator;

	private static FairComTemplate template;

	private static DbOperations db;

	@BeforeAll
	static void start() {
		emulator = FairComEmulator.builder().httpPort(0).user("app", "secret").build().start();
		template = FairComTemplate.builder()
			.url(emulator.httpUrl())
			.credentials("app", "secret")
			.maxConnections(8)
			.dbSettings(DbSettings.builder()
				.bulk(BulkSettings.builder().minBatchRecords(100).maxBatchRecords(250).lanes(4).build())
				.build())
			.build();
		db = template.db();
	}

	@AfterAll
	static void stop() {
		template.destroy();
		emulator.stop();
	}

	@BeforeEach
	void createTable() {
		BulkRows.createTable(db);
		emulator.resetActionCounts();
	}

	@AfterEach
	void dropTable() {
		db.deleteTables(BulkRows.TABLE);
		assertThat(emulator.plugin(DbPlugin.class).orElseThrow().openTransactions()).isEmpty();
	}

	@Test
	void aResumableLoadWritesEveryRecordOnceThroughParallelLanes() {
		List<BulkProgress> progress = new ArrayList<>();
		BulkResult result = db.bulkInsert(BulkRows.TABLE, BulkRows.rows(5000),
				BulkOptions.resumable().onProgress(progress::add));
		assertThat(result.highWaterMark()).isEqualTo(5000);
		assertThat(result.recordsWritten()).isEqualTo(5000);
		assertThat(BulkRows.stored(db)).isEqualTo(BulkRows.expected(0, 5000));
		Map<String, Long> actions = emulator.actionCounts();
		assertThat(actions.get("insertRecords")).isEqualTo(result.batches());
		assertThat(actions.get("createTransaction")).isEqualTo(result.batches());
		assertThat(actions.get("commitTransaction")).isEqualTo(result.batches());
		assertThat(actions.getOrDefault("rollbackTransaction", 0L)).isZero();
		assertThat(result.batches()).as("the first batches (one per lane at most) probe with 100 records, the others "
				+ "take 250").isBetween(21L, 24L);
		assertThat(progress).extracting(BulkProgress::highWaterMark).isSorted().endsWith(5000L);
	}

	@Test
	void anAllOrNothingLoadWritesEveryRecordInOneTransaction() {
		BulkResult result = db.bulkInsert(BulkRows.TABLE, BulkRows.rows(1000), BulkOptions.allOrNothing());
		assertThat(result.highWaterMark()).isEqualTo(1000);
		assertThat(BulkRows.stored(db)).isEqualTo(BulkRows.expected(0, 1000));
		assertThat(emulator.actionCount("createTransaction")).isOne();
		assertThat(emulator.actionCount("commitTransaction")).isOne();
	}

	@Test
	void anAllOrNothingLoadWithADuplicateKeyInTheMiddleWritesNothing() {
		Row existing = new Row(500, "already there", 1, Row.of(500).created());
		db.insert(BulkRows.TABLE, existing);
		assertThatExceptionOfType(FairComBulkLoadException.class)
			.isThrownBy(() -> db.bulkInsert(BulkRows.TABLE, BulkRows.rows(1000), BulkOptions.allOrNothing()))
			.withCauseInstanceOf(FairComDuplicateKeyException.class)
			.satisfies((ex) -> assertThat(ex.getResult().recordsWritten()).isZero());
		assertThat(BulkRows.stored(db)).containsExactly(existing);
	}

	@Test
	void aDuplicateKeyInTheMiddleStopsAResumableLoadAtItsHighWaterMarkAndTheReRunEndsWithTheInput() {
		Row existing = new Row(2600, "already there", 1, Row.of(2600).created());
		db.insert(BulkRows.TABLE, existing);
		FairComBulkLoadException failure = catchBulk(
				() -> db.bulkInsert(BulkRows.TABLE, BulkRows.rows(5000), BulkOptions.resumable()));
		assertThat(failure.getCause()).isInstanceOf(FairComDuplicateKeyException.class);
		assertThat(failure.getFailureKind()).isEqualTo(FairComFailureKind.ACTION_FAILED);
		BulkResult stopped = failure.getResult();
		BulkResult.RecordRange failed = stopped.failed().orElseThrow();
		assertThat(failed.first()).isLessThanOrEqualTo(2600).isEqualTo(stopped.highWaterMark());
		assertThat(failed.end()).isGreaterThan(2600);
		assertThat(stopped.inDoubt()).isEmpty();
		List<Row> expectedAfterTheStop = new ArrayList<>(BulkRows.expected(0, (int) stopped.highWaterMark()));
		expectedAfterTheStop.add(existing);
		assertThat(BulkRows.stored(db)).as("exactly the records before the high-water mark, and the old one")
			.isEqualTo(expectedAfterTheStop);
		db.deleteByPrimaryKeys(BulkRows.TABLE, List.of(PrimaryKey.of("code", 2600)));
		BulkResult rerun = db.bulkInsert(BulkRows.TABLE, BulkRows.rows(5000),
				BulkOptions.resumable().resumeAt(stopped.highWaterMark()));
		assertThat(rerun.firstRecord()).isEqualTo(stopped.highWaterMark());
		assertThat(rerun.highWaterMark()).isEqualTo(5000);
		assertThat(BulkRows.stored(db)).isEqualTo(BulkRows.expected(0, 5000));
	}

	@Test
	void aBulkUpdateChangesEveryRecord() {
		db.bulkInsert(BulkRows.TABLE, BulkRows.rows(1200), BulkOptions.resumable());
		Stream<Row> renamed = BulkRows.rows(1200)
			.map((row) -> new Row(row.code(), "renamed-" + row.code(), row.amount(), row.created()));
		BulkResult result = db.bulkUpdate(BulkRows.TABLE, renamed,
				BulkOptions.resumable().lanes(2).ignoreChangeIdProtection());
		assertThat(result.highWaterMark()).isEqualTo(1200);
		assertThat(BulkRows.stored(db)).extracting(Row::name).allSatisfy((name) -> assertThat(name).startsWith("renamed-"))
			.hasSize(1200);
	}

	@Test
	void aResumableLoadIsRefusedInsideATransactionAndAnAllOrNothingOneJoinsIt() {
		db.inTransactionWithoutResult((transaction) -> {
			assertThatExceptionOfType(IllegalStateException.class).isThrownBy(
					() -> transaction.bulkInsert(BulkRows.TABLE, BulkRows.rows(10), BulkOptions.resumable()));
			transaction.bulkInsert(BulkRows.TABLE, BulkRows.rows(300), BulkOptions.allOrNothing());
		});
		assertThat(BulkRows.stored(db)).isEqualTo(BulkRows.expected(0, 300));
		assertThat(emulator.actionCount("createTransaction")).isOne();
	}

	private static FairComBulkLoadException catchBulk(Runnable load) {
		try {
			load.run();
		}
		catch (FairComBulkLoadException ex) {
			return ex;
		}
		throw new AssertionError("The load did not stop");
	}

}
