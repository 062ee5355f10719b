package io.github.faircomclient.core;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;

/**
 * Reads one field of an answer's {@code result} straight from the answer's stream, without
 * a tree: the records of a query into Java objects as they arrive, for example. Name the
 * field with {@link FairComRequest.Builder#readResultField(String, FairComResultReader)};
 * the value is in {@link FairComResponse#readField()}. The answer's budgets
 * ({@code faircom.max-response-values}, {@code faircom.max-response-size}) apply as they
 * do to a tree.
 *
 * @param <T> what the reader makes of the field
 */
public interface FairComResultReader<T> {

	/**
	 * Read the field's value. The parser is on the value's first token; leave it on the
	 * value's last token. Read values from it with an {@code ObjectReader} without
	 * {@code DeserializationFeature.FAIL_ON_TRAILING_TOKENS}, which Jackson 3 enables by
	 * default and which would take the next record for trailing input.
	 * @param parser the parser of the answer
	 * @return what the reader makes of the value
	 * @throws JacksonException if the value does not fit; the rest of it is skipped (also
	 * when the reader left the parser without a current token, as a
	 * {@code MappingIterator} does), and the failure becomes a
	 * {@link io.github.faircomclient.FairComMappingException} only if the answer is
	 * otherwise a valid success
	 */
	T read(JsonParser parser) throws JacksonException;

	/**
	 * Return what the reader maps to, for the message of a mapping failure.
	 * @return the name of the target type
	 */
	String targetType();

	/**
	 * Describe what the reader maps, for the message of a mapping failure, which goes on
	 * with the action: {@code Could not map <description> db/getRecordsByIds ...}.
	 * @param field the name of the field in the result
	 * @return the description, by default {@code the '<field>' of}
	 */
	default String describe(String field) {
		return "the '" + field + "' of";
	}

}
