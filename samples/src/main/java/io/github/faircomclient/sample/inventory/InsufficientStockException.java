package io.github.faircomclient.sample.inventory;

/**
 * Thrown when an order asks for more of an item than is in stock.
 */
public class InsufficientStockException extends RuntimeException {

	/**
	 * Create a new exception.
	 * @param sku the item
	 * @param requested the quantity asked for
	 * @param inStock the quantity in stock
	 */
	public InsufficientStockException(String sku, int requested, int inStock) {
		super("Only " + inStock + " of " + sku + " in stock, " + requested + " requested");
	}

}
