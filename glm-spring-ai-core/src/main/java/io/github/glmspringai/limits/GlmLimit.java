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

/**
 * The limits a {@link GlmRequestLimiter} can hold, named as their
 * {@code spring.ai.glm.limits.*} properties (the names tag metrics and errors).
 *
 * @author glm-spring-ai
 */
public enum GlmLimit {

	/** In-flight streams: a permit is held from sending until the stream ends. */
	MAX_CONCURRENT_REQUESTS("max-concurrent-requests"),

	/** Requests sent in any sliding minute. */
	REQUESTS_PER_MINUTE("requests-per-minute"),

	/** Tokens (estimated, then corrected by the reported usage) in any sliding minute. */
	TOKENS_PER_MINUTE("tokens-per-minute");

	private final String propertyName;

	GlmLimit(String propertyName) {
		this.propertyName = propertyName;
	}

	/**
	 * The property name, e.g. {@code max-concurrent-requests}.
	 * @return the name
	 */
	public String propertyName() {
		return this.propertyName;
	}

}
