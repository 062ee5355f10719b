package io.github.faircomclient.sample.inventory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Service;

import io.github.faircomclient.core.FairComOperations;
import io.github.faircomclient.db.AutoValue;
import io.github.faircomclient.db.DbOperations;
import io.github.faircomclient.db.FieldDefinition;
import io.github.faircomclient.db.IndexDefinition;
import io.github.faircomclient.db.KeyRange;
import io.github.faircomclient.db.TableDefinition;
import io.github.faircomclient.mq.MqOperations;
import io.github.faircomclient.sample.orders.OrderPlaced;

/**
 * The inventory, kept in the FairCom table {@value #TABLE} with a unique index on the
 * SKU. Every method uses the typed DB API of the auto-configured template
 * ({@link FairComOperations#db()}); the template logs in on the first call, keeps the
 * session alive and logs out when the application stops. Creates its table on startup if
 * it is missing. A placed order is announced on the MQ topic {@value #ORDERS_TOPIC}
 * ({@link FairComOperations#mq()}).
 */
@Service
public class Inventory implements ApplicationRunner {

	/**
	 * The table of items.
	 */
	public static final String TABLE = "inventory_items";

	/**
	 * The unique index on {@code sku}.
	 */
	public static final String SKU_INDEX = "inventory_items_sku";

	/**
	 * The topic placed orders are published to.
	 */
	public static final String ORDERS_TOPIC = "orders/placed";

	private static final Log logger = LogFactory.getLog(Inventory.class);

	private final DbOperations db;

	private final MqOperations mq;

	/**
	 * Create the inventory.
	 * @param fairCom the auto-configured template
	 */
	public Inventory(FairComOperations fairCom) {
		this.db = fairCom.db();
		this.mq = fairCom.mq();
	}

	@Override
	public void run(ApplicationArguments args) {
		if (createTableIfMissing()) {
			logger.info("Created table " + TABLE + " with unique index " + SKU_INDEX);
		}
		else {
			logger.info("Using existing table " + TABLE);
		}
	}

	/**
	 * Create the table and its unique SKU index unless the table exists. FairCom adds the
	 * {@code id} key and the {@code changeId} field itself.
	 * @return whether the table was created
	 */
	public boolean createTableIfMissing() {
		if (this.db.describeTable(TABLE).isPresent()) {
			return false;
		}
		this.db.createTable(TableDefinition.builder(TABLE)
			.field(FieldDefinition.varchar("sku", 32).nullable(false))
			.field(FieldDefinition.varchar("name", 100).nullable(false))
			.field(FieldDefinition.integer("qty").nullable(false).defaultValue("0"))
			.field(FieldDefinition.money("price", 32, 4).nullable(false))
			.field(FieldDefinition.timestamp("created").autoValue(AutoValue.TIMESTAMP_ON_INSERT))
			.build());
		this.db.createIndex(IndexDefinition.builder(TABLE, SKU_INDEX).field("sku").unique(true).build());
		return true;
	}

	/**
	 * Add an item.
	 * @param item the item
	 * @return the stored item, with its id and creation time
	 * @throws IllegalArgumentException if the item is invalid
	 * @throws io.github.faircomclient.FairComDuplicateKeyException if the SKU exists
	 */
	public Item add(NewItem item) {
		item.validate();
		this.db.insert(TABLE, item);
		return find(item.sku()).orElseThrow();
	}

	/**
	 * Find an item by its SKU, through the unique index ({@code getRecordsInKeyRange}).
	 * @param sku the SKU
	 * @return the item, if there is one
	 */
	public Optional<Item> find(String sku) {
		return this.db.getRecordsInKeyRange(TABLE, KeyRange.of(SKU_INDEX).atLeast("sku", sku).atMost("sku", sku))
			.limit(1)
			.list(Item.class)
			.stream()
			.findFirst();
	}

	/**
	 * Return one page of items in SKU order. The page is read from a server cursor that
	 * skips {@code offset} items and is closed after {@code limit + 1} items (the extra one
	 * tells whether more follow), so pages stay cheap however large the table grows.
	 * @param offset how many items to skip
	 * @param limit the most items to return
	 * @return the page
	 */
	public ItemPage page(int offset, int limit) {
		List<Item> items = this.db.getRecordsByIndex(TABLE, SKU_INDEX)
			.skip(offset)
			.fetchSize(limit + 1)
			.stream(Item.class, (stream) -> stream.limit(limit + 1L).toList());
		boolean more = items.size() > limit;
		return new ItemPage(more ? items.subList(0, limit) : items, offset, limit, more);
	}

	/**
	 * Return the items with fewer than {@code below} in stock, fewest first, with a
	 * parameterized SQL query ({@code getRecordsUsingSQL} with {@code sqlParams}).
	 * @param below the threshold
	 * @return the items, at most {@code faircom.db.max-records}
	 */
	public List<Item> lowStock(int below) {
		return this.db.query("SELECT * FROM " + TABLE + " WHERE qty < ? ORDER BY qty, sku", Item.class, below);
	}

	/**
	 * Write every item as CSV, in SKU order, reading them through a server cursor that is
	 * closed when the last item was written or writing failed.
	 * @param out where to write
	 */
	public void exportCsv(Writer out) {
		write(out, "sku,name,qty,price\n");
		this.db.getRecordsByIndex(TABLE, SKU_INDEX)
			.forEach(Item.class, (item) -> write(out, csv(item.sku()) + "," + csv(item.name()) + "," + item.qty() + ","
					+ item.price().toPlainString() + "\n"));
	}

	/**
	 * Take the items of an order out of stock in one transaction: every line is checked
	 * and written, or none is. Updates use changeId protection, so an item changed by
	 * someone else since it was read fails the order instead of being overwritten. Once
	 * committed, the order is published to {@value #ORDERS_TOPIC} as an
	 * {@link OrderPlaced} event.
	 * @param order the order
	 * @return the items after the order
	 * @throws UnknownItemException if a line names an unknown item
	 * @throws InsufficientStockException if a line asks for more than is in stock
	 */
	public List<Item> place(Order order) {
		List<Order.Line> lines = order.lines();
		if (lines == null || lines.isEmpty() || lines.stream().anyMatch((line) -> line.qty() < 1)) {
			throw new IllegalArgumentException("An order needs lines with a qty of at least 1");
		}
		List<String> taken = this.db.inTransaction((tx) -> {
			List<String> skus = new ArrayList<>();
			for (Order.Line line : lines) {
				Item item = tx.getRecordsInKeyRange(TABLE, KeyRange.of(SKU_INDEX).atLeast("sku", line.sku())
					.atMost("sku", line.sku())).limit(1).list(Item.class).stream().findFirst()
					.orElseThrow(() -> new UnknownItemException(line.sku()));
				if (item.qty() < line.qty()) {
					throw new InsufficientStockException(line.sku(), line.qty(), item.qty());
				}
				tx.update(TABLE, Map.of("id", item.id(), "changeId", item.changeId(), "qty", item.qty() - line.qty()));
				skus.add(line.sku());
			}
			return skus;
		});
		this.mq.publish(ORDERS_TOPIC, OrderPlaced.of(lines));
		return taken.stream().map((sku) -> find(sku).orElseThrow()).toList();
	}

	private static String csv(String value) {
		return (value.contains(",") || value.contains("\"") || value.contains("\n"))
				? "\"" + value.replace("\"", "\"\"") + "\"" : value;
	}

	private static void write(Writer out, String text) {
		try {
			out.write(text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
