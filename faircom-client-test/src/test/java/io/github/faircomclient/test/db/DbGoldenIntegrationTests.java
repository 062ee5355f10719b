package io.github.faircomclient.test.db;

import java.util.List;

import io.github.faircomclient.test.golden.GoldenAssertions;
import io.github.faircomclient.test.golden.GoldenComparison;
import io.github.faircomclient.test.golden.GoldenExample;
import io.github.faircomclient.test.golden.GoldenExamples;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends every documented DB API example (the {@code db-*} golden files) over HTTP. Where the
 * documentation shows the answer, the emulator's answer must match it; request-only examples must
 * be accepted and answered in the documented shape.
 */
class DbGoldenIntegrationTests {

	private DbClient client;

	@BeforeEach
	void start() {
		this.client = new DbClient();
	}

	@AfterEach
	void stop() {
		this.client.close();
	}

	/** The golden request with the placeholder token (and given ids) replaced by real ones. */
	private ObjectNode request(GoldenExample example) {
		ObjectNode request = example.request();
		request.put("authToken", this.client.token);
		return request;
	}

	private JsonNode send(GoldenExample example) {
		return this.client.send(request(example));
	}

	private JsonNode sendOk(GoldenExample example) {
		JsonNode answer = send(example);
		assertThat(answer.path("errorCode").asInt()).as(example.name() + " answered " + answer).isZero();
		return answer;
	}

	private static GoldenExample golden(String name) {
		return GoldenExamples.load(name);
	}

	private void createTest1() {
		sendOk(golden("db-createTable-minimal-request"));
	}

	private void createAthlete() {
		GoldenExample example = golden("db-createTable-athlete-tutorial");
		ObjectNode request = request(example);
		// the tutorial page was cut off at favoriteSaying, which the insert example uses
		((tools.jackson.databind.node.ArrayNode) request.get("params").get("fields")).addObject()
			.put("name", "favoriteSaying").put("type", "varchar").put("length", 500);
		JsonNode answer = this.client.send(request);
		assertThat(answer.path("errorCode").asInt()).as(answer.toString()).isZero();
		sendOk(golden("db-insertRecords-athlete-request"));
	}

	private void createAllTypes() {
		this.client.result("createTable", """
				{"tableName":"all_types","fields":[
				  {"name":"json1","type":"json","length":65500},{"name":"bit1","type":"bit"},
				  {"name":"tinyint1","type":"tinyint"},{"name":"smallint1","type":"smallint"},
				  {"name":"integer1","type":"integer","autoValue":"incrementOnInsert"},
				  {"name":"signed_int64","type":"bigint"},{"name":"real1","type":"real"},{"name":"float1","type":"float"},
				  {"name":"number1","type":"number","length":32,"scale":0},{"name":"money1","type":"money","length":32,"scale":2},
				  {"name":"date1","type":"date"},{"name":"time1","type":"time"},
				  {"name":"timestamp1","type":"timestamp","autoValue":"timestampOnInsert"},
				  {"name":"char1","type":"char","length":10},{"name":"varchar1","type":"varchar","length":100},
				  {"name":"lvarchar1","type":"lvarchar"},{"name":"binary1","type":"binary","length":4},
				  {"name":"varbinary1","type":"varbinary","length":16},{"name":"lvarbinary1","type":"lvarbinary"}],
				 "changeIdField":"signed_int64"}""");
	}

	private String cursorOverAthletes() {
		return this.client.result("getRecordsByTable", "{\"tableName\":\"athlete\",\"returnCursor\":true}")
			.path("cursorId").asString();
	}

	private String transaction() {
		return this.client.result("createTransaction", "{}").path("transactionId").asString();
	}

	// ------------------------------------------------------------------ databases

	@Test
	void listDatabasesMinimal() {
		GoldenAssertions.assertMatchesGolden("db-listDatabases-minimal", send(golden("db-listDatabases-minimal")));
	}

	@Test
	void listDatabasesOlderLayout() {
		GoldenAssertions.assertMatchesGolden("db-listDatabases-older-debug",
				send(golden("db-listDatabases-older-debug")));
	}

