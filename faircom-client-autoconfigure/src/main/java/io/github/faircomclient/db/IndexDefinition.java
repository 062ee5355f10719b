package io.github.faircomclient.db;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The definition of an index for {@link DbOperations#createIndex}. Immutable; create with
 * {@link #builder(String, String)}. Options left unset are not sent, so the server applies
 * its defaults.
 *
 * <pre class="code">
 * IndexDefinition.builder("athlete", "name_livedpast2000")
 *     .field(IndexField.of("name").ignoringCase().descending())
 *     .conditionalExpression("livedpast2000 == 1")
 *     .build();
 * </pre>
 */
public final class IndexDefinition {

	private final String tableName;

	private final String indexName;

	private final List<IndexField> fields;

	private final @Nullable Boolean unique;

	private final @Nullable String conditionalExpression;

	private final @Nullable Boolean immutableKeys;

	private final @Nullable Boolean waitToBeLoaded;

	private final @Nullable String filename;

	private final @Nullable Boolean collectStats;

	private final @Nullable String compression;

	private IndexDefinition(Builder builder) {
		this.tableName = builder.tableName;
		this.indexName = builder.indexName;
		this.fields = List.copyOf(builder.fields);
		this.unique = builder.unique;
		this.conditionalExpression = builder.conditionalExpression;
		this.immutableKeys = builder.immutableKeys;
		this.waitToBeLoaded = builder.waitToBeLoaded;
		this.filename = builder.filename;
		this.collectStats = builder.collectStats;
		this.compression = builder.compression;
	}

	/**
	 * Return a builder for an index.
	 * @param tableName the table to index
	 * @param indexName the index name
	 * @return a new builder
	 */
	public static Builder builder(String tableName, String indexName) {
		return new Builder(tableName, indexName);
	}

	/**
	 * Return the indexed table.
	 * @return the table name
	 */
	public String getTableName() {
		return this.tableName;
	}

	/**
	 * Return the index name.
	 * @return the index name
	 */
	public String getIndexName() {
		return this.indexName;
	}

	/**
	 * Return the indexed fields in key order.
	 * @return the fields
	 */
	public List<IndexField> getFields() {
		return this.fields;
	}

	/**
	 * Return whether keys must be unique.
	 * @return whether keys are unique, or {@code null} if unset
	 */
	public @Nullable Boolean getUnique() {
		return this.unique;
	}

	/**
	 * Return the condition a record must meet to be indexed.
	 * @return the expression or {@code null}
	 */
	public @Nullable String getConditionalExpression() {
		return this.conditionalExpression;
	}

	void writeTo(ObjectNode params) {
		params.put("tableName", this.tableName);
		params.put("indexName", this.indexName);
		ArrayNode fields = params.putArray("fields");
		this.fields.forEach((field) -> fields.add(field.toJson()));
		if (this.conditionalExpression != null) {
			params.put("conditionalExpression", this.conditionalExpression);
		}
		putIfSet(params, "unique", this.unique);
		putIfSet(params, "immutableKeys", this.immutableKeys);
		putIfSet(params, "waitToBeLoaded", this.waitToBeLoaded);
		if (this.filename != null) {
			params.put("filename", this.filename);
		}
		putIfSet(params, "collectStats", this.collectStats);
		if (this.compression != null) {
			params.put("compression", this.compression);
		}
	}

	private static void putIfSet(ObjectNode params, String name, @Nullable Boolean value) {
		if (value != null) {
			params.put(name, value);
		}
	}

	@Override
	public String toString() {
		ObjectNode node = JsonNodeFactory.instance.objectNode();
		writeTo(node);
		return "IndexDefinition" + node;
	}

	/**
	 * Builder for {@link IndexDefinition}.
	 */
	public static final class Builder {

		private final String tableName;

		private final String indexName;

		private final List<IndexField> fields = new ArrayList<>();

		private @Nullable Boolean unique;

		private @Nullable String conditionalExpression;

		private @Nullable Boolean immutableKeys;

		private @Nullable Boolean waitToBeLoaded;

		private @Nullable String filename;

		private @Nullable Boolean collectStats;

		private @Nullable String compression;

		private Builder(String tableName, String indexName) {
			Assert.hasText(tableName, "'tableName' must not be empty");
			Assert.hasText(indexName, "'indexName' must not be empty");
			this.tableName = tableName;
			this.indexName = indexName;
		}

		/**
		 * Add an ascending, case-sensitive field.
		 * @param fieldName the field name
		 * @return this builder
		 */
		public Builder field(String fieldName) {
			return field(IndexField.of(fieldName));
		}

		/**
		 * Add a field with its sort options.
		 * @param field the index field
		 * @return this builder
		 */
		public Builder field(IndexField field) {
			Assert.notNull(field, "'field' must not be null");
			this.fields.add(field);
			return this;
		}

		/**
		 * Set whether keys must be unique.
		 * @param unique whether keys are unique
		 * @return this builder
		 */
		public Builder unique(boolean unique) {
			this.unique = unique;
			return this;
		}

		/**
		 * Index only the records that meet a condition, e.g. {@code livedpast2000 == 1}.
		 * @param conditionalExpression the condition
		 * @return this builder
		 */
		public Builder conditionalExpression(String conditionalExpression) {
			Assert.hasText(conditionalExpression, "'conditionalExpression' must not be empty");
			this.conditionalExpression = conditionalExpression;
			return this;
		}

		/**
		 * Set whether key values may never change after insert.
		 * @param immutableKeys whether keys are immutable
		 * @return this builder
		 */
		public Builder immutableKeys(boolean immutableKeys) {
			this.immutableKeys = immutableKeys;
			return this;
		}

		/**
		 * Set whether {@code createIndex} returns only once the index is built.
		 * @param waitToBeLoaded whether to wait for the index
		 * @return this builder
		 */
		public Builder waitToBeLoaded(boolean waitToBeLoaded) {
			this.waitToBeLoaded = waitToBeLoaded;
			return this;
		}

		/**
		 * Set the file the index is stored in.
		 * @param filename the file name (without extension)
		 * @return this builder
		 */
		public Builder filename(String filename) {
			Assert.hasText(filename, "'filename' must not be empty");
			this.filename = filename;
			return this;
		}

		/**
		 * Set whether the server collects statistics for the index.
		 * @param collectStats whether to collect statistics
		 * @return this builder
		 */
		public Builder collectStats(boolean collectStats) {
			this.collectStats = collectStats;
			return this;
		}

		/**
		 * Set the compression of the index, e.g. {@code auto} or {@code off}.
		 * @param compression the compression
		 * @return this builder
		 */
		public Builder compression(String compression) {
			Assert.hasText(compression, "'compression' must not be empty");
			this.compression = compression;
			return this;
		}

		/**
		 * Build the definition.
		 * @return the definition
		 * @throws IllegalStateException if no field was added
		 */
		public IndexDefinition build() {
			Assert.state(!this.fields.isEmpty(), "An index needs at least one field");
			return new IndexDefinition(this);
		}

	}

}
