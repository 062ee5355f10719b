package io.github.faircomclient.core;

import java.net.ConnectException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.observation.ClientRequestObservationContext;
import org.springframework.test.web.client.ExpectedCount;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.test.web.client.RequestMatcher;
import org.springframework.test.web.client.response.MockRestResponseCreators;

import io.github.faircomclient.FairComApiException;
import io.github.faircomclient.FairComAuthenticationException;
import io.github.faircomclient.FairComClientClosedException;
import io.github.faircomclient.FairComConnectException;
import io.github.faircomclient.FairComProtocolException;
import io.github.faircomclient.FairComSessionExpiredException;
import io.github.faircomclient.observation.DefaultFairComRequestObservationConvention;
import io.github.faircomclient.observation.FairComRequestObservationContext;
import io.github.faircomclient.observation.FairComSessionObservationContext;
import io.github.faircomclient.testsupport.DrivenTaskScheduler;
import io.github.faircomclient.testsupport.MutableClock;

import static io.github.faircomclient.testsupport.FairComAnswers.answer;
import static io.github.faircomclient.testsupport.FairComAnswers.error;
import static io.github.faircomclient.testsupport.FairComAnswers.raw;
import static io.github.faircomclient.testsupport.FairComAnswers.session;
import static io.github.faircomclient.testsupport.FairComAnswers.success;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.jsonPath;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.method;

/**
 * Observations of {@link FairComTemplate}: one per action, one per session event, HTTP
 * exchanges nested in them, and no secret in any key.
 */
class FairComTemplateObservationTests {

	private final MutableClock clock = new MutableClock();

	private final DrivenTaskScheduler scheduler = new DrivenTaskScheduler(this.clock);

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private final AtomicReference<MockRestServiceServer> server = new AtomicReference<>();

	private FairComTemplate template;

	@AfterEach
	void close() {
		if (this.template != null && !this.template.isClosed()) {
			this.server.get().reset();
			this.server.get().expect(ExpectedCount.manyTimes(), (request) -> {
			}).andRespond(success("{}"));
			this.template.destroy();
		}
	}

	private FairComTemplateBuilder builder() {
		return FairComTemplate.builder()
			.url("http://faircom.test:8080/api")
			.credentials("app", "very-secret-password")
			.taskScheduler(this.scheduler)
			.clock(this.clock)
			.observationRegistry(this.registry)
			.retry(FairComRetrySettings.disabled())
			.customizers(List.of((restClient) -> this.server.set(MockRestServiceServer.bindTo(restClient).build())));
	}

	private MockRestServiceServer server() {
		return this.server.get();
	}

	private static RequestMatcher action(String api, String action) {
		return (request) -> {
			method(HttpMethod.POST).match(request);
			jsonPath("$.api").value(api).match(request);
			jsonPath("$.action").value(action).match(request);
		};
	}

	private List<Observation.Context> contexts() {
		AtomicReference<List<Observation.Context>> contexts = new AtomicReference<>();
		assertThat(this.registry).hasHandledContextsThatSatisfy(contexts::set);
		return contexts.get();
	}

	private List<Observation.Context> contexts(String name) {
		return contexts().stream().filter((context) -> name.equals(context.getName())).toList();
	}

	private static Map<String, String> keys(Observation.Context context) {
		return toMap(context.getLowCardinalityKeyValues());
	}

	private static Map<String, String> toMap(KeyValues keyValues) {
		Map<String, String> map = new LinkedHashMap<>();
		for (KeyValue keyValue : keyValues) {
			map.put(keyValue.getKey(), keyValue.getValue());
		}
		return map;
	}

