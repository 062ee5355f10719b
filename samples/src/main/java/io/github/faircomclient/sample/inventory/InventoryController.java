package io.github.faircomclient.sample.inventory;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.github.faircomclient.FairComChangeIdConflictException;
import io.github.faircomclient.FairComDuplicateKeyException;
import io.github.faircomclient.FairComTransportException;

/**
 * REST endpoints of the inventory:
 * <ul>
 * <li>{@code POST /items}: add an item (409 if its SKU exists);</li>
 * <li>{@code GET /items?offset=0&limit=20}: a page of items in SKU order;</li>
 * <li>{@code GET /items/{sku}}: one item;</li>
 * <li>{@code GET /items/low-stock?below=5}: items running out, by SQL with a
 * parameter;</li>
 * <li>{@code GET /items/export}: every item as CSV, streamed from a server cursor;</li>
 * <li>{@code POST /orders}: take items out of stock in one transaction (409 if one is
 * short, and then nothing changes).</li>
 * </ul>
 */
@RestController
public class InventoryController {

	private static final int MAX_PAGE_SIZE = 100;

	private final Inventory inventory;

	/**
	 * Create the controller.
	 * @param inventory the inventory
	 */
	public InventoryController(Inventory inventory) {
		this.inventory = inventory;
	}

	/**
	 * Add an item.
	 * @param item the item
	 * @return 201 with the stored item
	 */
	@PostMapping("/items")
	public ResponseEntity<Item> add(@RequestBody NewItem item) {
		Item added = this.inventory.add(item);
		return ResponseEntity.created(URI.create("/items/" + added.sku())).body(added);
	}

	/**
	 * Return a page of items.
	 * @param offset how many items to skip
	 * @param limit the page size, 1 to {@value #MAX_PAGE_SIZE}
	 * @return the page
	 */
	@GetMapping("/items")
	public ItemPage page(@RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "20") int limit) {
		if (offset < 0 || limit < 1 || limit > MAX_PAGE_SIZE) {
			throw new IllegalArgumentException("offset must be 0 or more and limit 1 to " + MAX_PAGE_SIZE);
		}
		return this.inventory.page(offset, limit);
	}

	/**
	 * Return one item.
	 * @param sku the SKU
	 * @return the item
	 */
	@GetMapping("/items/{sku}")
	public Item item(@PathVariable String sku) {
		return this.inventory.find(sku).orElseThrow(() -> new UnknownItemException(sku));
	}

	/**
	 * Return the items running out.
	 * @param below the threshold
	 * @return the items with fewer than {@code below} in stock
	 */
	@GetMapping("/items/low-stock")
	public List<Item> lowStock(@RequestParam(defaultValue = "5") int below) {
		return this.inventory.lowStock(below);
	}

	/**
	 * Stream every item as CSV.
	 * @return the CSV body
	 */
	@GetMapping(path = "/items/export", produces = "text/csv")
	public ResponseEntity<StreamingResponseBody> export() {
		StreamingResponseBody body = (out) -> {
			Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
			this.inventory.exportCsv(writer);
			writer.flush();
		};
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header("Content-Disposition", "attachment; filename=\"inventory.csv\"")
			.body(body);
	}

	/**
	 * Place an order.
	 * @param order the order
	 * @return the ordered items after the order
	 */
	@PostMapping("/orders")
	public List<Item> order(@RequestBody Order order) {
		return this.inventory.place(order);
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail badRequest(IllegalArgumentException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	@ExceptionHandler(UnknownItemException.class)
	ProblemDetail notFound(UnknownItemException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	@ExceptionHandler(InsufficientStockException.class)
	ProblemDetail insufficientStock(InsufficientStockException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
	}

	@ExceptionHandler(FairComChangeIdConflictException.class)
	ProblemDetail changedMeanwhile(FairComChangeIdConflictException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "An item changed meanwhile; try again");
	}

	@ExceptionHandler(FairComDuplicateKeyException.class)
	ProblemDetail duplicate(FairComDuplicateKeyException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "An item with this SKU exists");
	}

	@ExceptionHandler(FairComTransportException.class)
	ProblemDetail unavailable(FairComTransportException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, "The database cannot be reached");
	}

}
