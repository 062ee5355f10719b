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
		assertThat(GoldenExamples.names()).containsExactlyElementsOf(files).hasSize(125);
	}

	@Test
	void copiesEqualTheSharedGoldenFiles() throws IOException {
		Path shared = Path.of("").toAbsolutePath().getParent().resolve("../shared").normalize();
		Path first = shared.resolve("golden");
		Path second = shared.resolve("golden-next");
		assumeThat(Files.isDirectory(first)).as("../shared/golden beside the repository").isTrue();
		List<Path> originals = files(first);
		assertThat(originals).isNotEmpty();
		for (Path original : originals) {
			Path copy = RESOURCES.resolve(original.getFileName().toString());
			assertThat(copy).as("copy of %s", original).exists();
			if (original.getFileName().toString().equals("README.md")) {
				// the README's tables also list the second set's files: every original line is still there
				assertThat(Files.readAllLines(copy)).as("lines of %s", copy).containsAll(Files.readAllLines(original));
			}
			else {
				assertThat(Files.readAllBytes(copy)).as("content of %s", copy).isEqualTo(Files.readAllBytes(original));
			}
		}
		assumeThat(Files.isDirectory(second)).as("../shared/golden-next beside the repository").isTrue();
		for (Path original : files(second)) {
			if (original.getFileName().toString().endsWith(".json")) {
				assertThat(RESOURCES.resolve(original.getFileName().toString())).as("copy of %s", original).exists();
			}
		}
		for (Path copy : files(RESOURCES)) {
			Path original = first.resolve(copy.getFileName().toString());
			if (!Files.exists(original)) {
				original = second.resolve(copy.getFileName().toString());
			}
			assertThat(original).as("original of %s", copy).exists();
			if (!copy.getFileName().toString().equals("README.md")) {
				assertThat(Files.readAllBytes(copy)).as("content of %s", copy).isEqualTo(Files.readAllBytes(original));
			}
		}
	}

	@Test
	void readmeDescribesEveryShippedFile() throws IOException {
		String readme = GoldenExamples.readme();
		try (Stream<Path> listing = Files.list(RESOURCES)) {
			assertThat(listing.map((path) -> path.getFileName().toString()).filter((name) -> name.endsWith(".json")))
				.isNotEmpty()
				.allSatisfy((name) -> assertThat(readme).as("README row for %s", name).contains("| `" + name + "` |"));
		}
	}

	private static List<Path> files(Path folder) throws IOException {
		try (Stream<Path> listing = Files.list(folder)) {
			return listing.filter(Files::isRegularFile).sorted().toList();
		}
	}

	@Test
	void loadsEveryExampleWithItsParts() {
		List<GoldenExample> all = GoldenExamples.all();
		assertThat(all).hasSize(125);
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
