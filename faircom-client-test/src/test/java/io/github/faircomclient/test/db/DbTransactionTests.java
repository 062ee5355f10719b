package io.github.faircomclient.test.db;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests savepoints and listTransactions on {@link DbApi} directly.
 */
class DbTransactionTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final TestContext.MutableClock clock = new TestContext.MutableClock();

	private DbApi api;

	private TestContext context;

	@BeforeEach
	void setUp() {
		this.api = new DbApi(DbStore.inMemory(), this.clock::now, (session) -> 600L);
		this.context = new TestContext("session-1", this.clock);
		call("createTable", "{\"tableName\":\"t\",\"fields\":[{\"name\":\"v\",\"type\":\"varchar\",\"length\":10}]}");
	}

	@AfterEach
	void tearDown() {
		this.api.close();
	}

	private ObjectNode call(String action, String params) {
		return call(this.context, action, params);
	}

	private ObjectNode call(TestContext context, String action, String params) {
		return this.api.handle(action, JSON.readTree(params), context);
	}

	private int error(String action, String params) {
		DbException failure = null;
		try {
			call(action, params);
		}
		catch (DbException ex) {
			failure = ex;
		}
		assertThat(failure).as(action + " " + params + " must fail").isNotNull();
		return failure.errorCode();
	}

	private String transaction() {
		return call("createTransaction", "{}").get("transactionId").asString();
	}

	private void insert(String tx, String value) {
		call("insertRecords", "{\"tableName\":\"t\",\"transactionId\":\"" + tx + "\",\"sourceData\":[{\"v\":\"" + value
				+ "\"}]}");
	}

	private int savepoint(String tx) {
		JsonNode result = call("createTransactionSavepoint", "{\"transactionId\":\"" + tx + "\"}");
		assertThat(result.get("transactionSavepointId").isInt()).as("an integer, as documented").isTrue();
		return result.get("transactionSavepointId").asInt();
	}

	private List<String> values(String tx) {
		String params = (tx != null) ? "{\"tableName\":\"t\",\"transactionId\":\"" + tx + "\"}" : "{\"tableName\":\"t\"}";
		return call("getRecordsByTable", params).get("data").valueStream().map((row) -> row.get("v").asString()).toList();
	}

	@Test
	void revertUndoesTheWorkAfterTheSavepointAndKeepsTheTransactionOpen() {
		String tx = transaction();
		insert(tx, "a");
		assertThat(savepoint(tx)).isEqualTo(1);
		insert(tx, "b");
		assertThat(savepoint(tx)).isEqualTo(2);
		insert(tx, "c");
		assertThat(this.api.openTransactions().get(0).savepointIds()).containsExactly(1, 2);
		assertThat(call("revertToTransactionSavepoint", "{\"transactionId\":\"" + tx + "\",\"transactionSavepointId\":1}"))
			.as("success without result").isNull();
		assertThat(values(tx)).containsExactly("a");
		assertThat(this.api.openTransactions()).singleElement()
			.satisfies((info) -> assertThat(info.savepointIds()).containsExactly(1));
		insert(tx, "d");
		assertThat(savepoint(tx)).as("numbers are not reused").isEqualTo(3);
		call("revertToTransactionSavepoint", "{\"transactionId\":\"" + tx + "\",\"transactionSavepointId\":1}");
		assertThat(values(tx)).as("the savepoint can be reverted to again").containsExactly("a");
		insert(tx, "e");
		assertThat(values(null)).as("nothing committed yet").isEmpty();
		call("commitTransaction", "{\"transactionId\":\"" + tx + "\"}");
		assertThat(values(null)).containsExactly("a", "e");
		assertThat(this.api.openTransactions()).isEmpty();
	}

	@Test
	void bothRevertSpellingsAndTheTitleSpellingOfCreateAreAccepted() {
		String tx = transaction();
		int first = call("createTransactionSavePoint", "{\"transactionId\":\"" + tx + "\"}").get("transactionSavepointId")
			.asInt();
		insert(tx, "a");
		call("revertTransactionToSavepoint", "{\"transactionId\":\"" + tx + "\",\"transactionSavepointId\":" + first + "}");
		assertThat(values(tx)).isEmpty();
		assertThat(DbApi.ACTIONS).contains("revertToTransactionSavepoint", "revertTransactionToSavepoint",
				"createTransactionSavepoint");
		assertThat(this.api.supports("createTransactionSavePoint")).isTrue();
	}

	@Test
	void savepointsAreNumberedPerTransaction() {
		String first = transaction();
		String second = transaction();
		assertThat(savepoint(first)).isEqualTo(1);
		assertThat(savepoint(first)).isEqualTo(2);
		assertThat(savepoint(second)).isEqualTo(1);
		assertThat(error("revertToTransactionSavepoint", "{\"transactionId\":\"" + second
				+ "\",\"transactionSavepointId\":2}")).isEqualTo(DbError.UNKNOWN_SAVEPOINT.code());
	}

	@Test
	void commitWithASavepointCommitsTheWorkUpToIt() {
		String tx = transaction();
		insert(tx, "a");
		int savepoint = savepoint(tx);
		insert(tx, "b");
		// the documented Maximal example sends the id as a string
		assertThat(call("commitTransaction", "{\"transactionId\":\"" + tx + "\",\"transactionSavepointId\":\""
				+ savepoint + "\"}")).isNull();
		assertThat(values(null)).containsExactly("a");
		assertThat(this.api.openTransactions()).isEmpty();
		assertThat(error("commitTransaction", "{\"transactionId\":\"" + tx + "\"}"))
			.isEqualTo(DbError.UNKNOWN_TRANSACTION.code());
	}

	@Test
	void sqlVoidsEarlierSavepointsButNotLaterOnes() {
		String tx = transaction();
		insert(tx, "a");
		int before = savepoint(tx);
		insert(tx, "b");
		call("getRecordsUsingSQL", "{\"sql\":\"SELECT v FROM t\",\"transactionId\":\"" + tx + "\"}");
		assertThat(error("revertToTransactionSavepoint", "{\"transactionId\":\"" + tx + "\",\"transactionSavepointId\":"
				+ before + "}")).isEqualTo(DbError.SAVEPOINT_VOIDED_BY_SQL.code());
		assertThat(error("commitTransaction", "{\"transactionId\":\"" + tx + "\",\"transactionSavepointId\":"
				+ before + "}")).isEqualTo(DbError.SAVEPOINT_VOIDED_BY_SQL.code());
		assertThat(values(tx)).as("the failures changed nothing").containsExactly("a", "b");
		int after = savepoint(tx);
		assertThat(this.api.openTransactions().get(0).savepointIds()).containsExactly(after);
		insert(tx, "c");
		call("revertToTransactionSavepoint", "{\"transactionId\":\"" + tx + "\",\"transactionSavepointId\":" + after + "}");
		assertThat(values(tx)).containsExactly("a", "b");
		call("commitTransaction", "{\"transactionId\":\"" + tx + "\"}");
		assertThat(values(null)).as("commit still works after SQL").containsExactly("a", "b");
	}

	@Test
	void aBadSavepointLeavesTheTransactionOpenAndUnchanged() {
		String tx = transaction();
		insert(tx, "a");
		int first = savepoint(tx);
		insert(tx, "b");
		int second = savepoint(tx);
		call("revertToTransactionSavepoint", "{\"transactionId\":\"" + tx + "\",\"transactionSavepointId\":" + first + "}");
		assertThat(error("revertToTransactionSavepoint", "{\"transactionId\":\"" + tx + "\",\"transactionSavepointId\":"
				+ second + "}")).as("discarded by the revert").isEqualTo(DbError.UNKNOWN_SAVEPOINT.code());
		assertThat(error("commitTransaction", "{\"transactionId\":\"" + tx + "\",\"transactionSavepointId\":99}"))
			.isEqualTo(DbError.UNKNOWN_SAVEPOINT.code());
		assertThat(error("revertToTransactionSavepoint", "{\"transactionId\":\"" + tx + "\"}"))
			.isEqualTo(DbError.MISSING_PARAMETER.code());
		assertThat(error("revertToTransactionSavepoint", "{\"transactionId\":\"" + tx
				+ "\",\"transactionSavepointId\":\"replaceWithTransactionSavepointIdFromCreateTransactionSavePoint\"}"))
			.isEqualTo(DbError.WRONG_TYPE.code());
		assertThat(error("rollbackTransaction", "{\"transactionId\":\"" + tx + "\",\"transactionSavepointId\":1}"))
			.as("undocumented: refused rather than rolling back everything").isEqualTo(DbError.NOT_EMULATED.code());
		assertThat(this.api.openTransactions()).hasSize(1);
		assertThat(values(tx)).containsExactly("a");
		assertThat(error("createTransactionSavepoint", "{\"transactionId\":\"nope\"}"))
			.isEqualTo(DbError.UNKNOWN_TRANSACTION.code());
	}

	@Test
	void aDatabaseFirstUsedAfterTheSavepointIsRolledBackEntirely() {
		call("createDatabase", "{\"databaseName\":\"second\"}");
		call("createTable", "{\"databaseName\":\"second\",\"tableName\":\"t\",\"fields\":[{\"name\":\"v\",\"type\":\"varchar\"}]}");
		String tx = transaction();
		insert(tx, "a");
		int savepoint = savepoint(tx);
		insert(tx, "b");
		call("insertRecords", "{\"databaseName\":\"second\",\"tableName\":\"t\",\"transactionId\":\"" + tx
				+ "\",\"sourceData\":[{\"v\":\"x\"}]}");
		call("revertToTransactionSavepoint", "{\"transactionId\":\"" + tx + "\",\"transactionSavepointId\":" + savepoint
				+ "}");
		call("insertRecords", "{\"databaseName\":\"second\",\"tableName\":\"t\",\"transactionId\":\"" + tx
				+ "\",\"sourceData\":[{\"v\":\"y\"}]}");
		call("commitTransaction", "{\"transactionId\":\"" + tx + "\"}");
		assertThat(values(null)).containsExactly("a");
		assertThat(call("getRecordsByTable", "{\"databaseName\":\"second\",\"tableName\":\"t\"}").get("data"))
			.extracting((row) -> row.get("v").asString()).containsExactly("y");
	}

	@Test
	void aCursorOfTheTransactionStaysUsableAcrossARevert() {
		String tx = transaction();
		insert(tx, "a");
		int savepoint = savepoint(tx);
		insert(tx, "b");
		insert(tx, "c");
		String cursorId = call("getRecordsByTable", "{\"tableName\":\"t\",\"transactionId\":\"" + tx
				+ "\",\"returnCursor\":true}").get("cursorId").asString();
		assertThat(call("getRecordsFromCursor", "{\"cursorId\":\"" + cursorId + "\",\"fetchRecords\":1}").get("data"))
			.hasSize(1);
		call("revertToTransactionSavepoint", "{\"transactionId\":\"" + tx + "\",\"transactionSavepointId\":" + savepoint
				+ "}");
		JsonNode again = call("getRecordsFromCursor", "{\"cursorId\":\"" + cursorId
				+ "\",\"startFrom\":\"beforeFirstRecord\",\"fetchRecords\":5}");
		assertThat(again.get("data")).as("moving back re-reads the transaction's data")
			.extracting((row) -> row.get("v").asString()).containsExactly("a");
		assertThat(this.api.openCursors()).hasSize(1);
	}

	@Test
	void listTransactionsShowsTheSessionsOwnTransactionsAndAdministratorsSeeAll() {
		TestContext jim = new TestContext("session-jim", this.clock);
		jim.username = "jim";
		jim.administrator = false;
		String mine = call("createTransaction", "{\"transactionDescription\":\"nightly load\"}").get("transactionId")
			.asString();
		this.clock.advanceSeconds(1);
		String his = call(jim, "createTransaction", "{}").get("transactionId").asString();
		JsonNode own = call(jim, "listTransactions", "{}");
		assertThat(own.get("dataFormat").asString()).isEqualTo("objects");
		assertThat(own.get("fields")).extracting((field) -> field.get("name").asString() + " "
				+ field.get("length").asInt()).containsExactly("authToken 64", "username 64", "transactionId 64",
						"transactionDescription 255");
		assertThat(own.get("data")).singleElement().satisfies((row) -> {
			assertThat(row.get("transactionId").asString()).isEqualTo(his);
			assertThat(row.get("authToken").asString()).isEqualTo("session-jim");
			assertThat(row.get("username").asString()).isEqualTo("jim");
			assertThat(row.get("transactionDescription").asString()).isEmpty();
		});
		JsonNode all = call("listTransactions", "{}");
		assertThat(all.get("data")).extracting((row) -> row.get("transactionId").asString()).containsExactly(mine, his);
		assertThat(all.get("data").get(0).get("transactionDescription").asString()).isEqualTo("nightly load");
		assertThat(call("listTransactions", "{\"username\":\"JIM\"}").get("data"))
			.extracting((row) -> row.get("transactionId").asString()).containsExactly(his);
		this.context.format = new RecordFormat("arrays", "number", "hex", List.of(), List.of("authToken"));
		JsonNode arrays = call("listTransactions", "{\"username\":\"admin\"}");
		assertThat(arrays.get("fields")).hasSize(3);
		assertThat(arrays.get("data").get(0).toString()).isEqualTo("[\"ADMIN\",\"" + mine + "\",\"nightly load\"]");
		call(jim, "commitTransaction", "{\"transactionId\":\"" + his + "\"}");
		assertThat(call(jim, "listTransactions", "{}").get("data")).isEmpty();
	}
}
