package io.github.faircomclient.it.readme;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.yaml.snakeyaml.Yaml;

import org.springframework.core.io.ClassPathResource;

import io.github.faircomclient.core.FairComTemplate;
import io.github.faircomclient.it.readme.Harnesses.Harness;
import io.github.faircomclient.it.readme.Harnesses.Kind;
import io.github.faircomclient.it.readme.Readme.Block;
import io.github.faircomclient.test.FairComEmulator;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/**
 * Every Java example of README.md is compiled with the imports the README shows (and
 * nothing else of the README's) and run against the emulator, inside the harness of
 * {@link Harnesses} that gives it its tables and checks that it did what the README says;
 * the JUnit examples run on the JUnit platform. The Maven, YAML and property names the
 * README shows are checked against the BOM and the configuration metadata. An example
 * that stops compiling or working fails here (issue 13, F1 and F2).
 */
class ReadmeSnippetsIntegrationTests {

	private static final Pattern TYPE = Pattern.compile("^(?:public )?(?:class|interface|record|enum) (\\w+)",
			Pattern.MULTILINE);

	private static Readme readme;

	private static Path classes;

	private static URLClassLoader loader;

	@BeforeAll
	static void compile() throws IOException {
		readme = Readme.read();
		Path root = Path.of("target", "readme-snippets");
		Path sources = root.resolve("sources");
		classes = root.resolve("classes");
		deleteRecursively(root);
		Files.createDirectories(classes);
		List<Path> files = new ArrayList<>();
		Map<String, Harness> harnesses = Harnesses.all();
		for (Block block : readme.blocks("java")) {
			Harness harness = harnesses.get(block.hint());
			if (harness != null && harness.kind() != Kind.IMPORTS) {
				files.addAll(generate(sources, block, harness));
			}
		}
		for (Map.Entry<String, Map<String, String>> group : Harnesses.SUPPORT.entrySet()) {
			for (Map.Entry<String, String> type : group.getValue().entrySet()) {
				files.add(write(sources, group.getKey(), type.getKey(), type.getValue(), List.of()));
			}
		}
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		StringWriter output = new StringWriter();
		List<String> options = List.of("-d", classes.toString(), "-classpath", classPath(), "-proc:none",
				"-parameters", "-nowarn", "-encoding", "UTF-8");
		try (StandardJavaFileManager fileManager = compiler.getStandardFileManager(null, null, null)) {
			boolean compiled = compiler
				.getTask(output, fileManager, null, options, null, fileManager.getJavaFileObjectsFromPaths(files))
				.call();
			assertThat(compiled).as("README examples compile:%n%s", output).isTrue();
		}
		loader = new URLClassLoader(new URL[] { classes.toUri().toURL() },
				ReadmeSnippetsIntegrationTests.class.getClassLoader());
	}

	@AfterAll
	static void close() throws IOException {
		if (loader != null) {
			loader.close();
		}
	}

	@Test
	void everyJavaExampleHasAHarnessAndEveryHarnessItsExample() {
		Set<String> hints = new LinkedHashSet<>();
		for (Block block : readme.blocks("java")) {
			assertThat(block.hint()).as("README.md line %d: a Java example needs a <!-- snippet: name --> "
					+ "comment and a harness in Harnesses", block.line()).isIn(Harnesses.all().keySet());
			assertThat(hints.add(block.hint())).as("snippet name %s used twice", block.hint()).isTrue();
		}
		assertThat(hints).containsExactlyInAnyOrderElementsOf(Harnesses.all().keySet());
	}

	@Test
	void everyImportTheReadmeShowsIsUsedByAnExample() {
		StringBuilder examples = new StringBuilder();
		readme.blocks("java").forEach((block) -> examples.append(block.body()));
		for (String line : readme.imports()) {
			String name = line.substring(line.lastIndexOf('.') + 1, line.length() - 1);
			assertThat(Pattern.compile("\\b" + name + "\\b").matcher(examples).find())
				.as("README.md shows %s but no example uses it", line)
				.isTrue();
		}
	}

	@TestFactory
	Stream<DynamicTest> everyJavaExampleRuns() {
		Map<String, Harness> harnesses = Harnesses.all();
		return readme.blocks("java")
			.stream()
			.filter((block) -> harnesses.get(block.hint()).kind() != Kind.IMPORTS)
			.map((block) -> DynamicTest.dynamicTest(block.hint() + " (README.md line " + block.line() + ")",
					() -> run(block, harnesses.get(block.hint()))));
	}

