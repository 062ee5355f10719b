package io.github.faircomclient.db;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.github.faircomclient.FairComApiException;
import io.github.faircomclient.FairComDuplicateKeyException;
import io.github.faircomclient.FairComException;
import io.github.faircomclient.FairComMappingException;
import io.github.faircomclient.FairComProtocolException;
import io.github.faircomclient.FairComRecordLimitExceededException;
import io.github.faircomclient.FairComSessionExpiredException;
import io.github.faircomclient.FairComTransportException;
import io.github.faircomclient.session.FairComSession;
import io.github.faircomclient.testsupport.FairComStub;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Paging, batching, cursors, transactions and views of {@link DbTemplate}, on the wire
 * (MockRestServiceServer).
 */
@ExtendWith(OutputCaptureExtension.class)
class DbTemplateTests {

	private final FairComStub stub = new FairComStub();

	@AfterEach
	void close() {
		this.stub.close();
	}

	record Item(long id, String name) {
	}

	private DbOperations db(DbSettings.Builder settings) {
		return this.stub.template((builder) -> builder.dbSettings(settings.build())).db();
	}

	private DbOperations db() {
		return db(DbSettings.builder());
	}

	private static String records(int from, int to) {
		return "[" + String.join(",", IntStream.rangeClosed(from, to)
			.mapToObj((id) -> "{\"id\":\"" + id + "\",\"name\":\"n" + id + "\"}")
			.toList()) + "]";
	}

	private static String page(int from, int to, boolean more) {
		return "{\"data\":" + ((to < from) ? "[]" : records(from, to)) + ",\"moreRecords\":" + more + "}";
	}

	// ------------------------------------------------------------------ paging

	@Test
	void listAsksForOneMoreThanTheLimitAndFailsInsteadOfTruncating() {
		this.stub.answer("getRecordsByTable", "{\"data\":" + records(1, 4) + "}");
		this.stub.answer("getRecordsByTable", "{\"data\":" + records(1, 3) + "}");
		DbOperations db = db(DbSettings.builder().maxRecords(3));
		assertThatExceptionOfType(FairComRecordLimitExceededException.class)
			.isThrownBy(() -> db.getRecordsByTable("items").list(Item.class))
			.withMessageContaining("db/getRecordsByTable on table 'items' found more than the limit of 3 records")
			.withMessageContaining("limit(n)")
			.withMessageContaining("faircom.db.max-records")
			.withMessageContaining("stream(")
			.satisfies((ex) -> assertThat(ex.getLimit()).isEqualTo(3));
		List<Item> three = db.getRecordsByTable("items").list(Item.class);
		assertThat(three).extracting(Item::id).containsExactly(1L, 2L, 3L);
		assertThat(this.stub.requests("getRecordsByTable"))
			.allSatisfy((request) -> assertThat(request.at("/params/maxRecords").asInt()).isEqualTo(4));
	}

	@Test
	void perCallLimitOverridesTheSetting() {
		this.stub.answer("getRecordsUsingSQL", "{\"data\":" + records(1, 2) + "}");
		this.stub.answer("listTables", "{\"data\":[]}");
		DbOperations db = db(DbSettings.builder().maxRecords(1000));
		assertThat(db.getRecordsUsingSQL("SELECT * FROM items").limit(2).list(Item.class)).hasSize(2);
		db.listTables();
		assertThat(this.stub.request("getRecordsUsingSQL").at("/params/maxRecords").asInt()).isEqualTo(3);
		assertThat(this.stub.request("listTables").at("/params/maxRecords").asInt()).isEqualTo(1001);
	}

	@Test
	void metadataListsFailAboveTheLimitToo() {
		this.stub.answer("listDatabases", "{\"data\":[{\"databaseName\":\"a\"},{\"databaseName\":\"b\"}]}");
		assertThatExceptionOfType(FairComRecordLimitExceededException.class)
			.isThrownBy(() -> db(DbSettings.builder().maxRecords(1)).listDatabases())
			.withMessageContaining("db/listDatabases on databases");
	}

	// ------------------------------------------------------------------ batches

	@Test
	void writesInBatchesInsideOneTransactionWhenThereIsMoreThanOneBatch() {
		this.stub.answer("createTransaction", "{\"transactionId\":\"TX1\"}");
		this.stub.answer("insertRecords", "{\"totalRecordCount\":3,\"data\":[{\"id\":\"1\",\"changeId\":\"11\"}]}");
		DbOperations db = db(DbSettings.builder().batchSize(3));
		List<Map<String, Object>> records = IntStream.rangeClosed(1, 7)
			.mapToObj((i) -> Map.<String, Object>of("name", "n" + i))
			.toList();
		WriteResult result = db.insert("items", records);
		assertThat(this.stub.actions()).containsExactly("createTransaction", "insertRecords", "insertRecords",
				"insertRecords", "commitTransaction");
		assertThat(this.stub.requests("insertRecords")).extracting((request) -> request.at("/params/sourceData").size())
			.containsExactly(3, 3, 1);
		assertThat(this.stub.requests("insertRecords"))
			.allSatisfy((request) -> assertThat(request.at("/params/transactionId").stringValue()).isEqualTo("TX1"));
		assertThat(this.stub.request("commitTransaction").at("/params/transactionId").stringValue()).isEqualTo("TX1");
		assertThat(result.recordCount()).as("3 reported, then 3 and 1 as sent").isEqualTo(7);
		assertThat(result.records()).hasSize(1);
		record Key(long id, long changeId) {
		}
		assertThat(result.records(Key.class)).containsExactly(new Key(1, 11));
	}

