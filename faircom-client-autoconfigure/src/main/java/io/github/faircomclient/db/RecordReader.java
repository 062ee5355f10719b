package io.github.faircomclient.db;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import io.github.faircomclient.FairComRecordLimitExceededException;
import io.github.faircomclient.core.FairComExceptionTranslator;
import io.github.faircomclient.core.FairComResponse;
import io.github.faircomclient.core.FairComResultReader;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.ObjectReader;

/**
 * Reads the {@code data} records of an answer straight from the answer's stream into Java
 * objects, without a tree: the record mapper's rules apply record by record, and the
 * records are counted as they are read. Past the limit nothing more is mapped: the rest of
 * the array is skipped and the page is marked as over the limit, which
 * {@link #records(FairComResponse, String)} turns into the one record-limit failure. A
 * record that does not fit the type, or a JSON {@code null} record, fails the call with a
 * {@link io.github.faircomclient.FairComMappingException} naming the field. One reader
 * serves one call.
 *
 * @param <T> the record type
 */
final class RecordReader<T> implements FairComResultReader<RecordReader.Page<T>> {

	static final String FIELD = "data";

	/**
	 * The field metadata of an answer with records, which a typed read does not need:
	 * skipped in the stream, never built into a tree.
	 */
	static final String METADATA = "fields";

	private final ObjectReader reader;

	private final Class<T> type;

	private final int limit;

	/**
	 * Create a reader.
	 * @param reader the record mapper's reader of the type, without
	 * {@code FAIL_ON_TRAILING_TOKENS}
	 * @param type the record type
	 * @param limit the most records mapped; one more marks the page as over the limit
	 */
	RecordReader(ObjectReader reader, Class<T> type, int limit) {
		this.reader = reader;
		this.type = type;
		this.limit = limit;
	}

	@Override
	public Page<T> read(JsonParser parser) {
		if (!parser.hasToken(JsonToken.START_ARRAY)) {
			String shape = describe(parser.currentToken());
			parser.skipChildren();
			return new Page<>(List.of(), false, shape);
		}
		List<T> records = new ArrayList<>();
		JsonToken token = parser.nextToken();
		while (token != JsonToken.END_ARRAY) {
			if (records.size() == this.limit) {
				skipToTheEnd(parser);
				return new Page<>(records, true, null);
			}
			T record = this.reader.readValue(parser);
			if (record == null) {
				throw DatabindException.from(parser, "the record is JSON null");
			}
			records.add(record);
			token = parser.nextToken();
		}
		return new Page<>(records, false, null);
	}

	/**
	 * Skip the records left in the array, from the first token of the next one to the
	 * array's end.
	 */
	private static void skipToTheEnd(JsonParser parser) {
		JsonToken token = parser.currentToken();
		while (token != null && token != JsonToken.END_ARRAY) {
			parser.skipChildren();
			token = parser.nextToken();
		}
	}

	private static String describe(@Nullable JsonToken token) {
		if (token == null) {
			return "missing";
		}
		return switch (token) {
			case VALUE_NULL -> "null";
			case START_OBJECT -> "object";
			case VALUE_STRING -> "string";
			case VALUE_TRUE, VALUE_FALSE -> "boolean";
			case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
			default -> token.name().toLowerCase(Locale.ROOT);
		};
	}

	@Override
	public String targetType() {
		return this.type.getName();
	}

	@Override
	public String describe(String field) {
		return "a record from";
	}

	/**
	 * Return the records the reader read from an answer, checked: the answer must hold a
	 * {@code data} array, and with a subject no more records than the limit.
	 * @param response the successful answer
	 * @param subject what was listed, for the message of the record-limit failure, or
	 * {@code null} for a read without limit
	 * @return the records
	 * @throws io.github.faircomclient.FairComProtocolException if the answer holds no
	 * {@code data} array
	 * @throws FairComRecordLimitExceededException if there are more records than the limit
	 */
	@SuppressWarnings("unchecked")
	List<T> records(FairComResponse response, @Nullable String subject) {
		if (!(response.readField() instanceof Page<?> page)) {
			response.resultArray(FIELD);
			throw FairComExceptionTranslator.incompleteResult(response, "a '" + FIELD + "' array");
		}
		if (page.notAnArray() != null) {
			throw FairComExceptionTranslator.incompleteResult(response,
					"a '" + FIELD + "' array (" + FIELD + " is " + page.notAnArray() + ")");
		}
		if (page.overLimit()) {
			throw new FairComRecordLimitExceededException(response.api(), response.action(), response.requestId(),
					(subject != null) ? subject : "records", this.limit);
		}
		return (List<T>) page.records();
	}

	/**
	 * The records read from one answer.
	 *
	 * @param <T> the record type
	 * @param records the records mapped, at most the limit
	 * @param overLimit whether the answer held more records than the limit
	 * @param notAnArray what the field held if it was not an array, else {@code null}
	 */
	record Page<T>(List<T> records, boolean overLimit, @Nullable String notAnArray) {

	}

}