	@Test
	void listDatabasesWithPartialName() {
		JsonNode answer = send(golden("db-listDatabases-maximal"));
		GoldenAssertions.assertMatchesGolden("db-listDatabases-maximal", answer);
		assertThat(answer.path("result").path("data")).extracting((row) -> row.get("databaseName").asString())
			.containsExactly("ctreeSQL");
	}

	@Test
	void createDatabaseSuccess() {
		GoldenAssertions.assertMatchesGolden("db-createDatabase-success", send(golden("db-createDatabase-success")));
	}

	@Test
	void createDatabaseInAFolderThatIsNotThereFailsWith19() {
		GoldenAssertions.assertMatchesGolden("db-createDatabase-error-19", send(golden("db-createDatabase-error-19")));
	}

	@Test
	void createDatabaseThatExistsFailsWith4021() {
		this.client.result("createDatabase", "{\"databaseName\":\"test_db_min\"}");
		GoldenAssertions.assertMatchesGolden("db-createDatabase-error-4021",
				send(golden("db-createDatabase-error-4021")));
	}

	@Test
	void deleteDatabaseSuccess() {
		this.client.result("createDatabase", "{\"databaseName\":\"test_db_min\"}");
		GoldenExample example = golden("db-deleteDatabase-success");
		JsonNode answer = send(example);
		// the documented answer echoes another request (requestId 00000014, debug max) in debugInfo
		GoldenAssertions.assertMatches(example.name(), GoldenComparison.of(example).ignoring("debugInfo"), answer);
		assertThat(this.client.result("listDatabases", "{}").path("data"))
			.extracting((row) -> row.get("databaseName").asString()).doesNotContain("test_db_min");
	}

	// ------------------------------------------------------------------ tables

	@Test
	void createTableMinimalThenDescribeTables() {
		JsonNode created = sendOk(golden("db-createTable-minimal-request"));
		assertThat(created.path("result").path("data").get(0).path("tableName").asString()).isEqualTo("test1");
		GoldenAssertions.assertMatchesGolden("db-describeTables-minimal", send(golden("db-describeTables-minimal")));
	}

	@Test
	void createTableAthleteTutorial() {
		createAthlete();
		JsonNode fields = this.client.result("describeTables", "{\"tableNames\":[\"athlete\"]}").path("data").get(0)
			.path("fields");
		assertThat(fields).extracting((field) -> field.get("name").asString()).containsExactly("id", "changeId", "name",
				"ranking", "birthDate", "playerNumber", "livedPast2000", "earnings", "favoriteSaying");
		assertThat(fields.get(5).path("length").asInt()).isEqualTo(32);
		assertThat(fields.get(5).path("scale").asInt()).isEqualTo(6);
		assertThat(fields.get(3).path("nullable").asBoolean()).isFalse();
	}

	@Test
	void deleteTablesMinimal() {
		createTest1();
		this.client.result("insertRecords", "{\"tableName\":\"test1\",\"sourceData\":[{\"name\":\"a\"},{\"name\":\"b\"},"
				+ "{\"name\":\"c\"}]}");
		GoldenExample example = golden("db-deleteTables-minimal");
		JsonNode answer = send(example);
		// this older documented layout has no authToken echo; the emulator echoes it as newer servers do
		GoldenAssertions.assertMatches(example.name(), GoldenComparison.of(example).ignoring("authToken"), answer);
		assertThat(answer.path("result").path("data").get(0).path("totalRecordCount").asInt()).isEqualTo(3);
		assertThat(this.client.result("listTables", "{}").path("data")).isEmpty();
	}

	@Test
	void listTablesMinimal() {
		createAllTypes();
		createAthlete();
		createTest1();
		GoldenAssertions.assertMatchesGolden("db-listTables-minimal", send(golden("db-listTables-minimal")));
	}

	@Test
	void listTablesByPartialName() {
		createAllTypes();
		createAthlete();
		createTest1();
		GoldenAssertions.assertMatchesGolden("db-listTables-partial-name", send(golden("db-listTables-partial-name")));
	}

