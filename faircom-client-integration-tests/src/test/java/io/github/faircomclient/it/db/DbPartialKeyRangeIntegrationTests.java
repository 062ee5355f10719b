package io.github.faircomclient.it.db;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.github.faircomclient.FairComRecordLimitExceededException;
import io.github.faircomclient.core.FairComTemplate;
import io.github.faircomclient.db.Cursor;
import io.github.faircomclient.db.CursorFetch;
import io.github.faircomclient.db.DbOperations;
import io.github.faircomclient.db.FieldDefinition;
import io.github.faircomclient.db.IndexDefinition;
import io.github.faircomclient.db.IndexField;
import io.github.faircomclient.db.PartialKey;
import io.github.faircomclient.db.TableDefinition;
import io.github.faircomclient.test.FairComEmulator;
import io.github.faircomclient.test.db.DbPlugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code getRecordsByPartialKeyRange} through {@code template.db()} against the emulator
 * over HTTP: both forms of the partial key, every query form, and a cursor on a key that
 * matches nothing, which FairCom documents stands after the last record of the index.
 */
class DbPartialKeyRangeIntegrationTests {

	private static FairComEmulator emulator;

	private static FairComTemplate template;

	private static DbOperations db;

	private static DbPlugin server;

	record Athlete(long id, String name, String team, int ranking) {
	}

	@BeforeAll
	static void start() {
		emulator = FairComEmulator.builder().httpPort(0).user("app", "secret").build().start();
		server = emulator.plugin(DbPlugin.class).orElseThrow();
		template = FairComTemplate.builder().url(emulator.httpUrl()).credentials("app", "secret").build();
		db = template.db();
		db.createTable(TableDefinition.builder("athlete")
			.field(FieldDefinition.varchar("name", 30))
			.field(FieldDefinition.varchar("team", 20))
			.field(FieldDefinition.integer("ranking"))
			.build());
		db.createIndex(IndexDefinition.builder("athlete", "name_idx").field("name").build());
		db.createIndex(IndexDefinition.builder("athlete", "team_name")
			.field("team")
			.field(IndexField.of("name").ignoringCase())
			.build());
		db.insert("athlete", List.of(new Athlete(0, "Michael Jordan", "Bulls", 1), new Athlete(0, "Babe Ruth", "Yankees", 2),
				new Athlete(0, "Muhammad Ali", "none", 3), new Athlete(0, "Mia Hamm", "USA", 4),
				new Athlete(0, "Mike Tyson", "none", 5), new Athlete(0, "Scottie Pippen", "Bulls", 6),
				new Athlete(0, "Mickey Mantle", "Yankees", 7)));
	}

	@AfterAll
	static void stop() {
		template.destroy();
		emulator.stop();
	}

	@AfterEach
	void nothingLeftOpen() {
		assertThat(server.openCursors()).isEmpty();
	}

	private static List<String> names(List<Athlete> athletes) {
		return athletes.stream().map(Athlete::name).toList();
	}

	@Test
	void aPrefixFindsTheKeysThatStartWithItInIndexOrder() {
		List<Athlete> mi = db.getRecordsByPartialKeyRange("athlete", PartialKey.prefix("name_idx", "Mi")).list(Athlete.class);
		assertThat(names(mi)).containsExactly("Mia Hamm", "Michael Jordan", "Mickey Mantle", "Mike Tyson");
		assertThat(names(db.getRecordsByPartialKeyRange("athlete", PartialKey.prefix("name_idx", "Mi"))
			.tableFilter("ranking > 1")
			.reverseOrder()
			.skip(1)
			.list(Athlete.class))).containsExactly("Mickey Mantle", "Mia Hamm");
		assertThat(db.getRecordsByPartialKeyRange("athlete", PartialKey.prefix("name_idx", "")).list(Athlete.class))
			.as("an empty prefix matches every key")
			.hasSize(7);
		assertThat(db.getRecordsByPartialKeyRange("athlete", PartialKey.prefix("name_idx", "Zz")).list(Athlete.class))
			.isEmpty();
	}

	@Test
	void valuesMatchTheFirstIndexFieldsAndTheLastMayBeAPrefix() {
		assertThat(names(db.getRecordsByPartialKeyRange("athlete", PartialKey.values("team_name", "Bulls"))
			.list(Athlete.class))).containsExactly("Michael Jordan", "Scottie Pippen");
		assertThat(names(db.getRecordsByPartialKeyRange("athlete", PartialKey.values("team_name", "Yankees", "m"))
			.list(Athlete.class))).as("the name segment ignores case").containsExactly("Mickey Mantle");
	}

	@Test
	void itStreamsHasALimitAndOpensACursor() {
		PartialKey m = PartialKey.prefix("name_idx", "M");
		assertThatExceptionOfType(FairComRecordLimitExceededException.class)
			.isThrownBy(() -> db.getRecordsByPartialKeyRange("athlete", m).limit(4).list(Athlete.class));
		List<String> streamed = db.getRecordsByPartialKeyRange("athlete", m)
			.fetchSize(2)
			.stream(Athlete.class, (athletes) -> athletes.map(Athlete::name).toList());
		assertThat(streamed).containsExactly("Mia Hamm", "Michael Jordan", "Mickey Mantle", "Mike Tyson",
				"Muhammad Ali");
		try (Cursor<Athlete> cursor = db.getRecordsByPartialKeyRange("athlete", m).cursor(Athlete.class)) {
			assertThat(names(cursor.fetch(CursorFetch.backward(2).fromEnd()))).containsExactly("Muhammad Ali",
					"Mike Tyson");
			assertThat(names(cursor.fetch(CursorFetch.forward(1).fromBeginning().skip(1))))
				.containsExactly("Michael Jordan");
		}
		long counted = db.getRecordsByPartialKeyRange("athlete", m).stream(Athlete.class, Stream::count);
		assertThat(counted).isEqualTo(5);
	}

	@Test
	void aCursorOnAKeyThatMatchesNothingStandsAfterTheLastRecordOfTheIndex() {
		try (Cursor<Athlete> cursor = db.getRecordsByPartialKeyRange("athlete", PartialKey.prefix("name_idx", "Zz"))
			.cursor(Athlete.class)) {
			assertThat(cursor.fetch(5)).as("nothing after it").isEmpty();
			assertThat(names(cursor.fetchBackward(2))).as("the last records of the index before it")
				.containsExactly("Scottie Pippen", "Muhammad Ali");
		}
	}

}
