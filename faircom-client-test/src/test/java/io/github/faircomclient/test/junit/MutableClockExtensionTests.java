package io.github.faircomclient.test.junit;

import java.time.Duration;

import io.github.faircomclient.test.ClientAuth;
import io.github.faircomclient.test.FairComEmulator;
import io.github.faircomclient.test.MutableEmulatorClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@EnableFairComEmulator(mutableClock = true, https = true, http = false, clientAuth = ClientAuth.NEED)
class MutableClockExtensionTests {

	@Test
	void injectsTheEmulatorsMutableClock(FairComEmulator emulator, MutableEmulatorClock clock) {
		assertThat(emulator.clock()).isSameAs(clock);
		assertThat(clock.isTicking()).isFalse();
		java.time.Instant before = clock.now();
		clock.advance(Duration.ofMinutes(5));
		assertThat(emulator.clock().now()).isEqualTo(before.plus(Duration.ofMinutes(5)));
	}

	@Test
	void httpsOnly(FairComEmulator emulator) {
		assertThat(emulator.httpsUrl().toString()).matches("https://127\\.0\\.0\\.1:\\d+/api");
		assertThat(emulator.httpsPort()).isPositive();
		org.assertj.core.api.Assertions.assertThatIllegalStateException().isThrownBy(emulator::httpUrl);
	}

}
