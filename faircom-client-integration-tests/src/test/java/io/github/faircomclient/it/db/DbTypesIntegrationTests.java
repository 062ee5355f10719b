package io.github.faircomclient.it.db;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.github.faircomclient.FairComException;
import io.github.faircomclient.core.FairComTemplate;
import io.github.faircomclient.db.BinaryFormat;
import io.github.faircomclient.db.DbOperations;
import io.github.faircomclient.db.DbSettings;
import io.github.faircomclient.db.FieldDefinition;
import io.github.faircomclient.db.TableDefinition;
import io.github.faircomclient.test.FairComEmulator;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The Java ↔ FairCom type table against the emulator: every documented field type written
 * from Java, read back through getRecordsByIds and SQL, and checked as the server stored
 * and returned it, with binary values as base64 and as hex.
 */
class DbTypesIntegrationTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static FairComEmulator emulator;

	record AllTypes(long id, Boolean fBit, Byte fTinyint, Short fSmallint, Integer fInteger, Long fBigint, Float fReal,
			Double fFloat, BigDecimal fNumber, BigDecimal fMoney, LocalDate fDate, LocalTime fTime,
			LocalDateTime fTimestamp, String fChar, String fVarchar, String fLvarchar, byte[] fBinary,
			byte[] fVarbinary, byte[] fLvarbinary, JsonNode fJson) {
	}

	record Primitives(long id, int fInteger) {
	}

	@BeforeAll
	static void start() {
		emulator = FairComEmulator.builder().httpPort(0).user("app", "secret").build().start();
	}

	@AfterAll
	static void stop() {
		emulator.stop();
	}

	private static AllTypes extremes() {
		return new AllTypes(1, true, Byte.MIN_VALUE, Short.MAX_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE, 1.5f,
				Math.PI, new BigDecimal("12345678901234567890.123456789012"), new BigDecimal("-99999999999999.9999"),
				LocalDate.of(1963, 2, 17), LocalTime.of(23, 59, 59, 999_000_000),
				LocalDateTime.of(2024, 2, 29, 12, 0, 0, 1_000_000), "ab  ", "héllo wörld", "x".repeat(5000),
				new byte[] { 0, 1, (byte) 0xFF }, new byte[] { (byte) 0xCA, (byte) 0xFE },
				new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, json.readTree("{\"tags\":[\"a\",1,true,null]}"));
	}

	private static AllTypes nulls() {
		return new AllTypes(2, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
				null, null, null, null, null);
	}

	@ParameterizedTest
	@EnumSource(BinaryFormat.class)
	void everyTypeRoundTripsAndTravelsInFairComsForm(BinaryFormat binaryFormat) {
		FairComTemplate template = FairComTemplate.builder()
			.url(emulator.httpUrl())
			.credentials("app", "secret")
			.dbSettings(DbSettings.builder().binaryFormat(binaryFormat).build())
			.build();
		String table = "types_" + binaryFormat.value();
		try {
			DbOperations db = template.db();
			db.createTable(TableDefinition.builder(table)
				.field(FieldDefinition.bit("fBit"))
				.field(FieldDefinition.tinyint("fTinyint"))
				.field(FieldDefinition.smallint("fSmallint"))
				.field(FieldDefinition.integer("fInteger"))
				.field(FieldDefinition.bigint("fBigint"))
				.field(FieldDefinition.real("fReal"))
				.field(FieldDefinition.float64("fFloat"))
				.field(FieldDefinition.number("fNumber", 32, 12))
				.field(FieldDefinition.money("fMoney", 32, 4))
				.field(FieldDefinition.date("fDate"))
				.field(FieldDefinition.time("fTime"))
				.field(FieldDefinition.timestamp("fTimestamp"))
				.field(FieldDefinition.fixedChar("fChar", 4))
				.field(FieldDefinition.varchar("fVarchar", 30))
				.field(FieldDefinition.lvarchar("fLvarchar"))
				.field(FieldDefinition.binary("fBinary", 3))
				.field(FieldDefinition.varbinary("fVarbinary", 10))
				.field(FieldDefinition.lvarbinary("fLvarbinary"))
				.field(FieldDefinition.json("fJson"))
				.build());
			db.insert(table, List.of(extremes(), nulls()));

			List<AllTypes> byIds = db.getRecordsByIds(table, List.of(1, 2), AllTypes.class);
			List<AllTypes> bySql = db.query("SELECT * FROM " + table + " ORDER BY id", AllTypes.class);
			for (List<AllTypes> read : List.of(byIds, bySql)) {
				assertThat(read.get(0)).usingRecursiveComparison()
					.withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
					.isEqualTo(extremes());
				assertThat(read.get(0).fMoney()).hasScaleOf(4);
				assertThat(read.get(1)).usingRecursiveComparison().ignoringFields("fJson").isEqualTo(nulls());
				assertThat(read.get(1).fJson().isNull()).as("a JsonNode field holds JSON null as NullNode").isTrue();
			}

			JsonNode stored = db.getRecordsByIds(table, List.of(1), JsonNode.class).get(0);
			assertThat(stored.get("fBit").booleanValue()).isTrue();
			assertThat(stored.get("fBigint").stringValue()).isEqualTo("9223372036854775807");
			assertThat(stored.get("fNumber").stringValue()).isEqualTo("12345678901234567890.123456789012");
			assertThat(stored.get("fMoney").stringValue()).isEqualTo("-99999999999999.9999");
			assertThat(stored.get("fDate").stringValue()).isEqualTo("1963-02-17");
			assertThat(stored.get("fTime").stringValue()).isEqualTo("23:59:59.999");
			assertThat(stored.get("fTimestamp").stringValue()).isEqualTo("2024-02-29T12:00:00.001");
			assertThat(stored.get("fChar").stringValue()).isEqualTo("ab  ");
			assertThat(stored.get("fJson")).isEqualTo(json.readTree("{\"tags\":[\"a\",1,true,null]}"));
			assertThat(stored.get("fBinary").stringValue())
				.isEqualTo((binaryFormat == BinaryFormat.HEX) ? "0001FF" : "AAH/");
			assertThat(stored.get("fVarbinary").stringValue())
				.isEqualTo((binaryFormat == BinaryFormat.HEX) ? "CAFE" : "yv4=");

			assertThat(db.getRecordsByIds(table, List.of(2), Map.class).get(0)).containsEntry("fInteger", null);
			assertThatExceptionOfType(FairComException.class)
				.isThrownBy(() -> db.getRecordsByIds(table, List.of(2), Primitives.class))
				.withMessageContaining("Cannot map `null` into type `int`")
				.withMessageContaining("fInteger");
			assertThat(db.getRecordsByIds(table, List.of(1), Primitives.class))
				.containsExactly(new Primitives(1, Integer.MIN_VALUE));
			db.deleteTables(table);
		}
		finally {
			template.destroy();
		}
	}

}
