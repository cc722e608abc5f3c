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

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.ai.model.ChatModelDescription;

/**
 * Catalog of GLM models with their documented limits (per platform: Bailian and Zhipu's
 * BigModel / Z.ai), defaults, capabilities and announced retirement. A limit the sources
 * do not state, or state differently, is {@code null} and not checked. Unknown model ids
 * (future models, {@code ZHIPU/GLM-5.x} direct-supply ids) are allowed and skip catalog
 * checks. Adding a model is one constant.
 * <p>
 * Sources (see {@code reference/bailian-2026.md} and {@code reference/zhipu-api.md}):
 * Bailian limits are from the GLM product page (versions of Feb–Jun 2026) and model
 * cards; Zhipu limits from the Z.ai API spec ({@code max_tokens} maximum 131072, 96K for
 * the GLM-4.5 series); reasoning-effort values from Bailian's OpenAI-compatible reference
 * (Oct–Nov 2026) and Zhipu's spec; the retirement of glm-4.6 and glm-4.7 on Bailian from
 * the notice of 2026-10-10 (an earlier notice said 2026-07-09; the later one is kept).
 *
 * @author glm-spring-ai
 */
public enum GlmModel implements ChatModelDescription {

	/**
	 * GLM-5.3 (Aug 2026): always thinks, ignores {@code thinking_budget}, and its
	 * {@code max_tokens} counts the chain of thought. Bailian card: 1M context, 128K
	 * output; max input and chain of thought not stated.
	 */
	GLM_5_3(spec("glm-5.3").bailian(null, null, null, 131_072)
		.zhipu(131_072)
		.temperature(1.0)
		.alwaysThinks()
		.bailianEffort("low", "high", "max")
		.zhipuEffort("low", "high", "max")),

	/**
	 * GLM-5.2 (Jun 2026): 1M context; {@code max_tokens} counts the chain of thought
	 * unless {@code thinking_budget} is set. Bailian's exact limits come only from a
	 * secondary copy of its card: not checked.
	 */
	GLM_5_2(spec("glm-5.2").bailian(null, null, null, null)
		.zhipu(131_072)
		.temperature(1.0)
		.bailianEffort("low", "medium", "high", "xhigh", "max")
		.zhipuEffort("none", "minimal", "low", "medium", "high", "xhigh", "max")),

	/** GLM-5.1 (Apr 2026): Bailian's limits are not stated by a primary source. */
	GLM_5_1(spec("glm-5.1").bailian(null, null, null, null)
		.zhipu(131_072)
		.temperature(1.0)
		.bailianEffort("low", "medium", "high", "xhigh", "max")),

	/**
	 * GLM-5 (Feb 2026), the default. Bailian: 202,752-token context, 32,768 chain of
	 * thought, 16,384 answer; max input unset (the product page says 202,752, the model
	 * card 169,984).
	 */
	GLM_5(spec("glm-5").bailian(202_752, null, 32_768, 16_384)
		.zhipu(131_072)
		.temperature(1.0)
		.bailianEffort("low", "medium", "high", "xhigh", "max")),

	/** GLM-4.7: 202,752-token context on Bailian; retired there on 2026-10-10. */
	GLM_4_7(spec("glm-4.7").bailian(202_752, 169_984, 32_768, 16_384)
		.zhipu(131_072)
		.temperature(1.0)
		.noBailianEffort()
		.retiredOnBailian(LocalDate.of(2026, 10, 10))),

	/** GLM-4.6: 202,752-token context on Bailian; retired there on 2026-10-10. */
	GLM_4_6(spec("glm-4.6").bailian(202_752, 169_984, 32_768, 16_384)
		.zhipu(131_072)
		.temperature(1.0)
		.noBailianEffort()
		.retiredOnBailian(LocalDate.of(2026, 10, 10))),

