package io.github.faircomclient.test.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Changing and rebuilding tables: alterTable (alterFields, deleteFields, addFields), rebuildTables
 * and rebuildIndexes. None takes part in a transaction, and none touches a table that is in use.
 */
final class TableMaintenanceActions {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private final DbApi api;

	TableMaintenanceActions(DbApi api) {
		this.api = api;
	}

	/** One step of an alteration: its statement and the table as it is once it ran. */
	private record Step(String statement, TableDefinition result) {
	}

	@Nullable ObjectNode alterTable(DbRequestContext context, JsonNode params) {
		refuseTransaction(params, "alterTable");
		if (Params.node(params, "newTableName") != null) {
			throw DbError.NOT_EMULATED.exception("newTableName", "alterTable");
		}
		Database database = this.api.database(params, context);
		String owner = this.api.owner(params, context);
		String tableName = Params.requireString(params, "tableName");
		JsonNode alterFields = optionalArray(params, "alterFields");
		JsonNode deleteFields = optionalArray(params, "deleteFields");
		JsonNode addFields = optionalArray(params, "addFields");
		if (alterFields.isEmpty() && deleteFields.isEmpty() && addFields.isEmpty()) {
			throw DbError.INVALID_PARAMETER.exception("alterTable needs alterFields, deleteFields or addFields");
		}
		try (Connection connection = database.pooledConnection()) {
			TableDefinition table = database.catalog().require(connection, owner, tableName);
			refuseInUse(database, table);
			List<Step> steps = new ArrayList<>();
			TableDefinition planned = table;
			for (JsonNode change : alterFields) {
				planned = plan(steps, alterField(planned, change), planned);
			}
			for (JsonNode change : deleteFields) {
				planned = plan(steps, deleteField(planned, change), planned);
			}
			for (JsonNode change : addFields) {
				planned = plan(steps, addField(planned, change), planned);
			}
			TableDefinition done = apply(connection, database, table, steps);
			ObjectNode result = NODES.objectNode();
			result.put("dataFormat", "objects");
			result.putArray("data").add(TableDescriptions.describe(connection, done, false));
			connection.commit();
			return result;
		}
		catch (SQLException ex) {
			throw this.api.translate(ex, null);
		}
		finally {
			database.catalog().invalidate();
		}
	}

	private static TableDefinition plan(List<Step> steps, List<Step> more, TableDefinition before) {
		steps.addAll(more);
		return more.isEmpty() ? before : more.get(more.size() - 1).result();
	}

	/**
	 * Runs the steps one by one (H2 commits each change at once) and records the table as it is
	 * after the last step that ran, also when a later one fails.
	 */
	private TableDefinition apply(Connection connection, Database database, TableDefinition table, List<Step> steps)
			throws SQLException {
		TableDefinition current = table;
		try (Statement statement = connection.createStatement()) {
			for (Step step : steps) {
				statement.execute(step.statement());
				current = step.result();
			}
		}
		catch (SQLException ex) {
			database.catalog().save(connection, current);
			connection.commit();
			throw inUseOr(ex, current);
		}
		database.catalog().save(connection, current);
		return current;
	}

