package io.github.faircomclient.it.db;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.transaction.support.TransactionTemplate;

import io.github.faircomclient.FairComApiException;
import io.github.faircomclient.core.FairComTemplate;
import io.github.faircomclient.db.DbOperations;
import io.github.faircomclient.db.FieldDefinition;
import io.github.faircomclient.db.SqlStatementResult;
import io.github.faircomclient.db.TableDefinition;
import io.github.faircomclient.test.FairComEmulator;
import io.github.faircomclient.test.db.DbPlugin;
import io.github.faircomclient.transaction.FairComTransactionManager;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.tuple;

/**
 * {@code runSqlStatements} through {@code template.db()} against the emulator over HTTP:
 * one result per statement, a failing statement in the middle that fails neither the call
 * nor the others, queries mapped to records, and statements that run outside the caller's
 * transaction, typed or Spring's.
 */
class DbRunSqlStatementsIntegrationTests {

	private static FairComEmulator emulator;

	private static FairComTemplate template;

	private static DbOperations db;

	private static DbPlugin server;

	record Entry(long id, String name, int qty) {
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

	@AfterEach
	void nothingLeftOpen() {
		assertThat(server.openTransactions()).isEmpty();
	}

	private static void createLedger(String tableName) {
		db.createTable(TableDefinition.builder(tableName)
			.field(FieldDefinition.varchar("name", 30))
			.field(FieldDefinition.integer("qty"))
			.build());
	}

	@Test
	void aFailingStatementInTheMiddleFailsAloneAndTheOthersRun() {
		createLedger("ledger");
		List<SqlStatementResult> results = db.runSqlStatements(
				"INSERT INTO ledger (name, qty) VALUES ('bolt', 1), ('nut', 2)",
				"INSERT INTO nowhere (name) VALUES ('lost')",
				"UPDATE ledger SET qty = qty * 10",
				"SELECT id, name, qty FROM ledger ORDER BY qty");
		assertThat(results).extracting(SqlStatementResult::isSuccess).containsExactly(true, false, true, true);
		assertThat(results.get(0).affectedRecordCount()).isEqualTo(2);
		assertThat(results.get(1).errorCode()).as("the emulator's SQL error").isEqualTo(99037);
		assertThat(results.get(1).errorMessage()).containsIgnoringCase("nowhere");
		assertThat(results.get(1).sql()).isEqualTo("INSERT INTO nowhere (name) VALUES ('lost')");
		assertThat(results.get(2).affectedRecordCount()).isEqualTo(2);
		assertThat(results.get(3).isQuery()).isTrue();
		assertThat(results.get(3).records(Entry.class)).extracting(Entry::name, Entry::qty)
			.containsExactly(tuple("bolt", 10), tuple("nut", 20));
		assertThat(db.getRecordsByTable("ledger").list(Entry.class)).extracting(Entry::qty).containsExactly(10, 20);
	}

	@Test
	void onlyAnInvalidRequestFailsTheCall() {
		assertThatExceptionOfType(FairComApiException.class)
			.isThrownBy(() -> db.withDatabase("nowhere").runSqlStatements("SELECT 1"))
			.satisfies((ex) -> assertThat(ex.getErrorCode()).as("the emulator's database not found").isEqualTo(99030));
		assertThat(db.runSqlStatements("SELECT 1 AS one").get(0).records()).extracting((row) -> row.get("one").asInt())
			.containsExactly(1);
	}

	@Test
	void statementsRunOutsideTheCallersTransactionAndItsRollbackLeavesThem() {
		createLedger("ledger_tx");
		assertThatIllegalStateException().isThrownBy(() -> db.inTransactionWithoutResult((transaction) -> {
			transaction.insert("ledger_tx", Map.of("name", "typed", "qty", 1));
			assertThat(transaction.runSqlStatements("INSERT INTO ledger_tx (name, qty) VALUES ('sql', 2)"))
				.allMatch(SqlStatementResult::isSuccess);
			throw new IllegalStateException("roll back");
		}));
		FairComTransactionManager manager = new FairComTransactionManager(template);
		manager.afterPropertiesSet();
		TransactionTemplate transactions = new TransactionTemplate(manager);
		transactions.executeWithoutResult((status) -> {
			db.insert("ledger_tx", Map.of("name", "spring", "qty", 3));
			assertThat(db.runSqlStatements("INSERT INTO ledger_tx (name, qty) VALUES ('sql in spring', 4)"))
				.allMatch(SqlStatementResult::isSuccess);
			status.setRollbackOnly();
		});
		assertThat(db.getRecordsByTable("ledger_tx").list(JsonNode.class))
			.extracting((row) -> row.get("name").stringValue())
			.containsExactly("sql", "sql in spring");
	}

}
