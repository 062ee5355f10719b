package io.github.faircomclient.test.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The tables of one database as FairCom describes them. H2's INFORMATION_SCHEMA is the source of
 * truth (so tables made with SQL show up too); what H2 cannot hold (FairCom type names, auto values,
 * declared defaults, index options, uid) travels as JSON in the table's H2 comment.
 */
final class Catalog {

	static final String SYSTEM_SCHEMA = "faircom$system";

	static final String CHANGE_ID_SEQUENCE = SqlNames.quote(SYSTEM_SCHEMA) + "." + SqlNames.quote("changeid");

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private final Database database;

	private final DbStore store;

	private final Map<String, TableDefinition> cache = new ConcurrentHashMap<>();

	private final Map<String, Long> sqlTableUids = new ConcurrentHashMap<>();

	Catalog(Database database, DbStore store) {
		this.database = database;
		this.store = store;
	}

	void initialize() throws SQLException {
		try (Connection connection = this.database.pooledConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE SCHEMA IF NOT EXISTS " + SqlNames.quote(SYSTEM_SCHEMA));
			statement.execute("CREATE SEQUENCE IF NOT EXISTS " + CHANGE_ID_SEQUENCE + " START WITH 1");
			statement.execute("CREATE SCHEMA IF NOT EXISTS " + SqlNames.quote("admin"));
			connection.commit();
		}
	}

	long nextUid() {
		return this.store.nextUid();
	}

	void invalidate() {
		this.cache.clear();
	}

	private static String key(String owner, String table) {
		return owner.toLowerCase(Locale.ROOT) + "\u0000" + table.toLowerCase(Locale.ROOT);
	}

	/**
	 * Finds a table.
	 * @param connection a connection to the database
	 * @param owner the owner (schema)
	 * @param table the table name (any case)
	 * @return the definition, or {@code null}
	 */
	@Nullable TableDefinition find(Connection connection, String owner, String table) throws SQLException {
		TableDefinition cached = this.cache.get(key(owner, table));
		if (cached != null) {
			return cached;
		}
		TableDefinition loaded = load(connection, owner, table);
		if (loaded != null) {
			this.cache.put(key(owner, table), loaded);
		}
		return loaded;
	}

	TableDefinition require(Connection connection, String owner, String table) throws SQLException {
		TableDefinition definition = find(connection, owner, table);
		if (definition == null) {
			throw DbError.TABLE_NOT_FOUND.exception(table, this.database.name());
		}
		return definition;
	}