	private static void run(Block block, Harness harness) throws Exception {
		Thread thread = Thread.currentThread();
		ClassLoader previous = thread.getContextClassLoader();
		thread.setContextClassLoader(loader);
		try {
			if (harness.kind() == Kind.JUNIT) {
				runJUnit(block, harness);
				return;
			}
			try (FairComEmulator emulator = harness.emulator()
				.apply(FairComEmulator.builder().httpPort(0).user("ADMIN", "ADMIN"))
				.build()
				.start();
					FairComTemplate template = FairComTemplate.builder()
						.url(emulator.httpUrl())
						.credentials("ADMIN", "ADMIN")
						.build()) {
				ReadmeSnippet snippet = (ReadmeSnippet) loader.loadClass(runner(harness, block))
					.getDeclaredConstructor()
					.newInstance();
				snippet.run(template, emulator);
			}
		}
		finally {
			thread.setContextClassLoader(previous);
		}
	}

	private static void runJUnit(Block block, Harness harness) throws ClassNotFoundException {
		Class<?> test = loader.loadClass("readme." + harness.group() + "." + typeName(block));
		Launcher launcher = LauncherFactory.create();
		SummaryGeneratingListener listener = new SummaryGeneratingListener();
		launcher.execute(request().selectors(selectClass(test)).build(), listener);
		TestExecutionSummary summary = listener.getSummary();
		StringWriter failures = new StringWriter();
		summary.printFailuresTo(new PrintWriter(failures), 20);
		assertThat(summary.getTestsFoundCount()).as("tests in %s", test.getName()).isPositive();
		assertThat(summary.getTotalFailureCount()).as("failures of %s:%n%s", test.getName(), failures).isZero();
		assertThat(summary.getTestsSucceededCount()).isEqualTo(summary.getTestsFoundCount());
	}

	@Test
	void theMavenExampleImportsTheBomAndAddsPublishedArtifacts() throws IOException {
		String bom = Files.readString(Path.of(readmeDirectory(), "faircom-client-bom", "pom.xml"));
		String version = tag(bom, "version").get(0);
		Set<String> published = new TreeSet<>(tag(bom.substring(bom.indexOf("<dependencyManagement>")),
				"artifactId"));
		assertThat(published).containsExactly("faircom-client-autoconfigure", "faircom-client-starter",
				"faircom-client-test", "faircom-client-test-autoconfigure");
		List<Block> xml = readme.blocks("xml");
		assertThat(xml).isNotEmpty();
		for (Block block : xml) {
			for (String artifact : tag(block.code(), "artifactId")) {
				assertThat(artifact).as("README.md line %d", block.line())
					.isIn(new TreeSet<>(Set.of("faircom-client-bom", "faircom-client-starter", "faircom-client-test",
							"faircom-client-test-autoconfigure")));
			}
			assertThat(tag(block.code(), "version")).as("README.md line %d: only the BOM has a version", block.line())
				.containsOnly(version);
		}
	}

	@Test
	void theYamlExamplesAndTheConfigurationTableNameRealProperties() throws IOException {
		Set<String> properties = new TreeSet<>();
		try (InputStream in = new ClassPathResource("META-INF/spring-configuration-metadata.json").getInputStream()) {
			JsonNode metadata = JsonMapper.builder().build().readTree(in);
			metadata.get("properties").forEach((property) -> properties.add(property.get("name").stringValue()));
		}
		for (Block block : readme.blocks("yaml")) {
			for (Object document : new Yaml().loadAll(block.code())) {
				for (String name : flatten("", document)) {
					if (name.startsWith("faircom.")) {
						assertThat(properties).as("README.md line %d", block.line())
							.anyMatch((property) -> name.equals(property) || name.startsWith(property + "."));
					}
				}
			}
		}
		String text = Files.readString(Path.of(readmeDirectory(), "README.md"));
		String section = text.substring(text.indexOf("## Configuration properties"));
		section = section.substring(0, section.indexOf("\n## ", 1));
		Set<String> table = new TreeSet<>();
		Matcher row = Pattern.compile("^\\| `((?:faircom|management)\\.[\\w.-]+?)(\\.\\*)?` \\|", Pattern.MULTILINE)
			.matcher(section);
		while (row.find()) {
			table.add(row.group(1));
		}
		assertThat(table).as("README.md's configuration table").containsExactlyInAnyOrderElementsOf(properties);
	}

