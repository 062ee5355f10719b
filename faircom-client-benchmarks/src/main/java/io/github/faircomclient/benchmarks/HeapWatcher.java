package io.github.faircomclient.benchmarks;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * Watches every garbage collection of this JVM and keeps the largest heap use seen right after one:
 * what the program still held (or had not yet been able to free) at that moment. Used to show that
 * streaming a million records keeps the client's heap flat.
 */
final class HeapWatcher implements AutoCloseable {

	private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans()
		.stream()
		.filter((pool) -> pool.getType() == MemoryType.HEAP)
		.map(MemoryPoolMXBean::getName)
		.collect(Collectors.toSet());

	private final AtomicLong maxUsedAfterGc = new AtomicLong();

	private final AtomicLong collections = new AtomicLong();

	private final List<NotificationEmitter> emitters = new ArrayList<>();

	private final NotificationListener listener = this::onNotification;

	HeapWatcher() {
		for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
			if (collector instanceof NotificationEmitter emitter) {
				emitter.addNotificationListener(this.listener, null, null);
				this.emitters.add(emitter);
			}
		}
	}

	private void onNotification(Notification notification, Object handback) {
		if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
			return;
		}
		GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
			.from((CompositeData) notification.getUserData());
		long used = heapUsed(info.getGcInfo().getMemoryUsageAfterGc());
		this.maxUsedAfterGc.accumulateAndGet(used, Math::max);
		this.collections.incrementAndGet();
	}

	private long heapUsed(Map<String, MemoryUsage> pools) {
		return pools.entrySet()
			.stream()
			.filter((pool) -> this.heapPools.contains(pool.getKey()))
			.mapToLong((pool) -> pool.getValue().getUsed())
			.sum();
	}

	/**
	 * Run a full collection and return the heap in use after it; forget earlier maxima.
	 * @return bytes in use after a full collection
	 */
	long collectAndReset() {
		System.gc();
		long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
		this.maxUsedAfterGc.set(used);
		this.collections.set(0);
		return used;
	}

	/**
	 * Return the largest heap use seen after a collection since the last reset.
	 * @return bytes
	 */
	long maxUsedAfterGc() {
		return this.maxUsedAfterGc.get();
	}

	/**
	 * Return the number of collections seen since the last reset.
	 * @return the count
	 */
	long collections() {
		return this.collections.get();
	}

	@Override
	public void close() {
		for (NotificationEmitter emitter : this.emitters) {
			try {
				emitter.removeNotificationListener(this.listener);
			}
			catch (ListenerNotFoundException ex) {
				// already gone
			}
		}
	}

}
