package io.github.faircomclient.db;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import io.micrometer.observation.Observation;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.faircomclient.FairComDuplicateKeyException;
import io.github.faircomclient.FairComFailureKind;
import io.github.faircomclient.FairComTransportException;
import io.github.faircomclient.observation.DefaultFairComBulkObservationConvention;
import io.github.faircomclient.observation.FairComBulkObservationContext;
import io.github.faircomclient.testsupport.FairComStub;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The bulk loader of {@link DbTemplate} on the wire (MockRestServiceServer): batches, the
 * two failure modes, what a stopped load reports, lost answers that are checked and never
 * sent again, resuming, progress and observation.
 */
class DbBulkLoaderTests {

	private final FairComStub stub = new FairComStub();

	private final TestObservationRegistry observations = TestObservationRegistry.create();

	@AfterEach
	void close() {
		this.stub.close();
	}

	record Item(long id, String name) {
	}

	private DbOperations db(int batchRecords) {
		BulkSettings bulk = BulkSettings.builder()
			.minBatchRecords(batchRecords)
			.maxBatchRecords(batchRecords)
			.lanes(1)
			.build();
		return this.stub
			.template((builder) -> builder.observationRegistry(this.observations)
				.dbSettings(DbSettings.builder().bulk(bulk).build()))
			.db();
	}

	private static List<Item> items(int count) {
		return IntStream.range(0, count).mapToObj((i) -> new Item(i, "n" + i)).toList();
	}

	private void transactions(int count) {
		for (int i = 1; i <= count; i++) {
			this.stub.answer("createTransaction", "{\"transactionId\":\"TX" + i + "\"}");
		}
	}

	private List<Long> firstIdsOfInserts() {
		return this.stub.requests("insertRecords")
			.stream()
			.map((request) -> request.at("/params/sourceData/0/id").asLong())
			.toList();
	}

	// ------------------------------------------------------------------ resumable

	@Test
	void resumableWritesEveryBatchInATransactionOfItsOwn() {
		transactions(4);
		BulkResult result = db(2).bulkInsert("items", items(7), BulkOptions.resumable());
		assertThat(this.stub.actions()).containsExactly("createTransaction", "insertRecords", "commitTransaction",
				"createTransaction", "insertRecords", "commitTransaction", "createTransaction", "insertRecords",
				"commitTransaction", "createTransaction", "insertRecords", "commitTransaction");
		List<JsonNode> inserts = this.stub.requests("insertRecords");
		assertThat(inserts).extracting((request) -> request.at("/params/sourceData").size()).containsExactly(2, 2, 2, 1);
		assertThat(inserts).extracting((request) -> request.at("/params/transactionId").asString())
			.containsExactly("TX1", "TX2", "TX3", "TX4");
		assertThat(inserts.get(0).at("/params/sourceData/1").toString()).isEqualTo("{\"id\":1,\"name\":\"n1\"}");
		assertThat(inserts).allSatisfy((request) -> {
			assertThat(request.at("/params/dataFormat").asString()).isEqualTo("objects");
			assertThat(request.at("/params/tableName").asString()).isEqualTo("items");
		});
		assertThat(this.stub.requests("createTransaction").get(0).at("/params/transactionDescription").asString())
			.isEqualTo("faircom-client bulk insertRecords batch 0");
		assertThat(result.highWaterMark()).isEqualTo(7);
		assertThat(result.recordsWritten()).isEqualTo(7);
		assertThat(result.batches()).isEqualTo(4);
		assertThat(result.bytesSent()).isPositive();
		assertThat(result.failed()).isEmpty();
		assertThat(result.inDoubt()).isEmpty();
	}

	@Test
	void aStreamIsReadABatchAtATime() {
		transactions(3);
		List<Integer> pulled = new CopyOnWriteArrayList<>();
		List<Long> pulledWhenInserted = new ArrayList<>();
		Stream<Item> records = IntStream.range(0, 6).peek(pulled::add).mapToObj((i) -> new Item(i, "n" + i));
		db(2).bulkInsert("items", records, BulkOptions.resumable().onProgress((progress) -> pulledWhenInserted
			.add((long) pulled.size())));
		assertThat(pulledWhenInserted).as("records read by the time each batch was committed").containsExactly(2L, 4L,
				6L);
	}

