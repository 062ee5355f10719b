package io.github.faircomclient.test.db;

import java.util.List;

import io.github.faircomclient.test.golden.GoldenAssertions;
import io.github.faircomclient.test.golden.GoldenComparison;
import io.github.faircomclient.test.golden.GoldenExample;
import io.github.faircomclient.test.golden.GoldenExamples;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends the DB examples of the second documentation pass (alterTable, rebuildTables, rebuildIndexes,
 * savepoints, listTransactions) over HTTP. Where the documentation shows the answer, the emulator's
 * answer must match it; request-only examples must be accepted and do what their page says.
 */
class DbGoldenSecondSetIntegrationTests {

	/** Every golden file a test of this class sends. */
	static final List<String> COVERED = List.of("db-alterTable-add-fields-request", "db-alterTable-modify-fields-request",
			"db-commitTransaction-savepoint-maximal-request", "db-createTransactionSavepoint-maximal-debug",
			"db-createTransactionSavepoint-minimal", "db-createTransactionSavepoint-older", "db-listTransactions-minimal",
			"db-rebuildIndexes-maximal-debug", "db-rebuildIndexes-minimal", "db-rebuildIndexes-with-requestid",
			"db-rebuildTables-maximal-request", "db-rebuildTables-minimal", "db-revertToTransactionSavepoint-maximal-debug",
			"db-revertToTransactionSavepoint-minimal", "db-revertToTransactionSavepoint-older");

	private DbClient client;

	@BeforeEach
	void start() {
		this.client = new DbClient();
	}

	@AfterEach
	void stop() {
		this.client.close();
	}

	private ObjectNode request(GoldenExample example) {
		ObjectNode request = example.request();
		request.put("authToken", this.client.token);
		return request;
	}

	/** The golden request with the session's token and, when given, a real transactionId. */
	private ObjectNode request(String name, String transactionId) {
		ObjectNode request = request(GoldenExamples.load(name));
		((ObjectNode) request.get("params")).put("transactionId", transactionId);
		return request;
	}

	private JsonNode sendOk(ObjectNode request) {
		JsonNode answer = this.client.send(request);
		assertThat(answer.path("errorCode").asInt()).as(request.path("action") + " answered " + answer).isZero();
		return answer;
	}

	private void createTest1() {
		sendOk(request(GoldenExamples.load("db-createTable-minimal-request")));
		this.client.result("insertRecords", "{\"tableName\":\"test1\",\"sourceData\":[{\"name\":\"kept\"}]}");
	}

	private void createAthlete() {
		ObjectNode request = request(GoldenExamples.load("db-createTable-athlete-tutorial"));
		// the tutorial page was cut off at favoriteSaying, which the insert example uses
		((ArrayNode) request.get("params").get("fields")).addObject()
			.put("name", "favoriteSaying").put("type", "varchar").put("length", 500);
		sendOk(request);
		sendOk(request(GoldenExamples.load("db-insertRecords-athlete-request")));
		sendOk(request(GoldenExamples.load("db-createIndex-ranking-request")));
	}

	private String transaction() {
		return this.client.result("createTransaction", "{}").path("transactionId").asString();
	}

	private void insert(String transactionId, String name) {
		this.client.result("insertRecords", "{\"tableName\":\"test1\",\"transactionId\":\"" + transactionId
				+ "\",\"sourceData\":[{\"name\":\"" + name + "\"}]}");
	}

	private JsonNode names() {
		return this.client.result("getRecordsByTable", "{\"tableName\":\"test1\"}").path("data");
	}

	private JsonNode field(String name) {
		for (JsonNode field : this.client.result("describeTables", "{\"tableNames\":[\"test1\"]}").path("data").get(0)
			.path("fields")) {
			if (field.path("name").asString().equals(name)) {
				return field;
			}
		}
		throw new AssertionError("no field " + name);
	}

	// ------------------------------------------------------------------ alterTable

	@Test
	void alterTableAddsThenRenamesAndRedefinesFields() {
		sendOk(request(GoldenExamples.load("db-createTable-minimal-request")));
		JsonNode added = sendOk(request(GoldenExamples.load("db-alterTable-add-fields-request")));
		assertThat(added.path("result").path("data").get(0).path("fields"))
			.extracting((field) -> field.get("name").asString())
			.containsExactly("id", "changeId", "name", "rename_me1", "rename_me2", "alter_me1", "alter_me2",
					"delete_me1", "delete_me2");
		assertThat(field("delete_me2").path("length").asInt()).isEqualTo(10);
		assertThat(field("delete_me2").path("nullable").asBoolean()).isFalse();
		// the example's request was cut off after alterFields; the token is the only property added
		sendOk(request(GoldenExamples.load("db-alterTable-modify-fields-request")));
		assertThat(field("description").path("length").asInt()).isEqualTo(10);
		assertThat(field("alter_me1").path("length").asInt()).isEqualTo(50);
		assertThat(field("alter_me1").path("nullable").asBoolean()).isTrue();
		this.client.result("alterTable", "{\"tableName\":\"test1\",\"deleteFields\":[\"delete_me1\",\"delete_me2\"]}");
		assertThat(this.client.result("describeTables", "{\"tableNames\":[\"test1\"]}").path("data").get(0)
			.path("fields")).extracting((field) -> field.get("name").asString())
			.containsExactly("id", "changeId", "name", "description", "rename_me2", "alter_me1", "alter_me2");
	}

	// ------------------------------------------------------------------ rebuildTables, rebuildIndexes

	@Test
	void rebuildTablesAnswersTheTableDescription() {
		createTest1();
		JsonNode answer = this.client.send(request(GoldenExamples.load("db-rebuildTables-minimal")));
		GoldenAssertions.assertMatchesGolden("db-rebuildTables-minimal", answer);
		assertThat(answer.path("result").path("data").get(0).path("totalRecordCount").asInt()).isEqualTo(1);
	}

