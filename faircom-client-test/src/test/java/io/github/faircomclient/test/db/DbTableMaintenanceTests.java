package io.github.faircomclient.test.db;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests alterTable, rebuildTables and rebuildIndexes on {@link DbApi} directly.
 */
class DbTableMaintenanceTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private DbApi api;

	private TestContext context;

	@BeforeEach
	void setUp() {
		TestContext.MutableClock clock = new TestContext.MutableClock();
		this.api = new DbApi(DbStore.inMemory(), clock::now, (session) -> 600L);
		this.context = new TestContext("session-1", clock);
		call("createTable", "{\"tableName\":\"test1\",\"fields\":[{\"name\":\"name\",\"type\":\"varchar\",\"length\":50}]}");
		call("insertRecords", "{\"tableName\":\"test1\",\"sourceData\":[{\"name\":\"first\"},{\"name\":\"second\"}]}");
	}

	@AfterEach
	void tearDown() {
		this.api.close();
	}

	private ObjectNode call(String action, String params) {
		return this.api.handle(action, JSON.readTree(params), this.context);
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

	private JsonNode fields() {
		return call("describeTables", "{\"tableNames\":[\"test1\"]}").get("data").get(0).get("fields");
	}

	private static List<String> names(JsonNode fields) {
		return fields.valueStream().map((field) -> field.get("name").asString()).toList();
	}

	private JsonNode field(String name) {
		return fields().valueStream().filter((field) -> field.get("name").asString().equals(name)).findFirst()
			.orElseThrow();
	}

	@Test
	void addRenameRedefineAndDeleteFieldsKeepTheData() {
		ObjectNode added = call("alterTable", "{\"tableName\":\"test1\",\"addFields\":["
				+ "{\"name\":\"rename_me1\",\"type\":\"varchar\",\"length\":10,\"nullable\":false,\"defaultValue\":\"r\"},"
				+ "{\"name\":\"alter_me1\",\"type\":\"varchar\",\"length\":10,\"nullable\":false,\"defaultValue\":\"a\"},"
				+ "{\"name\":\"delete_me1\",\"type\":\"varchar\",\"length\":10},{\"name\":\"qty\",\"type\":\"integer\"}]}");
		JsonNode table = added.get("data").get(0);
		assertThat(added.get("dataFormat").asString()).isEqualTo("objects");
		assertThat(table.get("tableName").asString()).isEqualTo("test1");
		assertThat(names(table.get("fields"))).containsExactly("id", "changeId", "name", "rename_me1", "alter_me1",
				"delete_me1", "qty");
		assertThat(table.get("totalRecordCount").asInt()).isEqualTo(2);
		call("alterTable", "{\"databaseName\":\"ctreeSQL\",\"ownerName\":\"admin\",\"tableName\":\"test1\",\"alterFields\":["
				+ "{\"name\":\"rename_me1\",\"type\":\"varchar\",\"newName\":\"description\"},"
				+ "{\"name\":\"alter_me1\",\"type\":\"varchar\",\"length\":50,\"nullable\":true},"
				+ "{\"name\":\"qty\",\"type\":\"bigint\"}],\"deleteFields\":[\"delete_me1\"]}");
		assertThat(names(fields())).containsExactly("id", "changeId", "name", "description", "alter_me1", "qty");
		assertThat(field("description").get("length").asInt()).isEqualTo(10);
		assertThat(field("description").get("nullable").asBoolean()).isFalse();
		assertThat(field("alter_me1").get("length").asInt()).isEqualTo(50);
		assertThat(field("alter_me1").get("nullable").asBoolean()).isTrue();
		assertThat(field("qty").get("type").asString()).isEqualTo("bigint");
		JsonNode row = call("getRecordsByTable", "{\"tableName\":\"test1\"}").get("data").get(0);
		assertThat(row.get("name").asString()).isEqualTo("first");
		assertThat(row.get("description").asString()).isEqualTo("r");
		assertThat(row.has("delete_me1")).isFalse();
		call("insertRecords", "{\"tableName\":\"test1\",\"sourceData\":[{\"name\":\"third\",\"description\":\"d\","
				+ "\"alter_me1\":\"" + "x".repeat(50) + "\",\"qty\":5000000000}]}");
		call("alterTable", "{\"tableName\":\"test1\",\"deleteFields\":[{\"name\":\"alter_me1\"}],"
				+ "\"alterFields\":[{\"name\":\"description\",\"type\":\"varchar\",\"length\":20}]}");
		assertThat(field("description").get("length").asInt()).isEqualTo(20);
		assertThat(field("description").get("nullable").asBoolean()).as("kept").isFalse();
		assertThat(field("description").get("defaultValue").asString()).as("kept").isEqualTo("r");
		call("insertRecords", "{\"tableName\":\"test1\",\"sourceData\":[{\"name\":\"fourth\"}]}");
		assertThat(call("getRecordsByTable", "{\"tableName\":\"test1\",\"reverseOrder\":true,\"maxRecords\":1}")
			.get("data").get(0).get("description").asString()).as("H2 kept the default too").isEqualTo("r");
		assertThat(names(fields())).containsExactly("id", "changeId", "name", "description", "qty");
	}

	@Test
	void aNewNonNullableFieldNeedsADefaultWhenTheTableHasRecords() {
		assertThat(error("alterTable", "{\"tableName\":\"test1\",\"addFields\":[{\"name\":\"code\",\"type\":\"varchar\","
				+ "\"length\":10,\"nullable\":false}]}")).isEqualTo(DbError.INVALID_VALUE.code());
		assertThat(names(fields())).containsExactly("id", "changeId", "name");
		call("alterTable", "{\"tableName\":\"test1\",\"addFields\":[{\"name\":\"code\",\"type\":\"varchar\","
				+ "\"length\":10,\"nullable\":false,\"defaultValue\":\"none\"}]}");
		assertThat(call("getRecordsByTable", "{\"tableName\":\"test1\"}").get("data"))
			.extracting((row) -> row.get("code").asString()).containsExactly("none", "none");
	}

	@Test
	void renamedFieldsKeepTheirIndexesAndTheChangeIdRole() {
		call("createIndex", "{\"tableName\":\"test1\",\"indexName\":\"name_ci\",\"unique\":true,"
				+ "\"fields\":[{\"name\":\"name\",\"caseInsensitive\":true}]}");
		call("alterTable", "{\"tableName\":\"test1\",\"alterFields\":[{\"name\":\"name\",\"type\":\"varchar\","
				+ "\"newName\":\"title\"},{\"name\":\"changeId\",\"type\":\"bigint\",\"newName\":\"version\"}]}");
		JsonNode table = call("describeTables", "{\"tableNames\":[\"test1\"]}").get("data").get(0);
		assertThat(table.get("changeIdField").asString()).isEqualTo("version");
		assertThat(table.get("indexes").get(1).get("fields").get(0).get("name").asString()).isEqualTo("title");
		assertThat(error("insertRecords", "{\"tableName\":\"test1\",\"sourceData\":[{\"title\":\"FIRST\"}]}"))
			.isEqualTo(DbError.DUPLICATE_KEY.code());
		assertThat(call("getRecordsByIndex", "{\"tableName\":\"test1\",\"indexName\":\"name_ci\",\"reverseOrder\":true}")
			.get("data")).extracting((row) -> row.get("title").asString()).containsExactly("second", "first");
		JsonNode row = call("getRecordsByIds", "{\"tableName\":\"test1\",\"ids\":[1]}").get("data").get(0);
		assertThat(error("updateRecords", "{\"tableName\":\"test1\",\"sourceData\":[{\"id\":1,\"version\":"
				+ (row.get("version").asLong() + 1) + ",\"title\":\"x\"}]}")).isEqualTo(DbError.CHANGE_ID_CONFLICT.code());
	}

	@Test
	void changesThatCannotBeMadeAreRefusedBeforeAnythingChanges() {
		call("createIndex", "{\"tableName\":\"test1\",\"indexName\":\"name\",\"fields\":[{\"name\":\"name\"}]}");
		String rename = "{\"name\":\"name\",\"type\":\"varchar\",\"newName\":\"renamed\"}";
		assertThat(error("alterTable", "{\"tableName\":\"test1\",\"alterFields\":[" + rename + "],\"deleteFields\":[\"renamed\"]}"))
			.isEqualTo(DbError.FIELD_IN_INDEX.code());
		assertThat(error("alterTable", "{\"tableName\":\"test1\",\"deleteFields\":[\"id\"]}"))
			.isEqualTo(DbError.FIELD_IN_INDEX.code());
		assertThat(error("alterTable", "{\"tableName\":\"test1\",\"alterFields\":[{\"name\":\"name\",\"type\":\"integer\"}]}"))
			.isEqualTo(DbError.FIELD_IN_INDEX.code());
		assertThat(error("alterTable", "{\"tableName\":\"test1\",\"deleteFields\":[\"nothing\"]}"))
			.isEqualTo(DbError.FIELD_NOT_FOUND.code());
		assertThat(error("alterTable", "{\"tableName\":\"test1\",\"alterFields\":[{\"name\":\"name\",\"newName\":\"ID\"}]}"))
			.isEqualTo(DbError.ALREADY_EXISTS.code());
		assertThat(error("alterTable", "{\"tableName\":\"test1\",\"addFields\":[{\"name\":\"Name\",\"type\":\"integer\"}]}"))
			.isEqualTo(DbError.ALREADY_EXISTS.code());
		assertThat(error("alterTable", "{\"tableName\":\"test1\",\"alterFields\":[{\"name\":\"changeId\",\"type\":\"integer\"}]}"))
			.isEqualTo(DbError.INVALID_PARAMETER.code());
		assertThat(error("alterTable", "{\"tableName\":\"test1\",\"alterFields\":[{\"name\":\"id\",\"newName\":\"key\"}]}"))
			.isEqualTo(DbError.INVALID_PARAMETER.code());
		assertThat(error("alterTable", "{\"tableName\":\"test1\"}")).isEqualTo(DbError.INVALID_PARAMETER.code());
		assertThat(error("alterTable", "{\"tableName\":\"test1\",\"newTableName\":\"test2\"}"))
			.isEqualTo(DbError.NOT_EMULATED.code());
		assertThat(error("alterTable", "{\"tableName\":\"nowhere\",\"deleteFields\":[\"x\"]}"))
			.isEqualTo(DbError.TABLE_NOT_FOUND.code());
		String tx = call("createTransaction", "{}").get("transactionId").asString();
		assertThat(error("alterTable", "{\"tableName\":\"test1\",\"transactionId\":\"" + tx
				+ "\",\"addFields\":[{\"name\":\"x\",\"type\":\"integer\"}]}")).isEqualTo(DbError.NOT_TRANSACTIONAL.code());
		assertThat(names(fields())).containsExactly("id", "changeId", "name");
	}

	@Test
	void aChangeH2RefusesEndsTheActionWithTheEarlierChangesKept() {
		call("alterTable", "{\"tableName\":\"test1\",\"addFields\":[{\"name\":\"code\",\"type\":\"varchar\",\"length\":5}]}");
		call("runSqlStatements", "{\"sqlStatements\":[\"UPDATE test1 SET code = 'abc'\"]}");
		assertThat(error("alterTable", "{\"tableName\":\"test1\",\"alterFields\":[{\"name\":\"code\",\"type\":\"integer\","
				+ "\"defaultValue\":\"abc\"}]}")).as("checked first").isEqualTo(DbError.INVALID_VALUE.code());
		assertThat(error("alterTable", "{\"tableName\":\"test1\",\"alterFields\":[{\"name\":\"name\",\"newName\":\"title\"},"
				+ "{\"name\":\"code\",\"type\":\"integer\"}]}")).isEqualTo(DbError.INVALID_VALUE.code());
		assertThat(names(fields())).containsExactly("id", "changeId", "title", "code");
		assertThat(field("code").get("type").asString()).isEqualTo("varchar");
		assertThat(call("getRecordsByTable", "{\"tableName\":\"test1\"}").get("data").get(1).get("title").asString())
			.isEqualTo("second");
	}

	@Test
	void aTableInUseIsNotChanged() {
		String cursorId = call("getRecordsByTable", "{\"tableName\":\"test1\",\"returnCursor\":true}").get("cursorId")
			.asString();
		String add = "{\"tableName\":\"test1\",\"addFields\":[{\"name\":\"x\",\"type\":\"integer\"}]}";
		assertThat(error("alterTable", add)).isEqualTo(DbError.TABLE_IN_USE.code());
		assertThat(error("rebuildIndexes", "{\"tableName\":\"test1\"}")).isEqualTo(DbError.TABLE_IN_USE.code());
		call("closeCursor", "{\"cursorId\":\"" + cursorId + "\"}");
		String tx = call("createTransaction", "{}").get("transactionId").asString();
		call("insertRecords", "{\"tableName\":\"test1\",\"transactionId\":\"" + tx + "\",\"sourceData\":[{\"name\":\"x\"}]}");
		assertThat(error("alterTable", add)).as("H2 cannot lock the table within 2 s")
			.isEqualTo(DbError.TABLE_IN_USE.code());
		call("commitTransaction", "{\"transactionId\":\"" + tx + "\"}");
		call("alterTable", add);
		assertThat(names(fields())).containsExactly("id", "changeId", "name", "x");
	}

	@Test
	void rebuildIndexesKeepsEveryIndexWorking() {
		call("createIndex", "{\"tableName\":\"test1\",\"indexName\":\"name_ci\",\"unique\":true,"
				+ "\"fields\":[{\"name\":\"name\",\"caseInsensitive\":true}]}");
		assertThat(call("rebuildIndexes", "{\"tableName\":\"test1\"}")).as("no result").isNull();
		assertThat(error("insertRecords", "{\"tableName\":\"test1\",\"sourceData\":[{\"name\":\"SECOND\"}]}"))
			.isEqualTo(DbError.DUPLICATE_KEY.code());
		assertThat(call("listIndexes", "{\"tableName\":\"test1\"}").get("data"))
			.extracting((index) -> index.get("indexName").asString()).containsExactly("id_pk", "name_ci");
		assertThat(error("rebuildIndexes", "{\"tableName\":\"nowhere\"}")).isEqualTo(DbError.TABLE_NOT_FOUND.code());
		assertThat(error("rebuildIndexes", "{}")).isEqualTo(DbError.MISSING_PARAMETER.code());
	}

	@Test
	void rebuildTablesRebuildsWhatItCanAndWarnsAboutTheRest() {
		call("createTable", "{\"tableName\":\"other\",\"fields\":[{\"name\":\"v\",\"type\":\"integer\"}]}");
		call("createTable", "{\"tableName\":\"busy\",\"fields\":[{\"name\":\"v\",\"type\":\"integer\"}]}");
		call("getRecordsByTable", "{\"tableName\":\"busy\",\"returnCursor\":true}");
		ObjectNode result = call("rebuildTables", "{\"tableNames\":[\"test1\",\"missing\",\"busy\",\"other\"]}");
		assertThat(result.get("dataFormat").asString()).isEqualTo("objects");
		assertThat(result.get("data")).extracting((table) -> table.get("tableName").asString())
			.containsExactly("test1", "other");
		assertThat(result.get("data").get(0).get("totalRecordCount").asInt()).isEqualTo(2);
		assertThat(this.context.warnings).containsExactly(
				DbError.TABLE_NOT_FOUND.code() + " " + DbError.TABLE_NOT_FOUND.message("missing", "ctreeSQL"),
				DbError.TABLE_IN_USE.code() + " " + DbError.TABLE_IN_USE.message("busy", "an open cursor"));
		assertThat(error("rebuildTables", "{\"tableNames\":[]}")).isEqualTo(DbError.MISSING_PARAMETER.code());
		assertThat(error("rebuildTables", "{\"tableNames\":[\"test1\"],\"transactionId\":\"x\"}"))
			.isEqualTo(DbError.NOT_TRANSACTIONAL.code());
		assertThat(call("rebuildTables", "{\"tableNames\":[\"test1\"],\"transactionId\":null}").get("data")).hasSize(1);
	}
}
