package io.github.faircomclient.test.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import io.github.faircomclient.test.ProvisionalChoice;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the module README in step with the code: every DB row of the provisional table and every
 * DB action is documented.
 */
class DbDocumentationTests {

	private static String readme() throws IOException {
		return Files.readString(Path.of("README.md"));
	}

	@Test
	void readmeListsEveryDbProvisionalChoice() throws IOException {
		String readme = readme();
		Arrays.stream(ProvisionalChoice.values())
			.filter((choice) -> choice.name().startsWith("DB_"))
			.forEach((choice) -> assertThat(readme).contains("| `" + choice.name() + "` | "
					+ (choice.isError() ? Integer.toString(choice.errorCode()) : "–") + " |"));
	}

	@Test
	void readmeListsEveryDbAction() throws IOException {
		String readme = readme();
		DbApi.ACTIONS.forEach((action) -> assertThat(readme).contains("`" + action + "`"));
	}

	@Test
	void everyDbErrorIsDocumentedOrProvisional() {
		for (DbError error : DbError.values()) {
			if (error.provisional() == null) {
				assertThat(error.code()).isIn(19, 4021, 4046);
			}
			else {
				assertThat(error.provisional().errorCode()).isEqualTo(error.code());
			}
		}
	}
}
