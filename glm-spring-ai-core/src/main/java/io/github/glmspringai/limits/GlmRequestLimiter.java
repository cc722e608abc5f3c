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
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Function;

import io.github.glmspringai.api.GlmApi;
import io.github.glmspringai.api.GlmError;
import io.github.glmspringai.api.GlmRequest;
import io.github.glmspringai.api.GlmServiceException;
import io.github.glmspringai.api.GlmStreamEvent;
import io.github.glmspringai.api.GlmTokenUsage;
import io.github.glmspringai.api.GlmTransientException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.util.Assert;

/**
 * Holds {@link GlmLimits} for the requests of the {@link GlmApi}s it
 * {@linkplain #limit(GlmApi) decorates}, in a {@link QuotaStore}.
 * <p>
 * Each subscription to a limited stream (so each retry attempt) first takes, in this
 * order and within one {@link GlmLimits#acquireTimeout() acquire-timeout}: an in-flight
 * permit, a request of the minute, and the {@linkplain TokenEstimator estimated tokens}
 * of the minute; only then is the request sent. The in-flight permit is held until the
 * stream completes, fails or is cancelled; the token charge is then corrected to the
 * usage the service reported. A request that gets no permit in time fails with a
 * {@link GlmTransientException} coded {@value #QUOTA_EXHAUSTED} naming the limit; a
 * request abandoned while waiting gives back what it had taken. Waiting parks no thread.
 *
 * @author glm-spring-ai
 */
public final class GlmRequestLimiter implements AutoCloseable {

	/** The error code of a request that got no permit within the acquire-timeout. */
	public static final String QUOTA_EXHAUSTED = "LocalQuotaExhausted";

	/** The error code of a request failed because the store is down (fail-closed). */
	public static final String STORE_UNAVAILABLE = "LimitStoreUnavailable";

	/** The window of the per-minute limits. */
	static final Duration MINUTE = Duration.ofMinutes(1);

	/**
	 * After a store failure, how long requests skip the store before it is tried again.
	 */
	static final Duration STORE_RETRY_INTERVAL = Duration.ofSeconds(5);

	private static final Log logger = LogFactory.getLog(GlmRequestLimiter.class);

	private final GlmLimits limits;

	private final QuotaStore store;

	private final StoreFailurePolicy failurePolicy;

	private final QuotaStore.@Nullable Semaphore concurrency;

	private final QuotaStore.@Nullable Rate requests;

	private final QuotaStore.@Nullable Rate tokens;

	private final AtomicInteger active = new AtomicInteger();

	private final AtomicInteger[] waiting = new AtomicInteger[GlmLimit.values().length];

	private final List<AcquireListener> listeners = new CopyOnWriteArrayList<>();

	private final AtomicBoolean throttleWarned = new AtomicBoolean();

	private final AtomicBoolean storeDown = new AtomicBoolean();

	private volatile long storeRetryAt;

	private GlmRequestLimiter(GlmLimits limits, QuotaStore store, StoreFailurePolicy failurePolicy) {
		this.limits = limits;
		this.store = store;
		this.failurePolicy = failurePolicy;
		Integer max = limits.maxConcurrentRequests();
		Integer rpm = limits.requestsPerMinute();
		Integer tpm = limits.tokensPerMinute();
		this.concurrency = (max != null) ? store.semaphore(GlmLimit.MAX_CONCURRENT_REQUESTS, max) : null;
		this.requests = (rpm != null) ? store.rate(GlmLimit.REQUESTS_PER_MINUTE, rpm, MINUTE) : null;
		this.tokens = (tpm != null) ? store.rate(GlmLimit.TOKENS_PER_MINUTE, tpm, MINUTE) : null;
		for (int i = 0; i < this.waiting.length; i++) {
			this.waiting[i] = new AtomicInteger();
		}
	}

