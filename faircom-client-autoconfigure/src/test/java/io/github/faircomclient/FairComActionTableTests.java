package io.github.faircomclient;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.github.faircomclient.admin.AdminOperations;
import io.github.faircomclient.db.DbOperations;
import io.github.faircomclient.test.golden.GoldenExample;
import io.github.faircomclient.test.golden.GoldenExamples;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the README's table of FairCom's actions and their typed methods from rotting: every
 * {@code db} and {@code admin} action of FairCom's documented examples (the golden files)
 * and of the action inventory in {@code docs/faircom-protocol.md} has a row, no row leaves
 * its action to {@code execute(...)}, and every method a row names exists.
 */
class FairComActionTableTests {

	private static final String HEADING = "### FairCom's actions and their typed methods";

	private static final Pattern ROW = Pattern.compile("^\\| `(\\w+)` \\| `(\\w+)` \\| (.+) \\|$");

	private static final Pattern REFERENCE = Pattern.compile("`(db\\(\\)|admin\\(\\)|[A-Z]\\w*)\\.([a-z]\\w*)\\(");

	private static final Pattern CODE = Pattern.compile("`([a-z][A-Za-z]+)`");

	private static final List<String> PACKAGES = List.of("db", "admin", "core", "session", "transaction");

	@Test
	void everyDocumentedActionHasATypedMethod() throws IOException {
		Map<String, String> table = table();
		Set<String> documented = new LinkedHashSet<>();
		documented.addAll(goldenActions());
		documented.addAll(inventory());
		assertThat(documented).as("the sources were read").hasSizeGreaterThan(40);
		assertThat(table.keySet()).containsAll(documented);
		table.forEach((action, cell) -> assertThat(cell).as(action).doesNotContain("execute("));
	}

	@Test
	void everyMethodTheTableNamesExists() throws IOException {
		table().forEach((action, cell) -> {
			Matcher reference = REFERENCE.matcher(cell);
			List<String> methods = new ArrayList<>();
			while (reference.find()) {
				Class<?> owner = owner(reference.group(1));
				String name = reference.group(2);
				assertThat(Arrays.stream(owner.getMethods())
					.filter((method) -> Modifier.isPublic(method.getModifiers()))
					.map(Method::getName)).as(action + ": " + owner.getSimpleName() + "." + name).contains(name);
				methods.add(name);
			}
			assertThat(methods).as(action + " names a method").isNotEmpty();
		});
	}

	/**
	 * The rows of the table, keyed {@code api/action}.
	 */
	private static Map<String, String> table() throws IOException {
		String readme = Files.readString(Path.of("../README.md"));
		int start = readme.indexOf(HEADING);
		assertThat(start).as("the README has the table").isNotNegative();
		int end = readme.indexOf("\n### ", start + HEADING.length());
		Map<String, String> rows = new LinkedHashMap<>();
		for (String line : readme.substring(start, end).split("\n")) {
			Matcher row = ROW.matcher(line);
			if (row.matches()) {
				assertThat(rows.put(row.group(1) + "/" + row.group(2), row.group(3))).as(line).isNull();
			}
		}
		return rows;
	}

	private static Set<String> goldenActions() {
		Set<String> actions = new LinkedHashSet<>();
		for (String name : GoldenExamples.names()) {
			String api = name.substring(0, name.indexOf('-'));
			if (api.equals("db") || api.equals("admin")) {
				GoldenExample example = GoldenExamples.load(name);
				actions.add(api + "/" + example.request().get("action").stringValue());
			}
		}
		return actions;
	}

	/**
	 * The action inventory of the protocol reference: the admin action list and the DB
	 * inventory, without what is said in parentheses (other spellings, actions that do not
	 * exist).
	 */
	private static Set<String> inventory() throws IOException {
		String protocol = Files.readString(Path.of("../docs/faircom-protocol.md"));
		Set<String> actions = new LinkedHashSet<>();
		codes(between(protocol, "Action list [C D-ADMIN]", "There is NO")).forEach((action) -> actions.add("admin/" + action));
		codes(between(protocol, "### 5.1 Action inventory", "- Common naming")).forEach((action) -> actions.add("db/" + action));
		return actions;
	}

	private static String between(String text, String from, String to) {
		int start = text.indexOf(from);
		int end = text.indexOf(to, start);
		assertThat(start).as(from).isNotNegative();
		assertThat(end).as(to).isGreaterThan(start);
		return text.substring(start + from.length(), end).replaceAll("\\([^)]*\\)", "");
	}

	private static List<String> codes(String text) {
		List<String> codes = new ArrayList<>();
		Matcher code = CODE.matcher(text);
		while (code.find()) {
			codes.add(code.group(1));
		}
		return codes;
	}

	private static Class<?> owner(String name) {
		if (name.equals("db()")) {
			return DbOperations.class;
		}
		if (name.equals("admin()")) {
			return AdminOperations.class;
		}
		for (String pkg : PACKAGES) {
			try {
				return Class.forName("io.github.faircomclient." + pkg + "." + name);
			}
			catch (ClassNotFoundException ex) {
				// try the next package
			}
		}
		throw new AssertionError("No class " + name + " in " + PACKAGES);
	}

}