	@Test
	void listTablesPaginated() {
		createAllTypes();
		createAthlete();
		createTest1();
		this.client.result("createTable", "{\"tableName\":\"zeta\",\"fields\":[{\"name\":\"z\",\"type\":\"integer\"}]}");
		this.client.result("createTable", "{\"tableName\":\"zzz\",\"fields\":[{\"name\":\"z\",\"type\":\"integer\"}]}");
		JsonNode answer = sendOk(golden("db-listTables-paginate-request"));
		assertThat(answer.path("result").path("data")).extracting((row) -> row.get("tableName").asString())
			.containsExactly("athlete", "test1", "zeta");
		assertThat(answer.path("debugInfo").path("request").path("params").path("maxRecords").asInt()).isEqualTo(3);
	}

	// ------------------------------------------------------------------ indexes

	@Test
	void createIndexesThenListIndexes() {
		createAthlete();
		sendOk(golden("db-createIndex-ranking-request"));
		JsonNode earnings = this.client.result("createIndex", "{\"tableName\":\"athlete\",\"indexName\":\"earnings\","
				+ "\"fields\":[{\"name\":\"earnings\"}],\"waitToBeLoaded\":true}");
		assertThat(earnings.path("data").get(0).path("indexNumber").asInt()).isEqualTo(2);
		GoldenAssertions.assertMatchesGolden("db-listIndexes-minimal", send(golden("db-listIndexes-minimal")));
	}

	@Test
	void createFilteredIndexWithEveryOption() {
		createAthlete();
		JsonNode answer = sendOk(golden("db-createIndex-filtered-maximal-request"));
		JsonNode index = answer.path("result").path("data").get(0);
		assertThat(index.path("indexName").asString()).isEqualTo("name_livedpast2000");
		assertThat(index.path("conditionalExpression").asString()).isEqualTo("livedpast2000 == 1");
		assertThat(index.path("filename").asString()).isEqualTo("admin_athlete_name_livedpast2000");
		assertThat(index.path("compression").asString()).isEqualTo("auto");
		assertThat(index.path("fields").get(0).path("sortDescending").asBoolean()).isTrue();
		// a filtered index only holds the matching records: Babe Ruth (livedPast2000 false) is not in it;
		// the key is the name in upper case, read from its last letter (reverseCompare), descending:
		// YKZTERG ENYAW, NADROJ LEAHCIM, ILA DAMMAHUM, ELEP
		JsonNode records = this.client.result("getRecordsByIndex", "{\"tableName\":\"athlete\","
				+ "\"indexName\":\"name_livedpast2000\"}").path("data");
		assertThat(records).extracting((row) -> row.get("name").asString())
			.containsExactly("Wayne Gretzky", "Michael Jordan", "Muhammad Ali", "Pele");
	}

	@Test
	void deleteIndexesMinimal() {
		createTest1();
		this.client.result("createIndex", "{\"tableName\":\"test1\",\"indexName\":\"name\",\"fields\":[{\"name\":\"name\"}]}");
		GoldenAssertions.assertMatchesGolden("db-deleteIndexes-minimal", send(golden("db-deleteIndexes-minimal")));
		assertThat(this.client.result("listIndexes", "{\"tableName\":\"test1\"}").path("data"))
			.extracting((row) -> row.get("indexName").asString()).containsExactly("id_pk");
	}

	// ------------------------------------------------------------------ modifying data

	@Test
	void insertRecordsAsObjectsAndArrays() {
		createTest1();
		JsonNode objects = sendOk(golden("db-insertRecords-objects-request"));
		assertThat(objects.path("requestId").asString()).isEqualTo("1");
		assertThat(objects.path("result").path("totalRecordCount").asInt()).isEqualTo(2);
		JsonNode arrays = sendOk(golden("db-insertRecords-arrays-request"));
		assertThat(arrays.path("result").path("data")).extracting((row) -> row.get("id").asLong())
			.containsExactly(3L, 4L);
		JsonNode names = this.client.result("getRecordsByTable", "{\"tableName\":\"test1\"}").path("data");
		assertThat(names).extracting((row) -> row.get("name").asString())
			.containsExactly("test name 1", "test name 2", "test name 3", "test name 4");
	}

