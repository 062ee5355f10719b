package io.github.faircomclient.core;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SessionExpiryClassifier}.
 */
class SessionExpiryClassifierTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
			12031 | 'authToken' does not match any existing session. | true
			12031 | ""                                               | true
			60031 | Not possible to find valid session for the provided token. | true
			-1    | authToken invalid or expired.                    | true
			-1    | "  AUTHTOKEN INVALID OR EXPIRED. "               | true
			-1    | Something else failed                            | false
			0     | ""                                               | false
			19    | Can't create database                            | false
			12030 | ""                                               | false
			""")
	void classifies(int errorCode, String errorMessage, boolean gone) {
		assertThat(SessionExpiryClassifier.isSessionGone(errorCode, errorMessage)).isEqualTo(gone);
	}

}
