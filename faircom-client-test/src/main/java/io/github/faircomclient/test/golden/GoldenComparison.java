package io.github.faircomclient.test.golden;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeType;

/**
 * Compares an actual JSON answer with an expected (documented) one, following the rules of the
 * golden files' README:
 * <ul>
 * <li>property order is irrelevant; numbers compare by value ({@code 1} equals {@code 1.0});</li>
 * <li>a value at a volatile path must be present and of the same JSON type, and a string must be
 * non-empty when the documented one is, but its value may differ;</li>
 * <li>in subset mode (partial examples) every documented property and array element must be present
 * and equal, while extra properties and extra trailing array elements are allowed; in exact mode they
 * are differences.</li>
 * </ul>
 * Ignored paths are not compared at all (they may be missing or hold anything); use them only for
 * documented inconsistencies, and say why.
 *
 * <p>Paths are dot paths from the root, {@code [*]} matching every array element and {@code [n]} one
 * element, e.g. {@code result.sessions[*].authToken}. Instances are immutable.
 */
public final class GoldenComparison {

	private final JsonNode expected;

	private final List<Path> volatilePaths;

	private final List<Path> ignoredPaths;

	private final boolean subset;

	private GoldenComparison(JsonNode expected, List<Path> volatilePaths, List<Path> ignoredPaths, boolean subset) {
		this.expected = expected;
		this.volatilePaths = volatilePaths;
		this.ignoredPaths = ignoredPaths;
		this.subset = subset;
	}

	/**
	 * A comparison against a golden example's response with its volatile paths, in subset mode when the
	 * example is partial.
	 * @param example a golden example with a response
	 * @return the comparison
	 * @throws IllegalStateException if the example documents no response
	 */
	public static GoldenComparison of(GoldenExample example) {
		return new GoldenComparison(example.requiredResponse(), parse(example.volatilePaths()), List.of(),
				example.partial());
	}

	/**
	 * An exact comparison against any expected JSON value, without volatile paths.
	 * @param expected the expected value
	 * @return the comparison
	 */
	public static GoldenComparison of(JsonNode expected) {
		return new GoldenComparison(Objects.requireNonNull(expected, "expected"), List.of(), List.of(), false);
	}

	/**
	 * Adds volatile paths.
	 * @param paths dot paths compared loosely
	 * @return a new comparison
	 */
	public GoldenComparison withVolatilePaths(String... paths) {
		return new GoldenComparison(this.expected, concat(this.volatilePaths, parse(List.of(paths))), this.ignoredPaths,
				this.subset);
	}

	/**
	 * Adds paths that are not compared at all.
	 * @param paths dot paths to ignore
	 * @return a new comparison
	 */
	public GoldenComparison ignoring(String... paths) {
		return new GoldenComparison(this.expected, this.volatilePaths, concat(this.ignoredPaths, parse(List.of(paths))),
				this.subset);
	}

	/**
	 * Switches to subset mode: extra properties and trailing array elements in the actual value are allowed.
	 * @return a new comparison
	 */
	public GoldenComparison asSubset() {
		return new GoldenComparison(this.expected, this.volatilePaths, this.ignoredPaths, true);
	}

	/**
	 * Whether this comparison allows extra properties and array elements.
	 * @return {@code true} in subset mode
	 */
	public boolean isSubset() {
		return this.subset;
	}

	/**
	 * Compares an actual value with the expected one.
	 * @param actual the value to check
	 * @return the differences found (none when it matches)
	 */
	public Result compare(JsonNode actual) {
		List<Difference> differences = new ArrayList<>();
		compare(this.expected, actual, new ArrayList<>(), differences);
		return new Result(List.copyOf(differences));
	}

	private void compare(JsonNode expected, JsonNode actual, List<Object> location, List<Difference> differences) {
		if (matchesAny(this.ignoredPaths, location)) {
			return;
		}
		if (matchesAny(this.volatilePaths, location)) {
			compareLoosely(expected, actual, location, differences);
			return;
		}
		if (expected.isObject()) {
			if (!actual.isObject()) {
				differences.add(typeDifference(location, expected, actual));
				return;
			}
			for (String name : expected.propertyNames()) {
				List<Object> child = child(location, name);
				JsonNode actualChild = actual.get(name);
				if (actualChild == null) {
					if (!matchesAny(this.ignoredPaths, child)) {
						differences.add(new Difference(render(child), "missing; expected " + abbreviate(expected.get(name))));
					}
				}
				else {
					compare(expected.get(name), actualChild, child, differences);
				}
			}
			if (!this.subset) {
				for (String name : actual.propertyNames()) {
					List<Object> child = child(location, name);
					if (!expected.has(name) && !matchesAny(this.ignoredPaths, child)) {
						differences.add(new Difference(render(child), "unexpected property with value " + abbreviate(actual.get(name))));
					}
				}
			}
		}
		else if (expected.isArray()) {
			if (!actual.isArray()) {
				differences.add(typeDifference(location, expected, actual));
				return;
			}
			int expectedSize = expected.size();
			int actualSize = actual.size();
			if (actualSize < expectedSize || (!this.subset && actualSize != expectedSize)) {
				differences.add(new Difference(render(location), (this.subset ? "expected at least " : "expected ")
						+ expectedSize + " element(s) but found " + actualSize));
			}
			for (int i = 0; i < Math.min(expectedSize, actualSize); i++) {
				compare(expected.get(i), actual.get(i), child(location, i), differences);
			}
		}
		else if (!scalarEquals(expected, actual)) {
			differences.add(new Difference(render(location), "expected " + abbreviate(expected) + " but was " + abbreviate(actual)));
		}
	}

