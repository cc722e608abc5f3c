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

import org.jspecify.annotations.Nullable;

/**
 * Token usage as a protocol reports it, in protocol-neutral names. The chat layer turns
 * it into a Spring AI {@code Usage}.
 *
 * @param promptTokens input tokens
 * @param completionTokens output tokens (reasoning included)
 * @param totalTokens total tokens, {@code null} when not reported
 * @param reasoningTokens reasoning tokens, {@code null} when not reported
 * @param cachedTokens cached prompt tokens, {@code null} when not reported
 * @param nativeUsage the wire usage object
 * @author glm-spring-ai
 */
public record GlmTokenUsage(int promptTokens, int completionTokens, @Nullable Integer totalTokens,
		@Nullable Integer reasoningTokens, @Nullable Long cachedTokens, @Nullable Object nativeUsage) {

}
