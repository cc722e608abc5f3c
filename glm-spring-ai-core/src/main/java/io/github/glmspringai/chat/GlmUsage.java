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

import java.util.Map;
import java.util.Objects;

import io.github.glmspringai.api.GlmTokenUsage;

import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;

/**
 * Token usage of one GLM turn, including reasoning (chain-of-thought) tokens and cached
 * prompt tokens when the service reports them.
 *
 * @author glm-spring-ai
 */
public final class GlmUsage implements Usage {

	/**
	 * Metadata key, on the assistant message of {@code call()} and of a stream's last
	 * chunk, of the turn's reasoning tokens (an {@code Integer}).
	 */
	public static final String REASONING_TOKENS = "reasoningTokens";

	/**
	 * Metadata key, on the assistant message of {@code call()} and of a stream's last
	 * chunk, of the turn's cached prompt tokens (a {@code Long}).
	 */
	public static final String CACHED_TOKENS = "cachedTokens";

	private final int promptTokens;

	private final int completionTokens;

	private final int totalTokens;

	private final @Nullable Integer reasoningTokens;

	private final @Nullable Long cachedTokens;

	private final @Nullable Object nativeUsage;

	/**
	 * Create a usage.
	 * @param promptTokens input tokens
	 * @param completionTokens output tokens (reasoning included)
	 * @param totalTokens total tokens; computed when {@code null}
	 * @param reasoningTokens reasoning tokens, {@code null} when not reported
	 * @param cachedTokens cached prompt tokens, {@code null} when not reported
	 * @param nativeUsage the wire usage object
	 */
	public GlmUsage(int promptTokens, int completionTokens, @Nullable Integer totalTokens,
			@Nullable Integer reasoningTokens, @Nullable Long cachedTokens, @Nullable Object nativeUsage) {
		this.promptTokens = promptTokens;
		this.completionTokens = completionTokens;
		this.totalTokens = (totalTokens != null) ? totalTokens : promptTokens + completionTokens;
		this.reasoningTokens = reasoningTokens;
		this.cachedTokens = cachedTokens;
		this.nativeUsage = nativeUsage;
	}

	/**
	 * The usage a protocol reported.
	 * @param usage the wire usage
	 * @return the usage
	 */
	public static GlmUsage from(GlmTokenUsage usage) {
		return new GlmUsage(usage.promptTokens(), usage.completionTokens(), usage.totalTokens(),
				usage.reasoningTokens(), usage.cachedTokens(), usage.nativeUsage());
	}

	/**
	 * The usage of a response, with reasoning and cached tokens even when the response
	 * was rebuilt by Spring AI's {@code MessageAggregator} (as
	 * {@code ChatClient.stream()} users end up with), which keeps only prompt, completion
	 * and total tokens in its usage: they are read back from the message metadata.
	 * @param response a response of this model, or an aggregate of its chunks
	 * @return the usage (zeros when the response has none)
	 */
	public static GlmUsage from(@Nullable ChatResponse response) {
		if (response == null) {
			return new GlmUsage(0, 0, 0, null, null, null);
		}
		Usage usage = response.getMetadata().getUsage();
		if (usage instanceof GlmUsage glm) {
			return glm;
		}
		Generation generation = response.getResult();
		Map<String, Object> metadata = (generation != null) ? generation.getOutput().getMetadata() : Map.of();
		Object reasoning = metadata.get(REASONING_TOKENS);
		Object cached = metadata.get(CACHED_TOKENS);
		return new GlmUsage(orZero(usage.getPromptTokens()), orZero(usage.getCompletionTokens()),
				usage.getTotalTokens(), (reasoning instanceof Number n) ? n.intValue() : null,
				(cached instanceof Number n) ? n.longValue() : null, usage.getNativeUsage());
	}

	private static int orZero(@Nullable Integer value) {
		return (value != null) ? value : 0;
	}

	@Override
	public Integer getPromptTokens() {
		return this.promptTokens;
	}

	@Override
	public Integer getCompletionTokens() {
		return this.completionTokens;
	}

	@Override
	public Integer getTotalTokens() {
		return this.totalTokens;
	}

	/**
	 * Reasoning tokens (part of the completion tokens), or {@code null} when the service
	 * did not report them.
	 * @return the reasoning tokens
	 */
	public @Nullable Integer getReasoningTokens() {
		return this.reasoningTokens;
	}

	@Override
	public @Nullable Long getCacheReadInputTokens() {
		return this.cachedTokens;
	}

	@Override
	public @Nullable Object getNativeUsage() {
		return this.nativeUsage;
	}

	@Override
	public boolean equals(@Nullable Object o) {
		if (this == o) {
			return true;
		}
		if (!(o instanceof GlmUsage that)) {
			return false;
		}
		return this.promptTokens == that.promptTokens && this.completionTokens == that.completionTokens
				&& this.totalTokens == that.totalTokens && Objects.equals(this.reasoningTokens, that.reasoningTokens)
				&& Objects.equals(this.cachedTokens, that.cachedTokens);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.promptTokens, this.completionTokens, this.totalTokens, this.reasoningTokens,
				this.cachedTokens);
	}

	@Override
	public String toString() {
		return "GlmUsage{promptTokens=" + this.promptTokens + ", completionTokens=" + this.completionTokens
				+ ", totalTokens=" + this.totalTokens + ", reasoningTokens=" + this.reasoningTokens + ", cachedTokens="
				+ this.cachedTokens + '}';
	}

}
