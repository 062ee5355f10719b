package io.github.faircomclient.core;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import org.springframework.context.ApplicationEvent;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.client.ExpectedCount;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.test.web.client.RequestMatcher;

import io.github.faircomclient.FairComApiException;
import io.github.faircomclient.FairComAuthenticationException;
import io.github.faircomclient.FairComClientClosedException;
import io.github.faircomclient.FairComProtocolException;
import io.github.faircomclient.FairComSessionExpiredException;
import io.github.faircomclient.session.FairComSession;
import io.github.faircomclient.session.FairComSessionCreatedEvent;
import io.github.faircomclient.session.FairComSessionDeletedEvent;
import io.github.faircomclient.session.FairComSessionExpiredEvent;
import io.github.faircomclient.session.LoginMode;
import io.github.faircomclient.testsupport.DrivenTaskScheduler;
import io.github.faircomclient.testsupport.MutableClock;

import tools.jackson.databind.json.JsonMapper;

import static io.github.faircomclient.testsupport.FairComAnswers.answer;
import static io.github.faircomclient.testsupport.FairComAnswers.error;
import static io.github.faircomclient.testsupport.FairComAnswers.raw;
import static io.github.faircomclient.testsupport.FairComAnswers.session;
import static io.github.faircomclient.testsupport.FairComAnswers.success;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.jsonPath;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.method;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;

/**
 * Wire and session behaviour of {@link FairComTemplate}, against MockRestServiceServer.
 */
@ExtendWith(OutputCaptureExtension.class)
class FairComTemplateTests {

	private static final String URL = "http://faircom.test:8080/api";

	private final MutableClock clock = new MutableClock();

	private final DrivenTaskScheduler scheduler = new DrivenTaskScheduler(this.clock);

	private final List<ApplicationEvent> events = new CopyOnWriteArrayList<>();

	private final AtomicReference<MockRestServiceServer> server = new AtomicReference<>();

	private FairComTemplate template;

	@AfterEach
	void close() {
		if (this.template != null && !this.template.isClosed()) {
			server().reset();
			server().expect(ExpectedCount.manyTimes(), (request) -> {
			}).andRespond(success("{}"));
			this.template.destroy();
		}
	}

	private FairComTemplateBuilder builder() {
		return FairComTemplate.builder()
			.url(URL)
			.credentials("app", "secret")
			.taskScheduler(this.scheduler)
			.clock(this.clock)
			.sessionListener(this.events::add)
			.backoffSleeper((duration) -> {
			})
			.customizers(List.of((restClient) -> this.server.set(MockRestServiceServer.bindTo(restClient).build())));
	}

	private MockRestServiceServer server() {
		return this.server.get();
	}

	private static RequestMatcher action(String api, String action) {
		return (request) -> {
			requestTo(URL).match(request);
			method(HttpMethod.POST).match(request);
			jsonPath("$.api").value(api).match(request);
			jsonPath("$.action").value(action).match(request);
		};
	}

	private static RequestMatcher token(String token) {
		return jsonPath("$.authToken").value(token);
	}

	@Test
	void firstCallLogsInOnceAndSendsTheTokenWithEveryAction() {
		this.template = builder().build();
		server().expect(action("admin", "createSession"))
			.andExpect(jsonPath("$.params.username").value("app"))
			.andExpect(jsonPath("$.params.password").value("secret"))
			.andExpect(jsonPath("$.authToken").doesNotExist())
			.andExpect(jsonPath("$.requestId").isString())
			.andRespond(session("T1"));
		server().expect(ExpectedCount.twice(), action("db", "listDatabases"))
			.andExpect(token("T1"))
			.andExpect(jsonPath("$.params.partialDatabaseName").value("ct"))
			.andRespond(success("{\"data\":[{\"databaseName\":\"ctreeSQL\"}]}"));
		FairComResponse first = this.template.execute("db", "listDatabases", Map.of("partialDatabaseName", "ct"));
		FairComResponse second = this.template.execute("db", "listDatabases", Map.of("partialDatabaseName", "ct"));
		server().verify();
		assertThat(first.result().get("data").get(0).get("databaseName").stringValue()).isEqualTo("ctreeSQL");
		assertThat(first.requestId()).isNotEqualTo(second.requestId()).matches("[0-9a-z]+-[0-9a-z]+");
		assertThat(this.events).hasSize(1).first().isInstanceOf(FairComSessionCreatedEvent.class);
	}

