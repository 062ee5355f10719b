package io.github.faircomclient.it.transaction;

import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizationAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.annotation.Transactional;

import io.github.faircomclient.autoconfigure.FairComAutoConfiguration;
import io.github.faircomclient.autoconfigure.FairComTransactionAutoConfiguration;
import io.github.faircomclient.core.FairComOperations;
import io.github.faircomclient.core.FairComTemplate;
import io.github.faircomclient.db.DbOperations;
import io.github.faircomclient.db.FieldDefinition;
import io.github.faircomclient.db.TableDefinition;
import io.github.faircomclient.test.FairComEmulator;
import io.github.faircomclient.test.db.DbPlugin;
import io.github.faircomclient.transaction.FairComTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The README's recipe for an application with a JDBC database and FairCom: both managers
 * declared, the JDBC one primary, FairCom's used with
 * {@code @Transactional("faircomTransactionManager")}. Each rolls back only its own work.
 */
class TwoTransactionManagersIntegrationTests {

	private static FairComEmulator emulator;

	private static DbPlugin server;

	private static ConfigurableApplicationContext context;

	private static DbOperations db;

	private static JdbcTemplate jdbc;

	record Order(String item, int qty) {
	}

	@BeforeAll
	static void start() {
		emulator = FairComEmulator.builder().httpPort(0).user("app", "secret").build().start();
		server = emulator.plugin(DbPlugin.class).orElseThrow();
		SpringApplication application = new SpringApplication(Application.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		context = application.run("--faircom.url=" + emulator.httpUrl(), "--faircom.username=app",
				"--faircom.password=secret");
		db = context.getBean(FairComOperations.class).db();
		jdbc = context.getBean(JdbcTemplate.class);
		jdbc.execute("CREATE TABLE invoices (item VARCHAR(20), qty INT)");
	}

	@AfterAll
	static void stop() {
		context.close();
		emulator.stop();
	}

	@BeforeEach
	void createTable() {
		db.createTable(TableDefinition.builder("orders")
			.field(FieldDefinition.varchar("item", 20))
			.field(FieldDefinition.integer("qty"))
			.build());
		jdbc.update("DELETE FROM invoices");
	}

	@AfterEach
	void noTransactionIsLeftOpen() {
		assertThat(server.openTransactions()).isEmpty();
		db.deleteTables("orders");
	}

	private static List<Order> orders() {
		return db.getRecordsByTable("orders").list(Order.class);
	}

	private static int invoices() {
		return jdbc.queryForObject("SELECT COUNT(*) FROM invoices", Integer.class);
	}

	@Test
	void bothManagersExistAndTheJdbcOneIsTheDefault() {
		assertThat(context.getBeansOfType(FairComTransactionManager.class)).containsOnlyKeys("faircomTransactionManager");
		assertThat(context.getBean(org.springframework.transaction.TransactionManager.class))
			.isInstanceOf(DataSourceTransactionManager.class);
	}

	@Test
	void theQualifiedManagerRollsBackTheFairComWorkOnly() {
		Shop shop = context.getBean(Shop.class);
		assertThatIllegalStateException().isThrownBy(() -> shop.placeOrder(new Order("bolt", 5), true));
		assertThat(orders()).as("FairCom work rolled back").isEmpty();
		assertThat(invoices()).as("JDBC work ran outside any transaction").isOne();
		assertThat(emulator.actionCount("rollbackTransaction")).isOne();
		shop.placeOrder(new Order("nut", 3), false);
		assertThat(orders()).containsExactly(new Order("nut", 3));
		assertThat(invoices()).isEqualTo(2);
	}

	@Test
	void theDefaultManagerRollsBackTheJdbcWorkOnly() {
		Shop shop = context.getBean(Shop.class);
		long transactions = emulator.actionCount("createTransaction");
		assertThatIllegalStateException().isThrownBy(() -> shop.invoice(new Order("bolt", 5), true));
		assertThat(invoices()).as("JDBC work rolled back").isZero();
		assertThat(orders()).as("FairCom work ran outside any transaction").containsExactly(new Order("bolt", 5));
		assertThat(emulator.actionCount("createTransaction")).isEqualTo(transactions);
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ SslAutoConfiguration.class, FairComAutoConfiguration.class,
			FairComTransactionAutoConfiguration.class, TransactionManagerCustomizationAutoConfiguration.class,
			TransactionAutoConfiguration.class })
	static class Application {

		@Bean
		DataSource dataSource() {
			return new SimpleDriverDataSource(new org.h2.Driver(), "jdbc:h2:mem:two-managers;DB_CLOSE_DELAY=-1");
		}

		@Bean
		JdbcTemplate jdbcTemplate(DataSource dataSource) {
			return new JdbcTemplate(dataSource);
		}

		@Bean
		@Primary
		DataSourceTransactionManager transactionManager(DataSource dataSource) {
			return new DataSourceTransactionManager(dataSource);
		}

		@Bean
		FairComTransactionManager faircomTransactionManager(FairComTemplate faircom) {
			return new FairComTransactionManager(faircom);
		}

		@Bean
		Shop shop(FairComOperations faircom, JdbcTemplate jdbc) {
			return new Shop(faircom, jdbc);
		}

	}

	static class Shop {

		private final FairComOperations faircom;

		private final JdbcTemplate jdbc;

		Shop(FairComOperations faircom, JdbcTemplate jdbc) {
			this.faircom = faircom;
			this.jdbc = jdbc;
		}

		@Transactional("faircomTransactionManager")
		public void placeOrder(Order order, boolean fail) {
			this.faircom.db().insert("orders", order);
			this.jdbc.update("INSERT INTO invoices (item, qty) VALUES (?, ?)", order.item(), order.qty());
			if (fail) {
				throw new IllegalStateException("payment refused");
			}
		}

		@Transactional
		public void invoice(Order order, boolean fail) {
			this.jdbc.update("INSERT INTO invoices (item, qty) VALUES (?, ?)", order.item(), order.qty());
			this.faircom.db().insert("orders", order);
			if (fail) {
				throw new IllegalStateException("payment refused");
			}
		}

	}

}
