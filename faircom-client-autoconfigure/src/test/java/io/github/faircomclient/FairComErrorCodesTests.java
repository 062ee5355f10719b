package io.github.faircomclient;

import org.junit.jupiter.api.Test;

import io.github.faircomclient.core.FairComExceptionTranslator;
import io.github.faircomclient.core.TestResponses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link FairComErrorCodes} and the typed exceptions the translator builds from
 * it.
 */
class FairComErrorCodesTests {

	@Test
	void documentedTableHoldsOnlyDocumentedCodes() {
		FairComErrorCodes documented = FairComErrorCodes.documented();
		assertThat(documented.codesOf(FairComErrorCodes.Category.DUPLICATE_KEY)).containsExactly(2);
		assertThat(documented.codesOf(FairComErrorCodes.Category.NOT_FOUND)).containsExactly(4046);
		assertThat(documented.codesOf(FairComErrorCodes.Category.CHANGE_ID_CONFLICT)).isEmpty();
		assertThat(documented.categoryOf(12031)).isNull();
		assertThat(documented).hasToString("FairComErrorCodes{DUPLICATE_KEY=[2], NOT_FOUND=[4046]}");
	}

	@Test
	void withAddsAndReplacingSetsACategory() {
		FairComErrorCodes codes = FairComErrorCodes.documented()
			.with(FairComErrorCodes.Category.CHANGE_ID_CONFLICT, 99033)
			.with(FairComErrorCodes.Category.NOT_FOUND, 12);
		assertThat(codes.categoryOf(99033)).isEqualTo(FairComErrorCodes.Category.CHANGE_ID_CONFLICT);
		assertThat(codes.codesOf(FairComErrorCodes.Category.NOT_FOUND)).containsExactly(12, 4046);
		FairComErrorCodes replaced = codes.replacing(FairComErrorCodes.Category.NOT_FOUND, 404);
		assertThat(replaced.codesOf(FairComErrorCodes.Category.NOT_FOUND)).containsExactly(404);
		assertThat(codes.codesOf(FairComErrorCodes.Category.NOT_FOUND)).as("immutable").containsExactly(12, 4046);
		assertThat(FairComErrorCodes.none().categoryOf(2)).isNull();
		assertThatExceptionOfType(FairComConfigurationException.class)
			.isThrownBy(() -> FairComErrorCodes.none().with(FairComErrorCodes.Category.NOT_FOUND, 0))
			.satisfies((ex) -> assertThat(ex.getProperty()).isEqualTo("faircom.error-codes.not-found"));
	}

	@Test
	void translatorRaisesTheTypeTheTableAssigns() {
		FairComErrorCodes codes = FairComErrorCodes.documented()
			.with(FairComErrorCodes.Category.CHANGE_ID_CONFLICT, 99033);
		assertThat(failed(2, codes)).isInstanceOf(FairComDuplicateKeyException.class);
		assertThat(failed(4046, codes)).isInstanceOf(FairComNotFoundException.class);
		assertThat(failed(99033, codes)).isInstanceOf(FairComChangeIdConflictException.class)
			.hasMessage("FairCom action db/updateRecords failed with errorCode 99033 (HTTP 200, requestId r-1): "
					+ "the message");
		assertThat(failed(99033, FairComErrorCodes.documented())).isExactlyInstanceOf(FairComApiException.class);
		assertThat(failed(2, FairComErrorCodes.none())).isExactlyInstanceOf(FairComApiException.class);
		FairComApiException typed = failed(2, codes);
		assertThat(typed.getErrorCode()).isEqualTo(2);
		assertThat(typed.getErrorMessage()).isEqualTo("the message");
		assertThat(typed.getAction()).isEqualTo("updateRecords");
		assertThat(FairComExceptionTranslator.actionFailed(answer("getRecordsStartingAtKey", "r-2", 4046),
				FairComErrorCodes.documented())).as("documented table").isInstanceOf(FairComNotFoundException.class);
	}

	private static FairComApiException failed(int errorCode, FairComErrorCodes codes) {
		return FairComExceptionTranslator.actionFailed(answer("updateRecords", "r-1", errorCode), codes);
	}

	private static io.github.faircomclient.core.FairComResponse answer(String action, String requestId, int errorCode) {
		return TestResponses.decode("db", action, requestId,
				"{\"errorCode\":" + errorCode + ",\"errorMessage\":\"the message\"}", null);
	}

}