	private List<Step> alterField(TableDefinition table, JsonNode change) {
		FieldDefinition field = requireField(table, change);
		String newName = Params.string(change, "newName");
		String typeName = Params.string(change, "type");
		FieldType type = (typeName != null) ? FieldDefinition.type(typeName) : field.type();
		boolean typeChanged = type != field.type();
		Integer length = type.hasLength() ? (int) Params.integer(change, "length", (!typeChanged && field.length() != null)
				? field.length() : Objects.requireNonNull(type.defaultLength())) : null;
		Integer scale = type.hasScale() ? (int) Params.integer(change, "scale", (!typeChanged && field.scale() != null)
				? field.scale() : Objects.requireNonNull(type.defaultScale())) : null;
		boolean nullable = Params.bool(change, "nullable", field.nullable());
		JsonNode defaultValue = change.has("defaultValue") ? Params.node(change, "defaultValue") : field.defaultValue();
		if (length != null && length <= 0) {
			throw DbError.INVALID_PARAMETER.exception("field '" + field.name() + "' needs a positive length");
		}
		boolean redefined = typeChanged || !Objects.equals(length, field.length()) || !Objects.equals(scale, field.scale());
		if (typeChanged) {
			refuseIndexed(table, field);
		}
		if (field.autoValue() != AutoValue.NONE && (redefined || (newName != null
				&& field.autoValue() == AutoValue.INCREMENT_ON_INSERT))) {
			throw DbError.INVALID_PARAMETER.exception("the emulator cannot " + (redefined ? "redefine" : "rename")
					+ " the " + field.autoValue().jsonName() + " field '" + field.name() + "'");
		}
		if (field.primaryKey() > 0 && nullable) {
			throw DbError.INVALID_PARAMETER.exception("primary key field '" + field.name() + "' cannot be nullable");
		}
		if (newName != null && !newName.equals(field.name())) {
			FieldDefinition clash = table.field(newName);
			if (clash != null && clash != field) {
				throw DbError.ALREADY_EXISTS.exception("Field", newName);
			}
		}
		FieldDefinition last = new FieldDefinition((newName != null) ? newName : field.name(), type, length, scale,
				nullable, defaultValue, field.primaryKey(), field.autoValue());
		if (last.defaultValue() != null) {
			TableSql.literal(last);
		}
		String column = "ALTER TABLE " + SqlNames.table(table) + " ALTER COLUMN " + SqlNames.quote(field.name());
		List<Step> steps = new ArrayList<>();
		FieldDefinition now = field;
		TableDefinition current = table;
		if (redefined) {
			FieldDefinition next = new FieldDefinition(now.name(), type, length, scale, now.nullable(),
					now.defaultValue(), now.primaryKey(), now.autoValue());
			current = replaceField(current, now, next);
			steps.add(new Step(column + " SET DATA TYPE " + type.h2Type(length, scale), current));
			now = next;
		}
		if (nullable != now.nullable()) {
			FieldDefinition next = new FieldDefinition(now.name(), now.type(), now.length(), now.scale(), nullable,
					now.defaultValue(), now.primaryKey(), now.autoValue());
			current = replaceField(current, now, next);
			steps.add(new Step(column + (nullable ? " SET NULL" : " SET NOT NULL"), current));
			now = next;
		}
		if (!Objects.equals(defaultValue, now.defaultValue())) {
			FieldDefinition next = new FieldDefinition(now.name(), now.type(), now.length(), now.scale(),
					now.nullable(), defaultValue, now.primaryKey(), now.autoValue());
			String expression = TableSql.defaultExpression(current, next);
			current = replaceField(current, now, next);
			steps.add(new Step(column + ((expression != null) ? " SET DEFAULT " + expression : " DROP DEFAULT"),
					current));
			now = next;
		}
		if (!last.name().equals(now.name())) {
			current = replaceField(current, now, last);
			steps.add(new Step(column + " RENAME TO " + SqlNames.quote(last.name()), current));
		}
		return steps;
	}

	private List<Step> deleteField(TableDefinition table, JsonNode change) {
		FieldDefinition field = requireField(table, change);
		refuseIndexed(table, field);
		if (table.fields().size() == 1) {
			throw DbError.INVALID_PARAMETER.exception("a table keeps at least one field");
		}
		List<FieldDefinition> fields = new ArrayList<>(table.fields());
		fields.remove(field);
		String changeIdField = field.name().equals(table.changeIdField()) ? null : table.changeIdField();
		TableDefinition result = new TableDefinition(table.databaseName(), table.ownerName(), table.tableName(),
				table.uid(), fields, table.indexes(), changeIdField);
		List<Step> steps = new ArrayList<>();
		steps.add(new Step("ALTER TABLE " + SqlNames.table(table) + " DROP COLUMN " + SqlNames.quote(field.name()),
				result));
		if (field.autoValue() == AutoValue.INCREMENT_ON_INSERT) {
			steps.add(new Step("DROP SEQUENCE IF EXISTS " + TableSql.sequence(table, field), result));
		}
		return steps;
	}

	private List<Step> addField(TableDefinition table, JsonNode change) {
		FieldDefinition field = FieldDefinition.fromRequest(change);
		if (table.field(field.name()) != null) {
			throw DbError.ALREADY_EXISTS.exception("Field", field.name());
		}
		if (field.primaryKey() > 0) {
			throw DbError.INVALID_PARAMETER.exception("alterTable cannot add primary key field '" + field.name() + "'");
		}
		if (field.autoValue() == AutoValue.CHANGE_ID && table.changeId() != null) {
			throw DbError.INVALID_PARAMETER.exception("a table has at most one changeId field");
		}
		if (field.defaultValue() != null) {
			TableSql.literal(field);
		}
		List<FieldDefinition> fields = new ArrayList<>(table.fields());
		fields.add(field);
		TableDefinition result = new TableDefinition(table.databaseName(), table.ownerName(), table.tableName(),
				table.uid(), fields, table.indexes(),
				(field.autoValue() == AutoValue.CHANGE_ID) ? field.name() : table.changeIdField());
		List<Step> steps = new ArrayList<>();
		if (field.autoValue() == AutoValue.INCREMENT_ON_INSERT) {
			steps.add(new Step("CREATE SEQUENCE " + TableSql.sequence(table, field) + " START WITH 1", table));
		}
		steps.add(new Step("ALTER TABLE " + SqlNames.table(table) + " ADD COLUMN "
				+ TableSql.columnDefinition(table, field), result));
		return steps;
	}

	private static void refuseIndexed(TableDefinition table, FieldDefinition field) {
		for (IndexDefinition index : table.indexes()) {
			if (index.fields().stream().anyMatch((segment) -> segment.name().equals(field.name()))) {
				throw DbError.FIELD_IN_INDEX.exception(field.name(), index.name(), table.tableName());
			}
		}
	}

