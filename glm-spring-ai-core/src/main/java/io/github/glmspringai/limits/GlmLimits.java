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

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The limits a {@link GlmRequestLimiter} holds; a {@code null} limit is not enforced.
 * Immutable.
 *
 * @param maxConcurrentRequests in-flight streams allowed, or {@code null}
 * @param requestsPerMinute requests allowed in any sliding minute, or {@code null}
 * @param tokensPerMinute tokens allowed in any sliding minute, or {@code null}
 * @param acquireTimeout the longest wait for all permits of a request
 * @param defaultOutputTokens the output charged up front by the tokens-per-minute
 * estimate when a request sets no {@code maxTokens}
 * @author glm-spring-ai
 */
public record GlmLimits(@Nullable Integer maxConcurrentRequests, @Nullable Integer requestsPerMinute,
		@Nullable Integer tokensPerMinute, Duration acquireTimeout, int defaultOutputTokens) {

	/** The default {@link #acquireTimeout()}: 30 seconds. */
	public static final Duration DEFAULT_ACQUIRE_TIMEOUT = Duration.ofSeconds(30);

	/** The default {@link #defaultOutputTokens()}: 1024. */
	public static final int DEFAULT_OUTPUT_TOKENS = 1024;

	public GlmLimits {
		requirePositive(maxConcurrentRequests, GlmLimit.MAX_CONCURRENT_REQUESTS);
		requirePositive(requestsPerMinute, GlmLimit.REQUESTS_PER_MINUTE);
		requirePositive(tokensPerMinute, GlmLimit.TOKENS_PER_MINUTE);
		Assert.notNull(acquireTimeout, "acquireTimeout must not be null");
		Assert.isTrue(!acquireTimeout.isNegative(), () -> "acquire-timeout must be >= 0 but was " + acquireTimeout);
		Assert.isTrue(defaultOutputTokens >= 1,
				() -> "default-output-tokens must be in [1, 2147483647] but was " + defaultOutputTokens);
	}

	/**
	 * Start building limits (none set, default timeout and output estimate).
	 * @return a builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Whether no limit is set: a limiter of such limits would only cost time, so none is
	 * made.
	 * @return {@code true} when every limit is {@code null}
	 */
	public boolean isEmpty() {
		return this.maxConcurrentRequests == null && this.requestsPerMinute == null && this.tokensPerMinute == null;
	}

	/**
	 * The configured value of a limit.
	 * @param limit the limit
	 * @return its value, or {@code null} when not set
	 */
	public @Nullable Integer get(GlmLimit limit) {
		return switch (limit) {
			case MAX_CONCURRENT_REQUESTS -> this.maxConcurrentRequests;
			case REQUESTS_PER_MINUTE -> this.requestsPerMinute;
			case TOKENS_PER_MINUTE -> this.tokensPerMinute;
		};
	}

	/**
	 * The limits that are set, as {@code name=value} pairs, e.g.
	 * {@code max-concurrent-requests=4, requests-per-minute=500}.
	 * @return the description
	 */
	public String describe() {
		StringBuilder sb = new StringBuilder();
		for (GlmLimit limit : GlmLimit.values()) {
			Integer value = get(limit);
			if (value != null) {
				sb.append((sb.length() > 0) ? ", " : "").append(limit.propertyName()).append('=').append(value);
			}
		}
		return (sb.length() > 0) ? sb.toString() : "none";
	}

	private static void requirePositive(@Nullable Integer value, GlmLimit limit) {
		Assert.isTrue(value == null || value >= 1,
				() -> limit.propertyName() + " must be in [1, 2147483647] (or unset) but was " + value);
	}

	/**
	 * Builds {@link GlmLimits}.
	 */
	public static final class Builder {

		private @Nullable Integer maxConcurrentRequests;

		private @Nullable Integer requestsPerMinute;

		private @Nullable Integer tokensPerMinute;

		private Duration acquireTimeout = DEFAULT_ACQUIRE_TIMEOUT;

		private int defaultOutputTokens = DEFAULT_OUTPUT_TOKENS;

		private Builder() {
		}

		/**
		 * In-flight streams allowed.
		 * @param value the limit, or {@code null} for none
		 * @return this builder
		 */
		public Builder maxConcurrentRequests(@Nullable Integer value) {
			this.maxConcurrentRequests = value;
			return this;
		}

		/**
		 * Requests allowed in any sliding minute.
		 * @param value the limit, or {@code null} for none
		 * @return this builder
		 */
		public Builder requestsPerMinute(@Nullable Integer value) {
			this.requestsPerMinute = value;
			return this;
		}

		/**
		 * Tokens allowed in any sliding minute.
		 * @param value the limit, or {@code null} for none
		 * @return this builder
		 */
		public Builder tokensPerMinute(@Nullable Integer value) {
			this.tokensPerMinute = value;
			return this;
		}

		/**
		 * The longest wait for all permits of a request (default 30 s).
		 * @param value the timeout
		 * @return this builder
		 */
		public Builder acquireTimeout(Duration value) {
			this.acquireTimeout = value;
			return this;
		}

		/**
		 * The output charged up front when a request sets no {@code maxTokens} (default
		 * 1024).
		 * @param value the token count
		 * @return this builder
		 */
		public Builder defaultOutputTokens(int value) {
			this.defaultOutputTokens = value;
			return this;
		}

		/**
		 * Build the limits.
		 * @return the limits
		 * @throws IllegalArgumentException naming the first value out of range
		 */
		public GlmLimits build() {
			return new GlmLimits(this.maxConcurrentRequests, this.requestsPerMinute, this.tokensPerMinute,
					this.acquireTimeout, this.defaultOutputTokens);
		}

	}

}
