package io.github.faircomclient.it;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.github.faircomclient.FairComApiException;
import io.github.faircomclient.FairComDuplicateKeyException;
import io.github.faircomclient.FairComProtocolException;
import io.github.faircomclient.FairComServerBusyException;
import io.github.faircomclient.FairComTimeoutException;
import io.github.faircomclient.admin.SessionDescription;
import io.github.faircomclient.autoconfigure.FairComAutoConfiguration;
import io.github.faircomclient.core.FairComTemplate;
import io.github.faircomclient.db.DbOperations;
import io.github.faircomclient.db.FieldDefinition;
import io.github.faircomclient.db.IndexDefinition;
import io.github.faircomclient.db.IndexField;
import io.github.faircomclient.db.TableDefinition;
import io.github.faircomclient.test.FairComEmulator;
import io.github.faircomclient.test.Fault;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The effect of each {@code faircom.*} property, set through the auto-configuration, on
 * the wire or in time against the emulator (or a server that stays silent): if a property
 * dropped out of the wiring, its test here fails. Properties whose effect other classes
 * show through the auto-configuration: {@code url}, {@code username}, {@code password}
 * (most integration tests), {@code ssl.bundle} ({@code TlsIntegrationTests},
 * {@code SslBundleStoresIntegrationTests}), {@code ssl.verify-hostname}
 * ({@code TlsIntegrationTests}), {@code session.token} ({@code ActuatorEndpointsIntegrationTests},
 * {@code FairComAutoConfigurationTests}), {@code db.max-records}, {@code db.batch-size},
 * {@code error-codes.change-id-conflict} ({@code DbAutoConfigurationIntegrationTests}),
 * {@code health.timeout} ({@code HealthIntegrationTests}), {@code enabled} and the backoff
 * settings ({@code FairComAutoConfigurationTests}, {@code FairComReliabilityAutoConfigurationTests}).
 */
class PropertyEffectsIntegrationTests {

