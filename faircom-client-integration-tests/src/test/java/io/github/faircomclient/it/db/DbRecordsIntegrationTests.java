package io.github.faircomclient.it.db;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.faircomclient.FairComApiException;
import io.github.faircomclient.FairComChangeIdConflictException;
import io.github.faircomclient.FairComDuplicateKeyException;
import io.github.faircomclient.FairComErrorCodes;
import io.github.faircomclient.core.FairComTemplate;
import io.github.faircomclient.db.DbOperations;
import io.github.faircomclient.db.DbSettings;
import io.github.faircomclient.db.FieldDefinition;
import io.github.faircomclient.db.IndexDefinition;
import io.github.faircomclient.db.PrimaryKey;
import io.github.faircomclient.db.TableDefinition;
import io.github.faircomclient.db.WriteResult;
import io.github.faircomclient.test.FairComEmulator;
import io.github.faircomclient.test.ProvisionalChoice;
import io.github.faircomclient.test.db.DbPlugin;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Inserting, updating and deleting records through {@code template.db()} against the
 * emulator over HTTP.
 */
class DbRecordsIntegrationTests {

	/**
	 * The emulator's code for a changeId conflict. FairCom does not document one, so the
	 * emulator invented it (a provisional choice) and the client only knows it because
	 * this test configures it, as an application would configure its server's code.
	 */
	private static final int EMULATOR_CHANGE_ID_CONFLICT = ProvisionalChoice.DB_CHANGE_ID_CONFLICT.errorCode();

	private static FairComEmulator emulator;

	private static FairComTemplate template;

	private static DbOperations db;

	record Item(long id, long changeId, String name, int qty) {
	}

	record NewItem(String name, int qty) {
	}

	record Key(long id, long changeId) {
	}

	/**
	 * A JavaBean-style record source.
	 */
	public static class ItemBean {

		private String name;

		private int qty;

		public ItemBean(String name, int qty) {
			this.name = name;
			this.qty = qty;
		}

		public String getName() {
			return this.name;
		}

		public int getQty() {
			return this.qty;
		}

	}

	@BeforeAll
	static void start() {
		emulator = FairComEmulator.builder().httpPort(0).user("app", "secret").build().start();
		template = FairComTemplate.builder()
			.url(emulator.httpUrl())
			.credentials("app", "secret")
			.dbSettings(DbSettings.builder().batchSize(7).build())
			.errorCodes(FairComErrorCodes.documented()
				.with(FairComErrorCodes.Category.CHANGE_ID_CONFLICT, EMULATOR_CHANGE_ID_CONFLICT))
			.build();
		db = template.db();
	}

	@AfterAll
	static void stop() {
		template.destroy();
		emulator.stop();
	}

	@BeforeEach
	void createTable() {
		db.createTable(TableDefinition.builder("items")
			.field(FieldDefinition.varchar("name", 30).nullable(false))
			.field(FieldDefinition.integer("qty"))
			.build());
		db.createIndex(IndexDefinition.builder("items", "name_unique").field("name").unique(true).build());
		emulator.resetActionCounts();
	}

	@AfterEach
	void dropTable() {
		db.deleteTables("items");
		assertThat(emulator.plugin(DbPlugin.class).orElseThrow().openTransactions()).isEmpty();
	}

	private List<Item> all() {
		return db.getRecordsByTable("items").list(Item.class);
	}

