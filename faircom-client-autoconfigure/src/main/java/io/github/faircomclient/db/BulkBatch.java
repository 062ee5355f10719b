package io.github.faircomclient.db;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.github.faircomclient.db.BulkResult.RecordRange;

import tools.jackson.core.JacksonException;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SequenceWriter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.util.RawValue;

/**
 * One batch of a bulk load: its place in the input and its records, already written as the
 * JSON array that goes into {@code sourceData}. The records are serialized once, by the
 * record mapper, straight into bytes, which the request envelope copies as they are: no
 * tree of the records is built. The batch keeps its bytes until it is committed, to read
 * the records back if a commit's answer is lost.
 */
final class BulkBatch {

	private final long sequence;

	private final long first;

	private final int count;

	private final RawJson records;

	private BulkBatch(long sequence, long first, int count, RawJson records) {
		this.sequence = sequence;
		this.first = first;
		this.count = count;
		this.records = records;
	}

	/**
	 * Write records as one batch.
	 * @param sequence the batch's number in the load, from 0
	 * @param first the index in the input of its first record
	 * @param records the records, Java records, POJOs, maps or JSON objects
	 * @param mapper the record mapper
	 * @return the batch
	 * @throws IllegalArgumentException if a record is {@code null} or does not serialize
	 * to a JSON object, naming its index
	 */
	static BulkBatch encode(long sequence, long first, List<?> records, JsonMapper mapper) {
		Bytes out = new Bytes(Math.max(256, records.size() * 64));
		try (SequenceWriter writer = mapper.writer().writeValuesAsArray(out)) {
			for (int i = 0; i < records.size(); i++) {
				Object record = records.get(i);
				if (record == null) {
					throw new IllegalArgumentException("Record " + (first + i) + " is null");
				}
				int start = out.size();
				try {
					writer.write(record);
				}
				catch (JacksonException ex) {
					throw new IllegalArgumentException("Could not write record " + (first + i) + " ("
							+ record.getClass().getName() + ") as a FairCom record: " + ex.getOriginalMessage(), ex);
				}
				if (!out.isObjectAt(start, (i == 0) ? '[' : ',')) {
					throw new IllegalArgumentException("Record " + (first + i) + " is not a Java record, POJO, Map or "
							+ "JSON object but " + record.getClass().getName());
				}
			}
		}
		return new BulkBatch(sequence, first, records.size(), new RawJson(out.toByteArray()));
	}

	long sequence() {
		return this.sequence;
	}

	long first() {
		return this.first;
	}

	int count() {
		return this.count;
	}

	long end() {
		return this.first + this.count;
	}

	RecordRange range() {
		return new RecordRange(this.first, this.count);
	}

	/**
	 * Return the size of the records' JSON.
	 * @return bytes
	 */
	int bytes() {
		return this.records.utf8.length;
	}

	/**
	 * Return the records as a value of the request's parameters, copied as they are into
	 * the request.
	 * @return the raw JSON array
	 */
	RawValue sourceData() {
		return new RawValue(this.records);
	}

	/**
	 * Read the records back as trees, to check what a lost commit did.
	 * @param mapper the record mapper
	 * @return the records as the server received them
	 */
	ArrayNode readBack(JsonMapper mapper) {
		JsonNode records = mapper.readTree(this.records.utf8);
		return (ArrayNode) records;
	}

	@Override
	public String toString() {
		return "batch " + this.sequence + " (" + range() + ")";
	}

	/**
	 * A growing byte buffer without locks, for one thread.
	 */
	private static final class Bytes extends OutputStream {

		private byte[] buffer;

		private int size;

		Bytes(int capacity) {
			this.buffer = new byte[capacity];
		}

		@Override
		public void write(int b) {
			ensure(1);
			this.buffer[this.size++] = (byte) b;
		}

		@Override
		public void write(byte[] bytes, int offset, int length) {
			ensure(length);
			System.arraycopy(bytes, offset, this.buffer, this.size, length);
			this.size += length;
		}

		private void ensure(int more) {
			if (this.size + more > this.buffer.length) {
				this.buffer = Arrays.copyOf(this.buffer, Math.max(this.size + more, this.buffer.length * 2));
			}
		}

		int size() {
			return this.size;
		}

		/**
		 * Whether the value written from {@code start} on is a JSON object, after the
		 * one character written before it (the array's start or a separator).
		 */
		boolean isObjectAt(int start, char before) {
			int at = skipWhitespace(start);
			if (at < this.size && this.buffer[at] == before) {
				at = skipWhitespace(at + 1);
			}
			return at < this.size && this.buffer[at] == '{';
		}

		private int skipWhitespace(int start) {
			int at = start;
			while (at < this.size && (this.buffer[at] == ' ' || this.buffer[at] == '\n' || this.buffer[at] == '\r'
					|| this.buffer[at] == '\t')) {
				at++;
			}
			return at;
		}

		byte[] toByteArray() {
			return (this.size == this.buffer.length) ? this.buffer : Arrays.copyOf(this.buffer, this.size);
		}

	}

	/**
	 * JSON bytes that a generator copies into its output as they are. Only a byte-based
	 * generator is expected; a character-based one gets the text decoded once.
	 */
	static final class RawJson implements SerializableString {

		private final byte[] utf8;

		private @Nullable SerializedString text;

		RawJson(byte[] utf8) {
			this.utf8 = utf8;
		}

		private SerializedString text() {
			SerializedString text = this.text;
			if (text == null) {
				text = new SerializedString(new String(this.utf8, StandardCharsets.UTF_8));
				this.text = text;
			}
			return text;
		}

		@Override
		public String getValue() {
			return text().getValue();
		}

		@Override
		public int charLength() {
			return text().charLength();
		}

		@Override
		public char[] asQuotedChars() {
			return text().asQuotedChars();
		}

		@Override
		public byte[] asUnquotedUTF8() {
			return this.utf8;
		}

		@Override
		public byte[] asQuotedUTF8() {
			return text().asQuotedUTF8();
		}

		@Override
		public int appendQuotedUTF8(byte[] buffer, int offset) {
			return text().appendQuotedUTF8(buffer, offset);
		}

		@Override
		public int appendQuoted(char[] buffer, int offset) {
			return text().appendQuoted(buffer, offset);
		}

		@Override
		public int appendUnquotedUTF8(byte[] buffer, int offset) {
			if (this.utf8.length > buffer.length - offset) {
				return -1;
			}
			System.arraycopy(this.utf8, 0, buffer, offset, this.utf8.length);
			return this.utf8.length;
		}

		@Override
		public int appendUnquoted(char[] buffer, int offset) {
			return text().appendUnquoted(buffer, offset);
		}

		@Override
		public int writeQuotedUTF8(OutputStream out) throws IOException {
			return text().writeQuotedUTF8(out);
		}

		@Override
		public int writeUnquotedUTF8(OutputStream out) throws IOException {
			out.write(this.utf8);
			return this.utf8.length;
		}

		@Override
		public int putQuotedUTF8(ByteBuffer buffer) throws IOException {
			return text().putQuotedUTF8(buffer);
		}

		@Override
		public int putUnquotedUTF8(ByteBuffer buffer) {
			if (this.utf8.length > buffer.remaining()) {
				return -1;
			}
			buffer.put(this.utf8);
			return this.utf8.length;
		}

		@Override
		public String toString() {
			return "RawJson[" + this.utf8.length + " bytes]";
		}

	}

}
