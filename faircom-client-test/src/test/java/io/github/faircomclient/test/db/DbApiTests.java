package io.github.faircomclient.test.db;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests {@link DbApi} directly (without HTTP): catalog, records, queries, cursors, transactions.
 */
class DbApiTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final TestContext.MutableClock clock = new TestContext.MutableClock();

	private final Map<String, Long> cursorTimeouts = new ConcurrentHashMap<>();

	private DbApi api;

	private TestContext context;

	@BeforeEach
	void setUp() {
		this.api = new DbApi(DbStore.inMemory(), this.clock::now,
				(session) -> this.cursorTimeouts.getOrDefault(session, 600L));
		this.context = new TestContext("session-1", this.clock);
	}

	@AfterEach
	void tearDown() {
		this.api.close();
	}

	private ObjectNode call(String action, String params) {
		return call(this.context, action, params);
	}

	private ObjectNode call(TestContext context, String action, String params) {
		return this.api.handle(action, JSON.readTree(params), context);
	}

	private void createTest1() {
		call("createTable", "{\"tableName\":\"test1\",\"fields\":[{\"name\":\"name\",\"type\":\"varchar\",\"length\":50}]}");
	}

	@Test
	void createTableAddsIdAndChangeIdAndKeepsNamesAsDeclared() {
		ObjectNode result = call("createTable", "{\"tableName\":\"MixedCase\",\"fields\":["
				+ "{\"name\":\"FirstName\",\"type\":\"varchar\",\"length\":30}]}");
		JsonNode table = result.get("data").get(0);
		assertThat(table.get("tableName").asString()).isEqualTo("MixedCase");
		assertThat(table.get("fields")).extracting((field) -> field.get("name").asString())
			.containsExactly("id", "changeId", "FirstName");
		assertThat(table.get("indexes").get(0).get("indexName").asString()).isEqualTo("id_pk");
		assertThat(table.get("primaryKeyFields").get(0).asString()).isEqualTo("id");
		call("insertRecords", "{\"tableName\":\"mixedcase\",\"sourceData\":[{\"firstname\":\"Ann\"}]}");
		ObjectNode records = call("getRecordsByTable", "{\"tableName\":\"MixedCase\"}");
		assertThat(records.get("data").get(0).propertyNames()).containsExactly("id", "changeId", "FirstName");
		assertThat(records.get("data").get(0).get("FirstName").asString()).isEqualTo("Ann");
		assertThat(this.context.supplied).containsEntry("databaseName", "ctreeSQL").containsEntry("ownerName", "admin");
	}

	@Test
	void pagingDefaultsToTwentyRecordsWithMoreRecords() {
		createTest1();
		StringBuilder rows = new StringBuilder();
		for (int i = 1; i <= 21; i++) {
			rows.append(i > 1 ? "," : "").append("[\"n").append(i).append("\"]");
		}
		ObjectNode inserted = call("insertRecords", "{\"tableName\":\"test1\",\"dataFormat\":\"arrays\","
				+ "\"fieldNames\":[\"name\"],\"sourceData\":[" + rows + "]}");
		assertThat(inserted.get("totalRecordCount").asInt()).isEqualTo(21);
		ObjectNode first = call("getRecordsByIndex", "{\"tableName\":\"test1\",\"indexName\":\"id_pk\"}");
		assertThat(first.get("data").size()).isEqualTo(20);
		assertThat(first.get("moreRecords").asBoolean()).isTrue();
		assertThat(first.get("totalRecordCount").asInt()).isEqualTo(21);
		ObjectNode rest = call("getRecordsByIndex", "{\"tableName\":\"test1\",\"indexName\":\"id_pk\",\"skipRecords\":20}");
		assertThat(rest.get("data")).hasSize(1);
		assertThat(rest.get("data").get(0).get("name").asString()).isEqualTo("n21");
		assertThat(rest.get("moreRecords").asBoolean()).isFalse();
		ObjectNode all = call("getRecordsByTable", "{\"tableName\":\"test1\",\"maxRecords\":-1,\"reverseOrder\":true}");
		assertThat(all.get("data")).hasSize(21);
		assertThat(all.get("data").get(0).get("name").asString()).isEqualTo("n21");
	}

	@Test
	void cursorPagesToTheEndAndExpires() {
		createTest1();
		StringBuilder rows = new StringBuilder();
		for (int i = 1; i <= 5; i++) {
			rows.append(i > 1 ? "," : "").append("{\"name\":\"n").append(i).append("\"}");
		}
		call("insertRecords", "{\"tableName\":\"test1\",\"sourceData\":[" + rows + "]}");
		String cursorId = call("getRecordsByTable", "{\"tableName\":\"test1\",\"returnCursor\":true}")
			.get("cursorId").asString();
		assertThat(cursorId).hasSize(64);
		ObjectNode page1 = call("getRecordsFromCursor", "{\"cursorId\":\"" + cursorId + "\",\"fetchRecords\":2}");
		assertThat(page1.get("data")).extracting((row) -> row.get("name").asString()).containsExactly("n1", "n2");
		assertThat(page1.get("moreRecords").asBoolean()).isTrue();
		ObjectNode page2 = call("getRecordsFromCursor", "{\"cursorId\":\"" + cursorId + "\",\"fetchRecords\":3}");
		assertThat(page2.get("data")).extracting((row) -> row.get("name").asString()).containsExactly("n3", "n4", "n5");
		assertThat(page2.get("moreRecords").asBoolean()).isFalse();
		ObjectNode again = call("getRecordsFromCursor", "{\"cursorId\":\"" + cursorId
				+ "\",\"startFrom\":\"beforeFirstRecord\",\"skipRecords\":1,\"fetchRecords\":1}");
		assertThat(again.get("data").get(0).get("name").asString()).isEqualTo("n2");
		assertThat(this.api.openCursors()).hasSize(1);
		this.clock.advanceSeconds(601);
		assertThat(this.api.openCursors()).isEmpty();
		assertThatExceptionOfType(DbException.class)
			.isThrownBy(() -> call("getRecordsFromCursor", "{\"cursorId\":\"" + cursorId + "\"}"))
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(DbError.UNKNOWN_CURSOR.code()));
	}

	@Test
	void changeIdProtectsUpdates() {
		createTest1();
		JsonNode row = call("insertRecords", "{\"tableName\":\"test1\",\"sourceData\":[{\"name\":\"a\"}]}")
			.get("data").get(0);
		long changeId = row.get("changeId").asLong();
		assertThatExceptionOfType(DbException.class)
			.isThrownBy(() -> call("updateRecords", "{\"tableName\":\"test1\",\"sourceData\":[{\"id\":1,\"changeId\":"
					+ (changeId + 100) + ",\"name\":\"b\"}]}"))
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(DbError.CHANGE_ID_CONFLICT.code()));
		JsonNode updated = call("updateRecords", "{\"tableName\":\"test1\",\"sourceData\":[{\"id\":1,\"changeId\":"
				+ changeId + ",\"name\":\"b\"}]}").get("data").get(0);
		assertThat(updated.get("changeId").asLong()).isGreaterThan(changeId);
		call("updateRecords", "{\"tableName\":\"test1\",\"ignoreChangeIdProtection\":true,"
				+ "\"sourceData\":[{\"id\":1,\"name\":\"c\"}]}");
		assertThat(call("getRecordsByIds", "{\"tableName\":\"test1\",\"ids\":[1]}").get("data").get(0).get("name")
			.asString()).isEqualTo("c");
	}

	@Test
	void transactionCommitAndRollback() {
		createTest1();
		String tx = call("createTransaction", "{}").get("transactionId").asString();
		call("insertRecords", "{\"tableName\":\"test1\",\"transactionId\":\"" + tx + "\",\"sourceData\":[{\"name\":\"a\"}]}");
		assertThat(call("getRecordsByTable", "{\"tableName\":\"test1\"}").get("data")).isEmpty();
		assertThat(call("getRecordsByTable", "{\"tableName\":\"test1\",\"transactionId\":\"" + tx + "\"}").get("data"))
			.hasSize(1);
		assertThat(call("rollbackTransaction", "{\"transactionId\":\"" + tx + "\"}")).isNull();
		assertThat(call("getRecordsByTable", "{\"tableName\":\"test1\"}").get("data")).isEmpty();
		assertThatExceptionOfType(DbException.class)
			.isThrownBy(() -> call("commitTransaction", "{\"transactionId\":\"" + tx + "\"}"))
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(DbError.UNKNOWN_TRANSACTION.code()));
		String tx2 = call("createTransaction", "{}").get("transactionId").asString();
		call("insertRecords", "{\"tableName\":\"test1\",\"transactionId\":\"" + tx2 + "\",\"sourceData\":[{\"name\":\"b\"}]}");
		call("commitTransaction", "{\"transactionId\":\"" + tx2 + "\"}");
		assertThat(call("getRecordsByTable", "{\"tableName\":\"test1\"}").get("data")).hasSize(1);
		assertThat(this.api.openTransactions()).isEmpty();
	}

	@Test
	void sqlQueriesAndStatements() {
		ObjectNode batch = call("runSqlStatements", "{\"sqlStatements\":[\"CREATE TABLE t2 (id INTEGER PRIMARY KEY, v VARCHAR(10))\","
				+ "\"INSERT INTO t2 VALUES (1, 'x')\",\"INSERT INTO t2 VALUES (1, 'y')\",\"INSERT INTO t2 VALUES (2, 'z');\"]}");
		assertThat(batch.get("data")).extracting((entry) -> entry.get("errorCode").asInt())
			.containsExactly(0, 0, DbError.DUPLICATE_KEY.code(), 0);
		ObjectNode rows = call("getRecordsUsingSQL", "{\"sql\":\"SELECT * FROM t2 WHERE id > ?;\",\"sqlParams\":[1]}");
		assertThat(rows.get("data")).hasSize(1);
		assertThat(rows.get("fields").get(0).get("name").asString()).isEqualTo("id");
		ObjectNode named = call("getRecordsUsingSQL", "{\"sql\":\"SELECT v FROM t2 WHERE id = :id\","
				+ "\"sqlParams\":[{\"name\":\"id\",\"value\":1}]}");
		assertThat(named.get("data").get(0).get("v").asString()).isEqualTo("x");
		assertThatExceptionOfType(DbException.class)
			.isThrownBy(() -> call("getRecordsUsingSQL", "{\"sql\":\"DELETE FROM t2\"}"))
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(DbError.NOT_A_QUERY.code()));
		JsonNode described = call("describeTables", "{\"tableNames\":[\"t2\"]}").get("data").get(0);
		assertThat(described.get("primaryKeyFields").get(0).asString()).isEqualTo("id");
	}

	@Test
	void keyLookups() {
		call("createTable", "{\"tableName\":\"athlete\",\"fields\":[{\"name\":\"name\",\"type\":\"varchar\",\"length\":30},"
				+ "{\"name\":\"ranking\",\"type\":\"smallint\",\"nullable\":false}]}");
		call("createIndex", "{\"tableName\":\"athlete\",\"indexName\":\"ranking\",\"fields\":[{\"name\":\"ranking\"}]}");
		call("insertRecords", "{\"tableName\":\"athlete\",\"sourceData\":[{\"name\":\"A\",\"ranking\":3},"
				+ "{\"name\":\"B\",\"ranking\":1},{\"name\":\"C\",\"ranking\":2},{\"name\":\"D\",\"ranking\":5}]}");
		ObjectNode range = call("getRecordsInKeyRange", "{\"tableName\":\"athlete\",\"indexFilter\":{\"indexName\":\"ranking\","
				+ "\"indexFieldFilters\":[{\"fieldName\":\"ranking\",\"operator\":\"<=\",\"value\":3}]}}");
		assertThat(range.get("data")).extracting((row) -> row.get("name").asString()).containsExactly("B", "C", "A");
		ObjectNode start = call("getRecordsStartingAtKey", "{\"tableName\":\"athlete\",\"indexFilter\":{"
				+ "\"indexName\":\"ranking\",\"operator\":\">=\",\"indexFields\":[{\"fieldName\":\"ranking\",\"value\":\"4\"}]}}");
		assertThat(start.get("data")).extracting((row) -> row.get("name").asString()).containsExactly("D");
		assertThatExceptionOfType(DbException.class)
			.isThrownBy(() -> call("getRecordsStartingAtKey", "{\"tableName\":\"athlete\",\"indexFilter\":{"
				+ "\"indexName\":\"admin_athlete_id_pk\",\"operator\":\"=\",\"indexFields\":[{\"fieldName\":\"id\",\"value\":\"9\"}]}}"))
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(4046));
		ObjectNode partial = call("getRecordsByPartialKeyRange", "{\"tableName\":\"athlete\",\"indexName\":\"ranking\","
				+ "\"partialKey\":[2]}");
		assertThat(partial.get("data")).extracting((row) -> row.get("name").asString()).containsExactly("C");
		ObjectNode filtered = call("getRecordsByIndex", "{\"tableName\":\"athlete\",\"indexName\":\"id_pk\","
				+ "\"tableFilter\":\"ranking <= 3 && name != \\\"A\\\"\"}");
		assertThat(filtered.get("data")).extracting((row) -> row.get("name").asString()).containsExactly("B", "C");
		ObjectNode deleted = call("deleteRecords", "{\"tableName\":\"athlete\",\"ids\":[1,99]}");
		assertThat(deleted.get("totalRecordCount").asInt()).isEqualTo(1);
		assertThat(deleted.get("data").get(0).get("name").asString()).isEqualTo("A");
	}

	@Test
	void binaryAndNumberFormats() {
		call("createTable", "{\"tableName\":\"bin\",\"fields\":[{\"name\":\"b\",\"type\":\"varbinary\",\"length\":10},"
				+ "{\"name\":\"m\",\"type\":\"money\",\"length\":32,\"scale\":2},{\"name\":\"d\",\"type\":\"date\"},"
				+ "{\"name\":\"j\",\"type\":\"json\"}]}");
		call("insertRecords", "{\"tableName\":\"bin\",\"sourceData\":[{\"b\":\"00FF10\",\"m\":\"12.5\",\"d\":\"19630217\","
				+ "\"j\":{\"a\":[1,2]}}]}");
		this.context.format = new RecordFormat("objects", "string", "base64", List.of(), List.of());
		JsonNode row = call("getRecordsByTable", "{\"tableName\":\"bin\"}").get("data").get(0);
		assertThat(row.get("b").asString()).isEqualTo("AP8Q");
		assertThat(row.get("m").asString()).isEqualTo("12.50");
		assertThat(row.get("id").asString()).isEqualTo("1");
		assertThat(row.get("d").asString()).isEqualTo("1963-02-17");
		assertThat(row.get("j").get("a").get(1).asInt()).isEqualTo(2);
		this.context.format = new RecordFormat("arrays", "number", "hex", List.of(), List.of());
		JsonNode array = call("getRecordsByTable", "{\"tableName\":\"bin\"}").get("data").get(0);
		assertThat(array.get(2).asString()).isEqualTo("00FF10");
	}

	@Test
	void sessionEndFreesCursorsAndTransactions() {
		createTest1();
		call("insertRecords", "{\"tableName\":\"test1\",\"sourceData\":[{\"name\":\"a\"}]}");
		call("getRecordsByTable", "{\"tableName\":\"test1\",\"returnCursor\":true}");
		String tx = call("createTransaction", "{}").get("transactionId").asString();
		call("insertRecords", "{\"tableName\":\"test1\",\"transactionId\":\"" + tx + "\",\"sourceData\":[{\"name\":\"b\"}]}");
		assertThat(this.api.openCursors("session-1")).hasSize(1);
		assertThat(this.api.openTransactions("session-1")).hasSize(1);
		this.api.sessionEnded("session-1");
		assertThat(this.api.openCursors()).isEmpty();
		assertThat(this.api.openTransactions()).isEmpty();
		assertThat(call("getRecordsByTable", "{\"tableName\":\"test1\"}").get("data")).hasSize(1);
	}

	@Test
	void everyDocumentedTypeRoundTrips() {
		call("createTable", """
				{"tableName":"all_types","fields":[
				  {"name":"bit1","type":"bit"},{"name":"tinyint1","type":"tinyint"},{"name":"smallint1","type":"smallint"},
				  {"name":"integer1","type":"integer"},{"name":"bigint1","type":"bigint"},{"name":"real1","type":"real"},
				  {"name":"float1","type":"float"},{"name":"number1","type":"number","length":32,"scale":6},
				  {"name":"money1","type":"money","length":32,"scale":2},{"name":"date1","type":"date"},
				  {"name":"time1","type":"time"},{"name":"timestamp1","type":"timestamp"},
				  {"name":"char1","type":"char","length":5},{"name":"varchar1","type":"varchar","length":20},
				  {"name":"lvarchar1","type":"lvarchar"},{"name":"binary1","type":"binary","length":3},
				  {"name":"varbinary1","type":"varbinary","length":8},{"name":"lvarbinary1","type":"lvarbinary"},
				  {"name":"json1","type":"json","length":1000},
				  {"name":"stamp","type":"timestamp","autoValue":"timestampOnInsert"},
				  {"name":"defaulted","type":"varchar","length":10,"defaultValue":"none yet"}]}""");
		call("insertRecords", """
				{"tableName":"all_types","sourceData":[{"bit1":true,"tinyint1":-5,"smallint1":300,"integer1":70000,
				  "bigint1":"9223372036854775807","real1":1.5,"float1":0.1,"number1":"123.456789","money1":19.99,
				  "date1":"2024-02-29","time1":"13:14:15.678","timestamp1":"2024-02-29T13:14:15.678",
				  "char1":"ab","varchar1":"text","lvarchar1":"long text","binary1":"0102","varbinary1":"0A0B0C",
				  "lvarbinary1":"FF","json1":{"k":["v",1,true,null]}}]}""");
		JsonNode row = call("getRecordsByTable", "{\"tableName\":\"all_types\"}").get("data").get(0);
		assertThat(row.get("bit1").asBoolean()).isTrue();
		assertThat(row.get("tinyint1").asInt()).isEqualTo(-5);
		assertThat(row.get("smallint1").asInt()).isEqualTo(300);
		assertThat(row.get("integer1").asInt()).isEqualTo(70000);
		assertThat(row.get("bigint1").asLong()).isEqualTo(Long.MAX_VALUE);
		assertThat(row.get("real1").asDouble()).isEqualTo(1.5);
		assertThat(row.get("float1").asDouble()).isEqualTo(0.1);
		assertThat(row.get("number1").decimalValue()).isEqualByComparingTo("123.456789");
		assertThat(row.get("money1").toString()).isEqualTo("19.99");
		assertThat(row.get("date1").asString()).isEqualTo("2024-02-29");
		assertThat(row.get("time1").asString()).isEqualTo("13:14:15.678");
		assertThat(row.get("timestamp1").asString()).isEqualTo("2024-02-29T13:14:15.678");
		assertThat(row.get("char1").asString()).isEqualTo("ab   ");
		assertThat(row.get("varchar1").asString()).isEqualTo("text");
		assertThat(row.get("lvarchar1").asString()).isEqualTo("long text");
		assertThat(row.get("binary1").asString()).isEqualTo("010200");
		assertThat(row.get("varbinary1").asString()).isEqualTo("0A0B0C");
		assertThat(row.get("lvarbinary1").asString()).isEqualTo("FF");
		assertThat(row.get("json1").toString()).isEqualTo("{\"k\":[\"v\",1,true,null]}");
		assertThat(row.get("stamp").asString()).isEqualTo(LocalDateTime
			.ofInstant(this.clock.now(), ZoneId.systemDefault())
			.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS")));
		assertThat(row.get("defaulted").asString()).isEqualTo("none yet");
		JsonNode fields = call("describeTables", "{\"tableNames\":[\"all_types\"]}").get("data").get(0).get("fields");
		assertThat(fields).extracting((field) -> field.get("type").asString()).containsExactly("bigint", "bigint", "bit",
				"tinyint", "smallint", "integer", "bigint", "real", "float", "number", "money", "date", "time",
				"timestamp", "char", "varchar", "lvarchar", "binary", "varbinary", "lvarbinary", "json", "timestamp",
				"varchar");
		assertThat(fields.get(20).get("length").asInt()).isEqualTo(1000);
		assertThat(fields.get(22).get("defaultValue").asString()).isEqualTo("none yet");
		assertThat(fields.get(21).get("autoValue").asString()).isEqualTo("timestampOnInsert");
	}

	@Test
	void cursorMovesBackwardsAndToTheEnd() {
		createTest1();
		call("insertRecords", "{\"tableName\":\"test1\",\"sourceData\":[{\"name\":\"a\"},{\"name\":\"b\"},"
				+ "{\"name\":\"c\"},{\"name\":\"d\"}]}");
		String cursorId = call("getRecordsByIndex", "{\"tableName\":\"test1\",\"indexName\":\"id_pk\","
				+ "\"returnCursor\":true}").get("cursorId").asString();
		call("getRecordsFromCursor", "{\"cursorId\":\"" + cursorId + "\",\"fetchRecords\":3}");
		ObjectNode back = call("getRecordsFromCursor", "{\"cursorId\":\"" + cursorId + "\",\"fetchRecords\":-2}");
		assertThat(back.get("data")).extracting((row) -> row.get("name").asString()).containsExactly("c", "b");
		ObjectNode next = call("getRecordsFromCursor", "{\"cursorId\":\"" + cursorId + "\",\"fetchRecords\":1}");
		assertThat(next.get("data")).extracting((row) -> row.get("name").asString()).containsExactly("b");
		ObjectNode end = call("getRecordsFromCursor", "{\"cursorId\":\"" + cursorId
				+ "\",\"startFrom\":\"afterLastRecord\",\"fetchRecords\":-1}");
		assertThat(end.get("data")).extracting((row) -> row.get("name").asString()).containsExactly("d");
		assertThat(end.get("moreRecords").asBoolean()).isTrue();
		ObjectNode skipped = call("getRecordsFromCursor", "{\"cursorId\":\"" + cursorId
				+ "\",\"startFrom\":\"beforeFirstRecord\",\"skipRecords\":2,\"fetchRecords\":5}");
		assertThat(skipped.get("data")).extracting((row) -> row.get("name").asString()).containsExactly("c", "d");
		assertThat(skipped.get("moreRecords").asBoolean()).isFalse();
		assertThat(call("closeCursor", "{\"cursorId\":\"" + cursorId + "\"}")).isNull();
		call("closeCursor", "{\"cursorId\":\"" + cursorId + "\"}");
		assertThat(this.context.warnings).singleElement().asString().startsWith(DbError.UNKNOWN_CURSOR.code() + " ");
	}

	@Test
	void cursorsAndTransactionsBelongToTheirSession() {
		createTest1();
		TestContext other = new TestContext("session-2", this.clock);
		String cursorId = call("getRecordsByTable", "{\"tableName\":\"test1\",\"returnCursor\":true}")
			.get("cursorId").asString();
		String tx = call("createTransaction", "{}").get("transactionId").asString();
		assertThatExceptionOfType(DbException.class)
			.isThrownBy(() -> call(other, "getRecordsFromCursor", "{\"cursorId\":\"" + cursorId + "\"}"))
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(DbError.UNKNOWN_CURSOR.code()));
		assertThatExceptionOfType(DbException.class)
			.isThrownBy(() -> call(other, "insertRecords", "{\"tableName\":\"test1\",\"transactionId\":\"" + tx
					+ "\",\"sourceData\":[{\"name\":\"x\"}]}"))
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(DbError.UNKNOWN_TRANSACTION.code()));
		this.api.sessionEnded("session-2");
		assertThat(this.api.openCursors("session-1")).hasSize(1);
		assertThat(this.api.openTransactions("session-1")).hasSize(1);
	}

	@Test
	void failingActionInsideATransactionUndoesOnlyItsOwnWork() {
		call("createTable", "{\"tableName\":\"u\",\"fields\":[{\"name\":\"k\",\"type\":\"integer\"}],"
				+ "\"primaryKeyFields\":[\"k\"]}");
		String tx = call("createTransaction", "{}").get("transactionId").asString();
		call("insertRecords", "{\"tableName\":\"u\",\"transactionId\":\"" + tx + "\",\"sourceData\":[{\"k\":1}]}");
		assertThatExceptionOfType(DbException.class)
			.isThrownBy(() -> call("insertRecords", "{\"tableName\":\"u\",\"transactionId\":\"" + tx
					+ "\",\"sourceData\":[{\"k\":2},{\"k\":1}]}"))
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(DbError.DUPLICATE_KEY.code()));
		call("commitTransaction", "{\"transactionId\":\"" + tx + "\"}");
		assertThat(call("getRecordsByTable", "{\"tableName\":\"u\"}").get("data"))
			.extracting((row) -> row.get("k").asInt()).containsExactly(1);
	}

	@Test
	void aRecordLockedByATransactionMakesOtherWritersFailWithTheLockCode() {
		createTest1();
		call("insertRecords", "{\"tableName\":\"test1\",\"sourceData\":[{\"name\":\"a\"}]}");
		String tx = call("createTransaction", "{}").get("transactionId").asString();
		call("updateRecords", "{\"tableName\":\"test1\",\"transactionId\":\"" + tx + "\",\"ignoreChangeIdProtection\":true,"
				+ "\"sourceData\":[{\"id\":1,\"name\":\"locked\"}]}");
		assertThatExceptionOfType(DbException.class)
			.isThrownBy(() -> call("updateRecords", "{\"tableName\":\"test1\",\"ignoreChangeIdProtection\":true,"
					+ "\"sourceData\":[{\"id\":1,\"name\":\"other\"}]}"))
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(DbError.LOCK_TIMEOUT.code()));
		call("commitTransaction", "{\"transactionId\":\"" + tx + "\"}");
		assertThat(call("getRecordsByIds", "{\"tableName\":\"test1\",\"ids\":[1]}").get("data").get(0).get("name")
			.asString()).isEqualTo("locked");
	}

	@Test
	void sqlInsideATransactionSeesItsWorkWithoutCommittingIt() {
		createTest1();
		String tx = call("createTransaction", "{}").get("transactionId").asString();
		call("insertRecords", "{\"tableName\":\"test1\",\"transactionId\":\"" + tx + "\",\"sourceData\":[{\"name\":\"a\"}]}");
		assertThat(call("getRecordsUsingSQL", "{\"sql\":\"SELECT name FROM test1\",\"transactionId\":\"" + tx + "\"}")
			.get("data")).hasSize(1);
		assertThat(call("describeTables", "{\"tableNames\":[\"test1\"],\"transactionId\":\"" + tx + "\"}")
			.get("data").get(0).get("totalRecordCount").asInt()).isEqualTo(1);
		call("rollbackTransaction", "{\"transactionId\":\"" + tx + "\"}");
		assertThat(call("getRecordsUsingSQL", "{\"sql\":\"SELECT name FROM test1\"}").get("data")).isEmpty();
	}
}