	/**
	 * Start building a limiter.
	 * @return a builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * A client that sends each request through this limiter; the client itself when no
	 * limit is set (no cost at all).
	 * @param api the client to limit
	 * @return the limited client
	 */
	public GlmApi limit(GlmApi api) {
		return this.limits.isEmpty() ? api : new LimitedGlmApi(api, this);
	}

	/**
	 * The limits held.
	 * @return the limits
	 */
	public GlmLimits getLimits() {
		return this.limits;
	}

	/**
	 * The store's name, e.g. {@code local} or {@code redis}.
	 * @return the name
	 */
	public String getStoreName() {
		return this.store.name();
	}

	/**
	 * The in-flight permits this instance holds now.
	 * @return the permits
	 */
	public int activePermits() {
		return this.active.get();
	}

	/**
	 * The requests of this instance waiting for a limit now.
	 * @param limit the limit
	 * @return the requests
	 */
	public int waitingRequests(GlmLimit limit) {
		return this.waiting[limit.ordinal()].get();
	}

	/**
	 * Be told of every acquisition (e.g. to time the waits).
	 * @param listener the listener
	 */
	public void addListener(AcquireListener listener) {
		this.listeners.add(listener);
	}

	/** Close the store (permits held in a shared store expire with their leases). */
	@Override
	public void close() {
		this.store.close();
	}

	@Override
	public String toString() {
		return "GlmRequestLimiter{" + this.limits.describe() + ", store=" + this.store.name() + ", failurePolicy="
				+ this.failurePolicy + '}';
	}

	Flux<GlmStreamEvent> stream(GlmRequest request, Function<GlmRequest, Flux<GlmStreamEvent>> send) {
		return Flux.usingWhen(acquire(request),
				(ticket) -> send.apply(request).doOnNext(ticket::observe).doOnError(this::checkThrottled),
				(ticket) -> ticket.end(), (ticket, ex) -> ticket.end(), (ticket) -> ticket.end());
	}

	private Mono<Ticket> acquire(GlmRequest request) {
		return Mono.defer(() -> {
			long start = System.nanoTime();
			Ticket ticket = new Ticket();
			Mono<Ticket> chain = Mono.just(ticket);
			QuotaStore.Semaphore semaphore = this.concurrency;
			if (semaphore != null) {
				chain = chain
					.flatMap((t) -> step(t, GlmLimit.MAX_CONCURRENT_REQUESTS, start, semaphore::acquire, Ticket::hold));
			}
			QuotaStore.Rate rpm = this.requests;
			if (rpm != null) {
				chain = chain.flatMap((t) -> step(t, GlmLimit.REQUESTS_PER_MINUTE, start,
						(wait) -> rpm.acquire(1, wait), (held, charge) -> held.request = charge));
			}
			QuotaStore.Rate tpm = this.tokens;
			Integer tokensPerMinute = this.limits.tokensPerMinute();
			if (tpm != null && tokensPerMinute != null) {
				int estimate = (int) Math.min(TokenEstimator.estimate(request, this.limits.defaultOutputTokens()),
						tokensPerMinute);
				chain = chain.flatMap((t) -> step(t, GlmLimit.TOKENS_PER_MINUTE, start,
						(wait) -> tpm.acquire(estimate, wait), (held, charge) -> held.tokens = charge));
			}
			return chain.doOnError((ex) -> ticket.abandon()).doOnCancel(ticket::abandon);
		});
	}

