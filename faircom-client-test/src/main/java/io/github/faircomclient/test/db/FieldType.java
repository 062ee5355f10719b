package io.github.faircomclient.test.db;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The documented FairCom JSON DB field types and the H2 column type each one is stored in.
 */
enum FieldType {

	/** {@code bit}: JSON true/false, H2 BOOLEAN. */
	BIT("bit", Kind.BOOLEAN),
	/** {@code tinyint}: H2 TINYINT. */
	TINYINT("tinyint", Kind.INTEGER),
	/** {@code smallint}: H2 SMALLINT. */
	SMALLINT("smallint", Kind.INTEGER),
	/** {@code integer}: H2 INTEGER. */
	INTEGER("integer", Kind.INTEGER),
	/** {@code bigint}: H2 BIGINT. */
	BIGINT("bigint", Kind.INTEGER),
	/** {@code real} (float32): H2 REAL. */
	REAL("real", Kind.FLOAT),
	/** {@code float} (float64): H2 DOUBLE PRECISION. */
	FLOAT("float", Kind.FLOAT),
	/** {@code number} with length and scale: H2 NUMERIC. */
	NUMBER("number", Kind.DECIMAL),
	/** {@code money} with length and scale: H2 NUMERIC. */
	MONEY("money", Kind.DECIMAL),
	/** {@code date}: H2 DATE. */
	DATE("date", Kind.DATE),
	/** {@code time}: H2 TIME(3). */
	TIME("time", Kind.TIME),
	/** {@code timestamp}: H2 TIMESTAMP(3). */
	TIMESTAMP("timestamp", Kind.TIMESTAMP),
	/** {@code char}: fixed length, H2 CHARACTER. */
	CHAR("char", Kind.STRING),
	/** {@code varchar}: H2 CHARACTER VARYING. */
	VARCHAR("varchar", Kind.STRING),
	/** {@code lvarchar}: H2 CHARACTER LARGE OBJECT. */
	LVARCHAR("lvarchar", Kind.STRING),
	/** {@code binary}: fixed length, H2 BINARY. */
	BINARY("binary", Kind.BINARY),
	/** {@code varbinary}: H2 BINARY VARYING. */
	VARBINARY("varbinary", Kind.BINARY),
	/** {@code lvarbinary}: H2 BINARY LARGE OBJECT. */
	LVARBINARY("lvarbinary", Kind.BINARY),
	/** {@code json}: H2 JSON. */
	JSON("json", Kind.JSON);

	/** Default length of {@code char} and {@code binary} fields declared without one (provisional). */
	public static final int DEFAULT_FIXED_LENGTH = 1;

	/** Default length of {@code varchar}, {@code varbinary} and {@code json} fields (provisional). */
	public static final int DEFAULT_VARIABLE_LENGTH = 65500;

	/** Default length (precision) of {@code number} and {@code money} (provisional). */
	public static final int DEFAULT_PRECISION = 32;

	/** Default scale of {@code money} fields (provisional); {@code number} defaults to 0. */
	public static final int DEFAULT_MONEY_SCALE = 4;

	/** How a value of a type travels in JSON. */
	public enum Kind {
		/** true/false. */
		BOOLEAN,
		/** a whole number. */
		INTEGER,
		/** a binary floating-point number. */
		FLOAT,
		/** an exact decimal number. */
		DECIMAL,
		/** a date string. */
		DATE,
		/** a time string. */
		TIME,
		/** a timestamp string. */
		TIMESTAMP,
		/** a string. */
		STRING,
		/** a hex/base64 string or a byte array. */
		BINARY,
		/** any JSON value. */
		JSON
	}

	private final String jsonName;

	private final Kind kind;

	FieldType(String jsonName, Kind kind) {
		this.jsonName = jsonName;
		this.kind = kind;
	}

	/**
	 * Returns the type name as FairCom spells it.
	 * @return the name, e.g. {@code varchar}
	 */
	public String jsonName() {
		return this.jsonName;
	}

	/**
	 * Returns how values of this type travel in JSON.
	 * @return the kind
	 */
	public Kind kind() {
		return this.kind;
	}

	/**
	 * Tells whether the type is a number (affected by {@code numberFormat}).
	 * @return {@code true} for numbers
	 */
	public boolean isNumeric() {
		return this.kind == Kind.INTEGER || this.kind == Kind.FLOAT || this.kind == Kind.DECIMAL;
	}

