package io.github.faircomclient.test.autoconfigure;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestClassOrder;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;

import io.github.faircomclient.autoconfigure.FairComConnectionDetails;
import io.github.faircomclient.core.FairComTemplate;
import io.github.faircomclient.test.Fault;
import io.github.faircomclient.test.FairComEmulator;
import io.github.faircomclient.test.MutableEmulatorClock;
import io.github.faircomclient.test.autoconfigure.app.Catalog;
import io.github.faircomclient.test.tls.TlsMaterial;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application test that uses only {@code @AutoConfigureFairComEmulator}: the
 * application's template runs against the emulator without any property or configuration
 * of the test's own; the emulator starts once per context (so cached contexts share it),
 * another context gets another emulator, a customizer bean reaches the builder, and each
 * test method finds no faults left by the one before.
 */
@SpringBootTest
@AutoConfigureFairComEmulator
@TestClassOrder(ClassOrderer.OrderAnnotation.class)
class AutoConfigureFairComEmulatorIntegrationTests {

	private static final AtomicReference<FairComEmulator> first = new AtomicReference<>();

	@Autowired
	private FairComTemplate faircom;

	@Autowired
	private FairComEmulator emulator;

	@Autowired
	private FairComConnectionDetails connectionDetails;

	@Autowired
	private Catalog catalog;

	@Autowired
	private ApplicationContext context;

	@Test
	void theApplicationRunsOnTheEmulatorWithItsDefaultAccount() {
		this.catalog.create("inventory");
		assertThat(this.catalog.databases()).contains("inventory");
		assertThat(this.faircom.getUrl()).isEqualTo(this.emulator.httpUrl());
		assertThat(this.connectionDetails.getUsername()).isEqualTo("ADMIN");
		assertThat(this.emulator.sessions()).singleElement()
			.satisfies((session) -> assertThat(session.username()).isEqualToIgnoringCase("ADMIN"));
		assertThat(this.context.getBeanNamesForType(TlsMaterial.class)).isEmpty();
		assertThat(this.context.getBeanNamesForType(MutableEmulatorClock.class)).isEmpty();
		assertThat(this.emulator.isRunning()).isTrue();
	}

	@Nested
	@Order(1)
	@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
	class SameSettings {

		@Autowired
		private FairComEmulator nestedEmulator;

		@Test
		@Order(1)
		void recordsTheEmulatorAndLeavesFaultsAndAStoppedEmulatorBehind() {
			first.set(this.nestedEmulator);
			this.nestedEmulator.faults().failNext(3, Fault.http500());
			this.nestedEmulator.stop();
		}

		@Test
		@Order(2)
		void theNextTestFindsTheEmulatorRunningWithoutFaults() {
			assertThat(this.nestedEmulator).isSameAs(first.get());
			assertThat(this.nestedEmulator.isRunning()).isTrue();
			assertThat(this.nestedEmulator.faults().pendingFaults()).isZero();
		}

	}

	@Nested
	@Order(2)
	class SameSettingsAgain {

		@Autowired
		private FairComEmulator nestedEmulator;

		@Test
		void theCachedContextKeepsItsEmulator() {
			assertThat(this.nestedEmulator).isSameAs(first.get());
			assertThat(this.nestedEmulator.isRunning()).isTrue();
		}

	}

	@Nested
	@Order(4)
	class Customized {

		@Autowired
		private FairComEmulator nestedEmulator;

		@Test
		void customizersConfigureTheBuilder() {
			assertThat(this.nestedEmulator).isNotSameAs(first.get());
			try (FairComTemplate reporting = FairComTemplate.builder()
				.url(this.nestedEmulator.httpUrl())
				.credentials("reporter", "reporter-secret")
				.build()) {
				assertThat(reporting.admin().listSessions()).isNotEmpty();
			}
		}

		@TestConfiguration(proxyBeanMethods = false)
		static class Customization {

			@Bean
			FairComEmulatorCustomizer secondAccount() {
				return (builder) -> builder.user("reporter", "reporter-secret");
			}

		}

	}

}
