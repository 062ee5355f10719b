package io.github.faircomclient.test.db;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.faircomclient.test.EmulatorClock;
import io.github.faircomclient.test.spi.ActionContext;
import io.github.faircomclient.test.spi.ActionResult;
import io.github.faircomclient.test.spi.EmulatorPlugin;
import io.github.faircomclient.test.spi.EmulatorPluginContext;
import io.github.faircomclient.test.spi.ReleaseReason;
import io.github.faircomclient.test.spi.Session;
import io.github.faircomclient.test.spi.SessionListener;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The emulator plugin that answers the FairCom DB API ({@code "api": "db"}) from embedded H2
 * databases, and lets tests see each session's open cursors and transactions. A DB action that a
 * plugin installed earlier (one given to {@code FairComEmulator.builder().plugin(...)}) already
 * registered is left to that plugin, so tests can replace single actions.
 */
public final class DbPlugin implements EmulatorPlugin {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	/** The account with administrative privileges (see ProvisionalChoice DB_LIST_TRANSACTIONS). */
	private static final String ADMINISTRATOR = "ADMIN";

	private final @Nullable Path dataDirectory;

	private final Map<String, Session> sessions = new ConcurrentHashMap<>();

	private volatile @Nullable DbApi api;

	private volatile EmulatorClock clock = EmulatorClock.system();

	/**
	 * Creates the plugin with in-memory data.
	 */
	public DbPlugin() {
		this(null);
	}

	/**
	 * Creates the plugin.
	 * @param dataDirectory the folder the data lives in, or {@code null} for in-memory data
	 */
	public DbPlugin(@Nullable Path dataDirectory) {
		this.dataDirectory = dataDirectory;
	}

	@Override
	public void install(EmulatorPluginContext context) {
		this.clock = context.clock();
		if (this.api == null) {
			DbStore store = (this.dataDirectory != null) ? DbStore.inDirectory(this.dataDirectory) : DbStore.inMemory();
			this.api = new DbApi(store, () -> this.clock.now(), this::cursorTimeout);
		}
		context.addSessionListener(new SessionListener() {
			@Override
			public void sessionReleased(Session session, ReleaseReason reason) {
				DbPlugin.this.sessions.remove(session.authToken());
				api().sessionEnded(session.authToken());
			}
		});
		for (String action : DbApi.ACTIONS) {
			if (context.actions().find("db", action).isEmpty()) {
				context.actions().register("db", action, this::handle);
			}
		}
	}

	private long cursorTimeout(String sessionKey) {
		Session session = this.sessions.get(sessionKey);
		return (session != null) ? session.idleCursorTimeoutSeconds() : 600;
	}

	private DbApi api() {
		DbApi current = this.api;
		if (current == null) {
			throw new IllegalStateException("The DB plugin is not installed");
		}
		return current;
	}

	private ActionResult handle(ActionContext context) {
		Session session = context.requiredSession();
		this.sessions.put(session.authToken(), session);
		Context request = new Context(context, session);
		ActionResult answer;
		try {
			RecordFormat format = format(context, session);
			request.format = format;
			ObjectNode result = api().handle(context.action(), context.params().node(), request);
			answer = (result != null) ? ActionResult.success(result) : ActionResult.successWithoutResult();
		}
		catch (DbException ex) {
			answer = ActionResult.error(ex.errorCode(), ex.getMessage());
		}
		for (String[] warning : request.warnings) {
			answer = answer.withWarning(Integer.parseInt(warning[0]), warning[1]);
		}
		ObjectNode supplied = NODES.objectNode();
		supplied.put("databaseName", request.supplied.get("databaseName"));
		supplied.put("ownerName", request.supplied.get("ownerName"));
		answer = answer.withDebugInfo("serverSuppliedValues", supplied);
		ObjectNode errorData = NODES.objectNode();
		errorData.putNull("errorData");
		answer = answer.withDebugInfo("errorData", errorData);
		if (request.warnings.isEmpty()) {
			answer = answer.withDebugInfo("warnings", NODES.arrayNode());
		}
		return answer;
	}

	private static RecordFormat format(ActionContext context, Session session) {
		JsonNode options = context.responseOptions();
		JsonNode defaults = session.defaultResponseOptions();
		String dataFormat = option(options, defaults, "dataFormat", RecordFormat.DEFAULT.dataFormat());
		String numberFormat = option(options, defaults, "numberFormat", RecordFormat.DEFAULT.numberFormat());
		String binaryFormat = option(options, defaults, "binaryFormat", session.defaultBinaryFormat());
		return new RecordFormat(dataFormat, numberFormat, binaryFormat, names(options, "includeFields"),
				names(options, "excludeFields"));
	}

	private static String option(JsonNode options, JsonNode defaults, String name, String fallback) {
		if (options.path(name).isString()) {
			return options.get(name).stringValue();
		}
		if (defaults.path(name).isString()) {
			return defaults.get(name).stringValue();
		}
		return fallback;
	}

	private static List<String> names(JsonNode options, String name) {
		List<String> names = new ArrayList<>();
		for (JsonNode element : options.path(name)) {
			if (element.isString()) {
				names.add(element.stringValue());
			}
		}
		return names;
	}

	/**
	 * Describes the open cursors of every session.
	 * @return the cursors
	 */
	public List<DbApi.CursorInfo> openCursors() {
		return api().openCursors();
	}

	/**
	 * Describes the open cursors of one session.
	 * @param authToken the session's token
	 * @return the cursors
	 */
	public List<DbApi.CursorInfo> openCursors(String authToken) {
		return api().openCursors(authToken);
	}

	/**
	 * Describes the open transactions of every session.
	 * @return the transactions
	 */
	public List<DbApi.TransactionInfo> openTransactions() {
		return api().openTransactions();
	}

	/**
	 * Describes the open transactions of one session.
	 * @param authToken the session's token
	 * @return the transactions
	 */
	public List<DbApi.TransactionInfo> openTransactions(String authToken) {
		return api().openTransactions(authToken);
	}

	@Override
	public void close() {
		DbApi current = this.api;
		this.api = null;
		if (current != null) {
			current.close();
		}
	}

	private final class Context implements DbRequestContext {

		private final ActionContext action;

		private final Session session;

		private RecordFormat format = RecordFormat.DEFAULT;

		private final List<String[]> warnings = new ArrayList<>();

		private final Map<String, @Nullable String> supplied = new LinkedHashMap<>();

		Context(ActionContext action, Session session) {
			this.action = action;
			this.session = session;
		}

		@Override
		public String sessionKey() {
			return this.session.authToken();
		}

		@Override
		public String username() {
			return this.session.username();
		}

		@Override
		public boolean administrator() {
			return ADMINISTRATOR.equalsIgnoreCase(this.session.username());
		}

		@Override
		public String defaultDatabaseName() {
			return this.session.defaultDatabaseName();
		}

		@Override
		public String defaultOwnerName() {
			return this.session.defaultOwnerName();
		}

		@Override
		public Instant now() {
			return this.action.clock().now();
		}

		@Override
		public ZoneId zone() {
			return this.action.clock().zone();
		}

		@Override
		public RecordFormat format() {
			return this.format;
		}

		@Override
		public void addWarning(int code, String message) {
			this.warnings.add(new String[] { Integer.toString(code), message });
		}

		@Override
		public void serverSuppliedValue(String name, @Nullable String value) {
			this.supplied.put(name, value);
		}
	}
}
