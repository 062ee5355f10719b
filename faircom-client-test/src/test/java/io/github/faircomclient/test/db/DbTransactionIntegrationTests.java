package io.github.faircomclient.test.db;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Savepoints and listTransactions over HTTP: the documented answers, a NESTED-style inner rollback,
 * and which transactions each account sees.
 */
class DbTransactionIntegrationTests {

	private DbClient client;

	@BeforeEach
	void start() {
		this.client = new DbClient();
		this.client.result("createTable", "{\"tableName\":\"orders\",\"fields\":[{\"name\":\"item\",\"type\":\"varchar\","
				+ "\"length\":20}]}");
	}

	@AfterEach
	void stop() {
		this.client.close();
	}

	private String transaction(String authToken, String description) {
		JsonNode answer = this.client.call(authToken, "createTransaction", "{\"transactionDescription\":\"" + description
				+ "\"}");
		assertThat(answer.path("errorCode").asInt()).as(answer.toString()).isZero();
		return answer.path("result").path("transactionId").asString();
	}

	private void insert(String tx, String item) {
		this.client.result("insertRecords", "{\"tableName\":\"orders\",\"transactionId\":\"" + tx
				+ "\",\"sourceData\":[{\"item\":\"" + item + "\"}]}");
	}

	private JsonNode items() {
		return this.client.result("getRecordsByTable", "{\"tableName\":\"orders\"}").path("data");
	}

	@Test
	void anInnerUnitOfWorkIsUndoneWhileTheOuterOneCommits() {
		String tx = transaction(this.client.token, "outer");
		insert(tx, "outer-1");
		JsonNode savepoint = this.client.call("createTransactionSavepoint", "{\"transactionId\":\"" + tx + "\"}");
		assertThat(savepoint.path("result").path("transactionSavepointId").isInt()).isTrue();
		assertThat(savepoint.path("errorCode").asInt()).isZero();
		insert(tx, "inner-1");
		insert(tx, "inner-2");
		JsonNode reverted = this.client.call("revertTransactionToSavepoint", "{\"transactionId\":\"" + tx
				+ "\",\"transactionSavepointId\":" + savepoint.path("result").path("transactionSavepointId").asInt() + "}");
		assertThat(reverted.path("errorCode").asInt()).isZero();
		assertThat(reverted.has("result")).as("success without result, as documented").isFalse();
		insert(tx, "outer-2");
		assertThat(this.client.plugin().openTransactions(this.client.token)).singleElement()
			.satisfies((info) -> assertThat(info.savepointIds()).containsExactly(1));
		this.client.result("commitTransaction", "{\"transactionId\":\"" + tx + "\"}");
		assertThat(items()).extracting((row) -> row.get("item").asString()).containsExactly("outer-1", "outer-2");
		assertThat(this.client.plugin().openTransactions()).isEmpty();
	}

	@Test
	void revertAfterSqlFailsButTheTransactionStaysUsable() {
		String tx = transaction(this.client.token, "");
		insert(tx, "a");
		this.client.result("createTransactionSavepoint", "{\"transactionId\":\"" + tx + "\"}");
		this.client.result("getRecordsUsingSQL", "{\"sql\":\"SELECT item FROM orders\",\"transactionId\":\"" + tx + "\"}");
		assertThat(this.client.error("revertToTransactionSavepoint", "{\"transactionId\":\"" + tx
				+ "\",\"transactionSavepointId\":1}")).isEqualTo(99044);
		assertThat(this.client.error("revertToTransactionSavepoint", "{\"transactionId\":\"" + tx
				+ "\",\"transactionSavepointId\":7}")).isEqualTo(99043);
		assertThat(this.client.call("commitTransaction", "{\"transactionId\":\"" + tx + "\"}").path("errorCode").asInt())
			.isZero();
		assertThat(items()).hasSize(1);
	}

	@Test
	void eachAccountSeesItsOwnTransactionsAndAdminSeesAll() {
		this.client.emulator.addUser("jim", "jimpw");
		String jim = this.client.login("{\"username\":\"jim\",\"password\":\"jimpw\"}");
		String adminTx = transaction(this.client.token, "admin work");
		String jimTx = transaction(jim, "jim's work");
		JsonNode jims = this.client.call(jim, "listTransactions", "{}");
		assertThat(jims.path("errorCode").asInt()).isZero();
		assertThat(jims.path("result").path("data")).singleElement().satisfies((row) -> {
			assertThat(row.path("transactionId").asString()).isEqualTo(jimTx);
			assertThat(row.path("username").asString()).isEqualTo("jim");
			assertThat(row.path("authToken").asString()).isEqualTo(jim);
			assertThat(row.path("transactionDescription").asString()).isEqualTo("jim's work");
		});
		JsonNode all = this.client.result("listTransactions", "{}");
		assertThat(all.path("data")).extracting((row) -> row.get("transactionId").asString())
			.containsExactlyInAnyOrder(adminTx, jimTx);
		assertThat(this.client.result("listTransactions", "{\"username\":\"ADMIN\"}").path("data"))
			.extracting((row) -> row.get("transactionId").asString()).containsExactly(adminTx);
		this.client.logout(jim);
		assertThat(this.client.result("listTransactions", "{}").path("data"))
			.as("a session's transactions end with it").extracting((row) -> row.get("transactionId").asString())
			.containsExactly(adminTx);
	}
}
