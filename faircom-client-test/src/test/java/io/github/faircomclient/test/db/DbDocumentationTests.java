package io.github.faircomclient.test.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.faircomclient.test.ProvisionalChoice;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the module README in step with the DB code: every DB action is documented and every DB error
 * is either documented by FairCom or a row of the provisional table (whose README rows
 * {@code ProvisionalChoiceTests} checks).
 */
class DbDocumentationTests {

	private static String readme() throws IOException {
		return Files.readString(Path.of("README.md"));
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