	/** GLM-4.5: 131,072-token context; JSON mode also while thinking. */
	GLM_4_5(spec("glm-4.5").bailian(131_072, 98_304, 32_768, 16_384)
		.zhipu(98_304)
		.temperature(0.6)
		.noBailianEffort()
		.jsonModeWhileThinking()),

	/** GLM-4.5-Air: 131,072-token context; JSON mode also while thinking. */
	GLM_4_5_AIR(spec("glm-4.5-air").bailian(131_072, 98_304, 32_768, 16_384)
		.zhipu(98_304)
		.temperature(0.6)
		.noBailianEffort()
		.jsonModeWhileThinking()),

	/** GLM-4.7-Flash: free on BigModel and Z.ai; not served on Bailian. */
	GLM_4_7_FLASH(spec("glm-4.7-flash").zhipu(131_072).temperature(1.0)),

	/** GLM-4.7-FlashX: BigModel and Z.ai; not served on Bailian. */
	GLM_4_7_FLASHX(spec("glm-4.7-flashx").zhipu(131_072).temperature(1.0)),

	/** GLM-4.5-Flash: free on BigModel and Z.ai (announced to be retired, no date). */
	GLM_4_5_FLASH(spec("glm-4.5-flash").zhipu(98_304).temperature(0.6));

	/** The model used when none is configured. */
	public static final GlmModel DEFAULT = GLM_5;

	/** Documented default {@code top_p} of GLM text models. */
	public static final double DEFAULT_TOP_P = 0.95;

	/** Documented default {@code top_k} of GLM models on Bailian. */
	public static final int DEFAULT_TOP_K = 20;

	/** Documented default {@code repetition_penalty} of GLM models on Bailian. */
	public static final double DEFAULT_REPETITION_PENALTY = 1.0;

	private final Spec spec;

	GlmModel(Spec spec) {
		this.spec = spec;
	}

	/**
	 * The model id sent on the wire, e.g. {@code glm-5}.
	 * @return the id
	 */
	public String getId() {
		return this.spec.id;
	}

	@Override
	public String getName() {
		return this.spec.id;
	}

	/**
	 * The limits on the platform a protocol reaches.
	 * @param protocol the protocol
	 * @return the limits, or {@code null} when the platform does not serve the model
	 */
	public @Nullable Limits getLimits(GlmProtocol protocol) {
		return (protocol == GlmProtocol.ZHIPU) ? this.spec.zhipu : this.spec.bailian;
	}

	/**
	 * Total context window on Bailian, {@code null} when not stated.
	 * @return the context window
	 */
	public @Nullable Integer getContextWindow() {
		return (this.spec.bailian != null) ? this.spec.bailian.contextWindow() : null;
	}

	/**
	 * Maximum input tokens on Bailian, {@code null} when not stated.
	 * @return the maximum input
	 */
	public @Nullable Integer getMaxInputTokens() {
		return (this.spec.bailian != null) ? this.spec.bailian.maxInputTokens() : null;
	}

	/**
	 * Maximum chain-of-thought tokens on Bailian (upper bound of
	 * {@code thinking_budget}), {@code null} when not stated.
	 * @return the maximum reasoning tokens
	 */
	public @Nullable Integer getMaxReasoningTokens() {
		return (this.spec.bailian != null) ? this.spec.bailian.maxReasoningTokens() : null;
	}

	/**
	 * Maximum {@code max_tokens} on Bailian, {@code null} when not stated.
	 * @return the maximum output tokens
	 */
	public @Nullable Integer getMaxOutputTokens() {
		return (this.spec.bailian != null) ? this.spec.bailian.maxOutputTokens() : null;
	}

	/**
	 * Documented default temperature.
	 * @return the default temperature
	 */
	public double getDefaultTemperature() {
		return this.spec.temperature;
	}

	/**
	 * Thinking is on by default for every GLM model.
	 * @return {@code true}
	 */
	public boolean isThinkingEnabledByDefault() {
		return true;
	}