	@Test
	void successfulActionIsOneObservationWithTheLoginAndTheHttpExchangesNestedInIt() {
		this.template = builder().build();
		server().expect(action("admin", "createSession")).andRespond(session("TOKEN-1"));
		server().expect(action("db", "listTables")).andRespond(success("{}"));
		FairComResponse response = this.template.execute("db", "listTables", Map.of("partialName", "orders"));
		server().verify();
		assertThat(this.registry).hasNumberOfObservationsWithNameEqualTo("faircom.client.requests", 1)
			.hasNumberOfObservationsWithNameEqualTo("faircom.client.sessions", 1)
			.hasNumberOfObservationsWithNameEqualTo("http.client.requests", 2);
		Observation.Context request = contexts("faircom.client.requests").get(0);
		assertThat(keys(request)).containsExactlyInAnyOrderEntriesOf(Map.of("faircom.api", "db", "faircom.action",
				"listTables", "outcome", "SUCCESS", "faircom.error.code", "0"));
		assertThat(toMap(request.getHighCardinalityKeyValues())).containsEntry("faircom.request.id",
				response.requestId());
		assertThat(request.getContextualName()).isEqualTo("faircom db/listTables");
		assertThat(((FairComRequestObservationContext) request).getResponse()).isSameAs(response);
		Observation.Context login = contexts("faircom.client.sessions").get(0);
		assertThat(keys(login)).containsExactlyInAnyOrderEntriesOf(
				Map.of("faircom.session.event", "login", "outcome", "SUCCESS", "faircom.error.code", "0"));
		assertThat(login.getContextualName()).isEqualTo("faircom login");
		assertThat(login.getParentObservation().getContextView()).isSameAs(request);
		List<Observation.Context> http = contexts("http.client.requests");
		assertThat(http.get(0).getParentObservation().getContextView()).as("createSession").isSameAs(login);
		assertThat(http.get(1).getParentObservation().getContextView()).as("listTables").isSameAs(request);
		assertThat(http).allSatisfy((context) -> assertThat(context).isInstanceOf(ClientRequestObservationContext.class));
	}

	@Test
	void apiErrorCarriesItsErrorCode() {
		this.template = builder().build();
		server().expect(action("admin", "createSession")).andRespond(session("TOKEN-1"));
		server().expect(action("db", "insertRecords")).andRespond(error(2, "duplicate key"));
		assertThatExceptionOfType(FairComApiException.class)
			.isThrownBy(() -> this.template.execute("db", "insertRecords", Map.of("tableName", "orders")));
		Observation.Context request = contexts("faircom.client.requests").get(0);
		assertThat(keys(request)).containsEntry("outcome", "API_ERROR").containsEntry("faircom.error.code", "2");
		assertThat(request.getError()).isInstanceOf(FairComApiException.class);
		assertThat(toMap(request.getHighCardinalityKeyValues())).containsKey("faircom.request.id");
	}

	@Test
	void expiredSessionIsOneSuccessfulRequestWithAReloginNestedInIt() {
		this.template = builder().build();
		server().expect(action("admin", "createSession")).andRespond(session("TOKEN-1"));
		server().expect(action("db", "listTables")).andRespond(error(12031, "'authToken' does not match"));
		server().expect(action("admin", "createSession")).andRespond(session("TOKEN-2"));
		server().expect(action("db", "listTables")).andRespond(success("{}"));
		this.template.execute("db", "listTables", null);
		server().verify();
		List<Observation.Context> requests = contexts("faircom.client.requests");
		assertThat(requests).singleElement()
			.satisfies((request) -> assertThat(keys(request)).containsEntry("outcome", "SUCCESS"));
		assertThat(contexts("faircom.client.sessions")).extracting((context) -> keys(context).get("faircom.session.event"))
			.containsExactly("login", "relogin");
		assertThat(contexts("http.client.requests")).hasSize(4);
	}

	@Test
	void sessionGoneTwiceIsSessionExpired() {
		this.template = builder().build();
		server().expect(action("admin", "createSession")).andRespond(session("TOKEN-1"));
		server().expect(action("db", "listTables")).andRespond(error(12031, "gone"));
		server().expect(action("admin", "createSession")).andRespond(session("TOKEN-2"));
		server().expect(action("db", "listTables")).andRespond(error(12031, "gone"));
		assertThatExceptionOfType(FairComSessionExpiredException.class)
			.isThrownBy(() -> this.template.execute("db", "listTables", null));
		assertThat(keys(contexts("faircom.client.requests").get(0))).containsEntry("outcome", "SESSION_EXPIRED")
			.containsEntry("faircom.error.code", "12031");
	}

	@Test
	void refusedLoginIsAnAuthenticationErrorOfTheRequestAndTheLogin() {
		this.template = builder().build();
		server().expect(action("admin", "createSession")).andRespond(error(12010, "wrong password"));
		assertThatExceptionOfType(FairComAuthenticationException.class)
			.isThrownBy(() -> this.template.execute("db", "listTables", null));
		assertThat(keys(contexts("faircom.client.requests").get(0))).containsEntry("outcome", "AUTHENTICATION_ERROR")
			.containsEntry("faircom.error.code", "12010");
		assertThat(keys(contexts("faircom.client.sessions").get(0))).containsEntry("faircom.session.event", "login")
			.containsEntry("outcome", "AUTHENTICATION_ERROR")
			.containsEntry("faircom.error.code", "12010");
	}