	@Test
	void rebuildTablesWithEveryParameter() {
		createTest1();
		JsonNode answer = sendOk(request(GoldenExamples.load("db-rebuildTables-maximal-request")));
		assertThat(answer.path("requestId").asString()).isEqualTo("00000003");
		assertThat(answer.path("result").path("data")).extracting((table) -> table.get("tableName").asString())
			.containsExactly("test1");
		assertThat(answer.path("debugInfo").path("warnings")).isEmpty();
	}

	@Test
	void rebuildIndexesAnswersWithoutResult() {
		createAthlete();
		GoldenAssertions.assertMatchesGolden("db-rebuildIndexes-minimal",
				this.client.send(request(GoldenExamples.load("db-rebuildIndexes-minimal"))));
		GoldenAssertions.assertMatchesGolden("db-rebuildIndexes-maximal-debug",
				this.client.send(request(GoldenExamples.load("db-rebuildIndexes-maximal-debug"))));
		assertThat(this.client.result("getRecordsByIndex", "{\"tableName\":\"athlete\",\"indexName\":\"ranking\","
				+ "\"maxRecords\":1}").path("data").get(0).path("ranking").asInt()).isEqualTo(1);
	}

	@Test
	void rebuildIndexesEchoesTheRequestId() {
		createTest1();
		GoldenAssertions.assertMatchesGolden("db-rebuildIndexes-with-requestid",
				this.client.send(request(GoldenExamples.load("db-rebuildIndexes-with-requestid"))));
	}

	// ------------------------------------------------------------------ savepoints

	@Test
	void createTransactionSavepointAnswersAnIntegerId() {
		String transactionId = transaction();
		GoldenAssertions.assertMatchesGolden("db-createTransactionSavepoint-minimal",
				this.client.send(request("db-createTransactionSavepoint-minimal", transactionId)));
		JsonNode older = this.client.send(request("db-createTransactionSavepoint-older", transactionId));
		GoldenExample example = GoldenExamples.load("db-createTransactionSavepoint-older");
		// the documented answer is the first savepoint of its transaction; this is the second one
		GoldenAssertions.assertMatches(example.name(), GoldenComparison.of(example).ignoring("result.transactionSavepointId"),
				older);
		assertThat(older.path("result").path("transactionSavepointId").asInt()).isEqualTo(2);
	}

	@Test
	void createTransactionSavepointWithDebug() {
		GoldenExample example = GoldenExamples.load("db-createTransactionSavepoint-maximal-debug");
		JsonNode answer = this.client.send(request(example.name(), transaction()));
		GoldenAssertions.assertMatches(example, answer);
	}

	@Test
	void revertToTransactionSavepointKeepsTheTransactionOpen() {
		createTest1();
		String transactionId = transaction();
		this.client.result("createTransactionSavepoint", "{\"transactionId\":\"" + transactionId + "\"}");
		insert(transactionId, "reverted");
		GoldenAssertions.assertMatchesGolden("db-revertToTransactionSavepoint-minimal",
				this.client.send(request("db-revertToTransactionSavepoint-minimal", transactionId)));
		insert(transactionId, "reverted too");
		GoldenAssertions.assertMatchesGolden("db-revertToTransactionSavepoint-older",
				this.client.send(request("db-revertToTransactionSavepoint-older", transactionId)));
		insert(transactionId, "reverted as well");
		GoldenExample maximal = GoldenExamples.load("db-revertToTransactionSavepoint-maximal-debug");
		JsonNode debug = this.client.send(request(maximal.name(), transactionId));
		// the echoed token is the documentation's placeholder, which the file does not list as volatile
		GoldenAssertions.assertMatches(maximal.name(),
				GoldenComparison.of(maximal).withVolatilePaths("debugInfo.request.authToken"), debug);
		assertThat(debug.path("errorCode").asInt()).isZero();
		assertThat(debug.has("result")).isFalse();
		insert(transactionId, "committed");
		this.client.result("commitTransaction", "{\"transactionId\":\"" + transactionId + "\"}");
		assertThat(names()).extracting((row) -> row.get("name").asString()).containsExactly("kept", "committed");
	}

	@Test
	void commitTransactionUpToASavepoint() {
		createTest1();
		String transactionId = transaction();
		insert(transactionId, "committed");
		String savepoint = this.client.result("createTransactionSavepoint", "{\"transactionId\":\"" + transactionId
				+ "\"}").path("transactionSavepointId").asString();
		insert(transactionId, "not committed");
		ObjectNode request = request("db-commitTransaction-savepoint-maximal-request", transactionId);
		// the documented example sends the id as a string
		((ObjectNode) request.get("params")).put("transactionSavepointId", savepoint);
		JsonNode answer = sendOk(request);
		assertThat(answer.has("result")).isFalse();
		assertThat(answer.path("requestId").asString()).isEqualTo("2");
		assertThat(names()).extracting((row) -> row.get("name").asString()).containsExactly("kept", "committed");
		assertThat(this.client.plugin().openTransactions()).isEmpty();
	}

	// ------------------------------------------------------------------ listTransactions

	@Test
	void listTransactionsDescribesTheSessionsTransactions() {
		String transactionId = transaction();
		JsonNode answer = this.client.send(request(GoldenExamples.load("db-listTransactions-minimal")));
		GoldenAssertions.assertMatchesGolden("db-listTransactions-minimal", answer);
		assertThat(answer.path("result").path("data")).singleElement().satisfies((row) -> {
			assertThat(row.path("transactionId").asString()).isEqualTo(transactionId);
			assertThat(row.path("authToken").asString()).isEqualTo(this.client.token);
		});
	}
}
