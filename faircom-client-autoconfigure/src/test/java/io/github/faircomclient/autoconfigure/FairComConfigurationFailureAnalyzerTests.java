package io.github.faircomclient.autoconfigure;

import java.net.ServerSocket;
import java.time.Duration;

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

import io.github.faircomclient.FairComConfigurationException;
import io.github.faircomclient.FairComException;
import io.github.faircomclient.FairComFailureKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Tests for {@link FairComConfigurationFailureAnalyzer} and
 * {@link FairComLoginFailureAnalyzer}, directly and through a real
 * {@link SpringApplication} start (ApplicationContextRunner does not run analyzers).
 */
@ExtendWith(OutputCaptureExtension.class)
class FairComConfigurationFailureAnalyzerTests {

	@Test
	void reportsThePropertyTheValueTheReasonAndTheFix() {
		FairComConfigurationException failure = new FairComConfigurationException("faircom.read-timeout",
				Duration.ofMillis(-500), "it must be a positive duration", "Set a positive duration.");
		FailureAnalysis analysis = new FairComConfigurationFailureAnalyzer(null)
			.analyze(new IllegalStateException("wrapped", failure));
		assertThat(analysis.getDescription()).contains("Property: faircom.read-timeout")
			.contains("Value: -500ms")
			.contains("Reason: it must be a positive duration");
		assertThat(analysis.getAction()).isEqualTo("Set a positive duration.");
		assertThat(analysis.getCause()).isSameAs(failure);
		assertThat(failure.getMessage()).isEqualTo("Invalid FairCom setting faircom.read-timeout=-500ms: it must be a "
				+ "positive duration. Set a positive duration.");
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
	void startupWithBadTimeoutPrintsTheValueAndWhereItWasSet(CapturedOutput output) {
		assertThatException()
			.isThrownBy(() -> run("--faircom.url=http://localhost:1/api", "--faircom.username=app",
					"--faircom.connect-timeout=-1s"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Property: faircom.connect-timeout")
			.contains("Value: -1s")
			.contains("Origin: \"faircom.connect-timeout\" from property source \"commandLineArgs\"")
			.contains("Set faircom.connect-timeout to a positive duration, for example 5s.");
	}

	@Test
	void startupWithAnUnresolvedPasswordPlaceholderNamesIt(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run("--faircom.url=http://localhost:1/api", "--faircom.username=app",
				"--faircom.password=${FAIRCOM_PASSWORD_THAT_IS_NOT_SET}"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Property: faircom.password")
			.contains("unresolved placeholder ${FAIRCOM_PASSWORD_THAT_IS_NOT_SET}");
	}

	@Test
	void eagerLoginToAnUnreachableServerIsAnalyzedWithoutAStackTrace(CapturedOutput output) throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		int closedPort = port;
		assertThatException().isThrownBy(() -> run("--faircom.url=http://127.0.0.1:" + closedPort + "/api",
				"--faircom.username=app", "--faircom.password=hunter2", "--faircom.session.login=eager",
				"--faircom.retry.enabled=false"));
		String printed = output.toString();
		assertThat(printed).contains("APPLICATION FAILED TO START")
			.contains("The FairCom client could not log in while the application started")
			.contains("Failure: FairComConnectException")
			.contains("Check faircom.url (host, port, http or https)")
			.contains("faircom.session.login=lazy")
			.doesNotContain("hunter2")
			.doesNotContain("\tat ");
	}

	@Test
	void otherFairComFailuresAreLeftToTheDefaultReport() {
		FairComException failure = new FairComException("listTables failed", FairComFailureKind.INVALID_ANSWER, "db",
				"listTables", "1", null);
		assertThat(new FairComLoginFailureAnalyzer(null).analyze(failure)).isNull();
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
