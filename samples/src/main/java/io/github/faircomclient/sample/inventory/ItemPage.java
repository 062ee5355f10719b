package io.github.faircomclient.sample.inventory;

import java.util.List;

/**
 * One page of items in SKU order.
 *
 * @param items the items on this page
 * @param offset how many items come before this page
 * @param limit the most items a page holds
 * @param more whether items follow this page
 */
public record ItemPage(List<Item> items, int offset, int limit, boolean more) {

}
