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

import io.github.glmspringai.api.GlmApi;
import io.github.glmspringai.api.GlmApiProtocol;
import io.github.glmspringai.api.GlmRequest;
import io.github.glmspringai.api.GlmStreamEvent;
import reactor.core.publisher.Flux;

/**
 * A {@link GlmApi} whose every request (every subscription) goes through a
 * {@link GlmRequestLimiter}.
 *
 * @author glm-spring-ai
 */
final class LimitedGlmApi implements GlmApi {

	private final GlmApi delegate;

	private final GlmRequestLimiter limiter;

	LimitedGlmApi(GlmApi delegate, GlmRequestLimiter limiter) {
		this.delegate = delegate;
		this.limiter = limiter;
	}

	@Override
	public GlmApiProtocol getProtocol() {
		return this.delegate.getProtocol();
	}

	@Override
	public Flux<GlmStreamEvent> stream(GlmRequest request) {
		return this.limiter.stream(request, this.delegate::stream);
	}

	@Override
	public String redact(String text) {
		return this.delegate.redact(text);
	}

	@Override
	public void close() {
		this.delegate.close();
	}

	@Override
	public String toString() {
		return "LimitedGlmApi{" + this.delegate + ", " + this.limiter + '}';
	}

}