	@Test
	void insertAthletes() {
		createAthlete();
		JsonNode jordan = this.client.result("getRecordsByIds", "{\"tableName\":\"athlete\",\"ids\":[1]}")
			.path("data").get(0);
		assertThat(jordan.path("birthDate").asString()).isEqualTo("1963-02-17");
		assertThat(jordan.path("livedPast2000").asBoolean()).isTrue();
		assertThat(jordan.path("earnings").decimalValue()).isEqualByComparingTo("1700000000");
		assertThat(jordan.path("favoriteSaying").asString()).isEqualTo("There is no 'i' in team but there is in win.");
	}

	@Test
	void updateRecordsIgnoringChangeId() {
		createTest1();
		sendOk(golden("db-insertRecords-objects-request"));
		JsonNode answer = sendOk(golden("db-updateRecords-ignore-changeid-request"));
		assertThat(answer.path("requestId").asString()).isEqualTo("1");
		assertThat(this.client.result("getRecordsByIds", "{\"tableName\":\"test1\",\"ids\":[1]}").path("data").get(0)
			.path("name").asString()).isEqualTo("new updated value");
	}

	@Test
	void updateRecordsWithChangeId() {
		createTest1();
		sendOk(golden("db-insertRecords-objects-request"));
		long changeId = this.client.result("getRecordsByIds", "{\"tableName\":\"test1\",\"ids\":[1]}").path("data")
			.get(0).path("changeId").asLong();
		GoldenExample example = golden("db-updateRecords-with-changeid-request");
		ObjectNode request = request(example);
		// the documented changeId 1295300 came from another server (volatile in the golden file)
		((ObjectNode) request.get("params").get("sourceData").get(0)).put("changeId", changeId);
		JsonNode answer = this.client.send(request);
		assertThat(answer.path("errorCode").asInt()).as(answer.toString()).isZero();
		assertThat(answer.path("result").path("data").get(0).path("changeId").asLong()).isGreaterThan(changeId);
		((ObjectNode) request.get("params").get("sourceData").get(0)).put("changeId", changeId);
		assertThat(this.client.send(request).path("errorCode").asInt()).isEqualTo(DbError.CHANGE_ID_CONFLICT.code());
	}

	@Test
	void deleteRecordsByIds() {
		createTest1();
		sendOk(golden("db-insertRecords-objects-request"));
		sendOk(golden("db-insertRecords-arrays-request"));
		JsonNode answer = sendOk(golden("db-deleteRecords-ids-request"));
		assertThat(answer.path("result").path("totalRecordCount").asInt()).isEqualTo(2);
		assertThat(answer.path("result").path("data")).extracting((row) -> row.get("name").asString())
			.containsExactly("test name 1", "test name 2");
		assertThat(sendOk(golden("db-deleteRecords-ids-request")).path("result").path("totalRecordCount").asInt())
			.isZero();
	}

	@Test
	void deleteRecordsByPrimaryKeys() {
		this.client.result("createTable", "{\"tableName\":\"pk_example\",\"fields\":["
				+ "{\"name\":\"first_name\",\"type\":\"varchar\",\"length\":30},"
				+ "{\"name\":\"last_name\",\"type\":\"varchar\",\"length\":30},{\"name\":\"note\",\"type\":\"varchar\","
				+ "\"length\":30}],\"primaryKeyFields\":[\"first_name\",\"last_name\"]}");
		this.client.result("insertRecords", "{\"tableName\":\"pk_example\",\"sourceData\":["
				+ "{\"first_name\":\"Sam\",\"last_name\":\"I-am\",\"note\":\"1\"},"
				+ "{\"first_name\":\"The Cat\",\"last_name\":\"in the Hat\",\"note\":\"2\"},"
				+ "{\"first_name\":\"Sam\",\"last_name\":\"Other\",\"note\":\"3\"}]}");
		JsonNode answer = sendOk(golden("db-deleteRecords-primarykeys-request"));
		assertThat(answer.path("result").path("totalRecordCount").asInt()).isEqualTo(2);
		assertThat(this.client.result("getRecordsByTable", "{\"tableName\":\"pk_example\"}").path("data"))
			.extracting((row) -> row.get("note").asString()).containsExactly("3");
		assertThat(this.client.result("listIndexes", "{\"tableName\":\"pk_example\"}").path("data").get(0)
			.path("indexName").asString()).isEqualTo("pk");
	}

