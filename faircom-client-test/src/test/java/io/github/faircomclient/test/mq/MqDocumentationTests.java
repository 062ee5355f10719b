package io.github.faircomclient.test.mq;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import io.github.faircomclient.test.FairComEmulator;
import io.github.faircomclient.test.ProvisionalChoice;
import io.github.faircomclient.test.spi.ActionDefinition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the module README in step with the MQ code: every MQ action is documented, and every MQ error
 * code is in the 99070..99089 band given to the MQ API.
 */
class MqDocumentationTests {

	@Test
	void readmeListsEveryMqAction() throws IOException {
		String readme = Files.readString(Path.of("README.md"));
		String section = readme.substring(readme.indexOf("\n## MQ API"), readme.indexOf("\n## Provisional choices\n"));
		try (FairComEmulator emulator = FairComEmulator.builder().build()) {
			List<String> actions = emulator.actions()
				.definitions()
				.stream()
				.filter((definition) -> definition.api().equals("mq"))
				.map(ActionDefinition::action)
				.toList();
			assertThat(actions).hasSize(21);
			actions.forEach((action) -> assertThat(section).contains("`" + action + "`"));
		}
	}

	@Test
	void mqErrorCodesStayInTheirBand() {
		List<ProvisionalChoice> errors = Arrays.stream(ProvisionalChoice.values())
			.filter((choice) -> choice.name().startsWith("MQ_") && choice.isError())
			.toList();
		assertThat(errors).hasSize(12)
			.allSatisfy((choice) -> assertThat(choice.errorCode()).isBetween(99070, 99089));
	}

}
