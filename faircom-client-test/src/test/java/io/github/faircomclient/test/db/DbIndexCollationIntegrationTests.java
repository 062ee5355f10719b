package io.github.faircomclient.test.db;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Index collation over HTTP: a unique caseInsensitive index refuses {@code BOLT} next to {@code bolt}
 * with the duplicate-key code, and its cursor walks the keys in upper-case order both ways.
 */
class DbIndexCollationIntegrationTests {

	private DbClient client;

	@BeforeEach
	void start() {
		this.client = new DbClient();
		this.client.result("createTable", "{\"tableName\":\"parts\",\"fields\":[{\"name\":\"name\",\"type\":\"varchar\","
				+ "\"length\":20}]}");
		this.client.result("createIndex", "{\"tableName\":\"parts\",\"indexName\":\"name\",\"unique\":true,"
				+ "\"fields\":[{\"name\":\"name\",\"caseInsensitive\":true}]}");
	}

	@AfterEach
	void stop() {
		this.client.close();
	}

	@Test
	void theSameWordInAnotherCaseIsADuplicateKey() {
		this.client.result("insertRecords", "{\"tableName\":\"parts\",\"sourceData\":[{\"name\":\"bolt\"}]}");
		JsonNode answer = this.client.call("insertRecords", "{\"tableName\":\"parts\",\"sourceData\":[{\"name\":\"nut\"},"
				+ "{\"name\":\"BOLT\"}]}");
		assertThat(answer.path("errorCode").asInt()).isEqualTo(2);
		assertThat(answer.path("errorMessage").asString())
			.isEqualTo("Duplicate key: the value of unique index 'name' already exists in table 'parts'.");
		assertThat(answer.has("result")).isFalse();
		assertThat(this.client.result("getRecordsByTable", "{\"tableName\":\"parts\"}").path("data"))
			.as("nothing of the failed request is kept").extracting((row) -> row.get("name").asString())
			.containsExactly("bolt");
	}

	@Test
	void aCursorWalksTheKeysInUpperCaseOrder() {
		this.client.result("insertRecords", "{\"tableName\":\"parts\",\"sourceData\":[{\"name\":\"nut\"},"
				+ "{\"name\":\"Bolt\"},{\"name\":\"axe\"},{\"name\":\"Nail\"}]}");
		String cursorId = this.client.result("getRecordsByIndex", "{\"tableName\":\"parts\",\"indexName\":\"name\","
				+ "\"returnCursor\":true}").path("cursorId").asString();
		JsonNode forward = this.client.result("getRecordsFromCursor", "{\"cursorId\":\"" + cursorId
				+ "\",\"fetchRecords\":10}");
		assertThat(forward.path("data")).extracting((row) -> row.get("name").asString())
			.containsExactly("axe", "Bolt", "Nail", "nut");
		JsonNode backward = this.client.result("getRecordsFromCursor", "{\"cursorId\":\"" + cursorId
				+ "\",\"startFrom\":\"afterLastRecord\",\"fetchRecords\":-2}");
		assertThat(backward.path("data")).extracting((row) -> row.get("name").asString()).containsExactly("nut", "Nail");
	}
}
