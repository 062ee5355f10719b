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
 * Tests that indexes follow their declared collation (caseInsensitive, reverseCompare) and order
 * (sortDescending) in uniqueness, index order and key lookups, on {@link DbApi} directly.
 */
class DbIndexCollationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private DbApi api;

	private TestContext context;

	@BeforeEach
	void setUp() {
		TestContext.MutableClock clock = new TestContext.MutableClock();
		this.api = new DbApi(DbStore.inMemory(), clock::now, (session) -> 600L);
		this.context = new TestContext("session-1", clock);
		call("createTable", "{\"tableName\":\"parts\",\"fields\":[{\"name\":\"name\",\"type\":\"varchar\",\"length\":20},"
				+ "{\"name\":\"code\",\"type\":\"char\",\"length\":4}]}");
	}

	@AfterEach
	void tearDown() {
		this.api.close();
	}

	private ObjectNode call(String action, String params) {
		return this.api.handle(action, JSON.readTree(params), this.context);
	}

	private void insert(String... names) {
		StringBuilder rows = new StringBuilder();
		for (String name : names) {
			rows.append((rows.length() > 0) ? "," : "").append("{\"name\":\"").append(name).append("\"}");
		}
		call("insertRecords", "{\"tableName\":\"parts\",\"sourceData\":[" + rows + "]}");
	}

	private static List<String> names(JsonNode result) {
		return result.get("data").valueStream().map((row) -> row.get("name").asString()).toList();
	}

	private DbException failure(String action, String params) {
		DbException failure = null;
		try {
			call(action, params);
		}
		catch (DbException ex) {
			failure = ex;
		}
		assertThat(failure).as(action + " must fail").isNotNull();
		return failure;
	}

	private List<String> columnsInH2() {
		return names(call("getRecordsUsingSQL", "{\"sql\":\"SELECT COLUMN_NAME AS name FROM INFORMATION_SCHEMA.COLUMNS "
				+ "WHERE TABLE_NAME = 'parts' ORDER BY ORDINAL_POSITION\",\"maxRecords\":-1}"));
	}

	@Test
	void aCaseInsensitiveUniqueIndexRefusesTheSameWordInAnotherCase() {
		call("createIndex", "{\"tableName\":\"parts\",\"indexName\":\"name_ci\",\"unique\":true,"
				+ "\"fields\":[{\"name\":\"name\",\"caseInsensitive\":true}]}");
		insert("bolt");
		DbException duplicate = failure("insertRecords", "{\"tableName\":\"parts\",\"sourceData\":[{\"name\":\"BOLT\"}]}");
		assertThat(duplicate.errorCode()).isEqualTo(2);
		assertThat(duplicate.getMessage()).contains("'name_ci'").contains("'parts'");
		insert("nut");
		long nut = call("getRecordsByTable", "{\"tableName\":\"parts\"}").get("data").get(1).get("id").asLong();
		assertThat(failure("updateRecords", "{\"tableName\":\"parts\",\"ignoreChangeIdProtection\":true,"
				+ "\"sourceData\":[{\"id\":" + nut + ",\"name\":\"Bolt\"}]}").errorCode()).isEqualTo(2);
		assertThat(names(call("getRecordsByTable", "{\"tableName\":\"parts\"}"))).containsExactly("bolt", "nut");
		assertThat(call("describeTables", "{\"tableNames\":[\"parts\"]}").get("data").get(0).get("fields"))
			.as("the key column is not a field").hasSize(4);
		assertThat(call("getRecordsUsingSQL", "{\"sql\":\"SELECT * FROM parts\"}").get("fields")).hasSize(4);
		assertThat(columnsInH2()).hasSize(5);
		call("deleteIndexes", "{\"tableName\":\"parts\",\"indexNames\":[\"name_ci\"]}");
		assertThat(columnsInH2()).containsExactly("id", "changeId", "name", "code");
		insert("BOLT");
	}

	@Test
	void aCaseSensitiveUniqueIndexAcceptsBothCases() {
		call("createIndex", "{\"tableName\":\"parts\",\"indexName\":\"name_cs\",\"unique\":true,"
				+ "\"fields\":[{\"name\":\"name\"}]}");
		insert("bolt", "BOLT");
		assertThat(failure("insertRecords", "{\"tableName\":\"parts\",\"sourceData\":[{\"name\":\"bolt\"}]}").errorCode())
			.isEqualTo(2);
	}

	@Test
	void aUniqueIndexOverRecordsThatCollideIsRefusedAndLeavesNothingBehind() {
		insert("nut", "NUT");
		assertThat(failure("createIndex", "{\"tableName\":\"parts\",\"indexName\":\"name_ci\",\"unique\":true,"
				+ "\"fields\":[{\"name\":\"name\",\"caseInsensitive\":true}]}").errorCode()).isEqualTo(2);
		assertThat(columnsInH2()).containsExactly("id", "changeId", "name", "code");
		assertThat(call("listIndexes", "{\"tableName\":\"parts\"}").get("data")).hasSize(1);
	}

	@Test
	void indexOrderFollowsCollationAndDirection() {
		insert("b", "A", "c", "B", "a");
		call("createIndex", "{\"tableName\":\"parts\",\"indexName\":\"ci\",\"fields\":[{\"name\":\"name\","
				+ "\"caseInsensitive\":true}]}");
		call("createIndex", "{\"tableName\":\"parts\",\"indexName\":\"cs\",\"fields\":[{\"name\":\"name\"}]}");
		call("createIndex", "{\"tableName\":\"parts\",\"indexName\":\"ci_desc\",\"fields\":[{\"name\":\"name\","
				+ "\"caseInsensitive\":true,\"sortDescending\":true}]}");
		assertThat(names(call("getRecordsByIndex", "{\"tableName\":\"parts\",\"indexName\":\"ci\"}")))
			.containsExactly("A", "a", "b", "B", "c");
		assertThat(names(call("getRecordsByIndex", "{\"tableName\":\"parts\",\"indexName\":\"cs\"}")))
			.containsExactly("A", "B", "a", "b", "c");
		assertThat(names(call("getRecordsByIndex", "{\"tableName\":\"parts\",\"indexName\":\"ci_desc\"}")))
			.containsExactly("c", "b", "B", "A", "a");
		assertThat(names(call("getRecordsByIndex", "{\"tableName\":\"parts\",\"indexName\":\"ci_desc\","
				+ "\"reverseOrder\":true}"))).containsExactly("a", "A", "B", "b", "c");
	}

	@Test
	void reverseCompareOrdersByTheLastCharacterFirst() {
		insert("xa", "ab", "zb", "bc", "Ca");
		call("createIndex", "{\"tableName\":\"parts\",\"indexName\":\"tail\",\"fields\":[{\"name\":\"name\","
				+ "\"reverseCompare\":true}]}");
		call("createIndex", "{\"tableName\":\"parts\",\"indexName\":\"tail_ci\",\"unique\":true,\"fields\":[{"
				+ "\"name\":\"name\",\"reverseCompare\":true,\"caseInsensitive\":true}]}");
		assertThat(names(call("getRecordsByIndex", "{\"tableName\":\"parts\",\"indexName\":\"tail\"}")))
			.as("aC, ax, ba, bz, cb").containsExactly("Ca", "xa", "ab", "zb", "bc");
		assertThat(names(call("getRecordsByIndex", "{\"tableName\":\"parts\",\"indexName\":\"tail_ci\"}")))
			.as("AC, AX, BA, BZ, CB").containsExactly("Ca", "xa", "ab", "zb", "bc");
		assertThat(failure("insertRecords", "{\"tableName\":\"parts\",\"sourceData\":[{\"name\":\"XA\"}]}").errorCode())
			.isEqualTo(2);
		assertThat(names(call("getRecordsByPartialKeyRange", "{\"tableName\":\"parts\",\"indexName\":\"tail\","
				+ "\"partialKey\":\"b\"}"))).as("the key form starts with b: the value ends with it")
			.containsExactly("ab", "zb");
	}

	@Test
	void keyLookupsCompareInTheKeyForm() {
		insert("Bolt", "box", "NUT", "nail", "axe");
		call("createIndex", "{\"tableName\":\"parts\",\"indexName\":\"ci\",\"fields\":[{\"name\":\"name\","
				+ "\"caseInsensitive\":true}]}");
		assertThat(names(call("getRecordsInKeyRange", "{\"tableName\":\"parts\",\"indexFilter\":{\"indexName\":\"ci\","
				+ "\"indexFieldFilters\":[{\"fieldName\":\"name\",\"operator\":\">=\",\"value\":\"b\"},"
				+ "{\"fieldName\":\"name\",\"operator\":\"<\",\"value\":\"NO\"}]}}")))
			.containsExactly("Bolt", "box", "nail");
		assertThat(names(call("getRecordsStartingAtKey", "{\"tableName\":\"parts\",\"indexFilter\":{\"indexName\":\"ci\","
				+ "\"operator\":\"=\",\"indexFields\":[{\"fieldName\":\"name\",\"value\":\"BOLT\"}]}}")))
			.containsExactly("Bolt", "box", "nail", "NUT");
		assertThat(names(call("getRecordsByPartialKeyRange", "{\"tableName\":\"parts\",\"indexName\":\"ci\","
				+ "\"partialKey\":\"BO\"}"))).containsExactly("Bolt", "box");
		assertThat(names(call("getRecordsByPartialKeyRange", "{\"tableName\":\"parts\",\"indexName\":\"ci\","
				+ "\"partialKey\":\"n%\"}"))).as("no wildcards in a partial key").isEmpty();
	}

	@Test
	void aCaseInsensitiveCharFieldComparesPadded() {
		call("insertRecords", "{\"tableName\":\"parts\",\"sourceData\":[{\"name\":\"a\",\"code\":\"ab\"},"
				+ "{\"name\":\"b\",\"code\":\"AC\"}]}");
		call("createIndex", "{\"tableName\":\"parts\",\"indexName\":\"code\",\"unique\":true,\"fields\":[{"
				+ "\"name\":\"code\",\"caseInsensitive\":true}]}");
		assertThatExceptionOfType(DbException.class)
			.isThrownBy(() -> call("insertRecords", "{\"tableName\":\"parts\",\"sourceData\":[{\"name\":\"c\",\"code\":\"AB\"}]}"))
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(2));
		assertThat(names(call("getRecordsByPartialKeyRange", "{\"tableName\":\"parts\",\"indexName\":\"code\","
				+ "\"partialKey\":\"a\"}"))).containsExactly("a", "b");
	}
}
