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

package io.github.glmspringai.autoconfigure;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

import io.github.glmspringai.limits.GlmLimits;
import io.github.glmspringai.limits.StoreFailurePolicy;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;

/**
 * Client-side limits of GLM requests ({@code spring.ai.glm.limits.*}), held in this JVM
 * or, with {@code store=redis}, across every instance that shares the Redis key prefix.
 * No limit set: no limiter at all.
 *
 * @author glm-spring-ai
 */
@ConfigurationProperties(GlmLimitsProperties.CONFIG_PREFIX)
public class GlmLimitsProperties {

	/** The prefix of these properties. */
	public static final String CONFIG_PREFIX = "spring.ai.glm.limits";

	/**
	 * In-flight streams allowed across every instance sharing the store (Zhipu limits
	 * accounts by concurrency). Unset: no limit.
	 */
	private @Nullable Integer maxConcurrentRequests;

	/**
	 * Requests allowed in any sliding minute across every instance sharing the store
	 * (Bailian's RPM). Unset: no limit.
	 */
	private @Nullable Integer requestsPerMinute;

	/**
	 * Tokens allowed in any sliding minute across every instance sharing the store
	 * (Bailian's TPM): charged as an estimate before sending, corrected with the reported
	 * usage. Unset: no limit.
	 */
	private @Nullable Integer tokensPerMinute;

	/**
	 * Longest wait for all permits of a request before it fails with a transient
	 * 'LocalQuotaExhausted' error (a number without unit is in seconds).
	 */
	@DurationUnit(ChronoUnit.SECONDS)
	private Duration acquireTimeout = Duration.ofSeconds(30);

	/**
	 * Output tokens the tokens-per-minute estimate charges up front for a request that
	 * sets no max-tokens.
	 */
	private int defaultOutputTokens = 1024;

	/**
	 * Where permits are kept: 'local' (this JVM) or 'redis' (shared through the
	 * application's Redis, spring.data.redis.*, with Redisson).
	 */
	private Store store = Store.LOCAL;

	private final Redis redis = new Redis();

	public @Nullable Integer getMaxConcurrentRequests() {
		return this.maxConcurrentRequests;
	}

	public void setMaxConcurrentRequests(@Nullable Integer maxConcurrentRequests) {
		this.maxConcurrentRequests = maxConcurrentRequests;
	}

	public @Nullable Integer getRequestsPerMinute() {
		return this.requestsPerMinute;
	}

	public void setRequestsPerMinute(@Nullable Integer requestsPerMinute) {
		this.requestsPerMinute = requestsPerMinute;
	}

	public @Nullable Integer getTokensPerMinute() {
		return this.tokensPerMinute;
	}

	public void setTokensPerMinute(@Nullable Integer tokensPerMinute) {
		this.tokensPerMinute = tokensPerMinute;
	}

	public Duration getAcquireTimeout() {
		return this.acquireTimeout;
	}

	public void setAcquireTimeout(Duration acquireTimeout) {
		this.acquireTimeout = acquireTimeout;
	}

	public int getDefaultOutputTokens() {
		return this.defaultOutputTokens;
	}

	public void setDefaultOutputTokens(int defaultOutputTokens) {
		this.defaultOutputTokens = defaultOutputTokens;
	}

	public Store getStore() {
		return this.store;
	}

	public void setStore(Store store) {
		this.store = store;
	}

	public Redis getRedis() {
		return this.redis;
	}

	/**
	 * The limits, validated.
	 * @return the limits
	 * @throws IllegalArgumentException naming the property out of range
	 */
	public GlmLimits toLimits() {
		return GlmLimits.builder()
			.maxConcurrentRequests(this.maxConcurrentRequests)
			.requestsPerMinute(this.requestsPerMinute)
			.tokensPerMinute(this.tokensPerMinute)
			.acquireTimeout(this.acquireTimeout)
			.defaultOutputTokens(this.defaultOutputTokens)
			.build();
	}

	/** Where permits are kept. */
	public enum Store {

		/** This JVM. */
		LOCAL,

		/** The application's Redis, shared by every instance with the same key prefix. */
		REDIS

	}

	/** The Redis store. */
	public static class Redis {

		/**
		 * Prefix of the Redis keys; instances share limits when they share it, so give
		 * each account (or group of applications on one account) its own.
		 */
		private String keyPrefix = "glm-spring-ai:limits";

		/**
		 * Lease of an in-flight permit, renewed every third of it while the stream runs:
		 * the permits of an instance that dies come back after at most this long.
		 */
		@DurationUnit(ChronoUnit.SECONDS)
		private Duration leaseTime = Duration.ofSeconds(30);

		/**
		 * What happens when Redis cannot be reached: 'fail-open' sends requests without
		 * the limits (WARN once, until Redis answers again), 'fail-closed' fails them
		 * with a transient 'LimitStoreUnavailable' error.
		 */
		private StoreFailurePolicy failurePolicy = StoreFailurePolicy.FAIL_OPEN;

		public String getKeyPrefix() {
			return this.keyPrefix;
		}

		public void setKeyPrefix(String keyPrefix) {
			this.keyPrefix = keyPrefix;
		}

		public Duration getLeaseTime() {
			return this.leaseTime;
		}

		public void setLeaseTime(Duration leaseTime) {
			this.leaseTime = leaseTime;
		}

		public StoreFailurePolicy getFailurePolicy() {
			return this.failurePolicy;
		}

		public void setFailurePolicy(StoreFailurePolicy failurePolicy) {
			this.failurePolicy = failurePolicy;
		}

	}

}
