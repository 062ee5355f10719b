package io.github.faircomclient.sample.orders;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.github.faircomclient.mq.MqMessage;
import io.github.faircomclient.mq.listener.FairComMqListener;
import io.github.faircomclient.sample.inventory.Inventory;

/**
 * Consumes the {@link OrderPlaced} events the inventory publishes and keeps the last
 * {@value #KEPT}; {@code GET /orders/events} shows them, newest first. The listener runs in
 * a container with a permanent MQ API session of its own: events published while the
 * application is down are waiting when it starts again.
 */
@RestController
public class OrderEvents {

	/**
	 * How many events are kept.
	 */
	public static final int KEPT = 100;

	private static final Log logger = LogFactory.getLog(OrderEvents.class);

	private final Deque<ReceivedOrder> received = new ArrayDeque<>();

	private final ReentrantLock lock = new ReentrantLock();

	/**
	 * Handle one event.
	 * @param message the event with its topic and position
	 */
	@FairComMqListener(id = "order-events", topics = Inventory.ORDERS_TOPIC)
	public void onOrderPlaced(MqMessage<OrderPlaced> message) {
		OrderPlaced order = message.payload();
		if (logger.isInfoEnabled()) {
			logger.info("Order " + order.orderId() + " placed: " + order.totalQty() + " item(s)");
		}
		this.lock.lock();
		try {
			this.received.addFirst(new ReceivedOrder(order, message.position()));
			while (this.received.size() > KEPT) {
				this.received.removeLast();
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Return the events received, newest first.
	 * @return the events
	 */
	@GetMapping("/orders/events")
	public List<ReceivedOrder> events() {
		this.lock.lock();
		try {
			return new ArrayList<>(this.received);
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * An event as the listener received it.
	 *
	 * @param order the event
	 * @param position its position in the topic
	 */
	public record ReceivedOrder(OrderPlaced order, Long position) {
	}

}
