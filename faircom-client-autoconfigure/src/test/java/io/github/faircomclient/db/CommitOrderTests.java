package io.github.faircomclient.db;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.github.faircomclient.db.CommitOrder.Turn;
import io.github.faircomclient.db.CommitOrder.Written;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link CommitOrder}.
 */
class CommitOrderTests {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	@Test
	void aBatchWrittenBeforeItsTurnIsParkedAndHandedToTheLaneThatCommitsTheBatchBeforeIt() throws Exception {
		CommitOrder order = new CommitOrder(0, 2);
		Written second = written(1);
		Written third = written(2);
		assertThat(order.offer(third)).isEqualTo(Turn.PARKED);
		assertThat(order.offer(second)).isEqualTo(Turn.PARKED);
		assertThat(order.highWaterMark()).isZero();
		Written first = written(0);
		assertThat(order.offer(first)).isEqualTo(Turn.NOW);
		assertThat(order.committed(first.batch())).isSameAs(second);
		assertThat(order.highWaterMark()).isEqualTo(10);
		assertThat(order.committed(second.batch())).isSameAs(third);
		assertThat(order.committed(third.batch())).isNull();
		assertThat(order.highWaterMark()).isEqualTo(30);
		assertThat(order.committed()).isEqualTo(3);
		assertThat(order.takeParked()).isEmpty();
	}

	@Test
	void aLaneWaitsForItsTurnOnceTheParkedBatchesAreAtTheirLimit() throws Exception {
		CommitOrder order = new CommitOrder(0, 1);
		assertThat(order.offer(written(2))).isEqualTo(Turn.PARKED);
		CompletableFuture<Turn> waiting = new CompletableFuture<>();
		Thread lane = offerOnAThreadOfItsOwn(order, written(1), waiting);
		await().atMost(Duration.ofSeconds(10)).until(() -> lane.getState() == Thread.State.WAITING);
		assertThat(waiting).isNotDone();
		Written first = written(0);
		assertThat(order.offer(first)).isEqualTo(Turn.NOW);
		assertThat(order.committed(first.batch())).isNull();
		assertThat(waiting.get(10, TimeUnit.SECONDS)).isEqualTo(Turn.NOW);
	}

	@Test
	void afterAFailureNoLaterBatchCommitsAndTheParkedOnesAreLeftToRollBack() throws Exception {
		CommitOrder order = new CommitOrder(0, 4);
		Written first = written(0);
		Written third = written(2);
		Written fourth = written(3);
		assertThat(order.offer(third)).isEqualTo(Turn.PARKED);
		assertThat(order.offer(fourth)).isEqualTo(Turn.PARKED);
		assertThat(order.offer(first)).isEqualTo(Turn.NOW);
		order.failed(1);
		assertThat(order.committed(first.batch())).as("batch 1 failed: no successor of it commits").isNull();
		assertThat(order.offer(written(4))).isEqualTo(Turn.NEVER);
		assertThat(order.highWaterMark()).isEqualTo(10);
		List<Written> parked = order.takeParked();
		assertThat(parked).containsExactlyInAnyOrder(third, fourth);
		assertThat(order.takeParked()).isEmpty();
	}

	@Test
	void aFailureReleasesALaneWaitingForItsTurn() {
		CommitOrder order = new CommitOrder(0, 0);
		CompletableFuture<Turn> waiting = new CompletableFuture<>();
		Thread lane = offerOnAThreadOfItsOwn(order, written(3), waiting);
		await().atMost(Duration.ofSeconds(10)).until(() -> lane.getState() == Thread.State.WAITING);
		assertThat(waiting).isNotDone();
		order.failed(2);
		assertThat(waiting).succeedsWithin(Duration.ofSeconds(10)).isEqualTo(Turn.NEVER);
	}

	private static Thread offerOnAThreadOfItsOwn(CommitOrder order, Written written, CompletableFuture<Turn> turn) {
		Thread lane = new Thread(() -> {
			try {
				turn.complete(order.offer(written));
			}
			catch (InterruptedException ex) {
				turn.completeExceptionally(ex);
			}
		}, "lane-" + written.batch().sequence());
		lane.setDaemon(true);
		lane.start();
		return lane;
	}

	private static Written written(long sequence) {
		BulkBatch batch = BulkBatch.encode(sequence, sequence * 10, Collections.nCopies(10, Map.of("id", sequence)),
				MAPPER);
		return new Written(batch, new DbTransactionHolder(mock(DbTransactions.class), "tx-" + sequence, null),
				JsonNodeFactory.instance.arrayNode());
	}

}
