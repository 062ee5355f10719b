package io.github.faircomclient.test.mq;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import io.github.faircomclient.test.mq.StartFrom.Kind;
import io.github.faircomclient.test.mq.StartFrom.Replay;
import io.github.faircomclient.test.mq.StoredMessage.MessageProperties;
import io.github.faircomclient.test.spi.ActionException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class StartFromTests {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	@Test
	void parsesEveryDocumentedForm() {
		assertThat(StartFrom.parse(null, BERLIN)).isEqualTo(StartFrom.TAIL);
		assertThat(StartFrom.parse(NODES.stringNode("Tail"), BERLIN)).isEqualTo(StartFrom.TAIL);
		assertThat(StartFrom.parse(NODES.arrayNode().add("tail"), BERLIN)).as("written [\"tail\"] on the page")
			.isEqualTo(StartFrom.TAIL);
		assertThat(StartFrom.parse(NODES.stringNode("head"), BERLIN)).isEqualTo(StartFrom.HEAD);
		assertThat(StartFrom.parse(NODES.numberNode(52233), BERLIN)).isEqualTo(new StartFrom(Kind.POSITION, 52233, null));
		assertThat(StartFrom.parse(NODES.stringNode("52233"), BERLIN)).isEqualTo(new StartFrom(Kind.POSITION, 52233, null));
		assertThat(StartFrom.parse(NODES.stringNode("2024-07-11T21:18:01.000"), BERLIN).time())
			.isEqualTo(Instant.parse("2024-07-11T19:18:01Z"));
		assertThat(StartFrom.parse(NODES.stringNode("2024-07-11"), BERLIN).time()).as("time defaults to midnight")
			.isEqualTo(Instant.parse("2024-07-10T22:00:00Z"));
		assertThat(StartFrom.parse(NODES.stringNode("2024-07-11T21:18:01Z"), BERLIN).time())
			.isEqualTo(Instant.parse("2024-07-11T21:18:01Z"));
	}

	@Test
	void refusesAnythingElse() {
		for (var value : List.of(NODES.stringNode("tomorrow"), NODES.numberNode(-1), NODES.booleanNode(true),
				NODES.arrayNode().add("tail").add("head"), NODES.numberNode(1.5))) {
			assertThatExceptionOfType(ActionException.class).isThrownBy(() -> StartFrom.parse(value, BERLIN))
				.as(value.toString())
				.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(99005));
		}
	}

	@Test
	void selectsFromALog() {
		TopicLog log = new TopicLog("faircom", "admin", "mqtt_msg_t");
		Instant start = Instant.parse("2026-01-01T10:00:00Z");
		for (int i = 0; i < 10; i++) {
			long expiry = (i == 4) ? 1 : 0;
			log.append(new StoredMessage("t", log.takePosition(), i + 1, start.plusSeconds(i * 60L), new byte[] { (byte) i },
					PayloadFormat.HEX, new MessageProperties(null, null, null, List.of(), expiry, false), "c"));
		}
		Instant now = start.plusSeconds(3600);
		Replay tail = StartFrom.TAIL.select(log, 3, now);
		assertThat(tail.messages()).extracting(StoredMessage::position).containsExactly(8L, 9L, 10L);
		assertThat(tail.more()).isFalse();
		assertThat(tail.nextPosition()).isEqualTo(11);
		Replay head = StartFrom.HEAD.select(log, 4, now);
		assertThat(head.messages()).extracting(StoredMessage::position).as("position 5 has expired")
			.containsExactly(1L, 2L, 3L, 4L);
		assertThat(head.more()).isTrue();
		assertThat(head.nextPosition()).isEqualTo(5);
		Replay next = new StartFrom(Kind.POSITION, head.nextPosition(), null).select(log, 2, now);
		assertThat(next.messages()).extracting(StoredMessage::position).containsExactly(6L, 7L);
		Replay byTime = StartFrom.parse(NODES.stringNode("2026-01-01T10:07:00"), ZoneOffset.UTC).select(log, 10, now);
		assertThat(byTime.messages()).extracting(StoredMessage::position).containsExactly(8L, 9L, 10L);
		assertThat(byTime.more()).isFalse();
		Replay beyond = new StartFrom(Kind.POSITION, 99, null).select(log, 10, now);
		assertThat(beyond.messages()).isEmpty();
		assertThat(beyond.nextPosition()).isEqualTo(11);
	}

}
