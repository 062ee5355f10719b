package io.github.faircomclient.db;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The definition of a table for {@link DbOperations#createTable}: its name, fields,
 * primary key and change-id field. Immutable; create with {@link #builder(String)}.
 * <p>
 * Without a primary key ({@link Builder#primaryKeyFields} or {@link FieldDefinition#primaryKey}
 * ordinals) the server adds an auto-incremented {@code bigint} field {@code id} as the key;
 * unless {@link Builder#changeIdField} names another field, it also adds a {@code bigint}
 * field {@code changeId} for optimistic locking.
 *
 * <pre class="code">
 * TableDefinition.builder("items")
 *     .field(FieldDefinition.varchar("name", 50).nullable(false))
 *     .field(FieldDefinition.integer("qty"))
 *     .build();
 * </pre>
 */
public final class TableDefinition {

	private final String tableName;

	private final List<FieldDefinition> fields;

	private final List<String> primaryKeyFields;

	private final @Nullable String changeIdField;

	private TableDefinition(Builder builder) {
		this.tableName = builder.tableName;
		this.fields = List.copyOf(builder.fields);
		this.primaryKeyFields = List.copyOf(builder.primaryKeyFields);
		this.changeIdField = builder.changeIdField;
	}

	/**
	 * Return a builder for a table.
	 * @param tableName the table name
	 * @return a new builder
	 */
	public static Builder builder(String tableName) {
		return new Builder(tableName);
	}

	/**
	 * Return the table name.
	 * @return the name
	 */
	public String getTableName() {
		return this.tableName;
	}

	/**
	 * Return the fields in their order.
	 * @return the fields
	 */
	public List<FieldDefinition> getFields() {
		return this.fields;
	}

	/**
	 * Return the fields of the primary key, in key order.
	 * @return the key fields, empty to let the field ordinals or the server decide
	 */
	public List<String> getPrimaryKeyFields() {
		return this.primaryKeyFields;
	}

	/**
	 * Return the field that holds the change id.
	 * @return the field name, or {@code null} for the server's {@code changeId} field
	 */
	public @Nullable String getChangeIdField() {
		return this.changeIdField;
	}

	void writeTo(ObjectNode params) {
		params.put("tableName", this.tableName);
		ArrayNode fields = params.putArray("fields");
		this.fields.forEach((field) -> fields.add(field.toJson()));
		if (!this.primaryKeyFields.isEmpty()) {
			ArrayNode keys = params.putArray("primaryKeyFields");
			this.primaryKeyFields.forEach(keys::add);
		}
		if (this.changeIdField != null) {
			params.put("changeIdField", this.changeIdField);
		}
	}

	@Override
	public String toString() {
		ObjectNode node = JsonNodeFactory.instance.objectNode();
		writeTo(node);
		return "TableDefinition" + node;
	}

	/**
	 * Builder for {@link TableDefinition}.
	 */
	public static final class Builder {

		private final String tableName;

		private final List<FieldDefinition> fields = new ArrayList<>();

		private final List<String> primaryKeyFields = new ArrayList<>();

		private @Nullable String changeIdField;

		private Builder(String tableName) {
			Assert.hasText(tableName, "'tableName' must not be empty");
			this.tableName = tableName;
		}

		/**
		 * Add a field.
		 * @param field the field
		 * @return this builder
		 */
		public Builder field(FieldDefinition field) {
			Assert.notNull(field, "'field' must not be null");
			Assert.isTrue(this.fields.stream().noneMatch((other) -> other.getName().equalsIgnoreCase(field.getName())),
					() -> "Field '" + field.getName() + "' is defined twice");
			this.fields.add(field);
			return this;
		}

		/**
		 * Add fields.
		 * @param fields the fields, in order
		 * @return this builder
		 */
		public Builder fields(FieldDefinition... fields) {
			Arrays.stream(fields).forEach(this::field);
			return this;
		}

		/**
		 * Set the fields of the primary key (instead of {@link FieldDefinition#primaryKey}
		 * ordinals).
		 * @param fieldNames the key fields, in key order
		 * @return this builder
		 */
		public Builder primaryKeyFields(String... fieldNames) {
			Assert.notEmpty(fieldNames, "'fieldNames' must not be empty");
			this.primaryKeyFields.clear();
			this.primaryKeyFields.addAll(Arrays.asList(fieldNames));
			return this;
		}

		/**
		 * Name the {@code bigint} field that holds the change id, instead of the
		 * {@code changeId} field the server adds.
		 * @param fieldName the field name
		 * @return this builder
		 */
		public Builder changeIdField(String fieldName) {
			Assert.hasText(fieldName, "'fieldName' must not be empty");
			this.changeIdField = fieldName;
			return this;
		}

		/**
		 * Build the definition.
		 * @return the definition
		 * @throws IllegalStateException if a primary key field is not defined
		 */
		public TableDefinition build() {
			Assert.state(!this.fields.isEmpty(), "A table needs at least one field");
			for (String key : this.primaryKeyFields) {
				Assert.state(this.fields.stream().anyMatch((field) -> field.getName().equalsIgnoreCase(key)),
						() -> "Primary key field '" + key + "' is not one of the fields");
			}
			return new TableDefinition(this);
		}

	}

}
