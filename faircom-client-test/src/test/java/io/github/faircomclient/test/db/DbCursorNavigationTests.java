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
 * Tests cursor navigation with getRecordsFromCursor on {@link DbApi} directly: start points, skips
 * and fetches in both directions, moreRecords, and what is refused.
 */
class DbCursorNavigationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private DbApi api;

	private TestContext context;

	private String cursorId;

	@BeforeEach
	void setUp() {
		TestContext.MutableClock clock = new TestContext.MutableClock();
		this.api = new DbApi(DbStore.inMemory(), clock::now, (session) -> 600L);
		this.context = new TestContext("session-1", clock);
		call("createTable", "{\"tableName\":\"n\",\"fields\":[{\"name\":\"v\",\"type\":\"integer\"}]}");
		call("insertRecords", "{\"tableName\":\"n\",\"dataFormat\":\"arrays\",\"fieldNames\":[\"v\"],"
				+ "\"sourceData\":[[1],[2],[3],[4],[5],[6],[7],[8],[9],[10]]}");
		this.cursorId = call("getRecordsByIndex", "{\"tableName\":\"n\",\"indexName\":\"id_pk\",\"returnCursor\":true}")
			.get("cursorId").asString();
	}

	@AfterEach
	void tearDown() {
		this.api.close();
	}

	private ObjectNode call(String action, String params) {
		return this.api.handle(action, JSON.readTree(params), this.context);
	}

	/** Fetches with the given extra params and answers "values | moreRecords". */
	private String fetch(String params) {
		JsonNode page = call("getRecordsFromCursor", "{\"cursorId\":\"" + this.cursorId + "\"" + params + "}");
		List<String> values = page.get("data").valueStream().map((row) -> row.get("v").asString()).toList();
		return String.join(",", values) + " | " + page.get("moreRecords").asBoolean();
	}

	private int error(String params) {
		try {
			call("getRecordsFromCursor", "{\"cursorId\":\"" + this.cursorId + "\"" + params + "}");
		}
		catch (DbException ex) {
			return ex.errorCode();
		}
		throw new AssertionError(params + " must fail");
	}

	@Test
	void forwardFetchesContinueWhereTheLastOneStopped() {
		assertThat(fetch(",\"fetchRecords\":3")).isEqualTo("1,2,3 | true");
		assertThat(fetch(",\"fetchRecords\":3")).isEqualTo("4,5,6 | true");
		assertThat(fetch(",\"fetchRecords\":4")).isEqualTo("7,8,9,10 | false");
		assertThat(fetch(",\"fetchRecords\":4")).isEqualTo(" | false");
		assertThat(fetch("")).as("20 by default").isEqualTo(" | false");
		assertThat(fetch(",\"startFrom\":\"beforeFirstRecord\"")).isEqualTo("1,2,3,4,5,6,7,8,9,10 | false");
	}

	@Test
	void backwardFetchesReturnTheRecordsBeforeThePositionNearestFirst() {
		assertThat(fetch(",\"startFrom\":\"afterLastRecord\",\"fetchRecords\":-3")).isEqualTo("10,9,8 | true");
		assertThat(fetch(",\"fetchRecords\":-3")).isEqualTo("7,6,5 | true");
		assertThat(fetch(",\"fetchRecords\":2")).as("forward again from there").isEqualTo("5,6 | true");
		assertThat(fetch(",\"fetchRecords\":-10")).isEqualTo("6,5,4,3,2,1 | false");
		assertThat(fetch(",\"fetchRecords\":-1")).isEqualTo(" | false");
		assertThat(fetch(",\"fetchRecords\":1")).isEqualTo("1 | true");
		assertThat(fetch(",\"startFrom\":\"beforeFirstRecord\",\"fetchRecords\":-5")).isEqualTo(" | false");
	}

	@Test
	void skipsMoveInBothDirectionsAndStopAtTheEnds() {
		assertThat(fetch(",\"startFrom\":\"beforeFirstRecord\",\"skipRecords\":1,\"fetchRecords\":1"))
			.as("the documented tutorial: the second record").isEqualTo("2 | true");
		assertThat(fetch(",\"skipRecords\":3,\"fetchRecords\":2")).isEqualTo("6,7 | true");
		assertThat(fetch(",\"skipRecords\":-4,\"fetchRecords\":2")).isEqualTo("4,5 | true");
		assertThat(fetch(",\"skipRecords\":-2,\"fetchRecords\":-1")).isEqualTo("3 | true");
		assertThat(fetch(",\"skipRecords\":-100,\"fetchRecords\":1")).isEqualTo("1 | true");
		assertThat(fetch(",\"skipRecords\":100,\"fetchRecords\":-2")).isEqualTo("10,9 | true");
		assertThat(fetch(",\"startFrom\":\"afterLastRecord\",\"skipRecords\":-2,\"fetchRecords\":5"))
			.isEqualTo("9,10 | false");
		assertThat(fetch(",\"startFrom\":\"afterLastRecord\",\"skipRecords\":5,\"fetchRecords\":1")).isEqualTo(" | false");
		assertThat(fetch(",\"skipRecords\":" + Long.MIN_VALUE + ",\"fetchRecords\":" + Long.MAX_VALUE))
			.isEqualTo("1,2,3,4,5,6,7,8,9,10 | false");
		assertThat(this.api.openCursors().get(0).position()).isEqualTo(10);
	}

	@Test
	void undocumentedNavigationIsRefused() {
		assertThat(error(",\"bookmark\":\"000000FF\"")).isEqualTo(DbError.NOT_EMULATED.code());
		assertThat(error(",\"id\":2084")).isEqualTo(DbError.NOT_EMULATED.code());
		assertThat(error(",\"startFrom\":\"currentPosition\"")).isEqualTo(DbError.INVALID_PARAMETER.code());
		assertThat(error(",\"fetchRecords\":\"many\"")).isEqualTo(DbError.WRONG_TYPE.code());
		assertThat(fetch(",\"fetchRecords\":1,\"bookmark\":null")).as("null is no bookmark").isEqualTo("1 | true");
	}

	@Test
	void sqlAndTransactionCursorsNavigateTheSameWay() {
		this.cursorId = call("getRecordsUsingSQL", "{\"sql\":\"SELECT v FROM n WHERE v > 5 ORDER BY v DESC\","
				+ "\"returnCursor\":true}").get("cursorId").asString();
		assertThat(fetch(",\"startFrom\":\"afterLastRecord\",\"fetchRecords\":-2")).isEqualTo("6,7 | true");
		assertThat(fetch(",\"skipRecords\":-1,\"fetchRecords\":3")).isEqualTo("8,7,6 | false");
		String tx = call("createTransaction", "{}").get("transactionId").asString();
		call("insertRecords", "{\"tableName\":\"n\",\"transactionId\":\"" + tx + "\",\"sourceData\":[{\"v\":11}]}");
		this.cursorId = call("getRecordsByTable", "{\"tableName\":\"n\",\"transactionId\":\"" + tx
				+ "\",\"returnCursor\":true}").get("cursorId").asString();
		assertThat(fetch(",\"startFrom\":\"afterLastRecord\",\"fetchRecords\":-2"))
			.as("a table with only fixed-length fields, read backward").isEqualTo("11,10 | true");
	}

	@Test
	void aPartialKeyThatMatchesNothingLeavesTheCursorAfterTheLastRecordOfTheIndex() {
		call("createIndex", "{\"tableName\":\"n\",\"indexName\":\"v_desc\",\"fields\":[{\"name\":\"v\","
				+ "\"sortDescending\":true}]}");
		JsonNode none = call("getRecordsByPartialKeyRange", "{\"tableName\":\"n\",\"indexName\":\"v_desc\","
				+ "\"partialKey\":[42]}");
		assertThat(none.get("data")).isEmpty();
		assertThat(none.get("moreRecords").asBoolean()).isFalse();
		assertThat(none.get("totalRecordCount").asInt()).isZero();
		this.cursorId = call("getRecordsByPartialKeyRange", "{\"tableName\":\"n\",\"indexName\":\"v_desc\","
				+ "\"partialKey\":[42],\"returnCursor\":true}").get("cursorId").asString();
		assertThat(fetch(",\"fetchRecords\":5")).isEqualTo(" | false");
		assertThat(fetch(",\"fetchRecords\":-2")).as("the index's last records").isEqualTo("1,2 | true");
		this.cursorId = call("getRecordsByPartialKeyRange", "{\"tableName\":\"n\",\"indexName\":\"v_desc\","
				+ "\"partialKey\":[7],\"returnCursor\":true}").get("cursorId").asString();
		assertThat(fetch(",\"fetchRecords\":5")).isEqualTo("7 | false");
	}
}