	@Test
	void requestEnvelopeCarriesTheOptionalPropertiesAndPojoParams() {
		this.template = builder().build();
		server().expect(action("admin", "createSession")).andRespond(session("T1"));
		server().expect(action("db", "getRecordsUsingSQL"))
			.andExpect(jsonPath("$.apiVersion").value("1.0"))
			.andExpect(jsonPath("$.debug").value("max"))
			.andExpect(jsonPath("$.responseOptions.numberFormat").value("string"))
			.andExpect(jsonPath("$.params.sql").value("select 1"))
			.andExpect(jsonPath("$.params.maxRecords").value(-1))
			.andRespond(success("{}"));
		record Query(String sql, int maxRecords) {
		}
		this.template.execute(FairComRequest.builder("getRecordsUsingSQL")
			.api("db")
			.apiVersion("1.0")
			.debug("max")
			.responseOptions(Map.of("numberFormat", "string"))
			.params(new Query("select 1", -1))
			.build());
		server().verify();
	}

	@Test
	void actionWithoutApiOmitsItAndDefaultsParamsToAnEmptyObject() {
		this.template = builder().build();
		server().expect(action("admin", "createSession")).andRespond(session("T1"));
		server().expect(jsonPath("$.api").doesNotExist())
			.andExpect(jsonPath("$.params").isMap())
			.andExpect(jsonPath("$.params.length()").value(0))
			.andRespond(success("{}"));
		this.template.execute(FairComRequest.builder("listTables").build());
		server().verify();
	}

	@Test
	void tokenIsReadFromTheTopLevelWhenTheResultHasNone() {
		this.template = builder().build();
		server().expect(action("admin", "createSession"))
			.andRespond(answer("{\"authToken\":\"TOP\",\"result\":{},\"errorCode\":0,\"errorMessage\":\"\"}"));
		server().expect(action("db", "listTables")).andExpect(token("TOP")).andRespond(success("{}"));
		this.template.execute("db", "listTables", null);
		server().verify();
	}

	@Test
	void resultTokenWinsOverTheTopLevelOne() {
		this.template = builder().build();
		server().expect(action("admin", "createSession"))
			.andRespond(answer(
					"{\"authToken\":\"TOP\",\"result\":{\"authToken\":\"INNER\"},\"errorCode\":0,\"errorMessage\":\"\"}"));
		server().expect(action("db", "listTables")).andExpect(token("INNER")).andRespond(success("{}"));
		this.template.execute("db", "listTables", null);
		server().verify();
	}

	@Test
	void expiredSessionIn200IsReplacedOnceAndTheCallReplayed() {
		assertReplayAfter(HttpStatus.OK, 12031,
				"'authToken' does not match any existing session. Use a valid 'authToken' or use 'createSession' to create a valid 'authToken'.");
	}

	@Test
	void expiredSessionIn401IsReplacedOnceAndTheCallReplayed() {
		assertReplayAfter(HttpStatus.UNAUTHORIZED, 12031, "'authToken' does not match any existing session.");
	}

	@Test
	void error60031IsAnExpiredSession() {
		assertReplayAfter(HttpStatus.OK, 60031, "Not possible to find valid session for the provided token.");
	}

	@Test
	void legacyMinusOneWithItsMessageIsAnExpiredSession() {
		assertReplayAfter(HttpStatus.OK, -1, "authToken invalid or expired.");
	}

