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

import java.util.concurrent.TimeUnit;

import io.github.glmspringai.limits.GlmLimit;
import io.github.glmspringai.limits.GlmRequestLimiter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The limiter's meters, tagged with {@code store} and {@code limit} (never a key):
 * {@code glm.limits.permits.active} (in-flight permits this instance holds),
 * {@code glm.limits.requests.waiting} (requests of this instance waiting for a limit) and
 * the {@code glm.limits.acquire} timer (time waited for a limit, tagged {@code outcome}:
 * acquired, timeout, store-unavailable, cancelled).
 *
 * @author glm-spring-ai
 */
public class GlmLimitsMeterBinder implements MeterBinder {

	private final GlmRequestLimiter limiter;

	/**
	 * Create the binder.
	 * @param limiter the limiter
	 */
	public GlmLimitsMeterBinder(GlmRequestLimiter limiter) {
		this.limiter = limiter;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		String store = this.limiter.getStoreName();
		if (this.limiter.getLimits().maxConcurrentRequests() != null) {
			Gauge.builder("glm.limits.permits.active", this.limiter, GlmRequestLimiter::activePermits)
				.description("In-flight GLM request permits held by this instance")
				.tags(tags(store, GlmLimit.MAX_CONCURRENT_REQUESTS))
				.register(registry);
		}
		for (GlmLimit limit : GlmLimit.values()) {
			if (this.limiter.getLimits().get(limit) != null) {
				Gauge.builder("glm.limits.requests.waiting", this.limiter, (l) -> l.waitingRequests(limit))
					.description("GLM requests of this instance waiting for a permit")
					.tags(tags(store, limit))
					.register(registry);
			}
		}
		this.limiter.addListener((limit, outcome, waitNanos) -> Timer.builder("glm.limits.acquire")
			.description("Time GLM requests waited for a permit")
			.tags(tags(store, limit).and("outcome", outcome))
			.register(registry)
			.record(waitNanos, TimeUnit.NANOSECONDS));
	}

	private static Tags tags(String store, GlmLimit limit) {
		return Tags.of("store", store, "limit", limit.propertyName());
	}

}
