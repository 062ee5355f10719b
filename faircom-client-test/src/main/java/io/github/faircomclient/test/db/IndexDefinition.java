package io.github.faircomclient.test.db;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One index of a table, with its name exactly as declared.
 *
 * @param name the index name as declared (unique per table)
 * @param h2Name the name of the H2 index that backs it
 * @param fields the indexed fields in key order
 * @param unique whether keys must be unique
 * @param conditionalExpression the filter (only matching records are in the index), or {@code null}
 * @param immutableKeys whether keys may not change
 * @param collectStats whether statistics are collected (reported only)
 * @param compression the compression setting (reported only)
 * @param filename the requested file name, or {@code null}
 * @param deferIndexing whether indexing is deferred (reported only)
 * @param indexNumber the index's number in its table, 0 for the primary key index
 */
record IndexDefinition(String name, String h2Name, List<IndexField> fields, boolean unique,
		@Nullable String conditionalExpression, boolean immutableKeys, boolean collectStats, String compression,
		@Nullable String filename, boolean deferIndexing, int indexNumber) {

	/**
	 * One segment of an index key.
	 *
	 * @param name the field name as declared in the table
	 * @param caseInsensitive whether the key compares strings ignoring case
	 * @param sortDescending whether the key sorts in descending order
	 * @param reverseCompare whether bytes compare from the end (reported only)
	 */
	public record IndexField(String name, boolean caseInsensitive, boolean sortDescending, boolean reverseCompare) {
	}
}
