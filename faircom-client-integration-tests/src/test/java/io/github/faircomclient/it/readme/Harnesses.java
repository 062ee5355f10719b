package io.github.faircomclient.it.readme;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import io.github.faircomclient.test.FairComEmulator;
import io.github.faircomclient.test.FairComEmulatorBuilder;

/**
 * What each README example needs around it to compile and run, by the name in its
 * {@code <!-- snippet: name -->} comment: the kind of code it is, the package it shares
 * with the examples it goes with, members and setup the example takes for granted (its
 * tables, its {@code Item} record, a {@code SecretStore}), and checks that it did what the
 * README says. An example the README adds without a harness fails the test, and so does a
 * harness without its example.
 */
final class Harnesses {

	/**
	 * What code an example is.
	 */
	enum Kind {

		/**
		 * The imports every example may use; not run.
		 */
		IMPORTS,

		/**
		 * Statements, run with {@code faircom} (a template) and {@code db} ({@code faircom.db()})
		 * in scope unless the harness has no prelude.
		 */
		STATEMENTS,

		/**
		 * Members of a class (a {@code @Bean} or {@code @EventListener} method), called by the
		 * harness's checks.
		 */
		MEMBERS,

		/**
		 * Whole classes, used by the harness's checks.
		 */
		CLASSES,

		/**
		 * A JUnit test class, run with the JUnit platform.
		 */
		JUNIT

	}

	/**
	 * The harness of one example.
	 *
	 * @param kind what the example is
	 * @param group the package it is compiled in, shared with the examples it goes with
	 * @param prelude whether {@code faircom} and {@code db} are declared for it
	 * @param members members of the class around it
	 * @param before statements before it
	 * @param after statements after it: its checks
	 * @param imports imports the harness's own code needs
	 * @param emulator how the example's emulator is built
	 * @param example how the example's text is adapted to the emulator (its example urls)
	 */
	record Harness(Kind kind, String group, boolean prelude, String members, String before, String after,
			List<String> imports, UnaryOperator<FairComEmulatorBuilder> emulator, UnaryOperator<String> example) {

		Harness members(String members) {
			return new Harness(this.kind, this.group, this.prelude, members, this.before, this.after, this.imports,
					this.emulator, this.example);
		}

		Harness before(String before) {
			return new Harness(this.kind, this.group, this.prelude, this.members, before, this.after, this.imports,
					this.emulator, this.example);
		}

		Harness after(String after) {
			return new Harness(this.kind, this.group, this.prelude, this.members, this.before, after, this.imports,
					this.emulator, this.example);
		}

		Harness imports(String... imports) {
			return new Harness(this.kind, this.group, this.prelude, this.members, this.before, this.after,
					List.of(imports), this.emulator, this.example);
		}

		Harness withoutPrelude() {
			return new Harness(this.kind, this.group, false, this.members, this.before, this.after, this.imports,
					this.emulator, this.example);
		}

		Harness emulator(UnaryOperator<FairComEmulatorBuilder> emulator) {
			return new Harness(this.kind, this.group, this.prelude, this.members, this.before, this.after,
					this.imports, emulator, this.example);
		}

		Harness example(UnaryOperator<String> example) {
			return new Harness(this.kind, this.group, this.prelude, this.members, this.before, this.after,
					this.imports, this.emulator, example);
		}

	}

	private static final String TRANSACTION_SUPPORT = """
			@Configuration(proxyBeanMethods = false)
			@org.springframework.transaction.annotation.EnableTransactionManagement
			class TransactionSupport {
			}
			""";

	private static final String ITEMS = """
			faircom.db().createTable(TableDefinition.builder("items")
				.field(FieldDefinition.varchar("name", 50))
				.field(FieldDefinition.integer("qty"))
				.field(FieldDefinition.money("price", 32, 4))
				.field(FieldDefinition.timestamp("created").autoValue(AutoValue.TIMESTAMP_ON_INSERT))
				.build());
			faircom.db().createIndex(IndexDefinition.builder("items", "created_idx").field(IndexField.of("created"))
				.build());
			""";

