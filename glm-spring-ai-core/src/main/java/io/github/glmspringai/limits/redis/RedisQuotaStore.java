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

package io.github.glmspringai.limits.redis;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import io.github.glmspringai.limits.GlmLimit;
import io.github.glmspringai.limits.QuotaStore;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.redisson.api.RPermitExpirableSemaphore;
import org.redisson.api.RRateLimiter;
import org.redisson.api.RateLimiterConfig;
import org.redisson.api.RateType;
import org.redisson.api.RedissonClient;
import org.redisson.api.ratelimiter.RateLimiterArgs;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.util.Assert;

/**
 * Permits shared by every instance that uses the same Redis and key prefix, on Redisson.
 * <ul>
 * <li>In-flight permits: an {@code RPermitExpirableSemaphore} whose permits are leases; a
 * held lease is renewed every third of {@code leaseTime} while its stream runs, so the
 * permits of an instance that dies come back within one {@code leaseTime}.</li>
 * <li>Per-minute limits: an {@code RRateLimiter} (sliding window, {@code OVERALL} across
 * clients). A token charge above the real usage is given back with {@code release}; an
 * excess is charged when the window has room for it.</li>
 * </ul>
 * Waits are Redisson's asynchronous ones (no thread parked); they are not FIFO across
 * instances, but none outlasts its wait. Keys: {@code <keyPrefix>:<limit name>}, e.g.
 * {@code glm-spring-ai:limits:max-concurrent-requests}. Redis failures surface as errors
 * of the acquisitions, for the limiter's failure policy.
 *
 * @author glm-spring-ai
 */
public final class RedisQuotaStore implements QuotaStore {

	/** The store name, {@code redis}. */
	public static final String NAME = "redis";

	private static final Log logger = LogFactory.getLog(RedisQuotaStore.class);

	private final RedissonClient redisson;

	private final String keyPrefix;

	private final long leaseMillis;

	private final boolean shutdownOnClose;

