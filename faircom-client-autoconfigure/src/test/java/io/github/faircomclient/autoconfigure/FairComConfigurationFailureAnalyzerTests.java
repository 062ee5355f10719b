package io.github.faircomclient.autoconfigure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Tests for {@link FairComConfigurationFailureAnalyzer}, directly and through a real
 * {@link SpringApplication} start (ApplicationContextRunner does not run analyzers).
 */
@ExtendWith(OutputCaptureExtension.class)
class FairComConfigurationFailureAnalyzerTests {

	@Test
	void reportsThePropertyTheReasonAndTheFix() {
		FairComConfigurationException failure = new FairComConfigurationException("faircom.url", "it is missing",
				"Set faircom.url.");
		FailureAnalysis analysis = new FairComConfigurationFailureAnalyzer()
			.analyze(new IllegalStateException("wrapped", failure));
		assertThat(analysis.getDescription()).contains("Property: faircom.url").contains("Reason: it is missing");
		assertThat(analysis.getAction()).isEqualTo("Set faircom.url.");
		assertThat(analysis.getCause()).isSameAs(failure);
	}

	@Test
	void startupWithoutUrlPrintsTheAnalysis(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run("--faircom.username=app", "--faircom.password=hunter2"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Property: faircom.url")
			.contains("Set faircom.url to the endpoint of your FairCom server")
			.doesNotContain("hunter2");
	}

	@Test
	void startupWithBadTimeoutPrintsBootsAnalysis(CapturedOutput output) {
		assertThatException()
			.isThrownBy(() -> run("--faircom.url=http://localhost:1/api", "--faircom.username=app",
					"--faircom.connect-timeout=-1s"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("faircom.connect-timeout")
			.contains("The timeout must be positive");
	}

	private static void run(String... args) {
		SpringApplication application = new SpringApplication(FailingApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.run(args).close();
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ SslAutoConfiguration.class, FairComAutoConfiguration.class })
	static class FailingApplication {

	}

}
