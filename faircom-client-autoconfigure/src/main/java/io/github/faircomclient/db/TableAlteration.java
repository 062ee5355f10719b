package io.github.faircomclient.db;

import java.util.ArrayList;
import java.util.List;

import org.springframework.util.Assert;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The changes {@link DbOperations#alterTable} makes to a table's fields, as FairCom
 * documents them for {@code alterTable}: fields renamed or redefined ({@code alterFields}),
 * deleted ({@code deleteFields}) and added ({@code addFields}, defined as for
 * {@code createTable}). Immutable; create with {@link #builder(String)}.
 *
 * <pre class="code">
 * TableAlteration.builder("items")
 *     .renameField("descr", FieldType.VARCHAR, "description")
 *     .alterField(FieldDefinition.varchar("name", 100).nullable(true))
 *     .deleteField("legacy_code")
 *     .addField(FieldDefinition.integer("reorder_level").defaultValue("10"))
 *     .build();
 * </pre>
 *
 * FairCom's page shows renaming ({@code {name, type, newName}}), redefining
 * ({@code {name, type, length, nullable}}) and adding; its delete example and its answer
 * could not be read: deleted fields are sent as an array of names, like
 * {@code tableNames} and {@code indexNames} elsewhere, and the answer is read leniently.
 * Renaming the table is not offered: FairCom does not show how.
 */
public final class TableAlteration {

	private final String tableName;

	private final List<ObjectNode> alterFields;

	private final List<String> deleteFields;

	private final List<FieldDefinition> addFields;

	private TableAlteration(Builder builder) {
		this.tableName = builder.tableName;
		this.alterFields = List.copyOf(builder.alterFields);
		this.deleteFields = List.copyOf(builder.deleteFields);
		this.addFields = List.copyOf(builder.addFields);
	}

	/**
	 * Return a builder for the changes of a table.
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
	 * Return the names of the fields to delete.
	 * @return the names, in order
	 */
	public List<String> getDeletedFields() {
		return this.deleteFields;
	}

	/**
	 * Return the fields to add.
	 * @return the fields, in order
	 */
	public List<FieldDefinition> getAddedFields() {
		return this.addFields;
	}

	void writeTo(ObjectNode params) {
		params.put("tableName", this.tableName);
		if (!this.alterFields.isEmpty()) {
			ArrayNode alter = params.putArray("alterFields");
			this.alterFields.forEach((field) -> alter.add(field.deepCopy()));
		}
		if (!this.deleteFields.isEmpty()) {
			ArrayNode delete = params.putArray("deleteFields");
			this.deleteFields.forEach(delete::add);
		}
		if (!this.addFields.isEmpty()) {
			ArrayNode add = params.putArray("addFields");
			this.addFields.forEach((field) -> add.add(field.toJson()));
		}
	}

	@Override
	public String toString() {
		ObjectNode node = JsonNodeFactory.instance.objectNode();
		writeTo(node);
		return "TableAlteration" + node;
	}

	/**
	 * Builder for {@link TableAlteration}. An existing field is renamed, redefined or
	 * deleted by one change only, and a new field added once.
	 */
	public static final class Builder {

		private final String tableName;

		private final List<ObjectNode> alterFields = new ArrayList<>();

		private final List<String> deleteFields = new ArrayList<>();

		private final List<FieldDefinition> addFields = new ArrayList<>();

		private final List<String> changed = new ArrayList<>();

		private Builder(String tableName) {
			Assert.hasText(tableName, "'tableName' must not be empty");
			this.tableName = tableName;
		}

		/**
		 * Rename a field ({@code alterFields} element {@code {name, type, newName}}); FairCom
		 * sends the field's type with the new name, changed or not.
		 * @param fieldName the field's current name
		 * @param type the field's type
		 * @param newName the new name
		 * @return this builder
		 */
		public Builder renameField(String fieldName, FieldType type, String newName) {
			Assert.hasText(fieldName, "'fieldName' must not be empty");
			Assert.notNull(type, "'type' must not be null");
			Assert.hasText(newName, "'newName' must not be empty");
			change(fieldName);
			this.alterFields.add(JsonNodeFactory.instance.objectNode()
				.put("name", fieldName)
				.put("type", type.value())
				.put("newName", newName));
			return this;
		}

		/**
		 * Redefine a field ({@code alterFields} element {@code {name, type, length, scale,
		 * nullable, defaultValue}}): the definition names the field and gives its type and
		 * the properties to change; unset properties are not sent. A primary key ordinal or
		 * an auto value cannot be changed this way: FairCom documents neither for
		 * {@code alterFields}.
		 * @param field the new definition of an existing field
		 * @return this builder
		 */
		public Builder alterField(FieldDefinition field) {
			Assert.notNull(field, "'field' must not be null");
			Assert.isTrue(field.getPrimaryKey() == null,
					() -> "Field '" + field.getName() + "': alterTable does not change primary keys");
			Assert.isTrue(field.getAutoValue() == null,
					() -> "Field '" + field.getName() + "': alterTable does not change auto values");
			change(field.getName());
			this.alterFields.add(field.toJson());
			return this;
		}

		/**
		 * Delete fields ({@code deleteFields}).
		 * @param fieldNames the fields
		 * @return this builder
		 */
		public Builder deleteField(String... fieldNames) {
			Assert.notEmpty(fieldNames, "'fieldNames' must not be empty");
			for (String fieldName : fieldNames) {
				Assert.hasText(fieldName, "'fieldNames' must not contain empty names");
				change(fieldName);
				this.deleteFields.add(fieldName);
			}
			return this;
		}

		/**
		 * Add a field ({@code addFields}), defined as for {@code createTable}.
		 * @param field the new field
		 * @return this builder
		 */
		public Builder addField(FieldDefinition field) {
			Assert.notNull(field, "'field' must not be null");
			Assert.isTrue(this.addFields.stream().noneMatch((other) -> other.getName().equalsIgnoreCase(field.getName())),
					() -> "Field '" + field.getName() + "' is added twice");
			this.addFields.add(field);
			return this;
		}

		private void change(String fieldName) {
			Assert.isTrue(this.changed.stream().noneMatch(fieldName::equalsIgnoreCase),
					() -> "Field '" + fieldName + "' is changed more than once");
			this.changed.add(fieldName);
		}

		/**
		 * Build the changes.
		 * @return the changes
		 * @throws IllegalStateException if there are none
		 */
		public TableAlteration build() {
			Assert.state(!this.changed.isEmpty() || !this.addFields.isEmpty(), "alterTable needs at least one change");
			return new TableAlteration(this);
		}

	}

}
