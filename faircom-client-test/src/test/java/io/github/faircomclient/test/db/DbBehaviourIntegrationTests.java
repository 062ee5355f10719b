package io.github.faircomclient.test.db;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DB API behaviour over HTTP with concrete figures: paging, cursors, changeId, duplicate keys,
 * transactions, SQL batches, formats, names, warnings.
 */
class DbBehaviourIntegrationTests {

	private DbClient client;

	@BeforeEach
	void start() {
		this.client = new DbClient();
		this.client.result("createTable", "{\"tableName\":\"items\",\"fields\":[{\"name\":\"name\",\"type\":\"varchar\","
				+ "\"length\":40},{\"name\":\"qty\",\"type\":\"integer\"}]}");
	}

	@AfterEach
	void stop() {
		this.client.close();
	}

	private void insertItems(int count) {
		StringBuilder rows = new StringBuilder();
		for (int i = 1; i <= count; i++) {
			rows.append((i > 1) ? "," : "").append("[\"item").append(i).append("\",").append(i).append(']');
		}
		JsonNode result = this.client.result("insertRecords", "{\"tableName\":\"items\",\"dataFormat\":\"arrays\","
				+ "\"fieldNames\":[\"name\",\"qty\"],\"sourceData\":[" + rows + "]}");
		assertThat(result.path("totalRecordCount").asInt()).isEqualTo(count);
	}

	@Test
	void queriesReturnTwentyRecordsByDefaultAndSayThatMoreFollow() {
		insertItems(21);
		JsonNode first = this.client.result("getRecordsByIndex", "{\"tableName\":\"items\",\"indexName\":\"id_pk\"}");
		assertThat(first.path("data")).hasSize(20);
		assertThat(first.path("moreRecords").asBoolean()).isTrue();
		assertThat(first.path("totalRecordCount").asInt()).isEqualTo(21);
		assertThat(first.path("data").get(19).path("name").asString()).isEqualTo("item20");
		JsonNode second = this.client.result("getRecordsByIndex", "{\"tableName\":\"items\",\"indexName\":\"id_pk\","
				+ "\"skipRecords\":20}");
		assertThat(second.path("data")).extracting((row) -> row.get("name").asString()).containsExactly("item21");
		assertThat(second.path("moreRecords").asBoolean()).isFalse();
		assertThat(this.client.result("getRecordsByTable", "{\"tableName\":\"items\",\"maxRecords\":-1}").path("data"))
			.hasSize(21);
		JsonNode reversed = this.client.result("getRecordsByIndex", "{\"tableName\":\"items\",\"indexName\":\"id_pk\","
				+ "\"reverseOrder\":true,\"maxRecords\":2}");
		assertThat(reversed.path("data")).extracting((row) -> row.get("qty").asInt()).containsExactly(21, 20);
	}

	@Test
	void cursorPagesToTheEnd() {
		insertItems(45);
		// with returnCursor, maxRecords, skipRecords and reverseOrder are ignored (documented)
		String cursorId = this.client.result("getRecordsByTable", "{\"tableName\":\"items\",\"returnCursor\":true,"
				+ "\"maxRecords\":1,\"skipRecords\":10,\"reverseOrder\":true}").path("cursorId").asString();
		int total = 0;
		int fetches = 0;
		boolean more = true;
		while (more) {
			JsonNode page = this.client.result("getRecordsFromCursor", "{\"cursorId\":\"" + cursorId
					+ "\",\"fetchRecords\":20}");
			fetches++;
			assertThat(page.path("data").get(0).path("qty").asInt()).isEqualTo(total + 1);
			total += page.path("data").size();
			more = page.path("moreRecords").asBoolean();
		}
		assertThat(total).isEqualTo(45);
		assertThat(fetches).isEqualTo(3);
		JsonNode after = this.client.result("getRecordsFromCursor", "{\"cursorId\":\"" + cursorId + "\"}");
		assertThat(after.path("data")).isEmpty();
		assertThat(after.path("moreRecords").asBoolean()).isFalse();
		assertThat(this.client.plugin().openCursors()).singleElement()
			.satisfies((cursor) -> assertThat(cursor.position()).isEqualTo(45));
	}

