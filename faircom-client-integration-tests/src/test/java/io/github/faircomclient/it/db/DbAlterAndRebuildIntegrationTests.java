package io.github.faircomclient.it.db;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.github.faircomclient.FairComApiException;
import io.github.faircomclient.core.FairComTemplate;
import io.github.faircomclient.core.FairComWarning;
import io.github.faircomclient.db.Cursor;
import io.github.faircomclient.db.DbOperations;
import io.github.faircomclient.db.FieldDefinition;
import io.github.faircomclient.db.FieldType;
import io.github.faircomclient.db.IndexDefinition;
import io.github.faircomclient.db.KeyRange;
import io.github.faircomclient.db.TableAlteration;
import io.github.faircomclient.db.TableDefinition;
import io.github.faircomclient.db.TableDescription;
import io.github.faircomclient.db.TableRebuildResult;
import io.github.faircomclient.test.FairComEmulator;
import io.github.faircomclient.test.db.DbPlugin;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * {@code alterTable}, {@code rebuildTables} and {@code rebuildIndexes} through
 * {@code template.db()} against the emulator over HTTP: changes read back with
 * {@code describeTables} and the records, per-table outcomes, tables in use, and that none
 * of them runs in (or is undone with) a transaction.
 */
class DbAlterAndRebuildIntegrationTests {

	private static FairComEmulator emulator;

	private static FairComTemplate template;

	private static DbOperations db;

	private static DbPlugin server;

	@BeforeAll
	static void start() {
		emulator = FairComEmulator.builder().httpPort(0).user("app", "secret").build().start();
		server = emulator.plugin(DbPlugin.class).orElseThrow();
		template = FairComTemplate.builder().url(emulator.httpUrl()).credentials("app", "secret").build();
		db = template.db();
	}

	@AfterAll
	static void stop() {
		template.destroy();
		emulator.stop();
	}

	@AfterEach
	void nothingLeftOpen() {
		assertThat(server.openCursors()).isEmpty();
		assertThat(server.openTransactions()).isEmpty();
	}

	private static void createParts(String tableName) {
		db.createTable(TableDefinition.builder(tableName)
			.field(FieldDefinition.varchar("name", 30))
			.field(FieldDefinition.varchar("descr", 20))
			.field(FieldDefinition.integer("qty"))
			.build());
		db.insert(tableName, List.of(Map.of("name", "bolt", "descr", "M6", "qty", 3),
				Map.of("name", "nut", "descr", "M6", "qty", 12)));
	}

	@Test
	void anAddedFieldIsReadBackByDescribeTablesAndInTheRecords() {
		createParts("parts_add");
		TableDescription altered = db.alterTable(TableAlteration.builder("parts_add")
			.addField(FieldDefinition.integer("reorder_level").defaultValue("10"))
			.build());
		assertThat(altered.field("reorder_level")).isPresent();
		TableDescription described = db.describeTable("parts_add").orElseThrow();
		FieldDefinition added = described.field("reorder_level").orElseThrow();
		assertThat(added.getType()).isEqualTo(FieldType.INTEGER);
		assertThat(added.getDefaultValue()).isEqualTo("10");
		assertThat(described.fields()).extracting(FieldDefinition::getName)
			.containsExactly("id", "changeId", "name", "descr", "qty", "reorder_level");
		db.insert("parts_add", Map.of("name", "washer", "qty", 100, "reorder_level", 50));
		assertThat(db.getRecordsByTable("parts_add").list(JsonNode.class))
			.extracting((part) -> part.get("reorder_level").asInt())
			.containsExactly(10, 10, 50);
	}

