package io.github.faircomclient.test;

import tools.jackson.databind.node.ObjectNode;

/**
 * The changeable settings of one session (createSession/alterSession parameters). The response options
 * object is never modified after construction.
 */
record SessionSettings(String description, String defaultApi, String defaultDebug, String defaultDatabaseName,
		String defaultOwnerName, String defaultBinaryFormat, String defaultVariantFormat,
		ObjectNode defaultResponseOptions, int idleConnectionTimeoutSeconds, int idleCursorTimeoutSeconds) {

	static SessionSettings from(SessionDefaults defaults) {
		return new SessionSettings("", defaults.defaultApi(), defaults.defaultDebug(), defaults.defaultDatabaseName(),
				defaults.defaultOwnerName(), defaults.defaultBinaryFormat(), defaults.defaultVariantFormat(),
				defaults.defaultResponseOptions(), defaults.idleConnectionTimeoutSeconds(),
				defaults.idleCursorTimeoutSeconds());
	}

}
