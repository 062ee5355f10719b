package io.github.faircomclient.sample.inventory;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An order that takes items out of stock, all lines or none.
 *
 * @param lines what to take, at least one line
 */
public record Order(@Nullable List<Line> lines) {

	/**
	 * One line of an order.
	 *
	 * @param sku the item
	 * @param qty how many, at least 1
	 */
	public record Line(String sku, int qty) {

	}

}