	@Test
	void insertsJavaRecordsPojosAndMaps() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("name", "washer");
		map.put("qty", 40);
		WriteResult result = db.insert("items",
				List.of(new NewItem("bolt", 3), new ItemBean("nut", 12), map));
		assertThat(result.recordCount()).isEqualTo(3);
		assertThat(result.records(Key.class)).extracting(Key::id).containsExactly(1L, 2L, 3L);
		assertThat(db.insert("items", new NewItem("screw", 7)).recordCount()).isOne();
		assertThat(all()).extracting(Item::id, Item::name, Item::qty)
			.containsExactly(tuple(1L, "bolt", 3),
					tuple(2L, "nut", 12),
					tuple(3L, "washer", 40),
					tuple(4L, "screw", 7));
		assertThat(emulator.actionCount("insertRecords")).isEqualTo(2);
	}

	@Test
	void updatesWithChangeIdProtectionAndReturnsTheNewChangeIds() {
		db.insert("items", List.of(new NewItem("bolt", 3), new NewItem("nut", 12)));
		List<Item> before = all();
		Item bolt = before.get(0);
		WriteResult updated = db.update("items", new Item(bolt.id(), bolt.changeId(), bolt.name(), 30));
		assertThat(updated.recordCount()).isOne();
		Item after = db.getRecordsByIds("items", List.of(bolt.id()), Item.class).get(0);
		assertThat(after.qty()).isEqualTo(30);
		assertThat(after.changeId()).isNotEqualTo(bolt.changeId());
		assertThat(updated.records(Key.class)).containsExactly(new Key(bolt.id(), after.changeId()));
		assertThat(db.getRecordsByIds("items", List.of(before.get(1).id()), Item.class))
			.containsExactly(before.get(1));
	}

	@Test
	void aStaleChangeIdIsAChangeIdConflictAndChangesNothing() {
		db.insert("items", new NewItem("bolt", 3));
		Item read = all().get(0);
		db.update("items", new Item(read.id(), read.changeId(), "bolt", 4));
		assertThatExceptionOfType(FairComChangeIdConflictException.class)
			.isThrownBy(() -> db.update("items", new Item(read.id(), read.changeId(), "bolt", 5)))
			.satisfies((ex) -> {
				assertThat(ex.getErrorCode()).isEqualTo(EMULATOR_CHANGE_ID_CONFLICT);
				assertThat(ex.getAction()).isEqualTo("updateRecords");
			});
		assertThat(all().get(0).qty()).isEqualTo(4);
		WriteResult forced = db.updateIgnoringChangeId("items",
				List.of(Map.of("id", read.id(), "changeId", read.changeId(), "qty", 6)));
		assertThat(forced.recordCount()).isOne();
		assertThat(all().get(0)).extracting(Item::name, Item::qty).containsExactly("bolt", 6);
	}

	@Test
	void withoutItsCodeConfiguredAChangeIdConflictIsAPlainApiException() {
		FairComTemplate documentedOnly = FairComTemplate.builder()
			.url(emulator.httpUrl())
			.credentials("app", "secret")
			.build();
		try {
			db.insert("items", new NewItem("bolt", 3));
			Item read = all().get(0);
			assertThatExceptionOfType(FairComApiException.class)
				.isThrownBy(() -> documentedOnly.db().update("items", new Item(read.id(), read.changeId() + 1, "x", 1)))
				.isExactlyInstanceOf(FairComApiException.class);
		}
		finally {
			documentedOnly.destroy();
		}
	}

	@Test
	void aDuplicateKeyIsTypedAndInsertsNothingOfTheCall() {
		db.insert("items", new NewItem("bolt", 3));
		assertThatExceptionOfType(FairComDuplicateKeyException.class)
			.isThrownBy(() -> db.insert("items", List.of(new NewItem("nut", 1), new NewItem("bolt", 9))))
			.satisfies((ex) -> assertThat(ex.getErrorCode()).as("c-tree KDUP_ERR").isEqualTo(2));
		assertThat(all()).extracting(Item::name).containsExactly("bolt");
	}

	@Test
	void writesInBatchesAndInOneTransactionWhenThereAreSeveral() {
		List<NewItem> fifty = IntStream.rangeClosed(1, 50).mapToObj((i) -> new NewItem("item-" + i, i)).toList();
		WriteResult result = db.insert("items", fifty);
		assertThat(result.recordCount()).isEqualTo(50);
		assertThat(emulator.actionCount("insertRecords")).as("ceil(50 / 7)").isEqualTo(8);
		assertThat(emulator.actionCount("createTransaction")).isOne();
		assertThat(emulator.actionCount("commitTransaction")).isOne();
		assertThat(all()).hasSize(50).extracting(Item::qty).containsExactlyElementsOf(IntStream.rangeClosed(1, 50)
			.boxed()
			.toList());
	}

	@Test
	void aFailingLaterBatchLeavesNothingBehind() {
		List<NewItem> records = new ArrayList<>(
				IntStream.rangeClosed(1, 20).mapToObj((i) -> new NewItem("item-" + i, i)).toList());
		records.add(new NewItem("item-3", 99));
		assertThatExceptionOfType(FairComDuplicateKeyException.class).isThrownBy(() -> db.insert("items", records));
		assertThat(emulator.actionCount("insertRecords")).isEqualTo(3);
		assertThat(emulator.actionCount("rollbackTransaction")).isOne();
		assertThat(all()).isEmpty();
	}

	@Test
	void deletesByIdsSkippingIdsWithoutARecord() {
		db.insert("items", List.of(new NewItem("a", 1), new NewItem("b", 2), new NewItem("c", 3)));
		WriteResult deleted = db.deleteByIds("items", List.of(1, 3, 99));
		assertThat(deleted.recordCount()).isEqualTo(2);
		assertThat(deleted.records(Item.class)).extracting(Item::name).containsExactly("a", "c");
		assertThat(all()).extracting(Item::name).containsExactly("b");
	}

	@Test
	void deletesAndReadsByMultiFieldPrimaryKeys() {
		db.createTable(TableDefinition.builder("pk_example")
			.field(FieldDefinition.varchar("first_name", 20))
			.field(FieldDefinition.varchar("last_name", 20))
			.field(FieldDefinition.integer("age"))
			.primaryKeyFields("first_name", "last_name")
			.build());
		try {
			db.insert("pk_example", List.of(Map.of("first_name", "Sam", "last_name", "I-am", "age", 7),
					Map.of("first_name", "The Cat", "last_name", "in the Hat", "age", 9),
					Map.of("first_name", "Sam", "last_name", "Other", "age", 40)));
			PrimaryKey sam = PrimaryKey.of("first_name", "Sam").and("last_name", "I-am");
			PrimaryKey cat = PrimaryKey.of("first_name", "The Cat").and("last_name", "in the Hat");
			assertThat(db.getRecordsByPrimaryKeys("pk_example", List.of(cat, sam), JsonNode.class))
				.extracting((record) -> record.get("age").asInt())
				.containsExactly(9, 7);
			assertThat(db.deleteByPrimaryKeys("pk_example", List.of(sam, cat)).recordCount()).isEqualTo(2);
			assertThat(db.getRecordsByTable("pk_example").list(JsonNode.class))
				.extracting((record) -> record.get("last_name").stringValue())
				.containsExactly("Other");
		}
		finally {
			db.deleteTables("pk_example");
		}
	}

}
