package io.github.faircomclient.db;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.faircomclient.core.FairComResponse;
import io.github.faircomclient.core.TestResponses;

import io.github.faircomclient.FairComException;
import io.github.faircomclient.FairComMappingException;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The Java ↔ FairCom type table of the record mapper, both ways, without a server.
 */
class RecordMapperTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final RecordMapper base64 = new RecordMapper(DbSettings.defaults());

	private final RecordMapper hex = new RecordMapper(DbSettings.builder().binaryFormat(BinaryFormat.HEX).build());

	record AllTypes(boolean bit, byte tinyint, short smallint, int integer, long bigint, float real, double floating,
			BigDecimal number, BigDecimal money, BigInteger huge, LocalDate date, LocalTime time, LocalDateTime timestamp,
			String text, byte[] bytes, JsonNode json, Map<String, Object> map, Integer missing) {
	}

	private static AllTypes sample() {
		return new AllTypes(true, (byte) -128, (short) 32767, -2147483648, Long.MAX_VALUE, 1.5f, 0.1,
				new BigDecimal("12345678901234567890.123456789012"), new BigDecimal("1E+3"),
				new BigInteger("123456789012345678901234567890"), LocalDate.of(2024, 3, 16),
				LocalTime.of(17, 35, 20, 500_000_000), LocalDateTime.of(2024, 3, 16, 17, 35, 20, 7_000_000), "héllo",
				new byte[] { 1, 2, (byte) 0xFF }, json.readTree("{\"a\":[1,true]}"), Map.of("k", "v"), null);
	}

	@Test
	void writesEachJavaTypeInFairComsForm() {
		ObjectNode written = this.base64.toObject(sample());
		assertThat(written.toString()).isEqualTo("{\"bit\":true,\"tinyint\":-128,\"smallint\":32767,"
				+ "\"integer\":-2147483648,\"bigint\":9223372036854775807,\"real\":1.5,\"floating\":0.1,"
				+ "\"number\":\"12345678901234567890.123456789012\",\"money\":\"1000\","
				+ "\"huge\":\"123456789012345678901234567890\",\"date\":\"2024-03-16\",\"time\":\"17:35:20.500\","
				+ "\"timestamp\":\"2024-03-16T17:35:20.007\",\"text\":\"héllo\",\"bytes\":\"AQL/\","
				+ "\"json\":{\"a\":[1,true]},\"map\":{\"k\":\"v\"},\"missing\":null}");
		assertThat(this.hex.toObject(sample()).get("bytes").stringValue()).isEqualTo("0102FF");
	}

	@Test
	void readsWhatItWritesBack() {
		for (RecordMapper mapper : List.of(this.base64, this.hex)) {
			AllTypes read = mapper.read(mapper.toObject(sample()), AllTypes.class, response("test", "r-0"));
			assertThat(read).usingRecursiveComparison()
				.withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
				.isEqualTo(sample());
			assertThat(read.money()).isEqualTo(new BigDecimal("1000")).hasScaleOf(0);
		}
	}

	@Test
	void readsNumbersSentAsStrings() {
		JsonNode record = json.readTree("{\"bit\":true,\"tinyint\":\"-128\",\"smallint\":\"32767\","
				+ "\"integer\":\"-2147483648\",\"bigint\":\"9223372036854775807\",\"real\":\"1.5\",\"floating\":\"0.1\","
				+ "\"number\":\"12345678901234567890.123456789012\",\"money\":\"1000.0000\",\"huge\":\"7\"}");
		AllTypes read = this.base64.read(record, AllTypes.class, response("test", "r-0"));
		assertThat(read.bigint()).isEqualTo(Long.MAX_VALUE);
		assertThat(read.integer()).isEqualTo(Integer.MIN_VALUE);
		assertThat(read.number()).isEqualByComparingTo("12345678901234567890.123456789012");
		assertThat(read.money()).isEqualTo(new BigDecimal("1000.0000"));
		assertThat(read.real()).isEqualTo(1.5f);
		assertThat(read.floating()).isEqualTo(0.1);
	}

	@Test
	void readsTheDateAndTimeFormsTheServerMayUse() {
		record Times(LocalDate date, LocalTime time, LocalDateTime timestamp) {
		}
		String[][] forms = { { "2024-03-16", "17:35:20.5", "2024-03-16T17:35:20.5" },
				{ "20240316", "173520500", "2024-03-16 17:35:20.500" },
				{ "2024-03-16", "17:35:20.500", "20240316T173520500" } };
		for (String[] form : forms) {
			Times read = this.base64.read(json.readTree("{\"date\":\"" + form[0] + "\",\"time\":\"" + form[1]
					+ "\",\"timestamp\":\"" + form[2] + "\"}"), Times.class, response("test", "r-0"));
			assertThat(read).as(String.join(" ", form))
				.isEqualTo(new Times(LocalDate.of(2024, 3, 16), LocalTime.of(17, 35, 20, 500_000_000),
						LocalDateTime.of(2024, 3, 16, 17, 35, 20, 500_000_000)));
		}
		Times noFraction = this.base64.read(json.readTree("{\"time\":\"17:35\",\"timestamp\":\"2024-03-16T17:35:20\"}"),
				Times.class, response("test", "r-0"));
		assertThat(noFraction.time()).isEqualTo(LocalTime.of(17, 35));
		assertThat(noFraction.timestamp()).isEqualTo(LocalDateTime.of(2024, 3, 16, 17, 35, 20));
	}

	@Test
	void writesTimesWithMillisecondPrecisionAsFairComStoresThem() {
		record Times(LocalTime time, LocalDateTime timestamp) {
		}
		ObjectNode written = this.base64.toObject(new Times(LocalTime.of(1, 2, 3, 123_456_789),
				LocalDateTime.of(2024, 1, 2, 3, 4, 5)));
		assertThat(written.get("time").stringValue()).isEqualTo("01:02:03.123");
		assertThat(written.get("timestamp").stringValue()).isEqualTo("2024-01-02T03:04:05.000");
	}

	@Test
	void readsBinaryInEitherCaseOfHexOrAsAByteArray() {
		record Blob(byte[] bytes) {
		}
		assertThat(this.hex.read(json.readTree("{\"bytes\":\"0a0B\"}"), Blob.class, response("t", "r-0")).bytes())
			.containsExactly(10, 11);
		assertThat(this.hex.read(json.readTree("{\"bytes\":[10,11]}"), Blob.class, response("t", "r-0")).bytes())
			.containsExactly(10, 11);
		assertThat(this.base64.read(json.readTree("{\"bytes\":\"Cgs=\"}"), Blob.class, response("t", "r-0")).bytes())
			.containsExactly(10, 11);
		assertThatExceptionOfType(FairComException.class)
			.isThrownBy(() -> this.hex.read(json.readTree("{\"bytes\":\"xyz\"}"), Blob.class, response("t", "r-0")))
			.withMessageContaining("not hex binary");
	}

	@Test
	void nullIntoAPrimitiveFailsNamingTheFieldWhileWrappersTakeNull() {
		record Primitive(int qty) {
		}
		record Wrapper(Integer qty) {
		}
		JsonNode nullQty = json.readTree("{\"qty\":null}");
		assertThatExceptionOfType(FairComMappingException.class)
			.isThrownBy(() -> this.base64.read(nullQty, Primitive.class, response("getRecordsByTable", "r-1")))
			.withMessageContaining("Could not map a record from db/getRecordsByTable (requestId r-1) to "
					+ Primitive.class.getName() + ": field 'qty': ")
			.withMessageContaining("Cannot map `null` into type `int`")
			.satisfies((ex) -> assertThat(ex.getRequestId()).isEqualTo("r-1"));
		assertThat(this.base64.read(nullQty, Wrapper.class, response("t", "r-0")).qty()).isNull();
		assertThatExceptionOfType(FairComException.class).as("a missing field too, e.g. a column the query left out")
			.isThrownBy(() -> this.base64.read(json.readTree("{}"), Primitive.class, response("t", "r-0")))
			.withMessageContaining("field 'qty'");
		assertThat(this.base64.read(json.readTree("{}"), Wrapper.class, response("t", "r-0")).qty()).isNull();
	}

	@Test
	void aJsonNullRecordFailsWithoutQuotingTheAnswer() {
		record Item(long id) {
		}
		assertThatExceptionOfType(FairComMappingException.class)
			.isThrownBy(() -> this.base64.read(json.readTree("null"), Item.class, response("getRecordsByIds", "r-2")))
			.withMessage("Could not map a record from db/getRecordsByIds (requestId r-2) to " + Item.class.getName()
					+ ": the record is JSON null")
			.satisfies((ex) -> assertThat(ex.getTargetType()).isEqualTo(Item.class.getName()));
	}

	@Test
	void matchesFieldNamesIgnoringCaseAndIgnoresUnknownFields() {
		record Item(long id, long changeId, String name) {
		}
		Item item = this.base64.read(json.readTree("{\"id\":\"1\",\"changeid\":\"42\",\"NAME\":\"bolt\",\"extra\":1}"),
				Item.class, response("t", "r-0"));
		assertThat(item).isEqualTo(new Item(1, 42, "bolt"));
	}

	@Test
	void treesAndMapsAreKeptAsTheServerSentThem() {
		JsonNode record = json.readTree("{\"id\":\"1\",\"tags\":[\"a\"]}");
		assertThat(this.base64.read(record, JsonNode.class, response("t", "r-0"))).isSameAs(record);
		assertThat(this.base64.read(record, Map.class, response("t", "r-0"))).containsEntry("id", "1");
	}

	@Test
	void customizersApplyAfterTheDefaults() {
		record Primitive(int qty) {
		}
		RecordMapper lenient = new RecordMapper(DbSettings.builder()
			.recordMapperCustomizers(List.of((builder) -> builder.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)))
			.build());
		assertThat(lenient.read(json.readTree("{\"qty\":null}"), Primitive.class, response("t", "r-0")).qty()).isZero();
		assertThat(lenient.toObject(sample()).get("date").stringValue()).isEqualTo("2024-03-16");
	}


	private static FairComResponse response(String action, String requestId) {
		return TestResponses.decode("db", action, requestId, "{\"errorCode\":0}", null);
	}

}