	@Test
	void fieldsAreRenamedRedefinedAndDeletedKeepingTheirData() {
		createParts("parts_change");
		db.alterTable(TableAlteration.builder("parts_change")
			.renameField("descr", FieldType.VARCHAR, "description")
			.alterField(FieldDefinition.varchar("name", 60).nullable(false))
			.deleteField("qty")
			.build());
		TableDescription described = db.describeTable("parts_change").orElseThrow();
		assertThat(described.fields()).extracting(FieldDefinition::getName)
			.containsExactly("id", "changeId", "name", "description");
		assertThat(described.field("name").orElseThrow().getLength()).isEqualTo(60);
		assertThat(described.field("name").orElseThrow().getNullable()).isFalse();
		assertThat(db.getRecordsByTable("parts_change").list(JsonNode.class))
			.extracting((part) -> part.get("name").stringValue() + " " + part.get("description").stringValue())
			.containsExactly("bolt M6", "nut M6");
		assertThatExceptionOfType(FairComApiException.class)
			.isThrownBy(() -> db.alterTable(TableAlteration.builder("parts_change").deleteField("nothing").build()))
			.satisfies((ex) -> assertThat(ex.getErrorCode()).as("the emulator's field not found").isEqualTo(99032));
	}

	@Test
	void alterTableRunsOutsideTheTransactionSoItsRollbackDoesNotUndoIt() {
		createParts("parts_tx");
		createParts("parts_tx_log");
		assertThatIllegalStateException().isThrownBy(() -> db.inTransactionWithoutResult((transaction) -> {
			transaction.insert("parts_tx_log", Map.of("name", "screw", "qty", 1));
			transaction.alterTable(TableAlteration.builder("parts_tx").addField(FieldDefinition.bit("obsolete")).build());
			throw new IllegalStateException("undo");
		}));
		assertThat(db.describeTable("parts_tx").orElseThrow().field("obsolete")).as("altered outside").isPresent();
		assertThat(db.getRecordsByTable("parts_tx_log").list(JsonNode.class)).as("the insert was rolled back")
			.hasSize(2);
	}

	@Test
	void rebuildTablesReportsEachTableAndGoesOnPastOnesItCannotRebuild() {
		createParts("parts_a");
		createParts("parts_b");
		createParts("parts_busy");
		try (Cursor<JsonNode> reading = db.getRecordsByTable("parts_busy").cursor(JsonNode.class)) {
			assertThat(reading.fetch(1)).hasSize(1);
			TableRebuildResult result = db.rebuildTables("parts_a", "missing", "parts_busy", "parts_b");
			assertThat(result.rebuilt()).extracting(TableDescription::tableName).containsExactly("parts_a", "parts_b");
			assertThat(result.notRebuilt()).containsExactly("missing", "parts_busy");
			assertThat(result.isComplete()).isFalse();
			assertThat(result.warnings()).extracting(FairComWarning::code)
				.as("table not found, table in use (the emulator's codes)")
				.containsExactly(12, 99048);
		}
		TableRebuildResult again = db.rebuildTables("parts_busy");
		assertThat(again.isComplete()).isTrue();
		assertThat(again.warnings()).isEmpty();
		assertThat(again.rebuilt().get(0).fields()).extracting(FieldDefinition::getName).contains("descr", "qty");
	}

	@Test
	void rebuildIndexesKeepsTheIndexesWorkingAndRefusesATableInUse() {
		createParts("parts_idx");
		db.createIndex(IndexDefinition.builder("parts_idx", "qty_idx").field("qty").build());
		long before = emulator.actionCount("rebuildIndexes");
		db.rebuildIndexes("parts_idx");
		assertThat(db.getRecordsInKeyRange("parts_idx", KeyRange.of("qty_idx").atLeast("qty", 10)).list(JsonNode.class))
			.extracting((part) -> part.get("name").stringValue())
			.containsExactly("nut");
		try (Cursor<JsonNode> reading = db.getRecordsByIndex("parts_idx", "qty_idx").cursor(JsonNode.class)) {
			assertThatExceptionOfType(FairComApiException.class).isThrownBy(() -> db.rebuildIndexes("parts_idx"))
				.satisfies((ex) -> assertThat(ex.getErrorCode()).isEqualTo(99048));
			assertThat(reading.fetch(5)).hasSize(2);
		}
		db.inTransactionWithoutResult((transaction) -> transaction.rebuildIndexes("parts_idx"));
		assertThat(emulator.actionCount("rebuildIndexes") - before).as("the third runs outside the transaction")
			.isEqualTo(3);
	}

}
