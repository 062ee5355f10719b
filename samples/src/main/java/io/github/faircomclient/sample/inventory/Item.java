package io.github.faircomclient.sample.inventory;

import java.math.BigDecimal;
import java.time.LocalDateTime;

import org.jspecify.annotations.Nullable;

/**
 * An item as stored in the {@value Inventory#TABLE} table. {@code id} and
 * {@code changeId} are the fields FairCom adds to every table that names no primary key:
 * the record's key and its version for optimistic locking.
 *
 * @param id the record id
 * @param changeId the record's version, sent back with updates
 * @param sku the stock-keeping unit, unique
 * @param name the item's name
 * @param qty the quantity in stock
 * @param price the unit price
 * @param created when the item was added (set by the server)
 */
public record Item(long id, long changeId, String sku, String name, int qty, BigDecimal price,
		@Nullable LocalDateTime created) {

}
