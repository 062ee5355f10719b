package io.github.faircomclient.db;

import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.github.faircomclient.test.golden.GoldenComparison;
import io.github.faircomclient.test.golden.GoldenExample;
import io.github.faircomclient.test.golden.GoldenExamples;
import io.github.faircomclient.testsupport.FairComStub;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The requests of {@code alterTable}, {@code rebuildTables}, {@code rebuildIndexes} and
 * the cursor navigation of {@link Cursor}, compared with FairCom's documented requests
 * (the golden files), and the documented answers they read.
 */
class DbMaintenanceGoldenTests {

	private static final DbSettings HEX_STRINGS = DbSettings.builder()
		.binaryFormat(BinaryFormat.HEX)
		.numberFormat(NumberFormat.STRING)
		.build();

	private static final String TEST1 = "{\"data\":[{\"tableName\":\"test1\",\"fields\":[]}]}";

	private final FairComStub stub = new FairComStub();

	@AfterEach
	void close() {
		this.stub.close();
	}

	/**
	 * One documented request: how to make the client write it, what to answer, and the
	 * paths that differ on purpose.
	 */
	record Case(String golden, Function<DbOperations, Object> call, Consumer<FairComStub> answers, String... ignored) {

		@Override
		public String toString() {
			return this.golden;
		}

	}

	static Stream<Case> documentedRequests() {
		return Stream.of(new Case("db-alterTable-add-fields-request", (db) -> db.alterTable(TableAlteration
			.builder("test1")
			.addField(FieldDefinition.varchar("rename_me1", 10).nullable(false))
			.addField(FieldDefinition.varchar("rename_me2", 10).nullable(false))
			.addField(FieldDefinition.varchar("alter_me1", 10).nullable(false))
			.addField(FieldDefinition.varchar("alter_me2", 10).nullable(false))
			.addField(FieldDefinition.varchar("delete_me1", 10).nullable(false))
			.addField(FieldDefinition.varchar("delete_me2", 10).nullable(false))
			.build()), (stub) -> stub.answer("alterTable", TEST1)),
				new Case("db-alterTable-modify-fields-request",
						(db) -> db.withDatabase("ctreeSQL")
							.withOwner("admin")
							.alterTable(TableAlteration.builder("test1")
								.renameField("rename_me1", FieldType.VARCHAR, "description")
								.alterField(FieldDefinition.varchar("alter_me1", 50).nullable(true))
								.build()),
						(stub) -> stub.answer("alterTable", TEST1)),
				new Case("db-rebuildTables-minimal", (db) -> db.rebuildTables("test1"), (stub) -> {
				}),
				new Case("db-rebuildTables-maximal-request",
						(db) -> db.withDatabase("ctreeSQL").withOwner("admin").rebuildTables("test1"), (stub) -> {
						}, "params.transactionId"),
				new Case("db-rebuildIndexes-minimal", (db) -> rebuildIndexes(db, "athlete"), (stub) -> {
				}),
				new Case("db-rebuildIndexes-maximal-debug",
						(db) -> rebuildIndexes(db.withDatabase("ctreeSQL").withOwner("admin"), "athlete"), (stub) -> {
						}),
				new Case("db-rebuildIndexes-with-requestid", (db) -> rebuildIndexes(db, "test1"), (stub) -> {
				}),
				new Case("db-getRecordsFromCursor-minimal-request",
						(db) -> fetchAndClose(db, CursorFetch.forward(1)), DbMaintenanceGoldenTests::cursor),
				new Case("db-getRecordsFromCursor-tutorial-request",
						(db) -> fetchAndClose(db, CursorFetch.forward(1).fromBeginning().skip(1)),
						DbMaintenanceGoldenTests::cursor));
	}

	private static Object rebuildIndexes(DbOperations db, String tableName) {
		db.rebuildIndexes(tableName);
		return "ok";
	}

	private static Object fetchAndClose(DbOperations db, CursorFetch fetch) {
		try (Cursor<JsonNode> cursor = db.getRecordsByTable("athlete").cursor(JsonNode.class)) {
			return cursor.fetch(fetch);
		}
	}

	private static void cursor(FairComStub stub) {
		stub.answer("getRecordsByTable", "{\"cursorId\":\"w0gs3RZz8eD5Qtf0VuQ9V86tsd85IdlvMwUocQwK0U548ew5RlXpNIP0tyaVVX0w\"}");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("documentedRequests")
	void writesTheDocumentedRequest(Case documented) {
		GoldenExample example = GoldenExamples.load(documented.golden());
		String action = example.request().get("action").stringValue();
		documented.answers().accept(this.stub);
		if (example.response() != null && !example.partial()) {
			this.stub.answerEnvelope(action, DbTemplateGoldenRequestTests.goldenAnswer(example));
		}
		DbOperations db = this.stub.template((builder) -> builder.dbSettings(HEX_STRINGS)).db();
		documented.call().apply(db);
		JsonNode sent = this.stub.requests(action).get(0);
		assertThat(sent.get("api").stringValue()).isEqualTo("db");
		ObjectNode expected = JsonNodeFactory.instance.objectNode().put("action", action);
		expected.set("params", example.request().get("params"));
		ObjectNode actual = JsonNodeFactory.instance.objectNode().put("action", sent.get("action").stringValue());
		actual.set("params", sent.get("params"));
		GoldenComparison.Result result = GoldenComparison.of(expected)
			.withVolatilePaths("params.cursorId")
			.ignoring(documented.ignored())
			.compare(actual);
		assertThat(result.matches()).as(result::describe).isTrue();
		if (example.request().has("responseOptions")) {
			GoldenComparison.Result options = GoldenComparison.of(example.request().get("responseOptions"))
				.compare(sent.get("responseOptions"));
			assertThat(options.matches()).as(options::describe).isTrue();
		}
	}

	@Test
	void readsTheDocumentedRebuildTablesAnswerAsFarAsItGoes() {
		GoldenExample documented = GoldenExamples.load("db-rebuildTables-minimal");
		this.stub.answerEnvelope("rebuildTables", DbTemplateGoldenRequestTests.goldenAnswer(documented));
		TableRebuildResult result = this.stub.template().db().rebuildTables("test1");
		assertThat(result.rebuilt()).singleElement().satisfies((table) -> {
			assertThat(table.databaseName()).isEqualTo("ctreeSQL");
			assertThat(table.changeIdField()).isEqualTo("changeId");
			assertThat(table.primaryKeyFields()).containsExactly("id");
			assertThat(table.fields()).extracting(FieldDefinition::getName).containsExactly("id", "changeId", "name");
			assertThat(table.field("name").orElseThrow().getLength()).isEqualTo(50);
		});
		assertThat(result.notRebuilt()).as("the documented copy is cut off before the table's name").containsExactly(
				"test1");
		assertThat(result.warnings()).isEmpty();
	}

}
