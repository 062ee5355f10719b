package io.github.faircomclient.test.db;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One field of a table, with its name exactly as declared.
 *
 * @param name the field name as declared
 * @param type the FairCom type
 * @param length the length, or {@code null} for types without one
 * @param scale the scale, or {@code null} for types without one
 * @param nullable whether the field accepts null
 * @param defaultValue the declared default value, or {@code null}
 * @param primaryKey the 1-based position in the primary key, 0 when not part of it
 * @param autoValue what the server fills in
 */
record FieldDefinition(String name, FieldType type, @Nullable Integer length, @Nullable Integer scale,
		boolean nullable, @Nullable JsonNode defaultValue, int primaryKey, AutoValue autoValue) {

	/**
	 * Reads one field object of a request ({@code createTable} fields, {@code alterTable} addFields).
	 * @param node the field object
	 * @return the field (primary-key position as declared)
	 * @throws DbException when the object is not a valid field
	 */
	static FieldDefinition fromRequest(JsonNode node) {
		if (!node.isObject()) {
			throw DbError.INVALID_PARAMETER.exception("each field must be an object");
		}
		String name = Params.requireString(node, "name");
		FieldType type = type(Params.requireString(node, "type"));
		Integer length = type.hasLength() ? (int) Params.integer(node, "length", type.defaultLength()) : null;
		Integer scale = type.hasScale() ? (int) Params.integer(node, "scale", type.defaultScale()) : null;
		if (length != null && length <= 0) {
			throw DbError.INVALID_PARAMETER.exception("field '" + name + "' needs a positive length");
		}
		String autoName = Params.string(node, "autoValue");
		AutoValue autoValue = (autoName == null) ? AutoValue.NONE : AutoValue.fromJsonName(autoName);
		if (autoValue == null) {
			throw DbError.INVALID_PARAMETER.exception("'" + autoName + "' is not an autoValue");
		}
		if (autoValue == AutoValue.INCREMENT_ON_INSERT && type.kind() != FieldType.Kind.INTEGER) {
			throw DbError.INVALID_PARAMETER.exception("incrementOnInsert needs an integer field, not "
					+ type.jsonName());
		}
		if (autoValue.name().startsWith("TIMESTAMP") && type != FieldType.TIMESTAMP) {
			throw DbError.INVALID_PARAMETER.exception(autoValue.jsonName() + " needs a timestamp field");
		}
		return new FieldDefinition(name, type, length, scale, Params.bool(node, "nullable", true),
				Params.node(node, "defaultValue"), (int) Params.integer(node, "primaryKey", 0), autoValue);
	}

	/**
	 * Looks a FairCom type name up.
	 * @param typeName the name from a request
	 * @return the type
	 * @throws DbException when the name is no FairCom type
	 */
	static FieldType type(String typeName) {
		FieldType type = FieldType.fromJsonName(typeName);
		if (type == null) {
			throw DbError.INVALID_PARAMETER.exception("'" + typeName + "' is not a field type");
		}
		return type;
	}

	/**
	 * Returns a copy with another primary-key position and nullability.
	 * @param position the 1-based position (0 = none)
	 * @return the copy
	 */
	public FieldDefinition withPrimaryKey(int position) {
		return new FieldDefinition(this.name, this.type, this.length, this.scale,
				position > 0 ? false : this.nullable, this.defaultValue, position, this.autoValue);
	}

	/**
	 * Returns a copy with another auto value.
	 * @param value the auto value
	 * @return the copy
	 */
	public FieldDefinition withAutoValue(AutoValue value) {
		return new FieldDefinition(this.name, this.type, this.length, this.scale, this.nullable, this.defaultValue,
				this.primaryKey, value);
	}
}
