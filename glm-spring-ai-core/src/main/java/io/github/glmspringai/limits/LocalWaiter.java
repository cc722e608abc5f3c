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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.scheduler.Schedulers;

/**
 * A waiting acquisition of a local store, in a FIFO queue: it ends exactly once, granted,
 * timed out or cancelled. No thread waits: a timer on Reactor's parallel scheduler ends
 * it when its wait runs out.
 *
 * @param <T> what is granted
 */
final class LocalWaiter<T> {

	private static final int WAITING = 0;

	private static final int GRANTED = 1;

	private static final int GONE = 2;

	private final AtomicInteger state = new AtomicInteger(WAITING);

	private final MonoSink<T> sink;

	private final int amount;

	private volatile @Nullable T granted;

	private volatile @Nullable Disposable timer;

	private LocalWaiter(MonoSink<T> sink, int amount) {
		this.sink = sink;
		this.amount = amount;
	}

	/**
	 * A {@link Mono} that first tries {@code immediate} and otherwise queues a waiter.
	 * @param amount the amount the waiter needs
	 * @param wait the longest wait
	 * @param queue called with the new waiter: grants it at once (returns the grant) or
	 * queues it (returns {@code null}); runs under the caller's lock as it sees fit
	 * @param onGone called when a queued waiter times out or is cancelled
	 * @param release gives back a grant that arrived after a cancellation
	 * @return the acquisition
	 */
	static <T> Mono<T> acquire(int amount, Duration wait, Queue<T> queue, Consumer<LocalWaiter<T>> onGone,
			Consumer<T> release) {
		return Mono.create((sink) -> {
			LocalWaiter<T> waiter = new LocalWaiter<>(sink, amount);
			sink.onCancel(() -> {
				if (waiter.state.compareAndSet(WAITING, GONE)) {
					waiter.disposeTimer();
					onGone.accept(waiter);
				}
				else {
					T late = waiter.granted;
					if (late != null) {
						release.accept(late);
					}
				}
			});
			T now = queue.offer(waiter, !wait.isZero());
			if (now != null) {
				waiter.state.set(GRANTED);
				waiter.granted = now;
				sink.success(now);
			}
			else if (wait.isZero()) {
				sink.success();
			}
			else {
				waiter.timer = Schedulers.parallel().schedule(() -> {
					if (waiter.state.compareAndSet(WAITING, GONE)) {
						onGone.accept(waiter);
						sink.success();
					}
				}, wait.toNanos(), TimeUnit.NANOSECONDS);
			}
		});
	}

	int amount() {
		return this.amount;
	}

	boolean isWaiting() {
		return this.state.get() == WAITING;
	}

	/**
	 * Claim this waiter for a grant (under the store's lock); {@code false} when it has
	 * already timed out or been cancelled.
	 */
	boolean claim(T grant) {
		if (this.state.compareAndSet(WAITING, GRANTED)) {
			this.granted = grant;
			return true;
		}
		return false;
	}

	/** Hand a claimed grant over (outside the store's lock). */
	void deliver() {
		disposeTimer();
		this.sink.success(this.granted);
	}

	private void disposeTimer() {
		Disposable t = this.timer;
		if (t != null) {
			t.dispose();
		}
	}

	/**
	 * Grants a new waiter at once or queues it.
	 *
	 * @param <T> what is granted
	 */
	interface Queue<T> {

		/**
		 * @param waiter the new waiter
		 * @param mayWait whether to queue it when nothing is free
		 * @return the grant, or {@code null} when it was queued (or may not wait)
		 */
		@Nullable T offer(LocalWaiter<T> waiter, boolean mayWait);

	}

}