	/**
	 * Lists the names of an owner's tables (or every owner's when {@code owner} is null).
	 * @return pairs of {owner, table} sorted by table name
	 */
	List<String[]> tableNames(Connection connection, @Nullable String owner, boolean includeSystem)
			throws SQLException {
		String sql = "SELECT TABLE_SCHEMA, TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_TYPE = 'BASE TABLE'"
				+ " AND TABLE_SCHEMA <> 'information_schema'"
				+ ((owner != null) ? " AND LOWER(TABLE_SCHEMA) = LOWER(?)" : "")
				+ (includeSystem ? "" : " AND TABLE_SCHEMA <> " + SqlNames.literal(SYSTEM_SCHEMA))
				+ " ORDER BY LOWER(TABLE_NAME), TABLE_NAME";
		List<String[]> names = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			if (owner != null) {
				statement.setString(1, owner);
			}
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					names.add(new String[] { rs.getString(1), rs.getString(2) });
				}
			}
		}
		return names;
	}

	private @Nullable TableDefinition load(Connection connection, String owner, String table) throws SQLException {
		String schema;
		String name;
		String remarks;
		try (PreparedStatement statement = connection.prepareStatement("SELECT TABLE_SCHEMA, TABLE_NAME, REMARKS "
				+ "FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_TYPE = 'BASE TABLE' AND LOWER(TABLE_SCHEMA) = LOWER(?) "
				+ "AND LOWER(TABLE_NAME) = LOWER(?)")) {
			statement.setString(1, owner);
			statement.setString(2, table);
			try (ResultSet rs = statement.executeQuery()) {
				if (!rs.next()) {
					return null;
				}
				schema = rs.getString(1);
				name = rs.getString(2);
				remarks = rs.getString(3);
			}
		}
		ObjectNode meta = parseMeta(remarks);
		JsonNode fieldMeta = meta.path("fields");
		List<FieldDefinition> fields = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement("SELECT COLUMN_NAME, DATA_TYPE, "
				+ "CHARACTER_MAXIMUM_LENGTH, NUMERIC_PRECISION, NUMERIC_SCALE, IS_NULLABLE, IS_IDENTITY "
				+ "FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND IS_VISIBLE "
				+ "ORDER BY ORDINAL_POSITION")) {
			statement.setString(1, schema);
			statement.setString(2, name);
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					fields.add(field(rs, fieldMeta.path(rs.getString(1))));
				}
			}
		}
		List<IndexDefinition> indexes = indexes(connection, schema, name, meta, fields);
		if (!meta.has("fields")) {
			IndexDefinition primary = indexes.stream().filter((index) -> index.indexNumber() == 0 && index.unique())
				.findFirst().orElse(null);
			if (primary != null) {
				List<FieldDefinition> withKey = new ArrayList<>();
				for (FieldDefinition field : fields) {
					int position = 0;
					for (int i = 0; i < primary.fields().size(); i++) {
						if (primary.fields().get(i).name().equals(field.name())) {
							position = i + 1;
						}
					}
					withKey.add(position > 0 ? field.withPrimaryKey(position) : field);
				}
				fields = withKey;
			}
		}
		String changeIdField = meta.hasNonNull("changeIdField") ? meta.get("changeIdField").asString() : null;
		long uid = meta.path("uid").asLong(0);
		if (uid == 0) {
			uid = this.sqlTableUids.computeIfAbsent(key(schema, name), (k) -> nextUid());
		}
		return new TableDefinition(this.database.name(), schema, name, uid, fields, indexes, changeIdField);
	}

	private static ObjectNode parseMeta(@Nullable String remarks) {
		if (remarks != null && remarks.startsWith("{")) {
			try {
				JsonNode node = MAPPER.readTree(remarks);
				if (node instanceof ObjectNode object) {
					return object;
				}
			}
			catch (JacksonException ex) {
				// a comment someone wrote with SQL
			}
		}
		return MAPPER.createObjectNode();
	}

	private static FieldDefinition field(ResultSet rs, JsonNode meta) throws SQLException {
		String name = rs.getString(1);
		String h2Type = rs.getString(2);
		boolean nullable = "YES".equalsIgnoreCase(rs.getString(6));
		boolean identity = "YES".equalsIgnoreCase(rs.getString(7));
		if (meta.isObject()) {
			FieldType type = FieldType.fromJsonName(meta.path("type").asString());
			AutoValue autoValue = AutoValue.fromJsonName(meta.path("autoValue").asString("none"));
			if (type != null && autoValue != null) {
				return new FieldDefinition(name, type, intOrNull(meta.get("length")), intOrNull(meta.get("scale")),
						nullable, meta.hasNonNull("defaultValue") ? meta.get("defaultValue") : null,
						meta.path("primaryKey").asInt(0), autoValue);
			}
		}
		FieldType type = FieldType.fromH2TypeName(h2Type);
		Integer length = null;
		Integer scale = null;
		if (type.hasScale()) {
			length = rs.getInt(4);
			scale = rs.getInt(5);
		}
		else if (type.hasLength()) {
			long max = rs.getLong(3);
			length = (max > 0 && max <= Integer.MAX_VALUE) ? (int) max : null;
		}
		return new FieldDefinition(name, type, length, scale, nullable, null, 0,
				identity ? AutoValue.INCREMENT_ON_INSERT : AutoValue.NONE);
	}

	private static @Nullable Integer intOrNull(@Nullable JsonNode node) {
		return (node == null || node.isNull()) ? null : node.asInt();
	}

	private List<IndexDefinition> indexes(Connection connection, String schema, String table, ObjectNode meta,
			List<FieldDefinition> fields) throws SQLException {
		Map<String, List<IndexDefinition.IndexField>> h2Indexes = new LinkedHashMap<>();
		Map<String, Boolean> h2Unique = new LinkedHashMap<>();
		String primaryH2Name = null;
		try (PreparedStatement statement = connection.prepareStatement("SELECT i.INDEX_NAME, i.INDEX_TYPE_NAME, "
				+ "c.COLUMN_NAME, c.ORDERING_SPECIFICATION FROM INFORMATION_SCHEMA.INDEXES i "
				+ "JOIN INFORMATION_SCHEMA.INDEX_COLUMNS c ON c.INDEX_SCHEMA = i.INDEX_SCHEMA "
				+ "AND c.INDEX_NAME = i.INDEX_NAME WHERE i.TABLE_SCHEMA = ? AND i.TABLE_NAME = ? "
				+ "ORDER BY i.INDEX_NAME, c.ORDINAL_POSITION")) {
			statement.setString(1, schema);
			statement.setString(2, table);
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					String indexName = rs.getString(1);
					String indexType = rs.getString(2);
					if ("PRIMARY KEY".equalsIgnoreCase(indexType)) {
						primaryH2Name = indexName;
					}
					h2Unique.put(indexName, !"INDEX".equalsIgnoreCase(indexType));
					h2Indexes.computeIfAbsent(indexName, (k) -> new ArrayList<>())
						.add(new IndexDefinition.IndexField(rs.getString(3), false,
								"DESC".equalsIgnoreCase(rs.getString(4)), false));
				}
			}
		}
		List<IndexDefinition> indexes = new ArrayList<>();
		int nextNumber = 1;
		for (JsonNode index : meta.path("indexes")) {
			String h2Name = index.path("h2Name").asString();
			String actual = h2Name.isEmpty() ? primaryH2Name : h2Name;
			if (actual == null || !h2Indexes.containsKey(actual)) {
				continue;
			}
			h2Indexes.remove(actual);
			List<IndexDefinition.IndexField> indexFields = new ArrayList<>();
			for (JsonNode field : index.path("fields")) {
				indexFields.add(new IndexDefinition.IndexField(field.path("name").asString(),
						field.path("caseInsensitive").asBoolean(false), field.path("sortDescending").asBoolean(false),
						field.path("reverseCompare").asBoolean(false)));
			}
			int number = index.path("indexNumber").asInt();
			nextNumber = Math.max(nextNumber, number + 1);
			indexes.add(new IndexDefinition(index.path("indexName").asString(), h2Name, indexFields,
					index.path("unique").asBoolean(false),
					index.hasNonNull("conditionalExpression") ? index.get("conditionalExpression").asString() : null,
					index.path("immutableKeys").asBoolean(false), index.path("collectStats").asBoolean(false),
					index.path("compression").asString("off"),
					index.hasNonNull("filename") ? index.get("filename").asString() : null,
					index.path("deferIndexing").asBoolean(false), number));
		}
		boolean hasPrimary = indexes.stream().anyMatch((index) -> index.indexNumber() == 0);
		if (!hasPrimary && primaryH2Name != null && h2Indexes.containsKey(primaryH2Name)) {
			List<IndexDefinition.IndexField> indexFields = h2Indexes.remove(primaryH2Name);
			String name = (indexFields.size() == 1) ? indexFields.get(0).name() + "_pk" : "pk";
			indexes.add(new IndexDefinition(name, "", indexFields, true, null, false, false, "off", null, false, 0));
		}
		for (Map.Entry<String, List<IndexDefinition.IndexField>> entry : h2Indexes.entrySet()) {
			indexes.add(new IndexDefinition(entry.getKey(), entry.getKey(), entry.getValue(),
					h2Unique.getOrDefault(entry.getKey(), false), null, false, false, "off", null, false,
					nextNumber++));
		}
		indexes.sort((a, b) -> Integer.compare(a.indexNumber(), b.indexNumber()));
		return List.copyOf(indexes);
	}

	/**
	 * Writes the FairCom metadata of a table into its H2 comment.
	 */
	void save(Connection connection, TableDefinition table) throws SQLException {
		ObjectNode meta = MAPPER.createObjectNode();
		meta.put("uid", table.uid());
		if (table.changeIdField() != null) {
			meta.put("changeIdField", table.changeIdField());
		}
		ObjectNode fields = meta.putObject("fields");
		for (FieldDefinition field : table.fields()) {
			ObjectNode node = fields.putObject(field.name());
			node.put("type", field.type().jsonName());
			node.put("length", field.length());
			node.put("scale", field.scale());
			if (field.defaultValue() != null) {
				node.set("defaultValue", field.defaultValue());
			}
			node.put("primaryKey", field.primaryKey());
			node.put("autoValue", field.autoValue().jsonName());
		}
		ArrayNode indexes = meta.putArray("indexes");
		for (IndexDefinition index : table.indexes()) {
			ObjectNode node = indexes.addObject();
			node.put("indexName", index.name());
			node.put("h2Name", index.h2Name());
			ArrayNode indexFields = node.putArray("fields");
			for (IndexDefinition.IndexField field : index.fields()) {
				indexFields.addObject()
					.put("name", field.name())
					.put("caseInsensitive", field.caseInsensitive())
					.put("sortDescending", field.sortDescending())
					.put("reverseCompare", field.reverseCompare());
			}
			node.put("unique", index.unique());
			node.put("conditionalExpression", index.conditionalExpression());
			node.put("immutableKeys", index.immutableKeys());
			node.put("collectStats", index.collectStats());
			node.put("compression", index.compression());
			node.put("filename", index.filename());
			node.put("deferIndexing", index.deferIndexing());
			node.put("indexNumber", index.indexNumber());
		}
		try (Statement statement = connection.createStatement()) {
			statement.execute("COMMENT ON TABLE " + SqlNames.table(table) + " IS "
					+ SqlNames.literal(MAPPER.writeValueAsString(meta)));
		}
		this.cache.remove(key(table.ownerName(), table.tableName()));
	}
}
