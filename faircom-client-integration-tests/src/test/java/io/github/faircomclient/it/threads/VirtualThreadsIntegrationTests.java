package io.github.faircomclient.it.threads;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.condition.JRE;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.thread.Threading;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import io.github.faircomclient.autoconfigure.FairComAutoConfiguration;
import io.github.faircomclient.core.FairComTemplate;
import io.github.faircomclient.test.autoconfigure.AutoConfigureFairComEmulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code spring.threads.virtual.enabled=true} the template of an application context
 * runs its keepalive scheduler and its call-deadline timer on virtual threads: the flight
 * recorder sees them start as virtual threads when the first call logs in. The property
 * comes from the test, or from the {@code SPRING_THREADS_VIRTUAL_ENABLED} environment
 * variable that the second leg of CI sets for the whole suite.
 */
@EnabledForJreRange(min = JRE.JAVA_21)
class VirtualThreadsIntegrationTests {

	static void assertTheTemplateStartsVirtualThreads(FairComTemplate faircom) throws Exception {
		List<String> started = FlightRecording.virtualThreadsStarted(
				FlightRecording.record(() -> faircom.admin().listSessions(), "jdk.VirtualThreadStart"));
		assertThat(started).anyMatch((name) -> name.startsWith("faircom-keepalive-"))
			.anyMatch((name) -> name.startsWith("faircom-call-deadline-"));
	}

	@Nested
	@SpringBootTest(classes = Application.class, properties = "spring.threads.virtual.enabled=true")
	@AutoConfigureFairComEmulator
	class FromTheProperty {

		@Autowired
		private FairComTemplate faircom;

		@Test
		void keepaliveAndDeadlineTimerRunOnVirtualThreads() throws Exception {
			assertTheTemplateStartsVirtualThreads(this.faircom);
		}

	}

	@Nested
	@SpringBootTest(classes = Application.class)
	@AutoConfigureFairComEmulator(username = "from-environment")
	@EnabledIfEnvironmentVariable(named = "SPRING_THREADS_VIRTUAL_ENABLED", matches = "true")
	class FromTheEnvironmentVariable {

		@Autowired
		private FairComTemplate faircom;

		@Autowired
		private Environment environment;

		@Test
		void theEnvironmentVariableReachesTheTestContext() throws Exception {
			assertThat(Threading.VIRTUAL.isActive(this.environment)).isTrue();
			assertTheTemplateStartsVirtualThreads(this.faircom);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ SslAutoConfiguration.class, FairComAutoConfiguration.class })
	static class Application {

	}

}
