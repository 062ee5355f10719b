package io.github.faircomclient.it.db;

import java.io.IOException;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.faircomclient.FairComFailureKind;
import io.github.faircomclient.core.FairComTemplate;
import io.github.faircomclient.db.BulkOptions;
import io.github.faircomclient.db.BulkResult;
import io.github.faircomclient.db.BulkSettings;
import io.github.faircomclient.db.DbOperations;
import io.github.faircomclient.db.DbSettings;
import io.github.faircomclient.db.FairComBulkLoadException;
import io.github.faircomclient.it.support.FaultInjectingProxy;
import io.github.faircomclient.it.support.FaultInjectingProxy.Fault;
import io.github.faircomclient.test.FairComEmulator;
import io.github.faircomclient.test.db.DbPlugin;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A resumable bulk load against the emulator behind a proxy that drops the connection of a
 * request the emulator ran, or trickles its answer past the call timeout. A lost insert
 * answer leaves its batch uncommitted and the load stopped at a high-water mark that is
 * exactly what the table holds; a lost commit answer is checked, never sent again, and the
 * load goes on. Every re-run from the high-water mark ends with exactly the input records.
 */
class DbBulkLoadFaultIntegrationTests {

	private static final int RECORDS = 2000;

	private static final int BATCH = 100;

	private static FairComEmulator emulator;

	private FaultInjectingProxy proxy;

	private FairComTemplate template;

	private DbOperations db;

	@BeforeAll
	static void start() {
		emulator = FairComEmulator.builder().httpPort(0).user("app", "secret").build().start();
	}

	@AfterAll
	static void stop() {
		emulator.stop();
	}

	@BeforeEach
	void connect() throws IOException {
		this.proxy = new FaultInjectingProxy(emulator.httpUrl());
		this.template = FairComTemplate.builder()
			.url(this.proxy.url())
			.credentials("app", "secret")
			.maxConnections(8)
			.callTimeout(Duration.ofSeconds(2))
			.dbSettings(DbSettings.builder()
				.bulk(BulkSettings.builder().minBatchRecords(BATCH).maxBatchRecords(BATCH).lanes(4).build())
				.build())
			.build();
		this.db = this.template.db();
		BulkRows.createTable(this.db);
	}

	@AfterEach
	void close() throws IOException {
		assertThat(emulator.plugin(DbPlugin.class).orElseThrow().openTransactions()).as("every batch ended")
			.isEmpty();
		this.db.deleteTables(BulkRows.TABLE);
		this.template.destroy();
		this.proxy.close();
	}

	@Test
	void aConnectionDroppedAfterAnInsertRanStopsTheLoadAtExactlyWhatWasWritten() {
		this.proxy.strike("insertRecords", 3, Fault.dropAfterExecution());
		FairComBulkLoadException failure = load(BulkOptions.resumable().lanes(1));
		assertThat(failure.getFailureKind()).isEqualTo(FairComFailureKind.ANSWER_LOST);
		BulkResult stopped = failure.getResult();
		assertThat(stopped.highWaterMark()).as("two batches committed, the third rolled back").isEqualTo(2 * BATCH);
		assertThat(stopped.inDoubt()).isEmpty();
		assertThat(this.proxy.count("insertRecords")).as("the lost insert is not sent again").isEqualTo(3);
		assertThat(this.proxy.count("rollbackTransaction")).isOne();
		assertThat(BulkRows.stored(this.db)).isEqualTo(BulkRows.expected(0, 2 * BATCH));
		rerunEndsWithExactlyTheInput(stopped);
	}

	@Test
	void aConnectionDroppedAfterAnInsertRanStopsParallelLanesAtTheirHighWaterMark() {
		this.proxy.strike("insertRecords", 5, Fault.dropAfterExecution());
		BulkResult stopped = load(BulkOptions.resumable()).getResult();
		assertThat(stopped.highWaterMark() % BATCH).isZero();
		assertThat(stopped.highWaterMark()).isLessThan(RECORDS);
		assertThat(BulkRows.stored(this.db)).as("what the table holds is the input up to the high-water mark")
			.isEqualTo(BulkRows.expected(0, (int) stopped.highWaterMark()));
		rerunEndsWithExactlyTheInput(stopped);
	}

