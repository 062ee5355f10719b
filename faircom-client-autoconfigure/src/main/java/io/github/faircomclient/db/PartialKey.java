package io.github.faircomclient.db;

import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The partial key of {@code getRecordsByPartialKeyRange}: an index and the start of its
 * keys. Records whose keys begin with it follow in index order. Immutable.
 *
 * <pre class="code">
 * PartialKey.prefix("name_idx", "Mi")                 // "partialKey": "Mi"
 * PartialKey.values("city_name_idx", "Paris", "Mi")  // "partialKey": ["Paris", "Mi"]
 * </pre>
 *
 * As FairCom documents it: the string form matches the first bytes of the index keys (a
 * {@code reverseCompare} field is matched from its end); in the array form every value but
 * the last is a complete value of the index field at its position, and the last may be
 * the start of one. An empty prefix matches every key. When nothing matches, no records
 * are returned (a cursor stands after the last record of the index). FairCom's examples
 * of the request could not be read: the client sends {@code indexName} and
 * {@code partialKey} in {@code params}, as the {@code partialKey} property page describes
 * it.
 */
public final class PartialKey {

	private final String indexName;

	private final @Nullable String prefix;

	private final List<Object> values;

	private PartialKey(String indexName, @Nullable String prefix, List<Object> values) {
		this.indexName = indexName;
		this.prefix = prefix;
		this.values = values;
	}

	/**
	 * Match the keys of an index that start with a text (the string form).
	 * @param indexName the index name
	 * @param prefix the start of the keys, empty for every key
	 * @return the partial key
	 */
	public static PartialKey prefix(String indexName, String prefix) {
		Assert.hasText(indexName, "'indexName' must not be empty");
		Assert.notNull(prefix, "'prefix' must not be null");
		return new PartialKey(indexName, prefix, List.of());
	}

	/**
	 * Match the keys of an index by the values of its first fields (the array form).
	 * @param indexName the index name
	 * @param values the values in index order; the last may be the start of a value
	 * @return the partial key
	 */
	public static PartialKey values(String indexName, Object... values) {
		Assert.hasText(indexName, "'indexName' must not be empty");
		Assert.notEmpty(values, "'values' must not be empty");
		Assert.noNullElements(values, "'values' must not contain null");
		return new PartialKey(indexName, null, List.copyOf(Arrays.asList(values)));
	}

	/**
	 * Return the index name.
	 * @return the index name
	 */
	public String indexName() {
		return this.indexName;
	}

	/**
	 * Return the prefix of the string form.
	 * @return the prefix, or {@code null} for the array form
	 */
	public @Nullable String prefix() {
		return this.prefix;
	}

	/**
	 * Return the values of the array form.
	 * @return the values in index order, empty for the string form
	 */
	public List<Object> values() {
		return this.values;
	}

	@Override
	public String toString() {
		return "PartialKey[" + this.indexName + ", " + ((this.prefix != null) ? "'" + this.prefix + "'" : this.values)
				+ "]";
	}

}
