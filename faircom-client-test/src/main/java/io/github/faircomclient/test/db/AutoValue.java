package io.github.faircomclient.test.db;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Values the server fills in by itself ({@code autoValue} of a field definition).
 */
enum AutoValue {

	/** Nothing automatic. */
	NONE("none"),
	/** A serial number assigned on insert (the automatic {@code id}); supplied values are ignored. */
	INCREMENT_ON_INSERT("incrementOnInsert"),
	/** The optimistic-locking stamp, renewed on every insert and update. */
	CHANGE_ID("changeId"),
	/** The emulator clock's time, set on insert. */
	TIMESTAMP_ON_INSERT("timestampOnInsert"),
	/** The emulator clock's time, set on update (provisional name). */
	TIMESTAMP_ON_UPDATE("timestampOnUpdate"),
	/** The emulator clock's time, set on insert and update (provisional name). */
	TIMESTAMP_ON_UPDATE_AND_INSERT("timestampOnUpdateAndInsert");

	private final String jsonName;

	AutoValue(String jsonName) {
		this.jsonName = jsonName;
	}

	/**
	 * Returns the name as sent in JSON.
	 * @return the name
	 */
	public String jsonName() {
		return this.jsonName;
	}

	/**
	 * Tells whether the value is set on insert.
	 * @return {@code true} when inserts set it
	 */
	public boolean onInsert() {
		return this == INCREMENT_ON_INSERT || this == CHANGE_ID || this == TIMESTAMP_ON_INSERT
				|| this == TIMESTAMP_ON_UPDATE_AND_INSERT;
	}

	/**
	 * Tells whether the value is renewed on update.
	 * @return {@code true} when updates set it
	 */
	public boolean onUpdate() {
		return this == CHANGE_ID || this == TIMESTAMP_ON_UPDATE || this == TIMESTAMP_ON_UPDATE_AND_INSERT;
	}

	/**
	 * Finds an auto value by name (case-insensitive).
	 * @param name the name from a request
	 * @return the value, or {@code null} when unknown
	 */
	public static @Nullable AutoValue fromJsonName(String name) {
		for (AutoValue value : values()) {
			if (value.jsonName.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
				return value;
			}
		}
		return null;
	}
}