	private <H> Mono<Ticket> step(Ticket ticket, GlmLimit limit, long start, Function<Duration, Mono<H>> acquire,
			BiConsumer<Ticket, H> keep) {
		if (this.storeDown.get() && System.nanoTime() - this.storeRetryAt < 0) {
			return storeUnavailable(ticket, limit, null);
		}
		long waitStart = System.nanoTime();
		Duration wait = Duration.ofNanos(Math.max(0, this.limits.acquireTimeout().toNanos() - (waitStart - start)));
		AtomicInteger counter = this.waiting[limit.ordinal()];
		counter.incrementAndGet();
		String[] outcome = { AcquireListener.CANCELLED };
		return acquire.apply(wait).map((held) -> {
			keep.accept(ticket, held);
			outcome[0] = AcquireListener.ACQUIRED;
			storeAnswered();
			return ticket;
		}).switchIfEmpty(Mono.defer(() -> {
			outcome[0] = AcquireListener.TIMEOUT;
			storeAnswered();
			return Mono.error(exhausted(limit, System.nanoTime() - start));
		})).onErrorResume((ex) -> !(ex instanceof GlmTransientException), (ex) -> {
			outcome[0] = AcquireListener.STORE_UNAVAILABLE;
			return storeUnavailable(ticket, limit, ex);
		}).doFinally((signal) -> {
			counter.decrementAndGet();
			long waited = System.nanoTime() - waitStart;
			for (AcquireListener listener : this.listeners) {
				listener.onAcquire(limit, outcome[0], waited);
			}
		});
	}

	private GlmTransientException exhausted(GlmLimit limit, long waitedNanos) {
		String message = "GLM request not sent: no permit of " + limit.propertyName() + "=" + this.limits.get(limit)
				+ " (store " + this.store.name() + ") after waiting " + Duration.ofNanos(waitedNanos).toMillis()
				+ " ms (spring.ai.glm.limits.acquire-timeout=" + this.limits.acquireTimeout().toMillis() + "ms)";
		return new GlmTransientException(GlmError.of(0, QUOTA_EXHAUSTED, message, null), null);
	}

	private Mono<Ticket> storeUnavailable(Ticket ticket, GlmLimit limit, @Nullable Throwable failure) {
		if (failure != null) {
			this.storeRetryAt = System.nanoTime() + STORE_RETRY_INTERVAL.toNanos();
			if (this.storeDown.compareAndSet(false, true) && logger.isWarnEnabled()) {
				logger.warn("GLM limits store '" + this.store.name() + "' failed (" + failure + "); "
						+ ((this.failurePolicy == StoreFailurePolicy.FAIL_OPEN)
								? "fail-open: requests are sent without the limits until it answers again"
								: "fail-closed: requests fail until it answers again")
						+ " (limits " + this.limits.describe() + ")");
			}
		}
		if (this.failurePolicy == StoreFailurePolicy.FAIL_OPEN) {
			return Mono.just(ticket);
		}
		String message = "GLM request not sent: the limits store '" + this.store.name() + "' is unavailable for "
				+ limit.propertyName() + " (spring.ai.glm.limits.redis.failure-policy=fail-closed)";
		return Mono.error(new GlmTransientException(GlmError.of(0, STORE_UNAVAILABLE, message, null), failure));
	}

	private void storeAnswered() {
		if (this.storeDown.get() && this.storeDown.compareAndSet(true, false) && logger.isInfoEnabled()) {
			logger.info("GLM limits store '" + this.store.name() + "' answers again; limits " + this.limits.describe()
					+ " apply");
		}
	}

	/**
	 * A transient 429 (Zhipu: 1302 concurrency) means the account's limit was hit; a 429
	 * that is not worth a retry (Zhipu's arrears, 1113, or a plan quota) is not
	 * throttling.
	 */
	private void checkThrottled(Throwable failure) {
		if (failure instanceof GlmServiceException service && failure instanceof GlmTransientException
				&& (service.getStatusCode() == 429 || "1302".equals(service.getErrorCode()))
				&& this.throttleWarned.compareAndSet(false, true) && logger.isWarnEnabled()) {
			logger.warn("GLM service throttled a request that the client-side limits allowed (HTTP "
					+ service.getStatusCode() + ", code " + service.getErrorCode() + ") with " + this.limits.describe()
					+ " (store " + this.store.name() + "): the configured limit is too high for the account, "
					+ "or other clients share it; lower spring.ai.glm.limits.* (logged once)");
		}
	}

	/** What one request holds, given back exactly once. */
	private final class Ticket {

		private final AtomicBoolean ended = new AtomicBoolean();

		private volatile QuotaStore.@Nullable Permit permit;

