package io.github.faircomclient.it;

import org.junit.jupiter.api.Test;

import io.github.faircomclient.core.FairComTemplate;
import io.github.faircomclient.test.FairComEmulator;
import io.github.faircomclient.test.junit.EnableFairComEmulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example of README.md's "Test against the embedded emulator", as written there.
 */
@EnableFairComEmulator
class ReadmeTestingExampleIntegrationTests {

	@Test
	void logsInOnceAndOutOnce(FairComEmulator emulator) {
		FairComTemplate faircom = FairComTemplate.builder()
			.url(emulator.httpUrl())
			.credentials("ADMIN", "ADMIN")
			.build();
		try {
			faircom.admin().pingSession();
			assertThat(emulator.actionCount("createSession")).isEqualTo(1);
		}
		finally {
			faircom.destroy();
		}
		assertThat(emulator.sessions()).isEmpty();
	}

}