	private void assertReplayAfter(HttpStatus status, int errorCode, String message) {
		this.template = builder().build();
		server().expect(action("admin", "createSession")).andRespond(session("T1"));
		server().expect(action("db", "listTables"))
			.andExpect(token("T1"))
			.andRespond(answer(status, "{\"errorCode\":" + errorCode + ",\"errorMessage\":\"" + message + "\"}"));
		server().expect(action("admin", "createSession")).andRespond(session("T2"));
		server().expect(action("db", "listTables")).andExpect(token("T2")).andRespond(success("{\"ok\":true}"));
		FairComResponse response = this.template.execute("db", "listTables", null);
		server().verify();
		assertThat(response.result().get("ok").booleanValue()).isTrue();
		assertThat(this.events).hasSize(3);
		assertThat(this.events.get(1)).isInstanceOf(FairComSessionExpiredEvent.class);
		FairComSessionCreatedEvent replacement = (FairComSessionCreatedEvent) this.events.get(2);
		assertThat(replacement.isReplacement()).isTrue();
		assertThat(replacement.getReplaced()).isSameAs(((FairComSessionCreatedEvent) this.events.get(0)).getSession());
	}

	@Test
	void legacyMinusOneWithAnotherMessageIsAnOrdinaryError() {
		this.template = builder().build();
		server().expect(action("admin", "createSession")).andRespond(session("T1"));
		server().expect(action("db", "listTables")).andRespond(error(-1, "something else"));
		assertThatExceptionOfType(FairComApiException.class)
			.isThrownBy(() -> this.template.execute("db", "listTables", null))
			.isNotInstanceOf(FairComSessionExpiredException.class)
			.satisfies((ex) -> assertThat(ex.getErrorCode()).isEqualTo(-1));
		server().verify();
	}

	@Test
	void warning12031InASuccessfulAnswerIsNotAnExpiry() {
		this.template = builder().build();
		server().expect(action("admin", "createSession")).andRespond(session("T1"));
		server().expect(action("admin", "describeSessions"))
			.andRespond(answer("{\"result\":{},\"errorCode\":0,\"errorMessage\":\"\",\"debugInfo\":{\"warnings\":"
					+ "[{\"code\":12031,\"message\":\"'authToken' does not match any existing session.\"}]}}"));
		FairComResponse response = this.template.execute("admin", "describeSessions", null);
		server().verify();
		assertThat(response.warnings()).singleElement()
			.satisfies((warning) -> assertThat(warning.code()).isEqualTo(12031));
		assertThat(this.template.getSessionManager().getCurrentSession()).isNotNull();
	}

	@Test
	void callWithCursorOfTheExpiredSessionIsNotReplayed() {
		assertNotReplayed(Map.of("cursorId", "C1", "fetchRecords", 10), "getRecordsFromCursor");
	}

	@Test
	void callWithTransactionOfTheExpiredSessionIsNotReplayed() {
		assertNotReplayed(Map.of("transactionId", "X1", "tableName", "t"), "insertRecords");
	}

	private void assertNotReplayed(Map<String, Object> params, String action) {
		this.template = builder().build();
		server().expect(action("admin", "createSession")).andRespond(session("T1"));
		server().expect(action("db", action)).andRespond(error(12031, "gone"));
		server().expect(action("admin", "createSession")).andRespond(session("T2"));
		server().expect(action("db", "listTables")).andExpect(token("T2")).andRespond(success("{}"));
		assertThatExceptionOfType(FairComSessionExpiredException.class)
			.isThrownBy(() -> this.template.execute("db", action, params))
			.withMessageContaining("not replayed")
			.satisfies((ex) -> assertThat(ex.getErrorCode()).isEqualTo(12031));
		assertThat(this.template.getSessionManager().getCurrentSession()).isNull();
		this.template.execute("db", "listTables", null);
		server().verify();
	}

	@Test
	void aResponseTellsWhichSessionCarriedIt() {
		this.template = builder().build();
		server().expect(action("admin", "createSession")).andRespond(session("T1"));
		server().expect(action("db", "createTransaction")).andRespond(success("{\"transactionId\":\"X1\"}"));
		FairComResponse response = this.template.execute("db", "createTransaction", null);
		server().verify();
		assertThat(response.session()).isSameAs(this.template.getSessionManager().getCurrentSession());
		assertThat(response.session().getToken()).isEqualTo("T1");
		assertThat(response.session().toString()).contains("token=******");
	}

