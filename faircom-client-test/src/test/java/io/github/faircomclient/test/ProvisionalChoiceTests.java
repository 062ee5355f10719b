package io.github.faircomclient.test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ProvisionalChoiceTests {

	@Test
	void errorCodesAreUniqueAndInTheEmulatorBand() {
		Set<Integer> codes = Arrays.stream(ProvisionalChoice.values())
			.filter(ProvisionalChoice::isError)
			.map(ProvisionalChoice::errorCode)
			.collect(Collectors.toSet());
		long errors = Arrays.stream(ProvisionalChoice.values()).filter(ProvisionalChoice::isError).count();
		// the DB rows for duplicate key, missing table and lock timeout use the c-tree engine codes of those
		// conditions (KDUP_ERR, FNOP_ERR, DLOK_ERR), which the JSON API is inferred to pass through
		Set<Integer> engineCodes = Set.of(2, 12, 42);
		assertThat(codes).hasSize((int) errors)
			.allSatisfy((code) -> assertThat(engineCodes.contains(code) || (code >= 99001 && code <= 99099)).isTrue());
	}

	@Test
	void filledMessagesFitFairComsErrorMessageLimit() {
		for (ProvisionalChoice choice : ProvisionalChoice.values()) {
			if (choice.isError()) {
				Object[] arguments = new Object[8];
				Arrays.fill(arguments, "x".repeat(20));
				String template = choice.text().replaceAll("%d", "%s");
				String message = String.format(template, arguments);
				assertThat(message.getBytes(StandardCharsets.UTF_8).length).as(choice.name()).isLessThanOrEqualTo(256);
			}
		}
	}

	@Test
	void behaviourRowsAreNotErrors() {
		assertThat(ProvisionalChoice.API_PATHS.isError()).isFalse();
		assertThat(ProvisionalChoice.API_PATHS.errorCode()).isZero();
		assertThatIllegalStateException().isThrownBy(() -> ProvisionalChoice.API_PATHS.message());
		assertThat(ProvisionalChoice.UNKNOWN_ACTION.message("dance", "admin")).isEqualTo("Unknown action 'dance' in api 'admin'.");
	}

	@Test
	void moduleReadmeMirrorsTheTable() throws IOException {
		String whole = Files.readString(Path.of("README.md"));
		assertThat(whole).contains("## Provisional choices");
		String readme = whole.substring(whole.indexOf("## Provisional choices"));
		for (ProvisionalChoice choice : ProvisionalChoice.values()) {
			String row = readme.lines()
				.filter((line) -> line.startsWith("| `" + choice.name() + "` |"))
				.findFirst()
				.orElseThrow(() -> new AssertionError("README.md has no row for " + choice.name()));
			if (choice.isError()) {
				assertThat(row).as(choice.name()).contains("| " + choice.errorCode() + " |")
					.contains("| " + choice.httpStatus() + " |")
					.contains(choice.text().replace("|", "\\|"));
			}
			else {
				assertThat(row).as(choice.name()).contains(choice.text().replace("|", "\\|"));
			}
		}
		long rows = readme.lines().filter((line) -> line.matches("\\| `[A-Z0-9_]+` \\|.*")).count();
		assertThat(rows).as("no stale rows").isEqualTo(ProvisionalChoice.values().length);
	}

}
