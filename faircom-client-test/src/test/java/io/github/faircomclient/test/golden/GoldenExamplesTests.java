package io.github.faircomclient.test.golden;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assumptions.assumeThat;

class GoldenExamplesTests {

	private static final Path RESOURCES = Path.of("src/main/resources/META-INF/faircom/golden");

	@Test
	void indexListsEveryShippedJsonFile() throws IOException {
		List<String> files;
		try (Stream<Path> listing = Files.list(RESOURCES)) {
			files = listing.map((path) -> path.getFileName().toString())
				.filter((name) -> name.endsWith(".json"))
				.map((name) -> name.substring(0, name.length() - 5))
				.sorted()
				.toList();
		}
		assertThat(GoldenExamples.names()).containsExactlyElementsOf(files).hasSize(90);
	}

	@Test
	void copiesEqualTheSharedGoldenFiles() throws IOException {
		Path shared = Path.of("").toAbsolutePath().getParent().resolve("../shared/golden").normalize();
		assumeThat(Files.isDirectory(shared)).as("../shared/golden beside the repository").isTrue();
		List<Path> originals;
		try (Stream<Path> listing = Files.list(shared)) {
			originals = listing.filter(Files::isRegularFile).sorted().toList();
		}
		assertThat(originals).isNotEmpty();
		for (Path original : originals) {
			Path copy = RESOURCES.resolve(original.getFileName().toString());
			assertThat(copy).as("copy of %s", original).exists();
			if (original.getFileName().toString().equals("README.md")) {
				assertKeepsEveryLineInOrder(Files.readAllLines(original), Files.readAllLines(copy));
			}
			else {
				assertThat(Files.readAllBytes(copy)).as("content of %s", copy).isEqualTo(Files.readAllBytes(original));
			}
		}
		long copiesOfTheSecondSet = 0;
		Path next = shared.resolveSibling("golden-next");
		if (Files.isDirectory(next)) {
			List<Path> secondSet;
			try (Stream<Path> listing = Files.list(next)) {
				secondSet = listing.filter(Files::isRegularFile)
					.filter((path) -> path.getFileName().toString().endsWith(".json"))
					.sorted()
					.toList();
			}
			for (Path original : secondSet) {
				Path copy = RESOURCES.resolve(original.getFileName().toString());
				if (original.getFileName().toString().startsWith("mq-")) {
					assertThat(copy).as("copy of %s", original).exists();
				}
				if (Files.exists(copy)) {
					assertThat(Files.readAllBytes(copy)).as("content of %s", copy).isEqualTo(Files.readAllBytes(original));
					copiesOfTheSecondSet++;
				}
			}
		}
		try (Stream<Path> listing = Files.list(RESOURCES)) {
			assertThat(listing.count()).as("no extra files in the golden folder")
				.isEqualTo(originals.size() + copiesOfTheSecondSet);
		}
	}

	/**
	 * The README copy extends the original with the second set's rows and notes, keeping every line.
	 */
	private static void assertKeepsEveryLineInOrder(List<String> original, List<String> copy) {
		int at = 0;
		for (String line : original) {
			while (at < copy.size() && !copy.get(at).equals(line)) {
				at++;
			}
			assertThat(at).as("README.md keeps the line '%s' in order", line).isLessThan(copy.size());
			at++;
		}
	}

	@Test
	void loadsEveryExampleWithItsParts() {
		List<GoldenExample> all = GoldenExamples.all();
		assertThat(all).hasSize(90);
		for (GoldenExample example : all) {
			assertThat(example.request().path("action").isString()).as(example.name()).isTrue();
			assertThat(example.source()).as(example.name()).startsWith("https://");
			assertThat(example.notes()).as(example.name()).isNotBlank();
			if (!example.partial()) {
				assertThat(example.response()).as("complete example %s has a response", example.name()).isNotNull();
			}
		}
	}

	@Test
	void loadsOneExampleWithVolatilePaths() {
		GoldenExample example = GoldenExamples.load("admin-createSession-minimal");
		assertThat(example.name()).isEqualTo("admin-createSession-minimal");
		assertThat(example.partial()).isTrue();
		assertThat(example.requestOnly()).isFalse();
		assertThat(example.volatilePaths()).containsExactly("authToken", "result.authToken",
				"result.sessionStartTimestamp", "result.sessionLastAccessedTimestamp");
		assertThat(example.request().path("params").path("username").asString()).isEqualTo("CHANGE");
		assertThat(example.requiredResponse().path("result").path("idleConnectionTimeoutSeconds").asInt()).isEqualTo(3600);
		assertThat(GoldenExamples.load("admin-createSession-minimal.json").name()).isEqualTo(example.name());
	}

	@Test
	void requestOnlyExamplesHaveNoResponse() {
		GoldenExample example = GoldenExamples.load("admin-alterSession-change-timeouts");
		assertThat(example.requestOnly()).isTrue();
		assertThat(example.response()).isNull();
	}

	@Test
	void findsExamplesOfOneAction() {
		assertThat(GoldenExamples.forAction("admin", "deletesession")).extracting(GoldenExample::name)
			.containsExactly("admin-deleteSession-success-debug", "admin-deleteSession-unknown-token-warning",
					"admin-deleteSession-unknown-token-warning-alt-layout");
	}

	@Test
	void eachLoadIsAFreshCopy() {
		GoldenExample first = GoldenExamples.load("admin-pingSession-minimal");
		first.request().put("action", "changed");
		assertThat(GoldenExamples.load("admin-pingSession-minimal").request().path("action").asString())
			.isEqualTo("pingSession");
	}

	@Test
	void unknownExampleIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> GoldenExamples.load("admin-nothing"))
			.withMessageContaining("META-INF/faircom/golden/admin-nothing.json");
	}

	@Test
	void readmeIsOnTheClasspath() {
		assertThat(GoldenExamples.readme()).contains("### `volatile`").contains("### `partial`");
	}

}