	@Test
	void aFailingBatchStopsTheLoadAtItsHighWaterMark() {
		transactions(3);
		this.stub.answer("insertRecords", "{}");
		this.stub.error("insertRecords", 2, "Duplicate key");
		FairComBulkLoadException failure = catchBulk(() -> db(2).bulkInsert("items", items(7), BulkOptions.resumable()));
		assertThat(failure.getCause()).isInstanceOf(FairComDuplicateKeyException.class);
		assertThat(failure.getFailureKind()).isEqualTo(FairComFailureKind.ACTION_FAILED);
		BulkResult result = failure.getResult();
		assertThat(result.highWaterMark()).isEqualTo(2);
		assertThat(result.failed()).contains(new BulkResult.RecordRange(2, 2));
		assertThat(result.inDoubt()).isEmpty();
		assertThat(failure).hasMessageContaining("Bulk insertRecords into table 'items' (resumable) stopped at "
				+ "records 2 to 3")
			.hasMessageContaining("Written: records 0 to 1 (high-water mark 2)")
			.hasMessageContaining("resumeAt(2)");
		assertThat(this.stub.actions()).containsExactly("createTransaction", "insertRecords", "commitTransaction",
				"createTransaction", "insertRecords", "rollbackTransaction");
		assertThat(this.stub.request("rollbackTransaction").at("/params/transactionId").asString()).isEqualTo("TX2");
	}

	@Test
	void aRerunResumesAtTheHighWaterMarkNumberingRecordsAsInTheWholeInput() {
		transactions(2);
		List<BulkProgress> progress = new ArrayList<>();
		BulkResult result = db(2).bulkInsert("items", items(7),
				BulkOptions.resumable().resumeAt(4).onProgress(progress::add));
		assertThat(firstIdsOfInserts()).containsExactly(4L, 6L);
		assertThat(result.firstRecord()).isEqualTo(4);
		assertThat(result.highWaterMark()).isEqualTo(7);
		assertThat(result.recordsWritten()).isEqualTo(3);
		assertThat(progress).extracting(BulkProgress::highWaterMark).containsExactly(6L, 7L);
		assertThat(progress).extracting(BulkProgress::recordsWritten).containsExactly(2L, 3L);
		assertThat(progress).extracting(BulkProgress::batches).containsExactly(1L, 2L);
	}

	@Test
	void aLostInsertAnswerIsNeverSentAgainAndItsTransactionIsRolledBack() {
		transactions(2);
		this.stub.answer("insertRecords", "{}");
		this.stub.failConnection("insertRecords");
		FairComBulkLoadException failure = catchBulk(() -> db(2).bulkInsert("items", items(6), BulkOptions.resumable()));
		assertThat(failure.getCause()).isInstanceOf(FairComTransportException.class);
		assertThat(failure.getFailureKind()).isEqualTo(FairComFailureKind.ANSWER_LOST);
		assertThat(failure.getResult().highWaterMark()).isEqualTo(2);
		assertThat(failure.getResult().inDoubt()).as("an uncommitted transaction: not written").isEmpty();
		assertThat(this.stub.actions()).containsExactly("createTransaction", "insertRecords", "commitTransaction",
				"createTransaction", "insertRecords", "rollbackTransaction");
	}

	@Test
	void aLostCommitAnswerOfAStillOpenTransactionIsRolledBackAndNotWritten() {
		transactions(2);
		this.stub.answer("commitTransaction", "{}");
		this.stub.failConnection("commitTransaction");
		this.stub.answer("listTransactions", "{\"data\":[{\"transactionId\":\"TX2\",\"username\":\"app\"}]}");
		FairComBulkLoadException failure = catchBulk(() -> db(2).bulkInsert("items", items(6), BulkOptions.resumable()));
		assertThat(failure.getResult().highWaterMark()).isEqualTo(2);
		assertThat(failure.getResult().inDoubt()).isEmpty();
		assertThat(this.stub.actions()).containsExactly("createTransaction", "insertRecords", "commitTransaction",
				"createTransaction", "insertRecords", "commitTransaction", "listTransactions", "rollbackTransaction");
		assertThat(this.stub.requests("commitTransaction")).as("the commit is never sent again").hasSize(2);
	}

