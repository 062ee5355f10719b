package io.github.faircomclient.test.db;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cursors and transactions are freed on every way out: closeCursor, commit/rollback, deleteSession,
 * session expiry, and a server restart; what was committed stays.
 */
class DbLifecycleIntegrationTests {

	private DbClient client;

	private String token;

	@BeforeEach
	void start() {
		this.client = new DbClient();
		this.token = this.client.login("{\"idleConnectionTimeoutSeconds\":300}");
		this.client.result("createTable", "{\"tableName\":\"t\",\"fields\":[{\"name\":\"v\",\"type\":\"integer\"}]}");
		this.client.result("insertRecords", "{\"tableName\":\"t\",\"sourceData\":[{\"v\":1},{\"v\":2},{\"v\":3}]}");
	}

	@AfterEach
	void stop() {
		this.client.close();
	}

	/** Opens a cursor and a transaction (with an uncommitted insert) in the session. */
	private String openCursorAndTransaction() {
		String cursorId = this.client.call(this.token, "getRecordsByTable", "{\"tableName\":\"t\",\"returnCursor\":true}")
			.path("result").path("cursorId").asString();
		String transactionId = this.client.call(this.token, "createTransaction", "{}").path("result")
			.path("transactionId").asString();
		assertThat(this.client.call(this.token, "insertRecords", "{\"tableName\":\"t\",\"transactionId\":\""
				+ transactionId + "\",\"sourceData\":[{\"v\":100}]}").path("errorCode").asInt()).isZero();
		assertThat(this.client.plugin().openCursors(this.token)).extracting(DbApi.CursorInfo::cursorId)
			.containsExactly(cursorId);
		assertThat(this.client.plugin().openTransactions(this.token)).extracting(DbApi.TransactionInfo::transactionId)
			.containsExactly(transactionId);
		return cursorId;
	}

	private int committedRows() {
		return this.client.result("getRecordsByTable", "{\"tableName\":\"t\"}").path("totalRecordCount").asInt();
	}

	@Test
	void closeCursorFreesTheCursor() {
		String cursorId = openCursorAndTransaction();
		this.client.call(this.token, "closeCursor", "{\"cursorId\":\"" + cursorId + "\"}");
		assertThat(this.client.plugin().openCursors(this.token)).isEmpty();
		assertThat(this.client.plugin().openTransactions(this.token)).hasSize(1);
	}

	@Test
	void deleteSessionFreesCursorsAndRollsBackTransactions() {
		openCursorAndTransaction();
		this.client.logout(this.token);
		assertThat(this.client.plugin().openCursors()).isEmpty();
		assertThat(this.client.plugin().openTransactions()).isEmpty();
		assertThat(committedRows()).isEqualTo(3);
	}

	@Test
	void sessionExpiryFreesCursorsAndRollsBackTransactions() {
		openCursorAndTransaction();
		this.client.clock.advanceSeconds(301);
		assertThat(this.client.call(this.token, "listTables", "{}").path("errorCode").asInt()).isEqualTo(12031);
		assertThat(this.client.plugin().openCursors()).isEmpty();
		assertThat(this.client.plugin().openTransactions()).isEmpty();
		this.client.token = this.client.login();
		assertThat(committedRows()).isEqualTo(3);
	}

	@Test
	void restartFreesCursorsAndTransactionsButKeepsCommittedData() {
		openCursorAndTransaction();
		this.client.emulator.restart();
		assertThat(this.client.plugin().openCursors()).isEmpty();
		assertThat(this.client.plugin().openTransactions()).isEmpty();
		this.client.token = this.client.login();
		assertThat(committedRows()).isEqualTo(3);
	}

	@Test
	void commitEndsTheTransactionAndItsCursors() {
		openCursorAndTransaction();
		String transactionId = this.client.plugin().openTransactions(this.token).get(0).transactionId();
		String inTransaction = this.client.call(this.token, "getRecordsByTable", "{\"tableName\":\"t\",\"returnCursor\":true,"
				+ "\"transactionId\":\"" + transactionId + "\"}").path("result").path("cursorId").asString();
		assertThat(this.client.call(this.token, "getRecordsFromCursor", "{\"cursorId\":\"" + inTransaction
				+ "\",\"fetchRecords\":10}").path("result").path("data")).hasSize(4);
		this.client.call(this.token, "commitTransaction", "{\"transactionId\":\"" + transactionId + "\"}");
		assertThat(this.client.plugin().openTransactions()).isEmpty();
		assertThat(this.client.plugin().openCursors(this.token)).extracting(DbApi.CursorInfo::cursorId)
			.doesNotContain(inTransaction).hasSize(1);
		assertThat(committedRows()).isEqualTo(4);
	}

	@Test
	void dataInAFolderOutlivesTheEmulator(@TempDir Path folder) {
		try (DbClient first = new DbClient(new DbPlugin(folder))) {
			first.result("createTable", "{\"tableName\":\"Kept\",\"fields\":[{\"name\":\"v\",\"type\":\"integer\"}]}");
			first.result("insertRecords", "{\"tableName\":\"Kept\",\"sourceData\":[{\"v\":42}]}");
		}
		try (DbClient second = new DbClient(new DbPlugin(folder))) {
			JsonNode record = second.result("getRecordsByTable", "{\"tableName\":\"kept\"}").path("data").get(0);
			assertThat(record.path("v").asInt()).isEqualTo(42);
			assertThat(second.result("listTables", "{}").path("data").get(0).path("tableName").asString())
				.isEqualTo("Kept");
		}
	}
}
