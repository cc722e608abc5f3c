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

import org.jspecify.annotations.Nullable;

import org.springframework.ai.model.ChatModelDescription;

/**
 * Catalog of the GLM models served by Bailian, with their token limits and documented
 * defaults. Unknown model ids are allowed and simply skip catalog checks.
 *
 * @author glm-spring-ai
 */
public enum GlmModel implements ChatModelDescription {

	/** GLM-4.6: 202,752-token context. */
	GLM_4_6("glm-4.6", 202_752, 169_984, 32_768, 16_384, 1.0),

	/** GLM-4.5: 131,072-token context. */
	GLM_4_5("glm-4.5", 131_072, 98_304, 32_768, 16_384, 0.6),

	/** GLM-4.5-Air: 131,072-token context. */
	GLM_4_5_AIR("glm-4.5-air", 131_072, 98_304, 32_768, 16_384, 0.6);

	/** The model used when none is configured. */
	public static final GlmModel DEFAULT = GLM_4_6;

	/** Documented default {@code top_p} of every GLM model. */
	public static final double DEFAULT_TOP_P = 0.95;

	/** Documented default {@code top_k} of every GLM model. */
	public static final int DEFAULT_TOP_K = 20;

	/** Documented default {@code repetition_penalty} of every GLM model. */
	public static final double DEFAULT_REPETITION_PENALTY = 1.0;

	private final String id;

	private final int contextWindow;

	private final int maxInputTokens;

	private final int maxReasoningTokens;

	private final int maxOutputTokens;

	private final double defaultTemperature;

	GlmModel(String id, int contextWindow, int maxInputTokens, int maxReasoningTokens, int maxOutputTokens,
			double defaultTemperature) {
		this.id = id;
		this.contextWindow = contextWindow;
		this.maxInputTokens = maxInputTokens;
		this.maxReasoningTokens = maxReasoningTokens;
		this.maxOutputTokens = maxOutputTokens;
		this.defaultTemperature = defaultTemperature;
	}

	/**
	 * The model id sent on the wire, e.g. {@code glm-4.6}.
	 * @return the id
	 */
	public String getId() {
		return this.id;
	}

	@Override
	public String getName() {
		return this.id;
	}

	/**
	 * Total context window in tokens.
	 * @return the context window
	 */
	public int getContextWindow() {
		return this.contextWindow;
	}

	/**
	 * Maximum input tokens.
	 * @return the maximum input
	 */
	public int getMaxInputTokens() {
		return this.maxInputTokens;
	}

	/**
	 * Maximum chain-of-thought tokens (upper bound of {@code thinking_budget}).
	 * @return the maximum reasoning tokens
	 */
	public int getMaxReasoningTokens() {
		return this.maxReasoningTokens;
	}

	/**
	 * Maximum answer tokens (upper bound of {@code max_tokens}; reasoning excluded).
	 * @return the maximum output tokens
	 */
	public int getMaxOutputTokens() {
		return this.maxOutputTokens;
	}

	/**
	 * Documented default temperature.
	 * @return the default temperature
	 */
	public double getDefaultTemperature() {
		return this.defaultTemperature;
	}

	/**
	 * Thinking is on by default for every GLM model on Bailian.
	 * @return {@code true}
	 */
	public boolean isThinkingEnabledByDefault() {
		return true;
	}

	/**
	 * Look up a catalog entry by model id.
	 * @param id the model id, may be {@code null}
	 * @return the catalog entry, or {@code null} for an unknown model
	 */
	public static @Nullable GlmModel find(@Nullable String id) {
		if (id == null) {
			return null;
		}
		for (GlmModel model : values()) {
			if (model.id.equals(id)) {
				return model;
			}
		}
		return null;
	}

}
