package io.github.faircomclient.db;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BatchSizer}: batches aim at the target bytes within the fewest and the
 * most records, and shrink and grow with the latency budget.
 */
class BatchSizerTests {

	private final BatchSizer sizer = new BatchSizer(BulkSettings.builder()
		.targetBatchBytes(1024 * 1024)
		.minBatchRecords(50)
		.maxBatchRecords(2000)
		.latencyBudget(Duration.ofMillis(100))
		.build());

	@Test
	void theFirstBatchTakesTheFewestRecords() {
		assertThat(this.sizer.nextBatchRecords()).isEqualTo(50);
	}

	@Test
	void batchesAimAtTheTargetBytesWithinTheLimits() {
		this.sizer.encoded(50, 50 * 1000);
		assertThat(this.sizer.nextBatchRecords()).as("1 MB of 1000-byte records").isEqualTo(1048);
		BatchSizer small = new BatchSizer(BulkSettings.defaults());
		small.encoded(50, 50 * 60);
		assertThat(small.nextBatchRecords()).as("small records: the most per batch").isEqualTo(2000);
		BatchSizer large = new BatchSizer(BulkSettings.defaults());
		large.encoded(50, 50 * 100_000);
		assertThat(large.nextBatchRecords()).as("large records: the fewest per batch").isEqualTo(50);
	}

	@Test
	void theRecordSizeIsAMovingAverage() {
		this.sizer.encoded(100, 100 * 1000);
		this.sizer.encoded(100, 100 * 2000);
		assertThat(this.sizer.nextBatchRecords()).as("1250 bytes per record").isEqualTo(838);
	}

	@Test
	void aSlowWriteHalvesTheBatchAndFastOnesLetItGrowBack() {
		this.sizer.encoded(100, 100 * 60);
		assertThat(this.sizer.nextBatchRecords()).isEqualTo(2000);
		this.sizer.written(2000, Duration.ofMillis(250));
		assertThat(this.sizer.nextBatchRecords()).isEqualTo(1000);
		this.sizer.written(1000, Duration.ofMillis(150));
		assertThat(this.sizer.nextBatchRecords()).isEqualTo(500);
		this.sizer.written(500, Duration.ofMillis(70));
		assertThat(this.sizer.nextBatchRecords()).as("between half the budget and the budget: stays").isEqualTo(500);
		this.sizer.written(500, Duration.ofMillis(20));
		assertThat(this.sizer.nextBatchRecords()).isEqualTo(625);
		for (int i = 0; i < 10; i++) {
			this.sizer.written(this.sizer.nextBatchRecords(), Duration.ofMillis(10));
		}
		assertThat(this.sizer.nextBatchRecords()).isEqualTo(2000);
	}

	@Test
	void neverBelowTheFewestRecords() {
		this.sizer.encoded(100, 100 * 60);
		for (int i = 0; i < 10; i++) {
			this.sizer.written(this.sizer.nextBatchRecords(), Duration.ofSeconds(1));
		}
		assertThat(this.sizer.nextBatchRecords()).isEqualTo(50);
	}

}
