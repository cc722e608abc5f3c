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

import java.util.List;
import java.util.Map;

import io.github.glmspringai.chat.GlmChatOptions;
import io.github.glmspringai.chat.GlmResponseFormat;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Default options of the GLM chat model, flattened under {@code spring.ai.glm.chat} as
 * Spring AI 2.0 providers do. Every option left unset is not sent, so the service default
 * applies.
 *
 * @author glm-spring-ai
 */
@ConfigurationProperties(GlmChatProperties.CONFIG_PREFIX)
public class GlmChatProperties {

	/** The prefix of these properties. */
	public static final String CONFIG_PREFIX = "spring.ai.glm.chat";

	/** The default model. */
	public static final String DEFAULT_MODEL = "glm-5";

	/**
	 * Whether the GLM chat model is auto-configured.
	 */
	private boolean enabled = true;

	/**
	 * Model id, e.g. glm-5, glm-5.3, glm-5.2, glm-5.1, glm-4.7-flash (zhipu); other ids,
	 * such as ZHIPU/GLM-5.3, are passed through without catalog checks.
	 */
	private String model = DEFAULT_MODEL;

	/**
	 * Whether the model thinks before it answers (enable_thinking; on zhipu
	 * thinking.type); GLM thinks by default.
	 */
	private @Nullable Boolean enableThinking;

	/**
	 * Maximum number of reasoning tokens (thinking_budget), 1 to the model's longest
	 * chain of thought (32768 for glm-5); not for glm-5.3, which ignores it, nor on the
	 * zhipu protocol.
	 */
	private @Nullable Integer thinkingBudget;

	/**
	 * How hard the model thinks (reasoning_effort), GLM-5 and later: glm-5.3 takes low,
	 * high or max; glm-5, glm-5.1 and glm-5.2 on Bailian low, medium, high, xhigh or max.
	 */
	private @Nullable String reasoningEffort;

	/**
	 * Whether earlier turns' reasoning is dropped (clear_thinking; on zhipu
	 * thinking.clear_thinking); false keeps it (preserved thinking): every earlier
	 * assistant message then carries its reasoning back to the service.
	 */
	private @Nullable Boolean clearThinking;

	/**
	 * Whether tool-call arguments stream in fragments (tool_stream); they are merged into
	 * whole calls either way.
	 */
	private @Nullable Boolean toolStream;

	/**
	 * Sampling temperature, in [0.0, 2.0) on Bailian, [0.0, 1.0] on zhipu.
	 */
	private @Nullable Double temperature;

	/**
	 * Nucleus sampling threshold (top_p), in (0.0, 1.0] on Bailian, [0.01, 1.0] on zhipu.
	 */
	private @Nullable Double topP;

	/**
	 * Number of candidate tokens sampled from (top_k), 0 or more; above 100 disables it.
	 * Bailian only.
	 */
	private @Nullable Integer topK;

	/**
	 * Penalty for repeated tokens (repetition_penalty), greater than 0; 1.0 means none.
	 * Bailian only.
	 */
	private @Nullable Double repetitionPenalty;

	/**
	 * Penalty for tokens already present (presence_penalty), in [-2.0, 2.0]. Bailian
	 * only.
	 */
	private @Nullable Double presencePenalty;

	/**
	 * Maximum number of answer tokens (max_tokens): on Bailian 1 to 16384 for the catalog
	 * models, on zhipu 1 to 131072 (98304 for the GLM-4.5 series).
	 */
	private @Nullable Integer maxTokens;

	/**
	 * Sequences that stop the answer (stop); one at most on zhipu.
	 */
	private @Nullable List<String> stopSequences;

	/**
	 * Random seed for reproducible sampling, 0 to 2147483647. Bailian only.
	 */
	private @Nullable Long seed;

	/**
	 * Format of the answer (response_format): text, json-object or json-schema; on
	 * Bailian, JSON formats need enable-thinking=false; zhipu sends json-schema as
	 * json-object with the schema in the system prompt.
	 */
	private @Nullable GlmResponseFormat responseFormat;

	/**
	 * JSON schema the answer must conform to (implies response-format json-schema).
	 */
	private @Nullable String outputSchema;

	/**
	 * Tool choice (tool_choice): 'auto', 'none', 'required' or the name of the tool to
	 * call; only 'auto' on zhipu.
	 */
	private @Nullable String toolChoice;

	/**
	 * Whether the model may call several tools in one turn (parallel_tool_calls). Bailian
	 * only.
	 */
	private @Nullable Boolean parallelToolCalls;

	/**
	 * Extra request parameters merged into every request as they are (top level on the
	 * openai-compatible and zhipu protocols, under "parameters" on the dashscope one),
	 * e.g. extra-body.enable_search. Values keep their YAML type (true, 3, nested maps);
	 * from .properties files and environment variables they are strings.
	 */
	private @Nullable Map<String, Object> extraBody;

	/**
	 * Extra HTTP headers sent with every request, e.g.
	 * http-headers.X-DashScope-DataInspection.
	 */
	private @Nullable Map<String, String> httpHeaders;

