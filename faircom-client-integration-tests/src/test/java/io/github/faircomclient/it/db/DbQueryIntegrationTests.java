package io.github.faircomclient.it.db;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.github.faircomclient.FairComNotFoundException;
import io.github.faircomclient.FairComRecordLimitExceededException;
import io.github.faircomclient.FairComTimeoutException;
import io.github.faircomclient.core.FairComTemplate;
import io.github.faircomclient.db.DbOperations;
import io.github.faircomclient.db.FieldDefinition;
import io.github.faircomclient.db.IndexDefinition;
import io.github.faircomclient.db.IndexField;
import io.github.faircomclient.db.KeyOperator;
import io.github.faircomclient.db.KeyRange;
import io.github.faircomclient.db.StartKey;
import io.github.faircomclient.db.TableDefinition;
import io.github.faircomclient.test.FairComEmulator;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The getRecords... queries of {@code template.db()} against the emulator over HTTP, on a
 * table of 25 items with quantities 1..25 (names {@code item-01} .. {@code item-25}).
 */
class DbQueryIntegrationTests {

	private static final int COUNT = 25;

	private static FairComEmulator emulator;

	private static FairComTemplate template;

	private static DbOperations db;

	record Item(long id, String name, int qty) {
	}

	@BeforeAll
	static void start() {
		emulator = FairComEmulator.builder().httpPort(0).user("app", "secret").build().start();
		template = FairComTemplate.builder().url(emulator.httpUrl()).credentials("app", "secret").build();
		db = template.db();
		db.createTable(TableDefinition.builder("items")
			.field(FieldDefinition.varchar("name", 30))
			.field(FieldDefinition.integer("qty"))
			.build());
		db.createIndex(IndexDefinition.builder("items", "qty_desc").field(IndexField.of("qty").descending()).build());
		db.createIndex(IndexDefinition.builder("items", "qty").field("qty").build());
		db.insert("items", IntStream.rangeClosed(1, COUNT)
			.mapToObj((i) -> new Item(0, String.format("item-%02d", i), i))
			.toList());
	}

	@AfterAll
	static void stop() {
		template.destroy();
		emulator.stop();
	}

	private static List<Integer> quantities(List<Item> items) {
		return items.stream().map(Item::qty).toList();
	}

	private static List<Integer> range(int from, int to) {
		return IntStream.rangeClosed(from, to).boxed().toList();
	}

	@Test
	void theMissionExample() {
		List<Item> low = template.db().query("SELECT id, name, qty FROM items WHERE qty < ?", Item.class, 5);
		assertThat(low).as("SQL without ORDER BY has no order").containsExactlyInAnyOrder(new Item(1, "item-01", 1), new Item(2, "item-02", 2), new Item(3, "item-03", 3),
				new Item(4, "item-04", 4));
	}

	@Test
	void sqlWithNamedParametersAndALimit() {
		List<Item> between = db.getRecordsUsingSQL("SELECT * FROM items WHERE qty BETWEEN :low AND :high ORDER BY qty")
			.param("low", 10)
			.param("high", 12)
			.list(Item.class);
		assertThat(quantities(between)).containsExactly(10, 11, 12);
		assertThatExceptionOfType(FairComRecordLimitExceededException.class)
			.isThrownBy(() -> db.getRecordsUsingSQL("SELECT * FROM items").limit(24).list(Item.class));
		assertThat(db.getRecordsUsingSQL("SELECT * FROM items").limit(25).list(Item.class)).hasSize(COUNT);
	}

	@Test
	void listsReturnEveryRecordWhereFairComsDefaultWouldStopAtTwenty() {
		assertThat(db.getRecordsByTable("items").list(Item.class)).hasSize(COUNT);
		assertThat(db.query("SELECT * FROM items", Item.class)).hasSize(COUNT);
		assertThatExceptionOfType(FairComRecordLimitExceededException.class)
			.isThrownBy(() -> db.getRecordsByTable("items").limit(20).list(Item.class))
			.satisfies((ex) -> assertThat(ex.getLimit()).isEqualTo(20));
	}

