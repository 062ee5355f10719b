package io.github.faircomclient.test.db;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server-side cursor walked over HTTP: forward to the end, backward to the start, from the end,
 * and with skips; and the undocumented bookmark refused.
 */
class DbCursorNavigationIntegrationTests {

	private DbClient client;

	private String cursorId;

	@BeforeEach
	void start() {
		this.client = new DbClient();
		this.client.result("createTable", "{\"tableName\":\"items\",\"fields\":[{\"name\":\"qty\",\"type\":\"integer\"}]}");
		StringBuilder rows = new StringBuilder();
		for (int i = 1; i <= 45; i++) {
			rows.append((i > 1) ? "," : "").append('[').append(i).append(']');
		}
		this.client.result("insertRecords", "{\"tableName\":\"items\",\"dataFormat\":\"arrays\",\"fieldNames\":[\"qty\"],"
				+ "\"sourceData\":[" + rows + "]}");
		this.cursorId = this.client.result("getRecordsByTable", "{\"tableName\":\"items\",\"returnCursor\":true}")
			.path("cursorId").asString();
	}

	@AfterEach
	void stop() {
		this.client.close();
	}

	private JsonNode fetch(String params) {
		return this.client.result("getRecordsFromCursor", "{\"cursorId\":\"" + this.cursorId + "\"" + params + "}");
	}

	private static List<Integer> quantities(JsonNode page) {
		return page.path("data").valueStream().map((row) -> row.get("qty").asInt()).toList();
	}

	@Test
	void walksForwardToTheEndThenBackwardToTheStart() {
		List<Integer> forward = new ArrayList<>();
		JsonNode page;
		do {
			page = fetch(",\"fetchRecords\":20");
			forward.addAll(quantities(page));
		}
		while (page.path("moreRecords").asBoolean());
		assertThat(forward).hasSize(45).startsWith(1, 2).endsWith(44, 45);
		List<Integer> backward = new ArrayList<>();
		do {
			page = fetch(",\"fetchRecords\":-20");
			backward.addAll(quantities(page));
		}
		while (page.path("moreRecords").asBoolean());
		assertThat(backward).hasSize(45).startsWith(45, 44).endsWith(2, 1);
		assertThat(this.client.plugin().openCursors()).singleElement()
			.satisfies((cursor) -> assertThat(cursor.position()).isZero());
	}

	@Test
	void readsFromTheEndAndSkipsBothWays() {
		JsonNode last = fetch(",\"startFrom\":\"afterLastRecord\",\"fetchRecords\":-3");
		assertThat(quantities(last)).containsExactly(45, 44, 43);
		assertThat(last.path("moreRecords").asBoolean()).isTrue();
		assertThat(quantities(fetch(",\"skipRecords\":-10,\"fetchRecords\":2"))).containsExactly(33, 34);
		assertThat(quantities(fetch(",\"skipRecords\":5,\"fetchRecords\":-1"))).containsExactly(39);
		JsonNode first = fetch(",\"startFrom\":\"beforeFirstRecord\",\"skipRecords\":1,\"fetchRecords\":1");
		assertThat(quantities(first)).containsExactly(2);
	}

	@Test
	void aBookmarkIsRefusedRatherThanIgnored() {
		JsonNode answer = this.client.call("getRecordsFromCursor", "{\"cursorId\":\"" + this.cursorId
				+ "\",\"startFrom\":\"beforeFirstRecord\",\"id\":2084,\"bookmark\":\"000000FF\"}");
		assertThat(answer.path("errorCode").asInt()).isEqualTo(99046);
		assertThat(answer.path("errorMessage").asString())
			.isEqualTo("'id' of getRecordsFromCursor is not emulated: FairCom does not document what it does.");
		assertThat(quantities(fetch(",\"fetchRecords\":1"))).as("the refused request did not move the cursor")
			.containsExactly(1);
	}
}
