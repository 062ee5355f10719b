package io.github.faircomclient.test.db;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Converts field values between JSON (as FairCom sends and expects them) and JDBC values for H2.
 * <p>
 * Requests: numbers may come as JSON numbers or strings; dates as {@code YYYYMMDD} or
 * {@code YYYY-MM-DD}; times as {@code HH:MM:SS[.fff]} or {@code HHMMSS[fff]}; timestamps as
 * {@code YYYY-MM-DDTHH:MM:SS[.fff]} (a space instead of {@code T}, a compact form and a zone
 * suffix are accepted); binary values as hex or base64 strings (per {@code binaryFormat}) or byte
 * arrays. Responses: dates {@code YYYY-MM-DD}, times {@code HH:MM:SS.fff}, timestamps
 * {@code YYYY-MM-DDTHH:MM:SS.fff}, binary as upper-case hex, base64 or a byte array.
 */
final class ValueCodec {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final DateTimeFormatter TIME_OUT = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

	private static final DateTimeFormatter TIMESTAMP_OUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");

	private ValueCodec() {
	}

	/**
	 * Returns the JDBC placeholder for a value of the given type.
	 * @param type the field type
	 * @return {@code ?}, or {@code ? FORMAT JSON} for json fields
	 */
	public static String placeholder(FieldType type) {
		return (type == FieldType.JSON) ? "? FORMAT JSON" : "?";
	}

	/**
	 * Converts a JSON value from a request into the JDBC value of a field.
	 * @param field the field
	 * @param value the JSON value ({@code null} or a JSON null give {@code null})
	 * @param binaryFormat how binary strings are encoded
	 * @return the JDBC value
	 * @throws DbException with the provisional invalid-value code when the value does not fit
	 */
	public static @Nullable Object toJdbc(FieldDefinition field, @Nullable JsonNode value, String binaryFormat) {
		if (value == null || value.isNull() || value.isMissingNode()) {
			return null;
		}
		try {
			return convert(field.type(), value, binaryFormat);
		}
		catch (DbException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw DbError.INVALID_VALUE.exception(field.name(), describe(value) + " is not a valid "
					+ field.type().jsonName() + " value");
		}
	}

	private static Object convert(FieldType type, JsonNode value, String binaryFormat) {
		return switch (type.kind()) {
			case BOOLEAN -> toBoolean(value);
			case INTEGER -> toLong(value);
			case FLOAT -> (type == FieldType.REAL) ? (Object) (float) toDouble(value) : (Object) toDouble(value);
			case DECIMAL -> toDecimal(value);
			case DATE -> parseDate(text(value));
			case TIME -> parseTime(text(value));
			case TIMESTAMP -> parseTimestamp(text(value));
			case STRING -> value.isValueNode() ? value.asString() : value.toString();
			case BINARY -> toBytes(value, binaryFormat);
			case JSON -> value.toString();
		};
	}

	private static String describe(JsonNode value) {
		String text = value.toString();
		return (text.length() > 60) ? text.substring(0, 57) + "..." : text;
	}

	private static String text(JsonNode value) {
		if (!value.isString()) {
			throw new IllegalArgumentException("not a string");
		}
		return value.stringValue().trim();
	}

	private static boolean toBoolean(JsonNode value) {
		if (value.isBoolean()) {
			return value.booleanValue();
		}
		if (value.isNumber()) {
			return value.decimalValue().signum() != 0;
		}
		String text = text(value).toLowerCase(Locale.ROOT);
		return switch (text) {
			case "true", "1" -> true;
			case "false", "0" -> false;
			default -> throw new IllegalArgumentException(text);
		};
	}

	private static long toLong(JsonNode value) {
		BigDecimal decimal = toDecimal(value);
		return decimal.toBigIntegerExact().longValueExact();
	}

	private static double toDouble(JsonNode value) {
		if (value.isNumber()) {
			return value.doubleValue();
		}
		return Double.parseDouble(text(value));
	}

	private static BigDecimal toDecimal(JsonNode value) {
		if (value.isNumber()) {
			return value.decimalValue();
		}
		if (value.isBoolean()) {
			throw new IllegalArgumentException("boolean");
		}
		return new BigDecimal(text(value));
	}