	/**
	 * Whether the model always thinks: thinking cannot be switched off, so neither can
	 * JSON mode nor a forced tool be used (glm-5.3).
	 * @return {@code true} for a model that always thinks
	 */
	public boolean isAlwaysThinking() {
		return this.spec.alwaysThinks;
	}

	/**
	 * Whether JSON mode works while the model thinks (on Bailian, only the GLM-4.5
	 * series); otherwise thinking is switched off for a JSON-mode request.
	 * @return {@code true} when JSON mode and thinking combine
	 */
	public boolean isJsonModeWhileThinking() {
		return this.spec.jsonWhileThinking;
	}

	/**
	 * The {@code reasoning_effort} values the platform accepts for this model.
	 * @param protocol the protocol
	 * @return the values, weakest to strongest; empty when the model takes none;
	 * {@code null} when the sources do not say (not checked)
	 */
	public @Nullable Set<String> getReasoningEffortValues(GlmProtocol protocol) {
		return (protocol == GlmProtocol.ZHIPU) ? this.spec.zhipuEffort : this.spec.bailianEffort;
	}

	/**
	 * The announced retirement date on the platform a protocol reaches.
	 * @param protocol the protocol
	 * @return the date, or {@code null} when none was announced
	 */
	public @Nullable LocalDate getRetirementDate(GlmProtocol protocol) {
		return (protocol == GlmProtocol.ZHIPU) ? null : this.spec.bailianRetirement;
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
			if (model.spec.id.equals(id)) {
				return model;
			}
		}
		return null;
	}

	private static Spec spec(String id) {
		return new Spec(id);
	}

	/**
	 * Token limits of a model on one platform; {@code null} where the sources are silent
	 * or disagree (not checked).
	 *
	 * @param contextWindow total context
	 * @param maxInputTokens longest input
	 * @param maxReasoningTokens longest chain of thought (upper bound of
	 * {@code thinking_budget})
	 * @param maxOutputTokens upper bound of {@code max_tokens}
	 */
	public record Limits(@Nullable Integer contextWindow, @Nullable Integer maxInputTokens,
			@Nullable Integer maxReasoningTokens, @Nullable Integer maxOutputTokens) {
	}

	/** What the sources say about one model, built fluently in one constant. */
	private static final class Spec {

		private final String id;

		private @Nullable Limits bailian;

		private @Nullable Limits zhipu;

		private double temperature = 1.0;

		private boolean alwaysThinks;

		private boolean jsonWhileThinking;

		private @Nullable Set<String> bailianEffort;

		private @Nullable Set<String> zhipuEffort;

		private @Nullable LocalDate bailianRetirement;

		Spec(String id) {
			this.id = id;
		}

		Spec bailian(@Nullable Integer context, @Nullable Integer maxInput, @Nullable Integer maxReasoning,
				@Nullable Integer maxOutput) {
			this.bailian = new Limits(context, maxInput, maxReasoning, maxOutput);
			return this;
		}

		Spec zhipu(int maxOutput) {
			this.zhipu = new Limits(null, null, null, maxOutput);
			return this;
		}

		Spec temperature(double temperature) {
			this.temperature = temperature;
			return this;
		}

		Spec alwaysThinks() {
			this.alwaysThinks = true;
			return this;
		}

		Spec jsonModeWhileThinking() {
			this.jsonWhileThinking = true;
			return this;
		}

		Spec bailianEffort(String... values) {
			this.bailianEffort = ordered(values);
			return this;
		}

		Spec noBailianEffort() {
			this.bailianEffort = Set.of();
			return this;
		}

		Spec zhipuEffort(String... values) {
			this.zhipuEffort = ordered(values);
			return this;
		}

		/** The values in the order given (weakest to strongest), for messages. */
		private static Set<String> ordered(String... values) {
			return Collections.unmodifiableSet(new LinkedHashSet<>(List.of(values)));
		}

		Spec retiredOnBailian(LocalDate date) {
			this.bailianRetirement = date;
			return this;
		}

	}

}
