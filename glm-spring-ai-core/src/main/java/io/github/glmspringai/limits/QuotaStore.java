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

import reactor.core.publisher.Mono;

/**
 * Where a {@link GlmRequestLimiter} keeps its permits: {@link LocalQuotaStore} (this JVM)
 * or a shared store such as {@link io.github.glmspringai.limits.redis.RedisQuotaStore}
 * (every instance that uses the same Redis and key prefix shares the limits).
 * <p>
 * Every acquisition is non-blocking: the returned {@link Mono} completes with a handle
 * when the permits are granted, completes <em>empty</em> when they were not granted
 * within the wait, and fails only when the store itself failed (e.g. Redis is down).
 * Cancelling it gives up the wait, and gives back a permit granted at the same moment.
 *
 * @author glm-spring-ai
 */
public interface QuotaStore extends AutoCloseable {

	/**
	 * The store's name for messages and metrics, e.g. {@code local} or {@code redis}.
	 * @return the name
	 */
	String name();

	/**
	 * A semaphore of in-flight permits.
	 * @param limit the limit it holds (names its key in a shared store)
	 * @param permits the number of permits
	 * @return the semaphore
	 */
	Semaphore semaphore(GlmLimit limit, int permits);

	/**
	 * A sliding-window rate: at most {@code permits} granted in any {@code window}.
	 * @param limit the limit it holds (names its key in a shared store)
	 * @param permits the permits per window
	 * @param window the window
	 * @return the rate
	 */
	Rate rate(GlmLimit limit, int permits, Duration window);

	/**
	 * Release what the store holds (connections it owns); permits held elsewhere are not
	 * affected.
	 */
	@Override
	void close();

	/** In-flight permits. */
	interface Semaphore {

		/**
		 * Take one permit, waiting up to {@code wait}.
		 * @param wait the longest wait ({@link Duration#ZERO}: try once)
		 * @return the permit, empty when none was free in time
		 */
		Mono<Permit> acquire(Duration wait);

	}

	/** A held in-flight permit. */
	interface Permit {

		/** Give the permit back; idempotent. */
		void release();

	}

	/** A sliding-window rate. */
	interface Rate {

		/**
		 * Take {@code amount} permits of the window, waiting up to {@code wait}.
		 * @param amount the permits, at most the window's permits
		 * @param wait the longest wait ({@link Duration#ZERO}: try once)
		 * @return the charge, empty when the window had no room in time
		 */
		Mono<Charge> acquire(int amount, Duration wait);

	}

	/** What a request was charged in a rate's window. */
	interface Charge {

		/**
		 * Correct the charge to what the request really cost: gives back the difference
		 * when lower, charges it when higher (without waiting; a shared store charges
		 * only what its window still has room for).
		 * @param actual the real amount
		 */
		void settle(int actual);

		/** Give the whole charge back (the request was never sent); idempotent. */
		void refund();

	}

}
