package io.github.faircomclient.test.db;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * A table as FairCom describes it: names exactly as declared, fields in order, indexes, and the
 * field that carries the change id.
 *
 * @param databaseName the database's name as declared
 * @param ownerName the owner's name (the H2 schema)
 * @param tableName the table's name as declared
 * @param uid the table's uid
 * @param fields the fields in order
 * @param indexes the indexes ordered by number
 * @param changeIdField the name of the change-id field, or {@code null} when the table has none
 */
record TableDefinition(String databaseName, String ownerName, String tableName, long uid,
		List<FieldDefinition> fields, List<IndexDefinition> indexes, @Nullable String changeIdField) {

	/**
	 * Finds a field by name, ignoring case as FairCom does.
	 * @param name the name from a request
	 * @return the field, or {@code null}
	 */
	public @Nullable FieldDefinition field(String name) {
		for (FieldDefinition field : this.fields) {
			if (field.name().equals(name)) {
				return field;
			}
		}
		for (FieldDefinition field : this.fields) {
			if (field.name().equalsIgnoreCase(name)) {
				return field;
			}
		}
		return null;
	}

	/**
	 * Finds a field by name or fails with the provisional field-not-found error.
	 * @param name the name from a request
	 * @return the field
	 */
	public FieldDefinition requireField(String name) {
		FieldDefinition field = field(name);
		if (field == null) {
			throw DbError.FIELD_NOT_FOUND.exception(name, this.tableName);
		}
		return field;
	}

	/**
	 * Returns the primary-key fields in key order.
	 * @return the fields (empty when the table has no primary key)
	 */
	public List<FieldDefinition> primaryKeyFields() {
		return this.fields.stream()
			.filter((field) -> field.primaryKey() > 0)
			.sorted(Comparator.comparingInt(FieldDefinition::primaryKey))
			.toList();
	}

	/**
	 * Returns the change-id field.
	 * @return the field, or {@code null} when the table has none
	 */
	public @Nullable FieldDefinition changeId() {
		return (this.changeIdField != null) ? field(this.changeIdField) : null;
	}

	/**
	 * Returns the primary-key index.
	 * @return the index, or {@code null} when the table has no primary key
	 */
	public @Nullable IndexDefinition primaryKeyIndex() {
		return this.indexes.stream().filter((index) -> index.indexNumber() == 0 && index.unique()).findFirst()
			.orElse(null);
	}

	/**
	 * Finds an index by its name, accepting the short form ({@code id_pk}) and the file form that
	 * some documentation examples use ({@code admin_athlete_id_pk}), ignoring case.
	 * @param name the index name from a request
	 * @return the index, or {@code null}
	 */
	public @Nullable IndexDefinition index(String name) {
		String prefix = (this.ownerName + "_" + this.tableName + "_").toLowerCase(Locale.ROOT);
		for (IndexDefinition index : this.indexes) {
			String indexName = index.name().toLowerCase(Locale.ROOT);
			String wanted = name.toLowerCase(Locale.ROOT);
			if (indexName.equals(wanted) || (prefix + indexName).equals(wanted)) {
				return index;
			}
		}
		return null;
	}

	/**
	 * Finds an index or fails with the provisional index-not-found error.
	 * @param name the index name from a request
	 * @return the index
	 */
	public IndexDefinition requireIndex(String name) {
		IndexDefinition index = index(name);
		if (index == null) {
			throw DbError.INDEX_NOT_FOUND.exception(name, this.tableName);
		}
		return index;
	}
}
