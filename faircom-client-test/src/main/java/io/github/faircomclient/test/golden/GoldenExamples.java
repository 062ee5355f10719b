package io.github.faircomclient.test.golden;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the golden files shipped in this jar under {@value #LOCATION}. Both the emulator's tests
 * and the client's tests read the same files from the classpath.
 */
public final class GoldenExamples {

	/**
	 * Classpath folder holding the golden files and their README.
	 */
	public static final String LOCATION = "META-INF/faircom/golden/";

	/**
	 * Classpath resource listing the golden file names, one per line.
	 */
	public static final String INDEX = "META-INF/faircom/golden-index.txt";

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private GoldenExamples() {
	}

	/**
	 * Names of all golden examples, sorted, without the {@code .json} suffix.
	 * @return the example names
	 */
	public static List<String> names() {
		List<String> names = new ArrayList<>();
		for (String line : read(INDEX).split("\\R")) {
			String file = line.trim();
			if (file.endsWith(".json")) {
				names.add(file.substring(0, file.length() - ".json".length()));
			}
		}
		names.sort(null);
		return List.copyOf(names);
	}

	/**
	 * Loads every golden example.
	 * @return all examples, sorted by name
	 */
	public static List<GoldenExample> all() {
		return names().stream().map(GoldenExamples::load).toList();
	}

	/**
	 * Loads the examples of one action, e.g. {@code forAction("admin", "createSession")}.
	 * @param api the api prefix of the file names ({@code admin}, {@code db}, ...)
	 * @param action the action name (case-insensitive)
	 * @return the matching examples, sorted by name
	 */
	public static List<GoldenExample> forAction(String api, String action) {
		String prefix = (api + "-" + action + "-").toLowerCase(Locale.ROOT);
		return names().stream()
			.filter((name) -> name.toLowerCase(Locale.ROOT).startsWith(prefix))
			.map(GoldenExamples::load)
			.toList();
	}

	/**
	 * Loads one golden example; every call parses the file again, so the result may be modified.
	 * @param name the file name, with or without {@code .json}
	 * @return the example
	 * @throws IllegalArgumentException if there is no such example or it is malformed
	 */
	public static GoldenExample load(String name) {
		String base = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
		JsonNode root;
		try {
			root = MAPPER.readTree(read(LOCATION + base + ".json"));
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("Golden example '" + base + "' is not valid JSON: " + ex.getOriginalMessage(), ex);
		}
		if (!(root instanceof ObjectNode object) || !(object.get("request") instanceof ObjectNode request)) {
			throw new IllegalArgumentException("Golden example '" + base + "' has no request object");
		}
		JsonNode response = object.get("response");
		List<String> volatilePaths = new ArrayList<>();
		JsonNode volatileNode = object.path("volatile");
		for (JsonNode path : volatileNode) {
			volatilePaths.add(path.asString());
		}
		return new GoldenExample(base, object.path("source").asString(""), object.path("docVersion").asString(""),
				request, (response == null || response.isNull()) ? null : response,
				object.path("partial").asBoolean(false), volatilePaths, object.path("notes").asString(""));
	}

	/**
	 * The golden files' README (file format and comparison rules).
	 * @return the README text
	 */
	public static String readme() {
		return read(LOCATION + "README.md");
	}

	private static String read(String resource) {
		ClassLoader loader = GoldenExamples.class.getClassLoader();
		try (InputStream in = loader.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalArgumentException("No golden resource '" + resource + "' on the classpath");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read golden resource '" + resource + "'", ex);
		}
	}

}
