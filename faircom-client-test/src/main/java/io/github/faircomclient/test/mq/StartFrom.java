package io.github.faircomclient.test.mq;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import io.github.faircomclient.test.ProvisionalChoice;
import io.github.faircomclient.test.spi.ActionException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * getMessagesFromMqTopic's {@code startFrom}: {@code "tail"} (the most recent messages, the default),
 * {@code "head"} (the first), a time, or a position; and the replay it selects from a topic's log.
 * @param kind where to start
 * @param position the first position for {@link Kind#POSITION}
 * @param time the earliest timestamp for {@link Kind#TIME}
 */
record StartFrom(Kind kind, long position, @Nullable Instant time) {

	static final StartFrom TAIL = new StartFrom(Kind.TAIL, 0, null);

	static final StartFrom HEAD = new StartFrom(Kind.HEAD, 0, null);

	/**
	 * Parses the parameter.
	 * @param value the JSON value, {@code null} when absent
	 * @param zone the zone of a date-time without offset
	 * @return the start
	 */
	static StartFrom parse(@Nullable JsonNode value, ZoneId zone) {
		if (value == null || value.isNull()) {
			return TAIL;
		}
		if (value.isArray() && value.size() == 1) {
			return parse(value.get(0), zone);
		}
		if (value.isIntegralNumber() && value.canConvertToLong() && value.longValue() >= 0) {
			return new StartFrom(Kind.POSITION, value.longValue(), null);
		}
		if (value.isString()) {
			String text = value.stringValue().trim();
			switch (text.toLowerCase(Locale.ROOT)) {
				case "tail":
					return TAIL;
				case "head":
					return HEAD;
				default:
					break;
			}
			if (!text.isEmpty() && text.length() < 19 && text.chars().allMatch(Character::isDigit)) {
				return new StartFrom(Kind.POSITION, Long.parseLong(text), null);
			}
			Instant time = time(text, zone);
			if (time != null) {
				return new StartFrom(Kind.TIME, 0, time);
			}
		}
		throw ActionException.of(ProvisionalChoice.INVALID_PROPERTY_VALUE, "params.startFrom",
				TopicNames.shorten(value.toString()) + "; use \"tail\", \"head\", an ISO date-time or a position");
	}

	private static @Nullable Instant time(String text, ZoneId zone) {
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeException ex) {
			// not with an offset
		}
		try {
			return LocalDateTime.parse(text).atZone(zone).toInstant();
		}
		catch (DateTimeException ex) {
			// not a local date-time
		}
		try {
			return LocalDate.parse(text).atStartOfDay(zone).toInstant();
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	/**
	 * Selects up to {@code max} unexpired messages of a log (under the broker's lock).
	 */
	Replay select(TopicLog log, int max, Instant now) {
		List<StoredMessage> messages = log.messages();
		List<StoredMessage> selected = new ArrayList<>();
		if (this.kind == Kind.TAIL) {
			for (int i = messages.size() - 1; i >= 0 && selected.size() < max; i--) {
				if (!messages.get(i).expired(now)) {
					selected.add(messages.get(i));
				}
			}
			Collections.reverse(selected);
			return new Replay(selected, false, nextPosition(log, selected));
		}
		int start = switch (this.kind) {
			case POSITION -> log.indexOfPosition(this.position);
			case TIME -> log.indexOfTime(Objects.requireNonNull(this.time));
			default -> 0;
		};
		boolean more = false;
		for (int i = start; i < messages.size(); i++) {
			if (messages.get(i).expired(now)) {
				continue;
			}
			if (selected.size() == max) {
				more = true;
				break;
			}
			selected.add(messages.get(i));
		}
		return new Replay(selected, more, nextPosition(log, selected));
	}

	private static long nextPosition(TopicLog log, List<StoredMessage> selected) {
		if (selected.isEmpty()) {
			return log.peekPosition();
		}
		return selected.get(selected.size() - 1).position() + 1;
	}

	/**
	 * Where a replay starts.
	 */
	enum Kind {

		/** The most recent messages. */
		TAIL,

		/** From the first message. */
		HEAD,

		/** From messages stamped on or after a time. */
		TIME,

		/** From a position. */
		POSITION

	}

	/**
	 * A replay's answer.
	 * @param messages the messages in position order
	 * @param more whether messages follow the last one returned
	 * @param nextPosition the position to continue from
	 */
	record Replay(List<StoredMessage> messages, boolean more, long nextPosition) {
	}

}