	/**
	 * Support sources a group needs besides its examples: the application class a
	 * {@code @SpringBootTest} finds and a bean that hands over the context
	 * {@code TestInventoryApplication} starts (added with {@code spring.main.sources}), the
	 * {@code SecretStore} the session manager example reads.
	 */
	static final Map<String, Map<String, String>> SUPPORT = Map.of("edge", Map.of("InventoryApplication", """
			@org.springframework.boot.autoconfigure.SpringBootApplication
			public class InventoryApplication {

				public static void main(String[] args) {
					SpringApplication.run(InventoryApplication.class, args);
				}

			}
			"""), "app", Map.of("InventoryApplication", """
			@org.springframework.boot.autoconfigure.SpringBootApplication
			public class InventoryApplication {

				public static void main(String[] args) {
					SpringApplication.run(InventoryApplication.class, args);
				}

			}
			""", "ContextCapture", """
			public class ContextCapture implements org.springframework.context.ApplicationContextAware {

				static final AtomicReference<org.springframework.context.ConfigurableApplicationContext> LAST =
						new AtomicReference<>();

				@Override
				public void setApplicationContext(org.springframework.context.ApplicationContext context) {
					LAST.set((org.springframework.context.ConfigurableApplicationContext) context);
				}

			}
			"""), "rotating", Map.of("SecretStore", """
			interface SecretStore {

				String read(String key);

			}
			"""), "transactional", Map.of("Account", """
			record Account(long id, long changeId, String owner, long balance) {

				Account withdraw(long amount) {
					return new Account(this.id, this.changeId, this.owner, this.balance - amount);
				}

				Account deposit(long amount) {
					return new Account(this.id, this.changeId, this.owner, this.balance + amount);
				}

			}
			""", "TransactionSupport", TRANSACTION_SUPPORT), "twomanagers", Map.of("Order", """
			record Order(String item, int qty) {
			}
			""", "TransactionSupport", TRANSACTION_SUPPORT), "mqlisteners", Map.of("OrderPlaced", """
			record OrderPlaced(String orderId, int lines) {
			}
			""", "QuoteRequest", """
			record QuoteRequest(String sku, int qty) {
			}
			""", "Quote", """
			record Quote(String sku, double price) {
			}
			""", "Invoices", """
			class Invoices {

				private final List<OrderPlaced> created = new java.util.concurrent.CopyOnWriteArrayList<>();

				void create(OrderPlaced order) {
					this.created.add(order);
				}

				List<OrderPlaced> created() {
					return this.created;
				}

			}
			""", "Pricing", """
			class Pricing {

				Quote quote(QuoteRequest request) {
					return new Quote(request.sku(), request.qty() * 0.35);
				}

			}
			"""));

