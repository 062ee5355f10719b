package io.github.faircomclient.db;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The primary-key values of one record, field by field in key order, for
 * {@code getRecordsByIds} and {@code deleteRecords} on tables whose key is not a single
 * {@code id}. Immutable.
 *
 * <pre class="code">
 * PrimaryKey.of("first_name", "Sam").and("last_name", "I-am")
 * </pre>
 */
public final class PrimaryKey {

	private final List<Part> parts;

	private PrimaryKey(List<Part> parts) {
		this.parts = List.copyOf(parts);
	}

	/**
	 * Start a key with its first field.
	 * @param fieldName the field name
	 * @param value the value, written like a record value
	 * @return the key
	 */
	public static PrimaryKey of(String fieldName, @Nullable Object value) {
		return new PrimaryKey(List.of()).and(fieldName, value);
	}

	/**
	 * Return a copy with one more field.
	 * @param fieldName the field name
	 * @param value the value, written like a record value
	 * @return the new key
	 */
	public PrimaryKey and(String fieldName, @Nullable Object value) {
		Assert.hasText(fieldName, "'fieldName' must not be empty");
		List<Part> parts = new ArrayList<>(this.parts);
		parts.add(new Part(fieldName, value));
		return new PrimaryKey(parts);
	}

	/**
	 * Return the fields of the key in order.
	 * @return the parts
	 */
	public List<Part> parts() {
		return this.parts;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return (this == other) || (other instanceof PrimaryKey key && this.parts.equals(key.parts));
	}

	@Override
	public int hashCode() {
		return this.parts.hashCode();
	}

	@Override
	public String toString() {
		return "PrimaryKey" + this.parts;
	}

	/**
	 * One field of a primary key.
	 *
	 * @param fieldName the field name
	 * @param value the value
	 */
	public record Part(String fieldName, @Nullable Object value) {

	}

}
