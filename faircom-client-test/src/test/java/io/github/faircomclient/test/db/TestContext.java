package io.github.faircomclient.test.db;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A request context for unit tests: a fixed session, settable defaults and formats, recorded
 * warnings and server-supplied values.
 */
final class TestContext implements DbRequestContext {

	final String sessionKey;

	String database = "ctreeSQL";

	String owner = "admin";

	String username = "ADMIN";

	boolean administrator = true;

	RecordFormat format = RecordFormat.DEFAULT;

	final List<String> warnings = new ArrayList<>();

	final Map<String, @Nullable String> supplied = new LinkedHashMap<>();

	private final MutableClock clock;

	TestContext(String sessionKey, MutableClock clock) {
		this.sessionKey = sessionKey;
		this.clock = clock;
	}

	@Override
	public String sessionKey() {
		return this.sessionKey;
	}

	@Override
	public String username() {
		return this.username;
	}

	@Override
	public boolean administrator() {
		return this.administrator;
	}

	@Override
	public String defaultDatabaseName() {
		return this.database;
	}

	@Override
	public String defaultOwnerName() {
		return this.owner;
	}

	@Override
	public Instant now() {
		return this.clock.now();
	}

	@Override
	public RecordFormat format() {
		return this.format;
	}

	@Override
	public void addWarning(int code, String message) {
		this.warnings.add(code + " " + message);
	}

	@Override
	public void serverSuppliedValue(String name, @Nullable String value) {
		this.supplied.put(name, value);
	}

	/** A clock tests move by hand. */
	static final class MutableClock {

		private volatile Instant now = Instant.parse("2026-01-01T10:00:00Z");

		Instant now() {
			return this.now;
		}

		void advanceSeconds(long seconds) {
			this.now = this.now.plusSeconds(seconds);
		}
	}
}
