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

package io.github.glmspringai.limits;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.util.Assert;

/**
 * The permits of this JVM: a fair (FIFO) semaphore and a fair sliding-window log per
 * limit. Waiting requests park no thread; each acquisition is a short critical section.
 *
 * @author glm-spring-ai
 */
public final class LocalQuotaStore implements QuotaStore {

	/** The store name, {@code local}. */
	public static final String NAME = "local";

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public Semaphore semaphore(GlmLimit limit, int permits) {
		Assert.isTrue(permits >= 1, () -> limit.propertyName() + " must be >= 1 but was " + permits);
		return new LocalSemaphore(permits);
	}

	@Override
	public Rate rate(GlmLimit limit, int permits, Duration window) {
		Assert.isTrue(permits >= 1, () -> limit.propertyName() + " must be >= 1 but was " + permits);
		Assert.isTrue(!window.isNegative() && !window.isZero(), "window must be positive");
		return new LocalRate(permits, window);
	}

	@Override
	public void close() {
	}

	/** A FIFO semaphore: a released permit goes to the longest waiter. */
	static final class LocalSemaphore implements Semaphore {

		private final ArrayDeque<LocalWaiter<Permit>> waiters = new ArrayDeque<>();

		private int available;

		LocalSemaphore(int permits) {
			this.available = permits;
		}

		@Override
		public Mono<Permit> acquire(Duration wait) {
			return LocalWaiter.acquire(1, wait, this::offer, this::remove, Permit::release);
		}

		private synchronized @Nullable Permit offer(LocalWaiter<Permit> waiter, boolean mayWait) {
			if (this.waiters.isEmpty() && this.available > 0) {
				this.available--;
				return new LocalPermit();
			}
			if (mayWait) {
				this.waiters.addLast(waiter);
			}
			return null;
		}

		private synchronized void remove(LocalWaiter<Permit> waiter) {
			this.waiters.remove(waiter);
		}

		private void release() {
			LocalWaiter<Permit> next = null;
			synchronized (this) {
				LocalWaiter<Permit> candidate;
				while ((candidate = this.waiters.pollFirst()) != null) {
					if (candidate.claim(new LocalPermit())) {
						next = candidate;
						break;
					}
				}
				if (next == null) {
					this.available++;
				}
			}
			if (next != null) {
				next.deliver();
			}
		}

		synchronized int available() {
			return this.available;
		}

		private final class LocalPermit implements Permit {

			private final AtomicBoolean released = new AtomicBoolean();

			@Override
			public void release() {
				if (this.released.compareAndSet(false, true)) {
					LocalSemaphore.this.release();
				}
			}

		}

	}

	/**
	 * A sliding-window log: each grant is an entry of the window until it is
	 * {@code window} old; a grant fits when the entries still in the window plus it do
	 * not exceed the permits. Settling an entry changes its amount in place (so a turn
	 * that used more than estimated counts in full, and one that used less gives the rest
	 * back at once).
	 */
	static final class LocalRate implements Rate {

		private final int permits;

		private final long windowNanos;

		private final ArrayDeque<Entry> entries = new ArrayDeque<>();

		private final ArrayDeque<LocalWaiter<Charge>> waiters = new ArrayDeque<>();

		private long used;

		private @Nullable Disposable wakeUp;

		LocalRate(int permits, Duration window) {
			this.permits = permits;
			this.windowNanos = window.toNanos();
		}

		@Override
		public Mono<Charge> acquire(int amount, Duration wait) {
			Assert.isTrue(amount >= 0 && amount <= this.permits,
					() -> "amount must be in [0, " + this.permits + "] but was " + amount);
			return LocalWaiter.acquire(amount, wait, this::offer, this::remove, Charge::refund);
		}

		private synchronized @Nullable Charge offer(LocalWaiter<Charge> waiter, boolean mayWait) {
			long now = System.nanoTime();
			expire(now);
			if (this.waiters.isEmpty() && this.used + waiter.amount() <= this.permits) {
				return add(new Entry(now, waiter.amount()));
			}
			if (mayWait) {
				this.waiters.addLast(waiter);
				scheduleWakeUp(now);
			}
			return null;
		}

		private void remove(LocalWaiter<Charge> waiter) {
			synchronized (this) {
				this.waiters.remove(waiter);
			}
			drain();
		}

		private void drain() {
			List<LocalWaiter<Charge>> granted = new ArrayList<>(1);
			synchronized (this) {
				long now = System.nanoTime();
				expire(now);
				LocalWaiter<Charge> head;
				while ((head = this.waiters.peekFirst()) != null) {
					if (!head.isWaiting()) {
						this.waiters.pollFirst();
					}
					else if (this.used + head.amount() <= this.permits) {
						this.waiters.pollFirst();
						Entry entry = new Entry(now, head.amount());
						if (head.claim(entry)) {
							add(entry);
							granted.add(head);
						}
					}
					else {
						break;
					}
				}
				scheduleWakeUp(now);
			}
			granted.forEach(LocalWaiter::deliver);
		}

		private Entry add(Entry entry) {
			this.entries.addLast(entry);
			this.used += entry.amount;
			return entry;
		}

		private void expire(long now) {
			Entry oldest;
			while ((oldest = this.entries.peekFirst()) != null && now - oldest.time >= this.windowNanos) {
				this.entries.pollFirst();
				this.used -= oldest.amount;
				oldest.inWindow = false;
			}
		}

		/** Wake up when enough of the window has expired for the first waiter. */
		private void scheduleWakeUp(long now) {
			if (this.wakeUp != null) {
				this.wakeUp.dispose();
				this.wakeUp = null;
			}
			LocalWaiter<Charge> head = this.waiters.peekFirst();
			if (head == null) {
				return;
			}
			long freed = 0;
			for (Entry entry : this.entries) {
				freed += entry.amount;
				if (this.used - freed + head.amount() <= this.permits) {
					long delay = Math.max(0, entry.time + this.windowNanos - now);
					this.wakeUp = Schedulers.parallel().schedule(this::drain, delay, TimeUnit.NANOSECONDS);
					return;
				}
			}
		}

		synchronized long used() {
			expire(System.nanoTime());
			return this.used;
		}

		private final class Entry implements Charge {

			private final long time;

			private int amount;

			private boolean inWindow = true;

			private boolean refunded;

			Entry(long time, int amount) {
				this.time = time;
				this.amount = amount;
			}

			@Override
			public void settle(int actual) {
				change(actual, false);
			}

			@Override
			public void refund() {
				change(0, true);
			}

			private void change(int actual, boolean refund) {
				boolean freed;
				synchronized (LocalRate.this) {
					if (this.refunded) {
						return;
					}
					this.refunded = refund;
					int delta = Math.max(0, actual) - this.amount;
					this.amount += delta;
					if (this.inWindow) {
						LocalRate.this.used += delta;
					}
					freed = delta < 0 && this.inWindow;
				}
				if (freed) {
					drain();
				}
			}

		}

	}

}