	/**
	 * Tells whether fields of this type carry a length.
	 * @return {@code true} for char, varchar, binary, varbinary, number, money and json
	 */
	public boolean hasLength() {
		return switch (this) {
			case CHAR, VARCHAR, BINARY, VARBINARY, NUMBER, MONEY, JSON -> true;
			default -> false;
		};
	}

	/**
	 * Tells whether fields of this type carry a scale.
	 * @return {@code true} for number and money
	 */
	public boolean hasScale() {
		return this == NUMBER || this == MONEY;
	}

	/**
	 * Returns the length a field of this type gets when declared without one.
	 * @return the length, or {@code null} when the type has none
	 */
	public @Nullable Integer defaultLength() {
		return switch (this) {
			case CHAR, BINARY -> DEFAULT_FIXED_LENGTH;
			case VARCHAR, VARBINARY, JSON -> DEFAULT_VARIABLE_LENGTH;
			case NUMBER, MONEY -> DEFAULT_PRECISION;
			default -> null;
		};
	}

	/**
	 * Returns the scale a field of this type gets when declared without one.
	 * @return the scale, or {@code null} when the type has none
	 */
	public @Nullable Integer defaultScale() {
		return switch (this) {
			case NUMBER -> 0;
			case MONEY -> DEFAULT_MONEY_SCALE;
			default -> null;
		};
	}

	/**
	 * Returns the H2 column type for a field of this type.
	 * @param length the declared (or default) length
	 * @param scale the declared (or default) scale
	 * @return the SQL type, e.g. {@code CHARACTER VARYING(50)}
	 */
	public String h2Type(@Nullable Integer length, @Nullable Integer scale) {
		return switch (this) {
			case BIT -> "BOOLEAN";
			case TINYINT -> "TINYINT";
			case SMALLINT -> "SMALLINT";
			case INTEGER -> "INTEGER";
			case BIGINT -> "BIGINT";
			case REAL -> "REAL";
			case FLOAT -> "DOUBLE PRECISION";
			case NUMBER, MONEY -> "NUMERIC(" + length + ", " + scale + ")";
			case DATE -> "DATE";
			case TIME -> "TIME(3)";
			case TIMESTAMP -> "TIMESTAMP(3)";
			case CHAR -> "CHARACTER(" + length + ")";
			case VARCHAR -> "CHARACTER VARYING(" + length + ")";
			case LVARCHAR -> "CHARACTER LARGE OBJECT";
			case BINARY -> "BINARY(" + length + ")";
			case VARBINARY -> "BINARY VARYING(" + length + ")";
			case LVARBINARY -> "BINARY LARGE OBJECT";
			case JSON -> "JSON(" + length + ")";
		};
	}

	/**
	 * Finds a type by its FairCom name (case-insensitive).
	 * @param name the type name from a request
	 * @return the type, or {@code null} when the name is not a documented type
	 */
	public static @Nullable FieldType fromJsonName(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		for (FieldType type : values()) {
			if (type.jsonName.equals(lower)) {
				return type;
			}
		}
		return null;
	}

	/**
	 * Maps an H2 data type name (as INFORMATION_SCHEMA or result metadata report it) to the FairCom
	 * type that best represents it; types without a FairCom match travel as {@code varchar}.
	 * @param h2TypeName the H2 type name, any case
	 * @return the FairCom type
	 */
	public static FieldType fromH2TypeName(String h2TypeName) {
		String name = h2TypeName.toUpperCase(Locale.ROOT);
		int paren = name.indexOf('(');
		if (paren > 0) {
			name = name.substring(0, paren).trim();
		}
		return switch (name) {
			case "BOOLEAN" -> BIT;
			case "TINYINT" -> TINYINT;
			case "SMALLINT" -> SMALLINT;
			case "INTEGER", "INT" -> INTEGER;
			case "BIGINT" -> BIGINT;
			case "REAL" -> REAL;
			case "DOUBLE PRECISION", "DOUBLE", "FLOAT" -> FLOAT;
			case "NUMERIC", "DECIMAL", "DECFLOAT" -> NUMBER;
			case "DATE" -> DATE;
			case "TIME", "TIME WITH TIME ZONE" -> TIME;
			case "TIMESTAMP", "TIMESTAMP WITH TIME ZONE" -> TIMESTAMP;
			case "CHARACTER", "CHAR" -> CHAR;
			case "CHARACTER LARGE OBJECT", "CLOB" -> LVARCHAR;
			case "BINARY" -> BINARY;
			case "BINARY VARYING", "VARBINARY" -> VARBINARY;
			case "BINARY LARGE OBJECT", "BLOB" -> LVARBINARY;
			case "JSON" -> JSON;
			default -> VARCHAR;
		};
	}
}