	// ------------------------------------------------------------------ queries

	@Test
	void getRecordsByIndexMinimal() {
		createAthlete();
		JsonNode answer = send(golden("db-getRecordsByIndex-minimal"));
		GoldenAssertions.assertMatchesGolden("db-getRecordsByIndex-minimal", answer);
		assertThat(answer.path("result").path("data")).hasSize(5);
	}

	@Test
	void getRecordsByIndexMaximalReturnsOnlyIncludedFields() {
		createAthlete();
		JsonNode result = sendOk(golden("db-getRecordsByIndex-maximal-request")).path("result");
		assertThat(result.path("fields")).extracting((field) -> field.get("name").asString())
			.containsExactly("name", "ranking");
		assertThat(result.path("data")).extracting((row) -> row.get("ranking").asString())
			.containsExactly("1", "2", "3");
		assertThat(result.path("numberFormat").asString()).isEqualTo("string");
	}

	@Test
	void getRecordsByIndexWithCursor() {
		createAthlete();
		JsonNode result = sendOk(golden("db-getRecordsByIndex-cursor-request")).path("result");
		assertThat(result.path("cursorId").asString()).hasSize(64);
		assertThat(result.has("data")).isFalse();
		JsonNode page = this.client.result("getRecordsFromCursor", "{\"cursorId\":\"" + result.path("cursorId").asString()
				+ "\",\"fetchRecords\":10}");
		assertThat(page.path("data")).extracting((row) -> row.get("name").asString())
			.containsExactly("Michael Jordan", "Babe Ruth", "Muhammad Ali");
		assertThat(page.path("moreRecords").asBoolean()).isFalse();
	}

	@Test
	void getRecordsInKeyRange() {
		createAthlete();
		JsonNode all = sendOk(golden("db-getRecordsInKeyRange-minimal-request")).path("result");
		assertThat(all.path("data")).hasSize(5);
		this.client.result("createIndex", "{\"tableName\":\"athlete\",\"indexName\":\"earnings\",\"fields\":[{\"name\":\"earnings\"}]}");
		String cursorId = sendOk(golden("db-getRecordsInKeyRange-cursor-request")).path("result").path("cursorId")
			.asString();
		JsonNode page = this.client.result("getRecordsFromCursor", "{\"cursorId\":\"" + cursorId + "\",\"fetchRecords\":5}");
		assertThat(page.path("data")).extracting((row) -> row.get("name").asString())
			.containsExactly("Babe Ruth", "Wayne Gretzky");
	}

	@Test
	void getRecordsStartingAtKey() {
		createAthlete();
		JsonNode result = sendOk(golden("db-getRecordsStartingAtKey-minimal-request")).path("result");
		assertThat(result.path("data")).extracting((row) -> row.get("id").asLong()).containsExactly(2L, 3L, 4L, 5L);
		assertThat(this.client.error("getRecordsStartingAtKey", "{\"tableName\":\"athlete\",\"indexFilter\":{"
				+ "\"indexName\":\"id_pk\",\"operator\":\"=\",\"indexFields\":[{\"fieldName\":\"id\",\"value\":\"42\"}]}}"))
			.isEqualTo(4046);
		assertThat(this.client.call("getRecordsStartingAtKey", "{\"tableName\":\"athlete\",\"indexFilter\":{"
				+ "\"indexName\":\"id_pk\",\"operator\":\">\",\"indexFields\":[{\"fieldName\":\"id\",\"value\":5}]}}")
			.path("errorMessage").asString()).isEqualTo("Key not found");
	}

