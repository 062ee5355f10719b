package io.github.faircomclient.core;

import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.github.faircomclient.FairComException;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.exc.StreamConstraintsException;

/**
 * The one field of a result that a request's reader reads from the stream: its value,
 * or the mapping failure that stopped the reader (the rest of the value skipped).
 */
final class StreamedField {

	private final String name;

	private final FairComResultReader<?> reader;

	private final Set<String> skipped;

	private @Nullable Object value;

	private @Nullable JacksonException failure;

	String name() {
		return this.name;
	}

	boolean skips(String field) {
		return this.skipped.contains(field);
	}

	@Nullable Object value() {
		return this.value;
	}

	boolean failed() {
		return this.failure != null;
	}

	StreamedField(FairComRequest request) {
		this.name = request.readField();
		this.reader = request.fieldReader();
		this.skipped = request.skippedFields();
	}

	void read(JsonParser parser) {
		TokenStreamContext outer = (parser.currentToken().isStructStart())
				? parser.streamReadContext().getParent() : parser.streamReadContext();
		try {
			this.value = this.reader.read(parser);
		}
		catch (StreamConstraintsException | JacksonIOException ex) {
			throw ex;
		}
		catch (JacksonException ex) {
			this.failure = ex;
			skipToTheEndOfTheValue(parser, outer);
		}
	}

	private static void skipToTheEndOfTheValue(JsonParser parser, TokenStreamContext outer) {
		JsonToken token = parser.currentToken();
		if (token == null) {
			token = parser.nextToken();
		}
		while (token != null && !(parser.streamReadContext() == outer && !token.isStructStart()
				&& token != JsonToken.PROPERTY_NAME)) {
			token = parser.nextToken();
		}
	}

	FairComException mappingFailed(FairComResponse response) {
		JacksonException failure = this.failure;
		return FairComExceptionTranslator.mappingFailed(response, this.reader.describe(this.name),
				this.reader.targetType(), (failure != null) ? describe(failure) : "", failure);
	}

	private static String describe(JacksonException failure) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : failure.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append((path.length() > 0) ? "." : "").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return ((path.length() > 0) ? "field '" + path + "': " : "") + failure.getOriginalMessage();
	}

}
