package io.github.faircomclient.db;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The field types of FairCom's JSON DB API, with the Java types the record mapper uses for
 * them (see the type table in the README).
 */
public enum FieldType {

	/** {@code bit}: JSON {@code true}/{@code false}; Java {@code boolean}. */
	BIT("bit"),

	/** {@code tinyint}: 1-byte signed integer; Java {@code byte}. */
	TINYINT("tinyint"),

	/** {@code smallint}: 2-byte signed integer; Java {@code short}. */
	SMALLINT("smallint"),

	/** {@code integer}: 4-byte signed integer; Java {@code int}. */
	INTEGER("integer"),

	/** {@code bigint}: 8-byte signed integer; Java {@code long}. */
	BIGINT("bigint"),

	/** {@code real}: 4-byte floating point; Java {@code float}. */
	REAL("real"),

	/** {@code float}: 8-byte floating point; Java {@code double}. */
	FLOAT("float"),

	/** {@code number}: exact decimal with length (precision) and scale; Java {@code BigDecimal}. */
	NUMBER("number"),

	/** {@code money}: exact decimal with length and scale; Java {@code BigDecimal}. */
	MONEY("money"),

	/** {@code date}: ISO 8601 {@code 2024-03-16}; Java {@code LocalDate}. */
	DATE("date"),

	/** {@code time}: ISO 8601 {@code 17:35:20.500}; Java {@code LocalTime}. */
	TIME("time"),

	/** {@code timestamp}: ISO 8601 {@code 2024-03-16T17:35:20.500}; Java {@code LocalDateTime}. */
	TIMESTAMP("timestamp"),

	/** {@code char}: fixed-length string of {@code length} characters; Java {@code String}. */
	CHAR("char"),

	/** {@code varchar}: string of up to {@code length} characters; Java {@code String}. */
	VARCHAR("varchar"),

	/** {@code lvarchar}: long string; Java {@code String}. */
	LVARCHAR("lvarchar"),

	/** {@code binary}: fixed-length bytes; Java {@code byte[]}. */
	BINARY("binary"),

	/** {@code varbinary}: bytes up to {@code length}; Java {@code byte[]}. */
	VARBINARY("varbinary"),

	/** {@code lvarbinary}: long bytes; Java {@code byte[]}. */
	LVARBINARY("lvarbinary"),

	/** {@code json}: any JSON value; Java {@code JsonNode}, a map, a list or a POJO. */
	JSON("json");

	private final String value;

	FieldType(String value) {
		this.value = value;
	}

	/**
	 * Return the type name FairCom uses.
	 * @return the type name, e.g. {@code varchar}
	 */
	public String value() {
		return this.value;
	}

	/**
	 * Find a type by FairCom's (case-insensitive) name.
	 * @param value the type name
	 * @return the type, or {@code null} if FairCom's name is not one of these
	 */
	public static @Nullable FieldType fromValue(@Nullable String value) {
		if (value == null) {
			return null;
		}
		String lower = value.toLowerCase(Locale.ROOT);
		for (FieldType type : values()) {
			if (type.value.equals(lower)) {
				return type;
			}
		}
		return null;
	}

}
