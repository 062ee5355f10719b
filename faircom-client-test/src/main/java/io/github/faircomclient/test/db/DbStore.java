package io.github.faircomclient.test.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import org.jspecify.annotations.Nullable;

/**
 * The emulator's data: one H2 database per FairCom database (in memory with a unique name by
 * default, or files in a folder), plus a small system database that lists them.
 */
public final class DbStore implements AutoCloseable {

	/** The databases every emulator starts with, as in FairCom DB's documentation examples. */
	public static final List<String> DEFAULT_DATABASES = List.of("ctreeSQL", "faircom");

	static final String URL_OPTIONS = ";DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;LOCK_TIMEOUT=2000";

	private final String urlPrefix;

	private final boolean inMemory;

	private final Connection system;

	private final ReentrantLock lock = new ReentrantLock();

	private final Map<String, Database> databases = new ConcurrentHashMap<>();

	/**
	 * Opens a store in memory under a unique name.
	 * @return the store
	 */
	public static DbStore inMemory() {
		return new DbStore("jdbc:h2:mem:faircom-emulator-" + UUID.randomUUID() + "-", true);
	}

	/**
	 * Opens (or creates) a store whose data lives in files in a folder and survives a restart.
	 * @param directory the folder
	 * @return the store
	 */
	public static DbStore inDirectory(Path directory) {
		try {
			Files.createDirectories(directory);
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException("Cannot create the emulator's data folder " + directory, ex);
		}
		return new DbStore("jdbc:h2:file:" + directory.toAbsolutePath().toString().replace('\\', '/') + "/", false);
	}

	private DbStore(String urlPrefix, boolean inMemory) {
		this.urlPrefix = urlPrefix;
		this.inMemory = inMemory;
		try {
			this.system = H2Connections.open(url("system"));
			try (Statement statement = this.system.createStatement()) {
				statement.execute("CREATE TABLE IF NOT EXISTS databases (name VARCHAR(64) PRIMARY KEY, "
						+ "uid BIGINT NOT NULL, path VARCHAR(8192) NOT NULL, h2key VARCHAR(64) NOT NULL)");
				statement.execute("CREATE SEQUENCE IF NOT EXISTS uids START WITH 1000");
			}
			loadDatabases();
			for (String name : DEFAULT_DATABASES) {
				if (find(name) == null) {
					createDatabase(name, null);
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot open the emulator's H2 store", ex);
		}
	}

	private String url(String key) {
		return this.urlPrefix + key + (this.inMemory ? ";DB_CLOSE_DELAY=-1" : ";DB_CLOSE_ON_EXIT=FALSE") + URL_OPTIONS;
	}

	private void loadDatabases() throws SQLException {
		try (Statement statement = this.system.createStatement();
				ResultSet rs = statement.executeQuery("SELECT name, uid, path, h2key FROM databases")) {
			while (rs.next()) {
				Database database = new Database(rs.getString(1), rs.getLong(2), rs.getString(3),
						url(rs.getString(4)), this);
				this.databases.put(key(database.name()), database);
			}
		}
	}

	private static String key(String name) {
		return name.toLowerCase(Locale.ROOT);
	}

	/**
	 * Returns a new uid (for databases and tables).
	 * @return the uid
	 */
	public long nextUid() {
		this.lock.lock();
		try (Statement statement = this.system.createStatement();
				ResultSet rs = statement.executeQuery("SELECT NEXT VALUE FOR uids")) {
			rs.next();
			return rs.getLong(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Lists the databases sorted by name.
	 * @return the databases
	 */
	public List<Database> databases() {
		List<Database> list = new ArrayList<>(this.databases.values());
		list.sort(Comparator.comparing(Database::name, String.CASE_INSENSITIVE_ORDER));
		return list;
	}

	/**
	 * Finds a database by name, ignoring case.
	 * @param name the name
	 * @return the database, or {@code null}
	 */
	public @Nullable Database find(String name) {
		return this.databases.get(key(name));
	}

	/**
	 * Finds a database or fails with the provisional database-not-found error.
	 * @param name the name
	 * @return the database
	 */
	public Database require(String name) {
		Database database = find(name);
		if (database == null) {
			throw DbError.DATABASE_NOT_FOUND.exception(name);
		}
		return database;
	}

	/**
	 * Creates a database.
	 * @param name the name as declared
	 * @param path the folder it is reported under ({@code null} = the server's folder)
	 * @return the new database
	 * @throws DbException 4021 when the database exists
	 */
	public Database createDatabase(String name, @Nullable String path) {
		this.lock.lock();
		try {
			if (find(name) != null) {
				throw DbError.DATABASE_EXISTS.exception();
			}
			String folder = (path == null || path.isEmpty()) ? "." : path;
			String separator = folder.endsWith("\\") || folder.endsWith("/") ? "" : "\\";
			String reported = folder + separator + name + ".dbs\\SQL_SYS";
			long uid = nextUid();
			String h2key = "db" + uid;
			try (PreparedStatement insert = this.system
				.prepareStatement("INSERT INTO databases (name, uid, path, h2key) VALUES (?, ?, ?, ?)")) {
				insert.setString(1, name);
				insert.setLong(2, uid);
				insert.setString(3, reported);
				insert.setString(4, h2key);
				insert.executeUpdate();
			}
			Database database = new Database(name, uid, reported, url(h2key), this);
			database.catalog().initialize();
			this.databases.put(key(name), database);
			return database;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Deletes a database and all its data.
	 * @param name the name
	 * @return the deleted database, or {@code null} when there was none
	 */
	public @Nullable Database deleteDatabase(String name) {
		this.lock.lock();
		try {
			Database database = this.databases.remove(key(name));
			if (database == null) {
				return null;
			}
			try (PreparedStatement delete = this.system.prepareStatement("DELETE FROM databases WHERE name = ?")) {
				delete.setString(1, database.name());
				delete.executeUpdate();
			}
			database.shutdown(true);
			return database;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Closes every H2 database (in-memory data is lost, file data stays).
	 */
	@Override
	public void close() {
		this.lock.lock();
		try {
			for (Database database : this.databases.values()) {
				database.shutdown(false);
			}
			this.databases.clear();
			try (Statement statement = this.system.createStatement()) {
				statement.execute("SHUTDOWN");
			}
			catch (SQLException ex) {
				// already closed
			}
		}
		finally {
			this.lock.unlock();
		}
	}
}
