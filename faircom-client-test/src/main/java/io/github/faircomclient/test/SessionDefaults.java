package io.github.faircomclient.test;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Server-side defaults for new sessions, the emulator's counterpart of services.json
 * {@code jsonActionApiDefaults}. Immutable; {@link #documented()} holds FairCom's documented values.
 */
public final class SessionDefaults {

	static final Set<String> APIS = Set.of("admin", "db", "hub", "mq", "transform");

	static final Set<String> DEBUG_LEVELS = Set.of("none", "min", "max");

	static final Set<String> BINARY_FORMATS = Set.of("hex", "base64", "bytearray");

	private static final SessionDefaults DOCUMENTED = new SessionDefaults("hub", "faircom", "admin", "max", "hex", "json",
			documentedResponseOptions(), 3600, 600);

	private final String defaultApi;

	private final String defaultDatabaseName;

	private final String defaultOwnerName;

	private final String defaultDebug;

	private final String defaultBinaryFormat;

	private final String defaultVariantFormat;

	private final ObjectNode defaultResponseOptions;

	private final int idleConnectionTimeoutSeconds;

	private final int idleCursorTimeoutSeconds;

	private SessionDefaults(String defaultApi, String defaultDatabaseName, String defaultOwnerName, String defaultDebug,
			String defaultBinaryFormat, String defaultVariantFormat, ObjectNode defaultResponseOptions,
			int idleConnectionTimeoutSeconds, int idleCursorTimeoutSeconds) {
		this.defaultApi = defaultApi;
		this.defaultDatabaseName = defaultDatabaseName;
		this.defaultOwnerName = defaultOwnerName;
		this.defaultDebug = defaultDebug;
		this.defaultBinaryFormat = defaultBinaryFormat;
		this.defaultVariantFormat = defaultVariantFormat;
		this.defaultResponseOptions = defaultResponseOptions;
		this.idleConnectionTimeoutSeconds = idleConnectionTimeoutSeconds;
		this.idleCursorTimeoutSeconds = idleCursorTimeoutSeconds;
	}

	/**
	 * The documented services.json defaults: defaultApi {@code hub}, defaultDatabaseName {@code faircom},
	 * defaultOwnerName {@code admin}, defaultDebug {@code max}, defaultBinaryFormat {@code hex},
	 * defaultVariantFormat {@code json}, defaultResponseOptions {@code {binaryFormat hex, variantFormat json,
	 * dataFormat objects, numberFormat number, stringFormat json, fixedLengthCharFormat sql,
	 * includeBookmarks false}}, idle timeouts 3600 s (connection) and 600 s (cursor).
	 * @return the documented defaults
	 */
	public static SessionDefaults documented() {
		return DOCUMENTED;
	}

	/**
	 * A copy with another default api.
	 * @param api {@code admin}, {@code db}, {@code hub}, {@code mq} or {@code transform}
	 * @return the new defaults
	 */
	public SessionDefaults withDefaultApi(String api) {
		String value = api.toLowerCase(Locale.ROOT);
		require(APIS.contains(value), "defaultApi", api);
		return new SessionDefaults(value, this.defaultDatabaseName, this.defaultOwnerName, this.defaultDebug,
				this.defaultBinaryFormat, this.defaultVariantFormat, this.defaultResponseOptions,
				this.idleConnectionTimeoutSeconds, this.idleCursorTimeoutSeconds);
	}

	/**
	 * A copy with another default database.
	 * @param databaseName e.g. {@code ctreeSQL}
	 * @return the new defaults
	 */
	public SessionDefaults withDefaultDatabaseName(String databaseName) {
		return new SessionDefaults(this.defaultApi, Objects.requireNonNull(databaseName), this.defaultOwnerName,
				this.defaultDebug, this.defaultBinaryFormat, this.defaultVariantFormat, this.defaultResponseOptions,
				this.idleConnectionTimeoutSeconds, this.idleCursorTimeoutSeconds);
	}

	/**
	 * A copy with another default owner.
	 * @param ownerName e.g. {@code admin}
	 * @return the new defaults
	 */
	public SessionDefaults withDefaultOwnerName(String ownerName) {
		return new SessionDefaults(this.defaultApi, this.defaultDatabaseName, Objects.requireNonNull(ownerName),
				this.defaultDebug, this.defaultBinaryFormat, this.defaultVariantFormat, this.defaultResponseOptions,
				this.idleConnectionTimeoutSeconds, this.idleCursorTimeoutSeconds);
	}

	/**
	 * A copy with another default debug level.
	 * @param debug {@code none}, {@code min} or {@code max}
	 * @return the new defaults
	 */
	public SessionDefaults withDefaultDebug(String debug) {
		String value = debug.toLowerCase(Locale.ROOT);
		require(DEBUG_LEVELS.contains(value), "defaultDebug", debug);
		return new SessionDefaults(this.defaultApi, this.defaultDatabaseName, this.defaultOwnerName, value,
				this.defaultBinaryFormat, this.defaultVariantFormat, this.defaultResponseOptions,
				this.idleConnectionTimeoutSeconds, this.idleCursorTimeoutSeconds);
	}

	/**
	 * A copy with another default binary format.
	 * @param binaryFormat {@code hex}, {@code base64} or {@code byteArray}
	 * @return the new defaults
	 */
	public SessionDefaults withDefaultBinaryFormat(String binaryFormat) {
		require(BINARY_FORMATS.contains(binaryFormat.toLowerCase(Locale.ROOT)), "defaultBinaryFormat", binaryFormat);
		return new SessionDefaults(this.defaultApi, this.defaultDatabaseName, this.defaultOwnerName, this.defaultDebug,
				binaryFormat, this.defaultVariantFormat, this.defaultResponseOptions, this.idleConnectionTimeoutSeconds,
				this.idleCursorTimeoutSeconds);
	}

	/**
	 * A copy with other default response options (replacing the documented ones entirely).
	 * @param responseOptions the options object
	 * @return the new defaults
	 */
	public SessionDefaults withDefaultResponseOptions(ObjectNode responseOptions) {
		return new SessionDefaults(this.defaultApi, this.defaultDatabaseName, this.defaultOwnerName, this.defaultDebug,
				this.defaultBinaryFormat, this.defaultVariantFormat, responseOptions.deepCopy(),
				this.idleConnectionTimeoutSeconds, this.idleCursorTimeoutSeconds);
	}

	/**
	 * A copy with another session idle timeout.
	 * @param seconds idle seconds before a session expires; 0 = never
	 * @return the new defaults
	 */
	public SessionDefaults withIdleConnectionTimeoutSeconds(int seconds) {
		require(seconds >= 0, "idleConnectionTimeoutSeconds", String.valueOf(seconds));
		return new SessionDefaults(this.defaultApi, this.defaultDatabaseName, this.defaultOwnerName, this.defaultDebug,
				this.defaultBinaryFormat, this.defaultVariantFormat, this.defaultResponseOptions, seconds,
				this.idleCursorTimeoutSeconds);
	}

	/**
	 * A copy with another cursor idle timeout.
	 * @param seconds idle seconds before a cursor closes; -1 = never
	 * @return the new defaults
	 */
	public SessionDefaults withIdleCursorTimeoutSeconds(int seconds) {
		require(seconds >= -1, "idleCursorTimeoutSeconds", String.valueOf(seconds));
		return new SessionDefaults(this.defaultApi, this.defaultDatabaseName, this.defaultOwnerName, this.defaultDebug,
				this.defaultBinaryFormat, this.defaultVariantFormat, this.defaultResponseOptions,
				this.idleConnectionTimeoutSeconds, seconds);
	}

	/**
	 * The default api.
	 * @return the api
	 */
	public String defaultApi() {
		return this.defaultApi;
	}

	/**
	 * The default database.
	 * @return the database name
	 */
	public String defaultDatabaseName() {
		return this.defaultDatabaseName;
	}

	/**
	 * The default owner.
	 * @return the owner name
	 */
	public String defaultOwnerName() {
		return this.defaultOwnerName;
	}

	/**
	 * The default debug level.
	 * @return the level
	 */
	public String defaultDebug() {
		return this.defaultDebug;
	}

	/**
	 * The default binary format.
	 * @return the format
	 */
	public String defaultBinaryFormat() {
		return this.defaultBinaryFormat;
	}

	/**
	 * The default variant format.
	 * @return the format
	 */
	public String defaultVariantFormat() {
		return this.defaultVariantFormat;
	}

	/**
	 * The default response options.
	 * @return a copy
	 */
	public ObjectNode defaultResponseOptions() {
		return this.defaultResponseOptions.deepCopy();
	}

	/**
	 * The session idle timeout.
	 * @return seconds; 0 = never
	 */
	public int idleConnectionTimeoutSeconds() {
		return this.idleConnectionTimeoutSeconds;
	}

	/**
	 * The cursor idle timeout.
	 * @return seconds; -1 = never
	 */
	public int idleCursorTimeoutSeconds() {
		return this.idleCursorTimeoutSeconds;
	}

	private static void require(boolean valid, String name, String value) {
		if (!valid) {
			throw new IllegalArgumentException("Invalid " + name + " '" + value + "'");
		}
	}

	private static ObjectNode documentedResponseOptions() {
		ObjectNode options = JsonNodeFactory.instance.objectNode();
		options.put("binaryFormat", "hex");
		options.put("variantFormat", "json");
		options.put("dataFormat", "objects");
		options.put("numberFormat", "number");
		options.put("stringFormat", "json");
		options.put("fixedLengthCharFormat", "sql");
		options.put("includeBookmarks", false);
		return options;
	}

	static ObjectNode overlay(ObjectNode base, JsonNode overrides) {
		ObjectNode merged = base.deepCopy();
		if (overrides instanceof ObjectNode object) {
			object.forEachEntry((name, value) -> merged.set(name, value.deepCopy()));
		}
		return merged;
	}

	@Override
	public String toString() {
		return "SessionDefaults[api=" + this.defaultApi + ", database=" + this.defaultDatabaseName + ", owner="
				+ this.defaultOwnerName + ", debug=" + this.defaultDebug + ", idle=" + this.idleConnectionTimeoutSeconds
				+ "s/" + this.idleCursorTimeoutSeconds + "s]";
	}

}
