package io.github.faircomclient.db;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.faircomclient.FairComProtocolException;
import io.github.faircomclient.FairComTransportException;
import io.github.faircomclient.core.FairComWarning;
import io.github.faircomclient.testsupport.FairComStub;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * {@code alterTable}, {@code rebuildTables} and {@code rebuildIndexes} of
 * {@link DbTemplate} on the wire, and {@code runSqlStatements}: the requests, the answers
 * read leniently, and that none of them runs in the view's transaction.
 */
class DbTableMaintenanceTests {

	private static final String DESCRIPTION = "{\"tableName\":\"%s\",\"databaseName\":\"ctreeSQL\","
			+ "\"ownerName\":\"admin\",\"fields\":[{\"name\":\"id\",\"type\":\"bigint\",\"primaryKey\":1},"
			+ "{\"name\":\"reorder_level\",\"type\":\"integer\",\"nullable\":true}]}";

	private final FairComStub stub = new FairComStub();

	@AfterEach
	void close() {
		this.stub.close();
	}

	private DbOperations db() {
		return this.stub.template().db();
	}

	private static String description(String tableName) {
		return DESCRIPTION.formatted(tableName);
	}

	@Test
	void alterTableSendsEachKindOfChangeAndReadsTheTableFromTheAnswer() {
		this.stub.answer("alterTable", "{\"dataFormat\":\"objects\",\"data\":[" + description("items") + "]}");
		TableDescription items = db().withDatabase("sales")
			.alterTable(TableAlteration.builder("items")
				.renameField("descr", FieldType.VARCHAR, "description")
				.alterField(FieldDefinition.varchar("name", 100).nullable(true))
				.deleteField("legacy_code", "old_flag")
				.addField(FieldDefinition.integer("reorder_level").defaultValue("10"))
				.build());
		assertThat(items.field("reorder_level")).isPresent();
		JsonNode params = this.stub.request("alterTable").get("params");
		assertThat(params.get("databaseName").stringValue()).isEqualTo("sales");
		assertThat(params.get("tableName").stringValue()).isEqualTo("items");
		assertThat(params.get("alterFields").toString()).isEqualTo(
				"[{\"name\":\"descr\",\"type\":\"varchar\",\"newName\":\"description\"},"
						+ "{\"name\":\"name\",\"type\":\"varchar\",\"length\":100,\"nullable\":true}]");
		assertThat(params.get("deleteFields").toString()).isEqualTo("[\"legacy_code\",\"old_flag\"]");
		assertThat(params.get("addFields").toString())
			.isEqualTo("[{\"name\":\"reorder_level\",\"type\":\"integer\",\"defaultValue\":\"10\"}]");
		assertThat(params.has("transactionId")).isFalse();
	}

	@Test
	void anAlterTableAnswerWithoutTheTableIsCompletedByDescribeTables() {
		this.stub.answer("describeTables", "{\"data\":[" + description("items") + "]}");
		TableDescription items = db()
			.alterTable(TableAlteration.builder("items").addField(FieldDefinition.integer("reorder_level")).build());
		assertThat(items.tableName()).isEqualTo("items");
		assertThat(this.stub.actions()).containsExactly("alterTable", "describeTables");
	}

	@Test
	void anAlteredTableThatCannotBeFoundIsAProtocolErrorOfTheAlterTableCall() {
		assertThatExceptionOfType(FairComProtocolException.class)
			.isThrownBy(() -> db()
				.alterTable(TableAlteration.builder("items").deleteField("qty").build()))
			.withMessageContaining("db/alterTable")
			.withMessageContaining("describeTables does not find either");
	}