	@Test
	void aBoundRequestGoesOutWithItsOwnSessionsToken() {
		this.template = builder().build();
		server().expect(action("admin", "createSession")).andRespond(session("T1"));
		server().expect(action("db", "createTransaction")).andRespond(success("{\"transactionId\":\"X1\"}"));
		server().expect(action("db", "commitTransaction")).andExpect(token("T1")).andRespond(success("{}"));
		FairComSession session = this.template.execute("db", "createTransaction", null).session();
		FairComRequest commit = FairComRequest.builder("commitTransaction")
			.api("db")
			.params(Map.of("transactionId", "X1"))
			.boundTo(session)
			.build();
		assertThat(commit.boundSession()).isSameAs(session);
		assertThat(commit).hasToString("FairComRequest[api=db, action=commitTransaction, bound]");
		assertThat(this.template.execute(commit).isSuccess()).isTrue();
		server().verify();
	}

	@Test
	void aBoundRequestIsRefusedUnsentOnceAnotherCallReplacedItsSession() {
		this.template = builder().build();
		server().expect(action("admin", "createSession")).andRespond(session("T1"));
		server().expect(action("db", "createTransaction")).andRespond(success("{\"transactionId\":\"X1\"}"));
		server().expect(action("db", "listTables")).andExpect(token("T1")).andRespond(error(12031, "gone"));
		server().expect(action("admin", "createSession")).andRespond(session("T2"));
		server().expect(action("db", "listTables")).andExpect(token("T2")).andRespond(success("{}"));
		FairComSession first = this.template.execute("db", "createTransaction", null).session();
		this.template.execute("db", "listTables", null);
		FairComRequest commit = FairComRequest.builder("commitTransaction")
			.api("db")
			.params(Map.of("transactionId", "X1"))
			.boundTo(first)
			.build();
		assertThatExceptionOfType(FairComSessionExpiredException.class).isThrownBy(() -> this.template.execute(commit))
			.isExactlyInstanceOf(FairComSessionExpiredException.class)
			.withMessage("FairCom session expired before db/commitTransaction was sent: the transaction 'X1' "
					+ "belonged to a session that expired, and the server ended it with that session. The call was "
					+ "not sent and is not replayed on a new session; start the work again")
			.satisfies((ex) -> {
				assertThat(ex.getRequestId()).isNull();
				assertThat(ex.getErrorCode()).isZero();
			});
		server().verify();
		assertThat(this.template.getSessionManager().getCurrentSession().getToken()).as("the new session stays")
			.isEqualTo("T2");
	}

	@Test
	void aBoundRequestWhoseSessionWasDroppedIsRefusedWithoutLoggingIn() {
		this.template = builder().build();
		server().expect(action("admin", "createSession")).andRespond(session("T1"));
		server().expect(action("db", "listTables")).andRespond(success("{}"));
		FairComSession first = this.template.execute("db", "listTables", null).session();
		this.template.getSessionManager().sessionExpired(first);
		assertThatExceptionOfType(FairComSessionExpiredException.class)
			.isThrownBy(() -> this.template.execute(FairComRequest.builder("getRecordsFromCursor")
				.api("db")
				.params(Map.of("cursorId", "C1"))
				.boundTo(first)
				.build()))
			.withMessageContaining("the cursor 'C1' belonged to a session that expired");
		server().verify();
		assertThat(this.template.getSessionManager().getCurrentSession()).as("no login").isNull();
	}

	@Test
	void aBoundRequestTheServerFindsGoneIsNotReplayedWhateverItsParams() {
		this.template = builder().build();
		server().expect(action("admin", "createSession")).andRespond(session("T1"));
		server().expect(action("db", "listTables")).andRespond(success("{}"));
		server().expect(action("db", "someAction")).andExpect(token("T1")).andRespond(error(12031, "gone"));
		FairComSession first = this.template.execute("db", "listTables", null).session();
		assertThatExceptionOfType(FairComSessionExpiredException.class)
			.isThrownBy(() -> this.template.execute(FairComRequest.builder("someAction").api("db").boundTo(first).build()))
			.withMessageContaining("belongs to a transaction or cursor of the expired session and is not replayed")
			.satisfies((ex) -> assertThat(ex.getErrorCode()).isEqualTo(12031));
		server().verify();
		assertThat(this.template.getSessionManager().getCurrentSession()).isNull();
	}

