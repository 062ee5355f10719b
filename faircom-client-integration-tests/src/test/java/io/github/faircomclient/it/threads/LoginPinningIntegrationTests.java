package io.github.faircomclient.it.threads;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import jdk.jfr.consumer.RecordedEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

import org.springframework.core.task.VirtualThreadTaskExecutor;

import io.github.faircomclient.core.FairComTemplate;
import io.github.faircomclient.test.FairComEmulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No pinning in login: fifty virtual threads call a template that has not logged in yet
 * (the emulator answers slowly, so all but one wait for the one shared login) while the
 * flight recorder records every {@code jdk.VirtualThreadPinned} event, whatever its
 * duration; none may have a frame of the client in its stack.
 */
@EnabledForJreRange(min = JRE.JAVA_21)
class LoginPinningIntegrationTests {

	private static final int CALLERS = 50;

	@Test
	void concurrentCallersOnVirtualThreadsWaitForTheSharedLoginWithoutPinning() throws Exception {
		try (FairComEmulator emulator = FairComEmulator.builder().httpPort(0).user("ADMIN", "ADMIN").build().start();
				FairComTemplate template = FairComTemplate.builder()
					.url(emulator.httpUrl())
					.credentials("ADMIN", "ADMIN")
					.virtualThreads(true)
					.build()) {
			emulator.faults().latency(Duration.ofMillis(200));
			List<RecordedEvent> events = FlightRecording.record(() -> {
				VirtualThreadTaskExecutor executor = new VirtualThreadTaskExecutor("caller-");
				List<Future<Object>> calls = new ArrayList<>();
				for (int i = 0; i < CALLERS; i++) {
					calls.add(executor.submit((Callable<Object>) () -> template.admin().listSessions()));
				}
				for (Future<Object> call : calls) {
					assertThat(call.get()).isNotNull();
				}
			}, "jdk.VirtualThreadPinned", "jdk.VirtualThreadStart");
			assertThat(emulator.actionCount("createSession")).isOne();
			assertThat(emulator.actionCount("listSessions")).isEqualTo(CALLERS);
			assertThat(FlightRecording.virtualThreadsStarted(events)).filteredOn((name) -> name.startsWith("caller-"))
				.hasSize(CALLERS);
			assertThat(events).filteredOn((event) -> event.getEventType().getName().equals("jdk.VirtualThreadPinned"))
				.noneMatch((event) -> FlightRecording.hasFrame(event, (type) -> type.startsWith("io.github.faircomclient.")
						&& !type.startsWith("io.github.faircomclient.test.")));
		}
	}

}
