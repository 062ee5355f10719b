package io.github.faircomclient.it.db;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.faircomclient.FairComApiException;
import io.github.faircomclient.core.FairComTemplate;
import io.github.faircomclient.db.DbOperations;
import io.github.faircomclient.db.FieldDefinition;
import io.github.faircomclient.db.TableDefinition;
import io.github.faircomclient.db.TransactionInfo;
import io.github.faircomclient.test.FairComEmulator;
import io.github.faircomclient.test.ProvisionalChoice;
import io.github.faircomclient.test.db.DbPlugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Typed savepoints and {@code listTransactions} of explicit transactions and
 * {@code inTransaction} against the emulator's real (H2) savepoints.
 */
class DbSavepointIntegrationTests {

	private static FairComEmulator emulator;

	private static FairComTemplate template;

	private static DbOperations db;

	private static DbPlugin server;

	record Entry(String owner, int amount) {
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
		template.close();
		emulator.stop();
	}

	@BeforeEach
	void createTable() {
		db.createTable(TableDefinition.builder("ledger")
			.field(FieldDefinition.varchar("owner", 20))
			.field(FieldDefinition.integer("amount"))
			.build());
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
	void anExplicitTransactionRevertsToASavepointAndCommitsUpToAnother() {
		String id = db.createTransaction("savepoints");
		DbOperations tx = db.withTransaction(id);
		tx.insert("ledger", new Entry("ann", 1));
		int first = db.createTransactionSavepoint(id);
		tx.insert("ledger", new Entry("bob", 2));
		db.revertToTransactionSavepoint(id, first);
		assertThat(tx.getRecordsByTable("ledger").list(Entry.class)).containsExactly(new Entry("ann", 1));
		tx.insert("ledger", new Entry("carl", 3));
		int second = db.createTransactionSavepoint(id);
		assertThat(second).isGreaterThan(first);
		tx.insert("ledger", new Entry("dora", 4));
		assertThat(db.listTransactions()).containsExactly(new TransactionInfo(id, "app", "savepoints"));
		db.commitTransaction(id, second);
		assertThat(ledger()).containsExactly(new Entry("ann", 1), new Entry("carl", 3));
		assertThat(db.listTransactions()).isEmpty();
	}

	@Test
	void inTransactionSavepointsUndoPartOfTheWork() {
		db.inTransactionWithoutResult((tx) -> {
			tx.insert("ledger", new Entry("ann", 1));
			int savepoint = tx.createSavepoint();
			tx.insert("ledger", new Entry("bob", 2));
			tx.revertToSavepoint(savepoint);
		});
		assertThat(ledger()).containsExactly(new Entry("ann", 1));
	}

	@Test
	void sqlVoidsTheEarlierSavepointsAndTheTransactionStaysUsable() {
		String id = db.createTransaction();
		DbOperations tx = db.withTransaction(id);
		int savepoint = db.createTransactionSavepoint(id);
		tx.insert("ledger", new Entry("ann", 1));
		tx.query("SELECT owner, amount FROM ledger", Entry.class);
		assertThatExceptionOfType(FairComApiException.class)
			.isThrownBy(() -> db.revertToTransactionSavepoint(id, savepoint))
			.satisfies((ex) -> assertThat(ex.getErrorCode())
				.isEqualTo(ProvisionalChoice.DB_SAVEPOINT_VOIDED_BY_SQL.errorCode()));
		tx.insert("ledger", new Entry("bob", 2));
		db.commitTransaction(id);
		assertThat(ledger()).containsExactly(new Entry("ann", 1), new Entry("bob", 2));
	}

}