	@Test
	void anAlterationIsCheckedBeforeAnythingIsSent() {
		assertThatIllegalStateException().isThrownBy(() -> TableAlteration.builder("items").build())
			.withMessageContaining("at least one change");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TableAlteration.builder("items").deleteField("qty").renameField("QTY", FieldType.INTEGER,
					"quantity"))
			.withMessageContaining("changed more than once");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TableAlteration.builder("items").alterField(FieldDefinition.bigint("sku").primaryKey(1)))
			.withMessageContaining("primary keys");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TableAlteration.builder("items")
				.alterField(FieldDefinition.bigint("sku").autoValue(AutoValue.INCREMENT_ON_INSERT)))
			.withMessageContaining("auto values");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TableAlteration.builder("items")
				.addField(FieldDefinition.integer("a"))
				.addField(FieldDefinition.bigint("A")))
			.withMessageContaining("added twice");
		TableAlteration renamedAndReplaced = TableAlteration.builder("items")
			.renameField("qty", FieldType.INTEGER, "quantity")
			.addField(FieldDefinition.varchar("qty", 10))
			.build();
		assertThat(renamedAndReplaced.getAddedFields()).extracting(FieldDefinition::getName).containsExactly("qty");
		assertThat(this.stub.requests()).isEmpty();
	}

	@Test
	void rebuildTablesReportsTheTablesRebuiltAndThoseTheAnswerLeavesOut() {
		this.stub.answerEnvelope("rebuildTables", "{\"result\":{\"dataFormat\":\"objects\",\"data\":["
				+ description("Items") + "," + description("orders") + "]},\"errorCode\":0,\"errorMessage\":\"\","
				+ "\"debugInfo\":{\"warnings\":[{\"code\":12,\"message\":\"Table 'missing' not found\"}]}}");
		TableRebuildResult result = db().rebuildTables("items", "missing", "orders");
		assertThat(result.rebuilt()).extracting(TableDescription::tableName).containsExactly("Items", "orders");
		assertThat(result.notRebuilt()).containsExactly("missing");
		assertThat(result.isComplete()).isFalse();
		assertThat(result.warnings()).containsExactly(new FairComWarning(12, "Table 'missing' not found", null));
		JsonNode params = this.stub.request("rebuildTables").get("params");
		assertThat(params.get("tableNames").toString()).isEqualTo("[\"items\",\"missing\",\"orders\"]");
	}

	@Test
	void rebuildTablesWithoutDataRebuiltNothingAndRebuildIndexesReadsNoResult() {
		this.stub.answerEnvelope("rebuildTables", "{\"errorCode\":0,\"errorMessage\":\"\"}");
		this.stub.answerEnvelope("rebuildIndexes", "{\"errorCode\":0,\"errorMessage\":\"\"}");
		DbOperations db = db().withOwner("sales_owner");
		assertThat(db.rebuildTables("items").notRebuilt()).containsExactly("items");
		db.rebuildIndexes("items");
		JsonNode params = this.stub.request("rebuildIndexes").get("params");
		assertThat(params.get("tableName").stringValue()).isEqualTo("items");
		assertThat(params.get("ownerName").stringValue()).isEqualTo("sales_owner");
		assertThatIllegalArgumentException().isThrownBy(() -> db.rebuildTables());
		assertThatIllegalArgumentException().isThrownBy(() -> db.rebuildTables("items", ""));
		assertThatIllegalArgumentException().isThrownBy(() -> db.rebuildIndexes(" "));
	}

	@Test
	void maintenanceAndSqlBatchesRunOutsideTheViewsTransaction() {
		this.stub.answer("createTransaction", "{\"transactionId\":\"TX1\"}");
		this.stub.answer("alterTable", "{\"data\":[" + description("items") + "]}");
		this.stub.answer("runSqlStatements", "{\"data\":[{\"errorCode\":0}]}");
		DbOperations db = db();
		db.inTransactionWithoutResult((transaction) -> {
			transaction.insert("items", List.of(Map.of("name", "a")));
			transaction.alterTable(TableAlteration.builder("items").deleteField("qty").build());
			transaction.rebuildTables("items");
			transaction.rebuildIndexes("items");
			transaction.runSqlStatements("DELETE FROM logs");
		});
		String explicit = "TX2";
		db.withTransaction(explicit).rebuildIndexes("orders");
		assertThat(this.stub.actions()).containsExactly("createTransaction", "insertRecords", "alterTable",
				"rebuildTables", "rebuildIndexes", "runSqlStatements", "commitTransaction", "rebuildIndexes");
		assertThat(this.stub.request("insertRecords").at("/params/transactionId").stringValue()).isEqualTo("TX1");
		for (String action : List.of("alterTable", "rebuildTables", "runSqlStatements")) {
			assertThat(this.stub.request(action).get("params").has("transactionId")).as(action).isFalse();
		}
		assertThat(this.stub.requests("rebuildIndexes"))
			.allSatisfy((request) -> assertThat(request.get("params").has("transactionId")).isFalse());
	}

	@Test
	void maintenanceAndSqlBatchesAreNotSentAgainAfterALostAnswer() {
		List<String> actions = List.of("alterTable", "rebuildTables", "rebuildIndexes", "runSqlStatements");
		actions.forEach(this.stub::failConnection);
		DbOperations db = db();
		assertThatExceptionOfType(FairComTransportException.class)
			.isThrownBy(() -> db.alterTable(TableAlteration.builder("items").deleteField("qty").build()));
		assertThatExceptionOfType(FairComTransportException.class).isThrownBy(() -> db.rebuildTables("items"));
		assertThatExceptionOfType(FairComTransportException.class).isThrownBy(() -> db.rebuildIndexes("items"));
		assertThatExceptionOfType(FairComTransportException.class)
			.isThrownBy(() -> db.runSqlStatements("DELETE FROM items"));
		assertThat(this.stub.actions()).containsExactlyElementsOf(actions);
	}

}