	@Test
	void aConnectionDroppedAfterACommitRanIsCheckedAndTheLoadGoesOn() {
		this.proxy.strike("commitTransaction", 3, Fault.dropAfterExecution());
		BulkResult result = this.db.bulkInsert(BulkRows.TABLE, BulkRows.rows(RECORDS), BulkOptions.resumable());
		assertThat(result.highWaterMark()).isEqualTo(RECORDS);
		assertThat(this.proxy.count("commitTransaction")).as("no commit is sent twice").isEqualTo(RECORDS / BATCH);
		assertThat(this.proxy.count("insertRecords")).isEqualTo(RECORDS / BATCH);
		assertThat(this.proxy.count("listTransactions")).as("the check").isOne();
		assertThat(BulkRows.stored(this.db)).isEqualTo(BulkRows.expected(0, RECORDS));
	}

	@Test
	void aCommitAnswerTrickledPastTheCallTimeoutIsCheckedAndTheLoadGoesOn() {
		this.proxy.strike("commitTransaction", 2, Fault.trickle(Duration.ofMillis(100)));
		BulkResult result = this.db.bulkInsert(BulkRows.TABLE, BulkRows.rows(RECORDS),
				BulkOptions.resumable().lanes(2));
		assertThat(result.highWaterMark()).isEqualTo(RECORDS);
		assertThat(this.proxy.count("commitTransaction")).isEqualTo(RECORDS / BATCH);
		assertThat(this.proxy.count("listTransactions")).isOne();
		assertThat(BulkRows.stored(this.db)).isEqualTo(BulkRows.expected(0, RECORDS));
	}

	@Test
	void aLostCommitThatCannotBeCheckedIsReportedInDoubtAndNothingAfterItIsWritten() {
		this.proxy.strike("commitTransaction", 3, Fault.dropAfterExecution());
		this.proxy.strike("listTransactions", 1, Fault.dropAfterExecution());
		FairComBulkLoadException failure = load(BulkOptions.resumable());
		BulkResult stopped = failure.getResult();
		BulkResult.RecordRange inDoubt = stopped.inDoubt().orElseThrow();
		assertThat(stopped.highWaterMark()).isEqualTo(2 * BATCH);
		assertThat(inDoubt).isEqualTo(new BulkResult.RecordRange(2 * BATCH, BATCH));
		assertThat(failure).hasMessageContaining("is in doubt");
		assertThat(BulkRows.stored(this.db)).as("the emulator ran that commit; nothing after it was committed")
			.isEqualTo(BulkRows.expected(0, (int) inDoubt.end()));
		BulkResult rerun = this.db.bulkInsert(BulkRows.TABLE, BulkRows.rows(RECORDS),
				BulkOptions.resumable().resumeAt(inDoubt.end()));
		assertThat(rerun.highWaterMark()).isEqualTo(RECORDS);
		assertThat(BulkRows.stored(this.db)).isEqualTo(BulkRows.expected(0, RECORDS));
	}

	@Test
	void anInsertAnswerTrickledPastTheCallTimeoutStopsTheLoadAtItsHighWaterMark() {
		this.proxy.strike("insertRecords", 4, Fault.trickle(Duration.ofMillis(100)));
		FairComBulkLoadException failure = load(BulkOptions.resumable().lanes(1));
		assertThat(failure.getFailureKind()).isEqualTo(FairComFailureKind.CALL_TIMEOUT);
		BulkResult stopped = failure.getResult();
		assertThat(stopped.highWaterMark()).isEqualTo(3 * BATCH);
		assertThat(BulkRows.stored(this.db)).isEqualTo(BulkRows.expected(0, 3 * BATCH));
		rerunEndsWithExactlyTheInput(stopped);
	}

	private FairComBulkLoadException load(BulkOptions options) {
		try {
			this.db.bulkInsert(BulkRows.TABLE, BulkRows.rows(RECORDS), options);
		}
		catch (FairComBulkLoadException ex) {
			return ex;
		}
		throw new AssertionError("The load did not stop");
	}

	private void rerunEndsWithExactlyTheInput(BulkResult stopped) {
		BulkResult rerun = this.db.bulkInsert(BulkRows.TABLE, BulkRows.rows(RECORDS),
				BulkOptions.resumable().resumeAt(stopped.highWaterMark()));
		assertThat(rerun.recordsWritten()).isEqualTo(RECORDS - stopped.highWaterMark());
		assertThat(BulkRows.stored(this.db)).isEqualTo(BulkRows.expected(0, RECORDS));
	}

}