	static Map<String, Harness> all() {
		Map<String, Harness> harnesses = new LinkedHashMap<>();
		harnesses.put("imports", of(Kind.IMPORTS, "imports"));
		harnesses.put("quick-start", of(Kind.CLASSES, "quickstart").before(ITEMS + """
				db.insert("items", List.of(Map.of("name", "bolt", "qty", 3), Map.of("name", "nut", "qty", 12)));
				""").after("""
				Inventory inventory = new Inventory(faircom);
				assertThat(inventory.lowStock()).extracting(Inventory.Item::name).containsExactly("bolt");
				assertThat(inventory.databases().toString()).contains("faircom").doesNotContain("authToken");
				"""));
		harnesses.put("typed-query", of(Kind.STATEMENTS, "typedquery").before(ITEMS + """
				db.insert("items", List.of(Map.of("name", "bolt", "qty", 3), Map.of("name", "nut", "qty", 12)));
				""").after("""
				assertThat(low).extracting(Item::name).containsExactly("bolt");
				"""));
		harnesses.put("schema", of(Kind.STATEMENTS, "schema").after("""
				assertThat(items.tableName()).isEqualTo("items");
				assertThat(tables).extracting(TableInfo::tableName).containsExactly("items");
				assertThat(tables).extracting(TableInfo::databaseName).containsExactly("sales");
				assertThat(faircom.db().withDatabase("sales").listTables()).isEmpty();
				"""));
		harnesses.put("records", of(Kind.STATEMENTS, "records").before(ITEMS + """
				db.createTable(TableDefinition.builder("people")
					.field(FieldDefinition.varchar("last_name", 30).primaryKey(1))
					.field(FieldDefinition.varchar("first_name", 30).primaryKey(2))
					.build());
				db.insert("people", Map.of("last_name", "Ruth", "first_name", "Babe"));
				""").after("""
				assertThat(inserted.recordCount()).isEqualTo(2);
				assertThat(db.getRecordsByTable("items").list(JsonNode.class)).isEmpty();
				assertThat(db.getRecordsByTable("people").list(JsonNode.class)).isEmpty();
				"""));
		harnesses.put("bulk-loads", of(Kind.STATEMENTS, "bulkloads").members("""
				record Customer(String name) {}

				record Order(long code, String item, int qty) {}

				private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger("readme");

				private int reads;

				private long failedAt = -1;

				// The source fails at record 4000 the first time it is read, like a dropped download.
				private Stream<Order> readOrders() {
					boolean failing = this.reads++ == 0;
					return java.util.stream.LongStream.range(0, 5000).mapToObj((code) -> {
						if (failing && code == 4000) {
							this.failedAt = code;
							throw new java.io.UncheckedIOException(new java.io.IOException("connection reset"));
						}
						return new Order(code, "item " + code, 1);
					});
				}
				""").before("""
				db.createTable(TableDefinition.builder("customers").field(FieldDefinition.varchar("name", 30)).build());
				db.createTable(TableDefinition.builder("orders")
					.field(FieldDefinition.bigint("code").nullable(false))
					.field(FieldDefinition.varchar("item", 30))
					.field(FieldDefinition.integer("qty"))
					.primaryKeyFields("code")
					.build());
				List<Customer> customers = List.of(new Customer("ann"), new Customer("bob"));
				List<Order> changed = List.of(new Order(7, "item 7", 3), new Order(4321, "item 4321", 5));
				""").after("""
				assertThat(this.failedAt).as("the first load failed mid-way").isEqualTo(4000);
				assertThat(this.reads).as("and was re-run").isEqualTo(2);
				List<Order> stored;
				try (Stream<Order> all = db.getRecordsByTable("orders").stream(Order.class)) {
					stored = all.sorted(java.util.Comparator.comparingLong(Order::code)).toList();
				}
				List<Order> input = java.util.stream.LongStream.range(0, 5000)
					.mapToObj((code) -> new Order(code, "item " + code, (code == 7) ? 3 : (code == 4321) ? 5 : 1))
					.toList();
				assertThat(stored).as("exactly the input, each record once, two of them updated").isEqualTo(input);
				assertThat(db.getRecordsByTable("customers").list(Customer.class)).isEqualTo(customers);
				assertThat(emulator.plugin(DbPlugin.class).orElseThrow().openTransactions()).isEmpty();
				""").imports("import io.github.faircomclient.test.db.DbPlugin;"));
		harnesses.put("queries", of(Kind.STATEMENTS, "queries").members("""
				record Item(long id, String name, int qty) {}
				""").before(ITEMS + """
				db.createIndex(IndexDefinition.builder("items", "qty_idx").field(IndexField.of("qty")).build());
				db.createIndex(IndexDefinition.builder("items", "name_idx").field(IndexField.of("name")).build());
				for (int i = 1; i <= 12; i++) {
					db.insert("items", Map.of("name", ((i <= 3) ? "bolt " : "nut ") + i, "qty", i, "price", i));
				}
				""").after("""
				assertThat(byPrefix).extracting(Item::name).containsExactly("bolt 1", "bolt 2", "bolt 3");
				assertThat(all).hasSize(12);
				assertThat(cheap).as("price < 5, skip 10").isEmpty();
				assertThat(newest).hasSize(12);
				assertThat(range).extracting(Item::qty).containsExactly(3, 4, 5, 6, 7);
				assertThat(fromKey).extracting(Item::id).containsExactly(10L, 11L, 12L);
				assertThat(byIds).extracting(Item::id).containsExactly(1L, 2L, 3L);
				assertThat(bySql).extracting(Item::qty).containsExactlyInAnyOrder(3, 4, 5, 6, 7);
				assertThat(trees).hasSize(12);
				"""));
		harnesses.put("cursors", of(Kind.STATEMENTS, "cursors").members("""
				record Item(long id, String name, int qty) {}

				private final List<Item> reordered = new ArrayList<>();

				private final List<Item> exported = new ArrayList<>();

				void reorder(Item item) {
					this.reordered.add(item);
				}

				void export(Item item) {
					this.exported.add(item);
				}
				""").before(ITEMS + """
				for (int i = 0; i < 7; i++) {
					db.insert("items", Map.of("name", "item " + i, "qty", i % 3));
				}
				""").after("""
				assertThat(this.reordered).hasSize(3).allMatch((item) -> item.qty() == 0);
				assertThat(empty).isEqualTo(3);
				assertThat(this.exported).hasSize(7);
				""").imports("import java.util.ArrayList;"));
		harnesses.put("alter-table", of(Kind.STATEMENTS, "altertable").members("""
				private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger("readme");
				""").before("""
				db.createTable(TableDefinition.builder("items")
					.field(FieldDefinition.varchar("descr", 20))
					.field(FieldDefinition.varchar("name", 50))
					.field(FieldDefinition.varchar("legacy_code", 10))
					.build());
				db.createTable(TableDefinition.builder("orders").field(FieldDefinition.integer("qty")).build());
				db.insert("items", Map.of("descr", "M6", "name", "bolt", "legacy_code", "B6"));
				""").after("""
				assertThat(items.fields()).extracting(FieldDefinition::getName)
					.contains("description", "name", "reorder_level").doesNotContain("descr", "legacy_code");
				assertThat(rebuilt.isComplete()).isTrue();
				assertThat(rebuilt.rebuilt()).extracting(TableDescription::tableName).containsExactly("items", "orders");
				JsonNode item = db.getRecordsByTable("items").list(JsonNode.class).get(0);
				assertThat(item.get("description").asString()).isEqualTo("M6");
				assertThat(emulator.actionCount("rebuildIndexes")).isOne();
				"""));
		harnesses.put("navigable-cursor", of(Kind.STATEMENTS, "navigablecursor").before("""
				db.createTable(TableDefinition.builder("items")
					.field(FieldDefinition.varchar("name", 20))
					.field(FieldDefinition.integer("qty"))
					.build());
				db.createIndex(IndexDefinition.builder("items", "name_idx").field(IndexField.of("name")).build());
				List<Map<String, Object>> records = new java.util.ArrayList<>();
				for (int i = 1; i <= 100; i++) {
					records.add(Map.of("name", String.format("item %03d", i), "qty", i));
				}
				db.insert("items", records);
				""").after("""
				assertThat(this.checked).isTrue();
				assertThat(emulator.actionCount("closeCursor")).isOne();
				""").example((code) -> code.replace("\n}", "\n    check(first, back, last, page);\n}")).members("""
				record Item(long id, String name, int qty) {}

				private boolean checked;

				private void check(List<Item> first, List<Item> back, List<Item> last, List<Item> page) {
					assertThat(first).extracting(Item::qty).containsExactlyElementsOf(range(1, 20));
					assertThat(back).extracting(Item::qty).containsExactly(20, 19, 18, 17, 16);
					assertThat(last).extracting(Item::qty).containsExactlyElementsOf(range(100, 91));
					assertThat(page).extracting(Item::qty).containsExactlyElementsOf(range(41, 60));
					this.checked = true;
				}

				private static List<Integer> range(int from, int to) {
					int step = (from <= to) ? 1 : -1;
					return java.util.stream.IntStream.iterate(from, (n) -> n != to + step, (n) -> n + step)
						.boxed()
						.toList();
				}
				"""));
		harnesses.put("sql-statements", of(Kind.STATEMENTS, "sqlstatements").members("""
				record Item(long id, String name) {}

				private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger("readme");
				""").before("""
				db.createTable(TableDefinition.builder("items")
					.field(FieldDefinition.varchar("name", 20).nullable(true))
					.field(FieldDefinition.integer("qty"))
					.build());
				db.insert("items", List.of(Map.of("name", "bolt", "qty", -2), Map.of("qty", 4), Map.of("name", "nut",
						"qty", 7)));
				""").after("""
				assertThat(results).allMatch(SqlStatementResult::isSuccess);
				assertThat(results.get(0).affectedRecordCount()).isOne();
				assertThat(results.get(1).affectedRecordCount()).isOne();
				assertThat(lowest).extracting(Item::name).containsExactly("bolt", "nut");
				"""));
		harnesses.put("transactions", of(Kind.STATEMENTS, "transactions").members("""
				record Account(long id, long changeId, String owner, BigDecimal balance) {

					Account withdraw(BigDecimal amount) {
						return new Account(this.id, this.changeId, this.owner, this.balance.subtract(amount));
					}

					Account deposit(BigDecimal amount) {
						return new Account(this.id, this.changeId, this.owner, this.balance.add(amount));
					}

				}
				""").before("""
				db.createTable(TableDefinition.builder("accounts")
					.field(FieldDefinition.varchar("owner", 20))
					.field(FieldDefinition.money("balance", 32, 2))
					.build());
				db.createTable(TableDefinition.builder("audit").field(FieldDefinition.varchar("note", 50)).build());
				db.insert("accounts", List.of(Map.of("owner", "ann", "balance", 100),
						Map.of("owner", "bob", "balance", 0)));
				Account from = db.getRecordsByIds("accounts", List.of(1), Account.class).get(0);
				Account to = db.getRecordsByIds("accounts", List.of(2), Account.class).get(0);
				BigDecimal amount = new BigDecimal("25.00");
				Map<String, Object> entry = Map.of("note", "ann paid bob 25.00");
				Map<String, Object> other = Map.of("note", "past the savepoint");
				""").after("""
				assertThat(db.getRecordsByTable("accounts").list(Account.class)).extracting(Account::balance)
					.containsExactly(new BigDecimal("75.00"), new BigDecimal("0.00"));
				assertThat(db.getRecordsByTable("audit").list(JsonNode.class))
					.extracting((note) -> note.get("note").asString())
					.as("reverted in the first, committed up to the savepoint in the second")
					.containsExactly("ann paid bob 25.00");
				assertThat(open).as("both transactions ended").isEmpty();
				""").imports("import java.math.BigDecimal;"));
		harnesses.put("transactional", of(Kind.CLASSES, "transactional").before("""
				db.createTable(TableDefinition.builder("accounts")
					.field(FieldDefinition.varchar("owner", 20))
					.field(FieldDefinition.bigint("balance"))
					.build());
				db.insert("accounts", List.of(Map.of("owner", "ann", "balance", 100),
						Map.of("owner", "bob", "balance", 0)));
				""").after("""
				try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
					context.getBeanFactory().registerSingleton("faircom", faircom);
					context.registerBean(FairComTransactionManager.class, () -> new FairComTransactionManager(faircom));
					context.register(TransactionSupport.class, Transfers.class);
					context.refresh();
					Transfers transfers = context.getBean(Transfers.class);
					transfers.transfer(account(db, 1), account(db, 2), 25);
					assertThat(db.getRecordsByTable("accounts").list(Account.class)).extracting(Account::balance)
						.containsExactly(75L, 25L);
					Account nobody = new Account(99, 0, "nobody", 0);
					assertThatException().isThrownBy(() -> transfers.transfer(account(db, 1), nobody, 10));
					assertThat(db.getRecordsByTable("accounts").list(Account.class)).extracting(Account::balance)
						.as("the withdrawal was rolled back").containsExactly(75L, 25L);
					assertThat(emulator.actionCount("commitTransaction")).isOne();
					assertThat(emulator.actionCount("rollbackTransaction")).isOne();
				}
				""").members("""
				private static Account account(DbOperations db, long id) {
					return db.getRecordsByIds("accounts", List.of(id), Account.class).get(0);
				}
				""").imports("import org.springframework.context.annotation.AnnotationConfigApplicationContext;",
						"import static org.assertj.core.api.Assertions.assertThatException;"));
		harnesses.put("two-managers", of(Kind.CLASSES, "twomanagers").before("""
				db.createTable(TableDefinition.builder("orders")
					.field(FieldDefinition.varchar("item", 20))
					.field(FieldDefinition.integer("qty"))
					.build());
				DataSource dataSource = new SimpleDriverDataSource(new org.h2.Driver(),
						"jdbc:h2:mem:readme-two-managers;DB_CLOSE_DELAY=-1");
				JdbcTemplate jdbc = new JdbcTemplate(dataSource);
				jdbc.execute("CREATE TABLE invoices (item VARCHAR(20), qty INT)");
				""").after("""
				try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
					context.getBeanFactory().registerSingleton("faircom", faircom);
					context.getBeanFactory().registerSingleton("dataSource", dataSource);
					context.getBeanFactory().registerSingleton("jdbc", jdbc);
					context.register(TransactionSupport.class, TransactionManagers.class, Orders.class);
					context.refresh();
					assertThat(context.getBean(PlatformTransactionManager.class))
						.isInstanceOf(DataSourceTransactionManager.class);
					Orders orders = context.getBean(Orders.class);
					orders.place(new Order("bolt", 5));
					assertThat(emulator.actionCount("commitTransaction")).as("a FairCom transaction").isOne();
					orders.invoice(new Order("bolt", 5));
					assertThat(emulator.actionCount("createTransaction")).as("none for JDBC work").isOne();
					assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM invoices", Integer.class)).isOne();
					assertThat(db.getRecordsByTable("orders").list(Order.class)).containsExactly(new Order("bolt", 5));
				}
				finally {
					jdbc.execute("DROP TABLE invoices");
				}
				""").imports("import org.springframework.context.annotation.AnnotationConfigApplicationContext;",
						"import org.springframework.jdbc.datasource.SimpleDriverDataSource;",
						"import org.springframework.transaction.PlatformTransactionManager;"));
		harnesses.put("views", of(Kind.STATEMENTS, "views").members("""
				record Order(long id, String item, String notes) {}
				""").before("""
				faircom.db().createDatabase("sales");
				faircom.db().withDatabase("sales").withOwner("reporting").createTable(TableDefinition.builder("orders")
					.field(FieldDefinition.varchar("item", 20))
					.field(FieldDefinition.varchar("notes", 50))
					.build());
				faircom.db().withDatabase("sales").withOwner("reporting")
					.insert("orders", Map.of("item", "bolt", "notes", "rush"));
				""").after("""
				assertThat(sales.getRecordsByTable("orders").list(Order.class)).singleElement()
					.extracting(Order::item).isEqualTo("bolt");
				assertThat(sales.withResponseOptions(Map.of("excludeFields", List.of("notes")))
					.getRecordsByTable("orders").list(JsonNode.class).get(0).has("notes")).isFalse();
				"""));
		harnesses.put("mapper-customizer", of(Kind.MEMBERS, "mappercustomizer").members("""
				record Item(long id, String name, int qty) {}
				""").before("""
				db.createTable(TableDefinition.builder("items")
					.field(FieldDefinition.varchar("name", 20))
					.field(FieldDefinition.integer("qty"))
					.build());
				db.insert("items", Map.of("name", "no qty"));
				""").after("""
				try (FairComTemplate lenient = FairComTemplate.builder().url(emulator.httpUrl())
						.credentials("ADMIN", "ADMIN")
						.dbSettings(DbSettings.builder().recordMapperCustomizers(List.of(lenientNulls())).build())
						.build()) {
					assertThat(lenient.db().getRecordsByIds("items", List.of(1), Item.class).get(0).qty()).isZero();
				}
				""").imports("import io.github.faircomclient.db.DbSettings;"));
		harnesses.put("admin", of(Kind.STATEMENTS, "admin").before("""
				faircom.db().createDatabase("archive");
				""").after("""
				assertThat(jims).isEmpty();
				assertThat(mine).singleElement().extracting(SessionDescription::username).isEqualTo("ADMIN");
				SessionDescription altered = admin.describeSessions().get(0);
				assertThat(altered.defaultDatabaseName()).isEqualTo("archive");
				assertThat(altered.idleCursorTimeout()).isEqualTo(Duration.ofMinutes(2));
				"""));
		harnesses.put("accounts", of(Kind.STATEMENTS, "accounts").before("""
				AdminOperations admin = faircom.admin();
				String reportingPassword = "reporting-1";
				String newPassword = "reporting-2";
				String otherPassword = "reporting-3";
				admin.createAccount("intern", AccountProperties.none());
				admin.assignRolesToAccounts(RoleAssignments.builder().add(List.of("admin"), List.of("intern")).build());
				""").after("""
				assertThat(reporters).extracting(AccountDescription::username)
					.containsExactlyInAnyOrder("reporting", "reporting2");
				assertThat(reporters).filteredOn((account) -> account.username().equals("reporting"))
					.singleElement().satisfies((account) -> assertThat(account.hasRole("admin")).isTrue());
				assertThat(reporters).filteredOn((account) -> account.username().equals("reporting2"))
					.singleElement().satisfies((account) -> assertThat(account.roleNames()).as("cloneRoles(false)")
						.isEmpty());
				assertThat(own).singleElement().extracting(AccountDescription::username).isEqualTo("ADMIN");
				assertThat(notDropped).isEmpty();
				assertThat(admin.listAccounts(List.of("rep"))).isEmpty();
				assertThat(admin.describeAccounts(List.of("intern"))).singleElement()
					.satisfies((account) -> assertThat(account.hasRole("admin")).isFalse());
				assertThat(services.service("modbus")).isPresent();
				assertThat(admin.listServices().service("modbus").orElseThrow().state()).isEqualToIgnoringCase("paused");
				"""));
		harnesses.put("escape-hatch", of(Kind.STATEMENTS, "escapehatch").before("""
				faircom.db().createDatabase("sales");
				faircom.db().withDatabase("sales")
					.createTable(TableDefinition.builder("items").field(FieldDefinition.integer("qty")).build());
				faircom.db().withDatabase("sales").insert("items", List.of(Map.of("qty", 0), Map.of("qty", 4)));
				""").after("""
				assertThat(sessions.toString()).contains("ADMIN");
				assertThat(described.result().toString()).contains("items", "qty");
				assertThat(described.debugInfo()).as("debug max").isNotNull();
				"""));
		harnesses.put("change-id-conflict", of(Kind.STATEMENTS, "changeidconflict").withoutPrelude().members("""
				record Item(long id, long changeId, String name, int qty) {}
				""").before("""
				FairComTemplate faircom = FairComTemplate.builder()
					.url(emulator.httpUrl())
					.credentials("ADMIN", "ADMIN")
					.errorCodes(FairComErrorCodes.documented().with(FairComErrorCodes.Category.CHANGE_ID_CONFLICT,
							ProvisionalChoice.DB_CHANGE_ID_CONFLICT.errorCode()))
					.build();
				DbOperations db = faircom.db();
				db.createTable(TableDefinition.builder("items")
					.field(FieldDefinition.varchar("name", 20))
					.field(FieldDefinition.integer("qty"))
					.build());
				db.insert("items", Map.of("name", "bolt", "qty", 3));
				Item read = db.getRecordsByIds("items", List.of(1), Item.class).get(0);
				db.update("items", new Item(1, read.changeId(), "bolt", 4));        // someone else's change
				Item item = new Item(1, read.changeId(), "bolt", 5);               // based on the stale read
				""").after("""
				assertThat(db.getRecordsByIds("items", List.of(1), Item.class).get(0).qty())
					.as("the stale update was refused").isEqualTo(4);
				faircom.close();
				""").imports("import io.github.faircomclient.FairComErrorCodes;",
						"import io.github.faircomclient.test.ProvisionalChoice;"));
		harnesses.put("mq-publish", of(Kind.STATEMENTS, "mqpublish").members("""
				record OrderPlaced(String orderId, List<String> lines) {}
				""").before("""
				List<String> lines = List.of("BOLT-M6 x 20");
				byte[] bytes = { 0x01, 0x02, (byte) 0xff };
				Map<String, Object> reading = Map.of("celsius", 21.5);
				faircom.mq().publish("audit", "first entry");
				faircom.mq().publish("audit", "second entry");
				""").after("""
				MqPlugin broker = emulator.plugin(MqPlugin.class).orElseThrow();
				assertThat(broker.messages("orders/placed")).singleElement().extracting(MqPlugin.Message::payloadText)
					.asString().contains("o-1", "BOLT-M6 x 20");
				assertThat(broker.messages("telemetry/line1")).hasSize(3);
				assertThat(batch.messages()).as("subscribed after the order was published").isEmpty();
				assertThat(page.messages()).extracting(MqMessage::payload).containsExactly("first entry", "second entry");
				mq.publish("orders/placed", new OrderPlaced("o-2", lines));
				assertThat(mq.read("billing", 20, OrderPlaced.class).messages()).extracting(MqMessage::payload)
					.containsExactly(new OrderPlaced("o-2", lines));
				MqMessage<byte[]> binary = mq.replay("telemetry/line1", MqReplayStart.head(), 10, byte[].class)
					.messages().get(1);
				assertThat(binary.payload()).containsExactly(bytes);
				MqMessage<JsonNode> retained = mq.replay("telemetry/line1", MqReplayStart.head(), 10, JsonNode.class)
					.messages().get(2);
				assertThat(retained.retain()).isTrue();
				assertThat(retained.userProperty("tenant")).contains("eu");
				assertThat(retained.payload().get("celsius").asDouble()).isEqualTo(21.5);
				""").imports("import io.github.faircomclient.mq.MqMessage;",
						"import io.github.faircomclient.test.mq.MqPlugin;"));
		harnesses.put("mq-listeners", of(Kind.CLASSES, "mqlisteners").after("""
				new ApplicationContextRunner()
					.withConfiguration(AutoConfigurations.of(FairComAutoConfiguration.class,
							FairComMqAutoConfiguration.class))
					.withPropertyValues("faircom.url=" + emulator.httpUrl(), "faircom.username=ADMIN",
							"faircom.password=ADMIN", "faircom.mq.listener.max-poll-interval=50ms")
					.withBean(Invoices.class)
					.withBean(Pricing.class)
					.withBean(Billing.class)
					.run((context) -> {
						assertThat(context).hasNotFailed();
						MqListenerContainerRegistry registry = context.getBean(MqListenerContainerRegistry.class);
						assertThat(registry.getListenerContainers()).hasSize(2);
						for (MqListenerContainer container : registry.getListenerContainers()) {
							Awaitility.await().atMost(Duration.ofSeconds(30))
								.until(() -> container.getStatistics().polls() > 0);
						}
						MqOperations mq = context.getBean(FairComTemplate.class).mq();
						mq.publish("orders/placed", new OrderPlaced("o-1", 3));
						Awaitility.await().atMost(Duration.ofSeconds(30))
							.until(() -> context.getBean(Invoices.class).created().size() == 1);
						assertThat(context.getBean(Invoices.class).created()).containsExactly(new OrderPlaced("o-1", 3));
						Quote quote = mq.request("quotes/requests", new QuoteRequest("bolt", 4), Quote.class,
								Duration.ofSeconds(30));
						assertThat(quote.sku()).isEqualTo("bolt");
						assertThat(quote.price()).isEqualTo(4 * 0.35);
					});
				""").imports("import org.awaitility.Awaitility;",
						"import org.springframework.boot.autoconfigure.AutoConfigurations;",
						"import org.springframework.boot.test.context.runner.ApplicationContextRunner;",
						"import io.github.faircomclient.autoconfigure.FairComAutoConfiguration;",
						"import io.github.faircomclient.autoconfigure.mq.FairComMqAutoConfiguration;",
						"import io.github.faircomclient.mq.listener.MqListenerContainer;",
						"import io.github.faircomclient.mq.listener.MqListenerContainerRegistry;"));
		harnesses.put("second-template", of(Kind.MEMBERS, "secondtemplate").after("""
				SslBundles bundles = new DefaultSslBundleRegistry("reporting", SslBundle.of(SslStoreBundle.NONE));
				try (FairComTemplate reporting = reportingFairCom(FairComTemplate.builder(), bundles)) {
					assertThat(reporting.getUrl()).hasToString("https://reporting.example.com:8443/api");
					assertThat(reporting.getSessionManager().getCurrentSession()).as("lazy: nothing sent yet")
						.isNull();
				}
				""").imports("import org.springframework.boot.ssl.DefaultSslBundleRegistry;",
						"import org.springframework.boot.ssl.SslBundle;",
						"import org.springframework.boot.ssl.SslStoreBundle;"));
		harnesses.put("autocloseable", of(Kind.STATEMENTS, "autocloseable").withoutPrelude()
			.emulator((builder) -> builder.user("app", "app-password"))
			.example((code) -> code.replace("\"https://faircom.example.com:8443/api\"", "emulator.httpUrl()"))
			.before("""
					String password = "app-password";
					""")
			.after("""
					assertThat(emulator.actionCount("createSession")).isOne();
					assertThat(emulator.actionCount("deleteSession")).isOne();
					assertThat(emulator.sessions()).isEmpty();
					"""));
		harnesses.put("rotating-token-manager", of(Kind.CLASSES, "rotating"));
		harnesses.put("rotating-token-template", of(Kind.STATEMENTS, "rotating").withoutPrelude()
			.emulator((builder) -> builder.permanentSessions(true))
			.before("""
					String url = emulator.httpUrl().toString();
					String apiKey = template.execute("admin", "createSession",
							Map.of("username", "ADMIN", "password", "ADMIN", "permanentSession", true))
						.result().get("authToken").asString();
					SecretStore secrets = (key) -> apiKey;
					emulator.resetActionCounts();
					""")
			.after("""
					assertThat(rotating.db().listDatabases()).isNotEmpty();
					rotating.close();
					assertThat(emulator.actionCount("createSession")).as("the key is used, never a login").isZero();
					"""));
		harnesses.put("event-listener", of(Kind.MEMBERS, "eventlistener").members("""
				private final Log log = LogFactory.getLog("readme");
				""").after("""
				Duration hour = Duration.ofMinutes(60);
				FairComSession first = new FairComSession("T1", "ADMIN", hour, Instant.now(), false, true);
				FairComSession second = new FairComSession("T2", "ADMIN", hour, Instant.now(), false, true);
				onRelogin(new FairComSessionCreatedEvent(this, second, first));
				onRelogin(new FairComSessionCreatedEvent(this, first, null));
				""").imports("import org.apache.commons.logging.Log;",
						"import org.apache.commons.logging.LogFactory;"));
		harnesses.put("idempotent", of(Kind.STATEMENTS, "idempotent").before("""
				db.createTable(TableDefinition.builder("athlete")
					.field(FieldDefinition.varchar("name", 30))
					.field(FieldDefinition.integer("ranking"))
					.build());
				for (int i = 1; i <= 7; i++) {
					db.insert("athlete", Map.of("name", "athlete " + i, "ranking", 10 + i));
				}
				""").after("""
				assertThat(db.getRecordsByIds("athlete", List.of(7), JsonNode.class).get(0).get("ranking").asInt())
					.isEqualTo(3);
				"""));
		harnesses.put("test-junit", of(Kind.JUNIT, "testjunit"));
		harnesses.put("test-spring-boot", of(Kind.JUNIT, "app"));
		harnesses.put("test-slice", of(Kind.JUNIT, "app"));
		harnesses.put("test-launcher", of(Kind.CLASSES, "app").after("""
				TestInventoryApplication.main(new String[] { "--spring.main.web-application-type=none",
						"--spring.main.sources=" + ContextCapture.class.getName() });
				try (ConfigurableApplicationContext context = ContextCapture.LAST.get()) {
					FairComEmulator embedded = context.getBean(FairComEmulator.class);
					assertThat(context.getBean(FairComTemplate.class).getUrl()).isEqualTo(embedded.httpUrl());
				}
				""").imports("import org.springframework.context.ConfigurableApplicationContext;"));
		harnesses.put("test-container", of(Kind.CLASSES, "edge"));
		harnesses.put("test-container-launcher", of(Kind.CLASSES, "edge"));
		return harnesses;
	}

	private static Harness of(Kind kind, String group) {
		return new Harness(kind, group, true, "", "", "", List.of(), UnaryOperator.identity(),
				UnaryOperator.identity());
	}

	private Harnesses() {
	}

}