	/**
	 * The default options these properties describe.
	 * @return the options
	 */
	public GlmChatOptions toOptions() {
		return GlmChatOptions.builder()
			.model(this.model)
			.enableThinking(this.enableThinking)
			.thinkingBudget(this.thinkingBudget)
			.reasoningEffort(this.reasoningEffort)
			.clearThinking(this.clearThinking)
			.toolStream(this.toolStream)
			.temperature(this.temperature)
			.topP(this.topP)
			.topK(this.topK)
			.repetitionPenalty(this.repetitionPenalty)
			.presencePenalty(this.presencePenalty)
			.maxTokens(this.maxTokens)
			.stopSequences(this.stopSequences)
			.seed(this.seed)
			.responseFormat(this.responseFormat)
			.outputSchema(this.outputSchema)
			.toolChoice(this.toolChoice)
			.parallelToolCalls(this.parallelToolCalls)
			.extraBody(this.extraBody)
			.httpHeaders(this.httpHeaders)
			.build();
	}

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getModel() {
		return this.model;
	}

	public void setModel(String model) {
		this.model = model;
	}

	public @Nullable Boolean getEnableThinking() {
		return this.enableThinking;
	}

	public void setEnableThinking(@Nullable Boolean enableThinking) {
		this.enableThinking = enableThinking;
	}

	public @Nullable Integer getThinkingBudget() {
		return this.thinkingBudget;
	}

	public void setThinkingBudget(@Nullable Integer thinkingBudget) {
		this.thinkingBudget = thinkingBudget;
	}

	public @Nullable String getReasoningEffort() {
		return this.reasoningEffort;
	}

	public void setReasoningEffort(@Nullable String reasoningEffort) {
		this.reasoningEffort = reasoningEffort;
	}

	public @Nullable Boolean getClearThinking() {
		return this.clearThinking;
	}

	public void setClearThinking(@Nullable Boolean clearThinking) {
		this.clearThinking = clearThinking;
	}

	public @Nullable Boolean getToolStream() {
		return this.toolStream;
	}

	public void setToolStream(@Nullable Boolean toolStream) {
		this.toolStream = toolStream;
	}

	public @Nullable Double getTemperature() {
		return this.temperature;
	}

	public void setTemperature(@Nullable Double temperature) {
		this.temperature = temperature;
	}

	public @Nullable Double getTopP() {
		return this.topP;
	}

	public void setTopP(@Nullable Double topP) {
		this.topP = topP;
	}

	public @Nullable Integer getTopK() {
		return this.topK;
	}

	public void setTopK(@Nullable Integer topK) {
		this.topK = topK;
	}

	public @Nullable Double getRepetitionPenalty() {
		return this.repetitionPenalty;
	}

	public void setRepetitionPenalty(@Nullable Double repetitionPenalty) {
		this.repetitionPenalty = repetitionPenalty;
	}

	public @Nullable Double getPresencePenalty() {
		return this.presencePenalty;
	}

	public void setPresencePenalty(@Nullable Double presencePenalty) {
		this.presencePenalty = presencePenalty;
	}

	public @Nullable Integer getMaxTokens() {
		return this.maxTokens;
	}

	public void setMaxTokens(@Nullable Integer maxTokens) {
		this.maxTokens = maxTokens;
	}

	public @Nullable List<String> getStopSequences() {
		return this.stopSequences;
	}

	public void setStopSequences(@Nullable List<String> stopSequences) {
		this.stopSequences = stopSequences;
	}

	public @Nullable Long getSeed() {
		return this.seed;
	}

	public void setSeed(@Nullable Long seed) {
		this.seed = seed;
	}

	public @Nullable GlmResponseFormat getResponseFormat() {
		return this.responseFormat;
	}

	public void setResponseFormat(@Nullable GlmResponseFormat responseFormat) {
		this.responseFormat = responseFormat;
	}

	public @Nullable String getOutputSchema() {
		return this.outputSchema;
	}

	public void setOutputSchema(@Nullable String outputSchema) {
		this.outputSchema = outputSchema;
	}

	public @Nullable String getToolChoice() {
		return this.toolChoice;
	}

	public void setToolChoice(@Nullable String toolChoice) {
		this.toolChoice = toolChoice;
	}

	public @Nullable Boolean getParallelToolCalls() {
		return this.parallelToolCalls;
	}

	public void setParallelToolCalls(@Nullable Boolean parallelToolCalls) {
		this.parallelToolCalls = parallelToolCalls;
	}

	public @Nullable Map<String, Object> getExtraBody() {
		return this.extraBody;
	}

	public void setExtraBody(@Nullable Map<String, Object> extraBody) {
		this.extraBody = extraBody;
	}

	public @Nullable Map<String, String> getHttpHeaders() {
		return this.httpHeaders;
	}

	public void setHttpHeaders(@Nullable Map<String, String> httpHeaders) {
		this.httpHeaders = httpHeaders;
	}

}
