package io.github.faircomclient.test.db;

import java.util.List;
import java.util.Locale;

/**
 * How records travel: {@code dataFormat}, {@code numberFormat} and {@code binaryFormat} of the
 * request's {@code responseOptions} (or the session defaults), plus {@code includeFields} and
 * {@code excludeFields}.
 *
 * @param dataFormat {@code objects} or {@code arrays}
 * @param numberFormat {@code number} or {@code string}
 * @param binaryFormat {@code hex}, {@code base64} or {@code byteArray}
 * @param includeFields when not empty, only these fields are returned
 * @param excludeFields these fields are not returned
 */
public record RecordFormat(String dataFormat, String numberFormat, String binaryFormat, List<String> includeFields,
		List<String> excludeFields) {

	/** The emulator's defaults: objects, number, hex. */
	public static final RecordFormat DEFAULT = new RecordFormat("objects", "number", "hex", List.of(), List.of());

	/**
	 * Validates and normalizes the three format names.
	 * @param dataFormat {@code objects} or {@code arrays}
	 * @param numberFormat {@code number} or {@code string}
	 * @param binaryFormat {@code hex}, {@code base64} or {@code byteArray}
	 * @param includeFields when not empty, only these fields are returned
	 * @param excludeFields these fields are not returned
	 */
	public RecordFormat {
		dataFormat = normalize("dataFormat", dataFormat, "objects", "arrays");
		numberFormat = normalize("numberFormat", numberFormat, "number", "string");
		binaryFormat = normalize("binaryFormat", binaryFormat, "hex", "base64", "byteArray");
		includeFields = List.copyOf(includeFields);
		excludeFields = List.copyOf(excludeFields);
	}

	private static String normalize(String property, String value, String... allowed) {
		if ("default".equalsIgnoreCase(value) && "dataFormat".equals(property)) {
			return "objects";
		}
		for (String candidate : allowed) {
			if (candidate.equalsIgnoreCase(value)) {
				return candidate;
			}
		}
		throw DbError.INVALID_PARAMETER.exception("'" + property + "' must be one of "
				+ String.join(", ", allowed) + ", not '" + value.toLowerCase(Locale.ROOT) + "'");
	}

	/**
	 * Tells whether records are JSON arrays.
	 * @return {@code true} for {@code arrays}
	 */
	public boolean arrays() {
		return "arrays".equals(this.dataFormat);
	}

	/**
	 * Tells whether numbers are sent as strings.
	 * @return {@code true} for {@code string}
	 */
	public boolean numbersAsStrings() {
		return "string".equals(this.numberFormat);
	}

	/**
	 * Tells whether a field is returned.
	 * @param fieldName the field's name
	 * @return {@code true} when the include/exclude lists let it through
	 */
	public boolean returns(String fieldName) {
		if (!this.includeFields.isEmpty()
				&& this.includeFields.stream().noneMatch((name) -> name.equalsIgnoreCase(fieldName))) {
			return false;
		}
		return this.excludeFields.stream().noneMatch((name) -> name.equalsIgnoreCase(fieldName));
	}

	/**
	 * Returns a copy with another binary format (a request's {@code params.binaryFormat}).
	 * @param format the binary format
	 * @return the copy
	 */
	public RecordFormat withBinaryFormat(String format) {
		return new RecordFormat(this.dataFormat, this.numberFormat, format, this.includeFields, this.excludeFields);
	}
}