	@Test
	void aFailingBatchRollsTheWholeWriteBack() {
		this.stub.answer("createTransaction", "{\"transactionId\":\"TX1\"}");
		this.stub.answer("insertRecords", "{}");
		this.stub.error("insertRecords", 2, "Duplicate key");
		DbOperations db = db(DbSettings.builder().batchSize(2));
		assertThatExceptionOfType(FairComDuplicateKeyException.class)
			.isThrownBy(() -> db.insert("items", List.of(Map.of("id", 1), Map.of("id", 2), Map.of("id", 2))))
			.satisfies((ex) -> assertThat(ex.getErrorCode()).isEqualTo(2));
		assertThat(this.stub.actions()).containsExactly("createTransaction", "insertRecords", "insertRecords",
				"rollbackTransaction");
	}

	@Test
	void aSingleBatchNeedsNoTransactionAndAnEmptyWriteSendsNothing() {
		DbOperations db = db(DbSettings.builder().batchSize(2));
		assertThat(db.insert("items", List.of(Map.of("id", 1), Map.of("id", 2))).recordCount()).isEqualTo(2);
		assertThat(db.insert("items", List.of()).recordCount()).isZero();
		assertThat(this.stub.actions()).containsExactly("insertRecords");
		assertThat(this.stub.request("insertRecords").at("/params/transactionId").isMissingNode()).isTrue();
	}

	@Test
	void updateSendsChangeIdProtectionUnlessIgnored() {
		DbOperations db = db();
		db.update("items", Map.of("id", 1, "changeId", 5, "name", "x"));
		db.updateIgnoringChangeId("items", List.of(Map.of("id", 1, "name", "y")));
		List<JsonNode> updates = this.stub.requests("updateRecords");
		assertThat(updates.get(0).at("/params/ignoreChangeIdProtection").isMissingNode()).isTrue();
		assertThat(updates.get(0).at("/params/sourceData/0/changeId").asInt()).isEqualTo(5);
		assertThat(updates.get(1).at("/params/ignoreChangeIdProtection").booleanValue()).isTrue();
		assertThat(updates).allSatisfy((update) -> {
			assertThat(update.at("/params/dataFormat").stringValue()).isEqualTo("objects");
			assertThat(update.at("/params/binaryFormat").stringValue()).isEqualTo("base64");
		});
	}

	@Test
	void getRecordsByIdsReadsInBatches() {
		this.stub.answer("getRecordsByIds", "{\"data\":" + records(1, 2) + "}");
		this.stub.answer("getRecordsByIds", "{\"data\":" + records(3, 3) + "}");
		List<Item> items = db(DbSettings.builder().batchSize(2)).getRecordsByIds("items", List.of(1, 2, 3),
				Item.class);
		assertThat(items).extracting(Item::id).containsExactly(1L, 2L, 3L);
		assertThat(this.stub.requests("getRecordsByIds")).extracting((request) -> request.at("/params/ids").toString())
			.containsExactly("[1,2]", "[3]");
	}

	@Test
	void recordsMustBeObjects() {
		DbOperations db = db();
		assertThatIllegalArgumentException().isThrownBy(() -> db.insert("items", "just a string"))
			.withMessageContaining("must be a Java record, POJO, Map or JSON object");
		assertThat(this.stub.requests()).isEmpty();
	}

	// ------------------------------------------------------------------ cursors

	@Test
	void streamPagesThroughTheCursorAndClosesItWhenTheLastPageArrives() {
		this.stub.answer("getRecordsByTable", "{\"cursorId\":\"C1\"}");
		this.stub.answer("getRecordsFromCursor", page(1, 2, true));
		this.stub.answer("getRecordsFromCursor", page(3, 4, true));
		this.stub.answer("getRecordsFromCursor", page(5, 5, false));
		DbOperations db = db(DbSettings.builder().fetchSize(2));
		try (Stream<Item> items = db.getRecordsByTable("items").stream(Item.class)) {
			assertThat(this.stub.actions()).containsExactly("getRecordsByTable");
			assertThat(items.map(Item::id).toList()).containsExactly(1L, 2L, 3L, 4L, 5L);
			assertThat(this.stub.actions()).endsWith("closeCursor");
		}
		assertThat(this.stub.actions()).containsExactly("getRecordsByTable", "getRecordsFromCursor",
				"getRecordsFromCursor", "getRecordsFromCursor", "closeCursor");
		JsonNode open = this.stub.request("getRecordsByTable").get("params");
		assertThat(open.get("returnCursor").booleanValue()).isTrue();
		assertThat(open.has("maxRecords")).isFalse();
		assertThat(this.stub.requests("getRecordsFromCursor")).allSatisfy((fetch) -> {
			assertThat(fetch.at("/params/cursorId").stringValue()).isEqualTo("C1");
			assertThat(fetch.at("/params/fetchRecords").asInt()).isEqualTo(2);
			assertThat(fetch.at("/params/transactionId").isMissingNode()).isTrue();
		});
	}

