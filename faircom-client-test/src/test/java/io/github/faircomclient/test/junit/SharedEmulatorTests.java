package io.github.faircomclient.test.junit;

import io.github.faircomclient.test.FairComEmulator;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestClassOrder;

import static org.assertj.core.api.Assertions.assertThat;

@TestClassOrder(ClassOrderer.OrderAnnotation.class)
class SharedEmulatorTests {

	private static FairComEmulator fromFirst;

	@Nested
	@Order(1)
	@EnableFairComEmulator(shared = true, profile = "legacy")
	class First {

		@Test
		void capture(FairComEmulator emulator) {
			fromFirst = emulator;
			assertThat(emulator.isRunning()).isTrue();
		}

	}

	@Nested
	@Order(2)
	@EnableFairComEmulator(shared = true, profile = "legacy")
	class Second {

		@Test
		void sameSettingsShareOneEmulator(FairComEmulator emulator) {
			assertThat(emulator).isSameAs(fromFirst);
		}

	}

	@Nested
	@Order(3)
	@EnableFairComEmulator(shared = true, profile = "older")
	class Third {

		@Test
		void otherSettingsGetAnotherEmulator(FairComEmulator emulator) {
			assertThat(emulator).isNotSameAs(fromFirst);
			assertThat(fromFirst.isRunning()).as("shared emulators live until the end of the run").isTrue();
		}

	}

}