	private static byte[] toBytes(JsonNode value, String binaryFormat) {
		if (value.isArray()) {
			byte[] bytes = new byte[value.size()];
			for (int i = 0; i < bytes.length; i++) {
				int b = value.get(i).intValue();
				if (b < -128 || b > 255) {
					throw new IllegalArgumentException("byte out of range");
				}
				bytes[i] = (byte) b;
			}
			return bytes;
		}
		String text = text(value);
		if ("base64".equals(binaryFormat)) {
			return Base64.getDecoder().decode(text);
		}
		return HexFormat.of().parseHex(text);
	}

	/**
	 * Parses a date in one of the accepted forms.
	 * @param text the text
	 * @return the date
	 */
	static LocalDate parseDate(String text) {
		if (text.length() == 8 && text.chars().allMatch(Character::isDigit)) {
			return LocalDate.parse(text, DateTimeFormatter.BASIC_ISO_DATE);
		}
		if (text.length() > 10) {
			return parseTimestamp(text).toLocalDate();
		}
		return LocalDate.parse(text);
	}

	/**
	 * Parses a time in one of the accepted forms.
	 * @param text the text
	 * @return the time
	 */
	static LocalTime parseTime(String text) {
		if (text.indexOf(':') < 0 && text.length() >= 6 && text.chars().allMatch(Character::isDigit)) {
			int hour = Integer.parseInt(text.substring(0, 2));
			int minute = Integer.parseInt(text.substring(2, 4));
			int second = Integer.parseInt(text.substring(4, 6));
			int nanos = fractionToNanos(text.substring(6));
			return LocalTime.of(hour, minute, second, nanos);
		}
		return LocalTime.parse(text);
	}

	/**
	 * Parses a timestamp in one of the accepted forms.
	 * @param text the text
	 * @return the timestamp (a zone suffix is dropped after converting nothing: local time as sent)
	 */
	static LocalDateTime parseTimestamp(String text) {
		String normalized = text.replace(' ', 'T');
		if (normalized.length() >= 15 && normalized.charAt(8) == 'T'
				&& normalized.substring(0, 8).chars().allMatch(Character::isDigit)) {
			LocalDate date = LocalDate.parse(normalized.substring(0, 8), DateTimeFormatter.BASIC_ISO_DATE);
			return LocalDateTime.of(date, parseTime(normalized.substring(9)));
		}
		if (normalized.length() == 10) {
			return LocalDate.parse(normalized).atStartOfDay();
		}
		try {
			return LocalDateTime.parse(normalized);
		}
		catch (DateTimeParseException ex) {
			return OffsetDateTime.parse(normalized).toLocalDateTime();
		}
	}

	private static int fractionToNanos(String fraction) {
		if (fraction.isEmpty()) {
			return 0;
		}
		String digits = (fraction.charAt(0) == '.') ? fraction.substring(1) : fraction;
		String padded = (digits + "000000000").substring(0, 9);
		return Integer.parseInt(padded);
	}

	/**
	 * Reads a column of the current row and converts it to the JSON value sent to the client.
	 * @param type the FairCom type of the column
	 * @param rs the result set, positioned on a row
	 * @param column the 1-based column index
	 * @param format the response's formats
	 * @return the JSON value (a JSON null for SQL NULL)
	 * @throws SQLException when H2 cannot read the column
	 */
	public static JsonNode fromJdbc(FieldType type, ResultSet rs, int column, RecordFormat format)
			throws SQLException {
		JsonNode node = switch (type.kind()) {
			case BOOLEAN -> {
				boolean value = rs.getBoolean(column);
				yield rs.wasNull() ? null : NODES.booleanNode(value);
			}
			case INTEGER -> {
				long value = rs.getLong(column);
				yield rs.wasNull() ? null : number(BigDecimal.valueOf(value), format);
			}
			case FLOAT -> {
				if (type == FieldType.REAL) {
					float value = rs.getFloat(column);
					yield rs.wasNull() ? null : floating(new BigDecimal(Float.toString(value)), value, format);
				}
				double value = rs.getDouble(column);
				yield rs.wasNull() ? null : floating(BigDecimal.valueOf(value), value, format);
			}
			case DECIMAL -> {
				BigDecimal value = rs.getBigDecimal(column);
				yield (value != null) ? number(value, format) : null;
			}
			case DATE -> {
				LocalDate value = rs.getObject(column, LocalDate.class);
				yield (value != null) ? NODES.stringNode(value.toString()) : null;
			}
			case TIME -> {
				LocalTime value = rs.getObject(column, LocalTime.class);
				yield (value != null) ? NODES.stringNode(TIME_OUT.format(value)) : null;
			}
			case TIMESTAMP -> {
				LocalDateTime value = rs.getObject(column, LocalDateTime.class);
				yield (value != null) ? NODES.stringNode(TIMESTAMP_OUT.format(value)) : null;
			}
			case STRING -> {
				String value = rs.getString(column);
				yield (value != null) ? NODES.stringNode(value) : null;
			}
			case BINARY -> {
				byte[] value = rs.getBytes(column);
				yield (value != null) ? binary(value, format.binaryFormat()) : null;
			}
			case JSON -> {
				byte[] value = rs.getBytes(column);
				yield (value != null) ? json(new String(value, StandardCharsets.UTF_8)) : null;
			}
		};
		return (node != null) ? node : NODES.nullNode();
	}

