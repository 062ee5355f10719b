package io.github.faircomclient.sample;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import io.github.faircomclient.sample.inventory.Inventory;
import io.github.faircomclient.test.FairComEmulator;
import io.github.faircomclient.test.autoconfigure.AutoConfigureFairComEmulator;
import io.github.faircomclient.test.db.DbPlugin;
import io.github.faircomclient.test.mq.MqPlugin;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample starts on the embedded emulator of {@code @AutoConfigureFairComEmulator} (no
 * configuration of its own), its endpoints work, its health follows the
 * server, and its metrics show one timer per FairCom action it used.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureFairComEmulator(username = InventoryApplicationTests.USERNAME, password = "sample-password")
class InventoryApplicationTests {

	static final String USERNAME = "sample";

	private static final JsonMapper json = JsonMapper.builder().build();

	/**
	 * The MQ actions of the order events, whose listener polls all the time.
	 */
	private static final Set<String> MQ_ACTIONS = Set.of("publishMessagesToMq", "getMessagesFromMqApiSession",
			"createMqApiSession", "describeMqSessions", "subscribeToMq");

	@LocalServerPort
	private int port;

	@Autowired
	private FairComEmulator emulator;

	@Autowired
	private Inventory inventory;

	@Autowired
	private MeterRegistry meterRegistry;

	private RestClient http;

	@BeforeEach
	void client() {
		this.http = RestClient.builder().baseUrl("http://localhost:" + this.port).build();
	}

