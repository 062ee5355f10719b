package io.github.faircomclient.mq;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;

import org.springframework.util.Assert;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Where a replay ({@code getMessagesFromMqTopic}) starts: its {@code startFrom}.
 */
public final class MqReplayStart {

	private static final MqReplayStart HEAD = new MqReplayStart(JsonNodeFactory.instance.stringNode("head"));

	private static final MqReplayStart TAIL = new MqReplayStart(JsonNodeFactory.instance.stringNode("tail"));

	private final JsonNode value;

	private MqReplayStart(JsonNode value) {
		this.value = value;
	}

	/**
	 * Start at the topic's first stored message.
	 * @return the start
	 */
	public static MqReplayStart head() {
		return HEAD;
	}

	/**
	 * Read the topic's last messages (FairCom's default).
	 * @return the start
	 */
	public static MqReplayStart tail() {
		return TAIL;
	}

	/**
	 * Start at a message position (a {@code nextPosition} of an earlier replay).
	 * @param position the position, at least 1
	 * @return the start
	 */
	public static MqReplayStart position(long position) {
		Assert.isTrue(position >= 1, "'position' must be at least 1");
		return new MqReplayStart(JsonNodeFactory.instance.numberNode(position));
	}

	/**
	 * Start at the first message stored on or after a time of the server's clock.
	 * @param time the time (server time, no zone)
	 * @return the start
	 */
	public static MqReplayStart at(LocalDateTime time) {
		Assert.notNull(time, "'time' must not be null");
		return new MqReplayStart(JsonNodeFactory.instance.stringNode(time.toString()));
	}

	/**
	 * Start at the first message stored on or after an instant with a known offset.
	 * @param time the time
	 * @return the start
	 */
	public static MqReplayStart at(OffsetDateTime time) {
		Assert.notNull(time, "'time' must not be null");
		return new MqReplayStart(JsonNodeFactory.instance.stringNode(time.toString()));
	}

	/**
	 * Start at the first message stored on or after the start of a day (server time).
	 * @param day the day
	 * @return the start
	 */
	public static MqReplayStart at(LocalDate day) {
		Assert.notNull(day, "'day' must not be null");
		return new MqReplayStart(JsonNodeFactory.instance.stringNode(day.toString()));
	}

	JsonNode value() {
		return this.value.deepCopy();
	}

	@Override
	public String toString() {
		return "MqReplayStart[" + this.value + "]";
	}

}