	@Test
	void replayThatFindsTheNewSessionGoneTooFails() {
		this.template = builder().build();
		server().expect(action("admin", "createSession")).andRespond(session("T1"));
		server().expect(action("db", "listTables")).andRespond(error(12031, "gone"));
		server().expect(action("admin", "createSession")).andRespond(session("T2"));
		server().expect(action("db", "listTables")).andExpect(token("T2")).andRespond(error(12031, "gone"));
		assertThatExceptionOfType(FairComSessionExpiredException.class)
			.isThrownBy(() -> this.template.execute("db", "listTables", null))
			.withMessageContaining("replayed on a new session once, which the server reported gone as well")
			.withMessageContaining("replayed at most once");
		server().verify();
		assertThat(this.template.getSessionManager().getCurrentSession()).isNull();
	}

	@Test
	void badCredentialsFailWithAnAuthenticationExceptionAfterOneCreateSession() {
		this.template = builder().build();
		server().expect(ExpectedCount.once(), action("admin", "createSession"))
			.andRespond(error(12010, "Invalid username or password"));
		assertThatExceptionOfType(FairComAuthenticationException.class)
			.isThrownBy(() -> this.template.execute("db", "listTables", null))
			.satisfies((ex) -> {
				assertThat(ex.getErrorCode()).isEqualTo(12010);
				assertThat(ex.getAction()).isEqualTo("createSession");
				assertThat(ex.getMessage()).doesNotContain("secret");
			});
		server().verify();
	}

	@Test
	void permanentTokenIsUsedAsIsNeverRenewedAndNeverDeleted() {
		this.template = builder().token("PERMANENT").build();
		server().expect(action("db", "listTables")).andExpect(token("PERMANENT")).andRespond(success("{}"));
		server().expect(action("db", "listTables")).andExpect(token("PERMANENT")).andRespond(error(12031, "gone"));
		this.template.execute("db", "listTables", null);
		assertThatExceptionOfType(FairComAuthenticationException.class)
			.isThrownBy(() -> this.template.execute("db", "listTables", null))
			.withMessageContaining("faircom.session.token")
			.withMessageNotContaining("PERMANENT");
		this.template.destroy();
		server().verify();
		assertThat(this.scheduler.pending()).isEmpty();
	}

	@Test
	void destroyDeletesTheSessionOnceAndLaterCallsFailFast() {
		this.template = builder().build();
		server().expect(action("admin", "createSession")).andRespond(session("T1"));
		server().expect(action("db", "listTables")).andRespond(success("{}"));
		server().expect(ExpectedCount.once(), action("admin", "deleteSession"))
			.andExpect(token("T1"))
			.andRespond(success("{}"));
		this.template.execute("db", "listTables", null);
		this.template.destroy();
		this.template.destroy();
		assertThatExceptionOfType(FairComClientClosedException.class)
			.isThrownBy(() -> this.template.execute("db", "listTables", null))
			.withMessageContaining("db/listTables");
		server().verify();
		assertThat(this.events).last().isInstanceOf(FairComSessionDeletedEvent.class);
		assertThat(this.scheduler.pending()).isEmpty();
	}

	@Test
	void destroyWithoutSessionSendsNothing() {
		this.template = builder().build();
		this.template.destroy();
		server().verify();
	}

	@Test
	void failedDeleteSessionIsSwallowed() {
		this.template = builder().build();
		server().expect(action("admin", "createSession")).andRespond(session("T1"));
		server().expect(action("db", "listTables")).andRespond(success("{}"));
		server().expect(ExpectedCount.once(), action("admin", "deleteSession"))
			.andRespond(raw(HttpStatus.INTERNAL_SERVER_ERROR, MediaType.TEXT_HTML, "<html>boom</html>"));
		this.template.execute("db", "listTables", null);
		this.template.destroy();
		server().verify();
		assertThat(this.template.isClosed()).isTrue();
	}

