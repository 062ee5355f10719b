package io.github.faircomclient.health;

import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.test.web.client.ExpectedCount;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.test.web.client.RequestMatcher;
import org.springframework.test.web.client.response.MockRestResponseCreators;

import io.github.faircomclient.FairComAuthenticationException;
import io.github.faircomclient.FairComConnectException;
import io.github.faircomclient.core.FairComRetrySettings;
import io.github.faircomclient.core.FairComTemplate;
import io.github.faircomclient.core.FairComTemplateBuilder;
import io.github.faircomclient.testsupport.DrivenTaskScheduler;
import io.github.faircomclient.testsupport.MutableClock;

import static io.github.faircomclient.testsupport.FairComAnswers.answer;
import static io.github.faircomclient.testsupport.FairComAnswers.error;
import static io.github.faircomclient.testsupport.FairComAnswers.success;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.jsonPath;

/**
 * Tests for {@link FairComHealthIndicator}, against MockRestServiceServer.
 */
class FairComHealthIndicatorTests {

	private static final String PASSWORD = "very-secret-password";

	private final MutableClock clock = new MutableClock();

	private final DrivenTaskScheduler scheduler = new DrivenTaskScheduler(this.clock);

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
			.credentials("app", PASSWORD)
			.taskScheduler(this.scheduler)
			.clock(this.clock)
			.retry(FairComRetrySettings.disabled())
			.customizers(List.of((restClient) -> this.server.set(MockRestServiceServer.bindTo(restClient).build())));
	}

	private FairComHealthIndicator indicator() {
		return new FairComHealthIndicator(this.template, Duration.ofSeconds(1), this.clock);
	}

	private MockRestServiceServer server() {
		return this.server.get();
	}

	private static RequestMatcher action(String action) {
		return jsonPath("$.action").value(action);
	}

	private static RequestMatcher tokenlessPing() {
		return (request) -> {
			action("pingSession").match(request);
			jsonPath("$.authToken").doesNotExist().match(request);
		};
	}

	@Test
	void upWhenTheServerAnswersATokenlessPingAndNoLoginHappened() {
		this.template = builder().build();
		server().expect(tokenlessPing()).andRespond(success("{}"));
		Health health = indicator().health();
		server().verify();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsExactlyInAnyOrderEntriesOf(
				Map.of("url", "http://faircom.test:8080/api", "session", "none"));
		assertThat(this.template.getSessionManager().getCurrentSession()).as("never logs in").isNull();
	}

	@Test
	void activeSessionShowsItsAgeTheServerVersionAndTheLastLogin() {
		this.template = builder().build();
		server().expect(action("createSession"))
			.andRespond(answer("{\"result\":{\"authToken\":\"TOKEN-1\",\"idleConnectionTimeoutSeconds\":3600,"
					+ "\"serverVersion\":\"FairCom DB V13.0.3\"},\"errorCode\":0,\"errorMessage\":\"\"}"));
		server().expect(action("listTables")).andRespond(success("{}"));
		server().expect(tokenlessPing()).andRespond(success("{}"));
		this.template.execute("db", "listTables", null);
		this.clock.advance(Duration.ofMillis(95_700));
		Health health = indicator().health();
		server().verify();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("session", "active")
			.containsEntry("sessionAge", "PT1M35S")
			.containsEntry("permanentSession", false)
			.containsEntry("serverVersion", "FairCom DB V13.0.3");
		assertThat(health.getDetails().get("lastLogin")).isEqualTo(Map.of("outcome", "success", "time",
				this.clock.instant().minusMillis(95_700).toString(), "replacement", false));
		assertThat(health.toString()).doesNotContain("TOKEN-1");
	}

	@Test
	void downWithTheExceptionTypeWhenTheServerCannotBeReached() {
		this.template = builder().build();
		server().expect(tokenlessPing())
			.andRespond(MockRestResponseCreators.withException(new ConnectException("Connection refused")));
		Health health = indicator().health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails().get("error").toString())
			.startsWith(FairComConnectException.class.getName() + ": Could not connect to FairCom for admin/pingSession")
			.contains("Connection refused");
	}

	@Test
	void downWhenTheServerAnswersThePingWithAnError() {
		this.template = builder().build();
		server().expect(tokenlessPing()).andRespond(error(-1, "authToken invalid or expired."));
		Health health = indicator().health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails().get("error").toString()).contains("errorCode -1");
	}

	@Test
	void refusedLoginWithoutSessionIsDownWithASafeReason() {
		this.template = builder().build();
		server().expect(action("createSession")).andRespond(error(12010, "invalid user name or password"));
		server().expect(tokenlessPing()).andRespond(success("{}"));
		assertThatExceptionOfType(FairComAuthenticationException.class)
			.isThrownBy(() -> this.template.execute("db", "listTables", null));
		Health health = indicator().health();
		server().verify();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("session", "none");
		@SuppressWarnings("unchecked")
		Map<String, Object> lastLogin = (Map<String, Object>) health.getDetails().get("lastLogin");
		assertThat(lastLogin).containsEntry("outcome", "failure").containsEntry("replacement", false);
		assertThat(lastLogin.get("error").toString())
			.startsWith(FairComAuthenticationException.class.getName() + ": FairCom refused to create a session")
			.contains("errorCode 12010", "invalid user name or password");
		assertThat(health.toString()).doesNotContain(PASSWORD);
	}

	@Test
	void loginThatFailedForATransportReasonDoesNotOverrideASuccessfulPing() {
		this.template = builder().build();
		server().expect(action("createSession"))
			.andRespond(MockRestResponseCreators.withException(new ConnectException("Connection refused")));
		server().expect(tokenlessPing()).andRespond(success("{}"));
		assertThatExceptionOfType(FairComConnectException.class)
			.isThrownBy(() -> this.template.execute("db", "listTables", null));
		Health health = indicator().health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails().get("lastLogin").toString()).contains("outcome=failure",
				FairComConnectException.class.getName());
	}

	@Test
	void closedTemplateIsOutOfServiceWithoutAPing() {
		this.template = builder().build();
		this.template.destroy();
		Health health = indicator().health();
		assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
		assertThat(health.getDetails()).containsEntry("closed", true).containsEntry("session", "none");
	}

	@Test
	void permanentTokenSessionIsShownAsPermanent() {
		this.template = FairComTemplate.builder()
			.url("https://faircom.test:8443/api")
			.token("PERMANENT-API-KEY")
			.taskScheduler(this.scheduler)
			.clock(this.clock)
			.customizers(List.of((restClient) -> this.server.set(MockRestServiceServer.bindTo(restClient).build())))
			.build();
		server().expect(action("listTables")).andRespond(success("{}"));
		server().expect(tokenlessPing()).andRespond(success("{}"));
		this.template.execute("db", "listTables", null);
		Health health = indicator().health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("permanentSession", true)
			.containsEntry("url", "https://faircom.test:8443/api")
			.doesNotContainKey("serverVersion");
		assertThat(health.toString()).doesNotContain("PERMANENT-API-KEY");
	}

	@Test
	void displayedUrlHasNoCredentialsQueryOrFragment() {
		assertThat(FairComHealthIndicator.displayUrl(URI.create("https://user:pw@faircom.test:8443/api?token=x#f")))
			.isEqualTo("https://faircom.test:8443/api");
		assertThat(FairComHealthIndicator.displayUrl(URI.create("http://faircom.test/api")))
			.isEqualTo("http://faircom.test/api");
	}

	@Test
	void timeoutMustBePositive() {
		this.template = builder().build();
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> new FairComHealthIndicator(this.template, Duration.ZERO));
	}

}
