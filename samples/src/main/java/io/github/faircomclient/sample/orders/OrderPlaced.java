package io.github.faircomclient.sample.orders;

import java.util.List;
import java.util.UUID;

import io.github.faircomclient.sample.inventory.Order;

/**
 * The event of a placed order, published as JSON.
 *
 * @param orderId a new id of the order
 * @param lines what was taken out of stock
 */
public record OrderPlaced(String orderId, List<Order.Line> lines) {

	/**
	 * Create the event of an order's lines, with a new order id.
	 * @param lines the lines
	 * @return the event
	 */
	public static OrderPlaced of(List<Order.Line> lines) {
		return new OrderPlaced(UUID.randomUUID().toString(), List.copyOf(lines));
	}

	/**
	 * Return how many items the order took.
	 * @return the sum of the lines' quantities
	 */
	public int totalQty() {
		return this.lines.stream().mapToInt(Order.Line::qty).sum();
	}

}
