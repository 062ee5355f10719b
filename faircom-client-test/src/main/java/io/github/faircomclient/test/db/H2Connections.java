package io.github.faircomclient.test.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

import org.h2.Driver;

/**
 * Opens the emulator's H2 connections through H2's driver itself rather than
 * {@link java.sql.DriverManager}, which only hands out drivers that the caller's class
 * loader sees as the registered class: the emulator then also works when its classes are
 * loaded again by another class loader (a restart class loader, the forked class loader of
 * a test that compiles AOT-generated code).
 */
final class H2Connections {

	private static final Driver driver = Driver.load();

	private H2Connections() {
	}

	/**
	 * Open a connection as the H2 administrator.
	 * @param url the H2 url
	 * @return the connection
	 * @throws SQLException when H2 fails
	 */
	static Connection open(String url) throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", "sa");
		properties.setProperty("password", "");
		Connection connection = driver.connect(url, properties);
		if (connection == null) {
			throw new SQLException("Not an H2 url: " + url);
		}
		return connection;
	}

}