	/**
	 * Converts a JSON value of a field to the form a response uses (e.g. a default value).
	 * @param value the value
	 * @param format the response's formats
	 * @return the value as sent
	 */
	static JsonNode number(BigDecimal value, RecordFormat format) {
		if (format.numbersAsStrings()) {
			return NODES.stringNode(value.toPlainString());
		}
		if (value.scale() <= 0) {
			BigInteger integer = value.toBigIntegerExact();
			return (integer.bitLength() < 64) ? NODES.numberNode(integer.longValue()) : NODES.numberNode(integer);
		}
		return NODES.numberNode(value);
	}

	/**
	 * Converts a JDBC value (as {@link #toJdbc} produced it, or a generated key) to its JSON form.
	 * @param type the FairCom type
	 * @param value the value, or {@code null}
	 * @param format the response's formats
	 * @return the JSON value
	 */
	static JsonNode fromJava(FieldType type, @Nullable Object value, RecordFormat format) {
		if (value == null) {
			return NODES.nullNode();
		}
		return switch (type.kind()) {
			case BOOLEAN -> NODES.booleanNode((Boolean) value);
			case INTEGER -> number(BigDecimal.valueOf(((Number) value).longValue()), format);
			case FLOAT -> (value instanceof Float f) ? floating(new BigDecimal(Float.toString(f)), f, format)
					: floating(BigDecimal.valueOf(((Number) value).doubleValue()), ((Number) value).doubleValue(),
							format);
			case DECIMAL -> number((BigDecimal) value, format);
			case DATE -> NODES.stringNode(value.toString());
			case TIME -> NODES.stringNode(TIME_OUT.format((LocalTime) value));
			case TIMESTAMP -> NODES.stringNode(TIMESTAMP_OUT.format((LocalDateTime) value));
			case STRING -> NODES.stringNode(value.toString());
			case BINARY -> binary((byte[]) value, format.binaryFormat());
			case JSON -> json(value.toString());
		};
	}

	private static JsonNode floating(BigDecimal exact, double value, RecordFormat format) {
		if (format.numbersAsStrings()) {
			return NODES.stringNode(exact.stripTrailingZeros().toPlainString());
		}
		if (Double.isNaN(value) || Double.isInfinite(value)) {
			return NODES.stringNode(Double.toString(value));
		}
		return NODES.numberNode(exact);
	}

	/**
	 * Encodes bytes per binary format.
	 * @param value the bytes
	 * @param binaryFormat {@code hex}, {@code base64} or {@code byteArray}
	 * @return the JSON value
	 */
	static JsonNode binary(byte[] value, String binaryFormat) {
		return switch (binaryFormat) {
			case "base64" -> NODES.stringNode(Base64.getEncoder().encodeToString(value));
			case "byteArray" -> {
				ArrayNode array = NODES.arrayNode();
				for (byte b : value) {
					array.add(b & 0xFF);
				}
				yield array;
			}
			default -> NODES.stringNode(HexFormat.of().withUpperCase().formatHex(value));
		};
	}

	private static JsonNode json(String text) {
		try {
			return MAPPER.readTree(text);
		}
		catch (JacksonException ex) {
			return NODES.stringNode(text);
		}
	}
}
