package io.github.faircomclient.db;

/**
 * How the server fills a field by itself ({@code autoValue} of a field definition).
 */
public enum AutoValue {

	/** {@code none}: the application supplies the value. */
	NONE("none"),

	/** {@code incrementOnInsert}: the next number of a sequence on insert. */
	INCREMENT_ON_INSERT("incrementOnInsert"),

	/** {@code changeId}: a new change id on every insert and update (optimistic locking). */
	CHANGE_ID("changeId"),

	/** {@code timestampOnInsert}: the time of the insert. */
	TIMESTAMP_ON_INSERT("timestampOnInsert");

	private final String value;

	AutoValue(String value) {
		this.value = value;
	}

	/**
	 * Return the name FairCom uses.
	 * @return the name, e.g. {@code incrementOnInsert}
	 */
	public String value() {
		return this.value;
	}

}
