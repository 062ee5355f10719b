package io.github.faircomclient.db;

import java.util.ArrayList;
import java.util.List;

import org.springframework.util.Assert;

/**
 * Where {@code getRecordsStartingAtKey} starts reading an index: a key (its fields in index
 * order) and how to compare it. Records then follow in index order. Immutable.
 *
 * <pre class="code">
 * StartKey.of("id_pk", KeyOperator.GREATER_THAN_OR_EQUAL).field("id", 2)
 * </pre>
 *
 * If no key satisfies the operator, FairCom answers {@code 4046} "Key not found",
 * raised as {@link io.github.faircomclient.FairComNotFoundException}.
 */
public final class StartKey {

	private final String indexName;

	private final KeyOperator operator;

	private final List<Field> fields;

	private StartKey(String indexName, KeyOperator operator, List<Field> fields) {
		this.indexName = indexName;
		this.operator = operator;
		this.fields = List.copyOf(fields);
	}

	/**
	 * Start a key on an index.
	 * @param indexName the index name
	 * @param operator how to compare the key
	 * @return the key, to complete with {@link #field}
	 */
	public static StartKey of(String indexName, KeyOperator operator) {
		Assert.hasText(indexName, "'indexName' must not be empty");
		Assert.notNull(operator, "'operator' must not be null");
		return new StartKey(indexName, operator, List.of());
	}

	/**
	 * Return a copy with the value of the next index field.
	 * @param fieldName the index field
	 * @param value the value
	 * @return the new key
	 */
	public StartKey field(String fieldName, Object value) {
		Assert.hasText(fieldName, "'fieldName' must not be empty");
		Assert.notNull(value, "'value' must not be null");
		List<Field> fields = new ArrayList<>(this.fields);
		fields.add(new Field(fieldName, value));
		return new StartKey(this.indexName, this.operator, fields);
	}

	/**
	 * Return the index name.
	 * @return the index name
	 */
	public String indexName() {
		return this.indexName;
	}

	/**
	 * Return how the key is compared.
	 * @return the operator
	 */
	public KeyOperator operator() {
		return this.operator;
	}

	/**
	 * Return the key's fields in index order.
	 * @return the fields
	 */
	public List<Field> fields() {
		return this.fields;
	}

	@Override
	public String toString() {
		return "StartKey[" + this.indexName + " " + this.operator.symbol() + " " + this.fields + "]";
	}

	/**
	 * One field of a start key.
	 *
	 * @param fieldName the index field
	 * @param value the value
	 */
	public record Field(String fieldName, Object value) {

	}

}
