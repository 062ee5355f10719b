package io.github.faircomclient.db;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.github.faircomclient.FairComApiException;
import io.github.faircomclient.test.golden.GoldenComparison;
import io.github.faircomclient.test.golden.GoldenExample;
import io.github.faircomclient.test.golden.GoldenExamples;
import io.github.faircomclient.testsupport.FairComStub;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The requests {@link DbTemplate} writes, compared with FairCom's documented requests (the
 * golden files), and the documented answers it reads.
 */
class DbTemplateGoldenRequestTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final DbSettings HEX_STRINGS = DbSettings.builder()
		.binaryFormat(BinaryFormat.HEX)
		.numberFormat(NumberFormat.STRING)
		.build();

	private final FairComStub stub = new FairComStub();

	@AfterEach
	void close() {
		this.stub.close();
	}

	record Athlete(String name, int ranking, LocalDate birthDate, int playerNumber, boolean livedPast2000,
			long earnings, String favoriteSaying) {
	}

	record Test1(long id, long changeId, String name) {
	}

	/**
	 * One documented request: how to make the client write it, what to answer, and the
	 * paths that differ on purpose (properties the client adds, like the overflow probe
	 * {@code maxRecords}, or documented ones it leaves to the server's default).
	 */
	record Case(String golden, Function<DbOperations, Object> call, Consumer<FairComStub> answers, DbSettings settings,
			String... ignored) {

		Case(String golden, Function<DbOperations, Object> call, Consumer<FairComStub> answers, String... ignored) {
			this(golden, call, answers, HEX_STRINGS, ignored);
		}

		Case(String golden, Function<DbOperations, Object> call, String... ignored) {
			this(golden, call, (stub) -> {
			}, ignored);
		}

		@Override
		public String toString() {
			return this.golden;
		}

	}

	static Stream<Case> documentedRequests() {
		return Stream.of(
				new Case("db-createTable-minimal-request",
						(db) -> db.createTable(TableDefinition.builder("test1")
							.field(FieldDefinition.varchar("name", 50))
							.build()),
						(stub) -> stub.answer("createTable", goldenResult("db-describeTables-minimal"))),
				new Case("db-createTable-athlete-tutorial",
						(db) -> db.withDatabase("ctreeSQL")
							.createTable(TableDefinition.builder("athlete")
								.field(FieldDefinition.varchar("name", 30))
								.field(FieldDefinition.smallint("ranking").nullable(false))
								.field(FieldDefinition.date("birthDate"))
								.field(FieldDefinition.number("playerNumber", 32, 6))
								.field(FieldDefinition.bit("livedPast2000"))
								.field(FieldDefinition.money("earnings", 32, 4))
								.build()),
						(stub) -> stub.answer("createTable", goldenResult("db-describeTables-minimal"))),
				new Case("db-createIndex-filtered-maximal-request",
						(db) -> db.withDatabase("ctreeSQL")
							.withOwner("admin")
							.createIndex(IndexDefinition.builder("athlete", "name_livedpast2000")
								.field(IndexField.of("name").ignoringCase().descending().reversed())
								.conditionalExpression("livedpast2000 == 1")
								.unique(false)
								.immutableKeys(false)
								.waitToBeLoaded(true)
								.filename("admin_athlete_name_livedpast2000")
								.collectStats(true)
								.compression("auto")
								.build()),
						(stub) -> stub.answer("createIndex", "{\"data\":[" + goldenIndex(0) + "]}")),
				new Case("db-createIndex-ranking-request",
						(db) -> db.createIndex(
								IndexDefinition.builder("athlete", "ranking").field("ranking").waitToBeLoaded(true).build()),
						(stub) -> stub.answer("createIndex", "{\"data\":[" + goldenIndex(1) + "]}")),
				new Case("db-deleteIndexes-minimal", (db) -> db.deleteIndexes("test1", "name")),
				new Case("db-deleteRecords-ids-request", (db) -> db.deleteByIds("test1", List.of(1, 2)),
						"params.binaryFormat"),
				new Case("db-deleteRecords-primarykeys-request",
						(db) -> db.deleteByPrimaryKeys("pk_example",
								List.of(PrimaryKey.of("first_name", "Sam").and("last_name", "I-am"),
										PrimaryKey.of("first_name", "The Cat").and("last_name", "in the Hat"))),
						"params.binaryFormat"),
				new Case("db-deleteTables-minimal", (db) -> db.deleteTables("test1")),
				new Case("db-describeTables-minimal", (db) -> db.describeTables("test1")),
				new Case("db-getRecordsByIndex-cursor-request",
						(db) -> db.getRecordsByIndex("athlete", "id_pk").tableFilter("ranking <= 3").stream(JsonNode.class,
								Stream::count),
						(stub) -> stub.answer("getRecordsByIndex", "{\"cursorId\":\"c1\"}")),
				new Case("db-getRecordsByIndex-maximal-request",
						(db) -> db.withDatabase("ctreeSQL")
							.withOwner("admin")
							.withResponseOptions(Map.of("variantFormat", "variantObject", "includeFields",
									List.of("name", "ranking"), "excludeFields", List.of()))
							.getRecordsByIndex("athlete", "id_pk")
							.tableFilter("ranking <= 3")
							.limit(19)
							.list(JsonNode.class),
						"params.returnCursor", "params.reverseOrder", "params.skipRecords",
						"params.fixedLengthCharFormat"),
				new Case("db-getRecordsByIndex-minimal",
						(db) -> db.getRecordsByIndex("athlete", "id_pk").list(JsonNode.class), "params.maxRecords"),
				new Case("db-getRecordsFromCursor-minimal-request",
						(db) -> db.getRecordsByTable("athlete").fetchSize(1).stream(JsonNode.class, Stream::count),
						(stub) -> stub.answer("getRecordsByTable", "{\"cursorId\":\"c1\"}")),
				new Case("db-getRecordsFromCursor-tutorial-request",
						(db) -> db.getRecordsByTable("athlete").skip(1).fetchSize(1).stream(JsonNode.class, Stream::count),
						(stub) -> stub.answer("getRecordsByTable", "{\"cursorId\":\"c1\"}"), "params.startFrom"),
				new Case("db-getRecordsInKeyRange-cursor-request",
						(db) -> db.getRecordsInKeyRange("athlete", KeyRange.of("earnings").lessThan("earnings", 2000000))
							.stream(JsonNode.class, Stream::count),
						(stub) -> stub.answer("getRecordsInKeyRange", "{\"cursorId\":\"c1\"}"), "params.binaryFormat"),
				new Case("db-getRecordsInKeyRange-minimal-request",
						(db) -> db.withDatabase("ctreeSQL")
							.getRecordsInKeyRange("athlete", KeyRange.of("admin_athlete_id_pk").atLeast("id", ""))
							.list(JsonNode.class),
						"params.binaryFormat", "params.maxRecords"),
				new Case("db-getRecordsStartingAtKey-minimal-request",
						(db) -> db
							.getRecordsStartingAtKey("athlete",
									StartKey.of("admin_athlete_id_pk", KeyOperator.EQUAL).field("id", "2"))
							.list(JsonNode.class),
						"params.binaryFormat", "params.maxRecords"),
				new Case("db-getRecordsUsingSQL-cursor-request",
						(db) -> db.getRecordsUsingSQL("SELECT * from athlete").stream(JsonNode.class, Stream::count),
						(stub) -> stub.answer("getRecordsUsingSQL", "{\"cursorId\":\"c1\"}")),
				new Case("db-getRecordsUsingSQL-maximal-request",
						(db) -> db.withDatabase("ctreeSQL")
							.withResponseOptions(Map.of("variantFormat", "variantObject", "includeFields", List.of(),
									"excludeFields", List.of()))
							.getRecordsUsingSQL("SELECT * from athlete WHERE earnings > ?", 1000000000)
							.list(JsonNode.class),
						"params.returnCursor", "params.forceRecordCount", "params.sqlForwardOnly", "params.maxRecords"),
				new Case("db-getRecordsUsingSQL-minimal",
						(db) -> db.getRecordsUsingSQL("SELECT * from athlete").list(JsonNode.class),
						"params.maxRecords"),
				new Case("db-insertRecords-objects-request",
						(db) -> db.withDatabase("ctreeSQL")
							.withOwner("admin")
							.insert("test1", List.of(Map.of("name", "test name 1"), Map.of("name", "test name 2"))),
						"params.binaryFormat"),
				new Case("db-insertRecords-athlete-request",
						(db) -> db.withDatabase("ctreeSQL").insert("athlete", athletes()), "params.binaryFormat",
						"params.sourceData[*].birthDate"),
				new Case("db-updateRecords-with-changeid-request",
						(db) -> db.withDatabase("ctreeSQL")
							.withOwner("admin")
							.update("test1", new Test1(1, 1295300, "updated")),
						"params.binaryFormat", "params.fixedLengthCharFormat"),
				new Case("db-updateRecords-ignore-changeid-request",
						(db) -> db.withDatabase("ctreeSQL")
							.withOwner("admin")
							.updateIgnoringChangeId("test1", List.of(Map.of("id", 1, "name", "new updated value"))),
						"params.binaryFormat", "params.fixedLengthCharFormat"),
				new Case("db-listDatabases-maximal", (db) -> db.listDatabases("ctr"), (stub) -> {
				}, DbSettings.builder().binaryFormat(BinaryFormat.HEX).maxRecords(19).build(), "params.skipRecords",
						"params.transactionId"),
				new Case("db-listDatabases-minimal", (db) -> db.listDatabases(), "params.maxRecords"),
				new Case("db-listTables-minimal", (db) -> db.listTables(), "params.maxRecords"),
				new Case("db-listTables-partial-name", (db) -> db.withDatabase("ctreeSQL").listTables("a"),
						"params.maxRecords"),
				new Case("db-listIndexes-minimal", (db) -> db.withDatabase("ctreeSQL").listIndexes("athlete"),
						"params.maxRecords"),
				new Case("db-createDatabase-success", (db) -> db.createDatabase("testdatabase", ".")),
				new Case("db-deleteDatabase-success", (db) -> db.deleteDatabase("test_db_min")),
				new Case("db-commitTransaction-minimal",
						(db) -> ok(() -> db.commitTransaction("replaceWithTransactionIdFromCreateTransaction"))),
				new Case("db-rollbackTransaction-minimal",
						(db) -> ok(() -> db.rollbackTransaction("replaceWithTransactionIdFromCreateTransaction"))),
				new Case("db-commitTransaction-savepoint-maximal-request",
						(db) -> ok(() -> db.commitTransaction("replaceWithTransactionIdFromCreateTransaction", 1)),
						"params.transactionSavepointId"),
				new Case("db-createTransactionSavepoint-minimal",
						(db) -> db.createTransactionSavepoint("replaceWithTransactionIdFromCreateTransaction")),
				new Case("db-createTransactionSavepoint-maximal-debug",
						(db) -> db.createTransactionSavepoint("replaceWithAValidTransactionId")),
				new Case("db-createTransactionSavepoint-older",
						(db) -> db.createTransactionSavepoint("replaceWithTransactionIdFromCreateTransaction")),
				new Case("db-revertToTransactionSavepoint-minimal",
						(db) -> ok(() -> db.revertToTransactionSavepoint("replaceWithTransactionIdFromCreateTransaction",
								1))),
				new Case("db-revertToTransactionSavepoint-maximal-debug",
						(db) -> ok(() -> db.revertToTransactionSavepoint("replaceWithTransactionIdFromCreateTransaction",
								1))),
				new Case("db-listTransactions-minimal", (db) -> db.listTransactions()),
				new Case("db-closeCursor-minimal",
						(db) -> db.getRecordsByTable("athlete").stream(JsonNode.class, Stream::count),
						(stub) -> stub.answer("getRecordsByTable", "{\"cursorId\":\"c1\"}")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("documentedRequests")
	void writesTheDocumentedRequest(Case documented) {
		GoldenExample example = GoldenExamples.load(documented.golden());
		String action = example.request().get("action").stringValue();
		documented.answers().accept(this.stub);
		if (example.response() != null && !example.partial() && example.response().path("errorCode").asInt(0) == 0
				&& !action.equals("closeCursor")) {
			this.stub.answerEnvelope(action, goldenAnswer(example));
		}
		DbOperations db = this.stub.template((builder) -> builder.dbSettings(documented.settings())).db();
		documented.call().apply(db);
		JsonNode sent = this.stub.requests(action).get(0);
		ObjectNode expected = json.createObjectNode();
		ObjectNode actual = json.createObjectNode();
		expected.put("action", action);
		actual.put("action", sent.get("action").stringValue());
		if (example.request().has("api")) {
			expected.set("api", example.request().get("api"));
			actual.set("api", sent.get("api"));
		}
		assertThat(sent.get("api").stringValue()).isEqualTo("db");
		expected.set("params", example.request().has("params") && !example.request().get("params").isNull()
				? example.request().get("params") : json.createObjectNode());
		actual.set("params", sent.get("params"));
		GoldenComparison comparison = GoldenComparison.of(expected)
			.withVolatilePaths("params.cursorId")
			.ignoring(documented.ignored());
		GoldenComparison.Result result = comparison.compare(actual);
		assertThat(result.matches()).as(result::describe).isTrue();
		JsonNode responseOptions = sent.get("responseOptions");
		assertThat(responseOptions.get("dataFormat").stringValue()).isEqualTo("objects");
		assertThat(responseOptions.get("numberFormat").stringValue()).isEqualTo("string");
		assertThat(responseOptions.get("binaryFormat").stringValue()).isEqualTo("hex");
		if (example.request().has("responseOptions") && !example.request().get("responseOptions").isEmpty()) {
			GoldenComparison.Result options = GoldenComparison.of(example.request().get("responseOptions"))
				.compare(responseOptions);
			assertThat(options.matches()).as(options::describe).isTrue();
		}
	}

	@Test
	void getRecordsByPrimaryKeysSendsTheDocumentedPrimaryKeysShape() {
		GoldenExample documented = GoldenExamples.load("db-deleteRecords-primarykeys-request");
		this.stub.template().db()
			.getRecordsByPrimaryKeys("pk_example",
					List.of(PrimaryKey.of("first_name", "Sam").and("last_name", "I-am"),
							PrimaryKey.of("first_name", "The Cat").and("last_name", "in the Hat")),
					JsonNode.class);
		JsonNode params = this.stub.request("getRecordsByIds").get("params");
		assertThat(params.get("tableName").stringValue()).isEqualTo("pk_example");
		assertThat(params.get("primaryKeys")).isEqualTo(documented.request().at("/params/primaryKeys"));
		assertThat(params.has("ids")).isFalse();
	}

	@Test
	void createTransactionSendsNoParameters() {
		this.stub.answer("createTransaction", "{\"transactionId\":\"mEKbpdNiN5tU1t32O35IfDr2I3ZRvJzddweZuU1al5FD9IfVXENLPgKqRzGMhoLX\"}");
		String id = this.stub.template().db().createTransaction();
		assertThat(id).hasSize(64);
		assertThat(this.stub.request("createTransaction").get("params").isEmpty()).isTrue();
		assertThat(this.stub.request("createTransaction").get("api").stringValue()).isEqualTo("db");
	}

	@Test
	void readsTheDocumentedSavepointAndListTransactionsAnswers() {
		this.stub.answerEnvelope("createTransactionSavepoint",
				goldenAnswer(GoldenExamples.load("db-createTransactionSavepoint-maximal-debug")));
		this.stub.answerEnvelope("listTransactions", goldenAnswer(GoldenExamples.load("db-listTransactions-minimal")));
		DbOperations db = this.stub.template().db();
		assertThat(db.createTransactionSavepoint("replaceWithAValidTransactionId")).isOne();
		assertThat(db.listTransactions())
			.containsExactly(new TransactionInfo("transactionId1", "ADMIN", ""));
	}

	@Test
	void writesDatesAsIsoWhereTheDocumentedInsertUsesTheCompactForm() {
		DbOperations db = this.stub.template().db();
		db.withDatabase("ctreeSQL").insert("athlete", athletes());
		JsonNode records = this.stub.request("insertRecords").path("params").path("sourceData");
		assertThat(records.get(0).get("birthDate").stringValue()).isEqualTo("1963-02-17");
		assertThat(records.get(4).get("birthDate").stringValue()).isEqualTo("1961-01-26");
	}

	@Test
	void readsTheDocumentedDescribeTablesAnswer() {
		this.stub.answerEnvelope("describeTables", goldenAnswer(GoldenExamples.load("db-describeTables-minimal")));
		TableDescription table = this.stub.template().db().describeTable("test1").orElseThrow();
		assertThat(table.databaseName()).isEqualTo("ctreeSQL");
		assertThat(table.fields()).extracting(FieldDefinition::getName).containsExactly("id", "changeId", "name");
		assertThat(table.field("id").orElseThrow().getType()).isEqualTo(FieldType.BIGINT);
		assertThat(table.field("id").orElseThrow().getAutoValue()).isEqualTo("incrementOnInsert");
		assertThat(table.field("name").orElseThrow().getLength()).isEqualTo(50);
		assertThat(table.primaryKeyFields()).containsExactly("id");
		assertThat(table.changeIdField()).isEqualTo("changeId");
		assertThat(table.index("id_pk").orElseThrow().unique()).isTrue();
	}

	@Test
	void readsTheDocumentedListAnswers() {
		this.stub.answerEnvelope("listIndexes", goldenAnswer(GoldenExamples.load("db-listIndexes-minimal")));
		this.stub.answerEnvelope("listTables", goldenAnswer(GoldenExamples.load("db-listTables-partial-name")));
		this.stub.answerEnvelope("createDatabase", goldenAnswer(GoldenExamples.load("db-createDatabase-success")));
		this.stub.answerEnvelope("deleteDatabase", goldenAnswer(GoldenExamples.load("db-deleteDatabase-success")));
		this.stub.answerEnvelope("deleteTables", goldenAnswer(GoldenExamples.load("db-deleteTables-minimal")));
		this.stub.answerEnvelope("deleteIndexes", goldenAnswer(GoldenExamples.load("db-deleteIndexes-minimal")));
		DbOperations db = this.stub.template().db();
		List<IndexInfo> indexes = db.listIndexes("athlete");
		assertThat(indexes).extracting(IndexInfo::indexName).startsWith("id_pk", "ranking");
		assertThat(indexes.get(1).indexNumber()).isEqualTo(1);
		assertThat(indexes.get(1).fields()).containsExactly(IndexField.of("ranking"));
		assertThat(db.listTables("a")).extracting(TableInfo::tableName, TableInfo::uid, TableInfo::totalRecordCount)
			.containsExactly(tuple("all_types", 1189L, -1L),
					tuple("athlete", 1185L, -1L));
		assertThat(db.createDatabase("testdatabase", "."))
			.isEqualTo(new DatabaseInfo("testdatabase", ".\\testdatabase.dbs\\SQL_SYS", 1007));
		assertThat(db.deleteDatabase("test_db_min")).isTrue();
		assertThat(db.deleteTables("test1")).containsExactly("test1");
		assertThat(db.deleteIndexes("test1", "name")).containsExactly("name");
	}

	@Test
	void documentedCreateDatabaseErrorsAreApiExceptionsWithTheirCode() {
		GoldenExample error19 = GoldenExamples.load("db-createDatabase-error-19");
		GoldenExample error4021 = GoldenExamples.load("db-createDatabase-error-4021");
		this.stub.answerEnvelope("createDatabase", goldenAnswer(error19));
		this.stub.answerEnvelope("createDatabase", goldenAnswer(error4021));
		DbOperations db = this.stub.template((builder) -> builder.dbSettings(HEX_STRINGS)).db();
		assertThatExceptionOfType(FairComApiException.class).isThrownBy(() -> db.createDatabase("test_db_max", "c:\\"))
			.satisfies((ex) -> assertThat(ex.getErrorCode()).isEqualTo(19))
			.withMessageContaining("Can't create database");
		assertThatExceptionOfType(FairComApiException.class).isThrownBy(() -> db.createDatabase("test_db_min"))
			.satisfies((ex) -> assertThat(ex.getErrorCode()).isEqualTo(4021));
		List<JsonNode> sent = this.stub.requests("createDatabase");
		assertThat(sent.get(0).get("params")).isEqualTo(error19.request().get("params"));
		assertThat(sent.get(0).get("responseOptions")).isEqualTo(error19.request().get("responseOptions"));
		assertThat(sent.get(1).get("params")).isEqualTo(error4021.request().get("params"));
	}

	private static List<Athlete> athletes() {
		return List.of(
				new Athlete("Michael Jordan", 1, LocalDate.of(1963, 2, 17), 23, true, 1700000000L,
						"There is no 'i' in team but there is in win."),
				new Athlete("Babe Ruth", 2, LocalDate.of(1895, 2, 6), 3, false, 800000L,
						"Every strike brings me closer to the next home run."),
				new Athlete("Muhammad Ali", 3, LocalDate.of(1942, 1, 17), 1, true, 60000000L,
						"Float like a butterfly, sting like a bee."),
				new Athlete("Pele", 4, LocalDate.of(1940, 10, 23), 10, true, 115000000L, "Everything is practice."),
				new Athlete("Wayne Gretzky", 5, LocalDate.of(1961, 1, 26), 99, true, 1720000L,
						"You miss 100 percent of the shots you never take."));
	}

	private static Object ok(Runnable call) {
		call.run();
		return "ok";
	}

	private static String goldenResult(String name) {
		return GoldenExamples.load(name).requiredResponse().get("result").toString();
	}

	private static String goldenIndex(int position) {
		return GoldenExamples.load("db-listIndexes-minimal").requiredResponse().get("result").get("data").get(position)
			.toString();
	}

	/**
	 * A documented answer as the stub sends it: without the documentation's requestId and
	 * token placeholders, and with {@code errorCode} 0 where the copy was cut off before it.
	 */
	static String goldenAnswer(GoldenExample example) {
		ObjectNode answer = (ObjectNode) example.requiredResponse().deepCopy();
		answer.remove("requestId");
		answer.remove("authToken");
		answer.remove("debugInfo");
		if (!answer.has("errorCode")) {
			answer.put("errorCode", 0);
		}
		return answer.toString();
	}

}