	@Test
	void olderDeleteSessionAnswer12031CountsAsDeleted() {
		this.template = builder().build();
		server().expect(action("admin", "createSession")).andRespond(session("T1"));
		server().expect(action("db", "listTables")).andRespond(success("{}"));
		server().expect(action("admin", "deleteSession")).andRespond(error(12031, "gone"));
		this.template.execute("db", "listTables", null);
		this.template.destroy();
		server().verify();
		assertThat(this.events).last().isInstanceOf(FairComSessionDeletedEvent.class);
	}

	@Test
	void apiErrorCarriesEverythingButSecrets() {
		this.template = builder().build();
		server().expect(action("admin", "createSession")).andRespond(session("T1"));
		server().expect(action("db", "createDatabase")).andRespond(error(19, "Can't create database T1"));
		assertThatExceptionOfType(FairComApiException.class)
			.isThrownBy(() -> this.template.execute("db", "createDatabase", Map.of("databaseName", "x")))
			.satisfies((ex) -> {
				assertThat(ex.getErrorCode()).isEqualTo(19);
				assertThat(ex.getErrorMessage()).isEqualTo("Can't create database ******");
				assertThat(ex.getApi()).isEqualTo("db");
				assertThat(ex.getAction()).isEqualTo("createDatabase");
				assertThat(ex.getRequestId()).isNotBlank();
				assertThat(ex.getHttpStatus()).isEqualTo(200);
				assertThat(ex.getMessage()).contains("db/createDatabase", "errorCode 19", ex.getRequestId())
					.doesNotContain("T1");
			});
		server().verify();
	}

	@Test
	void htmlErrorPageIsAProtocolError() {
		this.template = builder().retry(FairComRetrySettings.disabled()).build();
		server().expect(action("admin", "createSession")).andRespond(session("T1"));
		server().expect(action("db", "listTables"))
			.andRespond(raw(HttpStatus.BAD_GATEWAY, MediaType.TEXT_HTML, "<html><body>Bad gateway</body></html>"));
		assertThatExceptionOfType(FairComProtocolException.class)
			.isThrownBy(() -> this.template.execute("db", "listTables", null))
			.satisfies((ex) -> {
				assertThat(ex.getKind()).isEqualTo(FairComProtocolException.Kind.HTML_PAGE);
				assertThat(ex.getHttpStatus()).isEqualTo(502);
				assertThat(ex.getMessage()).doesNotContain("Bad gateway");
			});
		server().verify();
	}

	@Test
	void mismatchedRequestIdIsAProtocolError() {
		this.template = builder().build();
		server().expect(action("admin", "createSession")).andRespond(session("T1"));
		server().expect(action("db", "deleteRecords"))
			.andRespond(answer("{\"requestId\":\"someone-else\",\"errorCode\":0,\"errorMessage\":\"\"}"));
		assertThatExceptionOfType(FairComProtocolException.class)
			.isThrownBy(() -> this.template.execute("db", "deleteRecords", null))
			.satisfies((ex) -> assertThat(ex.getKind()).isEqualTo(FairComProtocolException.Kind.REQUEST_ID_MISMATCH));
	}

	@Test
	void eagerLoginHappensWhileTheTemplateIsBuilt() {
		this.template = builder().loginMode(LoginMode.EAGER)
			.customizers(List.of((restClient) -> server().expect(action("admin", "createSession"))
				.andRespond(session("T1"))))
			.build();
		server().verify();
		assertThat(this.template.getSessionManager().getCurrentSession()).isNotNull();
	}

	@Test
	void aFailedEagerLoginClosesTheTemplateItWasBuilding() {
		List<FairComTemplate> built = new java.util.ArrayList<>();
		assertThatExceptionOfType(io.github.faircomclient.FairComAuthenticationException.class)
			.isThrownBy(() -> built.add(builder().loginMode(LoginMode.EAGER)
				.customizers(List.of((restClient) -> server().expect(action("admin", "createSession"))
					.andRespond(answer("{\"errorCode\":12010,\"errorMessage\":\"bad password\"}"))))
				.build()));
		server().verify();
		assertThat(built).isEmpty();
		assertThat(this.events).singleElement().isInstanceOf(io.github.faircomclient.session.FairComLoginFailedEvent.class);
	}

