package io.github.faircomclient.it;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.github.faircomclient.autoconfigure.FairComAutoConfiguration;
import io.github.faircomclient.core.FairComTemplate;
import io.github.faircomclient.it.support.Reliability;
import io.github.faircomclient.it.support.SwitchableProxy;
import io.github.faircomclient.test.FairComEmulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * R3: shutting down deletes the session exactly once when the server is alive, and
 * completes within the connect timeout plus one second when the server is dead: refused
 * (stopped) or silent (a host that lost power, with a pooled connection still open).
 */
@Tag("reliability")
class ShutdownIntegrationTests {

	private static final Duration CONNECT_TIMEOUT = Duration.ofMillis(500);

	private static final Duration BOUND = CONNECT_TIMEOUT.plusSeconds(1);

	private FairComEmulator emulator;

	private SwitchableProxy proxy;

	@BeforeEach
	void start() throws Exception {
		this.emulator = FairComEmulator.builder().httpPort(0).user("app", "secret").build().start();
		this.proxy = SwitchableProxy.to(this.emulator.httpUrl());
	}

	@AfterEach
	void stop() throws Exception {
		this.proxy.close();
		this.emulator.close();
	}

	private FairComTemplate loggedIn(String url) {
		FairComTemplate template = FairComTemplate.builder()
			.url(url)
			.credentials("app", "secret")
			.connectTimeout(CONNECT_TIMEOUT)
			.build();
		template.execute("admin", "listSessions", null);
		return template;
	}

	@Test
	void aliveServerGetsExactlyOneDeleteSession() {
		FairComTemplate template = loggedIn(this.emulator.httpUrl().toString());
		template.execute("admin", "pingSession", null);
		long start = System.nanoTime();
		template.destroy();
		template.destroy();
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		assertThat(this.emulator.actionCount("deleteSession")).isOne();
		assertThat(this.emulator.actionCount("createSession")).isOne();
		assertThat(this.emulator.sessions()).isEmpty();
		Reliability.record("R3", "alive server: deleteSession sent " + this.emulator.actionCount("deleteSession")
				+ " time(s), live sessions left " + this.emulator.sessions().size() + ", shutdown took "
				+ took.toMillis() + " ms");
	}

	@Test
	void contextCloseWithTheServerAliveDeletesTheSessionOnce() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(FairComAutoConfiguration.class))
			.withPropertyValues("faircom.url=" + this.emulator.httpUrl(), "faircom.username=app",
					"faircom.password=secret")
			.run((context) -> context.getBean(FairComTemplate.class).execute("admin", "pingSession", null));
		assertThat(this.emulator.actionCount("deleteSession")).isOne();
		assertThat(this.emulator.sessions()).isEmpty();
	}

	@Test
	void stoppedServerDoesNotHoldUpTheShutdown() {
		FairComTemplate template = loggedIn(this.emulator.httpUrl().toString());
		this.emulator.stop();
		Duration took = timeDestroy(template);
		assertThat(took).isLessThan(BOUND);
		Reliability.record("R3", "stopped server (connection refused): shutdown took " + took.toMillis()
				+ " ms, bound connect-timeout + 1 s = " + BOUND.toMillis() + " ms");
	}

	@Test
	void silentServerHoldsUpTheShutdownNoLongerThanTheConnectTimeout() throws Exception {
		FairComTemplate template = loggedIn(this.proxy.url().toString());
		this.proxy.blackhole();
		Duration took = timeDestroy(template);
		assertThat(took).isLessThan(BOUND);
		assertThat(this.emulator.actionCount("deleteSession")).isZero();
		Reliability.record("R3", "silent server (no answer, pooled connection open): shutdown took "
				+ took.toMillis() + " ms, bound connect-timeout + 1 s = " + BOUND.toMillis() + " ms");
	}

	@Test
	void silentServerWithoutPooledConnectionsTimesOutConnecting() throws Exception {
		this.proxy.blackhole();
		FairComTemplate template = FairComTemplate.builder()
			.url(this.proxy.url())
			.token("a-permanent-token-that-is-never-deleted")
			.connectTimeout(CONNECT_TIMEOUT)
			.build();
		long start = System.nanoTime();
		org.assertj.core.api.Assertions
			.assertThatExceptionOfType(io.github.faircomclient.FairComTimeoutException.class)
			.isThrownBy(() -> template.execute("admin", "pingSession", null))
			.satisfies((ex) -> assertThat(ex.getType())
				.isEqualTo(io.github.faircomclient.FairComTimeoutException.Type.CONNECT));
		Duration call = Duration.ofNanos(System.nanoTime() - start);
		Duration took = timeDestroy(template);
		assertThat(took).isLessThan(BOUND);
		Reliability.record("R3", "silent server, no connection: a read failed after " + call.toMillis()
				+ " ms (3 connect attempts of " + CONNECT_TIMEOUT.toMillis() + " ms + backoff), shutdown took " + took.toMillis() + " ms");
	}

	@Test
	@org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
	void aLogoutThatRunsOutOfTimeSaysSoInPlainWords(org.springframework.boot.test.system.CapturedOutput output)
			throws Exception {
		FairComTemplate template = loggedIn(this.proxy.url().toString());
		this.proxy.blackhole();
		timeDestroy(template);
		assertThat(output.getOut() + output.getErr())
			.contains("Could not delete FairCom session on shutdown within " + CONNECT_TIMEOUT.toMillis() + "ms")
			.contains("did not complete within the call timeout of " + CONNECT_TIMEOUT.toMillis() + "ms")
			.doesNotContain("CancellationException");
	}

	private static Duration timeDestroy(FairComTemplate template) {
		long start = System.nanoTime();
		template.destroy();
		return Duration.ofNanos(System.nanoTime() - start);
	}

}
