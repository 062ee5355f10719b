package io.github.faircomclient.test.spi;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.faircomclient.test.ClientAuth;
import io.github.faircomclient.test.EmulatorClock;
import io.github.faircomclient.test.FairComEmulator;
import io.github.faircomclient.test.MutableEmulatorClock;
import io.github.faircomclient.test.tls.TlsMaterial;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * What part 2 (the db API) builds on: registering handlers, the request context, session attachments and
 * release callbacks, plugin discovery and introspection.
 */
class PluginIntegrationTests {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private final MutableEmulatorClock clock = EmulatorClock.fixedAtNow();

	private final RecordingPlugin plugin = new RecordingPlugin();

	private FairComEmulator emulator;

	@BeforeEach
	void start() {
		this.emulator = FairComEmulator.builder()
			.clock(this.clock)
			.permanentSessions(true)
			.plugin(this.plugin)
			.discoverPlugins(false)
			.start();
	}

	@AfterEach
	void stop() {
		this.emulator.close();
	}

	@Test
	void handlersSeeTheRequestContext() {
		String token = login("{\"defaultDatabaseName\":\"ctreeSQL\",\"defaultResponseOptions\":{\"numberFormat\":\"string\"}}");
		JsonNode answer = post("{\"api\":\"db\",\"action\":\"LISTDATABASES\",\"authToken\":\"" + token
				+ "\",\"params\":{\"partialDatabaseName\":\"ct\"},\"responseOptions\":{\"dataFormat\":\"arrays\"},\"debug\":\"min\"}");
		JsonNode result = answer.path("result");
		assertThat(result.path("database").asString()).isEqualTo("ctreeSQL");
		assertThat(result.path("partial").asString()).isEqualTo("ct");
		assertThat(result.path("action").asString()).isEqualTo("listDatabases");
		assertThat(result.path("dataFormat").asString()).isEqualTo("arrays");
		assertThat(result.path("numberFormat").asString()).isEqualTo("string");
		assertThat(result.path("binaryFormat").asString()).isEqualTo("hex");
		assertThat(result.path("debug").asString()).isEqualTo("min");
		assertThat(result.path("client").asString()).isEqualTo("127.0.0.1");
		assertThat(result.path("calls").asInt()).isEqualTo(1);
		assertThat(answer.path("debugInfo").path("serverSuppliedValues").path("databaseName").asString()).isEqualTo("ctreeSQL");
		assertThat(answer.path("debugInfo").path("warnings").get(0).path("code").asInt()).isEqualTo(7);
		assertThat(this.emulator.actionCount("listDatabases")).isEqualTo(1);
		assertThat(this.emulator.actionCounts()).containsEntry("listDatabases", 1L).containsEntry("createSession", 1L);
	}

	@Test
	void attachmentsLiveAsLongAsTheSession() {
		String token = login("{}");
		String list = "{\"api\":\"db\",\"action\":\"listDatabases\",\"authToken\":\"" + token + "\"}";
		post(list);
		assertThat(post(list).path("result").path("calls").asInt()).isEqualTo(2);
		String other = login("{}");
		assertThat(post(list.replace(token, other)).path("result").path("calls").asInt()).isEqualTo(1);
	}

	@Test
	void apiIsFoundFromTheSessionDefaultOrTheOnlyApiWithTheAction() {
		String hubSession = login("{}");
		assertThat(post("{\"action\":\"listDatabases\",\"authToken\":\"" + hubSession + "\"}").path("errorCode").asInt())
			.as("session defaultApi hub has no listDatabases; db is the only api that has it")
			.isZero();
		String dbSession = login("{\"defaultApi\":\"db\"}");
		assertThat(post("{\"action\":\"listdatabases\",\"authToken\":\"" + dbSession + "\"}").path("errorCode").asInt()).isZero();
		JsonNode wrongApi = post("{\"api\":\"admin\",\"action\":\"listDatabases\",\"authToken\":\"" + dbSession + "\"}");
		assertThat(wrongApi.path("errorCode").asInt()).isEqualTo(99007);
		assertThat(post("{\"api\":\"db\",\"action\":\"pingSession\"}").path("errorCode").asInt())
			.as("session actions answer under every api")
			.isZero();
		assertThat(post("{\"api\":\"nope\",\"action\":\"listDatabases\"}").path("errorMessage").asString())
			.isEqualTo("Unknown api 'nope'; this server offers admin, db.");
	}

	@Test
	void actionsNeedASessionByDefault() {
		JsonNode answer = post("{\"api\":\"db\",\"action\":\"listDatabases\"}");
		assertThat(answer.path("errorCode").asInt()).isEqualTo(12031);
		assertThat(this.plugin.calls).hasValue(0);
	}

