package io.github.faircomclient.it;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.faircomclient.FairComAuthenticationException;
import io.github.faircomclient.core.FairComTemplate;
import io.github.faircomclient.test.FairComEmulator;
import io.github.faircomclient.test.junit.EnableFairComEmulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A permanent session token is used as is: no login, no keepalive, no logout.
 */
@EnableFairComEmulator(users = "app:secret", permanentSessions = true)
class PermanentTokenIntegrationTests {

	@Test
	void permanentTokenIsNeverDeleted(FairComEmulator emulator) {
		String token = createPermanentToken(emulator);
		long logins = emulator.actionCount("createSession");
		long deletes = emulator.actionCount("deleteSession");
		FairComTemplate template = FairComTemplate.builder().url(emulator.httpUrl()).token(token).build();
		assertThat(template.execute("admin", "listSessions", null).isSuccess()).isTrue();
		template.destroy();
		assertThat(emulator.actionCount("createSession")).isEqualTo(logins);
		assertThat(emulator.actionCount("deleteSession")).isEqualTo(deletes);
		assertThat(emulator.session(token)).isPresent();
	}

	@Test
	void unknownTokenIsAnAuthenticationFailure(FairComEmulator emulator) {
		FairComTemplate template = FairComTemplate.builder().url(emulator.httpUrl()).token("NOT-A-SESSION").build();
		try {
			assertThatExceptionOfType(FairComAuthenticationException.class)
				.isThrownBy(() -> template.execute("admin", "listSessions", null))
				.withMessageNotContaining("NOT-A-SESSION");
			assertThat(emulator.actionCount("createSession")).isZero();
		}
		finally {
			template.destroy();
		}
	}

	private static String createPermanentToken(FairComEmulator emulator) {
		FairComTemplate admin = FairComTemplate.builder()
			.url(emulator.httpUrl())
			.credentials("app", "secret")
			.build();
		try {
			return admin
				.execute("admin", "createSession",
						Map.of("username", "app", "password", "secret", "permanentSession", true))
				.result()
				.get("authToken")
				.stringValue();
		}
		finally {
			admin.destroy();
		}
	}

}