	@Test
	void aLostCommitAnswerWhoseRecordsReadBackIsWrittenAndTheLoadGoesOn() {
		transactions(3);
		this.stub.answer("commitTransaction", "{}");
		this.stub.failConnection("commitTransaction");
		this.stub.answer("listTransactions", "{\"data\":[]}");
		this.stub.answer("describeTables", describeItems());
		this.stub.answer("getRecordsByIds", "{\"data\":[{\"id\":\"2\",\"name\":\"n2\"},{\"id\":\"3\",\"name\":\"n3\"}]}");
		BulkResult result = db(2).bulkInsert("items", items(6), BulkOptions.resumable());
		assertThat(result.highWaterMark()).isEqualTo(6);
		assertThat(result.batches()).isEqualTo(3);
		assertThat(this.stub.actions()).containsSubsequence("commitTransaction", "listTransactions", "describeTables",
				"getRecordsByIds", "createTransaction", "insertRecords", "commitTransaction");
		assertThat(this.stub.request("getRecordsByIds").at("/params/primaryKeys").toString())
			.isEqualTo("[[{\"fieldName\":\"id\",\"value\":2}],[{\"fieldName\":\"id\",\"value\":3}]]");
		assertThat(this.stub.requests("insertRecords")).hasSize(3);
	}

	@Test
	void aLostCommitAnswerWhoseRecordsAreAbsentIsNotWritten() {
		transactions(2);
		this.stub.answer("commitTransaction", "{}");
		this.stub.failConnection("commitTransaction");
		this.stub.answer("listTransactions", "{\"data\":[]}");
		this.stub.answer("describeTables", describeItems());
		this.stub.answer("getRecordsByIds", "{\"data\":[]}");
		FairComBulkLoadException failure = catchBulk(() -> db(2).bulkInsert("items", items(6), BulkOptions.resumable()));
		assertThat(failure.getResult().highWaterMark()).isEqualTo(2);
		assertThat(failure.getResult().inDoubt()).isEmpty();
		assertThat(this.stub.requests("rollbackTransaction")).isEmpty();
	}

	@Test
	void aLostCommitAnswerThatCannotBeCheckedLeavesTheBatchInDoubt() {
		transactions(2);
		this.stub.answer("commitTransaction", "{}");
		this.stub.failConnection("commitTransaction");
		this.stub.error("listTransactions", 12345, "not allowed");
		FairComBulkLoadException failure = catchBulk(() -> db(2).bulkInsert("items", items(6), BulkOptions.resumable()));
		BulkResult result = failure.getResult();
		assertThat(result.highWaterMark()).isEqualTo(2);
		assertThat(result.inDoubt()).contains(new BulkResult.RecordRange(2, 2));
		assertThat(failure).hasMessageContaining("the commit of records 2 to 3 is in doubt")
			.hasMessageContaining("Check records 2 to 3, then resume at 2 if they are missing or at 4 if they are there");
		assertThat(failure.getCause().getSuppressed()).as("what the check ran into").isNotEmpty();
		assertThat(this.stub.requests("commitTransaction")).hasSize(2);
	}

	@Test
	void aLostCommitAnswerOfAnUpdateIsCheckedByItsChangeIds() {
		transactions(1);
		this.stub.answer("updateRecords", "{\"data\":[{\"id\":\"1\",\"changeId\":\"71\"},{\"id\":\"2\",\"changeId\":\"72\"}]}");
		this.stub.failConnection("commitTransaction");
		this.stub.answer("listTransactions", "{\"data\":[]}");
		this.stub.answer("describeTables", describeItems());
		this.stub.answer("getRecordsByIds", "{\"data\":[{\"id\":\"1\",\"changeId\":\"71\"},{\"id\":\"2\",\"changeId\":\"72\"}]}");
		record Change(long id, String name, long changeId) {
		}
		BulkResult result = db(2).bulkUpdate("items", List.of(new Change(1, "a", 11), new Change(2, "b", 12)),
				BulkOptions.resumable());
		assertThat(result.highWaterMark()).isEqualTo(2);
	}

