package io.github.faircomclient.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Validation of the url given to {@link FairComTemplateBuilder}.
 */
class FairComTemplateBuilderTests {

	@Test
	void anUnparsableUrlIsRefusedWithoutQuotingIt() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> FairComTemplate.builder().url("https://app:hunter2 x@faircom.test/api"))
			.withMessageStartingWith("'url' is not a valid URL (")
			.withMessageNotContaining("hunter2")
			.withNoCause();
	}

	@Test
	void aUrlWithCredentialsIsRefusedWithoutQuotingThem() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> FairComTemplate.builder().url("https://app:hunter2@faircom.test/api"))
			.withMessage("'url' must not contain credentials");
	}

	@Test
	void aUrlWithoutPathGetsApi() {
		FairComTemplateBuilder builder = FairComTemplate.builder().url(" https://faircom.test:8443 ");
		assertThat(builder).extracting("url").hasToString("https://faircom.test:8443/api");
	}

}
