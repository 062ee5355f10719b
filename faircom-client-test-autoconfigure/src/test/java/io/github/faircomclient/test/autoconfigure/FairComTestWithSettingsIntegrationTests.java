package io.github.faircomclient.test.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import io.github.faircomclient.test.FairComEmulator;
import io.github.faircomclient.test.autoconfigure.app.Catalog;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An {@code @AutoConfigureFairComEmulator} next to {@code @FairComTest} wins over the
 * slice's defaults.
 */
@FairComTest(Catalog.class)
@AutoConfigureFairComEmulator(username = "slice", password = "slice-secret")
class FairComTestWithSettingsIntegrationTests {

	@Autowired
	private FairComEmulator emulator;

	@Autowired
	private Catalog catalog;

	@Test
	void theClientLogsInWithTheAccountOfTheAnnotation() {
		assertThat(this.catalog.databases()).isNotEmpty();
		assertThat(this.emulator.sessions()).singleElement()
			.satisfies((session) -> assertThat(session.username()).isEqualToIgnoringCase("slice"));
	}

}