	@Test
	void handlerErrorsBecomeJsonErrors() {
		String token = login("{}");
		JsonNode notFound = post("{\"api\":\"db\",\"action\":\"getRecordsStartingAtKey\",\"authToken\":\"" + token + "\"}");
		assertThat(notFound.path("errorCode").asInt()).isEqualTo(4046);
		assertThat(notFound.path("errorMessage").asString()).isEqualTo("Key not found");
		assertThat(notFound.has("result")).isFalse();
		assertThat(notFound.path("debugInfo").path("request").path("action").asString()).isEqualTo("getRecordsStartingAtKey");
		HttpResponse<String> crash = send("{\"api\":\"db\",\"action\":\"crash\",\"authToken\":\"" + token + "\"}");
		assertThat(crash.statusCode()).isEqualTo(500);
		JsonNode crashAnswer = MAPPER.readTree(crash.body());
		assertThat(crashAnswer.path("errorCode").asInt()).isEqualTo(99099);
		assertThat(crashAnswer.path("errorMessage").asString())
			.isEqualTo("Internal emulator error: java.lang.IllegalStateException: boom");
		JsonNode closed = post("{\"api\":\"db\",\"action\":\"closeCursor\",\"authToken\":\"" + token + "\",\"debug\":\"none\"}");
		assertThat(closed.toString()).isEqualTo("{\"authToken\":\"" + token + "\",\"errorCode\":0,\"errorMessage\":\"\"}");
	}

	@Test
	void releaseCallbacksRunOnDeleteExpiryAndStop() {
		String deleted = login("{}");
		String expiring = login("{\"idleConnectionTimeoutSeconds\":60}");
		String temporary = login("{}");
		String permanent = login("{\"permanentSession\":true}");
		for (String token : List.of(deleted, expiring, temporary, permanent)) {
			post("{\"api\":\"db\",\"action\":\"listDatabases\",\"authToken\":\"" + token + "\"}");
		}
		post("{\"api\":\"admin\",\"action\":\"deleteSession\",\"authToken\":\"" + deleted + "\"}");
		assertThat(this.plugin.events).containsExactly("callback DELETED", "closed", "listener DELETED ADMIN");
		this.plugin.events.clear();
		this.clock.advanceSeconds(60);
		assertThat(this.emulator.sessions()).hasSize(2);
		assertThat(this.plugin.events).containsExactly("callback EXPIRED", "closed", "listener EXPIRED ADMIN");
		this.plugin.events.clear();
		this.emulator.stop();
		assertThat(this.plugin.events).containsExactlyInAnyOrder("callback SERVER_STOPPED", "closed",
				"listener SERVER_STOPPED ADMIN", "callback SERVER_STOPPED", "closed", "listener SERVER_STOPPED ADMIN");
		this.emulator.start();
		assertThat(this.emulator.sessions()).extracting((session) -> session.authToken()).containsExactly(permanent);
		assertThat(post("{\"api\":\"db\",\"action\":\"listDatabases\",\"authToken\":\"" + permanent + "\"}")
			.path("result").path("calls").asInt()).as("a permanent session loses its attachments on restart").isEqualTo(1);
		assertThat(this.plugin.created).hasValue(4);
	}

	@Test
	void pluginsAreIntrospectable() {
		assertThat(this.emulator.plugin(RecordingPlugin.class)).containsSame(this.plugin);
		assertThat(this.emulator.plugin(EmulatorPlugin.class)).containsSame(this.plugin);
		assertThat(this.emulator.plugin(DiscoveredPlugin.class)).isEmpty();
		assertThat(this.emulator.actions().apis()).containsExactly("admin", "db");
		assertThat(this.emulator.actions().definitions()).extracting(ActionDefinition::toString)
			.contains("admin/createSession", "db/listDatabases");
	}

	@Test
	void pluginsAreDiscoveredAndClosedWithTheEmulator() {
		int closedBefore = DiscoveredPlugin.CLOSED.get();
		try (FairComEmulator discovering = FairComEmulator.builder().build()) {
			assertThat(discovering.plugin(DiscoveredPlugin.class))
				.hasValueSatisfying((found) -> assertThat(found.installed()).isTrue());
		}
		assertThat(DiscoveredPlugin.CLOSED.get()).isEqualTo(closedBefore + 1);
		DiscoveredPlugin mine = new DiscoveredPlugin();
		try (FairComEmulator configured = FairComEmulator.builder().plugin(mine).build()) {
			assertThat(configured.plugin(DiscoveredPlugin.class)).as("a configured plugin replaces a discovered one of its class")
				.containsSame(mine);
		}
	}