	@Test
	void cursorExpiresAfterTheSessionsIdleCursorTimeout() {
		insertItems(5);
		String token = this.client.login("{\"idleCursorTimeoutSeconds\":60}");
		String cursorId = this.client.call(token, "getRecordsByTable", "{\"tableName\":\"items\",\"returnCursor\":true}")
			.path("result").path("cursorId").asString();
		this.client.clock.advanceSeconds(59);
		assertThat(this.client.call(token, "getRecordsFromCursor", "{\"cursorId\":\"" + cursorId
				+ "\",\"fetchRecords\":1}").path("errorCode").asInt()).isZero();
		this.client.clock.advanceSeconds(59);
		assertThat(this.client.call(token, "getRecordsFromCursor", "{\"cursorId\":\"" + cursorId
				+ "\",\"fetchRecords\":1}").path("result").path("data").get(0).path("qty").asInt()).isEqualTo(2);
		assertThat(this.client.plugin().openCursors(token)).hasSize(1);
		this.client.clock.advanceSeconds(61);
		assertThat(this.client.plugin().openCursors(token)).isEmpty();
		JsonNode expired = this.client.call(token, "getRecordsFromCursor", "{\"cursorId\":\"" + cursorId + "\"}");
		assertThat(expired.path("errorCode").asInt()).isEqualTo(DbError.UNKNOWN_CURSOR.code());
		JsonNode closed = this.client.call(token, "closeCursor", "{\"cursorId\":\"" + cursorId + "\"}");
		assertThat(closed.path("errorCode").asInt()).isZero();
		assertThat(closed.path("debugInfo").path("warnings").get(0).path("code").asInt())
			.isEqualTo(DbError.UNKNOWN_CURSOR.code());
	}

	@Test
	void insertRecordsAcceptsObjectsWithFieldNamesAsPublicClientsSendThem() {
		JsonNode result = this.client.result("insertRecords", "{\"tableName\":\"items\",\"dataFormat\":\"objects\","
				+ "\"fieldNames\":[\"name\",\"qty\"],\"sourceData\":[{\"name\":\"x\",\"qty\":7},{\"name\":\"y\",\"qty\":8}]}");
		assertThat(result.path("totalRecordCount").asInt()).isEqualTo(2);
		assertThat(this.client.result("getRecordsByTable", "{\"tableName\":\"items\"}").path("data"))
			.extracting((row) -> row.get("qty").asInt()).containsExactly(7, 8);
	}

	@Test
	void changeIdConflictLeavesTheRecordUnchanged() {
		insertItems(1);
		JsonNode record = this.client.result("getRecordsByIds", "{\"tableName\":\"items\",\"ids\":[1]}").path("data").get(0);
		long changeId = record.path("changeId").asLong();
		this.client.result("updateRecords", "{\"tableName\":\"items\",\"sourceData\":[{\"id\":1,\"changeId\":" + changeId
				+ ",\"qty\":10}]}");
		JsonNode stale = this.client.call("updateRecords", "{\"tableName\":\"items\",\"sourceData\":[{\"id\":1,"
				+ "\"changeId\":" + changeId + ",\"qty\":99}]}");
		assertThat(stale.path("errorCode").asInt()).isEqualTo(DbError.CHANGE_ID_CONFLICT.code());
		assertThat(stale.has("result")).isFalse();
		JsonNode now = this.client.result("getRecordsByIds", "{\"tableName\":\"items\",\"ids\":[1]}").path("data").get(0);
		assertThat(now.path("qty").asInt()).isEqualTo(10);
		assertThat(now.path("name").asString()).isEqualTo("item1");
		assertThat(this.client.error("updateRecords", "{\"tableName\":\"items\",\"sourceData\":[{\"qty\":1}]}"))
			.isEqualTo(DbError.INVALID_PARAMETER.code());
		assertThat(this.client.error("updateRecords", "{\"tableName\":\"items\"}"))
			.isEqualTo(DbError.MISSING_PARAMETER.code());
		assertThat(this.client.error("updateRecords", "{\"tableName\":\"items\",\"ignoreChangeIdProtection\":true,"
				+ "\"sourceData\":[{\"id\":7,\"qty\":1}]}")).isEqualTo(DbError.RECORD_NOT_FOUND.code());
	}

	@Test
	void duplicateKeyFailsTheWholeInsert() {
		this.client.result("createIndex", "{\"tableName\":\"items\",\"indexName\":\"name_unique\",\"unique\":true,"
				+ "\"fields\":[{\"name\":\"name\"}]}");
		insertItems(2);
		JsonNode duplicate = this.client.call("insertRecords", "{\"tableName\":\"items\",\"sourceData\":["
				+ "{\"name\":\"new\",\"qty\":3},{\"name\":\"item1\",\"qty\":4}]}");
		assertThat(duplicate.path("errorCode").asInt()).isEqualTo(2);
		assertThat(duplicate.path("errorMessage").asString()).contains("name_unique");
		assertThat(this.client.result("getRecordsByTable", "{\"tableName\":\"items\"}").path("totalRecordCount").asInt())
			.isEqualTo(2);
	}

