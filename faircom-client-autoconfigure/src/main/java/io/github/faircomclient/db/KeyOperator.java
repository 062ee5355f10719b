package io.github.faircomclient.db;

/**
 * How a key is compared in {@code getRecordsInKeyRange} and
 * {@code getRecordsStartingAtKey}.
 */
public enum KeyOperator {

	/** {@code =}: the key itself. */
	EQUAL("="),

	/** {@code >}: after the key. */
	GREATER_THAN(">"),

	/** {@code >=}: from the key on. */
	GREATER_THAN_OR_EQUAL(">="),

	/** {@code <}: before the key. */
	LESS_THAN("<"),

	/** {@code <=}: up to the key. */
	LESS_THAN_OR_EQUAL("<=");

	private final String symbol;

	KeyOperator(String symbol) {
		this.symbol = symbol;
	}

	/**
	 * Return the operator as FairCom writes it.
	 * @return e.g. {@code >=}
	 */
	public String symbol() {
		return this.symbol;
	}

}
