package io.github.faircomclient.test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MutableEmulatorClockTests {

	private static final Instant START = Instant.parse("2026-01-02T03:04:05Z");

	@Test
	void fixedClockStandsStillUntilMoved() {
		MutableEmulatorClock clock = EmulatorClock.fixed(START);
		assertThat(clock.now()).isEqualTo(START);
		assertThat(clock.now()).isEqualTo(START);
		assertThat(clock.advance(Duration.ofMinutes(2))).isEqualTo(START.plusSeconds(120));
		assertThat(clock.advanceSeconds(1)).isEqualTo(START.plusSeconds(121));
		clock.set(START.minusSeconds(10));
		assertThat(clock.now()).isEqualTo(START.minusSeconds(10));
		assertThat(clock.zone()).isEqualTo(ZoneOffset.UTC);
		assertThat(clock.isTicking()).isFalse();
	}

	@Test
	void tickingClockRunsFromItsStart() {
		MutableEmulatorClock clock = EmulatorClock.startingAt(START);
		Instant first = clock.now();
		assertThat(first).isBetween(START, START.plusSeconds(5));
		clock.advance(Duration.ofHours(1));
		assertThat(clock.now()).isAfterOrEqualTo(first.plus(Duration.ofHours(1)));
		assertThat(clock.isTicking()).isTrue();
	}

	@Test
	void negativeAdvanceIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> EmulatorClock.fixed(START).advance(Duration.ofSeconds(-1)));
	}

	@Test
	void zoneCanBeChanged() {
		MutableEmulatorClock clock = EmulatorClock.fixed(START).withZone(ZoneId.of("Europe/Berlin"));
		assertThat(clock.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
		assertThat(clock.now()).isEqualTo(START);
	}

	@Test
	void systemClockUsesTheSystemZone() {
		assertThat(EmulatorClock.system().zone()).isEqualTo(ZoneId.systemDefault());
		assertThat(EmulatorClock.system().now()).isCloseTo(Instant.now(), org.assertj.core.api.Assertions.within(5, java.time.temporal.ChronoUnit.SECONDS));
	}

}