	@Test
	void transactionsCommitAndRollBackAcrossSessions() {
		String other = this.client.login();
		String transactionId = this.client.result("createTransaction", "{\"transactionDescription\":\"t1\"}")
			.path("transactionId").asString();
		assertThat(transactionId).hasSize(64);
		this.client.result("insertRecords", "{\"tableName\":\"items\",\"transactionId\":\"" + transactionId
				+ "\",\"sourceData\":[{\"name\":\"a\",\"qty\":1},{\"name\":\"b\",\"qty\":2}]}");
		assertThat(this.client.call(other, "getRecordsByTable", "{\"tableName\":\"items\"}").path("result")
			.path("totalRecordCount").asInt()).isZero();
		assertThat(this.client.result("getRecordsByTable", "{\"tableName\":\"items\",\"transactionId\":\""
				+ transactionId + "\"}").path("totalRecordCount").asInt()).isEqualTo(2);
		assertThat(this.client.call(other, "commitTransaction", "{\"transactionId\":\"" + transactionId + "\"}")
			.path("errorCode").asInt()).isEqualTo(DbError.UNKNOWN_TRANSACTION.code());
		JsonNode committed = this.client.call("commitTransaction", "{\"transactionId\":\"" + transactionId + "\"}");
		assertThat(committed.path("errorCode").asInt()).isZero();
		assertThat(committed.has("result")).isFalse();
		assertThat(this.client.call(other, "getRecordsByTable", "{\"tableName\":\"items\"}").path("result")
			.path("totalRecordCount").asInt()).isEqualTo(2);
		assertThat(this.client.error("insertRecords", "{\"tableName\":\"items\",\"transactionId\":\"" + transactionId
				+ "\",\"sourceData\":[{\"name\":\"late\"}]}")).isEqualTo(DbError.UNKNOWN_TRANSACTION.code());
		String second = this.client.result("createTransaction", "{}").path("transactionId").asString();
		this.client.result("deleteRecords", "{\"tableName\":\"items\",\"transactionId\":\"" + second + "\",\"ids\":[1,2]}");
		assertThat(this.client.call("rollbackTransaction", "{\"transactionId\":\"" + second + "\"}").has("result"))
			.isFalse();
		assertThat(this.client.result("getRecordsByTable", "{\"tableName\":\"items\"}").path("totalRecordCount").asInt())
			.isEqualTo(2);
		assertThat(this.client.plugin().openTransactions()).isEmpty();
	}

	@Test
	void runSqlStatementsReportsEachStatement() {
		JsonNode answer = this.client.call("runSqlStatements", "{\"sqlStatements\":["
				+ "\"CREATE TABLE colors (id INTEGER PRIMARY KEY, name VARCHAR(20))\","
				+ "\"INSERT INTO colors VALUES (1, 'red'), (2, 'green')\"," + "\"INSERT INTO colors VALUES (1, 'blue')\","
				+ "\"SELEKT nonsense\"," + "\"UPDATE colors SET name = 'lime' WHERE id = 2;\"]}");
		assertThat(answer.path("errorCode").asInt()).isZero();
		JsonNode data = answer.path("result").path("data");
		assertThat(data).extracting((entry) -> entry.get("errorCode").asInt())
			.containsExactly(0, 0, 2, DbError.SQL_ERROR.code(), 0);
		assertThat(data.get(1).path("affectedRecordCount").asInt()).isEqualTo(2);
		assertThat(data.get(4).path("affectedRecordCount").asInt()).isEqualTo(1);
		assertThat(this.client.result("getRecordsUsingSQL", "{\"sql\":\"select name from colors order by id\"}")
			.path("data")).extracting((row) -> row.get("name").asString()).containsExactly("red", "lime");
		assertThat(this.client.result("listTables", "{\"partialTableName\":\"col\"}").path("data").get(0)
			.path("tableName").asString()).isEqualTo("colors");
		String transactionId = this.client.result("createTransaction", "{}").path("transactionId").asString();
		assertThat(this.client.error("runSqlStatements", "{\"transactionId\":\"" + transactionId
				+ "\",\"sqlStatements\":[\"DELETE FROM colors\"]}")).isEqualTo(DbError.SQL_IN_TRANSACTION.code());
		assertThat(this.client.error("runSqlStatements", "{\"sqlStatements\":\"DELETE FROM colors\"}"))
			.isEqualTo(DbError.WRONG_TYPE.code());
		assertThat(this.client.error("getRecordsUsingSQL", "{\"sql\":\"DELETE FROM colors\"}"))
			.isEqualTo(DbError.NOT_A_QUERY.code());
		assertThat(this.client.result("GETRECORDSUSINGSQL", "{\"sql\":\"select count(*) AS n from colors\"}").path("data")
			.get(0).path("n").asInt()).as("action names are case-insensitive").isEqualTo(2);
		assertThat(this.client.result("getRecordsUsingSQL", "{\"sql\":\"SELECT name FROM colors WHERE id = :id\","
				+ "\"sqlParams\":[{\"name\":\"id\",\"value\":1}]}").path("data").get(0).path("name").asString())
			.isEqualTo("red");
	}

