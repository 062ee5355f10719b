package io.github.faircomclient.it.db;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.faircomclient.FairComSessionExpiredException;
import io.github.faircomclient.core.FairComTemplate;
import io.github.faircomclient.db.DbOperations;
import io.github.faircomclient.db.FieldDefinition;
import io.github.faircomclient.db.TableDefinition;
import io.github.faircomclient.test.FairComEmulator;
import io.github.faircomclient.test.db.DbApi;
import io.github.faircomclient.test.db.DbPlugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Transactions of {@code template.db()} against the emulator over HTTP: commit, rollback,
 * explicit ids, isolation, concurrent transactions on the template's one session, and a
 * session that expires in the middle of one.
 */
class DbTransactionIntegrationTests {

	private static FairComEmulator emulator;

	private static FairComTemplate template;

	private static DbOperations db;

	private static DbPlugin server;

	record Entry(long id, String owner, int amount) {
	}

	record NewEntry(String owner, int amount) {
	}

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

	@BeforeEach
	void createTable() {
		db.createTable(TableDefinition.builder("ledger")
			.field(FieldDefinition.varchar("owner", 20))
			.field(FieldDefinition.integer("amount"))
			.build());
		emulator.resetActionCounts();
	}

	@AfterEach
	void dropTable() {
		assertThat(server.openTransactions()).isEmpty();
		db.deleteTables("ledger");
	}

	private static List<Entry> ledger() {
		return db.getRecordsByTable("ledger").list(Entry.class);
	}

	@Test
	void commitsWhenTheCallbackReturns() {
		int inserted = db.inTransaction((tx) -> {
			tx.insert("ledger", List.of(new NewEntry("ann", 10), new NewEntry("bob", 20)));
			assertThat(tx.getRecordsByTable("ledger").list(Entry.class)).as("own changes are visible").hasSize(2);
			assertThat(ledger()).as("others do not see uncommitted changes").isEmpty();
			return 2;
		});
		assertThat(inserted).isEqualTo(2);
		assertThat(ledger()).extracting(Entry::amount).containsExactly(10, 20);
		assertThat(emulator.actionCount("commitTransaction")).isOne();
	}

