package io.github.faircomclient.test.golden;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class GoldenComparisonTests {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static JsonNode json(String text) {
		return MAPPER.readTree(text.replace('\'', '"'));
	}

	private static List<String> differences(GoldenComparison comparison, String actual) {
		return comparison.compare(json(actual)).differences().stream().map(GoldenComparison.Difference::toString).toList();
	}

	@Test
	void propertyOrderDoesNotMatter() {
		GoldenComparison comparison = GoldenComparison.of(json("{'a':1,'b':{'c':'x','d':[1,2]}}"));
		assertThat(differences(comparison, "{'b':{'d':[1,2],'c':'x'},'a':1}")).isEmpty();
	}

	@Test
	void numbersCompareByValue() {
		GoldenComparison comparison = GoldenComparison.of(json("{'a':1,'b':2.50}"));
		assertThat(differences(comparison, "{'a':1.0,'b':2.5}")).isEmpty();
		assertThat(differences(comparison, "{'a':'1','b':2.5}")).containsExactly("a: expected 1 but was \"1\"");
	}

	@Test
	void exactModeReportsMissingExtraAndChangedValues() {
		GoldenComparison comparison = GoldenComparison.of(json("{'errorCode':0,'errorMessage':'','result':{}}"));
		assertThat(differences(comparison, "{'errorCode':12031,'debugInfo':{},'result':{}}")).containsExactly(
				"errorCode: expected 0 but was 12031", "errorMessage: missing; expected \"\"",
				"debugInfo: unexpected property with value {}");
	}

	@Test
	void exactModeComparesArrayLengthsAndElements() {
		GoldenComparison comparison = GoldenComparison.of(json("{'list':[{'a':1},{'a':2}]}"));
		assertThat(differences(comparison, "{'list':[{'a':1},{'a':3},{'a':4}]}"))
			.containsExactly("list: expected 2 element(s) but found 3", "list[1].a: expected 2 but was 3");
	}

	@Test
	void subsetModeAllowsExtraPropertiesAndTrailingElements() {
		GoldenComparison comparison = GoldenComparison.of(json("{'result':{'list':[{'a':1}]}}")).asSubset();
		assertThat(differences(comparison, "{'result':{'list':[{'a':1,'b':2},{'a':9}],'more':true},'errorCode':0}"))
			.isEmpty();
		assertThat(differences(comparison, "{'result':{'list':[]}}"))
			.containsExactly("result.list: expected at least 1 element(s) but found 0");
		assertThat(differences(comparison, "{'result':{'list':[{'a':2}]}}")).containsExactly("result.list[0].a: expected 1 but was 2");
	}

	@Test
	void volatilePathsNeedPresenceAndTypeOnly() {
		GoldenComparison comparison = GoldenComparison.of(json("{'authToken':'placeholder','result':{'sessions':[{'authToken':'x','n':1}]},'ts':5}"))
			.withVolatilePaths("authToken", "result.sessions[*].authToken", "ts");
		assertThat(differences(comparison, "{'authToken':'abc','result':{'sessions':[{'authToken':'def','n':1}]},'ts':77}")).isEmpty();
		assertThat(differences(comparison, "{'authToken':'','result':{'sessions':[{'authToken':7,'n':1}]},'ts':'5'}"))
			.containsExactly("authToken: expected a non-empty string (volatile) but was \"\"",
					"result.sessions[0].authToken: expected a string \"x\" but was a number 7",
					"ts: expected a number 5 but was a string \"5\"");
		assertThat(differences(comparison, "{'result':{'sessions':[{'authToken':'def','n':1}]},'ts':1}"))
			.containsExactly("authToken: missing; expected \"placeholder\"");
	}

	@Test
	void volatileObjectsAndArraysAreComparedByTypeOnly() {
		GoldenComparison comparison = GoldenComparison.of(json("{'hostIpAddresses':['10.0.0.1'],'info':{'a':1}}"))
			.withVolatilePaths("hostIpAddresses", "info");
		assertThat(differences(comparison, "{'hostIpAddresses':['127.0.0.1','::1'],'info':{'b':2}}")).isEmpty();
		assertThat(differences(comparison, "{'hostIpAddresses':'127.0.0.1','info':{}}")).hasSize(1);
	}

	@Test
	void indexedPathsMatchOneElement() {
		GoldenComparison comparison = GoldenComparison.of(json("{'l':[1,2]}")).withVolatilePaths("l[1]");
		assertThat(differences(comparison, "{'l':[1,99]}")).isEmpty();
		assertThat(differences(comparison, "{'l':[3,99]}")).containsExactly("l[0]: expected 1 but was 3");
	}

	@Test
	void ignoredPathsMayBeMissingOrDifferent() {
		GoldenComparison comparison = GoldenComparison.of(json("{'requestId':'00000045','result':{'username':'accountName'}}"))
			.ignoring("requestId", "result.username");
		assertThat(differences(comparison, "{'result':{'username':'ADMIN'}}")).isEmpty();
		assertThat(differences(comparison, "{'result':{'username':'ADMIN','other':1}}"))
			.containsExactly("result.other: unexpected property with value 1");
	}

	@Test
	void partialExampleIsComparedAsSubset() {
		GoldenExample example = GoldenExamples.load("admin-createSession-minimal");
		GoldenComparison comparison = GoldenComparison.of(example);
		assertThat(comparison.isSubset()).isTrue();
		JsonNode documented = example.requiredResponse().deepCopy();
		((tools.jackson.databind.node.ObjectNode) documented).put("errorCode", 0);
		assertThat(comparison.compare(documented).matches()).isTrue();
	}

	@Test
	void completeExampleIsComparedExactly() {
		GoldenExample example = GoldenExamples.load("admin-pingSession-minimal");
		assertThat(example.compareResponse(json("{'result':{},'errorCode':0,'errorMessage':''}")).matches()).isTrue();
		assertThat(example.compareResponse(json("{'result':{},'errorCode':0,'errorMessage':'','authToken':'x'}"))
			.describe()).contains("authToken: unexpected property");
	}

	@Test
	void typeMismatchesAreReported() {
		GoldenComparison comparison = GoldenComparison.of(json("{'a':{},'b':[],'c':true,'d':null}"));
		assertThat(differences(comparison, "{'a':[],'b':{},'c':'true','d':0}")).containsExactly(
				"a: expected an object {} but was an array []", "b: expected an array [] but was an object {}",
				"c: expected true but was \"true\"", "d: expected null but was 0");
	}

	@Test
	void assertionErrorCarriesTheDiffAndTheAnswer() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> GoldenAssertions.assertMatchesGolden("admin-pingSession-minimal",
					json("{'result':{},'errorCode':1,'errorMessage':''}")))
			.withMessageContaining("admin-pingSession-minimal")
			.withMessageContaining("errorCode: expected 0 but was 1")
			.withMessageContaining("Actual answer:");
	}

	@Test
	void unclosedBracketInPathIsRefused() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> GoldenComparison.of(json("{}")).withVolatilePaths("a[1"));
	}

}