	@Test
	void duplicateRegistrationIsRefused() {
		assertThatIllegalStateException().isThrownBy(() -> this.emulator.actions()
			.register("ADMIN", "createsession", (context) -> ActionResult.success()))
			.withMessage("Action admin/createsession is already registered");
	}

	@Test
	void handlersSeeTheClientCertificate() {
		try (TlsMaterial tls = TlsMaterial.generate();
				FairComEmulator secure = FairComEmulator.builder().tls(tls).clientAuth(ClientAuth.WANT)
					.plugin(new RecordingPlugin())
					.discoverPlugins(false)
					.start()) {
			HttpClient http = HttpClient.newBuilder().sslContext(tls.clientSslContext("ADMIN")).build();
			JsonNode login = MAPPER.readTree(send(http, secure.httpsUrl(), "{\"action\":\"createSession\"}").body());
			String token = login.path("authToken").asString();
			JsonNode answer = MAPPER.readTree(send(http, secure.httpsUrl(),
					"{\"api\":\"db\",\"action\":\"listDatabases\",\"authToken\":\"" + token + "\"}").body());
			assertThat(answer.path("result").path("certificate").asString()).isEqualTo("ADMIN");
		}
	}

	private String login(String extraParams) {
		ObjectNode params = (ObjectNode) MAPPER.readTree(extraParams);
		params.put("username", "ADMIN").put("password", "ADMIN");
		ObjectNode request = MAPPER.createObjectNode().put("api", "admin").put("action", "createSession");
		request.set("params", params);
		JsonNode answer = post(request.toString());
		assertThat(answer.path("errorCode").asInt()).as(answer.toString()).isZero();
		return answer.path("result").path("authToken").asString();
	}

	private JsonNode post(String body) {
		return MAPPER.readTree(send(body).body());
	}

	private HttpResponse<String> send(String body) {
		return send(HttpClient.newHttpClient(), this.emulator.httpUrl(), body);
	}

	private static HttpResponse<String> send(HttpClient http, URI url, String body) {
		try {
			return http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
				.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A miniature db plugin.
	 */
	static final class RecordingPlugin implements EmulatorPlugin {

		final List<String> events = new CopyOnWriteArrayList<>();

		final AtomicInteger calls = new AtomicInteger();

		final AtomicInteger created = new AtomicInteger();

		@Override
		public void install(EmulatorPluginContext context) {
			assertThat(context.clock()).isNotNull();
			assertThat(context.profile()).isNotNull();
			context.actions().register("db", "listDatabases", this::listDatabases);
			context.actions().register("db", "getRecordsStartingAtKey", (request) -> {
				throw new ActionException(4046, "Key not found");
			});
			context.actions().register("db", "crash", (request) -> {
				throw new IllegalStateException("boom");
			});
			context.actions().register("db", "closeCursor", (request) -> ActionResult.successWithoutResult());
			context.addSessionListener(new SessionListener() {

				@Override
				public void sessionCreated(Session session) {
					RecordingPlugin.this.created.incrementAndGet();
				}

				@Override
				public void sessionReleased(Session session, ReleaseReason reason) {
					String leftOver = (session.attachment(Calls.class) != null) ? " with attachment" : "";
					RecordingPlugin.this.events.add("listener " + reason + " " + session.username() + leftOver);
				}

			});
		}

		private ActionResult listDatabases(ActionContext context) {
			this.calls.incrementAndGet();
			Session session = context.requiredSession();
			Calls calls = session.attachment(Calls.class, () -> {
				Calls fresh = new Calls(this.events);
				session.onRelease((reason) -> this.events.add("callback " + reason));
				return fresh;
			});
			ObjectNode result = ActionResult.newObject();
			result.put("action", context.action());
			result.put("database", session.defaultDatabaseName());
			result.put("partial", context.params().string("partialDatabaseName").orElse(""));
			ObjectNode options = context.responseOptions();
			result.put("dataFormat", options.path("dataFormat").asString());
			result.put("numberFormat", options.path("numberFormat").asString());
			result.put("binaryFormat", options.path("binaryFormat").asString());
			result.put("debug", context.debug());
			result.put("client", context.clientAddress());
			result.put("certificate", context.clientCertificateCommonName().orElse(""));
			result.put("calls", calls.count.incrementAndGet());
			return ActionResult.success(result)
				.withWarning(7, "a warning")
				.withDebugInfo("serverSuppliedValues", ActionResult.newObject().put("databaseName", session.defaultDatabaseName()));
		}

	}

	/**
	 * A per-session attachment that notices being closed.
	 */
	static final class Calls implements AutoCloseable {

		final AtomicInteger count = new AtomicInteger();

		private final List<String> events;

		Calls(List<String> events) {
			this.events = events;
		}

		@Override
		public void close() {
			this.events.add("closed");
		}

	}

}
