package io.github.faircomclient.test.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import io.github.faircomclient.autoconfigure.FairComConnectionDetails;
import io.github.faircomclient.core.FairComTemplate;
import io.github.faircomclient.test.FairComEmulator;
import io.github.faircomclient.test.MutableEmulatorClock;
import io.github.faircomclient.test.tls.TlsMaterial;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @AutoConfigureFairComEmulator}'s settings: HTTPS only with generated TLS material
 * the client trusts, another account, a mutable clock; the connection details never show
 * the password.
 */
@SpringBootTest
@AutoConfigureFairComEmulator(https = true, username = "app", password = "app-secret", mutableClock = true)
class AutoConfigureFairComEmulatorSettingsIntegrationTests {

	@Autowired
	private FairComEmulator emulator;

	@Autowired
	private TlsMaterial tls;

	@Autowired
	private MutableEmulatorClock clock;

	@Autowired
	private FairComTemplate faircom;

	@Autowired
	private FairComConnectionDetails connectionDetails;

	@Test
	void theEmulatorServesHttpsOnlyWithTheAccountAndClockAsked() {
		assertThat(this.emulator.hasHttpListener()).isFalse();
		assertThat(this.faircom.getUrl()).isEqualTo(this.emulator.httpsUrl());
		assertThat(this.faircom.admin().listSessions()).singleElement()
			.satisfies((session) -> assertThat(session.username()).isEqualToIgnoringCase("app"));
		assertThat(this.tls.caCertificate()).exists();
		assertThat(this.emulator.clock()).isSameAs(this.clock);
		assertThat(this.connectionDetails.getSslBundle()).isNotNull();
		assertThat(this.connectionDetails.toString()).contains("app").doesNotContain("app-secret");
	}

}