	@Test
	void binaryValuesRoundTripInHexBase64AndByteArrays() {
		this.client.result("createTable", "{\"tableName\":\"blobs\",\"fields\":[{\"name\":\"b\",\"type\":\"varbinary\","
				+ "\"length\":16},{\"name\":\"fixed\",\"type\":\"binary\",\"length\":4}]}");
		this.client.result("insertRecords", "{\"tableName\":\"blobs\",\"sourceData\":[{\"b\":\"CAFEbabe\",\"fixed\":\"01\"}]}");
		this.client.result("insertRecords", "{\"tableName\":\"blobs\",\"binaryFormat\":\"base64\","
				+ "\"sourceData\":[{\"b\":\"3q2+7w==\"}]}");
		JsonNode hex = this.client.result("getRecordsByTable", "{\"tableName\":\"blobs\"}");
		assertThat(hex.path("binaryFormat").asString()).isEqualTo("hex");
		assertThat(hex.path("data")).extracting((row) -> row.get("b").asString()).containsExactly("CAFEBABE", "DEADBEEF");
		assertThat(hex.path("data").get(0).path("fixed").asString()).isEqualTo("01000000");
		ObjectNode request = DbClient.JSON.createObjectNode();
		request.put("api", "db").put("action", "getRecordsByTable").put("authToken", this.client.token);
		request.putObject("params").put("tableName", "blobs");
		request.putObject("responseOptions").put("binaryFormat", "base64");
		JsonNode base64 = this.client.send(request).path("result");
		assertThat(base64.path("binaryFormat").asString()).isEqualTo("base64");
		assertThat(base64.path("data")).extracting((row) -> row.get("b").asString()).containsExactly("yv66vg==", "3q2+7w==");
		((ObjectNode) request.get("responseOptions")).put("binaryFormat", "byteArray");
		assertThat(this.client.send(request).path("result").path("data").get(1).path("b").toString())
			.isEqualTo("[222,173,190,239]");
	}

	@Test
	void numberFormatStringAndArraysLayout() {
		this.client.result("createTable", "{\"tableName\":\"money\",\"fields\":[{\"name\":\"amount\",\"type\":\"money\","
				+ "\"length\":18,\"scale\":2},{\"name\":\"big\",\"type\":\"bigint\"},{\"name\":\"ratio\",\"type\":\"float\"}]}");
		this.client.result("insertRecords", "{\"tableName\":\"money\",\"sourceData\":[{\"amount\":\"12.5\","
				+ "\"big\":\"9007199254740993\",\"ratio\":0.25}]}");
		ObjectNode request = DbClient.JSON.createObjectNode();
		request.put("api", "db").put("action", "getRecordsByTable").put("authToken", this.client.token);
		request.putObject("params").put("tableName", "money");
		request.putObject("responseOptions").put("numberFormat", "string").put("dataFormat", "arrays");
		JsonNode result = this.client.send(request).path("result");
		assertThat(result.path("numberFormat").asString()).isEqualTo("string");
		assertThat(result.path("dataFormat").asString()).isEqualTo("arrays");
		assertThat(result.path("data").get(0).toString()).isEqualTo("[\"1\",\"1\",\"12.50\",\"9007199254740993\",\"0.25\"]");
		JsonNode numbers = this.client.result("getRecordsByTable", "{\"tableName\":\"money\"}").path("data").get(0);
		assertThat(numbers.path("big").isIntegralNumber()).isTrue();
		assertThat(numbers.path("big").longValue()).isEqualTo(9007199254740993L);
		assertThat(numbers.path("amount").decimalValue()).isEqualByComparingTo("12.50");
	}

