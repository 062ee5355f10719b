package io.github.faircomclient.it;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.context.ApplicationEvent;

import io.github.faircomclient.FairComAuthenticationException;
import io.github.faircomclient.core.FairComTemplate;
import io.github.faircomclient.health.FairComHealthIndicator;
import io.github.faircomclient.it.support.HostileServer;
import io.github.faircomclient.it.support.HostileServer.Answer;
import io.github.faircomclient.session.FairComLoginFailedEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Text a server sends is not trusted: a login error that echoes the password (whole or cut
 * off) and carries a line break reaches no exception, event, login record or health detail
 * with the password in it, and cannot forge a log line.
 */
class UntrustedServerTextIntegrationTests {

	private static final String PASSWORD = "S3cr3t-Passw0rd-of-the-app";

	@Test
	void anEchoedPasswordIsMaskedAndLineBreaksAreNeutralisedEverywhereTheErrorGoes() throws Exception {
		List<ApplicationEvent> events = new CopyOnWriteArrayList<>();
		try (HostileServer server = new HostileServer()) {
			server.loginAnswer((request, out) -> out.write(Answer.http(200, "application/json",
					("{\"requestId\":\"" + request.requestId() + "\",\"errorCode\":12010,\"errorMessage\":"
							+ "\"invalid password '" + PASSWORD + "' (starts 'S3cr3t-Pa…')\\r\\n"
							+ "2026-12-04 INFO forged: all good\"}").getBytes(StandardCharsets.UTF_8))));
			try (FairComTemplate template = FairComTemplate.builder()
				.url(server.url())
				.credentials("app", PASSWORD)
				.sessionListener(events::add)
				.build()) {
				assertThatExceptionOfType(FairComAuthenticationException.class)
					.isThrownBy(() -> template.execute("admin", "pingSession", null))
					.satisfies((ex) -> {
						assertSafe(ex.getMessage());
						assertSafe(ex.getErrorMessage());
						assertThat(ex.getErrorMessage()).isEqualTo("invalid password '******' (starts '******…')\\r\\n"
								+ "2026-12-04 INFO forged: all good");
					});
				FairComLoginFailedEvent failed = (FairComLoginFailedEvent) events.get(0);
				assertSafe(failed.getException().getMessage());
				assertSafe(template.getSessionManager().getLastLogin().toString());
				Health health = new FairComHealthIndicator(template, Duration.ofSeconds(2)).health(true);
				@SuppressWarnings("unchecked")
				Map<String, Object> lastLogin = (Map<String, Object>) health.getDetails().get("lastLogin");
				assertSafe(String.valueOf(lastLogin.get("error")));
				assertSafe(health.toString());
			}
		}
	}

	private static void assertSafe(String text) {
		assertThat(text).doesNotContain(PASSWORD, "S3cr3t-Pa", "\r", "\n");
	}

}