	private FairComEmulator emulator;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, FairComAutoConfiguration.class));

	@BeforeEach
	void start() {
		this.emulator = FairComEmulator.builder().httpPort(0).user("app", "secret").build().start();
	}

	@AfterEach
	void stop() {
		this.emulator.close();
	}

	private ApplicationContextRunner configured(String... properties) {
		return this.runner
			.withPropertyValues("faircom.url=" + this.emulator.httpUrl(), "faircom.username=app",
					"faircom.password=secret")
			.withPropertyValues(properties);
	}

	private static FairComTemplate template(org.springframework.context.ApplicationContext context) {
		return context.getBean(FairComTemplate.class);
	}

	@Test
	void connectTimeoutBoundsOpeningAConnection() throws IOException {
		try (FullBacklogServer server = new FullBacklogServer()) {
			this.runner
				.withPropertyValues("faircom.url=http://127.0.0.1:" + server.port() + "/api",
						"faircom.session.token=permanent", "faircom.connect-timeout=300ms",
						"faircom.retry.enabled=false")
				.run((context) -> {
					long start = System.nanoTime();
					assertThatExceptionOfType(FairComTimeoutException.class)
						.isThrownBy(() -> template(context).execute("db", "listTables", null))
						.satisfies((ex) -> assertThat(ex.getType()).isEqualTo(FairComTimeoutException.Type.CONNECT));
					assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(250),
							Duration.ofMillis(2500));
				});
		}
	}

	@Test
	void readTimeoutAndCallTimeoutBoundTheWaitForAnAnswer() throws IOException {
		try (SilentServer server = new SilentServer()) {
			this.runner
				.withPropertyValues("faircom.url=http://127.0.0.1:" + server.port() + "/api",
						"faircom.session.token=permanent", "faircom.read-timeout=400ms", "faircom.call-timeout=800ms")
				.run((context) -> {
					assertThatExceptionOfType(FairComTimeoutException.class)
						.isThrownBy(() -> template(context).execute("db", "insertRecords", null))
						.satisfies((ex) -> {
							assertThat(ex.getType()).isEqualTo(FairComTimeoutException.Type.READ);
							assertThat(ex.getMessage()).contains("read timeout of 400ms (faircom.read-timeout)");
						});
					assertThatExceptionOfType(FairComTimeoutException.class)
						.isThrownBy(() -> template(context).execute("db", "listTables", null))
						.satisfies((ex) -> {
							assertThat(ex.getType()).isEqualTo(FairComTimeoutException.Type.CALL);
							assertThat(ex.getMessage()).contains("call timeout of 800ms (faircom.call-timeout");
						});
				});
		}
	}

	@Test
	void maxResponseSizeAndMaxResponseValuesRefuseLargerAnswers() {
		configured().run((context) -> {
			DbOperations db = template(context).db();
			db.createTable(TableDefinition.builder("notes").field(FieldDefinition.varchar("text", 200)).build());
			db.insert("notes", IntStream.range(0, 20).mapToObj((i) -> Map.of("text", "x".repeat(150))).toList());
			assertThat(template(context).execute("db", "getRecordsByTable", Map.of("tableName", "notes"))
				.resultArray("data")).hasSize(20);
		});
		configured("faircom.max-response-size=2KB").run((context) -> assertThatExceptionOfType(
				FairComProtocolException.class)
			.isThrownBy(() -> template(context).execute("db", "getRecordsByTable", Map.of("tableName", "notes")))
			.satisfies((ex) -> {
				assertThat(ex.getKind()).isEqualTo(FairComProtocolException.Kind.TOO_LARGE);
				assertThat(ex.getMessage()).contains("2048 bytes", "faircom.max-response-size");
			}));
		configured("faircom.max-response-values=60").run((context) -> assertThatExceptionOfType(
				FairComProtocolException.class)
			.isThrownBy(() -> template(context).execute("db", "getRecordsByTable", Map.of("tableName", "notes")))
			.satisfies((ex) -> {
				assertThat(ex.getKind()).isEqualTo(FairComProtocolException.Kind.TOO_LARGE);
				assertThat(ex.getMessage()).contains("faircom.max-response-values");
			}));
	}

	@Test
	void poolMaxConnectionsAndAcquireTimeoutBoundConcurrentCalls() {
		configured("faircom.pool.max-connections=1", "faircom.pool.acquire-timeout=300ms").run((context) -> {
			FairComTemplate template = template(context);
			template.admin().pingSession();
			this.emulator.faults().latency(Duration.ofMillis(1500));
			CompletableFuture<?> busy = CompletableFuture.runAsync(() -> template.execute("db", "listTables", null));
			Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> this.emulator.actionCount("listTables") == 1);
			long start = System.nanoTime();
			assertThatExceptionOfType(FairComTimeoutException.class)
				.isThrownBy(() -> template.execute("db", "listDatabases", null))
				.satisfies((ex) -> {
					assertThat(ex.getType()).isEqualTo(FairComTimeoutException.Type.CONNECTION_POOL);
					assertThat(ex.getMessage()).contains("within 300ms");
				});
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1400));
			busy.join();
			this.emulator.faults().latency(Duration.ZERO);
		});
	}

	@Test
	void retryEnabledAndMaxAttemptsDecideHowOftenACallIsSent() {
		assertSentTimes(3, true, "faircom.retry.max-attempts=3");
		assertSentTimes(2, false, "faircom.retry.max-attempts=2");
		assertSentTimes(1, false, "faircom.retry.enabled=false");
	}

	private void assertSentTimes(int times, boolean succeeds, String property) {
		configured(property).run((context) -> {
			FairComTemplate template = template(context);
			template.admin().pingSession();
			this.emulator.resetActionCounts();
			this.emulator.faults().failNext(2, Fault.http500());
			if (succeeds) {
				template.execute("db", "listTables", null);
			}
			else {
				assertThatExceptionOfType(FairComProtocolException.class)
					.isThrownBy(() -> template.execute("db", "listTables", null))
					.satisfies((ex) -> assertThat(ex.getHttpStatus()).isEqualTo(500));
			}
			assertThat(this.emulator.actionCount("listTables")).as(property).isEqualTo(times);
			this.emulator.faults().clear();
		});
	}

	@Test
	void maxRetryAfterDecidesWhichRetryAfterIsWaitedFor() {
		configured("faircom.retry.max-retry-after=1s").run((context) -> {
			FairComTemplate template = template(context);
			template.admin().pingSession();
			this.emulator.resetActionCounts();
			this.emulator.faults().failNext(Fault.tooManyRequests(Duration.ofSeconds(3)));
			assertThatExceptionOfType(FairComServerBusyException.class)
				.isThrownBy(() -> template.execute("db", "listTables", null));
			assertThat(this.emulator.actionCount("listTables")).as("not waited for").isOne();
		});
		configured("faircom.retry.max-retry-after=3s").run((context) -> {
			FairComTemplate template = template(context);
			template.admin().pingSession();
			this.emulator.resetActionCounts();
			this.emulator.faults().failNext(Fault.tooManyRequests(Duration.ofSeconds(1)));
			long start = System.nanoTime();
			template.execute("db", "listTables", null);
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
			assertThat(this.emulator.actionCount("listTables")).isEqualTo(2);
		});
	}

	@Test
	void sessionLoginDecidesWhenTheSessionIsCreated() {
		configured("faircom.session.login=eager")
			.run((context) -> assertThat(this.emulator.sessions()).as("logged in at startup").hasSize(1));
		configured("faircom.session.login=lazy").run((context) -> {
			assertThat(this.emulator.sessions()).isEmpty();
			template(context).admin().pingSession();
			assertThat(this.emulator.sessions()).hasSize(1);
		});
	}

	@Test
	void everySessionSettingReachesCreateSession() {
		this.emulator.addUser("reporter", "pw");
		configured("faircom.username=reporter", "faircom.password=pw", "faircom.session.description=nightly report",
				"faircom.session.idle-timeout=1500ms", "faircom.session.cursor-idle-timeout=-1",
				"faircom.session.default-api=db", "faircom.session.default-database=faircom",
				"faircom.session.default-owner=reports", "faircom.session.default-debug=max",
				"faircom.session.default-binary-format=base64", "faircom.session.default-variant-format=binary",
				"faircom.session.default-response-options.numberFormat=string",
				"faircom.session.default-response-options.includeBookmarks=true")
			.run((context) -> {
				FairComTemplate template = template(context);
				SessionDescription session = template.admin().describeSessions().get(0);
				assertThat(session.description()).isEqualTo("nightly report");
				assertThat(session.idleConnectionTimeout()).as("rounded up to whole seconds")
					.isEqualTo(Duration.ofSeconds(2));
				assertThat(session.idleCursorTimeout()).isEqualTo(Duration.ofSeconds(-1));
				assertThat(session.defaultApi()).isEqualTo("db");
				assertThat(session.defaultDatabaseName()).isEqualTo("faircom");
				assertThat(session.defaultOwnerName()).isEqualTo("reports");
				assertThat(session.defaultDebug()).isEqualTo("max");
				assertThat(session.defaultBinaryFormat()).isEqualTo("base64");
				JsonNode details = session.details();
				assertThat(details.path("defaultVariantFormat").asString()).isEqualTo("binary");
				assertThat(details.at("/defaultResponseOptions/numberFormat").asString()).isEqualTo("string");
				assertThat(details.at("/defaultResponseOptions/includeBookmarks").isBoolean()).isTrue();
				assertThat(template.execute(null, "listTables", null).isSuccess())
					.as("actions that name no api use the default api").isTrue();
			});
	}

	@Test
	void keepalivePingsAnIdleSessionOnlyWhenOn() {
		configured("faircom.session.idle-timeout=2", "faircom.session.keepalive=true").run((context) -> {
			template(context).admin().describeSessions();
			this.emulator.resetActionCounts();
			Awaitility.await()
				.atMost(Duration.ofSeconds(5))
				.until(() -> this.emulator.actionCount("pingSession") >= 1);
		});
		configured("faircom.session.idle-timeout=2", "faircom.session.keepalive=false").run((context) -> {
			template(context).admin().describeSessions();
			this.emulator.resetActionCounts();
			Awaitility.await()
				.during(Duration.ofMillis(2500))
				.atMost(Duration.ofSeconds(4))
				.until(() -> this.emulator.actionCount("pingSession") == 0);
		});
	}

	@Test
	void dbFetchSizeBinaryFormatAndNumberFormatShapeTheRequests() {
		configured("faircom.db.fetch-size=2", "faircom.db.binary-format=hex", "faircom.db.number-format=number")
			.run((context) -> {
				DbOperations db = template(context).db();
				db.createTable(TableDefinition.builder("parts")
					.field(FieldDefinition.integer("qty"))
					.field(FieldDefinition.varbinary("code", 8))
					.build());
				db.insert("parts", IntStream.range(0, 5)
					.mapToObj((i) -> Map.of("qty", i, "code", new byte[] { (byte) 0xAB, (byte) i }))
					.toList());
				long before = this.emulator.actionCount("getRecordsFromCursor");
				List<JsonNode> parts;
				try (var stream = db.getRecordsByTable("parts").stream(JsonNode.class)) {
					parts = stream.toList();
				}
				assertThat(parts).hasSize(5);
				assertThat(this.emulator.actionCount("getRecordsFromCursor") - before).as("pages of 2")
					.isGreaterThanOrEqualTo(2);
				assertThat(parts.get(1).get("qty").isNumber()).as("numberFormat number").isTrue();
				assertThat(parts.get(1).get("code").asString()).as("binaryFormat hex").isEqualTo("AB01");
			});
	}

	@Test
	void errorCodeListsReplaceTheDocumentedCodes() {
		configured().run((context) -> {
			DbOperations db = template(context).db();
			db.createTable(TableDefinition.builder("skus").field(FieldDefinition.varchar("sku", 20)).build());
			db.createIndex(
					IndexDefinition.builder("skus", "sku_unique").field(IndexField.of("sku")).unique(true).build());
			db.insert("skus", List.of(Map.of("sku", "A")));
			assertThatExceptionOfType(FairComDuplicateKeyException.class)
				.isThrownBy(() -> db.insert("skus", List.of(Map.of("sku", "A"))));
		});
		configured("faircom.error-codes.duplicate-key=").run((context) -> assertThatExceptionOfType(
				FairComApiException.class)
			.isThrownBy(() -> template(context).db().insert("skus", List.of(Map.of("sku", "A"))))
			.isExactlyInstanceOf(FairComApiException.class));
	}

	/**
	 * A server that accepts connections and never answers.
	 */
	static final class SilentServer implements AutoCloseable {

		private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());

		private final List<Socket> accepted = new ArrayList<>();

		SilentServer() throws IOException {
			Thread acceptor = new Thread(() -> {
				try {
					while (true) {
						Socket client = this.socket.accept();
						synchronized (this.accepted) {
							this.accepted.add(client);
						}
					}
				}
				catch (IOException ex) {
					// closed
				}
			}, "silent-server");
			acceptor.setDaemon(true);
			acceptor.start();
		}

		int port() {
			return this.socket.getLocalPort();
		}

		@Override
		public void close() throws IOException {
			this.socket.close();
			synchronized (this.accepted) {
				for (Socket client : this.accepted) {
					client.close();
				}
			}
		}

	}

	/**
	 * A listening socket that never accepts, with its backlog filled: further connection
	 * attempts get no answer, as from a host that drops packets.
	 */
	static final class FullBacklogServer implements AutoCloseable {

		private final ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());

		private final List<Socket> fillers = new ArrayList<>();

		FullBacklogServer() throws IOException {
			for (int i = 0; i < 16; i++) {
				Socket filler = new Socket();
				try {
					filler.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port()), 200);
					this.fillers.add(filler);
				}
				catch (IOException ex) {
					filler.close();
					return;
				}
			}
			throw new IllegalStateException("The backlog did not fill up");
		}

		int port() {
			return this.socket.getLocalPort();
		}

		@Override
		public void close() throws IOException {
			for (Socket filler : this.fillers) {
				filler.close();
			}
			this.socket.close();
		}

	}

}
