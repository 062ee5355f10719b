package io.github.faircomclient.test.db;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Databases: createDatabase, deleteDatabase, listDatabases.
 */
final class DatabaseActions {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private final DbApi api;

	DatabaseActions(DbApi api) {
		this.api = api;
	}

	private static ArrayNode databaseFields() {
		ArrayNode fields = NODES.arrayNode();
		fields.add(metaField("databaseName", "varchar", 8192));
		fields.add(metaField("path", "varchar", 8192));
		fields.add(metaField("uid", "bigint", null));
		return fields;
	}

	/**
	 * Describes a column of a metadata result (listDatabases, listTransactions) in the documented shape.
	 */
	static ObjectNode metaField(String name, String type, @Nullable Integer length) {
		ObjectNode field = NODES.objectNode();
		field.put("name", name);
		field.put("type", type);
		field.put("length", length);
		field.putNull("scale");
		field.putNull("defaultValue");
		field.put("nullable", false);
		field.put("primaryKey", 0);
		field.put("autoValue", "none");
		return field;
	}

	private static ObjectNode databaseResult(List<Database> databases, RecordFormat format) {
		ObjectNode result = NODES.objectNode();
		result.put("dataFormat", format.dataFormat());
		result.set("fields", databaseFields());
		ArrayNode data = result.putArray("data");
		for (Database database : databases) {
			if (format.arrays()) {
				data.addArray().add(database.name()).add(database.path()).add(database.uid());
			}
			else {
				data.addObject().put("databaseName", database.name()).put("path", database.path())
					.put("uid", database.uid());
			}
		}
		return result;
	}

	@Nullable ObjectNode createDatabase(DbRequestContext context, JsonNode params) {
		String name = Params.requireString(params, "databaseName");
		if (name.length() > 64) {
			throw DbError.INVALID_PARAMETER.exception("'databaseName' must be 1 to 64 bytes");
		}
		String path = Params.string(params, "path");
		if (path != null && !path.isEmpty() && !usableFolder(path)) {
			throw DbError.CANNOT_CREATE_DATABASE.exception();
		}
		Database database = this.api.store().createDatabase(name, path);
		return databaseResult(List.of(database), context.format());
	}

	private static boolean usableFolder(String path) {
		try {
			Path folder = Path.of(path);
			return Files.isDirectory(folder) && Files.isWritable(folder);
		}
		catch (InvalidPathException ex) {
			return false;
		}
	}

	@Nullable ObjectNode deleteDatabase(DbRequestContext context, JsonNode params) {
		String name = Params.requireString(params, "databaseName");
		Database existing = this.api.store().find(name);
		if (existing != null) {
			this.api.closeCursorsReading(existing, null);
		}
		Database deleted = this.api.store().deleteDatabase(name);
		if (deleted == null) {
			context.addWarning(DbError.DATABASE_NOT_FOUND.code(),
					DbError.DATABASE_NOT_FOUND.message(name));
			return databaseResult(List.of(), context.format());
		}
		return databaseResult(List.of(deleted), context.format());
	}

	@Nullable ObjectNode listDatabases(DbRequestContext context, JsonNode params) {
		String partial = Params.string(params, "partialDatabaseName");
		String prefix = (partial != null) ? partial.toLowerCase(Locale.ROOT) : "";
		long skip = Math.max(0, Params.integer(params, "skipRecords", 0));
		long max = Params.integer(params, "maxRecords", TableActions.DEFAULT_LIST_MAX);
		List<Database> matching = this.api.store().databases().stream()
			.filter((database) -> database.name().toLowerCase(Locale.ROOT).startsWith(prefix))
			.skip(skip)
			.limit((max < 0) ? Long.MAX_VALUE : max)
			.toList();
		return databaseResult(matching, context.format());
	}
}
