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

package io.github.glmspringai.api;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * First-event and idle timeouts for a stream, at a cost of one {@code nanoTime()} per
 * element: a single timer per stream is re-armed lazily (as Netty's idle handlers do)
 * instead of scheduling a timer per element (measured 10× cheaper than
 * {@code Flux.timeout}). Only time during which the subscriber was waiting counts: while
 * it has no outstanding demand (it is busy with earlier chunks), the network is not
 * "silent". Once the turn is complete, the stream ends after a short grace period even if
 * the server keeps the connection open.
 *
 * @author glm-spring-ai
 */
final class StreamTimeouts {

	private StreamTimeouts() {
	}

	/**
	 * Guard a stream: fail with {@code onTimeout} when no element arrives within
	 * {@code first} of the subscription, or within {@code idle} of the previous element,
	 * counting only time with outstanding demand; complete it when {@code turnComplete}
	 * holds and nothing more arrives within {@code grace}. Cancelling the source closes
	 * the HTTP connection.
	 * @param <T> the element type
	 * @param source the stream
	 * @param first the first-element timeout
	 * @param idle the idle timeout
	 * @param grace how long to wait for the end of the body once the turn is complete
	 * @param turnComplete whether the turn is complete (read by the timer)
	 * @param onTimeout builds the error from {@code true} for the first-element timeout
	 * @return the guarded stream
	 */
	static <T> Flux<T> guard(Flux<T> source, Duration first, Duration idle, Duration grace,
			BooleanSupplier turnComplete, Function<Boolean, Throwable> onTimeout) {
		return Flux.defer(() -> {
			Watch watch = new Watch(first.toNanos(), idle.toNanos(), grace.toNanos(), turnComplete,
					Schedulers.parallel());
			return source.doOnNext((item) -> watch.touch())
				.doOnRequest(watch::request)
				.takeUntilOther(watch.expiry())
				.concatWith(Mono.defer(() -> (watch.expired && !watch.expiredComplete)
						? Mono.error(onTimeout.apply(!watch.seen)) : Mono.empty()));
		});
	}

	private static final class Watch {

		private final long firstNanos;

		private final long idleNanos;

		private final long graceNanos;

		private final BooleanSupplier turnComplete;

		private final Scheduler scheduler;

		private final AtomicLong demand = new AtomicLong();

		private volatile long last = System.nanoTime();

		private volatile boolean seen;

		private volatile boolean expired;

		private volatile boolean expiredComplete;

		Watch(long firstNanos, long idleNanos, long graceNanos, BooleanSupplier turnComplete, Scheduler scheduler) {
			this.firstNanos = firstNanos;
			this.idleNanos = idleNanos;
			this.graceNanos = graceNanos;
			this.turnComplete = turnComplete;
			this.scheduler = scheduler;
		}

		void touch() {
			this.last = System.nanoTime();
			if (!this.seen) {
				this.seen = true;
			}
			if (this.demand.get() != Long.MAX_VALUE) {
				this.demand.decrementAndGet();
			}
		}

		void request(long n) {
			long previous = this.demand.getAndAccumulate(n, (current, more) -> {
				long sum = current + more;
				return (sum < 0) ? Long.MAX_VALUE : sum;
			});
			if (previous <= 0) {
				// the subscriber starts waiting now
				this.last = System.nanoTime();
			}
		}

		Mono<Void> expiry() {
			return Mono.create((sink) -> {
				this.last = System.nanoTime();
				Timer timer = new Timer(sink);
				sink.onDispose(timer);
				timer.arm(Math.min(Math.min(this.firstNanos, this.idleNanos), this.graceNanos));
			});
		}

		private final class Timer implements Runnable, Disposable {

			private final MonoSink<Void> sink;

			private volatile @Nullable Disposable task;

			private volatile boolean disposed;

			Timer(MonoSink<Void> sink) {
				this.sink = sink;
			}

			void arm(long delayNanos) {
				if (!this.disposed) {
					this.task = Watch.this.scheduler.schedule(this, Math.max(delayNanos, 1_000_000L),
							TimeUnit.NANOSECONDS);
				}
			}

			@Override
			public void run() {
				boolean complete = Watch.this.turnComplete.getAsBoolean();
				long limit = complete ? Watch.this.graceNanos
						: (Watch.this.seen ? Watch.this.idleNanos : Watch.this.firstNanos);
				if (Watch.this.demand.get() <= 0) {
					// the subscriber is busy: the network is not silent, nobody waits
					arm(limit);
					return;
				}
				long remaining = Watch.this.last + limit - System.nanoTime();
				if (remaining <= 0) {
					Watch.this.expiredComplete = complete;
					Watch.this.expired = true;
					this.sink.success();
				}
				else {
					arm(remaining);
				}
			}

			@Override
			public void dispose() {
				this.disposed = true;
				Disposable current = this.task;
				if (current != null) {
					current.dispose();
				}
			}

			@Override
			public boolean isDisposed() {
				return this.disposed;
			}

		}

	}

}
