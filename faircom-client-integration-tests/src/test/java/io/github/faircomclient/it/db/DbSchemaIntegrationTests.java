package io.github.faircomclient.it.db;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.github.faircomclient.FairComApiException;
import io.github.faircomclient.core.FairComTemplate;
import io.github.faircomclient.db.AutoValue;
import io.github.faircomclient.db.DatabaseInfo;
import io.github.faircomclient.db.DbOperations;
import io.github.faircomclient.db.FieldDefinition;
import io.github.faircomclient.db.FieldType;
import io.github.faircomclient.db.IndexDefinition;
import io.github.faircomclient.db.IndexField;
import io.github.faircomclient.db.IndexInfo;
import io.github.faircomclient.db.TableDefinition;
import io.github.faircomclient.db.TableDescription;
import io.github.faircomclient.db.TableInfo;
import io.github.faircomclient.test.FairComEmulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Databases, tables and indexes through {@code template.db()} against the emulator over
 * HTTP.
 */
class DbSchemaIntegrationTests {

	private static FairComEmulator emulator;

	private static FairComTemplate template;

	private static DbOperations db;

	@BeforeAll
	static void start() {
		emulator = FairComEmulator.builder().httpPort(0).user("app", "secret").build().start();
		template = FairComTemplate.builder().url(emulator.httpUrl()).credentials("app", "secret").build();
		db = template.db();
	}

	@AfterAll
	static void stop() {
		template.destroy();
		emulator.stop();
	}

	@Test
	void createsListsAndDeletesDatabases() {
		DatabaseInfo created = db.createDatabase("sales");
		assertThat(created.databaseName()).isEqualTo("sales");
		assertThat(created.uid()).isPositive();
		assertThat(db.listDatabases()).extracting(DatabaseInfo::databaseName).contains("ctreeSQL", "faircom", "sales");
		assertThat(db.listDatabases("sal")).extracting(DatabaseInfo::databaseName, DatabaseInfo::uid)
			.containsExactly(tuple("sales", created.uid()));
		assertThatExceptionOfType(FairComApiException.class).isThrownBy(() -> db.createDatabase("sales"))
			.satisfies((ex) -> assertThat(ex.getErrorCode()).as("documented 4021").isEqualTo(4021));
		assertThat(db.deleteDatabase("sales")).isTrue();
		assertThat(db.deleteDatabase("sales")).as("already gone: success with a warning").isFalse();
		assertThat(db.listDatabases("sal")).isEmpty();
	}

	@Test
	void createsATableWithEveryDocumentedFieldType() {
		TableDescription table = db.createTable(TableDefinition.builder("all_types")
			.field(FieldDefinition.bit("f_bit").nullable(false).defaultValue("1"))
			.field(FieldDefinition.tinyint("f_tinyint"))
			.field(FieldDefinition.smallint("f_smallint"))
			.field(FieldDefinition.integer("f_integer").autoValue(AutoValue.NONE))
			.field(FieldDefinition.bigint("f_bigint"))
			.field(FieldDefinition.real("f_real"))
			.field(FieldDefinition.float64("f_float"))
			.field(FieldDefinition.number("f_number", 32, 12))
			.field(FieldDefinition.money("f_money", 32, 4))
			.field(FieldDefinition.date("f_date"))
			.field(FieldDefinition.time("f_time"))
			.field(FieldDefinition.timestamp("f_timestamp").autoValue(AutoValue.TIMESTAMP_ON_INSERT))
			.field(FieldDefinition.fixedChar("f_char", 4))
			.field(FieldDefinition.varchar("f_varchar", 30).nullable(false).defaultValue("none"))
			.field(FieldDefinition.lvarchar("f_lvarchar"))
			.field(FieldDefinition.binary("f_binary", 3))
			.field(FieldDefinition.varbinary("f_varbinary", 10))
			.field(FieldDefinition.lvarbinary("f_lvarbinary"))
			.field(FieldDefinition.json("f_json"))
			.build());
		assertThat(table.tableName()).isEqualTo("all_types");
		assertThat(table.databaseName()).isEqualTo("faircom");
		assertThat(table.ownerName()).isEqualTo("admin");
		assertThat(table.fields()).hasSize(21);
		assertThat(table.fields()).extracting(FieldDefinition::getName).startsWith("id", "changeId");
		assertThat(table.fields().subList(2, 21)).extracting(FieldDefinition::getType)
			.containsExactly(FieldType.values());
		assertThat(table.field("f_number").orElseThrow()).extracting(FieldDefinition::getLength,
				FieldDefinition::getScale)
			.containsExactly(32, 12);
		assertThat(table.field("f_money").orElseThrow().getScale()).isEqualTo(4);
		assertThat(table.field("f_char").orElseThrow().getLength()).isEqualTo(4);
		assertThat(table.field("f_varchar").orElseThrow()).extracting(FieldDefinition::getLength,
				FieldDefinition::getNullable, FieldDefinition::getDefaultValue)
			.containsExactly(30, false, "none");
		assertThat(table.field("f_timestamp").orElseThrow().getAutoValue()).isEqualTo("timestampOnInsert");
		assertThat(table.field("id").orElseThrow().getAutoValue()).isEqualTo("incrementOnInsert");
		assertThat(table.primaryKeyFields()).containsExactly("id");
		assertThat(table.changeIdField()).isEqualTo("changeId");
		assertThat(table.totalRecordCount()).isZero();
		assertThat(db.describeTable("all_types")).contains(table);
		assertThat(db.deleteTables("all_types")).containsExactly("all_types");
		assertThat(db.describeTable("all_types")).isEmpty();
	}