	@Test
	void rollsBackWhenTheCallbackThrowsAndKeepsItsException() {
		IllegalStateException failure = new IllegalStateException("insufficient funds");
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> db.inTransactionWithoutResult((tx) -> {
			tx.insert("ledger", new NewEntry("ann", -50));
			throw failure;
		})).isSameAs(failure);
		assertThat(ledger()).isEmpty();
		assertThat(emulator.actionCount("rollbackTransaction")).isOne();
		assertThat(emulator.actionCount("commitTransaction")).isZero();
	}

	@Test
	void explicitTransactionIds() {
		String rolledBack = db.createTransaction();
		db.withTransaction(rolledBack).insert("ledger", new NewEntry("ann", 1));
		assertThat(server.openTransactions()).extracting(DbApi.TransactionInfo::transactionId).containsExactly(rolledBack);
		db.rollbackTransaction(rolledBack);
		String committed = db.createTransaction();
		DbOperations tx = db.withTransaction(committed);
		tx.insert("ledger", new NewEntry("bob", 2));
		tx.updateIgnoringChangeId("ledger", List.of(Map.of("id", 2, "amount", 3)));
		db.commitTransaction(committed);
		assertThat(ledger()).extracting(Entry::owner, Entry::amount)
			.containsExactly(tuple("bob", 3));
	}

	/**
	 * Eight threads share the template's one session, each with a transaction of its own
	 * (its own transactionId). All insert and read before any ends, so each sees only its own
	 * records; then the odd ones roll back. Only the even ones' records remain, exactly.
	 */
	@Test
	void concurrentTransactionsShareTheSessionEachWithItsOwnId() throws Exception {
		int threads = 8;
		int perThread = 25;
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		CountDownLatch allInside = new CountDownLatch(threads);
		CountDownLatch allRead = new CountDownLatch(threads);
		try {
			List<Future<String>> results = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				String owner = "t" + t;
				boolean rollBack = (t % 2 == 1);
				results.add(executor.submit(() -> {
					try {
						return db.inTransaction((tx) -> {
							tx.insert("ledger", IntStream.rangeClosed(1, perThread)
								.mapToObj((i) -> new NewEntry(owner, i))
								.toList());
							allInside.countDown();
							await(allInside);
							List<Entry> visible = tx.getRecordsByTable("ledger").list(Entry.class);
							allRead.countDown();
							await(allRead);
							assertThat(visible).as("isolated: nothing is committed yet")
								.allMatch((entry) -> entry.owner().equals(owner))
								.hasSize(perThread);
							if (rollBack) {
								throw new IllegalStateException(owner + " rolls back");
							}
							return tx.getTransactionId();
						});
					}
					catch (IllegalStateException ex) {
						return "rolled back";
					}
				}));
			}
			List<String> outcomes = new ArrayList<>();
			for (Future<String> result : results) {
				outcomes.add(result.get(30, TimeUnit.SECONDS));
			}
			assertThat(outcomes.stream().filter("rolled back"::equals)).hasSize(4);
			assertThat(outcomes.stream().filter((id) -> !id.equals("rolled back")).distinct()).hasSize(4);
		}
		finally {
			executor.shutdownNow();
		}
		Map<String, Long> perOwner = db.getRecordsByTable("ledger")
			.list(Entry.class)
			.stream()
			.collect(Collectors.groupingBy(Entry::owner, Collectors.counting()));
		assertThat(perOwner).containsOnlyKeys("t0", "t2", "t4", "t6").allSatisfy((owner, count) -> assertThat(count)
			.isEqualTo(perThread));
		assertThat(emulator.sessions()).as("one session for all threads").hasSize(1);
		assertThat(emulator.actionCount("createTransaction")).isEqualTo(8);
		assertThat(emulator.actionCount("commitTransaction")).isEqualTo(4);
		assertThat(emulator.actionCount("rollbackTransaction")).isEqualTo(4);
	}

	@Test
	void workInATransactionIsNeverReplayedOnANewSession() {
		assertThatExceptionOfType(FairComSessionExpiredException.class).isThrownBy(() -> db.inTransaction((tx) -> {
			tx.insert("ledger", new NewEntry("ann", 1));
			emulator.faults().expireAllSessions();
			return tx.insert("ledger", new NewEntry("ann", 2));
		})).withMessageContaining("transactionId").withMessageContaining("is not replayed");
		assertThat(emulator.actionCount("insertRecords")).as("two sent, none replayed").isEqualTo(2);
		assertThat(emulator.actionCount("rollbackTransaction")).as("the session took its transaction along")
			.isZero();
		assertThat(ledger()).as("read on a new session: nothing was committed").isEmpty();
		assertThat(emulator.actionCount("createSession")).as("one new login since the test began").isOne();
		db.insert("ledger", new NewEntry("bob", 5));
		assertThat(ledger()).extracting(Entry::amount).containsExactly(5);
	}

	/**
	 * The session of an {@code inTransaction} callback expires and another call logs in
	 * again before the callback goes on: its next action is refused without being sent,
	 * with the session-expired exception, and nothing is rolled back or committed.
	 */
	@Test
	void workOfATransactionWhoseSessionWasReplacedIsRefusedWithoutBeingSent() {
		assertThatExceptionOfType(FairComSessionExpiredException.class).isThrownBy(() -> db.inTransaction((tx) -> {
			tx.insert("ledger", new NewEntry("ann", 1));
			emulator.faults().expireAllSessions();
			assertThat(ledger()).as("another call logs in again").isEmpty();
			return tx.insert("ledger", new NewEntry("ann", 2));
		}))
			.isExactlyInstanceOf(FairComSessionExpiredException.class)
			.withMessageContaining("transaction")
			.withMessageContaining("session that expired")
			.withMessageContaining("not sent");
		assertThat(emulator.actionCount("createSession")).as("one new login since the test began").isOne();
		assertThat(emulator.actionCount("insertRecords")).as("only the one before the expiry").isOne();
		assertThat(emulator.actionCount("rollbackTransaction")).isZero();
		assertThat(emulator.actionCount("commitTransaction")).isZero();
		assertThat(ledger()).isEmpty();
	}

	@Test
	void aCommitAfterTheSessionWasReplacedIsRefusedWithoutBeingSent() {
		assertThatExceptionOfType(FairComSessionExpiredException.class).isThrownBy(() -> db.inTransaction((tx) -> {
			tx.insert("ledger", new NewEntry("ann", 1));
			emulator.faults().expireAllSessions();
			return ledger();
		})).isExactlyInstanceOf(FairComSessionExpiredException.class).withMessageContaining("commitTransaction");
		assertThat(emulator.actionCount("createSession")).isOne();
		assertThat(emulator.actionCount("commitTransaction")).isZero();
		assertThat(emulator.actionCount("rollbackTransaction")).isZero();
		assertThat(ledger()).isEmpty();
	}

	@Test
	void anExplicitTransactionWhoseSessionWasReplacedIsRefusedWithoutBeingSent() {
		String transactionId = db.createTransaction();
		DbOperations tx = db.withTransaction(transactionId);
		tx.insert("ledger", new NewEntry("ann", 1));
		emulator.faults().expireAllSessions();
		assertThat(ledger()).as("another call logs in again").isEmpty();
		assertThatExceptionOfType(FairComSessionExpiredException.class)
			.isThrownBy(() -> tx.insert("ledger", new NewEntry("ann", 2)))
			.isExactlyInstanceOf(FairComSessionExpiredException.class);
		assertThatExceptionOfType(FairComSessionExpiredException.class)
			.isThrownBy(() -> db.withTransaction(transactionId).getRecordsByTable("ledger").list(Entry.class))
			.isExactlyInstanceOf(FairComSessionExpiredException.class);
		assertThatExceptionOfType(FairComSessionExpiredException.class)
			.isThrownBy(() -> db.commitTransaction(transactionId))
			.isExactlyInstanceOf(FairComSessionExpiredException.class)
			.withMessageContaining(transactionId);
		assertThatExceptionOfType(FairComSessionExpiredException.class)
			.isThrownBy(() -> db.rollbackTransaction(transactionId))
			.isExactlyInstanceOf(FairComSessionExpiredException.class);
		assertThat(emulator.actionCount("createSession")).isOne();
		assertThat(emulator.actionCount("insertRecords")).isOne();
		assertThat(emulator.actionCount("getRecordsByTable")).as("the read that logged in again (found the session gone, then replayed); none in the transaction")
			.isEqualTo(2);
		assertThat(emulator.actionCount("commitTransaction")).isZero();
		assertThat(emulator.actionCount("rollbackTransaction")).isZero();
		String next = db.createTransaction();
		db.withTransaction(next).insert("ledger", new NewEntry("bob", 3));
		db.commitTransaction(next);
		assertThat(ledger()).extracting(Entry::amount).containsExactly(3);
	}

	private static void await(CountDownLatch latch) {
		try {
			if (!latch.await(20, TimeUnit.SECONDS)) {
				throw new IllegalStateException("Not every thread reached its transaction");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