	private static void compareLoosely(JsonNode expected, JsonNode actual, List<Object> location, List<Difference> differences) {
		if (category(expected) != category(actual)) {
			differences.add(typeDifference(location, expected, actual));
		}
		else if (expected.isString() && !expected.stringValue().isEmpty() && actual.stringValue().isEmpty()) {
			differences.add(new Difference(render(location), "expected a non-empty string (volatile) but was \"\""));
		}
	}

	private static boolean scalarEquals(JsonNode expected, JsonNode actual) {
		if (expected.isNumber() && actual.isNumber()) {
			return expected.decimalValue().compareTo(actual.decimalValue()) == 0;
		}
		if (category(expected) != category(actual)) {
			return false;
		}
		return expected.equals(actual);
	}

	private static JsonNodeType category(JsonNode node) {
		JsonNodeType type = node.getNodeType();
		return (type == JsonNodeType.POJO || type == JsonNodeType.BINARY) ? JsonNodeType.STRING : type;
	}

	private static Difference typeDifference(List<Object> location, JsonNode expected, JsonNode actual) {
		return new Difference(render(location), "expected " + describeType(expected) + " " + abbreviate(expected)
				+ " but was " + describeType(actual) + " " + abbreviate(actual));
	}

	private static String describeType(JsonNode node) {
		return switch (category(node)) {
			case OBJECT -> "an object";
			case ARRAY -> "an array";
			case STRING -> "a string";
			case NUMBER -> "a number";
			case BOOLEAN -> "a boolean";
			case NULL -> "null";
			default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
		};
	}

	private static String abbreviate(JsonNode node) {
		String text = node.toString();
		return (text.length() > 120) ? text.substring(0, 117) + "..." : text;
	}

	private static List<Object> child(List<Object> location, Object segment) {
		List<Object> child = new ArrayList<>(location.size() + 1);
		child.addAll(location);
		child.add(segment);
		return child;
	}

	private static boolean matchesAny(List<Path> paths, List<Object> location) {
		for (Path path : paths) {
			if (path.matches(location)) {
				return true;
			}
		}
		return false;
	}

	private static String render(List<Object> location) {
		if (location.isEmpty()) {
			return "$";
		}
		StringBuilder text = new StringBuilder();
		for (Object segment : location) {
			if (segment instanceof Integer index) {
				text.append('[').append(index).append(']');
			}
			else {
				if (text.length() > 0) {
					text.append('.');
				}
				text.append(segment);
			}
		}
		return text.toString();
	}

	private static List<Path> parse(Collection<String> paths) {
		return paths.stream().map(Path::parse).toList();
	}

	private static List<Path> concat(List<Path> first, List<Path> second) {
		List<Path> all = new ArrayList<>(first);
		all.addAll(second);
		return List.copyOf(all);
	}

	/**
	 * One place where the actual value differs from the expected one.
	 * @param path where, as a dot path ({@code $} for the root)
	 * @param problem what differs, in words
	 */
	public record Difference(String path, String problem) {

		@Override
		public String toString() {
			return this.path + ": " + this.problem;
		}

	}

	/**
	 * The outcome of a comparison.
	 * @param differences every difference found, in document order
	 */
	public record Result(List<Difference> differences) {

		/**
		 * Whether the actual value matches.
		 * @return {@code true} when there are no differences
		 */
		public boolean matches() {
			return this.differences.isEmpty();
		}

		/**
		 * The differences, one per line.
		 * @return a readable diff, or {@code "matches"}
		 */
		public String describe() {
			if (matches()) {
				return "matches";
			}
			StringBuilder text = new StringBuilder();
			for (Difference difference : this.differences) {
				text.append("  - ").append(difference).append(System.lineSeparator());
			}
			return text.toString();
		}

	}

	private record Path(String text, List<Object> segments) {

		private static final Object ANY_INDEX = new Object();

		static Path parse(String text) {
			List<Object> segments = new ArrayList<>();
			for (String part : text.split("\\.")) {
				int bracket = part.indexOf('[');
				String name = (bracket < 0) ? part : part.substring(0, bracket);
				if (!name.isEmpty()) {
					segments.add(name);
				}
				while (bracket >= 0) {
					int close = part.indexOf(']', bracket);
					if (close < 0) {
						throw new IllegalArgumentException("Unclosed '[' in path '" + text + "'");
					}
					String index = part.substring(bracket + 1, close);
					segments.add("*".equals(index) ? ANY_INDEX : Integer.valueOf(index));
					bracket = part.indexOf('[', close);
				}
			}
			return new Path(text, List.copyOf(segments));
		}

		boolean matches(List<Object> location) {
			if (location.size() != this.segments.size()) {
				return false;
			}
			for (int i = 0; i < location.size(); i++) {
				Object expected = this.segments.get(i);
				Object actual = location.get(i);
				boolean same = (expected == ANY_INDEX) ? actual instanceof Integer : expected.equals(actual);
				if (!same) {
					return false;
				}
			}
			return true;
		}

	}

}
