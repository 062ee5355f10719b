package io.github.faircomclient.db;

import java.util.Locale;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One field of a table: its name, type, length and scale, and the optional
 * {@code nullable}, {@code defaultValue}, {@code primaryKey} ordinal and
 * {@code autoValue}. Immutable: each {@code with}-style method returns a copy. Properties
 * left unset are not sent, so the server applies its defaults.
 *
 * <pre class="code">
 * FieldDefinition.varchar("name", 50).nullable(false)
 * FieldDefinition.money("price", 32, 4).defaultValue("0")
 * FieldDefinition.bigint("sku").primaryKey(1)
 * </pre>
 *
 * The factories are named after FairCom's types, except {@link #float64} ({@code float})
 * and {@link #fixedChar} ({@code char}), whose names are Java keywords.
 */
public final class FieldDefinition {

	private final String name;

	private final String typeName;

	private final @Nullable Integer length;

	private final @Nullable Integer scale;

	private final @Nullable Boolean nullable;

	private final @Nullable String defaultValue;

	private final @Nullable Integer primaryKey;

	private final @Nullable String autoValue;

	private FieldDefinition(String name, String typeName, @Nullable Integer length, @Nullable Integer scale,
			@Nullable Boolean nullable, @Nullable String defaultValue, @Nullable Integer primaryKey,
			@Nullable String autoValue) {
		this.name = name;
		this.typeName = typeName;
		this.length = length;
		this.scale = scale;
		this.nullable = nullable;
		this.defaultValue = defaultValue;
		this.primaryKey = primaryKey;
		this.autoValue = autoValue;
	}

	/**
	 * Define a field of any type.
	 * @param name the field name
	 * @param type the field type
	 * @return the definition
	 */
	public static FieldDefinition of(String name, FieldType type) {
		Assert.hasText(name, "'name' must not be empty");
		Assert.notNull(type, "'type' must not be null");
		return new FieldDefinition(name, type.value(), null, null, null, null, null, null);
	}

	/**
	 * Define a field from the properties a server reports (e.g. in {@code describeTables}).
	 * @param name the field name
	 * @param typeName FairCom's type name, possibly one {@link FieldType} does not list
	 * @param length the length or {@code null}
	 * @param scale the scale or {@code null}
	 * @param nullable whether the field accepts null, or {@code null} if not reported
	 * @param defaultValue the default value or {@code null}
	 * @param primaryKey the ordinal in the primary key (0 = not part of it) or {@code null}
	 * @param autoValue the auto value or {@code null}
	 * @return the definition
	 */
	public static FieldDefinition of(String name, String typeName, @Nullable Integer length, @Nullable Integer scale,
			@Nullable Boolean nullable, @Nullable String defaultValue, @Nullable Integer primaryKey,
			@Nullable String autoValue) {
		Assert.hasText(name, "'name' must not be empty");
		Assert.hasText(typeName, "'typeName' must not be empty");
		return new FieldDefinition(name, typeName, length, scale, nullable, defaultValue, primaryKey, autoValue);
	}

	/**
	 * Define a {@code bit} field.
	 * @param name the field name
	 * @return the definition
	 */
	public static FieldDefinition bit(String name) {
		return of(name, FieldType.BIT);
	}

	/**
	 * Define a {@code tinyint} field.
	 * @param name the field name
	 * @return the definition
	 */
	public static FieldDefinition tinyint(String name) {
		return of(name, FieldType.TINYINT);
	}

	/**
	 * Define a {@code smallint} field.
	 * @param name the field name
	 * @return the definition
	 */
	public static FieldDefinition smallint(String name) {
		return of(name, FieldType.SMALLINT);
	}

	/**
	 * Define an {@code integer} field.
	 * @param name the field name
	 * @return the definition
	 */
	public static FieldDefinition integer(String name) {
		return of(name, FieldType.INTEGER);
	}

	/**
	 * Define a {@code bigint} field.
	 * @param name the field name
	 * @return the definition
	 */
	public static FieldDefinition bigint(String name) {
		return of(name, FieldType.BIGINT);
	}

	/**
	 * Define a {@code real} (4-byte floating point) field.
	 * @param name the field name
	 * @return the definition
	 */
	public static FieldDefinition real(String name) {
		return of(name, FieldType.REAL);
	}

	/**
	 * Define a {@code float} (8-byte floating point) field.
	 * @param name the field name
	 * @return the definition
	 */
	public static FieldDefinition float64(String name) {
		return of(name, FieldType.FLOAT);
	}

	/**
	 * Define a {@code number} field.
	 * @param name the field name
	 * @param length the total number of digits
	 * @param scale the digits after the decimal point
	 * @return the definition
	 */
	public static FieldDefinition number(String name, int length, int scale) {
		return of(name, FieldType.NUMBER).length(length).scale(scale);
	}

	/**
	 * Define a {@code money} field.
	 * @param name the field name
	 * @param length the total number of digits
	 * @param scale the digits after the decimal point
	 * @return the definition
	 */
	public static FieldDefinition money(String name, int length, int scale) {
		return of(name, FieldType.MONEY).length(length).scale(scale);
	}

	/**
	 * Define a {@code date} field.
	 * @param name the field name
	 * @return the definition
	 */
	public static FieldDefinition date(String name) {
		return of(name, FieldType.DATE);
	}

	/**
	 * Define a {@code time} field.
	 * @param name the field name
	 * @return the definition
	 */
	public static FieldDefinition time(String name) {
		return of(name, FieldType.TIME);
	}

	/**
	 * Define a {@code timestamp} field.
	 * @param name the field name
	 * @return the definition
	 */
	public static FieldDefinition timestamp(String name) {
		return of(name, FieldType.TIMESTAMP);
	}

	/**
	 * Define a {@code char} (fixed-length string) field.
	 * @param name the field name
	 * @param length the number of characters
	 * @return the definition
	 */
	public static FieldDefinition fixedChar(String name, int length) {
		return of(name, FieldType.CHAR).length(length);
	}

	/**
	 * Define a {@code varchar} field.
	 * @param name the field name
	 * @param length the most characters
	 * @return the definition
	 */
	public static FieldDefinition varchar(String name, int length) {
		return of(name, FieldType.VARCHAR).length(length);
	}

	/**
	 * Define an {@code lvarchar} (long string) field.
	 * @param name the field name
	 * @return the definition
	 */
	public static FieldDefinition lvarchar(String name) {
		return of(name, FieldType.LVARCHAR);
	}

	/**
	 * Define a {@code binary} (fixed-length bytes) field.
	 * @param name the field name
	 * @param length the number of bytes
	 * @return the definition
	 */
	public static FieldDefinition binary(String name, int length) {
		return of(name, FieldType.BINARY).length(length);
	}

	/**
	 * Define a {@code varbinary} field.
	 * @param name the field name
	 * @param length the most bytes
	 * @return the definition
	 */
	public static FieldDefinition varbinary(String name, int length) {
		return of(name, FieldType.VARBINARY).length(length);
	}

	/**
	 * Define an {@code lvarbinary} (long bytes) field.
	 * @param name the field name
	 * @return the definition
	 */
	public static FieldDefinition lvarbinary(String name) {
		return of(name, FieldType.LVARBINARY);
	}

	/**
	 * Define a {@code json} field.
	 * @param name the field name
	 * @return the definition
	 */
	public static FieldDefinition json(String name) {
		return of(name, FieldType.JSON);
	}

	/**
	 * Return a copy with a length (characters, bytes or digits).
	 * @param length a positive length
	 * @return the new definition
	 */
	public FieldDefinition length(int length) {
		Assert.isTrue(length > 0, "'length' must be positive");
		return new FieldDefinition(this.name, this.typeName, length, this.scale, this.nullable, this.defaultValue,
				this.primaryKey, this.autoValue);
	}

	/**
	 * Return a copy with a scale (digits after the decimal point).
	 * @param scale a scale of 0 or more
	 * @return the new definition
	 */
	public FieldDefinition scale(int scale) {
		Assert.isTrue(scale >= 0, "'scale' must not be negative");
		return new FieldDefinition(this.name, this.typeName, this.length, scale, this.nullable, this.defaultValue,
				this.primaryKey, this.autoValue);
	}

	/**
	 * Return a copy that does or does not accept null.
	 * @param nullable whether the field accepts null
	 * @return the new definition
	 */
	public FieldDefinition nullable(boolean nullable) {
		return new FieldDefinition(this.name, this.typeName, this.length, this.scale, nullable, this.defaultValue,
				this.primaryKey, this.autoValue);
	}

	/**
	 * Return a copy with a default value, written as FairCom expects it for the type (e.g.
	 * {@code "0"}, {@code "2024-01-31"}).
	 * @param defaultValue the default value
	 * @return the new definition
	 */
	public FieldDefinition defaultValue(String defaultValue) {
		Assert.notNull(defaultValue, "'defaultValue' must not be null");
		return new FieldDefinition(this.name, this.typeName, this.length, this.scale, this.nullable, defaultValue,
				this.primaryKey, this.autoValue);
	}

	/**
	 * Return a copy that is part of the primary key.
	 * @param ordinal the position in the primary key, starting at 1
	 * @return the new definition
	 */
	public FieldDefinition primaryKey(int ordinal) {
		Assert.isTrue(ordinal > 0, "'ordinal' must be 1 or more");
		return new FieldDefinition(this.name, this.typeName, this.length, this.scale, this.nullable,
				this.defaultValue, ordinal, this.autoValue);
	}

	/**
	 * Return a copy whose value the server fills in.
	 * @param autoValue how the server fills the field
	 * @return the new definition
	 */
	public FieldDefinition autoValue(AutoValue autoValue) {
		Assert.notNull(autoValue, "'autoValue' must not be null");
		return autoValue(autoValue.value());
	}

	/**
	 * Return a copy whose value the server fills in, for an {@code autoValue} that
	 * {@link AutoValue} does not list.
	 * @param autoValue FairCom's name of the auto value
	 * @return the new definition
	 */
	public FieldDefinition autoValue(String autoValue) {
		Assert.hasText(autoValue, "'autoValue' must not be empty");
		return new FieldDefinition(this.name, this.typeName, this.length, this.scale, this.nullable,
				this.defaultValue, this.primaryKey, autoValue);
	}

	/**
	 * Return the field name.
	 * @return the name
	 */
	public String getName() {
		return this.name;
	}

	/**
	 * Return the type.
	 * @return the type, or {@code null} if the server reported a type {@link FieldType}
	 * does not list (see {@link #getTypeName()})
	 */
	public @Nullable FieldType getType() {
		return FieldType.fromValue(this.typeName);
	}

	/**
	 * Return FairCom's name of the type.
	 * @return the type name, e.g. {@code varchar}
	 */
	public String getTypeName() {
		return this.typeName;
	}

	/**
	 * Return the length.
	 * @return the length or {@code null} if unset
	 */
	public @Nullable Integer getLength() {
		return this.length;
	}

	/**
	 * Return the scale.
	 * @return the scale or {@code null} if unset
	 */
	public @Nullable Integer getScale() {
		return this.scale;
	}

	/**
	 * Return whether the field accepts null.
	 * @return whether it accepts null, or {@code null} if unset (the server's default)
	 */
	public @Nullable Boolean getNullable() {
		return this.nullable;
	}

	/**
	 * Return the default value.
	 * @return the default value or {@code null}
	 */
	public @Nullable String getDefaultValue() {
		return this.defaultValue;
	}

	/**
	 * Return the position in the primary key.
	 * @return the ordinal (0 = not part of the key) or {@code null} if unset
	 */
	public @Nullable Integer getPrimaryKey() {
		return this.primaryKey;
	}

	/**
	 * Return how the server fills the field.
	 * @return FairCom's name of the auto value or {@code null} if unset
	 */
	public @Nullable String getAutoValue() {
		return this.autoValue;
	}

	ObjectNode toJson() {
		ObjectNode field = JsonNodeFactory.instance.objectNode();
		field.put("name", this.name);
		field.put("type", this.typeName);
		if (this.length != null) {
			field.put("length", this.length);
		}
		if (this.scale != null) {
			field.put("scale", this.scale);
		}
		if (this.nullable != null) {
			field.put("nullable", this.nullable);
		}
		if (this.defaultValue != null) {
			field.put("defaultValue", this.defaultValue);
		}
		if (this.primaryKey != null) {
			field.put("primaryKey", this.primaryKey);
		}
		if (this.autoValue != null) {
			field.put("autoValue", this.autoValue);
		}
		return field;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		if (this == other) {
			return true;
		}
		return other instanceof FieldDefinition that && this.name.equals(that.name)
				&& this.typeName.equalsIgnoreCase(that.typeName) && Objects.equals(this.length, that.length)
				&& Objects.equals(this.scale, that.scale) && Objects.equals(this.nullable, that.nullable)
				&& Objects.equals(this.defaultValue, that.defaultValue)
				&& Objects.equals(this.primaryKey, that.primaryKey) && Objects.equals(this.autoValue, that.autoValue);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.name, this.typeName.toLowerCase(Locale.ROOT), this.length, this.scale,
				this.nullable, this.defaultValue, this.primaryKey, this.autoValue);
	}

	@Override
	public String toString() {
		return toJson().toString();
	}

}
