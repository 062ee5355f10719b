package io.github.faircomclient.test.autoconfigure;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import io.github.faircomclient.FairComException;
import io.github.faircomclient.test.FairComEmulator;
import io.github.faircomclient.test.Fault;
import io.github.faircomclient.test.MutableEmulatorClock;
import io.github.faircomclient.test.autoconfigure.app.Catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * An application test with nothing but {@code @SpringBootTest} and
 * {@code @AutoConfigureFairComEmulator}: the test reaches the emulator behind the
 * application's template to inject faults, move its clock on and count the actions the
 * application sent.
 */
@SpringBootTest
@AutoConfigureFairComEmulator(mutableClock = true)
class EmulatorAccessIntegrationTests {

	@Autowired
	private Catalog catalog;

	@Autowired
	private FairComEmulator emulator;

	@Autowired
	private MutableEmulatorClock clock;

	@BeforeEach
	void loggedIn() {
		this.catalog.databases();
		this.emulator.resetActionCounts();
	}

	@Test
	void actionCountsShowWhatTheApplicationSent() {
		this.catalog.create("orders");
		this.catalog.create("invoices");
		assertThat(this.catalog.databases()).contains("orders", "invoices");
		assertThat(this.emulator.actionCount("createDatabase")).isEqualTo(2);
		assertThat(this.emulator.actionCount("listDatabases")).isEqualTo(1);
		assertThat(this.emulator.actionCount("createSession")).isZero();
	}

	@Test
	void aFaultReachesTheApplicationAndIsGoneForTheNextCall() {
		this.emulator.faults().failNext(Fault.htmlErrorPage(503));
		assertThatExceptionOfType(FairComException.class).isThrownBy(() -> this.catalog.create("refused"));
		assertThat(this.emulator.faults().pendingFaults()).isZero();
		this.catalog.create("accepted");
		assertThat(this.catalog.databases()).contains("accepted").doesNotContain("refused");
	}

	@Test
	void theClockMovesPastTheSessionIdleTimeoutAndTheApplicationLogsInAgain() {
		String before = this.emulator.sessions().get(0).authToken();
		this.clock.advance(Duration.ofHours(2));
		assertThat(this.catalog.databases()).isNotEmpty();
		assertThat(this.emulator.actionCount("createSession")).isEqualTo(1);
		assertThat(this.emulator.sessions()).singleElement()
			.satisfies((session) -> assertThat(session.authToken()).isNotEqualTo(before));
	}

}
