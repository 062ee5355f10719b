package io.github.faircomclient.db;

import org.springframework.util.Assert;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One field of an index, with its sort options. Immutable.
 *
 * @param name the field name
 * @param sortDescending whether the index sorts this field in descending order
 * @param caseInsensitive whether the index compares this field ignoring case
 * @param reverseCompare whether the index compares this field's bytes from last to first
 */
public record IndexField(String name, boolean sortDescending, boolean caseInsensitive, boolean reverseCompare) {

	/**
	 * Create an index field.
	 * @param name the field name
	 * @param sortDescending whether to sort in descending order
	 * @param caseInsensitive whether to compare ignoring case
	 * @param reverseCompare whether to compare from last byte to first
	 */
	public IndexField {
		Assert.hasText(name, "'name' must not be empty");
	}

	/**
	 * Return an ascending, case-sensitive index field.
	 * @param name the field name
	 * @return the index field
	 */
	public static IndexField of(String name) {
		return new IndexField(name, false, false, false);
	}

	/**
	 * Return a copy that sorts in descending order.
	 * @return the new index field
	 */
	public IndexField descending() {
		return new IndexField(this.name, true, this.caseInsensitive, this.reverseCompare);
	}

	/**
	 * Return a copy that compares ignoring case.
	 * @return the new index field
	 */
	public IndexField ignoringCase() {
		return new IndexField(this.name, this.sortDescending, true, this.reverseCompare);
	}

	/**
	 * Return a copy that compares from the last byte to the first.
	 * @return the new index field
	 */
	public IndexField reversed() {
		return new IndexField(this.name, this.sortDescending, this.caseInsensitive, true);
	}

	ObjectNode toJson() {
		ObjectNode field = JsonNodeFactory.instance.objectNode();
		field.put("name", this.name);
		if (this.caseInsensitive) {
			field.put("caseInsensitive", true);
		}
		if (this.sortDescending) {
			field.put("sortDescending", true);
		}
		if (this.reverseCompare) {
			field.put("reverseCompare", true);
		}
		return field;
	}

}