	@Test
	void namesComeBackExactlyAsDeclared() {
		this.client.result("createTable", "{\"tableName\":\"MyTable\",\"fields\":[{\"name\":\"FirstName\","
				+ "\"type\":\"varchar\",\"length\":20},{\"name\":\"lastNAME\",\"type\":\"varchar\",\"length\":20}],"
				+ "\"primaryKeyFields\":[\"FirstName\"]}");
		this.client.result("insertRecords", "{\"tableName\":\"mytable\",\"sourceData\":[{\"firstname\":\"Ada\","
				+ "\"LASTNAME\":\"Lovelace\"}]}");
		assertThat(this.client.result("listTables", "{\"partialTableName\":\"my\"}").path("data").get(0)
			.path("tableName").asString()).isEqualTo("MyTable");
		JsonNode record = this.client.result("getRecordsByTable", "{\"tableName\":\"MYTABLE\"}").path("data").get(0);
		assertThat(record.propertyNames()).containsExactly("changeId", "FirstName", "lastNAME");
		assertThat(this.client.result("listIndexes", "{\"tableName\":\"MyTable\"}").path("data").get(0)
			.path("indexName").asString()).isEqualTo("FirstName_pk");
		JsonNode sql = this.client.result("getRecordsUsingSQL", "{\"sql\":\"SELECT lastname FROM mytable\"}");
		assertThat(sql.path("data").get(0).path("lastname").asString()).isEqualTo("Lovelace");
		assertThat(this.client.result("getRecordsByIds", "{\"tableName\":\"MyTable\",\"primaryKeys\":[[{\"fieldName\":"
				+ "\"firstName\",\"value\":\"Ada\"}]]}").path("data")).hasSize(1);
	}

	@Test
	void deletingWhatIsNotThereSucceedsWithAWarning() {
		JsonNode tables = this.client.call("deleteTables", "{\"tableNames\":[\"nothing\"]}");
		assertThat(tables.path("errorCode").asInt()).isZero();
		assertThat(tables.path("debugInfo").path("warnings").get(0).path("code").asInt())
			.isEqualTo(DbError.TABLE_NOT_FOUND.code());
		JsonNode database = this.client.call("deleteDatabase", "{\"databaseName\":\"nothing\"}");
		assertThat(database.path("errorCode").asInt()).isZero();
		assertThat(database.path("result").path("data")).isEmpty();
		assertThat(database.path("debugInfo").path("warnings").get(0).path("code").asInt())
			.isEqualTo(DbError.DATABASE_NOT_FOUND.code());
		JsonNode indexes = this.client.call("deleteIndexes", "{\"tableName\":\"items\",\"indexNames\":[\"nothing\"]}");
		assertThat(indexes.path("debugInfo").path("warnings").get(0).path("code").asInt())
			.isEqualTo(DbError.INDEX_NOT_FOUND.code());
		JsonNode described = this.client.call("describeTables", "{\"tableNames\":[\"nothing\",\"items\"]}");
		assertThat(described.path("result").path("data")).hasSize(1);
		assertThat(described.path("debugInfo").path("warnings")).hasSize(1);
		assertThat(this.client.result("deleteRecords", "{\"tableName\":\"items\",\"ids\":[404]}").path("totalRecordCount")
			.asInt()).isZero();
		assertThat(this.client.error("getRecordsByTable", "{\"tableName\":\"nothing\"}"))
			.isEqualTo(DbError.TABLE_NOT_FOUND.code());
		assertThat(this.client.error("deleteRecords", "{\"tableName\":\"items\",\"ids\":[1],\"primaryKeys\":[]}"))
			.isEqualTo(DbError.INVALID_PARAMETER.code());
	}

	@Test
	void debugInfoReportsTheDatabaseAndOwnerUsed() {
		ObjectNode request = DbClient.JSON.createObjectNode();
		request.put("api", "db").put("action", "listTables").put("authToken", this.client.token)
			.put("requestId", "r-42").put("debug", "max");
		request.putObject("params");
		JsonNode answer = this.client.send(request);
		assertThat(answer.path("requestId").asString()).isEqualTo("r-42");
		assertThat(answer.path("debugInfo").path("serverSuppliedValues").path("databaseName").asString())
			.isEqualTo("ctreeSQL");
		assertThat(answer.path("debugInfo").path("serverSuppliedValues").path("ownerName").asString()).isEqualTo("admin");
		assertThat(answer.path("debugInfo").path("warnings")).isEmpty();
		// named ones are reported as well, as in the documented rebuildIndexes debug answer
		((ObjectNode) request.get("params")).put("databaseName", "FAIRCOM").put("ownerName", "admin");
		assertThat(this.client.send(request).path("debugInfo").path("serverSuppliedValues").path("databaseName")
			.asString()).isEqualTo("faircom");
		request.put("action", "listDatabases");
		assertThat(this.client.send(request).path("debugInfo").path("serverSuppliedValues").path("databaseName")
			.isNull()).as("an action that works in no database").isTrue();
	}
}
