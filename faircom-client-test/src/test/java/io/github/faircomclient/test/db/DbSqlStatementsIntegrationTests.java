package io.github.faircomclient.test.db;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * runSqlStatements over HTTP: one result per statement with its own errorCode, every row of a
 * query, and a top-level error only for bad parameters.
 */
class DbSqlStatementsIntegrationTests {

	private DbClient client;

	@BeforeEach
	void start() {
		this.client = new DbClient();
	}

	@AfterEach
	void stop() {
		this.client.close();
	}

	@Test
	void eachStatementHasItsOwnOutcome() {
		JsonNode answer = this.client.call("runSqlStatements", """
				{"sqlStatements": [
				  "CREATE TABLE parts (id INTEGER PRIMARY KEY, name VARCHAR(20))",
				  "INSERT INTO parts SELECT X, 'part' || X FROM SYSTEM_RANGE(1, 25)",
				  "INSERT INTO parts VALUES (100, 'new'), (1, 'duplicate')",
				  "UPDATE parts SET name = 'even' WHERE MOD(id, 2) = 0",
				  "SELECT id, name FROM parts ORDER BY id;",
				  "SELECT nothing FROM nowhere"
				]}""");
		assertThat(answer.path("errorCode").asInt()).as("statement failures do not set it").isZero();
		JsonNode data = answer.path("result").path("data");
		assertThat(data).hasSize(6);
		assertThat(data).extracting((entry) -> entry.path("errorCode").asInt())
			.containsExactly(0, 0, DbError.DUPLICATE_KEY.code(), 0, 0, DbError.SQL_ERROR.code());
		assertThat(data.get(1).path("affectedRecordCount").asInt()).isEqualTo(25);
		assertThat(data.get(2).path("errorMessage").asString()).isNotEmpty();
		assertThat(data.get(3).path("affectedRecordCount").asInt()).isEqualTo(12);
		JsonNode query = data.get(4);
		assertThat(query.path("sql").asString()).isEqualTo("SELECT id, name FROM parts ORDER BY id;");
		assertThat(query.path("fields")).extracting((field) -> field.get("name").asString()).containsExactly("id", "name");
		assertThat(query.path("data")).as("every row, not a page of 20").hasSize(25);
		assertThat(query.path("data").get(1).path("name").asString()).isEqualTo("even");
		assertThat(query.path("moreRecords").asBoolean()).isFalse();
		JsonNode count = this.client.result("getRecordsUsingSQL", "{\"sql\":\"SELECT COUNT(*) AS n FROM parts WHERE id = 100\"}");
		assertThat(count.path("data").get(0).path("n").asInt()).as("the failed statement was undone").isZero();
	}

	@Test
	void onlyBadParametersFailTheWholeRequest() {
		assertThat(this.client.error("runSqlStatements", "{}")).isEqualTo(DbError.MISSING_PARAMETER.code());
		assertThat(this.client.error("runSqlStatements", "{\"sqlStatements\":\"SELECT 1\"}"))
			.isEqualTo(DbError.WRONG_TYPE.code());
		assertThat(this.client.error("runSqlStatements", "{\"databaseName\":\"nowhere\",\"sqlStatements\":[\"SELECT 1\"]}"))
			.isEqualTo(DbError.DATABASE_NOT_FOUND.code());
		String tx = this.client.result("createTransaction", "{}").path("transactionId").asString();
		assertThat(this.client.error("runSqlStatements", "{\"transactionId\":\"" + tx + "\",\"sqlStatements\":[\"SELECT 1\"]}"))
			.as("it creates a transaction of its own").isEqualTo(DbError.SQL_IN_TRANSACTION.code());
		assertThat(this.client.result("runSqlStatements", "{\"transactionId\":null,\"sqlStatements\":[\"SELECT 1 AS one\"]}")
			.path("data").get(0).path("data").get(0).path("one").asInt()).isEqualTo(1);
		assertThat(this.client.plugin().openTransactions()).singleElement()
			.satisfies((info) -> assertThat(info.transactionId()).isEqualTo(tx));
	}
}