	private static List<String> flatten(String prefix, Object node) {
		List<String> names = new ArrayList<>();
		if (node instanceof Map<?, ?> map) {
			map.forEach((key, value) -> names.addAll(flatten(prefix + key + ".", value)));
		}
		else {
			names.add(prefix.substring(0, prefix.length() - 1));
		}
		return names;
	}

	private static List<String> tag(String xml, String name) {
		List<String> values = new ArrayList<>();
		Matcher matcher = Pattern.compile("<" + name + ">([^<]+)</" + name + ">").matcher(xml);
		while (matcher.find()) {
			values.add(matcher.group(1).trim());
		}
		return values;
	}

	private static String readmeDirectory() {
		return Path.of(System.getProperty("faircom.readme", "../README.md")).toAbsolutePath().getParent().toString();
	}

	/**
	 * Write the sources of one example: the example itself (its classes, or nothing for
	 * statements and members) and the runner class around it.
	 */
	private static List<Path> generate(Path sources, Block block, Harness harness) throws IOException {
		List<Path> files = new ArrayList<>();
		String code = harness.example().apply(block.body());
		List<String> imports = new ArrayList<>(harness.imports());
		if (harness.kind() == Kind.CLASSES || harness.kind() == Kind.JUNIT) {
			files.add(write(sources, harness.group(), typeName(block), code, imports));
			if (harness.kind() == Kind.JUNIT) {
				return files;
			}
		}
		String members = harness.members() + ((harness.kind() == Kind.MEMBERS) ? "\n" + code : "");
		String prelude = "FairComTemplate faircom = template;\nDbOperations db = faircom.db();\n";
		String statements = (harness.prelude() ? prelude : "") + harness.before()
				+ ((harness.kind() == Kind.STATEMENTS) ? code : "") + harness.after();
		String runner = "public class " + runnerName(block) + " implements ReadmeSnippet {\n\n" + indent(members, 1)
				+ "\n\tpublic void run(FairComTemplate template, FairComEmulator emulator) throws Exception {\n"
				+ indent(statements, 2) + "\t}\n\n}\n";
		imports.add("import io.github.faircomclient.it.readme.ReadmeSnippet;");
		files.add(write(sources, harness.group(), runnerName(block), runner, imports));
		return files;
	}

	private static Path write(Path sources, String group, String type, String code, List<String> extraImports)
			throws IOException {
		Set<String> imports = new LinkedHashSet<>();
		readme.imports().stream().filter((line) -> !line.startsWith("import static")).forEach(imports::add);
		imports.addAll(extraImports);
		readme.imports().stream().filter((line) -> line.startsWith("import static")).forEach(imports::add);
		Path file = sources.resolve("readme").resolve(group).resolve(type + ".java");
		Files.createDirectories(file.getParent());
		Files.writeString(file, "package readme." + group + ";\n\n" + String.join("\n", imports) + "\n\n" + code);
		return file;
	}

	private static String runner(Harness harness, Block block) {
		return "readme." + harness.group() + "." + runnerName(block);
	}

	private static String runnerName(Block block) {
		StringBuilder name = new StringBuilder("Snippet");
		for (String part : block.hint().split("-")) {
			name.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
		}
		return name.toString();
	}

	private static String typeName(Block block) {
		Matcher type = TYPE.matcher(block.body());
		assertThat(type.find()).as("README.md line %d declares a class", block.line()).isTrue();
		return type.group(1);
	}

	private static String indent(String code, int tabs) {
		StringBuilder indented = new StringBuilder();
		code.lines().forEach((line) -> indented.append(line.isBlank() ? "" : "\t".repeat(tabs) + line).append('\n'));
		return indented.toString();
	}

	private static String classPath() {
		String path = System.getProperty("surefire.test.class.path");
		return (path != null && !path.isBlank()) ? path : System.getProperty("java.class.path");
	}

	private static void deleteRecursively(Path root) throws IOException {
		if (!Files.exists(root)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(root)) {
			paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).map(Path::toFile).forEach(File::delete);
		}
	}

}