	@Test
	void bulkUpdateSendsUpdateRecordsAndChangeIdProtectionOnlyIfAsked() {
		transactions(2);
		db(5).bulkUpdate("items", items(2), BulkOptions.resumable());
		db(5).bulkUpdate("items", items(2), BulkOptions.resumable().ignoreChangeIdProtection());
		List<JsonNode> updates = this.stub.requests("updateRecords");
		assertThat(updates.get(0).at("/params/ignoreChangeIdProtection").isMissingNode()).isTrue();
		assertThat(updates.get(1).at("/params/ignoreChangeIdProtection").booleanValue()).isTrue();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> db(5).bulkInsert("items", items(2), BulkOptions.resumable().ignoreChangeIdProtection()));
	}

	@Test
	void badInputStopsTheLoadNamingTheRecordAndLosesNothingBeforeIt() {
		transactions(2);
		List<Object> records = new ArrayList<>(items(5));
		records.set(3, "not a record");
		FairComBulkLoadException notAnObject = catchBulk(
				() -> db(2).bulkInsert("items", records, BulkOptions.resumable()));
		assertThat(notAnObject.getCause()).isInstanceOf(IllegalArgumentException.class)
			.hasMessage("Record 3 is not a Java record, POJO, Map or JSON object but java.lang.String");
		assertThat(notAnObject.getFailureKind()).isEqualTo(FairComFailureKind.CLIENT);
		assertThat(notAnObject.getResult().highWaterMark()).isEqualTo(2);
		records.set(3, null);
		assertThat(catchBulk(() -> db(2).bulkInsert("items", records, BulkOptions.resumable())).getCause())
			.hasMessage("Record 3 is null");
	}

	@Test
	void aFailingInputStopsTheLoadAfterWhatWasWritten() {
		transactions(1);
		Iterator<Item> failing = new Iterator<>() {

			private int next;

			@Override
			public boolean hasNext() {
				return true;
			}

			@Override
			public Item next() {
				if (this.next == 3) {
					throw new NoSuchElementException("file truncated");
				}
				return new Item(this.next, "n" + this.next++);
			}

		};
		Iterable<Item> input = () -> failing;
		FairComBulkLoadException failure = catchBulk(() -> db(2).bulkInsert("items", input, BulkOptions.resumable()));
		assertThat(failure.getCause()).hasMessage("file truncated");
		assertThat(failure.getResult().highWaterMark()).isEqualTo(2);
	}

	@Test
	void aFailingProgressListenerStopsTheLoadAfterTheBatchItWasToldAbout() {
		transactions(1);
		FairComBulkLoadException failure = catchBulk(() -> db(2).bulkInsert("items", items(6),
				BulkOptions.resumable().onProgress((progress) -> {
					throw new IllegalStateException("listener broke");
				})));
		assertThat(failure.getCause()).hasMessage("listener broke");
		assertThat(failure.getResult().highWaterMark()).isEqualTo(2);
		assertThat(this.stub.requests("insertRecords")).hasSize(1);
	}

	@Test
	void parallelLanesCommitInInputOrderAndWriteEveryRecordOnce() {
		transactions(50);
		BulkSettings bulk = BulkSettings.builder().minBatchRecords(3).maxBatchRecords(3).lanes(4).build();
		DbOperations db = this.stub
			.template((builder) -> builder.maxConnections(8).dbSettings(DbSettings.builder().bulk(bulk).build()))
			.db();
		List<Long> progress = new CopyOnWriteArrayList<>();
		BulkResult result = db.bulkInsert("items", items(100),
				BulkOptions.resumable().onProgress((written) -> progress.add(written.highWaterMark())));
		assertThat(result.highWaterMark()).isEqualTo(100);
		List<Long> ids = new ArrayList<>();
		Map<String, Long> firstIdOfTransaction = new java.util.HashMap<>();
		for (JsonNode insert : this.stub.requests("insertRecords")) {
			insert.at("/params/sourceData").forEach((record) -> ids.add(record.get("id").asLong()));
			firstIdOfTransaction.put(insert.at("/params/transactionId").asString(),
					insert.at("/params/sourceData/0/id").asLong());
		}
		assertThat(ids).hasSize(100).doesNotHaveDuplicates();
		List<Long> commitOrder = this.stub.requests("commitTransaction")
			.stream()
			.map((commit) -> firstIdOfTransaction.get(commit.at("/params/transactionId").asString()))
			.toList();
		assertThat(commitOrder).hasSize(34).isSorted();
		assertThat(progress).hasSize(34).isSorted().endsWith(100L);
	}

	@Test
	void aFailureAmongParallelLanesCommitsAPrefixAndRollsBackEveryBatchWrittenAfterIt() {
		transactions(50);
		this.stub.answer("insertRecords", "{}");
		this.stub.error("insertRecords", 10, "Duplicate key");
		BulkSettings bulk = BulkSettings.builder().minBatchRecords(3).maxBatchRecords(3).lanes(4).build();
		DbOperations db = this.stub
			.template((builder) -> builder.maxConnections(8).dbSettings(DbSettings.builder().bulk(bulk).build()))
			.db();
		BulkResult result = catchBulk(() -> db.bulkInsert("items", items(100), BulkOptions.resumable())).getResult();
		Map<String, Long> firstIdOfTransaction = new java.util.HashMap<>();
		for (JsonNode insert : this.stub.requests("insertRecords")) {
			firstIdOfTransaction.put(insert.at("/params/transactionId").asString(),
					insert.at("/params/sourceData/0/id").asLong());
		}
		List<Long> committed = this.stub.requests("commitTransaction")
			.stream()
			.map((commit) -> firstIdOfTransaction.get(commit.at("/params/transactionId").asString()))
			.toList();
		List<String> ended = new ArrayList<>();
		for (String action : List.of("commitTransaction", "rollbackTransaction")) {
			this.stub.requests(action).forEach((end) -> ended.add(end.at("/params/transactionId").asString()));
		}
		List<String> created = IntStream.rangeClosed(1, this.stub.requests("createTransaction").size())
			.mapToObj((i) -> "TX" + i)
			.toList();
		assertThat(ended).as("every transaction is committed or rolled back, once").containsExactlyInAnyOrderElementsOf(
				created);
		assertThat(committed).as("the committed batches are the input's first ones, in order")
			.isEqualTo(LongStream.range(0, committed.size()).map((batch) -> batch * 3).boxed().toList());
		assertThat(result.highWaterMark()).isEqualTo(committed.size() * 3L);
		assertThat(result.failed()).hasValueSatisfying((failed) -> assertThat(failed.first())
			.isEqualTo(result.highWaterMark()));
		assertThat(this.stub.requests("rollbackTransaction")).as("the failed batch and any written after it")
			.hasSize(created.size() - committed.size());
	}

	@Test
	void theFirstBatchProbesWithTheFewestRecordsThenBatchesAimAtTheTargetBytes() {
		transactions(10);
		BulkSettings bulk = BulkSettings.builder()
			.minBatchRecords(2)
			.maxBatchRecords(1000)
			.targetBatchBytes(250)
			.lanes(1)
			.build();
		DbOperations db = this.stub.template((builder) -> builder.dbSettings(DbSettings.builder().bulk(bulk).build()))
			.db();
		db.bulkInsert("items", items(40), BulkOptions.resumable());
		List<Integer> sizes = this.stub.requests("insertRecords")
			.stream()
			.map((request) -> request.at("/params/sourceData").size())
			.toList();
		assertThat(sizes.get(0)).isEqualTo(2);
		assertThat(sizes.get(1)).as("about 250 bytes of records of about 23 bytes").isBetween(9, 12);
		assertThat(sizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(40);
	}

	// ------------------------------------------------------------------ all or nothing

	@Test
	void allOrNothingWritesEveryBatchInOneTransactionCommittedAtTheEnd() {
		transactions(1);
		BulkResult result = db(3).bulkInsert("items", items(7), BulkOptions.allOrNothing());
		assertThat(this.stub.actions()).containsExactly("createTransaction", "insertRecords", "insertRecords",
				"insertRecords", "commitTransaction");
		assertThat(this.stub.requests("insertRecords"))
			.allSatisfy((insert) -> assertThat(insert.at("/params/transactionId").asString()).isEqualTo("TX1"));
		assertThat(result.highWaterMark()).isEqualTo(7);
		assertThat(result.mode()).isEqualTo(BulkMode.ALL_OR_NOTHING);
	}

	@Test
	void allOrNothingRollsEverythingBackOnAFailure() {
		transactions(1);
		this.stub.answer("insertRecords", "{}");
		this.stub.error("insertRecords", 2, "Duplicate key");
		FairComBulkLoadException failure = catchBulk(
				() -> db(3).bulkInsert("items", items(7), BulkOptions.allOrNothing()));
		assertThat(failure.getResult().highWaterMark()).isZero();
		assertThat(failure.getResult().recordsWritten()).isZero();
		assertThat(failure).hasMessageContaining("(all or nothing) stopped at records 3 to 5")
			.hasMessageContaining("Nothing was written");
		assertThat(this.stub.actions()).containsExactly("createTransaction", "insertRecords", "insertRecords",
				"rollbackTransaction");
	}

	@Test
	void allOrNothingJoinsTheTransactionOfTheViewAndMarksItRollbackOnlyOnAFailure() {
		transactions(1);
		this.stub.error("insertRecords", 2, "Duplicate key");
		DbOperations db = db(3);
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> db.inTransactionWithoutResult((tx) -> {
			try {
				tx.bulkInsert("items", items(2), BulkOptions.allOrNothing());
			}
			catch (FairComBulkLoadException ex) {
				// the application carries on
			}
		})).withMessageContaining("rolled back");
		assertThat(this.stub.actions()).containsExactly("createTransaction", "insertRecords", "rollbackTransaction");
	}

	@Test
	void aResumableLoadRefusesToRunInsideATransaction() {
		transactions(1);
		DbOperations db = db(3);
		assertThatIllegalStateException()
			.isThrownBy(() -> db.inTransactionWithoutResult(
					(tx) -> tx.bulkInsert("items", items(2), BulkOptions.resumable())))
			.withMessageContaining("use BulkOptions.allOrNothing()");
		assertThatIllegalStateException().isThrownBy(() -> BulkOptions.allOrNothing().lanes(2));
	}

	// ------------------------------------------------------------------ observation

	@Test
	void aLoadIsOneObservationWithAnEventPerBatchAndTheActionsNestedInIt() {
		transactions(2);
		db(2).bulkInsert("items", items(4), BulkOptions.resumable());
		TestObservationRegistryAssert.assertThat(this.observations)
			.hasObservationWithNameEqualTo(DefaultFairComBulkObservationConvention.DEFAULT_NAME)
			.that()
			.hasContextualNameEqualTo("faircom bulk insertRecords")
			.hasLowCardinalityKeyValue("faircom.action", "insertRecords")
			.hasLowCardinalityKeyValue("faircom.bulk.mode", "resumable")
			.hasLowCardinalityKeyValue("faircom.bulk.lanes", "1")
			.hasLowCardinalityKeyValue("outcome", "SUCCESS")
			.hasHighCardinalityKeyValue("faircom.bulk.records", "4")
			.hasHighCardinalityKeyValue("faircom.bulk.batches", "2")
			.hasBeenStopped();
		AtomicReference<List<Observation.Context>> contexts = new AtomicReference<>();
		TestObservationRegistryAssert.assertThat(this.observations).hasHandledContextsThatSatisfy(contexts::set);
		FairComBulkObservationContext bulk = contexts.get()
			.stream()
			.filter(FairComBulkObservationContext.class::isInstance)
			.map(FairComBulkObservationContext.class::cast)
			.findFirst()
			.orElseThrow();
		assertThat(bulk.getResult()).isNotNull();
		assertThat(bulk.getProgress()).extracting(BulkProgress::highWaterMark).isEqualTo(4L);
		assertThat(contexts.get()).filteredOn((context) -> "faircom.client.requests".equals(context.getName()))
			.hasSize(6)
			.allSatisfy((context) -> assertThat(context.getParentObservation().getContextView()).isSameAs(bulk));
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

	private static String describeItems() {
		return "{\"data\":[{\"databaseName\":\"db\",\"ownerName\":\"admin\",\"tableName\":\"items\",\"fields\":["
				+ "{\"name\":\"id\",\"type\":\"bigint\",\"primaryKey\":1},{\"name\":\"name\",\"type\":\"varchar\"},"
				+ "{\"name\":\"changeId\",\"type\":\"bigint\"}],\"primaryKeyFields\":[\"id\"],"
				+ "\"changeIdField\":\"changeId\"}]}";
	}

}
