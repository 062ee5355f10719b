package io.github.faircomclient.db;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.Year;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Base64;
import java.util.HexFormat;

import org.jspecify.annotations.Nullable;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdScalarSerializer;

/**
 * The Java ↔ FairCom value formats of the record mapper: dates, times and timestamps in
 * the ISO 8601 forms of FairCom's JSON DB API (millisecond precision), binary values as
 * hex or base64 strings, and {@link BigDecimal}/{@link BigInteger} as exact strings.
 * <p>
 * Dates and times are read strictly: a value that names no real date or time (February
 * 30th, {@code 24:00}, minute 60) fails with the value and the reason, never becomes
 * another date or time.
 */
final class FairComValueModule extends SimpleModule {

	static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd");

	static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

	static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS");

	private static final DateTimeFormatter STRICT_DATE = DATE.withResolverStyle(ResolverStyle.STRICT);

	private static final DateTimeFormatter COMPACT_DATE = DateTimeFormatter.ofPattern("uuuuMMdd")
		.withResolverStyle(ResolverStyle.STRICT);

	private static final DateTimeFormatter COMPACT_TIME = new DateTimeFormatterBuilder().appendPattern("HHmmss")
		.optionalStart()
		.appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, false)
		.optionalEnd()
		.toFormatter()
		.withResolverStyle(ResolverStyle.STRICT);

	private static final DateTimeFormatter ISO_TIME = new DateTimeFormatterBuilder().appendPattern("HH:mm")
		.optionalStart()
		.appendPattern(":ss")
		.optionalStart()
		.appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
		.optionalEnd()
		.optionalEnd()
		.toFormatter()
		.withResolverStyle(ResolverStyle.STRICT);

	FairComValueModule(BinaryFormat binaryFormat) {
		super("FairComValueModule");
		addSerializer(byte[].class, new BinarySerializer(binaryFormat));
		addDeserializer(byte[].class, new BinaryDeserializer(binaryFormat));
		addSerializer(BigDecimal.class, new ExactNumberSerializer<>(BigDecimal.class));
		addSerializer(BigInteger.class, new ExactNumberSerializer<>(BigInteger.class));
		addSerializer(LocalDate.class, new TemporalSerializer<>(LocalDate.class, DATE));
		addSerializer(LocalTime.class, new TemporalSerializer<>(LocalTime.class, TIME));
		addSerializer(LocalDateTime.class, new TemporalSerializer<>(LocalDateTime.class, TIMESTAMP));
		addDeserializer(LocalDate.class, new TemporalDeserializer<>(LocalDate.class) {
			@Override
			LocalDate parse(String text) {
				return parseDate(text);
			}
		});
		addDeserializer(LocalTime.class, new TemporalDeserializer<>(LocalTime.class) {
			@Override
			LocalTime parse(String text) {
				return parseTime(text);
			}
		});
		addDeserializer(LocalDateTime.class, new TemporalDeserializer<>(LocalDateTime.class) {
			@Override
			LocalDateTime parse(String text) {
				return parseTimestamp(text);
			}
		});
	}

	static LocalDate parseDate(String text) {
		LocalDate date = canonicalDate(text, 0, text.length());
		return (date != null) ? date : parseDateWithFormatter(text);
	}

	static LocalTime parseTime(String text) {
		LocalTime time = canonicalTime(text, 0, text.length());
		return (time != null) ? time : parseTimeWithFormatter(text);
	}

	static LocalDateTime parseTimestamp(String text) {
		int separator = Math.max(text.indexOf('T'), text.indexOf(' '));
		if (separator < 0) {
			return parseDate(text).atStartOfDay();
		}
		LocalDate date = canonicalDate(text, 0, separator);
		LocalTime time = canonicalTime(text, separator + 1, text.length());
		if (date != null && time != null) {
			return LocalDateTime.of(date, time);
		}
		return LocalDateTime.of(parseDate(text.substring(0, separator)), parseTime(text.substring(separator + 1)));
	}

	static LocalDate parseDateWithFormatter(String text) {
		return (text.length() == 8 && text.indexOf('-') < 0) ? LocalDate.parse(text, COMPACT_DATE)
				: LocalDate.parse(text, STRICT_DATE);
	}

	static LocalTime parseTimeWithFormatter(String text) {
		return (text.indexOf(':') < 0) ? LocalTime.parse(text, COMPACT_TIME) : LocalTime.parse(text, ISO_TIME);
	}

	/**
	 * Parse a valid date in the form {@code uuuu-MM-dd} or {@code uuuuMMdd} without a
	 * {@link DateTimeFormatter} (whose parse context costs about a kilobyte per value).
	 * @return the date, or {@code null} for anything else, left to the formatters
	 */
	private static @Nullable LocalDate canonicalDate(String text, int start, int end) {
		int year;
		int month;
		int day;
		if (end - start == 10 && text.charAt(start + 4) == '-' && text.charAt(start + 7) == '-') {
			year = digits(text, start, 4);
			month = digits(text, start + 5, 2);
			day = digits(text, start + 8, 2);
		}
		else if (end - start == 8) {
			year = digits(text, start, 4);
			month = digits(text, start + 4, 2);
			day = digits(text, start + 6, 2);
		}
		else {
			return null;
		}
		if (year < 0 || month < 1 || month > 12 || day < 1 || day > Month.of(month).length(Year.isLeap(year))) {
			return null;
		}
		return LocalDate.of(year, month, day);
	}

	/**
	 * Parse a valid time in the form {@code HH:mm}, {@code HH:mm:ss} or
	 * {@code HH:mm:ss.f} with 1 to 9 fraction digits without a {@link DateTimeFormatter}.
	 * @return the time, or {@code null} for anything else, left to the formatters
	 */
	private static @Nullable LocalTime canonicalTime(String text, int start, int end) {
		int length = end - start;
		if (length != 5 && (length < 8 || length == 9 || length > 18) || text.charAt(start + 2) != ':') {
			return null;
		}
		int hour = digits(text, start, 2);
		int minute = digits(text, start + 3, 2);
		int second = 0;
		int nano = 0;
		if (length >= 8) {
			if (text.charAt(start + 5) != ':') {
				return null;
			}
			second = digits(text, start + 6, 2);
			if (length > 8) {
				if (text.charAt(start + 8) != '.') {
					return null;
				}
				int fractionDigits = length - 9;
				nano = digits(text, start + 9, fractionDigits);
				for (int i = fractionDigits; i < 9 && nano >= 0; i++) {
					nano *= 10;
				}
			}
		}
		if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || nano < 0) {
			return null;
		}
		return LocalTime.of(hour, minute, second, nano);
	}

	/**
	 * Return the value of {@code count} ASCII digits at {@code start}, or -1 if any is not
	 * a digit.
	 */
	private static int digits(String text, int start, int count) {
		int value = 0;
		for (int i = start; i < start + count; i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

	private static final class ExactNumberSerializer<T extends Number> extends StdScalarSerializer<T> {

		ExactNumberSerializer(Class<T> type) {
			super(type);
		}

		@Override
		public void serialize(T value, JsonGenerator generator, SerializationContext context) {
			generator.writeString((value instanceof BigDecimal decimal) ? decimal.toPlainString() : value.toString());
		}

	}

	private static final class TemporalSerializer<T extends TemporalAccessor>
			extends StdScalarSerializer<T> {

		private final DateTimeFormatter formatter;

		TemporalSerializer(Class<T> type, DateTimeFormatter formatter) {
			super(type);
			this.formatter = formatter;
		}

		@Override
		public void serialize(T value, JsonGenerator generator, SerializationContext context) {
			generator.writeString(this.formatter.format(value));
		}

	}

	private abstract static class TemporalDeserializer<T> extends StdScalarDeserializer<T> {

		TemporalDeserializer(Class<T> type) {
			super(type);
		}

		abstract T parse(String text);

		@Override
		@SuppressWarnings("unchecked")
		public T deserialize(JsonParser parser, DeserializationContext context) {
			if (!parser.hasToken(JsonToken.VALUE_STRING)) {
				return (T) context.handleUnexpectedToken(handledType(), parser);
			}
			String text = parser.getString().trim();
			try {
				return parse(text);
			}
			catch (DateTimeParseException ex) {
				Throwable reason = ex.getCause();
				return (T) context.handleWeirdStringValue(handledType(), text,
						"not a valid FairCom %s (%s; expected ISO 8601 such as %s)", handledType().getSimpleName(),
						(reason != null) ? reason.getMessage() : ex.getMessage(), example(handledType()));
			}
		}

		private static String example(Class<?> type) {
			if (type == LocalDate.class) {
				return "2024-03-16";
			}
			return (type == LocalTime.class) ? "17:35:20.500" : "2024-03-16T17:35:20.500";
		}

	}

	private static final class BinarySerializer extends StdScalarSerializer<byte[]> {

		private final BinaryFormat format;

		BinarySerializer(BinaryFormat format) {
			super(byte[].class);
			this.format = format;
		}

		@Override
		public void serialize(byte[] value, JsonGenerator generator, SerializationContext context) {
			generator.writeString((this.format == BinaryFormat.HEX) ? HexFormat.of().withUpperCase().formatHex(value)
					: Base64.getEncoder().encodeToString(value));
		}

	}

	private static final class BinaryDeserializer extends StdScalarDeserializer<byte[]> {

		private final BinaryFormat format;

		BinaryDeserializer(BinaryFormat format) {
			super(byte[].class);
			this.format = format;
		}

		@Override
		public byte[] deserialize(JsonParser parser, DeserializationContext context) {
			if (parser.hasToken(JsonToken.START_ARRAY)) {
				return readByteArray(parser, context);
			}
			if (!parser.hasToken(JsonToken.VALUE_STRING)) {
				return (byte[]) context.handleUnexpectedToken(byte[].class, parser);
			}
			String text = parser.getString().trim();
			try {
				return (this.format == BinaryFormat.HEX) ? HexFormat.of().parseHex(text)
						: Base64.getDecoder().decode(text);
			}
			catch (IllegalArgumentException ex) {
				return (byte[]) context.handleWeirdStringValue(byte[].class, text, "not %s binary: %s",
						this.format.value(), ex.getMessage());
			}
		}

		private byte[] readByteArray(JsonParser parser, DeserializationContext context) {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			JsonToken token;
			while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
				if (token != JsonToken.VALUE_NUMBER_INT) {
					return (byte[]) context.handleUnexpectedToken(byte[].class, parser);
				}
				bytes.write(parser.getIntValue());
			}
			return bytes.toByteArray();
		}

	}

}
