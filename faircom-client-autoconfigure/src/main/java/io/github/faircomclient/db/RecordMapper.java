package io.github.faircomclient.db;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import io.github.faircomclient.core.FairComExceptionTranslator;
import io.github.faircomclient.core.FairComResponse;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns the application's records, POJOs and maps into FairCom record objects and back,
 * with its own {@link JsonMapper}: unknown fields are ignored, property names match
 * case-insensitively (FairCom SQL reports names in lower case), {@code null} into a
 * primitive fails, and values follow {@link FairComValueModule}.
 */
final class RecordMapper {

	private static final int MAX_CACHED_READERS = 256;

	private final JsonMapper mapper;

	private final Map<Class<?>, ObjectReader> readers = new ConcurrentHashMap<>();

	RecordMapper(DbSettings settings) {
		JsonMapper.Builder builder = JsonMapper.builder()
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
			.enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
			.addModule(new FairComValueModule(settings.getBinaryFormat()));
		for (FairComRecordMapperCustomizer customizer : settings.getRecordMapperCustomizers()) {
			customizer.customize(builder);
		}
		this.mapper = builder.build();
	}

	JsonMapper mapper() {
		return this.mapper;
	}

	/**
	 * Return a reader of one call's {@code data} records of the given type, straight from
	 * the answer's stream.
	 * @param type the record type
	 * @param limit the most records mapped; one more marks the answer as over the limit
	 * @return the reader
	 */
	<T> RecordReader<T> recordReader(Class<T> type, int limit) {
		ObjectReader reader = this.readers.get(type);
		if (reader == null) {
			reader = this.mapper.readerFor(type).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
			if (this.readers.size() < MAX_CACHED_READERS) {
				this.readers.putIfAbsent(type, reader);
			}
		}
		return new RecordReader<>(reader, type, limit);
	}

	/**
	 * Write one record (a Java record, POJO, map or JSON object) as a JSON object.
	 */
	ObjectNode toObject(Object record) {
		JsonNode node;
		try {
			node = (record instanceof JsonNode json) ? json : this.mapper.valueToTree(record);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("Could not write " + record.getClass().getName()
					+ " as a FairCom record: " + ex.getOriginalMessage(), ex);
		}
		if (!(node instanceof ObjectNode object)) {
			throw new IllegalArgumentException("A FairCom record must be a Java record, POJO, Map or JSON object, not "
					+ record.getClass().getName());
		}
		return object;
	}

	ArrayNode toObjects(Collection<?> records) {
		ArrayNode array = JsonNodeFactory.instance.arrayNode(records.size());
		for (Object record : records) {
			if (record == null) {
				throw new IllegalArgumentException("Records must not contain null");
			}
			array.add(toObject(record));
		}
		return array;
	}

	/**
	 * Write a single value (a key, a SQL parameter) the way a record field would be written.
	 */
	JsonNode toValue(@Nullable Object value) {
		if (value == null) {
			return JsonNodeFactory.instance.nullNode();
		}
		try {
			return (value instanceof JsonNode json) ? json : this.mapper.valueToTree(value);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("Could not write " + value.getClass().getName() + " as a FairCom value: "
					+ ex.getOriginalMessage(), ex);
		}
	}

	/**
	 * Write record ids ({@code ids}) as values.
	 */
	List<JsonNode> toIds(Collection<?> ids) {
		List<JsonNode> values = new ArrayList<>(ids.size());
		for (Object id : ids) {
			if (id == null) {
				throw new IllegalArgumentException("'ids' must not contain null");
			}
			values.add(toValue(id));
		}
		return values;
	}

	/**
	 * Write primary keys ({@code primaryKeys}) as arrays of {@code fieldName}/{@code value}
	 * objects.
	 */
	List<JsonNode> toPrimaryKeys(Collection<PrimaryKey> keys) {
		List<JsonNode> values = new ArrayList<>(keys.size());
		for (PrimaryKey key : keys) {
			if (key == null) {
				throw new IllegalArgumentException("'keys' must not contain null");
			}
			ArrayNode parts = JsonNodeFactory.instance.arrayNode();
			for (PrimaryKey.Part part : key.parts()) {
				parts.addObject().put("fieldName", part.fieldName()).set("value", toValue(part.value()));
			}
			values.add(parts);
		}
		return values;
	}

	<T> T read(JsonNode record, Class<T> type, FairComResponse response) {
		if (type.isInstance(record)) {
			return type.cast(record);
		}
		T value;
		try {
			value = this.mapper.treeToValue(record, type);
		}
		catch (JacksonException ex) {
			throw FairComExceptionTranslator.mappingFailed(response, "a record from", type.getName(),
					field(ex) + ex.getOriginalMessage(), ex);
		}
		if (value == null) {
			throw FairComExceptionTranslator.mappingFailed(response, "a record from", type.getName(),
					"the record is JSON " + record.getNodeType().name().toLowerCase(Locale.ROOT), null);
		}
		return value;
	}

	private static String field(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append((path.length() > 0) ? "." : "").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return (path.length() > 0) ? "field '" + path + "': " : "";
	}

}
