package io.github.faircomclient.db;

/**
 * How binary values ({@code binary}, {@code varbinary}, {@code lvarbinary}) travel as JSON
 * strings. The format is sent with every request as {@code binaryFormat}, both in
 * {@code params} (for values the request carries) and in {@code responseOptions}.
 */
public enum BinaryFormat {

	/**
	 * Base64 (RFC 4648, standard alphabet, padded): a third larger than the bytes.
	 */
	BASE64("base64"),

	/**
	 * Hexadecimal, two characters per byte (written upper-case, read in either case):
	 * FairCom's own default.
	 */
	HEX("hex");

	private final String value;

	BinaryFormat(String value) {
		this.value = value;
	}

	/**
	 * Return the value FairCom uses for this format.
	 * @return {@code base64} or {@code hex}
	 */
	public String value() {
		return this.value;
	}

}
