package io.github.faircomclient.it.db;

import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.faircomclient.FairComSessionExpiredException;
import io.github.faircomclient.core.FairComTemplate;
import io.github.faircomclient.db.DbOperations;
import io.github.faircomclient.db.DbSettings;
import io.github.faircomclient.db.FieldDefinition;
import io.github.faircomclient.db.TableDefinition;
import io.github.faircomclient.test.FairComEmulator;
import io.github.faircomclient.test.db.DbPlugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Cursor streams of {@code template.db()} against the emulator over HTTP, on 1050 records
 * with quantities 1..1050, read in pages of 100; the emulator's introspection shows which
 * cursors are left open.
 */
class DbCursorIntegrationTests {

	private static final int COUNT = 1050;

	private static final long SUM = (long) COUNT * (COUNT + 1) / 2;

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
		template = FairComTemplate.builder()
			.url(emulator.httpUrl())
			.credentials("app", "secret")
			.dbSettings(DbSettings.builder().fetchSize(100).build())
			.build();
		db = template.db();
		db.createTable(TableDefinition.builder("items")
			.field(FieldDefinition.varchar("name", 30))
			.field(FieldDefinition.integer("qty"))
			.build());
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

	@Test
	void aStreamReadsEveryRecordPageByPageAndClosesTheCursor() {
		try (Stream<Item> items = db.getRecordsByTable("items").stream(Item.class)) {
			assertThat(server.openCursors()).hasSize(1);
			assertThat(items.mapToLong(Item::qty).sum()).isEqualTo(SUM);
		}
		assertThat(emulator.actionCount("getRecordsFromCursor")).as("10 full pages and one of 50").isEqualTo(11);
		assertThat(emulator.actionCount("closeCursor")).isOne();
	}

	@Test
	void aStreamReadToTheEndClosesItsCursorEvenIfNobodyClosesTheStream() {
		Stream<Item> items = db.getRecordsUsingSQL("SELECT * FROM items WHERE qty > ?", 1000).fetchSize(20).stream(Item.class);
		assertThat(items.map(Item::qty).toList()).isEqualTo(IntStream.rangeClosed(1001, COUNT).boxed().toList());
		assertThat(server.openCursors()).isEmpty();
		assertThat(emulator.actionCount("getRecordsFromCursor")).as("50 records in pages of 20").isEqualTo(3);
	}

	@Test
	void aStreamAbandonedEarlyClosesItsCursorWhenClosed() {
		try (Stream<Item> items = db.getRecordsByIndex("items", "id_pk").stream(Item.class)) {
			assertThat(items.limit(5).map(Item::qty).toList()).containsExactly(1, 2, 3, 4, 5);
			assertThat(server.openCursors()).as("still open while the stream is").hasSize(1);
		}
		assertThat(emulator.actionCount("getRecordsFromCursor")).isOne();
		assertThat(emulator.actionCount("closeCursor")).isOne();
	}

	@Test
	void theCallbackFormsCloseTheCursorWhenTheCallbackThrows() {
		AtomicInteger seen = new AtomicInteger();
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> db.getRecordsByTable("items")
			.forEach(Item.class, (item) -> {
				if (seen.incrementAndGet() == 150) {
					throw new IllegalStateException("stop at 150");
				}
			}));
		assertThat(seen).hasValue(150);
		assertThat(server.openCursors()).isEmpty();
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> db.getRecordsByTable("items").stream(Item.class, (items) -> {
				items.skip(10).findFirst();
				throw new IllegalStateException("callback failed");
			}));
		assertThat(server.openCursors()).isEmpty();
		long big = db.getRecordsByTable("items").stream(Item.class, (items) -> items.filter((item) -> item.qty() > 1000).count());
		assertThat(big).isEqualTo(50);
	}

	@Test
	void skipMovesTheCursorBeforeTheFirstPage() {
		List<Integer> last = db.getRecordsByTable("items").skip(1045).stream(Item.class,
				(items) -> items.map(Item::qty).toList());
		assertThat(last).containsExactly(1046, 1047, 1048, 1049, 1050);
	}

	@Test
	void aStreamNeitherReadNorClosedLeavesItsCursorOpenUntilClosed() {
		Stream<Item> forgotten = db.getRecordsByTable("items").stream(Item.class);
		assertThat(server.openCursors()).hasSize(1);
		forgotten.close();
	}

	@Test
	void aCursorOfAnExpiredSessionIsNotReplayed() {
		try (Stream<Item> items = db.getRecordsByTable("items").stream(Item.class)) {
			List<Item> first = items.limit(1).toList();
			assertThat(first).hasSize(1);
		}
		Stream<Item> items = db.getRecordsByTable("items").stream(Item.class);
		emulator.faults().expireAllSessions();
		assertThatExceptionOfType(FairComSessionExpiredException.class).isThrownBy(items::count)
			.withMessageContaining("is not replayed");
		items.close();
		assertThat(emulator.actionCount("getRecordsFromCursor")).as("one before, one failed, no replay").isEqualTo(2);
		long count = db.getRecordsByTable("items").stream(Item.class, Stream::count);
		assertThat(count).as("a new session works").isEqualTo(COUNT);
	}

	/**
	 * The cursor's session expires and another call logs in again while a stream is half
	 * read: the next page is refused without being sent, and closing the stream neither
	 * throws nor sends {@code closeCursor}.
	 */
	@Test
	void aCursorWhoseSessionWasReplacedIsRefusedWithoutBeingSent() {
		Stream<Item> items = db.getRecordsByTable("items").stream(Item.class);
		Iterator<Item> records = items.iterator();
		for (int i = 0; i < 100; i++) {
			records.next();
		}
		emulator.faults().expireAllSessions();
		assertThat(db.listTables()).as("another call logs in again").hasSize(1);
		assertThat(emulator.actionCount("createSession")).isOne();
		assertThatExceptionOfType(FairComSessionExpiredException.class).isThrownBy(records::next)
			.isExactlyInstanceOf(FairComSessionExpiredException.class)
			.withMessageContaining("cursor")
			.withMessageContaining("session that expired");
		items.close();
		assertThat(emulator.actionCount("getRecordsFromCursor")).as("the first page only").isOne();
		assertThat(emulator.actionCount("closeCursor")).isZero();
	}

	@Test
	void closingAStreamWhoseSessionWasReplacedSendsNothing() {
		Stream<Item> items = db.getRecordsByTable("items").stream(Item.class);
		emulator.faults().expireAllSessions();
		assertThat(db.listTables()).as("another call logs in again").hasSize(1);
		items.close();
		assertThat(emulator.actionCount("getRecordsFromCursor")).isZero();
		assertThat(emulator.actionCount("closeCursor")).isZero();
	}

	@Test
	void theCallbackFormFailsWithTheSessionExpiredExceptionAndSendsNothingMore() {
		AtomicInteger read = new AtomicInteger();
		assertThatExceptionOfType(FairComSessionExpiredException.class)
			.isThrownBy(() -> db.getRecordsByTable("items").forEach(Item.class, (item) -> {
				if (read.incrementAndGet() == 100) {
					emulator.faults().expireAllSessions();
					db.listTables();
				}
			}))
			.isExactlyInstanceOf(FairComSessionExpiredException.class);
		assertThat(read).hasValue(100);
		assertThat(emulator.actionCount("getRecordsFromCursor")).isOne();
		assertThat(emulator.actionCount("closeCursor")).isZero();
	}

}