	private Response call(HttpMethod method, String path, Object body) {
		RestClient.RequestBodySpec request = this.http.method(method).uri(path);
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).body(json.writeValueAsString(body));
		}
		ResponseEntity<String> response = request.retrieve()
			.onStatus((status) -> true, (req, res) -> {
			})
			.toEntity(String.class);
		return new Response(response.getStatusCode(), response.getHeaders().getContentType(),
				(response.getBody() != null) ? response.getBody() : "");
	}

	private Response get(String path) {
		return call(HttpMethod.GET, path, null);
	}

	private Response post(String path, Object body) {
		return call(HttpMethod.POST, path, body);
	}

	private void addItem(String sku, int qty, String price) {
		assertThat(post("/items", Map.of("sku", sku, "name", "Item " + sku, "qty", qty, "price", price)).status())
			.isEqualTo(HttpStatusCode.valueOf(201));
	}

	private DbPlugin db() {
		return this.emulator.plugin(DbPlugin.class).orElseThrow();
	}

	@Test
	void startupCreatedTheTableOnceWithItsIndex() {
		assertThat(this.emulator.actionCount("createTable")).isOne();
		assertThat(this.emulator.actionCount("createIndex")).isOne();
		assertThat(this.inventory.createTableIfMissing()).as("the table exists now").isFalse();
	}

	@Test
	void addsAnItemAndRefusesDuplicatesAndInvalidOnes() {
		Response created = post("/items",
				Map.of("sku", "BOLT-M6", "name", "Bolt M6, zinc", "qty", 120, "price", "0.35"));
		assertThat(created.status()).isEqualTo(HttpStatusCode.valueOf(201));
		JsonNode item = created.json();
		assertThat(item.get("sku").asString()).isEqualTo("BOLT-M6");
		assertThat(item.get("name").asString()).isEqualTo("Bolt M6, zinc");
		assertThat(item.get("qty").asInt()).isEqualTo(120);
		assertThat(item.get("price").decimalValue()).isEqualByComparingTo("0.35");
		assertThat(item.get("id").asLong()).isPositive();
		assertThat(item.get("created").asString()).isNotBlank();
		assertThat(get("/items/BOLT-M6").json()).isEqualTo(item);
		assertThat(post("/items", Map.of("sku", "BOLT-M6", "name", "again", "qty", 1, "price", "1")).status())
			.isEqualTo(HttpStatusCode.valueOf(409));
		assertThat(post("/items", Map.of("sku", "", "name", "no sku", "qty", 1, "price", "1")).status())
			.isEqualTo(HttpStatusCode.valueOf(400));
		assertThat(get("/items/NO-SUCH-SKU").status()).isEqualTo(HttpStatusCode.valueOf(404));
	}

	@Test
	void pagesThroughTheItemsInSkuOrderWithAClosedCursorPerPage() {
		for (int i = 1; i <= 7; i++) {
			addItem("PAGE-" + i, i, "1.00");
		}
		List<String> all = skus(get("/items?limit=100").json());
		assertThat(all).isSorted().contains("PAGE-1", "PAGE-7");
		List<String> paged = new ArrayList<>();
		int offset = 0;
		boolean more = true;
		while (more) {
			JsonNode page = get("/items?offset=" + offset + "&limit=3").json();
			List<String> skus = skus(page);
			assertThat(skus).hasSizeLessThanOrEqualTo(3);
			paged.addAll(skus);
			more = page.get("more").asBoolean();
			assertThat(skus).hasSize(more ? 3 : all.size() - offset);
			offset += 3;
		}
		assertThat(paged).isEqualTo(all);
		assertThat(get("/items?limit=0").status()).isEqualTo(HttpStatusCode.valueOf(400));
		assertThat(db().openCursors()).isEmpty();
	}

	@Test
	void lowStockIsASqlQueryWithAParameter() {
		addItem("LOW-A", 1, "2.00");
		addItem("LOW-B", 0, "2.00");
		addItem("LOW-C", 500, "2.00");
		long before = this.emulator.actionCount("getRecordsUsingSQL");
		List<String> low = new ArrayList<>();
		for (JsonNode item : get("/items/low-stock?below=2").json()) {
			assertThat(item.get("qty").asInt()).isLessThan(2);
			low.add(item.get("sku").asString());
		}
		assertThat(low).contains("LOW-A", "LOW-B").doesNotContain("LOW-C");
		assertThat(low.indexOf("LOW-B")).isLessThan(low.indexOf("LOW-A"));
		assertThat(this.emulator.actionCount("getRecordsUsingSQL")).isEqualTo(before + 1);
	}

	@Test
	void exportStreamsEveryItemAsCsvFromACursorThatIsClosedAfterwards() {
		addItem("CSV-1", 3, "9.99");
		addItem("CSV,2", 4, "1.5");
		int count = skus(get("/items?limit=100").json()).size();
		Response export = get("/items/export");
		assertThat(export.status()).isEqualTo(HttpStatusCode.valueOf(200));
		assertThat(export.contentType().toString()).startsWith("text/csv");
		String[] lines = export.body().split("\n");
		assertThat(lines[0]).isEqualTo("sku,name,qty,price");
		assertThat(lines).hasSize(count + 1).contains("CSV-1,Item CSV-1,3,9.9900", "\"CSV,2\",\"Item CSV,2\",4,1.5000");
		assertThat(db().openCursors()).isEmpty();
	}

	@Test
	void anOrderTakesStockInOneTransactionOrNotAtAll() {
		addItem("ORDER-A", 5, "3.00");
		addItem("ORDER-B", 1, "4.00");
		Response placed = post("/orders",
				Map.of("lines", List.of(Map.of("sku", "ORDER-A", "qty", 2), Map.of("sku", "ORDER-B", "qty", 1))));
		assertThat(placed.status()).isEqualTo(HttpStatusCode.valueOf(200));
		assertThat(placed.json().get(0).get("qty").asInt()).isEqualTo(3);
		assertThat(placed.json().get(1).get("qty").asInt()).isZero();
		long rollbacks = this.emulator.actionCount("rollbackTransaction");
		Response refused = post("/orders",
				Map.of("lines", List.of(Map.of("sku", "ORDER-A", "qty", 1), Map.of("sku", "ORDER-B", "qty", 1))));
		assertThat(refused.status()).isEqualTo(HttpStatusCode.valueOf(409));
		assertThat(refused.json().get("detail").asString()).isEqualTo("Only 0 of ORDER-B in stock, 1 requested");
		assertThat(get("/items/ORDER-A").json().get("qty").asInt()).as("rolled back").isEqualTo(3);
		assertThat(this.emulator.actionCount("rollbackTransaction")).isEqualTo(rollbacks + 1);
		assertThat(post("/orders", Map.of("lines", List.of(Map.of("sku", "NOPE", "qty", 1)))).status())
			.isEqualTo(HttpStatusCode.valueOf(404));
		assertThat(db().openTransactions()).isEmpty();
	}

	@Test
	void aPlacedOrderIsPublishedAndTheListenerConsumesIt() {
		addItem("EVENT-A", 4, "2.50");
		assertThat(post("/orders", Map.of("lines", List.of(Map.of("sku", "EVENT-A", "qty", 3)))).status())
			.isEqualTo(HttpStatusCode.valueOf(200));
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> get("/orders/events").body().contains("EVENT-A"));
		JsonNode event = get("/orders/events").json().get(0);
		assertThat(event.at("/order/lines/0/sku").asString()).isEqualTo("EVENT-A");
		assertThat(event.at("/order/lines/0/qty").asInt()).isEqualTo(3);
		assertThat(event.at("/order/orderId").asString()).hasSize(36);
		assertThat(this.emulator.plugin(MqPlugin.class).orElseThrow().messages(Inventory.ORDERS_TOPIC))
			.extracting(MqPlugin.Message::payloadText)
			.anySatisfy((payload) -> assertThat(payload).contains("EVENT-A"));
		assertThat(post("/orders", Map.of("lines", List.of(Map.of("sku", "EVENT-A", "qty", 9)))).status())
			.isEqualTo(HttpStatusCode.valueOf(409));
		assertThat(get("/orders/events").json()).as("a refused order publishes nothing")
			.noneMatch((other) -> other.at("/order/lines/0/qty").asInt() == 9);
	}

	@Test
	void sessionsEndpointShowsTheAccountButNoToken() {
		Response sessions = get("/sessions");
		assertThat(sessions.json().get(0).get("username").asString())
			.isEqualToIgnoringCase(USERNAME);
		assertThat(sessions.json().get(0).get("description").asString()).startsWith("faircom-sample");
		this.emulator.sessions()
			.forEach((session) -> assertThat(sessions.body()).doesNotContain(session.authToken()));
	}

	@Test
	void healthShowsTheFaircomComponentGoesDownWithTheServerAndUpWhenItIsBack() {
		get("/items?limit=1");
		Response up = get("/actuator/health");
		assertThat(up.status()).isEqualTo(HttpStatusCode.valueOf(200));
		JsonNode faircom = up.json().at("/components/faircom");
		assertThat(faircom.get("status").asString()).isEqualTo("UP");
		assertThat(faircom.at("/details/url").asString()).isEqualTo(this.emulator.httpUrl().toString());
		assertThat(faircom.at("/details/session").asString()).isEqualTo("active");
		assertThat(faircom.at("/details/serverVersion").asString()).startsWith("FairCom JSON Action API emulator");
		assertThat(faircom.at("/details/lastLogin/outcome").asString()).isEqualTo("success");
		this.emulator.stop();
		try {
			Response down = get("/actuator/health");
			assertThat(down.status()).isEqualTo(HttpStatusCode.valueOf(503));
			assertThat(down.json().at("/components/faircom/status").asString()).isEqualTo("DOWN");
			assertThat(down.json().at("/components/faircom/details/error").asString())
				.startsWith("io.github.faircomclient.FairCom");
		}
		finally {
			this.emulator.start();
		}
		assertThat(get("/actuator/health").json().at("/components/faircom/status").asString()).isEqualTo("UP");
		assertThat(get("/items?limit=1").status()).as("the next call logs in again")
			.isEqualTo(HttpStatusCode.valueOf(200));
	}

	@Test
	void metricsShowOneTimerPerActionUsedCountingEveryCall() {
		Map<String, Long> before = timerCountsByAction();
		this.emulator.resetActionCounts();
		addItem("METRIC-1", 2, "1.00");
		get("/items?limit=5");
		get("/items/low-stock");
		get("/items/export");
		post("/orders", Map.of("lines", List.of(Map.of("sku", "METRIC-1", "qty", 1))));
		get("/actuator/health");
		Map<String, Long> used = new TreeMap<>(this.emulator.actionCounts());
		used.keySet().removeAll(Set.of("createSession", "deleteSession"));
		used.keySet().removeIf(MQ_ACTIONS::contains);
		used.values().removeIf((count) -> count == 0);
		Map<String, Long> observed = new TreeMap<>();
		timerCountsByAction().forEach((action, count) -> {
			long delta = count - before.getOrDefault(action, 0L);
			if (delta > 0 && !MQ_ACTIONS.contains(action)) {
				observed.put(action, delta);
			}
		});
		assertThat(observed).isEqualTo(used).containsKeys("insertRecords", "getRecordsByIndex",
				"getRecordsFromCursor", "closeCursor", "getRecordsUsingSQL", "createTransaction", "updateRecords",
				"commitTransaction", "getRecordsInKeyRange", "pingSession");
		for (String action : used.keySet()) {
			assertThat(this.meterRegistry.get("faircom.client.requests")
				.tags("faircom.api", "pingSession".equals(action) ? "admin" : "db", "faircom.action", action,
						"outcome", "SUCCESS", "faircom.error.code", "0")
				.timer()
				.count()).as(action).isPositive();
		}
		JsonNode metric = get("/actuator/metrics/faircom.client.requests").json();
		List<String> tags = new ArrayList<>();
		metric.get("availableTags").forEach((tag) -> tags.add(tag.get("tag").asString()));
		assertThat(tags).contains("faircom.api", "faircom.action", "outcome", "faircom.error.code");
		assertThat(get("/actuator/metrics/faircom.client.sessions.live").json().at("/measurements/0/value").asDouble())
			.isEqualTo(1.0);
	}

	private Map<String, Long> timerCountsByAction() {
		Map<String, Long> counts = new HashMap<>();
		for (Timer timer : this.meterRegistry.find("faircom.client.requests").timers()) {
			counts.merge(timer.getId().getTag("faircom.action"), timer.count(), Long::sum);
		}
		return counts;
	}

	private static List<String> skus(JsonNode page) {
		List<String> skus = new ArrayList<>();
		page.get("items").forEach((item) -> skus.add(item.get("sku").asString()));
		return skus;
	}

	record Response(HttpStatusCode status, MediaType contentType, String body) {

		JsonNode json() {
			return json.readTree(this.body);
		}

	}

}
