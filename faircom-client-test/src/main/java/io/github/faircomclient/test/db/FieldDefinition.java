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