	@Test
	void transportFailureHasNoErrorCode() {
		this.template = builder().build();
		server().expect(action("admin", "createSession")).andRespond(session("TOKEN-1"));
		server().expect(action("db", "listTables"))
			.andRespond(MockRestResponseCreators.withException(new ConnectException("Connection refused")));
		assertThatExceptionOfType(FairComConnectException.class)
			.isThrownBy(() -> this.template.execute("db", "listTables", null));
		assertThat(keys(contexts("faircom.client.requests").get(0))).containsEntry("outcome", "TRANSPORT_ERROR")
			.containsEntry("faircom.error.code", "none");
	}

	@Test
	void retriesAreInsideTheOneObservationOfTheCall() {
		List<Duration> waits = new java.util.concurrent.CopyOnWriteArrayList<>();
		this.template = builder().retry(FairComRetrySettings.defaults()).backoffSleeper(waits::add).build();
		server().expect(action("admin", "createSession")).andRespond(session("TOKEN-1"));
		server().expect(action("db", "listTables"))
			.andRespond(MockRestResponseCreators.withException(new ConnectException("Connection refused")));
		server().expect(action("db", "listTables")).andRespond(success("{}"));
		this.template.execute("db", "listTables", null);
		server().verify();
		assertThat(waits).hasSize(1);
		assertThat(contexts("faircom.client.requests")).singleElement()
			.satisfies((request) -> assertThat(keys(request)).containsEntry("outcome", "SUCCESS"));
		assertThat(contexts("http.client.requests")).hasSize(3)
			.allSatisfy((http) -> assertThat(http.getParentObservation()).isNotNull());
	}

	@Test
	void answerThatIsNotJsonIsAProtocolError() {
		this.template = builder().build();
		server().expect(action("admin", "createSession")).andRespond(session("TOKEN-1"));
		server().expect(action("db", "listTables"))
			.andRespond(raw(org.springframework.http.HttpStatus.BAD_GATEWAY, MediaType.TEXT_HTML, "<html>"));
		assertThatExceptionOfType(FairComProtocolException.class)
			.isThrownBy(() -> this.template.execute("db", "listTables", null));
		assertThat(keys(contexts("faircom.client.requests").get(0))).containsEntry("outcome", "PROTOCOL_ERROR")
			.containsEntry("faircom.error.code", "none");
	}

	@Test
	void actionWithoutApiHasApiNoneAndCallsAfterCloseAreClientClosed() {
		this.template = builder().build();
		server().expect(action("admin", "createSession")).andRespond(session("TOKEN-1"));
		server().expect(jsonPath("$.api").doesNotExist()).andRespond(success("{}"));
		server().expect(action("admin", "deleteSession")).andRespond(success("{}"));
		this.template.execute(FairComRequest.builder("listTables").build());
		this.template.destroy();
		assertThatExceptionOfType(FairComClientClosedException.class)
			.isThrownBy(() -> this.template.execute("db", "listTables", null));
		List<Observation.Context> requests = contexts("faircom.client.requests");
		assertThat(keys(requests.get(0))).containsEntry("faircom.api", "none");
		assertThat(requests.get(0).getContextualName()).isEqualTo("faircom listTables");
		assertThat(keys(requests.get(1))).containsEntry("outcome", "CLIENT_CLOSED");
		assertThat(contexts("faircom.client.sessions")).extracting((context) -> keys(context).get("faircom.session.event"))
			.containsExactly("login", "logout");
	}

	@Test
	void keepalivesAreObservedAndOneThatFindsTheSessionGoneIsSessionExpired() {
		this.template = builder().build();
		server().expect(action("admin", "createSession")).andRespond(session("TOKEN-1"));
		server().expect(action("db", "listTables")).andRespond(success("{}"));
		server().expect(action("admin", "pingSession")).andRespond(success("{}"));
		server().expect(action("admin", "pingSession")).andRespond(error(12031, "gone"));
		this.template.execute("db", "listTables", null);
		this.scheduler.advance(Duration.ofMinutes(30));
		this.scheduler.advance(Duration.ofMinutes(30));
		server().verify();
		List<Observation.Context> keepalives = contexts("faircom.client.sessions").stream()
			.filter((context) -> ((FairComSessionObservationContext) context)
				.getEvent() == FairComSessionObservationContext.Event.KEEPALIVE)
			.toList();
		assertThat(keepalives).hasSize(2);
		assertThat(keys(keepalives.get(0))).containsEntry("outcome", "SUCCESS");
		assertThat(keys(keepalives.get(1))).containsEntry("outcome", "SESSION_EXPIRED");
		assertThat(keepalives.get(0).getParentObservation()).as("a keepalive is a root observation").isNull();
		assertThat(this.template.getSessionManager().getCurrentSession()).isNull();
	}

