package io.github.faircomclient.sample.inventory;

/**
 * Thrown when a request names an item that does not exist.
 */
public class UnknownItemException extends RuntimeException {

	/**
	 * Create a new exception.
	 * @param sku the item
	 */
	public UnknownItemException(String sku) {
		super("No item " + sku);
	}

}
