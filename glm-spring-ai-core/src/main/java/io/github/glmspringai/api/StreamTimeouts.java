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
 * instead of scheduling a timer per element.
 *
 * @author glm-spring-ai
 */
final class StreamTimeouts {

	private StreamTimeouts() {
	}

	/**
	 * Guard a stream: fail with {@code onTimeout} when no element arrives within
	 * {@code first} of the subscription, or within {@code idle} of the previous element.
	 * Cancelling the source on timeout closes the HTTP connection.
	 * @param <T> the element type
	 * @param source the stream
	 * @param first the first-element timeout
	 * @param idle the idle timeout
	 * @param onTimeout builds the error from {@code true} for the first-element timeout
	 * @return the guarded stream
	 */
	static <T> Flux<T> guard(Flux<T> source, Duration first, Duration idle, Function<Boolean, Throwable> onTimeout) {
		return Flux.defer(() -> {
			Watch watch = new Watch(first.toNanos(), idle.toNanos(), Schedulers.parallel());
			return source.doOnNext((item) -> watch.touch())
				.takeUntilOther(watch.expiry())
				.concatWith(Mono.defer(() -> watch.expired ? Mono.error(onTimeout.apply(!watch.seen)) : Mono.empty()));
		});
	}

	private static final class Watch {

		private final long firstNanos;

		private final long idleNanos;

		private final Scheduler scheduler;

		private volatile long last = System.nanoTime();

		private volatile boolean seen;

		private volatile boolean expired;

		Watch(long firstNanos, long idleNanos, Scheduler scheduler) {
			this.firstNanos = firstNanos;
			this.idleNanos = idleNanos;
			this.scheduler = scheduler;
		}

		void touch() {
			this.last = System.nanoTime();
			if (!this.seen) {
				this.seen = true;
			}
		}

		Mono<Void> expiry() {
			return Mono.create((sink) -> {
				this.last = System.nanoTime();
				Timer timer = new Timer(sink);
				sink.onDispose(timer);
				timer.arm(Math.min(this.firstNanos, this.idleNanos));
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
				long limit = Watch.this.seen ? Watch.this.idleNanos : Watch.this.firstNanos;
				long remaining = Watch.this.last + limit - System.nanoTime();
				if (remaining <= 0) {
					Watch.this.expired = true;
					this.sink.success();
				}
				else {
					arm(Math.min(remaining, Watch.this.idleNanos));
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