	@Test
	void anEmptyPageEndsTheStreamEvenWhenTheServerSaidMoreRecords() {
		this.stub.answer("getRecordsUsingSQL", "{\"cursorId\":\"C1\"}");
		this.stub.answer("getRecordsFromCursor", page(1, 2, true));
		this.stub.answer("getRecordsFromCursor", page(1, 0, true));
		long count = db(DbSettings.builder().fetchSize(2)).getRecordsUsingSQL("SELECT * FROM items")
			.stream(Item.class, Stream::count);
		assertThat(count).isEqualTo(2);
		assertThat(this.stub.actions()).containsExactly("getRecordsUsingSQL", "getRecordsFromCursor",
				"getRecordsFromCursor", "closeCursor");
	}

	@Test
	void aStreamClosedEarlyClosesTheCursorOnce() {
		this.stub.answer("getRecordsByIndex", "{\"cursorId\":\"C1\"}");
		this.stub.answer("getRecordsFromCursor", page(1, 2, true));
		DbOperations db = db(DbSettings.builder().fetchSize(2));
		Stream<Item> items = db.getRecordsByIndex("items", "id_pk").stream(Item.class);
		assertThat(items.findFirst()).map(Item::id).contains(1L);
		items.close();
		items.close();
		assertThat(this.stub.actions()).containsExactly("getRecordsByIndex", "getRecordsFromCursor", "closeCursor");
		assertThat(this.stub.request("closeCursor").at("/params/cursorId").stringValue()).isEqualTo("C1");
	}

