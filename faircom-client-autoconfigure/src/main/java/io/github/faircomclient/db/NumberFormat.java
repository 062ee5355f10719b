package io.github.faircomclient.db;

/**
 * How the server writes numbers in record results, sent with every request as
 * {@code responseOptions.numberFormat}.
 */
public enum NumberFormat {

	/**
	 * Numbers as JSON strings: exact for every type, including {@code number} and
	 * {@code money} values with more digits than a {@code double} holds. Mapped Java
	 * types ({@code int}, {@code long}, {@code BigDecimal}, ...) are read from the strings;
	 * trees and maps hold the strings.
	 */
	STRING("string"),

	/**
	 * Numbers as JSON numbers: convenient in trees and maps, but non-integral values pass
	 * through a {@code double} when the answer is parsed, so {@code number} and
	 * {@code money} values beyond about 15 significant digits lose precision.
	 */
	NUMBER("number");

	private final String value;

	NumberFormat(String value) {
		this.value = value;
	}

	/**
	 * Return the value FairCom uses for this format.
	 * @return {@code string} or {@code number}
	 */
	public String value() {
		return this.value;
	}

}