	@Test
	void getRecordsUsingSqlMinimal() {
		createAthlete();
		JsonNode answer = send(golden("db-getRecordsUsingSQL-minimal"));
		GoldenAssertions.assertMatchesGolden("db-getRecordsUsingSQL-minimal", answer);
		assertThat(answer.path("result").path("data")).hasSize(5);
		assertThat(answer.path("result").path("data").get(0).has("favoritesaying")).isTrue();
	}

	@Test
	void getRecordsUsingSqlWithPositionalParameters() {
		createAthlete();
		JsonNode result = sendOk(golden("db-getRecordsUsingSQL-maximal-request")).path("result");
		assertThat(result.path("data")).extracting((row) -> row.get("name").asString())
			.containsExactly("Michael Jordan");
		assertThat(result.path("totalRecordCount").asInt()).isEqualTo(1);
		assertThat(result.path("data").get(0).path("ranking").asString()).isEqualTo("1");
	}

	@Test
	void getRecordsUsingSqlWithCursor() {
		createAthlete();
		JsonNode result = sendOk(golden("db-getRecordsUsingSQL-cursor-request")).path("result");
		JsonNode page = this.client.result("getRecordsFromCursor", "{\"cursorId\":\"" + result.path("cursorId").asString()
				+ "\",\"fetchRecords\":20}");
		assertThat(page.path("data")).hasSize(5);
		assertThat(page.path("fields").get(1).path("name").asString()).isEqualTo("changeid");
	}

	@Test
	void getRecordsFromCursorMinimalAndTutorial() {
		createAthlete();
		String cursorId = cursorOverAthletes();
		GoldenExample minimal = golden("db-getRecordsFromCursor-minimal-request");
		ObjectNode request = request(minimal);
		((ObjectNode) request.get("params")).put("cursorId", cursorId);
		JsonNode first = this.client.send(request);
		assertThat(first.path("result").path("data")).extracting((row) -> row.get("name").asString())
			.containsExactly("Michael Jordan");
		JsonNode second = this.client.send(request);
		assertThat(second.path("result").path("data")).extracting((row) -> row.get("name").asString())
			.containsExactly("Babe Ruth");
		GoldenExample tutorial = golden("db-getRecordsFromCursor-tutorial-request");
		ObjectNode rewind = request(tutorial);
		((ObjectNode) rewind.get("params")).put("cursorId", cursorId);
		JsonNode rewound = this.client.send(rewind);
		assertThat(rewound.path("errorCode").asInt()).isZero();
		assertThat(rewound.path("result").path("data")).extracting((row) -> row.get("name").asString())
			.containsExactly("Babe Ruth");
		assertThat(rewound.path("result").path("moreRecords").asBoolean()).isTrue();
	}

	@Test
	void closeCursorMinimal() {
		createAthlete();
		String cursorId = cursorOverAthletes();
		GoldenExample example = golden("db-closeCursor-minimal");
		ObjectNode request = request(example);
		((ObjectNode) request.get("params")).put("cursorId", cursorId);
		JsonNode answer = this.client.send(request);
		GoldenAssertions.assertMatches(example, answer);
		assertThat(this.client.plugin().openCursors()).isEmpty();
	}

	@Test
	void closeCursorWithDebug() {
		createAthlete();
		String cursorId = cursorOverAthletes();
		GoldenExample example = golden("db-closeCursor-maximal-debug");
		ObjectNode request = request(example);
		((ObjectNode) request.get("params")).put("cursorId", cursorId);
		JsonNode answer = this.client.send(request);
		// cursorIds are server-generated: the documented placeholder stands for the real one
		GoldenAssertions.assertMatches(example.name(),
				GoldenComparison.of(example).withVolatilePaths("debugInfo.request.params.cursorId"), answer);
		assertThat(this.client.plugin().openCursors()).isEmpty();
	}

	// ------------------------------------------------------------------ transactions

