package io.github.faircomclient.it.admin;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.github.faircomclient.admin.AdminOperations;
import io.github.faircomclient.admin.SessionChanges;
import io.github.faircomclient.admin.SessionDescription;
import io.github.faircomclient.admin.SessionSummary;
import io.github.faircomclient.core.FairComTemplate;
import io.github.faircomclient.db.FieldDefinition;
import io.github.faircomclient.db.TableDefinition;
import io.github.faircomclient.db.TableInfo;
import io.github.faircomclient.session.FairComSessionSettings;
import io.github.faircomclient.test.EmulatedSession;
import io.github.faircomclient.test.FairComEmulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * {@code template.admin()} against the emulator over HTTP.
 */
class AdminIntegrationTests {

	private static FairComEmulator emulator;

	private static FairComTemplate template;

	private static FairComTemplate other;

	private static AdminOperations admin;

	@BeforeAll
	static void start() {
		emulator = FairComEmulator.builder().httpPort(0).user("app", "secret").user("jim", "pw").build().start();
		template = FairComTemplate.builder()
			.url(emulator.httpUrl())
			.credentials("app", "secret")
			.sessionSettings(FairComSessionSettings.builder().description("orders service").build())
			.build();
		other = FairComTemplate.builder()
			.url(emulator.httpUrl())
			.credentials("jim", "pw")
			.sessionSettings(FairComSessionSettings.builder().description("batch job").build())
			.build();
		admin = template.admin();
		other.admin().pingSession();
	}

	@AfterAll
	static void stop() {
		other.destroy();
		template.destroy();
		emulator.stop();
	}

	private static EmulatedSession session(String username) {
		return emulator.sessions().stream().filter((session) -> session.username().equals(username)).findFirst()
			.orElseThrow();
	}

	@Test
	void pingReachesTheServerWithTheSessionsToken() {
		admin.pingSession();
		long before = emulator.actionCount("pingSession");
		admin.pingSession();
		admin.pingSession();
		assertThat(emulator.actionCount("pingSession") - before).isEqualTo(2);
	}

	@Test
	void listsSessionsAllOrByAccount() {
		admin.pingSession();
		List<SessionSummary> all = admin.listSessions();
		assertThat(all).extracting(SessionSummary::username, SessionSummary::description)
			.contains(tuple("app", "orders service"));
		List<SessionSummary> jims = admin.listSessions(List.of("jim"));
		assertThat(jims).singleElement().satisfies((jim) -> {
			assertThat(jim.description()).isEqualTo("batch job");
			assertThat(jim.authToken()).isEqualTo(session("jim").authToken());
			assertThat(jim.toString()).doesNotContain(jim.authToken());
		});
	}

	@Test
	void describesTheSessionsOfTheAccount() {
		admin.pingSession();
		List<SessionDescription> sessions = admin.describeSessions();
		assertThat(sessions).extracting(SessionDescription::username).containsOnly("app");
		SessionDescription own = sessions.get(0);
		assertThat(own.description()).isEqualTo("orders service");
		assertThat(own.idleConnectionTimeout()).isEqualTo(Duration.ofSeconds(3600));
		assertThat(own.permanentSession()).isFalse();
		assertThat(own.sessionStartTimestamp()).isNotNull();
		assertThat(admin.describeSessions(List.of(session("app").authToken()))).singleElement()
			.extracting(SessionDescription::description)
			.isEqualTo("orders service");
	}

	@Test
	void alterSessionChangesTheCurrentSession() {
		template.db().createDatabase("archive");
		template.db().withDatabase("archive")
			.createTable(TableDefinition.builder("old_orders").field(FieldDefinition.integer("n")).build());
		try {
			SessionDescription altered = admin.alterSession(SessionChanges.builder()
				.description("orders service (archive)")
				.defaultDatabase("archive")
				.cursorIdleTimeout(Duration.ofSeconds(120))
				.build());
			assertThat(altered.description()).isEqualTo("orders service (archive)");
			assertThat(altered.defaultDatabaseName()).isEqualTo("archive");
			assertThat(altered.idleCursorTimeout()).isEqualTo(Duration.ofSeconds(120));
			assertThat(session("app").description()).isEqualTo("orders service (archive)");
			assertThat(template.db().listTables()).as("actions without a database use the new default")
				.extracting(TableInfo::tableName)
				.containsExactly("old_orders");
		}
		finally {
			admin.alterSession(SessionChanges.builder()
				.description("orders service")
				.defaultDatabase("faircom")
				.build());
			template.db().deleteDatabase("archive");
		}
	}

}