	@Test
	void primaryKeyFieldsAndChangeIdFieldReplaceTheServersIdAndChangeId() {
		TableDescription byKeyFields = db.createTable(TableDefinition.builder("people")
			.field(FieldDefinition.varchar("last_name", 40))
			.field(FieldDefinition.varchar("first_name", 40))
			.field(FieldDefinition.bigint("version"))
			.primaryKeyFields("last_name", "first_name")
			.changeIdField("version")
			.build());
		assertThat(byKeyFields.fields()).extracting(FieldDefinition::getName)
			.containsExactly("last_name", "first_name", "version");
		assertThat(byKeyFields.primaryKeyFields()).containsExactly("last_name", "first_name");
		assertThat(byKeyFields.changeIdField()).isEqualTo("version");
		assertThat(byKeyFields.indexes()).extracting(IndexInfo::indexName).containsExactly("pk");
		TableDescription byOrdinal = db.createTable(TableDefinition.builder("skus")
			.field(FieldDefinition.varchar("sku", 20).primaryKey(1))
			.field(FieldDefinition.integer("qty"))
			.build());
		assertThat(byOrdinal.primaryKeyFields()).containsExactly("sku");
		assertThat(byOrdinal.indexes()).extracting(IndexInfo::indexName).containsExactly("sku_pk");
		assertThat(db.deleteTables("people", "skus")).containsExactlyInAnyOrder("people", "skus");
	}

	@Test
	void createsListsAndDeletesIndexes() {
		db.createTable(TableDefinition.builder("athlete")
			.field(FieldDefinition.varchar("name", 30))
			.field(FieldDefinition.smallint("ranking"))
			.field(FieldDefinition.bit("livedpast2000"))
			.build());
		IndexInfo ranking = db.createIndex(
				IndexDefinition.builder("athlete", "ranking").field("ranking").unique(true).waitToBeLoaded(true).build());
		IndexInfo filtered = db.createIndex(IndexDefinition.builder("athlete", "name_livedpast2000")
			.field(IndexField.of("name").ignoringCase().descending().reversed())
			.conditionalExpression("livedpast2000 == 1")
			.build());
		assertThat(ranking.unique()).isTrue();
		assertThat(ranking.fields()).containsExactly(IndexField.of("ranking"));
		assertThat(filtered.fields()).containsExactly(new IndexField("name", true, true, true));
		assertThat(filtered.conditionalExpression()).isEqualTo("livedpast2000 == 1");
		assertThat(db.listIndexes("athlete")).extracting(IndexInfo::indexName, IndexInfo::unique)
			.containsExactly(tuple("id_pk", true), tuple("ranking", true), tuple("name_livedpast2000", false));
		assertThat(db.deleteIndexes("athlete", "ranking", "no_such_index")).containsExactly("ranking");
		assertThat(db.listIndexes("athlete")).extracting(IndexInfo::indexName)
			.containsExactly("id_pk", "name_livedpast2000");
		db.deleteTables("athlete");
	}

	@Test
	void viewsWorkInAnotherDatabaseAndOwnerWithoutTouchingTheDefaults() {
		db.createDatabase("reports");
		DbOperations reports = db.withDatabase("reports").withOwner("analyst");
		TableDescription table = reports
			.createTable(TableDefinition.builder("daily").field(FieldDefinition.date("day")).build());
		assertThat(table.databaseName()).isEqualTo("reports");
		assertThat(table.ownerName()).isEqualTo("analyst");
		assertThat(reports.listTables()).extracting(TableInfo::databaseName, TableInfo::ownerName, TableInfo::tableName)
			.containsExactly(tuple("reports", "analyst", "daily"));
		assertThat(db.listTables("daily")).isEmpty();
		assertThat(db.withDatabase("reports").listTables("daily")).as("owner admin has no such table").isEmpty();
		assertThat(db.deleteDatabase("reports")).isTrue();
	}

	@Test
	void listTablesFindsByPrefix() {
		List<String> names = List.of("orders", "order_lines", "customers");
		names.forEach((name) -> db.createTable(
				TableDefinition.builder(name).field(FieldDefinition.varchar("note", 10)).build()));
		assertThat(db.listTables("order")).extracting(TableInfo::tableName)
			.containsExactlyInAnyOrder("orders", "order_lines");
		assertThat(db.deleteTables(names.toArray(String[]::new))).hasSize(3);
	}

}
