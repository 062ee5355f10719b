package io.github.faircomclient.db;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.github.faircomclient.FairComMappingException;
import io.github.faircomclient.core.FairComResponse;
import io.github.faircomclient.core.TestResponses;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link FairComValueModule}'s date and time parsing: the fast path for the
 * canonical forms gives what the formatters give, value for value and failure for failure,
 * and a value that names no real date or time fails instead of becoming another one.
 */
class FairComValueModuleTests {

	@ParameterizedTest
	@CsvSource({ "2024-03-16, 2024-03-16", "20240316, 2024-03-16", "2024-02-29, 2024-02-29", "0000-01-01, 0000-01-01" })
	void parsesDates(String text, LocalDate expected) {
		assertThat(FairComValueModule.parseDate(text)).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource({ "17:35, 17:35", "17:35:20, 17:35:20", "17:35:20.5, 17:35:20.500", "17:35:20.500, 17:35:20.500",
			"00:00:00.123456789, 00:00:00.123456789", "173520, 17:35:20", "23:59:59.999999999, 23:59:59.999999999" })
	void parsesTimes(String text, LocalTime expected) {
		assertThat(FairComValueModule.parseTime(text)).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource({ "2024-03-16T17:35:20.500, 2024-03-16T17:35:20.500", "2024-03-16 17:35:20, 2024-03-16T17:35:20",
			"20240316T173520500, 2024-03-16T17:35:20.500", "2024-03-16, 2024-03-16T00:00" })
	void parsesTimestamps(String text, LocalDateTime expected) {
		assertThat(FairComValueModule.parseTimestamp(text)).isEqualTo(expected);
	}

	@ParameterizedTest
	@ValueSource(strings = { "2023-02-30", "2023-02-29", "2024-04-31", "2024-13-01", "2024-00-10", "2024-01-00",
			"20230230", "20240431" })
	void impossibleDatesFailInsteadOfBecomingOtherDates(String text) {
		assertThatExceptionOfType(DateTimeParseException.class).isThrownBy(() -> FairComValueModule.parseDate(text));
		assertThatExceptionOfType(DateTimeParseException.class)
			.isThrownBy(() -> FairComValueModule.parseTimestamp(text + "T10:00:00"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "24:00", "24:00:00", "24:00:00.000", "23:60", "23:59:60", "240000", "236000" })
	void impossibleTimesFailInsteadOfBecomingOtherTimes(String text) {
		assertThatExceptionOfType(DateTimeParseException.class).isThrownBy(() -> FairComValueModule.parseTime(text));
		assertThatExceptionOfType(DateTimeParseException.class)
			.isThrownBy(() -> FairComValueModule.parseTimestamp("2024-03-16T" + text));
	}

	@Test
	void anImpossibleValueInARecordIsAMappingErrorNamingTheFieldAndTheValue() {
		record Event(LocalDate day, LocalTime at) {
		}
		RecordMapper mapper = new RecordMapper(DbSettings.defaults());
		JsonMapper json = JsonMapper.builder().build();
		FairComResponse response = TestResponses.decode("db", "getRecordsByIds", "r-1", "{\"errorCode\":0}", null);
		assertThatExceptionOfType(FairComMappingException.class)
			.isThrownBy(() -> mapper.read(json.readTree("{\"day\":\"2023-02-30\",\"at\":\"10:00\"}"), Event.class,
					response))
			.withMessageContaining("field 'day'")
			.withMessageContaining("\"2023-02-30\"")
			.withMessageContaining("Invalid date 'FEBRUARY 30'");
		assertThatExceptionOfType(FairComMappingException.class)
			.isThrownBy(() -> mapper.read(json.readTree("{\"day\":\"2024-03-16\",\"at\":\"24:00\"}"), Event.class,
					response))
			.withMessageContaining("field 'at'")
			.withMessageContaining("\"24:00\"");
	}

	@Test
	void canonicalFormsParseAsTheFormattersParseThem() {
		List<String> dates = new ArrayList<>(List.of("2024-13-01", "2024-00-10", "2024-01-32", "2024-01-00",
				"2023-02-29", "2024-02-30", "9999-12-31", "+2024-01-01", "12024-01-01", "2024-1-01", "2024/01/01",
				"2024-01-0x", "20241301", "2024013", "202401011", "２０２４-01-01", ""));
		List<String> times = new ArrayList<>(List.of("24:00", "24:00:00", "23:60", "23:59:60", "23:59:59.", "23:59:59.1234567890",
				"23:59:59,5", "7:35", "17:3", "17-35", "17:35:2", "17:35:20.5x", "-1:00", ""));
		Random random = new Random(8);
		for (int i = 0; i < 5000; i++) {
			dates.add(String.format("%04d-%02d-%02d", random.nextInt(10000), random.nextInt(14), random.nextInt(33)));
			dates.add(String.format("%04d%02d%02d", random.nextInt(10000), random.nextInt(14), random.nextInt(33)));
			String fraction = String.format("%09d", random.nextInt(1_000_000_000)).substring(0, 1 + random.nextInt(9));
			times.add(String.format("%02d:%02d", random.nextInt(26), random.nextInt(62)));
			times.add(String.format("%02d:%02d:%02d", random.nextInt(26), random.nextInt(62), random.nextInt(62)));
			times.add(String.format("%02d:%02d:%02d.%s", random.nextInt(26), random.nextInt(62), random.nextInt(62),
					fraction));
		}
		for (String date : dates) {
			assertSameOutcome(date, FairComValueModule::parseDate, FairComValueModule::parseDateWithFormatter);
		}
		for (String time : times) {
			assertSameOutcome(time, FairComValueModule::parseTime, FairComValueModule::parseTimeWithFormatter);
		}
		for (int i = 0; i < 2000; i++) {
			String date = dates.get(random.nextInt(dates.size()));
			String time = times.get(random.nextInt(times.size()));
			String timestamp = date + (random.nextBoolean() ? "T" : " ") + time;
			assertSameOutcome(timestamp, FairComValueModule::parseTimestamp,
					(text) -> LocalDateTime.of(FairComValueModule.parseDateWithFormatter(date),
							FairComValueModule.parseTimeWithFormatter(time)));
		}
	}

	private static <T> void assertSameOutcome(String text, Function<String, T> parse, Function<String, T> reference) {
		Object expected;
		try {
			expected = reference.apply(text);
		}
		catch (RuntimeException ex) {
			expected = ex.getClass();
		}
		Object actual;
		try {
			actual = parse.apply(text);
		}
		catch (RuntimeException ex) {
			actual = ex.getClass();
		}
		assertThat(actual).as(text).isEqualTo(expected);
	}

}