	private static FieldDefinition requireField(TableDefinition table, JsonNode change) {
		String name = change.isString() ? change.stringValue() : null;
		if (name == null) {
			if (!change.isObject()) {
				throw DbError.INVALID_PARAMETER.exception("each changed field must be an object");
			}
			name = Params.requireString(change, "name");
		}
		return table.requireField(name);
	}

	private static TableDefinition replaceField(TableDefinition table, FieldDefinition old, FieldDefinition changed) {
		List<FieldDefinition> fields = new ArrayList<>(table.fields());
		fields.set(fields.indexOf(old), changed);
		List<IndexDefinition> indexes = new ArrayList<>();
		for (IndexDefinition index : table.indexes()) {
			List<IndexDefinition.IndexField> segments = index.fields().stream()
				.map((segment) -> segment.name().equals(old.name()) ? new IndexDefinition.IndexField(changed.name(),
						segment.caseInsensitive(), segment.sortDescending(), segment.reverseCompare()) : segment)
				.toList();
			indexes.add(new IndexDefinition(index.name(), index.h2Name(), segments, index.unique(),
					index.conditionalExpression(), index.immutableKeys(), index.collectStats(), index.compression(),
					index.filename(), index.deferIndexing(), index.indexNumber()));
		}
		String changeIdField = old.name().equals(table.changeIdField()) ? changed.name() : table.changeIdField();
		return new TableDefinition(table.databaseName(), table.ownerName(), table.tableName(), table.uid(), fields,
				indexes, changeIdField);
	}

	@Nullable ObjectNode rebuildTables(DbRequestContext context, JsonNode params) {
		refuseTransaction(params, "rebuildTables");
		Database database = this.api.database(params, context);
		String owner = this.api.owner(params, context);
		List<String> names = Params.strings(params, "tableNames");
		if (names == null || names.isEmpty()) {
			throw DbError.MISSING_PARAMETER.exception("tableNames");
		}
		ArrayNode data = NODES.arrayNode();
		try (Connection connection = database.pooledConnection()) {
			for (String name : names) {
				try {
					TableDefinition table = database.catalog().require(connection, owner, name);
					rebuildIndexes(connection, database, table);
					data.add(TableDescriptions.describe(connection, table, false));
					connection.commit();
				}
				catch (DbException ex) {
					context.addWarning(ex.errorCode(), ex.getMessage());
				}
			}
		}
		catch (SQLException ex) {
			throw this.api.translate(ex, null);
		}
		finally {
			database.catalog().invalidate();
		}
		ObjectNode result = NODES.objectNode();
		result.put("dataFormat", "objects");
		result.set("data", data);
		return result;
	}

	@Nullable ObjectNode rebuildIndexes(DbRequestContext context, JsonNode params) {
		refuseTransaction(params, "rebuildIndexes");
		Database database = this.api.database(params, context);
		String owner = this.api.owner(params, context);
		String tableName = Params.requireString(params, "tableName");
		try (Connection connection = database.pooledConnection()) {
			rebuildIndexes(connection, database, database.catalog().require(connection, owner, tableName));
			connection.commit();
			return null;
		}
		catch (SQLException ex) {
			throw this.api.translate(ex, null);
		}
		finally {
			database.catalog().invalidate();
		}
	}

	/**
	 * Drops and creates again the H2 indexes of a table's secondary indexes.
	 * @throws DbException when the table is in use or H2 refuses
	 */
	private void rebuildIndexes(Connection connection, Database database, TableDefinition table) {
		refuseInUse(database, table);
		try (Statement statement = connection.createStatement()) {
			for (IndexDefinition index : table.indexes()) {
				if (!index.h2Name().isEmpty()) {
					IndexKeys.drop(statement, table, index);
					IndexKeys.create(statement, table, index);
				}
			}
		}
		catch (SQLException ex) {
			throw inUseOr(ex, table);
		}
	}

	static void refuseTransaction(JsonNode params, String action) {
		String transactionId = Params.string(params, "transactionId");
		if (transactionId != null && !transactionId.isEmpty()) {
			throw DbError.NOT_TRANSACTIONAL.exception(action);
		}
	}

	private static JsonNode optionalArray(JsonNode params, String name) {
		return (Params.node(params, name) != null) ? Params.requireArray(params, name) : NODES.arrayNode();
	}

	private void refuseInUse(Database database, TableDefinition table) {
		if (this.api.cursorsRead(database, table.ownerName() + "." + table.tableName())) {
			throw DbError.TABLE_IN_USE.exception(table.tableName(), "an open cursor");
		}
	}

	/** H2 could not lock the table (a transaction changed it): the table is in use. */
	private DbException inUseOr(SQLException ex, TableDefinition table) {
		DbException translated = this.api.translate(ex, table);
		return (translated.errorCode() == DbError.LOCK_TIMEOUT.code())
				? DbError.TABLE_IN_USE.exception(table.tableName(), "a transaction") : translated;
	}
}
