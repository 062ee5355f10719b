package io.github.faircomclient.actuate;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.info.Info;

import io.github.faircomclient.core.FairComTemplate;
import io.github.faircomclient.test.FairComEmulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link FairComInfoContributor} against the emulator: the url without query
 * or fragment (user info never gets into a template's url), the session state before login, once logged in (with the server's
 * version) and after close, one entry per bean with several templates, and no credential
 * or session token anywhere.
 */
class FairComInfoContributorTests {

	private final FairComEmulator emulator = FairComEmulator.builder().httpPort(0).user("app", "s3cret-pa55").build()
		.start();

	@AfterEach
	void stop() {
		this.emulator.close();
	}

	@Test
	void describesTheTemplateFromWhatItKnowsWithoutSecrets() {
		try (FairComTemplate template = template()) {
			FairComInfoContributor contributor = new FairComInfoContributor(Map.of("faircomTemplate", template));
			assertThat(info(contributor)).containsOnly(Map.entry("url", this.emulator.httpUrl().toString()),
					Map.entry("session", "none"));
			assertThat(this.emulator.actionCounts()).as("nothing sent").isEmpty();
			template.admin().listSessions();
			Map<String, Object> loggedIn = info(contributor);
			assertThat(loggedIn).containsEntry("session", "active")
				.containsEntry("permanentSession", false)
				.hasEntrySatisfying("serverVersion",
						(version) -> assertThat(version).asString().startsWith("FairCom JSON Action API emulator"));
			String token = template.getSessionManager().getCurrentSession().getToken();
			assertThat(loggedIn.toString()).doesNotContain("s3cret-pa55").doesNotContain(token).doesNotContain("app");
			template.close();
			assertThat(info(contributor)).containsEntry("session", "closed");
		}
	}

	@Test
	void theUrlLosesQueryAndFragment() {
		try (FairComTemplate template = FairComTemplate.builder()
			.url(URI.create("http://faircom.test:8080/api?key=query-secret#part"))
			.credentials("app", "s3cret-pa55")
			.build()) {
			assertThat(info(new FairComInfoContributor(Map.of("faircomTemplate", template))))
				.containsEntry("url", "http://faircom.test:8080/api");
		}
	}

	@Test
	void severalTemplatesGetOneEntryEachByBeanName() {
		try (FairComTemplate first = template(); FairComTemplate second = template()) {
			second.admin().listSessions();
			Info info = build(new FairComInfoContributor(Map.of("orders", first, "reports", second)));
			@SuppressWarnings("unchecked")
			Map<String, Map<String, Object>> byBean = (Map<String, Map<String, Object>>) info.get("faircom");
			assertThat(byBean).containsOnlyKeys("orders", "reports");
			assertThat(byBean.get("orders")).containsEntry("session", "none");
			assertThat(byBean.get("reports")).containsEntry("session", "active");
		}
	}

	private FairComTemplate template() {
		return FairComTemplate.builder().url(this.emulator.httpUrl()).credentials("app", "s3cret-pa55").build();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> info(FairComInfoContributor contributor) {
		return (Map<String, Object>) build(contributor).get("faircom");
	}

	private static Info build(FairComInfoContributor contributor) {
		Info.Builder builder = new Info.Builder();
		contributor.contribute(builder);
		return builder.build();
	}

}