		private volatile QuotaStore.@Nullable Charge request;

		private volatile QuotaStore.@Nullable Charge tokens;

		private volatile @Nullable GlmTokenUsage usage;

		void hold(QuotaStore.Permit held) {
			this.permit = held;
			GlmRequestLimiter.this.active.incrementAndGet();
		}

		void observe(GlmStreamEvent event) {
			if (event.usage() != null) {
				this.usage = event.usage();
			}
		}

		/** The request was sent: free the in-flight permit, settle the tokens. */
		Mono<Void> end() {
			if (this.ended.compareAndSet(false, true)) {
				releasePermit();
				QuotaStore.Charge charge = this.tokens;
				GlmTokenUsage reported = this.usage;
				Integer tpm = GlmRequestLimiter.this.limits.tokensPerMinute();
				if (charge != null && reported != null && tpm != null) {
					charge.settle((int) Math.min(TokenEstimator.actual(reported), tpm));
				}
			}
			return Mono.empty();
		}

		/** The request was never sent: give everything back. */
		void abandon() {
			if (this.ended.compareAndSet(false, true)) {
				releasePermit();
				QuotaStore.Charge charge = this.request;
				if (charge != null) {
					charge.refund();
				}
				charge = this.tokens;
				if (charge != null) {
					charge.refund();
				}
			}
		}

		private void releasePermit() {
			QuotaStore.Permit held = this.permit;
			if (held != null) {
				GlmRequestLimiter.this.active.decrementAndGet();
				held.release();
			}
		}

	}

	/**
	 * Told of every acquisition of a limit, e.g. to time the waits.
	 */
	@FunctionalInterface
	public interface AcquireListener {

		/** The permit was granted. */
		String ACQUIRED = "acquired";

		/** No permit within the acquire-timeout. */
		String TIMEOUT = "timeout";

		/** The store failed (the failure policy applied). */
		String STORE_UNAVAILABLE = "store-unavailable";

		/** The request was cancelled while it waited. */
		String CANCELLED = "cancelled";

		/**
		 * An acquisition ended.
		 * @param limit the limit
		 * @param outcome {@link #ACQUIRED}, {@link #TIMEOUT}, {@link #STORE_UNAVAILABLE}
		 * or {@link #CANCELLED}
		 * @param waitNanos how long it waited
		 */
		void onAcquire(GlmLimit limit, String outcome, long waitNanos);

	}

	/**
	 * Builds a {@link GlmRequestLimiter}.
	 */
	public static final class Builder {

		private GlmLimits limits = GlmLimits.builder().build();

		private @Nullable QuotaStore store;

		private StoreFailurePolicy failurePolicy = StoreFailurePolicy.FAIL_OPEN;

		private Builder() {
		}

		/**
		 * The limits (default: none, and {@link #limit} then returns the client itself).
		 * @param limits the limits
		 * @return this builder
		 */
		public Builder limits(GlmLimits limits) {
			this.limits = limits;
			return this;
		}

		/**
		 * Where the permits are kept (default: a {@link LocalQuotaStore}).
		 * @param store the store
		 * @return this builder
		 */
		public Builder store(QuotaStore store) {
			this.store = store;
			return this;
		}

		/**
		 * What to do when the store fails (default {@link StoreFailurePolicy#FAIL_OPEN}).
		 * @param failurePolicy the policy
		 * @return this builder
		 */
		public Builder failurePolicy(StoreFailurePolicy failurePolicy) {
			this.failurePolicy = failurePolicy;
			return this;
		}

		/**
		 * Build the limiter.
		 * @return the limiter
		 */
		public GlmRequestLimiter build() {
			Assert.notNull(this.limits, "limits must not be null");
			Assert.notNull(this.failurePolicy, "failurePolicy must not be null");
			QuotaStore quotaStore = this.store;
			return new GlmRequestLimiter(this.limits, (quotaStore != null) ? quotaStore : new LocalQuotaStore(),
					this.failurePolicy);
		}

	}

}
