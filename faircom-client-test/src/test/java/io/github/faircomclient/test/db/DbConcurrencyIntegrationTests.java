package io.github.faircomclient.test.db;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several sessions insert, query and use transactions at the same time; the final counts are exact.
 */
class DbConcurrencyIntegrationTests {

	private static final int SESSIONS = 4;

	private static final int BATCHES = 25;

	private static final int BATCH_SIZE = 20;

	private DbClient client;

	@BeforeEach
	void start() {
		this.client = new DbClient();
		this.client.result("createTable", "{\"tableName\":\"events\",\"fields\":[{\"name\":\"worker\",\"type\":\"integer\"},"
				+ "{\"name\":\"seq\",\"type\":\"integer\"}]}");
	}

	@AfterEach
	void stop() {
		this.client.close();
	}

	private int work(int worker) {
		String token = this.client.login();
		int seen = 0;
		for (int batch = 0; batch < BATCHES; batch++) {
			StringBuilder rows = new StringBuilder();
			for (int i = 0; i < BATCH_SIZE; i++) {
				rows.append((i > 0) ? "," : "").append('[').append(worker).append(',').append(batch * BATCH_SIZE + i)
					.append(']');
			}
			JsonNode inserted = this.client.call(token, "insertRecords", "{\"tableName\":\"events\",\"dataFormat\":\"arrays\","
					+ "\"fieldNames\":[\"worker\",\"seq\"],\"sourceData\":[" + rows + "]}");
			assertThat(inserted.path("errorCode").asInt()).as(inserted.toString()).isZero();
			JsonNode mine = this.client.call(token, "getRecordsUsingSQL", "{\"sql\":\"SELECT COUNT(*) AS n FROM events "
					+ "WHERE worker = ?\",\"sqlParams\":[" + worker + "]}");
			seen = mine.path("result").path("data").get(0).path("n").asInt();
			assertThat(seen).isEqualTo((batch + 1) * BATCH_SIZE);
			JsonNode page = this.client.call(token, "getRecordsByTable", "{\"tableName\":\"events\",\"maxRecords\":5}");
			assertThat(page.path("result").path("data")).hasSize(5);
		}
		String rolledBack = this.client.call(token, "createTransaction", "{}").path("result").path("transactionId").asString();
		this.client.call(token, "insertRecords", "{\"tableName\":\"events\",\"transactionId\":\"" + rolledBack
				+ "\",\"sourceData\":[{\"worker\":" + worker + ",\"seq\":-1}]}");
		this.client.call(token, "rollbackTransaction", "{\"transactionId\":\"" + rolledBack + "\"}");
		String committed = this.client.call(token, "createTransaction", "{}").path("result").path("transactionId").asString();
		for (int i = 0; i < 10; i++) {
			assertThat(this.client.call(token, "insertRecords", "{\"tableName\":\"events\",\"transactionId\":\"" + committed
					+ "\",\"sourceData\":[{\"worker\":" + worker + ",\"seq\":" + (1000 + i) + "}]}").path("errorCode")
				.asInt()).isZero();
		}
		assertThat(this.client.call(token, "commitTransaction", "{\"transactionId\":\"" + committed + "\"}")
			.path("errorCode").asInt()).isZero();
		this.client.logout(token);
		return seen;
	}

	@Test
	void sessionsInsertAndQueryAtOnce() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(SESSIONS);
		try {
			List<Future<Integer>> results = new ArrayList<>();
			for (int worker = 0; worker < SESSIONS; worker++) {
				int id = worker;
				results.add(pool.submit(() -> work(id)));
			}
			for (Future<Integer> result : results) {
				assertThat(result.get(60, TimeUnit.SECONDS)).isEqualTo(BATCHES * BATCH_SIZE);
			}
		}
		finally {
			pool.shutdownNow();
		}
		JsonNode totals = this.client.result("getRecordsUsingSQL", "{\"sql\":\"SELECT worker, COUNT(*) AS n, "
				+ "COUNT(DISTINCT id) AS ids FROM events GROUP BY worker ORDER BY worker\"}");
		assertThat(totals.path("data")).hasSize(SESSIONS);
		for (JsonNode row : totals.path("data")) {
			assertThat(row.path("n").asInt()).isEqualTo(BATCHES * BATCH_SIZE + 10);
			assertThat(row.path("ids").asInt()).isEqualTo(BATCHES * BATCH_SIZE + 10);
		}
		assertThat(this.client.result("getRecordsByTable", "{\"tableName\":\"events\",\"maxRecords\":1}")
			.path("totalRecordCount").asInt()).isEqualTo(SESSIONS * (BATCHES * BATCH_SIZE + 10));
		assertThat(this.client.plugin().openTransactions()).isEmpty();
		assertThat(this.client.plugin().openCursors()).isEmpty();
	}
}
