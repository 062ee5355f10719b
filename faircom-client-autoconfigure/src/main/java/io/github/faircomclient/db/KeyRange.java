package io.github.faircomclient.db;

import java.util.ArrayList;
import java.util.List;

import org.springframework.util.Assert;

/**
 * A range of keys of one index for {@code getRecordsInKeyRange}: lower and upper bounds per
 * index field. Immutable.
 *
 * <pre class="code">
 * KeyRange.of("ranking").atLeast("ranking", 1).atMost("ranking", 3)
 * </pre>
 */
public final class KeyRange {

	private final String indexName;

	private final List<Bound> bounds;

	private KeyRange(String indexName, List<Bound> bounds) {
		this.indexName = indexName;
		this.bounds = List.copyOf(bounds);
	}

	/**
	 * Start a range on an index; without bounds it covers every key.
	 * @param indexName the index name
	 * @return the range
	 */
	public static KeyRange of(String indexName) {
		Assert.hasText(indexName, "'indexName' must not be empty");
		return new KeyRange(indexName, List.of());
	}

	/**
	 * Return a copy with a lower bound that includes the value.
	 * @param fieldName an index field
	 * @param value the lowest value
	 * @return the new range
	 */
	public KeyRange atLeast(String fieldName, Object value) {
		return bound(fieldName, KeyOperator.GREATER_THAN_OR_EQUAL, value);
	}

	/**
	 * Return a copy with a lower bound that excludes the value.
	 * @param fieldName an index field
	 * @param value the value just below the range
	 * @return the new range
	 */
	public KeyRange greaterThan(String fieldName, Object value) {
		return bound(fieldName, KeyOperator.GREATER_THAN, value);
	}

	/**
	 * Return a copy with an upper bound that includes the value.
	 * @param fieldName an index field
	 * @param value the highest value
	 * @return the new range
	 */
	public KeyRange atMost(String fieldName, Object value) {
		return bound(fieldName, KeyOperator.LESS_THAN_OR_EQUAL, value);
	}

	/**
	 * Return a copy with an upper bound that excludes the value.
	 * @param fieldName an index field
	 * @param value the value just above the range
	 * @return the new range
	 */
	public KeyRange lessThan(String fieldName, Object value) {
		return bound(fieldName, KeyOperator.LESS_THAN, value);
	}

	private KeyRange bound(String fieldName, KeyOperator operator, Object value) {
		Assert.hasText(fieldName, "'fieldName' must not be empty");
		Assert.notNull(value, "'value' must not be null");
		List<Bound> bounds = new ArrayList<>(this.bounds);
		bounds.add(new Bound(fieldName, operator, value));
		return new KeyRange(this.indexName, bounds);
	}

	/**
	 * Return the index name.
	 * @return the index name
	 */
	public String indexName() {
		return this.indexName;
	}

	/**
	 * Return the bounds in the order they were added.
	 * @return the bounds
	 */
	public List<Bound> bounds() {
		return this.bounds;
	}

	@Override
	public String toString() {
		return "KeyRange[" + this.indexName + ", " + this.bounds + "]";
	}

	/**
	 * One bound of a key range.
	 *
	 * @param fieldName the index field
	 * @param operator how records compare to the value
	 * @param value the value
	 */
	public record Bound(String fieldName, KeyOperator operator, Object value) {

	}

}
