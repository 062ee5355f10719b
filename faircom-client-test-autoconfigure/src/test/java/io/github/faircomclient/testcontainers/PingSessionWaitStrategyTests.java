package io.github.faircomclient.testcontainers;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.testcontainers.containers.ContainerLaunchException;
import org.testcontainers.containers.wait.strategy.WaitStrategyTarget;

import io.github.faircomclient.test.FairComEmulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link PingSessionWaitStrategy}, against the emulator in place of a container:
 * the server is ready once {@code pingSession} answers with errorCode 0, which never logs
 * in; a port where nothing answers fails the startup within its timeout, saying why.
 */
class PingSessionWaitStrategyTests {

	@Test
	void readyOncePingSessionAnswersWithoutLoggingIn() {
		try (FairComEmulator emulator = FairComEmulator.builder().httpPort(0).build().start()) {
			new PingSessionWaitStrategy(FairComContainer.HTTP_PORT).withStartupTimeout(Duration.ofSeconds(30))
				.waitUntilReady(target(emulator.httpPort()));
			assertThat(emulator.actionCount("pingSession")).isOne();
			assertThat(emulator.actionCount("createSession")).isZero();
		}
	}

	@Test
	void aPortWhereNothingAnswersFailsTheStartupInTime() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		long start = System.nanoTime();
		WaitStrategyTarget target = target(port);
		assertThatExceptionOfType(ContainerLaunchException.class)
			.isThrownBy(() -> new PingSessionWaitStrategy(FairComContainer.HTTP_PORT)
				.withStartupTimeout(Duration.ofSeconds(1))
				.waitUntilReady(target))
			.withMessageContaining("did not answer pingSession within 1 s")
			.withMessageContaining("ConnectException");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
	}

	private static WaitStrategyTarget target(int port) {
		WaitStrategyTarget target = mock(WaitStrategyTarget.class);
		given(target.getHost()).willReturn("127.0.0.1");
		given(target.getMappedPort(FairComContainer.HTTP_PORT)).willReturn(port);
		return target;
	}

}
