package io.github.faircomclient.core;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

import org.springframework.scheduling.TaskScheduler;

import io.github.faircomclient.FairComConfigurationException;
import io.github.faircomclient.session.ClientCertificateAuthentication;
import io.github.faircomclient.session.PasswordAuthentication;
import io.github.faircomclient.testsupport.Threads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests for {@link SessionManagerFactory}: the login checks and the keepalive scheduler a
 * template creates, on a platform thread or, with virtual threads, on virtual ones.
 */
class SessionManagerFactoryTests {

	private final List<AutoCloseable> owned = new ArrayList<>();

	@Test
	void keepaliveRunsOnOneDaemonPlatformThreadByDefault() throws Exception {
		Thread thread = runKeepalive(false);
		assertThat(Threads.isVirtual(thread)).isFalse();
		assertThat(thread.isDaemon()).isTrue();
		assertThat(thread.getName()).isEqualTo("faircom-keepalive-1");
	}

	@Test
	@EnabledForJreRange(min = JRE.JAVA_21)
	void keepaliveRunsOnVirtualThreadsWhenAsked() throws Exception {
		Thread thread = runKeepalive(true);
		assertThat(Threads.isVirtual(thread)).isTrue();
		assertThat(thread.getName()).startsWith("faircom-keepalive-");
	}

	@Test
	void theTemplateOwnsTheSchedulerAndItsClosingStopsIt() throws Exception {
		TaskScheduler scheduler = SessionManagerFactory.keepaliveScheduler(Clock.systemUTC(), false, this.owned);
		assertThat(this.owned).hasSize(1);
		this.owned.get(0).close();
		assertThatExceptionOfType(RuntimeException.class)
			.isThrownBy(() -> scheduler.schedule(() -> { }, Instant.now()));
	}

	@Test
	void aLoginIsRequiredAndAClientCertificateNeedsHttps() {
		assertThatExceptionOfType(FairComConfigurationException.class)
			.isThrownBy(() -> SessionManagerFactory.checkLogin(URI.create("http://host/api"), null, false))
			.withMessageContaining("no way to log in is configured");
		assertThatExceptionOfType(FairComConfigurationException.class)
			.isThrownBy(() -> SessionManagerFactory.checkLogin(URI.create("http://host/api"),
					new ClientCertificateAuthentication(), false))
			.withMessageContaining("a client-certificate login needs an https url");
		assertThatNoException().isThrownBy(() -> SessionManagerFactory
			.checkLogin(URI.create("https://host/api"), new ClientCertificateAuthentication(), false));
		assertThatNoException().isThrownBy(() -> SessionManagerFactory
			.checkLogin(URI.create("http://host/api"), new PasswordAuthentication("u", "p"), false));
		assertThatNoException()
			.isThrownBy(() -> SessionManagerFactory.checkLogin(URI.create("http://host/api"), null, true));
	}

	private Thread runKeepalive(boolean virtualThreads) throws Exception {
		TaskScheduler scheduler = SessionManagerFactory.keepaliveScheduler(Clock.systemUTC(), virtualThreads,
				this.owned);
		try {
			CompletableFuture<Thread> ran = new CompletableFuture<>();
			scheduler.schedule(() -> ran.complete(Thread.currentThread()), Instant.now());
			Thread first = ran.get(10, TimeUnit.SECONDS);
			if (virtualThreads) {
				return first;
			}
			CompletableFuture<Thread> again = new CompletableFuture<>();
			scheduler.schedule(() -> again.complete(Thread.currentThread()), Instant.now());
			assertThat(again.get(10, TimeUnit.SECONDS)).isSameAs(first);
			return first;
		}
		finally {
			for (AutoCloseable resource : this.owned) {
				resource.close();
			}
			this.owned.clear();
		}
	}

}
