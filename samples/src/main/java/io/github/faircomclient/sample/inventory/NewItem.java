package io.github.faircomclient.sample.inventory;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * An item to add, as {@code POST /items} receives it.
 *
 * @param sku the stock-keeping unit, 1 to 32 characters, unique
 * @param name the item's name, 1 to 100 characters
 * @param qty the quantity in stock, not negative
 * @param price the unit price, not negative
 */
public record NewItem(@Nullable String sku, @Nullable String name, int qty, @Nullable BigDecimal price) {

	/**
	 * Check the item before it is stored.
	 * @throws IllegalArgumentException naming the first invalid field
	 */
	void validate() {
		if (this.sku == null || this.sku.isBlank() || this.sku.length() > 32) {
			throw new IllegalArgumentException("sku must have 1 to 32 characters");
		}
		if (this.name == null || this.name.isBlank() || this.name.length() > 100) {
			throw new IllegalArgumentException("name must have 1 to 100 characters");
		}
		if (this.qty < 0) {
			throw new IllegalArgumentException("qty must not be negative");
		}
		if (this.price == null || this.price.signum() < 0) {
			throw new IllegalArgumentException("price must be given and not negative");
		}
	}

}
