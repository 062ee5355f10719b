package io.github.faircomclient.test.golden;

import tools.jackson.databind.JsonNode;

/**
 * Assertions over {@link GoldenComparison}: they throw an {@link AssertionError} holding a readable
 * diff and the actual JSON when the answer does not match.
 */
public final class GoldenAssertions {

	private GoldenAssertions() {
	}

	/**
	 * Asserts that an answer matches a golden example's documented response.
	 * @param exampleName the golden file name, with or without {@code .json}
	 * @param actual the actual answer
	 * @throws AssertionError on a mismatch
	 */
	public static void assertMatchesGolden(String exampleName, JsonNode actual) {
		assertMatches(GoldenExamples.load(exampleName), actual);
	}

	/**
	 * Asserts that an answer matches a golden example's documented response.
	 * @param example the golden example
	 * @param actual the actual answer
	 * @throws AssertionError on a mismatch
	 */
	public static void assertMatches(GoldenExample example, JsonNode actual) {
		assertMatches(example.name(), GoldenComparison.of(example), actual);
	}

	/**
	 * Asserts that an answer satisfies a comparison.
	 * @param description what is compared, for the failure message
	 * @param comparison the comparison
	 * @param actual the actual answer
	 * @throws AssertionError on a mismatch
	 */
	public static void assertMatches(String description, GoldenComparison comparison, JsonNode actual) {
		GoldenComparison.Result result = comparison.compare(actual);
		if (!result.matches()) {
			throw new AssertionError("Answer does not match " + description + (comparison.isSubset() ? " (subset)" : "")
					+ ":" + System.lineSeparator() + result.describe() + "Actual answer: " + actual.toPrettyString());
		}
	}

}