	@Test
	void theCallbackFormClosesTheCursorWhenTheCallbackThrows() {
		this.stub.answer("getRecordsByTable", "{\"cursorId\":\"C1\"}");
		this.stub.answer("getRecordsFromCursor", page(1, 2, true));
		this.stub.answer("getRecordsByTable", "{\"cursorId\":\"C2\"}");
		this.stub.answer("getRecordsFromCursor", page(1, 2, true));
		DbOperations db = db(DbSettings.builder().fetchSize(2));
		IllegalStateException boom = new IllegalStateException("boom");
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> db.getRecordsByTable("items").stream(Item.class, (items) -> {
				items.findFirst();
				throw boom;
			}))
			.isSameAs(boom);
		List<Long> seen = new ArrayList<>();
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> db.getRecordsByTable("items").forEach(Item.class, (item) -> {
				seen.add(item.id());
				throw boom;
			}));
		assertThat(seen).containsExactly(1L);
		assertThat(this.stub.requests("closeCursor")).extracting((request) -> request.at("/params/cursorId").asString())
			.containsExactly("C1", "C2");
	}

	@Test
	void aFailedFetchClosesTheCursorAndFails() {
		this.stub.answer("getRecordsByTable", "{\"cursorId\":\"C1\"}");
		this.stub.error("getRecordsFromCursor", 99035, "unknown cursor");
		DbOperations db = db();
		try (Stream<Item> items = db.getRecordsByTable("items").stream(Item.class)) {
			assertThatExceptionOfType(FairComApiException.class).isThrownBy(items::toList)
				.satisfies((ex) -> assertThat(ex.getErrorCode()).isEqualTo(99035));
		}
		assertThat(this.stub.actions()).containsExactly("getRecordsByTable", "getRecordsFromCursor", "closeCursor");
	}

	@Test
	void aRecordThatDoesNotMapFailsNamingTheTypeAndClosesTheCursor() {
		this.stub.answer("getRecordsByTable", "{\"cursorId\":\"C1\"}");
		this.stub.answer("getRecordsFromCursor", "{\"data\":[{\"id\":\"x\"}],\"moreRecords\":true}");
		DbOperations db = db();
		assertThatExceptionOfType(FairComException.class)
			.isThrownBy(() -> db.getRecordsByTable("items").stream(Item.class, Stream::toList))
			.withMessageContaining("Could not map a record from db/getRecordsFromCursor")
			.withMessageContaining(Item.class.getName());
		assertThat(this.stub.actions()).endsWith("closeCursor");
	}

	@Test
	void aFailingCloseCursorIsLoggedNotThrown(CapturedOutput output) {
		this.stub.answer("getRecordsByTable", "{\"cursorId\":\"C1\"}");
		this.stub.answer("getRecordsFromCursor", page(1, 1, true));
		this.stub.error("closeCursor", 77, "cannot close");
		DbOperations db = db();
		try (Stream<Item> items = db.getRecordsByTable("items").stream(Item.class)) {
			assertThat(items.findFirst()).isPresent();
		}
		assertThat(output).contains("Could not close FairCom cursor").contains("errorCode 77");
	}

	@Test
	void reverseOrderIsForListsOnly() {
		DbOperations db = db();
		assertThatIllegalStateException()
			.isThrownBy(() -> db.getRecordsByTable("items").reverseOrder().stream(Item.class))
			.withMessageContaining("ignores reverseOrder for cursors");
		assertThat(this.stub.requests()).isEmpty();
		db.getRecordsByTable("items").reverseOrder().skip(5).list(Item.class);
		JsonNode params = this.stub.request("getRecordsByTable").get("params");
		assertThat(params.get("reverseOrder").booleanValue()).isTrue();
		assertThat(params.get("skipRecords").asInt()).isEqualTo(5);
	}

	@Test
	void aCursorAnswerWithoutCursorIdIsAProtocolError() {
		this.stub.answer("getRecordsByTable", "{\"data\":[]}");
		assertThatExceptionOfType(FairComProtocolException.class)
			.isThrownBy(() -> db().getRecordsByTable("items").stream(Item.class))
			.withMessageContaining("db/getRecordsByTable without a cursorId")
			.satisfies((ex) -> {
				assertThat(ex.getKind()).isEqualTo(FairComProtocolException.Kind.INCOMPLETE_RESULT);
				assertThat(ex.getAction()).isEqualTo("getRecordsByTable");
				assertThat(ex.getRequestId()).isEqualTo(this.stub.request("getRecordsByTable").get("requestId").asString());
			});
	}

	@Test
	void aTransactionAnswerWithoutTransactionIdIsAProtocolError() {
		this.stub.answer("createTransaction", "{}");
		assertThatExceptionOfType(FairComProtocolException.class).isThrownBy(() -> db().createTransaction())
			.withMessageContaining("db/createTransaction without a transactionId")
			.satisfies((ex) -> assertThat(ex.getKind()).isEqualTo(FairComProtocolException.Kind.INCOMPLETE_RESULT));
	}

	@Test
	void aCreatedTableThatCannotBeFoundIsAProtocolErrorOfTheCreateTableCall() {
		this.stub.answer("createTable", "{\"data\":[]}");
		this.stub.answer("describeTables", "{\"data\":[]}");
		assertThatExceptionOfType(FairComProtocolException.class)
			.isThrownBy(() -> db().createTable(TableDefinition.builder("items")
				.field(FieldDefinition.varchar("name", 20))
				.build()))
			.withMessageContaining("db/createTable without the table 'items'")
			.satisfies((ex) -> {
				assertThat(ex.getKind()).isEqualTo(FairComProtocolException.Kind.INCOMPLETE_RESULT);
				assertThat(ex.getAction()).isEqualTo("createTable");
			});
		assertThat(this.stub.actions()).containsExactly("createTable", "describeTables");
	}

	@Test
	void createAnswersWhoseDataIsNotAnArrayAreNotMistakenForRecords() {
		this.stub.answer("createDatabase", "{\"data\":{\"databaseName\":\"sales\"}}");
		assertThat(db().createDatabase("sales")).satisfies((database) -> {
			assertThat(database.databaseName()).isEqualTo("sales");
			assertThat(database.uid()).isZero();
		});
		this.stub.answer("createTable", "{\"data\":{\"tableName\":\"items\"}}");
		this.stub.answer("describeTables", "{\"data\":[{\"tableName\":\"items\",\"uid\":7}]}");
		assertThat(db().createTable(TableDefinition.builder("items")
			.field(FieldDefinition.varchar("name", 20))
			.build())
			.uid()).isEqualTo(7);
		this.stub.answer("createIndex", "{\"data\":\"name_ix\"}");
		this.stub.answer("listIndexes", "{\"data\":[{\"indexName\":\"name_ix\",\"indexNumber\":3}]}");
		assertThat(db().createIndex(IndexDefinition.builder("items", "name_ix").field(IndexField.of("name")).build())
			.indexNumber()).isEqualTo(3);
	}

	@Test
	void listAnswersWhoseDataIsNotAnArrayAreProtocolErrorsNotRecords() {
		record Item(long id) {
		}
		this.stub.answer("listTables", "{\"data\":{\"tableName\":\"items\"}}");
		this.stub.answer("getRecordsByTable", "{\"data\":{\"id\":1}}");
		this.stub.answer("describeTables", "{\"data\":\"items\"}");
		DbOperations db = db();
		assertThatExceptionOfType(FairComProtocolException.class).isThrownBy(db::listTables)
			.withMessageContaining("db/listTables without a 'data' array (data is object)")
			.satisfies((ex) -> assertThat(ex.getKind()).isEqualTo(FairComProtocolException.Kind.INCOMPLETE_RESULT));
		assertThatExceptionOfType(FairComProtocolException.class)
			.isThrownBy(() -> db.getRecordsByTable("items").list(Item.class))
			.withMessageContaining("db/getRecordsByTable without a 'data' array (data is object)");
		assertThatExceptionOfType(FairComProtocolException.class).isThrownBy(() -> db.describeTables("items"))
			.withMessageContaining("(data is string)");
		this.stub.answer("listTables", "{}");
		assertThatExceptionOfType(FairComProtocolException.class).isThrownBy(db::listTables)
			.withMessageContaining("db/listTables without a 'data' array (data is missing)");
		this.stub.answer("getRecordsUsingSQL", "[{\"id\":1}]");
		assertThatExceptionOfType(FairComProtocolException.class)
			.isThrownBy(() -> db.query("SELECT id FROM items", Item.class))
			.withMessageContaining("(the result is array)");
		this.stub.answer("listTables", "{\"data\":[]}");
		assertThat(db.listTables()).as("an empty data array is an empty list").isEmpty();
	}

	@Test
	void numbersOutOfRangeInDescriptionsBecomeNeutralValuesNotArithmeticErrors() {
		this.stub.answer("describeTables", "{\"data\":[{\"tableName\":\"items\",\"fields\":[{\"name\":\"n\","
				+ "\"type\":\"varchar\",\"length\":99999999999,\"primaryKey\":\"-99999999999\"}],"
				+ "\"indexes\":[{\"indexName\":\"ix\",\"indexNumber\":4294967297}]}]}");
		TableDescription items = db().describeTables("items").get(0);
		assertThat(items.fields().get(0).getLength()).isNull();
		assertThat(items.fields().get(0).getPrimaryKey()).isNull();
		assertThat(items.indexes().get(0).indexNumber()).isZero();
	}

	@Test
	void aCreatedIndexThatCannotBeFoundIsAProtocolErrorOfTheCreateIndexCall() {
		this.stub.answer("createIndex", "{\"data\":[]}");
		this.stub.answer("listIndexes", "{\"data\":[{\"indexName\":\"other\"}]}");
		assertThatExceptionOfType(FairComProtocolException.class)
			.isThrownBy(() -> db().createIndex(IndexDefinition.builder("items", "name_ix")
				.field(IndexField.of("name"))
				.build()))
			.withMessageContaining("db/createIndex without the index 'name_ix'")
			.satisfies((ex) -> assertThat(ex.getKind()).isEqualTo(FairComProtocolException.Kind.INCOMPLETE_RESULT));
		assertThat(this.stub.actions()).containsExactly("createIndex", "listIndexes");
	}

	// ------------------------------------------------------------------ transactions

	@Test
	void inTransactionCommitsWhenTheCallbackReturns() {
		this.stub.answer("createTransaction", "{\"transactionId\":\"TX1\"}");
		String result = db().inTransaction((tx) -> {
			assertThat(tx.getTransactionId()).isEqualTo("TX1");
			tx.insert("items", Map.of("name", "a"));
			tx.withDatabase("other").getRecordsByTable("items").list(Item.class);
			return "done";
		});
		assertThat(result).isEqualTo("done");
		assertThat(this.stub.actions()).containsExactly("createTransaction", "insertRecords", "getRecordsByTable",
				"commitTransaction");
		assertThat(this.stub.request("getRecordsByTable").at("/params/transactionId").stringValue()).isEqualTo("TX1");
		assertThat(this.stub.request("getRecordsByTable").at("/params/databaseName").stringValue()).isEqualTo("other");
		assertThat(this.stub.request("createTransaction").at("/params/transactionId").isMissingNode()).isTrue();
	}

	@Test
	void inTransactionRollsBackAndRethrowsTheCallbacksException() {
		this.stub.answer("createTransaction", "{\"transactionId\":\"TX1\"}");
		IllegalStateException failure = new IllegalStateException("business rule");
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> db().inTransactionWithoutResult((tx) -> {
			tx.insert("items", Map.of("name", "a"));
			throw failure;
		})).isSameAs(failure).satisfies((ex) -> assertThat(ex.getSuppressed()).isEmpty());
		assertThat(this.stub.actions()).containsExactly("createTransaction", "insertRecords", "rollbackTransaction");
		assertThat(this.stub.request("rollbackTransaction").at("/params/transactionId").stringValue())
			.isEqualTo("TX1");
	}

	@Test
	void aFailedRollbackIsAddedToTheOriginalExceptionAsSuppressed() {
		this.stub.answer("createTransaction", "{\"transactionId\":\"TX1\"}");
		this.stub.error("insertRecords", 2, "Duplicate key");
		this.stub.error("rollbackTransaction", 99034, "unknown transaction");
		assertThatExceptionOfType(FairComDuplicateKeyException.class)
			.isThrownBy(() -> db().inTransaction((tx) -> tx.insert("items", Map.of("name", "a"))))
			.satisfies((ex) -> assertThat(ex.getSuppressed()).singleElement()
				.isInstanceOfSatisfying(FairComApiException.class,
						(rollback) -> assertThat(rollback.getErrorCode()).isEqualTo(99034)));
	}

	@Test
	void anExpiredSessionTakesItsTransactionAlongSoNothingIsReplayedOrRolledBack() {
		this.stub.answer("createTransaction", "{\"transactionId\":\"TX1\"}");
		this.stub.error("insertRecords", 12031, "'authToken' does not match any existing session.");
		assertThatExceptionOfType(FairComSessionExpiredException.class)
			.isThrownBy(() -> db().inTransaction((tx) -> tx.insert("items", Map.of("name", "a"))))
			.withMessageContaining("is not replayed");
		assertThat(this.stub.actions()).containsExactly("createTransaction", "insertRecords");
	}

	// ------------------------------------------------------------------ work of a replaced session

	private static final String SESSION_GONE = "'authToken' does not match any existing session.";

	@Test
	void workOfAnInTransactionWhoseSessionWasReplacedIsRefusedWithoutBeingSent() {
		this.stub.answer("createTransaction", "{\"transactionId\":\"TX1\"}");
		this.stub.error("listTables", 12031, SESSION_GONE);
		DbOperations db = db();
		assertThatExceptionOfType(FairComSessionExpiredException.class).isThrownBy(() -> db.inTransaction((tx) -> {
			tx.insert("items", Map.of("name", "a"));
			db.listTables();
			return tx.insert("items", Map.of("name", "b"));
		}))
			.isExactlyInstanceOf(FairComSessionExpiredException.class)
			.withMessageContaining("before db/insertRecords was sent")
			.withMessageContaining("transaction 'TX1' belonged to a session that expired")
			.withMessageContaining("not replayed")
			.satisfies((ex) -> assertThat(ex.getRequestId()).as("nothing was sent").isNull());
		assertThat(this.stub.actions()).as("no insert, commit or rollback after the new login")
			.containsExactly("createTransaction", "insertRecords", "listTables", "listTables");
	}

	@Test
	void aCommitAfterTheSessionWasReplacedIsRefusedWithoutBeingSent() {
		this.stub.answer("createTransaction", "{\"transactionId\":\"TX1\"}");
		this.stub.error("listTables", 12031, SESSION_GONE);
		DbOperations db = db();
		assertThatExceptionOfType(FairComSessionExpiredException.class)
			.isThrownBy(() -> db.inTransaction((tx) -> db.listTables()))
			.isExactlyInstanceOf(FairComSessionExpiredException.class)
			.withMessageContaining("db/commitTransaction");
		assertThat(this.stub.actions()).containsExactly("createTransaction", "listTables", "listTables");
	}

	@Test
	void anExplicitTransactionWhoseSessionWasReplacedIsRefusedWithoutBeingSent() {
		this.stub.answer("createTransaction", "{\"transactionId\":\"TX1\"}");
		this.stub.error("listTables", 12031, SESSION_GONE);
		DbOperations db = db();
		String transactionId = db.createTransaction();
		db.withTransaction(transactionId).insert("items", Map.of("name", "a"));
		db.listTables();
		assertThatExceptionOfType(FairComSessionExpiredException.class)
			.isThrownBy(() -> db.withTransaction(transactionId).insert("items", Map.of("name", "b")))
			.isExactlyInstanceOf(FairComSessionExpiredException.class);
		assertThatExceptionOfType(FairComSessionExpiredException.class)
			.isThrownBy(() -> db.withOwner("admin").commitTransaction(transactionId))
			.isExactlyInstanceOf(FairComSessionExpiredException.class)
			.withMessageContaining("transaction 'TX1'");
		assertThatExceptionOfType(FairComSessionExpiredException.class)
			.isThrownBy(() -> db.rollbackTransaction(transactionId))
			.isExactlyInstanceOf(FairComSessionExpiredException.class);
		assertThat(this.stub.actions()).containsExactly("createTransaction", "insertRecords", "listTables",
				"listTables");
	}

	@Test
	void anExplicitTransactionIsForgottenOnceTheServerEndedIt() {
		this.stub.answer("createTransaction", "{\"transactionId\":\"TX1\"}");
		this.stub.error("listTables", 12031, SESSION_GONE);
		DbOperations db = db();
		String transactionId = db.createTransaction();
		db.commitTransaction(transactionId);
		db.listTables();
		this.stub.error("rollbackTransaction", 99034, "unknown transaction");
		assertThatExceptionOfType(FairComApiException.class).as("an id it does not know goes out as given")
			.isThrownBy(() -> db.rollbackTransaction(transactionId))
			.isExactlyInstanceOf(FairComApiException.class);
		assertThat(this.stub.actions()).containsExactly("createTransaction", "commitTransaction", "listTables",
				"listTables", "rollbackTransaction");
	}

	@Test
	void rememberedTransactionsAreBoundedToTheNewestSessionPastTheLimit() {
		TransactionSessions transactions = new TransactionSessions();
		FairComSession old = new FairComSession("OLD", "app", Duration.ZERO, Instant.EPOCH, false, true);
		FairComSession current = new FairComSession("NEW", "app", Duration.ZERO, Instant.EPOCH, false, true);
		for (int i = 0; i < TransactionSessions.MAX_REMEMBERED - 1; i++) {
			transactions.opened("OLD" + i, old);
		}
		transactions.opened("NEW0", current);
		assertThat(transactions.size()).isEqualTo(TransactionSessions.MAX_REMEMBERED);
		transactions.ended("NEW0", old);
		assertThat(transactions.sessionOf("NEW0")).as("ended only with its own session").isSameAs(current);
		transactions.opened("NEW1", current);
		assertThat(transactions.size()).as("the replaced session's are dropped").isEqualTo(2);
		assertThat(transactions.sessionOf("OLD0")).isNull();
		transactions.ended("NEW0", current);
		assertThat(transactions.sessionOf("NEW0")).isNull();
		transactions.opened("NONE", null);
		assertThat(transactions.size()).isOne();
	}

	@Test
	void aCursorWhoseSessionWasReplacedIsRefusedAndClosingItSendsNothing() {
		this.stub.answer("getRecordsByTable", "{\"cursorId\":\"C1\"}");
		this.stub.answer("getRecordsFromCursor", page(1, 2, true));
		this.stub.error("listTables", 12031, SESSION_GONE);
		DbOperations db = db(DbSettings.builder().fetchSize(2));
		Stream<Item> items = db.getRecordsByTable("items").stream(Item.class);
		Iterator<Item> records = items.iterator();
		assertThat(records.next().id()).isOne();
		assertThat(records.next().id()).isEqualTo(2);
		db.listTables();
		assertThatExceptionOfType(FairComSessionExpiredException.class).isThrownBy(records::next)
			.isExactlyInstanceOf(FairComSessionExpiredException.class)
			.withMessageContaining("cursor 'C1' belonged to a session that expired");
		items.close();
		assertThat(this.stub.actions()).containsExactly("getRecordsByTable", "getRecordsFromCursor", "listTables",
				"listTables");
	}

	@Test
	void closingAnUnreadStreamWhoseSessionWasReplacedSendsNothingAndLogsNoWarning(CapturedOutput output) {
		this.stub.answer("getRecordsByTable", "{\"cursorId\":\"C1\"}");
		this.stub.error("listTables", 12031, SESSION_GONE);
		DbOperations db = db();
		Stream<Item> items = db.getRecordsByTable("items").stream(Item.class);
		db.listTables();
		items.close();
		assertThat(this.stub.actions()).containsExactly("getRecordsByTable", "listTables", "listTables");
		assertThat(output).doesNotContain("Could not close FairCom cursor");
	}

	@Test
	void aCursorFetchThatFindsTheSessionGoneSendsNoCloseCursor() {
		this.stub.answer("getRecordsByTable", "{\"cursorId\":\"C1\"}");
		this.stub.error("getRecordsFromCursor", 12031, SESSION_GONE);
		DbOperations db = db();
		try (Stream<Item> items = db.getRecordsByTable("items").stream(Item.class)) {
			assertThatExceptionOfType(FairComSessionExpiredException.class).isThrownBy(items::toList)
				.withMessageContaining("is not replayed");
		}
		assertThat(this.stub.actions()).containsExactly("getRecordsByTable", "getRecordsFromCursor");
	}

	@Test
	void aCommitLostInTransportIsFollowedByARollback() {
		this.stub.answer("createTransaction", "{\"transactionId\":\"TX1\"}");
		this.stub.failConnection("commitTransaction");
		assertThatExceptionOfType(FairComTransportException.class)
			.isThrownBy(() -> db().inTransaction((tx) -> tx.insert("items", Map.of("name", "a"))));
		assertThat(this.stub.actions()).containsExactly("createTransaction", "insertRecords", "commitTransaction",
				"rollbackTransaction");
	}

	@Test
	void setRollbackOnlyRollsBackWithoutAnException() {
		this.stub.answer("createTransaction", "{\"transactionId\":\"TX1\"}");
		Integer result = db().inTransaction((tx) -> {
			tx.insert("items", Map.of("name", "a"));
			tx.setRollbackOnly();
			assertThat(tx.isRollbackOnly()).isTrue();
			return 1;
		});
		assertThat(result).isOne();
		assertThat(this.stub.actions()).containsExactly("createTransaction", "insertRecords", "rollbackTransaction");
	}

	@Test
	void aNestedInTransactionJoinsTheOuterOne() {
		this.stub.answer("createTransaction", "{\"transactionId\":\"TX1\"}");
		db().inTransactionWithoutResult((outer) -> outer.inTransactionWithoutResult((inner) -> {
			assertThat(inner.getTransactionId()).isEqualTo("TX1");
			inner.insert("items", Map.of("name", "a"));
		}));
		assertThat(this.stub.actions()).containsExactly("createTransaction", "insertRecords", "commitTransaction");
	}

	@Test
	void aFailedJoinedCallbackRollsTheOuterTransactionBackEvenIfCaught() {
		this.stub.answer("createTransaction", "{\"transactionId\":\"TX1\"}");
		IllegalArgumentException inner = new IllegalArgumentException("bad line");
		assertThatIllegalStateException().isThrownBy(() -> db().inTransactionWithoutResult((outer) -> {
			outer.insert("items", Map.of("name", "a"));
			try {
				outer.inTransactionWithoutResult((joined) -> {
					throw inner;
				});
			}
			catch (IllegalArgumentException ex) {
				// swallowed by the application
			}
		})).withMessageContaining("nested inTransaction call failed").withCause(inner);
		assertThat(this.stub.actions()).containsExactly("createTransaction", "insertRecords", "rollbackTransaction");
	}

	@Test
	void aNullRecordIsAnErrorNotANullElement() {
		this.stub.answer("getRecordsByTable", "{\"data\":[null]}");
		assertThatExceptionOfType(FairComMappingException.class)
			.isThrownBy(() -> db().getRecordsByTable("items").list(Item.class))
			.withMessageContaining("the record is JSON null");
	}

	@Test
	void explicitTransactionIdsGoIntoEveryEnlistableAction() {
		this.stub.answer("createTransaction", "{\"transactionId\":\"TX9\"}");
		this.stub.answer("getRecordsByTable", "{\"cursorId\":\"C1\"}");
		this.stub.answer("getRecordsFromCursor", page(1, 1, false));
		DbOperations db = db();
		String id = db.createTransaction();
		DbOperations tx = db.withTransaction(id);
		tx.insert("items", Map.of("name", "a"));
		tx.deleteByIds("items", List.of(1));
		tx.listTables();
		tx.getRecordsByTable("items").stream(Item.class, Stream::count);
		db.commitTransaction(id);
		assertThat(this.stub.requests()).allSatisfy((request) -> {
			String action = request.get("action").stringValue();
			boolean enlisted = request.at("/params/transactionId").isString();
			boolean cursorAction = action.equals("getRecordsFromCursor") || action.equals("closeCursor");
			assertThat(enlisted).as(action).isEqualTo(!action.equals("createTransaction") && !cursorAction);
		});
	}

	// ------------------------------------------------------------------ views and parameters

	@Test
	void viewsAddDatabaseOwnerAndResponseOptionsWithoutChangingTheOriginal() {
		this.stub.answer("createTransaction", "{\"transactionId\":\"TX1\"}");
		DbOperations db = db();
		DbOperations sales = db.withDatabase("sales")
			.withOwner("reporting")
			.withResponseOptions(Map.of("numberFormat", "number", "excludeFields", List.of("changeId")));
		sales.getRecordsByTable("orders").list(JsonNode.class);
		sales.getRecordsUsingSQL("SELECT 1").list(JsonNode.class);
		assertThat(sales.createTransaction()).isEqualTo("TX1");
		db.getRecordsByTable("orders").list(JsonNode.class);
		List<JsonNode> reads = this.stub.requests("getRecordsByTable");
		assertThat(reads.get(0).at("/params/databaseName").stringValue()).isEqualTo("sales");
		assertThat(reads.get(0).at("/params/ownerName").stringValue()).isEqualTo("reporting");
		assertThat(reads.get(0).at("/responseOptions/numberFormat").stringValue()).isEqualTo("number");
		assertThat(reads.get(0).at("/responseOptions/excludeFields/0").stringValue()).isEqualTo("changeId");
		assertThat(reads.get(0).at("/responseOptions/binaryFormat").stringValue()).isEqualTo("base64");
		JsonNode sql = this.stub.request("getRecordsUsingSQL").get("params");
		assertThat(sql.get("databaseName").stringValue()).isEqualTo("sales");
		assertThat(sql.has("ownerName")).as("SQL takes no ownerName").isFalse();
		assertThat(this.stub.request("createTransaction").get("params").isEmpty()).isTrue();
		assertThat(reads.get(1).get("params").has("databaseName")).isFalse();
		assertThat(reads.get(1).at("/responseOptions/numberFormat").stringValue()).isEqualTo("string");
	}

	@Test
	void recordLayoutResponseOptionsCannotBeOverridden() {
		DbOperations db = db();
		assertThatIllegalArgumentException().isThrownBy(() -> db.withResponseOptions(Map.of("dataFormat", "arrays")))
			.withMessageContaining("faircom.db");
		assertThatIllegalArgumentException().isThrownBy(() -> db.withResponseOptions(Map.of("binaryFormat", "hex")));
		assertThatIllegalArgumentException().isThrownBy(() -> db.withTimeout(Duration.ZERO));
	}

	@Test
	void sqlParametersArePositionalOrNamedNeverBoth() {
		DbOperations db = db();
		db.getRecordsUsingSQL("SELECT * FROM items WHERE qty < ? AND name <> ?", 5, "x").list(JsonNode.class);
		db.getRecordsUsingSQL("SELECT * FROM items WHERE qty < :qty").param("qty", 5).list(JsonNode.class);
		List<JsonNode> sent = this.stub.requests("getRecordsUsingSQL");
		assertThat(sent.get(0).at("/params/sqlParams").toString()).isEqualTo("[5,\"x\"]");
		assertThat(sent.get(1).at("/params/sqlParams").toString()).isEqualTo("[{\"name\":\"qty\",\"value\":5}]");
		assertThatIllegalStateException()
			.isThrownBy(() -> db.getRecordsUsingSQL("SELECT ?", 1).param("x", 2))
			.withMessageContaining("Cannot mix");
		assertThatIllegalStateException()
			.isThrownBy(() -> db.getRecordsUsingSQL("SELECT :x").param("x", 1).params(2));
	}

	@Test
	void theMissionExampleMapsSqlRowsToARecord() {
		record Row(long id, String name, int qty) {
		}
		this.stub.answer("getRecordsUsingSQL",
				"{\"fields\":[{\"name\":\"id\"},{\"name\":\"name\"},{\"name\":\"qty\"}],"
						+ "\"data\":[{\"id\":\"7\",\"name\":\"bolt\",\"qty\":\"3\"}],\"moreRecords\":false}");
		List<Row> low = db().query("SELECT id, name, qty FROM items WHERE qty < ?", Row.class, 5);
		assertThat(low).containsExactly(new Row(7, "bolt", 3));
		assertThat(this.stub.request("getRecordsUsingSQL").at("/params/sqlParams/0").asInt()).isEqualTo(5);
	}

	@Test
	void aKeyRangeAndAStartKeyAreWrittenAsIndexFilters() {
		DbOperations db = db();
		db.getRecordsInKeyRange("athlete", KeyRange.of("ranking").atLeast("ranking", 1).atMost("ranking", 3))
			.list(JsonNode.class);
		db.getRecordsStartingAtKey("athlete", StartKey.of("ranking", KeyOperator.GREATER_THAN).field("ranking", 2))
			.tableFilter("livedpast2000 == 1")
			.list(JsonNode.class);
		assertThat(this.stub.request("getRecordsInKeyRange").at("/params/indexFilter").toString()).isEqualTo(
				"{\"indexName\":\"ranking\",\"indexFieldFilters\":[{\"fieldName\":\"ranking\",\"operator\":\">=\",\"value\":1},"
						+ "{\"fieldName\":\"ranking\",\"operator\":\"<=\",\"value\":3}]}");
		JsonNode start = this.stub.request("getRecordsStartingAtKey").get("params");
		assertThat(start.get("indexFilter").toString()).isEqualTo(
				"{\"indexName\":\"ranking\",\"operator\":\">\",\"indexFields\":[{\"fieldName\":\"ranking\",\"value\":2}]}");
		assertThat(start.get("tableFilter").stringValue()).isEqualTo("livedpast2000 == 1");
	}

}
