/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.github.glmspringai.benchmarks;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * Heap used after each garbage collection (the live set plus what the collector kept),
 * from the JVM's GC notifications, without forcing any collection.
 *
 * @author glm-spring-ai
 */
final class HeapWatcher implements NotificationListener, AutoCloseable {

	private final Set<String> heapPools = new HashSet<>();

	private final List<NotificationEmitter> emitters = new ArrayList<>();

	private final AtomicLong maxAfterGc = new AtomicLong();

	private final AtomicLong lastAfterGc = new AtomicLong();

	private final AtomicLong collections = new AtomicLong();

	private final AtomicLong pauseMillis = new AtomicLong();

	private final AtomicLong maxPauseMillis = new AtomicLong();

	HeapWatcher() {
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				this.heapPools.add(pool.getName());
			}
		}
		for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
			if (gc instanceof NotificationEmitter emitter) {
				emitter.addNotificationListener(this, null, null);
				this.emitters.add(emitter);
			}
		}
	}

	@Override
	public void handleNotification(Notification notification, Object handback) {
		if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
			return;
		}
		GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
			.from((CompositeData) notification.getUserData());
		long used = 0;
		for (Map.Entry<String, MemoryUsage> entry : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
			if (this.heapPools.contains(entry.getKey())) {
				used += entry.getValue().getUsed();
			}
		}
		this.lastAfterGc.set(used);
		this.maxAfterGc.accumulateAndGet(used, Math::max);
		this.collections.incrementAndGet();
		if (!info.getGcName().contains("Concurrent")) {
			long duration = info.getGcInfo().getDuration();
			this.pauseMillis.addAndGet(duration);
			this.maxPauseMillis.accumulateAndGet(duration, Math::max);
		}
	}

	long maxAfterGcBytes() {
		return this.maxAfterGc.get();
	}

	long lastAfterGcBytes() {
		return this.lastAfterGc.get();
	}

	long collections() {
		return this.collections.get();
	}

	long pauseMillis() {
		return this.pauseMillis.get();
	}

	long maxPauseMillis() {
		return this.maxPauseMillis.get();
	}

	@Override
	public void close() {
		for (NotificationEmitter emitter : this.emitters) {
			try {
				emitter.removeNotificationListener(this);
			}
			catch (ListenerNotFoundException ex) {
				// ignore
			}
		}
	}

}