	@Test
	void commitTransactionMinimal() {
		createTest1();
		String transactionId = transaction();
		this.client.result("insertRecords", "{\"tableName\":\"test1\",\"transactionId\":\"" + transactionId
				+ "\",\"sourceData\":[{\"name\":\"committed\"}]}");
		GoldenExample example = golden("db-commitTransaction-minimal");
		ObjectNode request = request(example);
		((ObjectNode) request.get("params")).put("transactionId", transactionId);
		GoldenAssertions.assertMatches(example, this.client.send(request));
		assertThat(this.client.result("getRecordsByTable", "{\"tableName\":\"test1\"}").path("data")).hasSize(1);
	}

	@Test
	void commitTransactionWithDebug() {
		String transactionId = transaction();
		GoldenExample example = golden("db-commitTransaction-maximal-debug");
		ObjectNode request = request(example);
		((ObjectNode) request.get("params")).put("transactionId", transactionId);
		JsonNode answer = this.client.send(request);
		GoldenAssertions.assertMatches(example, answer);
		assertThat(answer.has("result")).isFalse();
		assertThat(answer.path("errorCode").asInt()).isZero();
	}

	@Test
	void rollbackTransactionMinimal() {
		createTest1();
		String transactionId = transaction();
		this.client.result("insertRecords", "{\"tableName\":\"test1\",\"transactionId\":\"" + transactionId
				+ "\",\"sourceData\":[{\"name\":\"rolled back\"}]}");
		GoldenExample example = golden("db-rollbackTransaction-minimal");
		ObjectNode request = request(example);
		((ObjectNode) request.get("params")).put("transactionId", transactionId);
		GoldenAssertions.assertMatches(example, this.client.send(request));
		assertThat(this.client.result("getRecordsByTable", "{\"tableName\":\"test1\"}").path("data")).isEmpty();
	}

	/** Every db golden file a test above sends (the 60031 tutorial answer is the session layer's). */
	static final List<String> COVERED = List.of("db-closeCursor-maximal-debug", "db-closeCursor-minimal",
			"db-commitTransaction-maximal-debug", "db-commitTransaction-minimal", "db-createDatabase-error-19",
			"db-createDatabase-error-4021", "db-createDatabase-success", "db-createIndex-filtered-maximal-request",
			"db-createIndex-ranking-request", "db-createTable-athlete-tutorial", "db-createTable-minimal-request",
			"db-deleteDatabase-success", "db-deleteIndexes-minimal", "db-deleteRecords-ids-request",
			"db-deleteRecords-primarykeys-request", "db-deleteTables-minimal", "db-describeTables-minimal",
			"db-getRecordsByIndex-cursor-request", "db-getRecordsByIndex-maximal-request", "db-getRecordsByIndex-minimal",
			"db-getRecordsFromCursor-minimal-request", "db-getRecordsFromCursor-tutorial-request",
			"db-getRecordsInKeyRange-cursor-request", "db-getRecordsInKeyRange-minimal-request",
			"db-getRecordsStartingAtKey-minimal-request", "db-getRecordsUsingSQL-cursor-request",
			"db-getRecordsUsingSQL-maximal-request", "db-getRecordsUsingSQL-minimal", "db-insertRecords-arrays-request",
			"db-insertRecords-athlete-request", "db-insertRecords-objects-request", "db-listDatabases-maximal",
			"db-listDatabases-minimal", "db-listDatabases-older-debug", "db-listIndexes-minimal", "db-listTables-minimal",
			"db-listTables-paginate-request", "db-listTables-partial-name", "db-rollbackTransaction-minimal",
			"db-updateRecords-ignore-changeid-request", "db-updateRecords-with-changeid-request");

	@Test
	void everyDbGoldenFileIsSentByATest() {
		List<String> names = GoldenExamples.names().stream()
			.map((name) -> name.endsWith(".json") ? name.substring(0, name.length() - 5) : name)
			.filter((name) -> name.startsWith("db-"))
			.filter((name) -> !name.equals("db-createDatabase-invalid-session-60031-tutorial"))
			.toList();
		List<String> covered = new java.util.ArrayList<>(COVERED);
		covered.addAll(DbGoldenSecondSetIntegrationTests.COVERED);
		assertThat(names).containsExactlyInAnyOrderElementsOf(covered);
	}
}
