package io.github.faircomclient.test;

import io.github.faircomclient.test.CompatibilityProfile.SessionGoneAnswer;
import io.github.faircomclient.test.CompatibilityProfile.TokenPlacement;
import io.github.faircomclient.test.CompatibilityProfile.UnknownTokenDelete;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CompatibilityProfileTests {

	@Test
	void presetsHaveTheDocumentedDimensions() {
		assertThat(CompatibilityProfile.NEWEST).hasToString(
				"NEWEST (tokenPlacement=TOP_LEVEL_AND_RESULT,unknownTokenDelete=SUCCESS_WITH_WARNING,sessionGoneAnswer=ERROR_12031)");
		assertThat(CompatibilityProfile.OLDER.tokenPlacement()).isEqualTo(TokenPlacement.RESULT_ONLY);
		assertThat(CompatibilityProfile.OLDER.unknownTokenDelete()).isEqualTo(UnknownTokenDelete.ERROR_12031);
		assertThat(CompatibilityProfile.OLDER.sessionGoneAnswer()).isEqualTo(SessionGoneAnswer.ERROR_12031);
		assertThat(CompatibilityProfile.UNAUTHORIZED_401.sessionGoneAnswer()).isEqualTo(SessionGoneAnswer.ERROR_12031_HTTP_401);
		assertThat(CompatibilityProfile.UNAUTHORIZED_401.tokenPlacement()).isEqualTo(TokenPlacement.TOP_LEVEL_AND_RESULT);
		assertThat(CompatibilityProfile.LEGACY.sessionGoneAnswer()).isEqualTo(SessionGoneAnswer.LEGACY_MINUS_1);
		assertThat(CompatibilityProfile.LEGACY.tokenPlacement()).isEqualTo(TokenPlacement.RESULT_ONLY);
	}

	@ParameterizedTest
	@CsvSource({ "newest,NEWEST", "Older,OLDER", "unauthorized-401,UNAUTHORIZED_401", "UNAUTHORIZED_401,UNAUTHORIZED_401",
			"unauthorized401,UNAUTHORIZED_401", "legacy,LEGACY", "' legacy ',LEGACY" })
	void parsesPresets(String text, String preset) {
		assertThat(CompatibilityProfile.parse(text).toString()).startsWith(preset + " (");
	}

	@Test
	void parsesOverrides() {
		CompatibilityProfile profile = CompatibilityProfile.parse("older, sessionGoneAnswer=error-12031-http-401");
		assertThat(profile.tokenPlacement()).isEqualTo(TokenPlacement.RESULT_ONLY);
		assertThat(profile.sessionGoneAnswer()).isEqualTo(SessionGoneAnswer.ERROR_12031_HTTP_401);
		assertThat(profile).hasToString(
				"tokenPlacement=RESULT_ONLY,unknownTokenDelete=ERROR_12031,sessionGoneAnswer=ERROR_12031_HTTP_401");
		assertThat(CompatibilityProfile.parse("tokenPlacement=result_only"))
			.isEqualTo(CompatibilityProfile.NEWEST.withTokenPlacement(TokenPlacement.RESULT_ONLY));
		assertThat(CompatibilityProfile.parse("token=RESULT_ONLY,delete=ERROR_12031,expired=LEGACY_MINUS_1"))
			.isSameAs(CompatibilityProfile.LEGACY);
	}

	@Test
	void withersReturnPresetsWhenTheyMatch() {
		assertThat(CompatibilityProfile.NEWEST.withSessionGoneAnswer(SessionGoneAnswer.ERROR_12031_HTTP_401))
			.isSameAs(CompatibilityProfile.UNAUTHORIZED_401);
		CompatibilityProfile custom = CompatibilityProfile.NEWEST.withUnknownTokenDelete(UnknownTokenDelete.ERROR_12031);
		assertThat(custom).isNotEqualTo(CompatibilityProfile.NEWEST).isEqualTo(CompatibilityProfile.parse("delete=error_12031"));
		assertThat(custom.hashCode()).isEqualTo(CompatibilityProfile.parse("delete=error_12031").hashCode());
	}

	@Test
	void refusesUnknownTextsNamingTheChoices() {
		assertThatIllegalArgumentException().isThrownBy(() -> CompatibilityProfile.parse("newer"))
			.withMessage("Unknown profile 'newer'; use newest, older, unauthorized-401 or legacy");
		assertThatIllegalArgumentException().isThrownBy(() -> CompatibilityProfile.parse("expired=NEVER"))
			.withMessage("Invalid profile setting 'expired=NEVER'; choose one of ERROR_12031, ERROR_12031_HTTP_401, LEGACY_MINUS_1");
		assertThatIllegalArgumentException().isThrownBy(() -> CompatibilityProfile.parse("colour=red"))
			.withMessageContaining("Unknown profile setting 'colour=red'");
		assertThatIllegalArgumentException().isThrownBy(() -> CompatibilityProfile.parse("token=RESULT_ONLY,older"))
			.withMessageContaining("must come first");
	}

}
