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
package io.github.glmspringai.chat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.glmspringai.api.GlmError;
import io.github.glmspringai.api.GlmServiceException;
import io.github.glmspringai.api.GlmStreamEvent;
import io.github.glmspringai.api.GlmTransientException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryState;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.retry.Retryable;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Retries a request with the application's {@link RetryTemplate} (its policy, back-off,
 * timeout and {@link RetryListener}), but only while nothing has been received: a stream
 * that already delivered data is never retried silently. A {@code Retry-After} delay from
 * the service is honoured up to the back-off's maximum delay, and the whole phase before
 * the first event (attempts and waits together) ends at the first-token deadline.
 *
 * @author glm-spring-ai
 */
final class GlmRetry {

	private static final Log logger = LogFactory.getLog(GlmRetry.class);

	private final RetryTemplate template;

	private final Duration deadline;

	GlmRetry(RetryTemplate template, Duration deadline) {
		this.template = template;
		this.deadline = deadline;
	}

	/**
	 * Subscribe to the attempts (a cold flux: each subscription sends the request again)
	 * with retries and the deadline.
	 * @param attempts the request
	 * @param name what is retried, for listeners and logs
	 * @return the events of the attempt that succeeded
	 */
	Flux<GlmStreamEvent> apply(Flux<GlmStreamEvent> attempts, String name) {
		return Flux.defer(() -> {
			Attempts state = new Attempts(name);
			Flux<GlmStreamEvent> retried = attempts.doOnNext(state::received)
				.retryWhen(Retry.from((signals) -> signals.concatMap(state::next)));
			Mono<Long> expiry = Mono.delay(this.deadline).flatMap((tick) -> {
				if (state.started) {
					return Mono.never();
				}
				state.expired = true;
				return Mono.just(tick);
			});
			return retried.takeUntilOther(expiry)
				.concatWith(Mono.defer(() -> state.expired ? Mono.error(state.deadlineError()) : Mono.empty()));
		});
	}

	private static long maxDelayMillis(BackOff backOff) {
		if (backOff instanceof ExponentialBackOff exponential) {
			return exponential.getMaxInterval();
		}
		if (backOff instanceof FixedBackOff fixed) {
			return fixed.getInterval();
		}
		return Long.MAX_VALUE;
	}

	private static String format(Duration duration) {
		return (duration.toMillis() % 1000 == 0) ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
	}

	/** The retry state of one call or stream. */
	private final class Attempts implements Retryable<Object>, RetryState {

		private final RetryPolicy policy = GlmRetry.this.template.getRetryPolicy();

		private final RetryListener listener = GlmRetry.this.template.getRetryListener();

		private final BackOffExecution backOff = this.policy.getBackOff().start();

		private final long start = System.nanoTime();

		private final String name;

		private final List<Throwable> failures = new ArrayList<>(2);

		private volatile boolean started;

		private volatile boolean expired;

		private int retries;

		Attempts(String name) {
			this.name = name;
		}

		void received(GlmStreamEvent event) {
			if (!this.started) {
				this.started = true;
				if (this.retries > 0) {
					this.listener.onRetrySuccess(this.policy, this, event);
				}
				this.listener.onRetryableExecution(this.policy, this, this);
			}
		}

		Mono<Long> next(Retry.RetrySignal signal) {
			Throwable failure = signal.failure();
			this.failures.add(failure);
			if (this.retries > 0) {
				this.listener.onRetryFailure(this.policy, this, failure);
			}
			this.listener.onRetryableExecution(this.policy, this, this);
			if (this.started || !this.policy.shouldRetry(failure)) {
				return Mono.error(failure);
			}
			long backOffMillis = this.backOff.nextBackOff();
			if (backOffMillis == BackOffExecution.STOP) {
				this.listener.onRetryPolicyExhaustion(this.policy, this, new RetryException(
						"retry policy exhausted after " + (this.retries + 1) + " attempts", failure));
				return Mono.error(failure);
			}
			Duration delay = Duration.ofMillis(backOffMillis);
			if (failure instanceof GlmServiceException gse && gse.getRetryAfter() != null
					&& gse.getRetryAfter().compareTo(delay) > 0) {
				delay = Duration.ofMillis(Math.min(gse.getRetryAfter().toMillis(),
						Math.max(backOffMillis, maxDelayMillis(this.policy.getBackOff()))));
			}
			Duration elapsed = Duration.ofNanos(System.nanoTime() - this.start);
			Duration timeout = this.policy.getTimeout();
			if (!timeout.isZero() && !timeout.isNegative() && elapsed.plus(delay).compareTo(timeout) > 0) {
				this.listener.onRetryPolicyTimeout(this.policy, this,
						new RetryException("retry policy timeout of " + format(timeout) + " exceeded", failure));
				return Mono.error(failure);
			}
			if (elapsed.plus(delay).compareTo(GlmRetry.this.deadline) >= 0) {
				this.listener.onRetryPolicyTimeout(this.policy, this,
						new RetryException("first-token deadline exceeded", failure));
				return Mono.error(deadlineError());
			}
			this.retries++;
			if (logger.isWarnEnabled()) {
				logger.warn("Retrying GLM request in " + delay.toMillis() + " ms (attempt " + (this.retries + 1)
						+ ") after: " + failure.getMessage());
			}
			return Mono.delay(delay).doOnNext((tick) -> this.listener.beforeRetry(this.policy, this, this));
		}

		Throwable deadlineError() {
			Throwable last = this.failures.isEmpty() ? null : this.failures.get(this.failures.size() - 1);
			String message = "no event arrived within the first-token deadline of " + format(GlmRetry.this.deadline)
					+ " (spring.ai.glm.first-token-deadline) across " + (this.retries + 1) + " attempt(s)"
					+ ((last != null) ? "; last failure: " + last.getMessage() : "");
			return new GlmTransientException(GlmError.of(0, "FirstTokenDeadline", message, null), last);
		}

		@Override
		public Object execute() {
			throw new IllegalStateException("GLM requests are retried by re-subscribing, not executed here");
		}

		@Override
		public String getName() {
			return this.name;
		}

		@Override
		public int getRetryCount() {
			return this.retries;
		}

		@Override
		public List<Throwable> getExceptions() {
			return List.copyOf(this.failures);
		}

	}

}