	@Test
	void getRecordsByTableFiltersSkipsAndReverses() {
		assertThat(quantities(db.getRecordsByTable("items").tableFilter("qty > 20").list(Item.class)))
			.containsExactly(21, 22, 23, 24, 25);
		assertThat(quantities(db.getRecordsByTable("items").skip(22).list(Item.class))).containsExactly(23, 24, 25);
		assertThat(quantities(db.getRecordsByTable("items").reverseOrder().tableFilter("qty <= 3").list(Item.class)))
			.containsExactly(3, 2, 1);
	}

	@Test
	void getRecordsByIdsReadsTheRecordsThatExist() {
		assertThat(db.getRecordsByIds("items", List.of(5, 1, 99), Item.class)).extracting(Item::id)
			.containsExactly(5L, 1L);
	}

	@Test
	void getRecordsByIndexFollowsTheIndexOrder() {
		assertThat(quantities(db.getRecordsByIndex("items", "qty_desc").tableFilter("qty >= 23").list(Item.class)))
			.containsExactly(25, 24, 23);
		assertThat(quantities(db.getRecordsByIndex("items", "qty").limit(COUNT).list(Item.class)))
			.isEqualTo(range(1, COUNT));
	}

	@Test
	void getRecordsInKeyRangeReadsBetweenTheBounds() {
		assertThat(quantities(db
			.getRecordsInKeyRange("items", KeyRange.of("qty").atLeast("qty", 3).atMost("qty", 7))
			.list(Item.class))).isEqualTo(range(3, 7));
		assertThat(quantities(db
			.getRecordsInKeyRange("items", KeyRange.of("qty").greaterThan("qty", 3).lessThan("qty", 7))
			.list(Item.class))).isEqualTo(range(4, 6));
	}

	@Test
	void getRecordsStartingAtKeyReadsOnInIndexOrderOrReportsKeyNotFound() {
		assertThat(quantities(db
			.getRecordsStartingAtKey("items", StartKey.of("qty", KeyOperator.GREATER_THAN_OR_EQUAL).field("qty", 22))
			.list(Item.class))).containsExactly(22, 23, 24, 25);
		assertThatExceptionOfType(FairComNotFoundException.class)
			.isThrownBy(() -> db
				.getRecordsStartingAtKey("items", StartKey.of("qty", KeyOperator.EQUAL).field("qty", 1000))
				.list(Item.class))
			.satisfies((ex) -> assertThat(ex.getErrorCode()).as("documented Key not found").isEqualTo(4046));
	}

	@Test
	void treesKeepWhatTheServerSent() {
		List<JsonNode> strings = db.getRecordsByIds("items", List.of(3), JsonNode.class);
		assertThat(strings.get(0).get("qty").isString()).as("numberFormat string, the default").isTrue();
		assertThat(strings.get(0).get("qty").stringValue()).isEqualTo("3");
		JsonNode number = db.withResponseOptions(java.util.Map.of("numberFormat", "number"))
			.getRecordsByIds("items", List.of(3), JsonNode.class)
			.get(0);
		assertThat(number.get("qty").isIntegralNumber()).isTrue();
		assertThat(number.get("qty").intValue()).isEqualTo(3);
	}

	@Test
	void aPerCallTimeoutReplacesTheTemplatesCallTimeout() {
		emulator.faults().latency(Duration.ofSeconds(1));
		try {
			assertThatExceptionOfType(FairComTimeoutException.class)
				.isThrownBy(() -> db.withTimeout(Duration.ofMillis(200)).getRecordsByIds("items", List.of(1), Item.class))
				.satisfies((ex) -> assertThat(ex.getType()).isEqualTo(FairComTimeoutException.Type.CALL))
				.withMessageContaining("200ms");
		}
		finally {
			emulator.faults().latency(Duration.ZERO);
		}
		assertThat(db.getRecordsByIds("items", List.of(1), Item.class)).hasSize(1);
	}

}