	@Test
	void createSessionSendsTheSessionSettings() {
		this.template = builder()
			.sessionSettings(io.github.faircomclient.session.FairComSessionSettings.builder()
				.description("orders on host1")
				.idleTimeout(Duration.ofMinutes(10))
				.cursorIdleTimeout(Duration.ofSeconds(-1))
				.defaultApi("db")
				.defaultDatabase("ctreeSQL")
				.defaultOwner("admin")
				.build())
			.build();
		server().expect(action("admin", "createSession"))
			.andExpect(jsonPath("$.params.description").value("orders on host1"))
			.andExpect(jsonPath("$.params.idleConnectionTimeoutSeconds").value(600))
			.andExpect(jsonPath("$.params.idleCursorTimeoutSeconds").value(-1))
			.andExpect(jsonPath("$.params.defaultApi").value("db"))
			.andExpect(jsonPath("$.params.defaultDatabaseName").value("ctreeSQL"))
			.andExpect(jsonPath("$.params.defaultOwnerName").value("admin"))
			.andRespond(session("SECRET-TOKEN"));
		FairComSession session = this.template.getSessionManager().getSession(Duration.ofSeconds(5));
		server().verify();
		assertThat(session.getIdleTimeout()).isEqualTo(Duration.ofHours(1));
		assertThat(session.toString()).doesNotContain("SECRET-TOKEN");
	}

	@Test
	void clientCertificateLoginSendsNoCredentials() {
		this.template = builder().authentication(new io.github.faircomclient.session.ClientCertificateAuthentication())
			.url("https://faircom.test:8443/api")
			.build();
		server().expect(jsonPath("$.action").value("createSession"))
			.andExpect(jsonPath("$.params.username").doesNotExist())
			.andExpect(jsonPath("$.params.password").doesNotExist())
			.andRespond(session("T1"));
		this.template.getSessionManager().getSession(Duration.ofSeconds(5));
		server().verify();
	}

	@Test
	void resultMapsToJavaTypes() {
		this.template = builder().build();
		server().expect(action("admin", "createSession")).andRespond(session("T1"));
		server().expect(action("db", "listDatabases"))
			.andRespond(success("{\"data\":[{\"databaseName\":\"ctreeSQL\",\"uid\":999,\"extra\":1}]}"));
		record Database(String databaseName, long uid) {
		}
		record Databases(List<Database> data) {
		}
		Databases databases = this.template.execute("db", "listDatabases", null).resultAs(Databases.class);
		assertThat(databases.data()).containsExactly(new Database("ctreeSQL", 999));
	}

	@Test
	void debugLogHasOneRedactedLinePerAction(CapturedOutput output) {
		Logger logger = (Logger) LoggerFactory.getLogger(FairComTemplate.class);
		Level level = logger.getLevel();
		logger.setLevel(Level.DEBUG);
		try {
			this.template = builder().build();
			server().expect(action("admin", "createSession")).andRespond(session("SECRET-TOKEN"));
			server().expect(action("db", "insertRecords")).andRespond(success("{}"));
			this.template.execute("db", "insertRecords", Map.of("sourceData", "PRIVATE-ROW"));
		}
		finally {
			logger.setLevel(level);
		}
		assertThat(output).containsPattern("FairCom admin/createSession requestId=\\S+ errorCode=0 in \\d+ ms")
			.containsPattern("FairCom db/insertRecords requestId=\\S+ errorCode=0 in \\d+ ms")
			.doesNotContain("secret")
			.doesNotContain("SECRET-TOKEN")
			.doesNotContain("PRIVATE-ROW");
	}

	@Test
	void wireMapperIgnoresTheApplicationsJacksonSettings() {
		assertThat(new FairComWireFormat().mapper()).isNotSameAs(JsonMapper.shared());
	}

}
