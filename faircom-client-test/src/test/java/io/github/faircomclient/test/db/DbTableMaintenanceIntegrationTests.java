package io.github.faircomclient.test.db;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * alterTable, rebuildTables and rebuildIndexes over HTTP.
 */
class DbTableMaintenanceIntegrationTests {

	private DbClient client;

	@BeforeEach
	void start() {
		this.client = new DbClient();
		this.client.result("createTable", "{\"tableName\":\"items\",\"fields\":[{\"name\":\"name\",\"type\":\"varchar\","
				+ "\"length\":20}]}");
		this.client.result("insertRecords", "{\"tableName\":\"items\",\"sourceData\":[{\"name\":\"bolt\"}]}");
	}

	@AfterEach
	void stop() {
		this.client.close();
	}

	@Test
	void anAddedFieldIsDescribedAndUsable() {
		JsonNode altered = this.client.result("alterTable", "{\"tableName\":\"items\",\"addFields\":[{\"name\":\"price\","
				+ "\"type\":\"money\",\"length\":10,\"scale\":2,\"defaultValue\":\"0.50\"}]}");
		assertThat(altered.path("data").get(0).path("fields").get(3).path("name").asString()).isEqualTo("price");
		JsonNode price = this.client.result("describeTables", "{\"tableNames\":[\"items\"]}").path("data").get(0)
			.path("fields").get(3);
		assertThat(price.path("type").asString()).isEqualTo("money");
		assertThat(price.path("scale").asInt()).isEqualTo(2);
		this.client.result("insertRecords", "{\"tableName\":\"items\",\"sourceData\":[{\"name\":\"nut\",\"price\":1.25}]}");
		assertThat(this.client.result("getRecordsByTable", "{\"tableName\":\"items\"}").path("data"))
			.extracting((row) -> row.get("price").asDouble()).containsExactly(0.5, 1.25);
	}

	@Test
	void rebuildTablesReportsTheTablesItCouldNotRebuildAsWarnings() {
		JsonNode answer = this.client.call("rebuildTables", "{\"tableNames\":[\"missing\",\"items\"]}");
		assertThat(answer.path("errorCode").asInt()).isZero();
		assertThat(answer.path("result").path("data")).extracting((table) -> table.get("tableName").asString())
			.containsExactly("items");
		assertThat(answer.path("debugInfo").path("warnings")).singleElement().satisfies((warning) -> {
			assertThat(warning.path("code").asInt()).isEqualTo(12);
			assertThat(warning.path("message").asString()).isEqualTo("Table 'missing' not found in database 'ctreeSQL'.");
		});
		JsonNode indexes = this.client.call("rebuildIndexes", "{\"tableName\":\"items\"}");
		assertThat(indexes.path("errorCode").asInt()).isZero();
		assertThat(indexes.has("result")).isFalse();
	}
}
