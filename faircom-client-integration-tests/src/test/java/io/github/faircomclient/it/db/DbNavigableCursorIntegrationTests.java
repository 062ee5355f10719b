package io.github.faircomclient.it.db;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.faircomclient.FairComSessionExpiredException;
import io.github.faircomclient.core.FairComTemplate;
import io.github.faircomclient.db.Cursor;
import io.github.faircomclient.db.CursorFetch;
import io.github.faircomclient.db.DbOperations;
import io.github.faircomclient.db.FieldDefinition;
import io.github.faircomclient.db.IndexDefinition;
import io.github.faircomclient.db.IndexField;
import io.github.faircomclient.db.TableDefinition;
import io.github.faircomclient.test.FairComEmulator;
import io.github.faircomclient.test.db.DbPlugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Navigable cursors of {@code template.db()} against the emulator's server-side cursors
 * over HTTP, on 100 records with quantities 1..100: walked forward, backward and from the
 * end, skipping either way, on an index, a table and SQL; closed once; dead with their
 * session.
 */
class DbNavigableCursorIntegrationTests {

	private static final int COUNT = 100;

	private static FairComEmulator emulator;

	private static FairComTemplate template;

	private static DbOperations db;

	private static DbPlugin server;

	record Item(long id, String name, int qty) {
	}

	@BeforeAll
	static void start() {
		emulator = FairComEmulator.builder().httpPort(0).user("app", "secret").build().start();
		server = emulator.plugin(DbPlugin.class).orElseThrow();
		template = FairComTemplate.builder().url(emulator.httpUrl()).credentials("app", "secret").build();
		db = template.db();
		db.createTable(TableDefinition.builder("items")
			.field(FieldDefinition.varchar("name", 30))
			.field(FieldDefinition.integer("qty"))
			.build());
		db.createIndex(IndexDefinition.builder("items", "qty_desc").field(IndexField.of("qty").descending()).build());
		db.insert("items", IntStream.rangeClosed(1, COUNT).mapToObj((i) -> new Item(0, "item-" + i, i)).toList());
	}

	@AfterAll
	static void stop() {
		template.destroy();
		emulator.stop();
	}

	@BeforeEach
	void resetCounts() {
		emulator.resetActionCounts();
	}

	@AfterEach
	void nothingLeftOpen() {
		assertThat(server.openCursors()).isEmpty();
	}

	private static List<Integer> qty(List<Item> items) {
		return items.stream().map(Item::qty).toList();
	}

	private static List<Integer> range(int from, int to) {
		List<Integer> values = new ArrayList<>();
		for (int i = from; (from <= to) ? i <= to : i >= to; i += (from <= to) ? 1 : -1) {
			values.add(i);
		}
		return values;
	}

	@Test
	void aCursorIsWalkedForwardBackwardAndFromTheEnd() {
		try (Cursor<Item> items = db.getRecordsByIndex("items", "id_pk").cursor(Item.class)) {
			assertThat(server.openCursors()).hasSize(1);
			assertThat(qty(items.fetch(10))).isEqualTo(range(1, 10));
			assertThat(qty(items.fetch(10))).isEqualTo(range(11, 20));
			assertThat(items.hasMoreRecords()).isTrue();
			assertThat(qty(items.fetchBackward(5))).as("nearest first").isEqualTo(range(20, 16));
			assertThat(qty(items.fetch(3))).as("on from where the backward fetch left it").isEqualTo(range(16, 18));
			assertThat(qty(items.fetch(CursorFetch.backward(5).fromEnd()))).isEqualTo(range(100, 96));
			assertThat(qty(items.fetch(CursorFetch.forward(10).fromEnd()))).as("nothing after the end").isEmpty();
			assertThat(items.hasMoreRecords()).isFalse();
			assertThat(qty(items.fetch(CursorFetch.forward(2).fromBeginning().skip(49)))).isEqualTo(range(50, 51));
			assertThat(qty(items.fetch(CursorFetch.backward(2).skipBackward(10)))).isEqualTo(range(41, 40));
			assertThat(qty(items.fetch(CursorFetch.backward(10).fromBeginning()))).as("nothing before the beginning")
				.isEmpty();
			assertThat(items.hasMoreRecords()).isFalse();
		}
		assertThat(emulator.actionCount("getRecordsFromCursor")).isEqualTo(9);
		assertThat(emulator.actionCount("closeCursor")).isOne();
	}

	@Test
	void aWholeTableIsReadBackwardFromTheEndInPagesUntilAnEmptyOne() {
		List<Integer> read = new ArrayList<>();
		try (Cursor<Item> items = db.getRecordsByTable("items").cursor(Item.class)) {
			List<Item> page = items.fetch(CursorFetch.backward(30).fromEnd());
			while (!page.isEmpty()) {
				read.addAll(qty(page));
				page = items.fetchBackward(30);
			}
		}
		assertThat(read).isEqualTo(range(COUNT, 1));
		assertThat(emulator.actionCount("getRecordsFromCursor")).as("4 pages and the empty one").isEqualTo(5);
	}

	@Test
	void anIndexAndASqlQueryAreWalkedInTheirOwnOrder() {
		try (Cursor<Item> descending = db.getRecordsByIndex("items", "qty_desc").tableFilter("qty <= 20")
			.cursor(Item.class)) {
			assertThat(qty(descending.fetch(3))).isEqualTo(range(20, 18));
			assertThat(qty(descending.fetch(CursorFetch.backward(2).fromEnd()))).isEqualTo(range(1, 2));
		}
		try (Cursor<Item> sql = db.getRecordsUsingSQL("SELECT * FROM items WHERE qty > ? ORDER BY qty", 90)
			.cursor(Item.class)) {
			assertThat(qty(sql.fetch(CursorFetch.forward(3).skip(5)))).isEqualTo(range(96, 98));
			assertThat(qty(sql.fetchBackward(4))).isEqualTo(range(98, 95));
		}
		assertThat(emulator.actionCount("closeCursor")).isEqualTo(2);
	}

	@Test
	void closingTwiceSendsCloseCursorOnce() {
		Cursor<Item> items = db.getRecordsByTable("items").cursor(Item.class);
		assertThat(items.fetch(1)).hasSize(1);
		items.close();
		items.close();
		assertThat(items.isOpen()).isFalse();
		assertThat(emulator.actionCount("closeCursor")).isOne();
	}

	@Test
	void aCursorDiesWithItsSession() {
		Cursor<Item> items = db.getRecordsByTable("items").cursor(Item.class);
		assertThat(items.fetch(5)).hasSize(5);
		emulator.faults().expireAllSessions();
		assertThatExceptionOfType(FairComSessionExpiredException.class).isThrownBy(() -> items.fetchBackward(2))
			.withMessageContaining("is not replayed");
		assertThat(items.isOpen()).isFalse();
		items.close();
		assertThat(emulator.actionCount("getRecordsFromCursor")).as("one before, one failed, no replay").isEqualTo(2);
		assertThat(emulator.actionCount("closeCursor")).isZero();
		try (Cursor<Item> again = db.getRecordsByTable("items").cursor(Item.class)) {
			assertThat(again.fetch(CursorFetch.backward(1).fromEnd())).extracting(Item::qty).containsExactly(COUNT);
		}
	}

}