	@Test
	void pingServerSendsNoTokenNeverLogsInAndIsObserved() {
		this.template = builder().build();
		server().expect(action("admin", "pingSession"))
			.andExpect(jsonPath("$.authToken").doesNotExist())
			.andRespond(success("{}"));
		this.template.pingServer(Duration.ofSeconds(1));
		server().verify();
		assertThat(this.template.getSessionManager().getCurrentSession()).isNull();
		assertThat(keys(contexts("faircom.client.requests").get(0)))
			.containsEntry("faircom.action", "pingSession")
			.containsEntry("outcome", "SUCCESS");
		assertThat(contexts("faircom.client.sessions")).isEmpty();
	}

	@Test
	void pingServerFailsWithTheServersError() {
		this.template = builder().build();
		server().expect(action("admin", "pingSession")).andRespond(answer("{\"errorCode\":-1,\"errorMessage\":\"x\"}"));
		assertThatExceptionOfType(FairComApiException.class)
			.isThrownBy(() -> this.template.pingServer(Duration.ofSeconds(1)))
			.satisfies((ex) -> assertThat(ex.getErrorCode()).isEqualTo(-1));
	}

	@Test
	void noKeyOrNameEverHoldsASecretOrAParameter() {
		this.template = builder().build();
		server().expect(action("admin", "createSession")).andRespond(session("TOKEN-1"));
		server().expect(action("db", "getRecordsUsingSQL")).andRespond(error(12031, "gone"));
		server().expect(action("admin", "createSession")).andRespond(session("TOKEN-2"));
		server().expect(action("db", "getRecordsUsingSQL")).andRespond(success("{}"));
		server().expect(action("admin", "deleteSession")).andRespond(success("{}"));
		this.template.execute("db", "getRecordsUsingSQL",
				Map.of("sql", "select * from orders where id = 4711", "tableName", "orders"));
		this.template.destroy();
		assertThat(contexts()).hasSizeGreaterThanOrEqualTo(7).allSatisfy((context) -> {
			String all = context.getName() + " " + context.getContextualName() + " "
					+ context.getLowCardinalityKeyValues() + " " + context.getHighCardinalityKeyValues();
			assertThat(all).doesNotContain("TOKEN-", "very-secret-password", "orders", "4711", "select");
		});
	}

	@Test
	void customConventionsReplaceTheDefaults() {
		List<String> names = new java.util.concurrent.CopyOnWriteArrayList<>();
		this.registry.observationConfig().observationHandler(new ObservationHandler<>() {

			@Override
			public boolean supportsContext(Observation.Context context) {
				return true;
			}

			@Override
			public void onStop(Observation.Context context) {
				names.add(context.getName());
			}

		});
		this.template = builder().observationConvention(new DefaultFairComRequestObservationConvention("orders.faircom"))
			.sessionObservationConvention(
					new io.github.faircomclient.observation.DefaultFairComSessionObservationConvention("orders.sessions"))
			.build();
		server().expect(action("admin", "createSession")).andRespond(session("TOKEN-1"));
		server().expect(action("db", "listTables")).andRespond(success("{}"));
		this.template.execute("db", "listTables", null);
		assertThat(names).containsExactly("http.client.requests", "orders.sessions", "http.client.requests",
				"orders.faircom");
	}

	@Test
	void withoutARegistryNothingIsObserved() {
		this.template = builder().observationRegistry(io.micrometer.observation.ObservationRegistry.NOOP).build();
		server().expect(action("admin", "createSession")).andRespond(session("TOKEN-1"));
		server().expect(action("db", "listTables")).andRespond(success("{}"));
		this.template.execute("db", "listTables", null);
		assertThat(this.registry).doesNotHaveAnyObservation();
	}

}
