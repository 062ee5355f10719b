package io.github.faircomclient.core;

import java.time.Duration;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import io.github.faircomclient.FairComConfigurationException;
import io.github.faircomclient.db.DbSettings;
import io.github.faircomclient.session.FairComSessionSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The checks of {@link FairComTemplateBuilder} and the settings types it takes: each
 * wrong setting raises a {@link FairComConfigurationException} naming the property that
 * configures it, the value as written and the fix, when it is set.
 */
class FairComTemplateBuilderTests {

	@Test
	void anUnparsableUrlIsRefusedWithoutQuotingItsUserInfo() {
		assertThatExceptionOfType(FairComConfigurationException.class)
			.isThrownBy(() -> FairComTemplate.builder().url("https://app:hunter2 x@faircom.test/api"))
			.withMessageStartingWith("Invalid FairCom setting faircom.url=https://******@faircom.test/api: it is "
					+ "not a valid URL (")
			.withMessageNotContaining("hunter2")
			.withNoCause();
	}

	@Test
	void aUrlWithCredentialsIsRefusedWithoutQuotingThem() {
		assertThatExceptionOfType(FairComConfigurationException.class)
			.isThrownBy(() -> FairComTemplate.builder().url("https://app:hunter2@faircom.test/api"))
			.withMessage("Invalid FairCom setting faircom.url=https://******@faircom.test/api: it contains "
					+ "credentials; set faircom.username and faircom.password instead. Set faircom.url to the "
					+ "endpoint of your FairCom server, for example https://faircom.example.com:8443/api.");
	}

	@Test
	void urlsShowTheValueAndTheFix() {
		assertRefused("faircom.url", "ftp://faircom.test/api", "it must start with http:// or https://",
				(builder) -> builder.url("ftp://faircom.test/api"));
		assertRefused("faircom.url", null, "it holds the unresolved placeholder ${FAIRCOM_URL}",
				(builder) -> builder.url("${FAIRCOM_URL}"));
	}

	@Test
	void aUrlWithoutPathGetsApi() {
		FairComTemplateBuilder builder = FairComTemplate.builder().url(" https://faircom.test:8443 ");
		assertThat(builder).extracting("url").hasToString("https://faircom.test:8443/api");
	}

	@Test
	void everyWrongSettingNamesItsProperty() {
		assertRefused("faircom.connect-timeout", "0s", "positive", (builder) -> builder.connectTimeout(Duration.ZERO));
		assertRefused("faircom.read-timeout", "-5ms", "positive",
				(builder) -> builder.readTimeout(Duration.ofMillis(-5)));
		assertRefused("faircom.call-timeout", null, "positive", (builder) -> builder.callTimeout(null));
		assertRefused("faircom.pool.max-connections", "0", "at least 1", (builder) -> builder.maxConnections(0));
		assertRefused("faircom.pool.acquire-timeout", "0s", "positive",
				(builder) -> builder.connectionAcquireTimeout(Duration.ZERO));
		assertRefused("faircom.max-response-size", "0B", "positive",
				(builder) -> builder.maxResponseSize(DataSize.ofBytes(0)));
		assertRefused("faircom.max-response-values", "0", "at least 1", (builder) -> builder.maxResponseValues(0));
		assertRefused("faircom.session.login", null, "not set", (builder) -> builder.loginMode(null));
		assertRefused("faircom.session.idle-timeout", "-1s", "0 (the session never idles out) or positive",
				(builder) -> FairComSessionSettings.builder().idleTimeout(Duration.ofSeconds(-1)));
		assertRefused("faircom.session.cursor-idle-timeout", "-2s", "-1 (cursors never idle out), 0 or positive",
				(builder) -> FairComSessionSettings.builder().cursorIdleTimeout(Duration.ofSeconds(-2)));
		assertRefused("faircom.db.max-records", "0", "at least 1", (builder) -> DbSettings.builder().maxRecords(0));
		assertRefused("faircom.db.fetch-size", "-1", "at least 1", (builder) -> DbSettings.builder().fetchSize(-1));
		assertRefused("faircom.db.batch-size", "0", "at least 1", (builder) -> DbSettings.builder().batchSize(0));
		assertRefused("faircom.retry.max-attempts", "0", "at least 1",
				(builder) -> FairComRetrySettings.builder().maxAttempts(0));
		assertRefused("faircom.retry.multiplier", "NaN", "at least 1",
				(builder) -> FairComRetrySettings.builder().multiplier(Double.NaN));
	}

	@Test
	void buildNeedsAUrlAndAWayToLogIn() {
		assertRefused("faircom.url", null, "not set", (builder) -> builder.token("T").build());
		assertRefused("faircom.username", null, "no way to log in is configured",
				(builder) -> builder.url("http://faircom.test/api").build());
		assertRefused("faircom.url", "http://faircom.test/api", "a client-certificate login needs an https url",
				(builder) -> builder.url("http://faircom.test/api").clientCertificate().build());
	}

	private static void assertRefused(String property, String value, String reason,
			Consumer<FairComTemplateBuilder> setting) {
		assertThatExceptionOfType(FairComConfigurationException.class)
			.isThrownBy(() -> setting.accept(FairComTemplate.builder()))
			.satisfies((ex) -> {
				assertThat(ex.getProperty()).isEqualTo(property);
				assertThat(ex.getValue()).isEqualTo(value);
				assertThat(ex.getReason()).contains(reason);
				assertThat(ex.getAction()).contains(property.startsWith("faircom.username") ? "faircom.username"
						: property);
				assertThat(ex.getMessage()).endsWith(".").doesNotContain("..");
			});
	}

}
