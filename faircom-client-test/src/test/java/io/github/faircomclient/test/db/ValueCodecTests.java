package io.github.faircomclient.test.db;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests {@link ValueCodec} and {@link FilterTranslator}.
 */
class ValueCodecTests {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static FieldDefinition field(FieldType type) {
		return new FieldDefinition("f", type, type.defaultLength(), type.defaultScale(), true, null, 0, AutoValue.NONE);
	}

	@Test
	void datesTimesAndTimestampsAcceptDocumentedForms() {
		assertThat(ValueCodec.toJdbc(field(FieldType.DATE), NODES.stringNode("19630217"), "hex"))
			.isEqualTo(LocalDate.of(1963, 2, 17));
		assertThat(ValueCodec.toJdbc(field(FieldType.DATE), NODES.stringNode("1963-02-17"), "hex"))
			.isEqualTo(LocalDate.of(1963, 2, 17));
		assertThat(ValueCodec.toJdbc(field(FieldType.TIME), NODES.stringNode("235958123"), "hex"))
			.isEqualTo(LocalTime.of(23, 59, 58, 123_000_000));
		assertThat(ValueCodec.toJdbc(field(FieldType.TIMESTAMP), NODES.stringNode("20260101T101112345"), "hex"))
			.isEqualTo(LocalDateTime.of(2026, 1, 1, 10, 11, 12, 345_000_000));
		assertThat(ValueCodec.toJdbc(field(FieldType.TIMESTAMP), NODES.stringNode("2026-01-01 10:11:12"), "hex"))
			.isEqualTo(LocalDateTime.of(2026, 1, 1, 10, 11, 12));
	}

	@Test
	void numbersAcceptStringsAndRejectNonsense() {
		assertThat(ValueCodec.toJdbc(field(FieldType.BIGINT), NODES.stringNode("2"), "hex")).isEqualTo(2L);
		assertThat(ValueCodec.toJdbc(field(FieldType.MONEY), NODES.numberNode(1700000000), "hex"))
			.isEqualTo(new BigDecimal(1700000000));
		assertThatExceptionOfType(DbException.class)
			.isThrownBy(() -> ValueCodec.toJdbc(field(FieldType.INTEGER), NODES.stringNode("two"), "hex"))
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(DbError.INVALID_VALUE.code()));
		assertThatExceptionOfType(DbException.class)
			.isThrownBy(() -> ValueCodec.toJdbc(field(FieldType.INTEGER), NODES.numberNode(1.5), "hex"));
	}

	@Test
	void binaryFormats() {
		byte[] bytes = { 0, (byte) 0xFF, 16 };
		assertThat((byte[]) ValueCodec.toJdbc(field(FieldType.VARBINARY), NODES.stringNode("00ff10"), "hex"))
			.containsExactly(bytes);
		assertThat((byte[]) ValueCodec.toJdbc(field(FieldType.VARBINARY), NODES.stringNode("AP8Q"), "base64"))
			.containsExactly(bytes);
		assertThat(ValueCodec.binary(bytes, "hex").asString()).isEqualTo("00FF10");
		assertThat(ValueCodec.binary(bytes, "base64").asString()).isEqualTo("AP8Q");
		assertThat(ValueCodec.binary(bytes, "byteArray").toString()).isEqualTo("[0,255,16]");
	}

	@Test
	void filterExpressionsBecomeSqlOverDeclaredNames() {
		TableDefinition table = new TableDefinition("ctreeSQL", "admin", "athlete", 1,
				List.of(field(FieldType.SMALLINT), new FieldDefinition("livedPast2000", FieldType.BIT,
						null, null, true, null, 0, AutoValue.NONE)),
				List.of(), null);
		assertThat(FilterTranslator.translate("f <= 3 && livedpast2000 == 1", table))
			.isEqualTo("\"f\" <= 3 AND CAST(\"livedPast2000\" AS INTEGER) = 1");
		assertThat(FilterTranslator.translate("f < \"W'\"", table)).isEqualTo("\"f\" < 'W'''");
		assertThatExceptionOfType(DbException.class).isThrownBy(() -> FilterTranslator.translate("f; DROP", table));
		assertThatExceptionOfType(DbException.class)
			.isThrownBy(() -> FilterTranslator.translate("nope = 1", table))
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(DbError.FIELD_NOT_FOUND.code()));
	}
}
