package io.github.faircomclient.test.junit;

import java.time.Duration;

import io.github.faircomclient.test.CompatibilityProfile;
import io.github.faircomclient.test.EmulatorClock;
import io.github.faircomclient.test.FairComEmulator;
import io.github.faircomclient.test.Fault;
import io.github.faircomclient.test.MutableEmulatorClock;
import io.github.faircomclient.test.tls.TlsMaterial;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

@EnableFairComEmulator(profile = "older", users = { "jim:secret" })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FairComEmulatorExtensionTests {

	private static FairComEmulator first;

	@Test
	@Order(1)
	void injectsARunningEmulatorOnAFreePort(FairComEmulator emulator, TlsMaterial tls) {
		first = emulator;
		assertThat(emulator.isRunning()).isTrue();
		assertThat(emulator.httpUrl().toString()).matches("http://127\\.0\\.0\\.1:\\d+/api");
		assertThat(emulator.httpPort()).isPositive();
		assertThatIllegalStateException().isThrownBy(emulator::httpsUrl).withMessageContaining("no HTTPS listener");
		assertThat(emulator.profile()).isEqualTo(CompatibilityProfile.OLDER);
		assertThat(emulator.clock()).isSameAs(EmulatorClock.system());
		assertThat(tls.caCertificate()).exists();
	}

	@Test
	@Order(2)
	void leavesFaultsAndCountsBehind(FairComEmulator emulator) {
		assertThat(emulator).isSameAs(first);
		emulator.faults().failNext(3, Fault.http500());
		emulator.faults().latency(Duration.ofSeconds(1));
		emulator.profile(CompatibilityProfile.LEGACY);
		emulator.stop();
	}

	@Test
	@Order(3)
	void startsEachTestClean(FairComEmulator emulator) {
		assertThat(emulator).isSameAs(first);
		assertThat(emulator.isRunning()).isTrue();
		assertThat(emulator.faults().pendingFaults()).isZero();
		assertThat(emulator.faults().latency()).isZero();
		assertThat(emulator.profile()).isEqualTo(CompatibilityProfile.OLDER);
		assertThat(emulator.actionCounts()).isEmpty();
	}

	@Nested
	class NestedTests {

		@Test
		void nestedClassesShareTheOuterEmulator(FairComEmulator emulator) {
			assertThat(emulator.profile()).isEqualTo(CompatibilityProfile.OLDER);
			if (first != null) {
				assertThat(emulator).isSameAs(first);
			}
		}

	}

	@Nested
	@EnableFairComEmulator(mutableClock = true, https = true, http = false)
	class NestedWithItsOwnSettings {

		@Test
		void aNestedAnnotationStartsItsOwnEmulator(FairComEmulator emulator, MutableEmulatorClock clock) {
			assertThat(emulator).isNotSameAs(first);
			assertThat(emulator.profile()).isEqualTo(CompatibilityProfile.NEWEST);
			assertThat(emulator.clock()).isSameAs(clock);
			assertThat(emulator.httpsPort()).isPositive();
			assertThatIllegalStateException().isThrownBy(emulator::httpUrl);
		}

	}

}