	/**
	 * Create the store.
	 * @param redisson the Redisson client
	 * @param keyPrefix the prefix of the keys (one per account and application group)
	 * @param leaseTime how long an in-flight permit outlives an instance that died
	 * @param shutdownOnClose whether {@link #close()} shuts the client down (when the
	 * store made it)
	 */
	public RedisQuotaStore(RedissonClient redisson, String keyPrefix, Duration leaseTime, boolean shutdownOnClose) {
		Assert.notNull(redisson, "redisson must not be null");
		Assert.hasText(keyPrefix, "keyPrefix must not be empty");
		Assert.isTrue(leaseTime.toMillis() >= 300,
				() -> "spring.ai.glm.limits.redis.lease-time must be >= 300ms but was " + leaseTime);
		this.redisson = redisson;
		this.keyPrefix = keyPrefix;
		this.leaseMillis = leaseTime.toMillis();
		this.shutdownOnClose = shutdownOnClose;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public Semaphore semaphore(GlmLimit limit, int permits) {
		return new RedisSemaphore(this.redisson.getPermitExpirableSemaphore(key(limit)), permits);
	}

	@Override
	public Rate rate(GlmLimit limit, int permits, Duration window) {
		return new RedisRate(this.redisson.getRateLimiter(key(limit)), permits, window);
	}

	@Override
	public void close() {
		if (this.shutdownOnClose) {
			this.redisson.shutdown();
		}
	}

	private String key(GlmLimit limit) {
		return this.keyPrefix + ":" + limit.propertyName();
	}

	/**
	 * A {@link Mono} of an asynchronous Redisson acquisition: a grant that arrives after
	 * a cancellation is given back.
	 */
	private static <R, T> Mono<T> acquire(Supplier<CompletionStage<R>> call, Function<R, @Nullable T> grant,
			Consumer<T> giveBack) {
		return Mono.create((sink) -> {
			AtomicBoolean cancelled = new AtomicBoolean();
			sink.onCancel(() -> cancelled.set(true));
			call.get().whenComplete((result, failure) -> {
				if (failure != null) {
					sink.error(failure);
					return;
				}
				T granted = (result != null) ? grant.apply(result) : null;
				if (granted != null && cancelled.get()) {
					giveBack.accept(granted);
				}
				else if (granted != null) {
					sink.success(granted);
				}
				else {
					sink.success();
				}
			});
		});
	}

	private static void ignoreFailure(CompletionStage<?> stage, String what) {
		stage.whenComplete((result, failure) -> {
			if (failure != null && logger.isDebugEnabled()) {
				logger.debug("GLM limits: could not " + what + " in Redis: " + failure);
			}
		});
	}

	private final class RedisSemaphore implements Semaphore {

		private final RPermitExpirableSemaphore semaphore;

		private final int permits;

		private volatile boolean initialized;

		RedisSemaphore(RPermitExpirableSemaphore semaphore, int permits) {
			this.semaphore = semaphore;
			this.permits = permits;
		}

		@Override
		public Mono<Permit> acquire(Duration wait) {
			Mono<Permit> permit = RedisQuotaStore.acquire(() -> this.semaphore.tryAcquireAsync(wait.toMillis(),
					RedisQuotaStore.this.leaseMillis, TimeUnit.MILLISECONDS), RedisPermit::new, Permit::release);
			return this.initialized ? permit : initialize().then(permit);
		}

		private Mono<Void> initialize() {
			return Mono.fromCompletionStage(this.semaphore.trySetPermitsAsync(this.permits)).flatMap((set) -> {
				if (set) {
					return Mono.empty();
				}
				return Mono.fromCompletionStage(this.semaphore.getPermitsAsync()).flatMap((current) -> {
					if (current == this.permits) {
						return Mono.empty();
					}
					logger.warn("GLM limits: " + this.semaphore.getName() + " had " + current
							+ " permits in Redis; setting it to " + this.permits
							+ " (instances sharing a key prefix should share the limits)");
					return Mono.fromCompletionStage(this.semaphore.setPermitsAsync(this.permits));
				});
			}).doOnSuccess((done) -> this.initialized = true).then();
		}

		/** A lease, renewed while held. */
		private final class RedisPermit implements Permit {

			private final String id;

			private final AtomicBoolean released = new AtomicBoolean();

			private final Disposable renewal;

			RedisPermit(String id) {
				this.id = id;
				long period = RedisQuotaStore.this.leaseMillis / 3;
				this.renewal = Schedulers.parallel()
					.schedulePeriodically(this::renew, period, period, TimeUnit.MILLISECONDS);
			}

			private void renew() {
				ignoreFailure(RedisSemaphore.this.semaphore.updateLeaseTimeAsync(this.id,
						RedisQuotaStore.this.leaseMillis, TimeUnit.MILLISECONDS), "renew a lease");
			}

			@Override
			public void release() {
				if (this.released.compareAndSet(false, true)) {
					this.renewal.dispose();
					ignoreFailure(RedisSemaphore.this.semaphore.tryReleaseAsync(this.id), "release a permit");
				}
			}

		}

	}

	private static final class RedisRate implements Rate {

		private final RRateLimiter limiter;

		private final int permits;

		private final Duration window;

		private volatile boolean initialized;

		RedisRate(RRateLimiter limiter, int permits, Duration window) {
			this.limiter = limiter;
			this.permits = permits;
			this.window = window;
		}

		@Override
		public Mono<Charge> acquire(int amount, Duration wait) {
			Mono<Charge> charge = RedisQuotaStore.acquire(
					() -> wait.isZero() ? this.limiter.tryAcquireAsync(amount)
							: this.limiter.tryAcquireAsync(amount, wait),
					(granted) -> granted ? new RedisCharge(amount) : null, Charge::refund);
			return this.initialized ? charge : initialize().then(charge);
		}

		private Mono<Void> initialize() {
			return Mono.fromCompletionStage(this.limiter.trySetRateAsync(RateType.OVERALL, this.permits, this.window))
				.flatMap((set) -> set ? Mono.empty()
						: Mono.fromCompletionStage(this.limiter.getConfigAsync()).flatMap(this::update))
				.doOnSuccess((done) -> this.initialized = true)
				.then();
		}

		private Mono<Void> update(RateLimiterConfig config) {
			if (config.getRate() == this.permits && config.getRateInterval() == this.window.toMillis()
					&& config.getRateType() == RateType.OVERALL) {
				return Mono.empty();
			}
			logger.warn("GLM limits: " + this.limiter.getName() + " had rate " + config.getRate() + " per "
					+ config.getRateInterval() + " ms in Redis; setting it to " + this.permits + " per "
					+ this.window.toMillis() + " ms (instances sharing a key prefix should share the limits)");
			return Mono.fromCompletionStage(this.limiter
				.setRateAsync(RateLimiterArgs.of(RateType.OVERALL, this.permits, this.window).keepState(true)));
		}

		private final class RedisCharge implements Charge {

			private final int amount;

			private final AtomicBoolean settled = new AtomicBoolean();

			RedisCharge(int amount) {
				this.amount = amount;
			}

			@Override
			public void settle(int actual) {
				if (this.settled.compareAndSet(false, true)) {
					int delta = Math.min(actual, RedisRate.this.permits) - this.amount;
					if (delta < 0) {
						ignoreFailure(RedisRate.this.limiter.releaseAsync(-delta), "give back tokens");
					}
					else if (delta > 0) {
						ignoreFailure(RedisRate.this.limiter.tryAcquireAsync(delta), "charge tokens");
					}
				}
			}

			@Override
			public void refund() {
				if (this.settled.compareAndSet(false, true) && this.amount > 0) {
					ignoreFailure(RedisRate.this.limiter.releaseAsync(this.amount), "give back a charge");
				}
			}

		}

	}

}
