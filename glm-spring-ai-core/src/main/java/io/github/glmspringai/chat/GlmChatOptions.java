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

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.model.tool.DefaultToolCallingChatOptions;
import org.springframework.ai.model.tool.StructuredOutputChatOptions;
import org.springframework.ai.model.tool.ToolCallingChatOptions;
import org.springframework.ai.tool.ToolCallback;

/**
 * Options of a GLM chat request. Immutable; every field is nullable and {@code null}
 * means "not set: use the service default". An explicit {@code false} is sent.
 *
 * @author glm-spring-ai
 */
public final class GlmChatOptions implements ToolCallingChatOptions, StructuredOutputChatOptions {

	private final @Nullable String model;

	private final @Nullable Double temperature;

	private final @Nullable Double topP;

	private final @Nullable Integer topK;

	private final @Nullable Double repetitionPenalty;

	private final @Nullable Double presencePenalty;

	private final @Nullable Double frequencyPenalty;

	private final @Nullable Integer maxTokens;

	private final @Nullable List<String> stopSequences;

	private final @Nullable Long seed;

	private final @Nullable Boolean enableThinking;

	private final @Nullable Integer thinkingBudget;

	private final @Nullable String reasoningEffort;

	private final @Nullable Boolean clearThinking;

	private final @Nullable Boolean toolStream;

	private final @Nullable GlmResponseFormat responseFormat;

	private final @Nullable String outputSchema;

	private final @Nullable String toolChoice;

	private final @Nullable Boolean parallelToolCalls;

	private final @Nullable List<ToolCallback> toolCallbacks;

	private final @Nullable Map<String, Object> toolContext;

	private final @Nullable Map<String, Object> extraBody;

	private final @Nullable Map<String, String> httpHeaders;

	@SuppressWarnings("checkstyle:ParameterNumber")
	private GlmChatOptions(@Nullable String model, @Nullable Double temperature, @Nullable Double topP,
			@Nullable Integer topK, @Nullable Double repetitionPenalty, @Nullable Double presencePenalty,
			@Nullable Double frequencyPenalty, @Nullable Integer maxTokens, @Nullable List<String> stopSequences,
			@Nullable Long seed, @Nullable Boolean enableThinking, @Nullable Integer thinkingBudget,
			@Nullable String reasoningEffort, @Nullable Boolean clearThinking, @Nullable Boolean toolStream,
			@Nullable GlmResponseFormat responseFormat, @Nullable String outputSchema, @Nullable String toolChoice,
			@Nullable Boolean parallelToolCalls, @Nullable List<ToolCallback> toolCallbacks,
			@Nullable Map<String, Object> toolContext, @Nullable Map<String, Object> extraBody,
			@Nullable Map<String, String> httpHeaders) {
		this.model = model;
		this.temperature = temperature;
		this.topP = topP;
		this.topK = topK;
		this.repetitionPenalty = repetitionPenalty;
		this.presencePenalty = presencePenalty;
		this.frequencyPenalty = frequencyPenalty;
		this.maxTokens = maxTokens;
		this.stopSequences = (stopSequences != null) ? OptionCopies.withoutNulls(stopSequences, "stopSequences") : null;
		this.seed = seed;
		this.enableThinking = enableThinking;
		this.thinkingBudget = thinkingBudget;
		this.reasoningEffort = reasoningEffort;
		this.clearThinking = clearThinking;
		this.toolStream = toolStream;
		this.responseFormat = responseFormat;
		this.outputSchema = outputSchema;
		this.toolChoice = toolChoice;
		this.parallelToolCalls = parallelToolCalls;
		this.toolCallbacks = (toolCallbacks != null) ? OptionCopies.withoutNulls(toolCallbacks, "toolCallbacks") : null;
		this.toolContext = (toolContext != null) ? OptionCopies.copy(toolContext, "toolContext", true) : null;
		this.extraBody = (extraBody != null) ? OptionCopies.copy(extraBody, "extraBody", true) : null;
		this.httpHeaders = (httpHeaders != null) ? OptionCopies.copy(httpHeaders, "httpHeaders", false) : null;
	}

	/**
	 * A new builder.
	 * @return the builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	@Override
	public Builder mutate() {
		return new Builder().model(this.model)
			.temperature(this.temperature)
			.topP(this.topP)
			.topK(this.topK)
			.repetitionPenalty(this.repetitionPenalty)
			.presencePenalty(this.presencePenalty)
			.frequencyPenalty(this.frequencyPenalty)
			.maxTokens(this.maxTokens)
			.stopSequences(this.stopSequences)
			.seed(this.seed)
			.enableThinking(this.enableThinking)
			.thinkingBudget(this.thinkingBudget)
			.reasoningEffort(this.reasoningEffort)
			.clearThinking(this.clearThinking)
			.toolStream(this.toolStream)
			.responseFormat(this.responseFormat)
			.outputSchema(this.outputSchema)
			.toolChoice(this.toolChoice)
			.parallelToolCalls(this.parallelToolCalls)
			.toolCallbacks(this.toolCallbacks)
			.toolContext(this.toolContext)
			.extraBody(this.extraBody)
			.httpHeaders(this.httpHeaders);
	}

	@Override
	public @Nullable String getModel() {
		return this.model;
	}

	@Override
	public @Nullable Double getTemperature() {
		return this.temperature;
	}

	@Override
	public @Nullable Double getTopP() {
		return this.topP;
	}

	@Override
	public @Nullable Integer getTopK() {
		return this.topK;
	}

	/**
	 * {@code repetition_penalty}: greater than 0; 1.0 means no penalty.
	 * @return the repetition penalty
	 */
	public @Nullable Double getRepetitionPenalty() {
		return this.repetitionPenalty;
	}

	@Override
	public @Nullable Double getPresencePenalty() {
		return this.presencePenalty;
	}

	/**
	 * Not supported by GLM on Bailian; a request that sets it is rejected before sending
	 * (use {@link #getPresencePenalty()} or {@link #getRepetitionPenalty()}).
	 * @return the frequency penalty
	 */
	@Override
	public @Nullable Double getFrequencyPenalty() {
		return this.frequencyPenalty;
	}

	@Override
	public @Nullable Integer getMaxTokens() {
		return this.maxTokens;
	}

	@Override
	public @Nullable List<String> getStopSequences() {
		return this.stopSequences;
	}

	/**
	 * {@code seed}: 0 to 2^31-1.
	 * @return the seed
	 */
	public @Nullable Long getSeed() {
		return this.seed;
	}

	/**
	 * {@code enable_thinking}: GLM thinks by default on Bailian.
	 * @return whether thinking is enabled
	 */
	public @Nullable Boolean getEnableThinking() {
		return this.enableThinking;
	}

	/**
	 * {@code thinking_budget}: the maximum number of reasoning tokens.
	 * @return the thinking budget
	 */
	public @Nullable Integer getThinkingBudget() {
		return this.thinkingBudget;
	}

	/**
	 * {@code reasoning_effort}: how hard the model thinks (GLM-5 and later), e.g.
	 * {@code low}, {@code high} or {@code max}; checked against the model's accepted
	 * values when the catalog knows them.
	 * @return the reasoning effort
	 */
	public @Nullable String getReasoningEffort() {
		return this.reasoningEffort;
	}

	/**
	 * {@code clear_thinking}: {@code false} keeps earlier turns' reasoning in the context
	 * (preserved thinking: it is then sent back with every earlier assistant message);
	 * {@code true} drops it.
	 * @return whether earlier reasoning is cleared
	 */
	public @Nullable Boolean getClearThinking() {
		return this.clearThinking;
	}

	/**
	 * {@code tool_stream}: stream tool-call arguments in fragments (they are merged
	 * before they reach you either way).
	 * @return whether tool calls stream
	 */
	public @Nullable Boolean getToolStream() {
		return this.toolStream;
	}

	/**
	 * {@code response_format}; {@link GlmResponseFormat#JSON_SCHEMA} is implied by an
	 * {@link #getOutputSchema() output schema}.
	 * @return the response format
	 */
	public @Nullable GlmResponseFormat getResponseFormat() {
		return this.responseFormat;
	}

	@Override
	public @Nullable String getOutputSchema() {
		return this.outputSchema;
	}

	/**
	 * {@code tool_choice}: {@code auto}, {@code none}, {@code required}, or the name of
	 * the function to call.
	 * @return the tool choice
	 */
	public @Nullable String getToolChoice() {
		return this.toolChoice;
	}

	/**
	 * {@code parallel_tool_calls} (service default {@code false}).
	 * @return whether parallel tool calls are allowed
	 */
	public @Nullable Boolean getParallelToolCalls() {
		return this.parallelToolCalls;
	}

	@Override
	public @Nullable List<ToolCallback> getToolCallbacks() {
		return this.toolCallbacks;
	}

	@Override
	public @Nullable Map<String, Object> getToolContext() {
		return this.toolContext;
	}

	/**
	 * Extra request parameters merged into the request as they are (top level on the
	 * compatible protocol, under {@code parameters} on the native one), for parameters
	 * this class does not model yet.
	 * @return the extra parameters
	 */
	public @Nullable Map<String, Object> getExtraBody() {
		return this.extraBody;
	}

	/**
	 * Extra HTTP headers sent with each request.
	 * @return the headers
	 */
	public @Nullable Map<String, String> getHttpHeaders() {
		return this.httpHeaders;
	}

	@Override
	public boolean equals(@Nullable Object o) {
		return this == o || (o instanceof GlmChatOptions that && Arrays.equals(values(), that.values()));
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(values());
	}

	private Object[] values() {
		return new Object[] { this.model, this.temperature, this.topP, this.topK, this.repetitionPenalty,
				this.presencePenalty, this.frequencyPenalty, this.maxTokens, this.stopSequences, this.seed,
				this.enableThinking, this.thinkingBudget, this.reasoningEffort, this.clearThinking, this.toolStream,
				this.responseFormat, this.outputSchema, this.toolChoice, this.parallelToolCalls, this.toolCallbacks,
				this.toolContext, this.extraBody, this.httpHeaders };
	}

	@Override
	public String toString() {
		return "GlmChatOptions{model=" + this.model + ", temperature=" + this.temperature + ", topP=" + this.topP
				+ ", topK=" + this.topK + ", repetitionPenalty=" + this.repetitionPenalty + ", presencePenalty="
				+ this.presencePenalty + ", maxTokens=" + this.maxTokens + ", stopSequences=" + this.stopSequences
				+ ", seed=" + this.seed + ", enableThinking=" + this.enableThinking + ", thinkingBudget="
				+ this.thinkingBudget + ", reasoningEffort=" + this.reasoningEffort + ", clearThinking="
				+ this.clearThinking + ", toolStream=" + this.toolStream + ", responseFormat=" + this.responseFormat
				+ ", outputSchema="
				+ ((this.outputSchema != null) ? "<" + this.outputSchema.length() + " chars>" : null) + ", toolChoice="
				+ this.toolChoice + ", parallelToolCalls=" + this.parallelToolCalls + ", toolCallbacks="
				+ ((this.toolCallbacks != null) ? this.toolCallbacks.size() : null) + ", extraBody=" + this.extraBody
				+ ", httpHeaders=" + ((this.httpHeaders != null) ? this.httpHeaders.keySet() : null) + '}';
	}

	/**
	 * Builder of {@link GlmChatOptions}; {@code combineWith} follows Spring AI 2.0
	 * semantics (non-null values of the other builder win, lists are appended, maps
	 * merged).
	 */
	public static final class Builder extends DefaultToolCallingChatOptions.Builder<Builder>
			implements StructuredOutputChatOptions.Builder<Builder> {

		private @Nullable Double repetitionPenalty;

		private @Nullable Long seed;

		private @Nullable Boolean enableThinking;

		private @Nullable Integer thinkingBudget;

		private @Nullable String reasoningEffort;

		private @Nullable Boolean clearThinking;

		private @Nullable Boolean toolStream;

		private @Nullable GlmResponseFormat responseFormat;

		private @Nullable String outputSchema;

		private @Nullable String toolChoice;

		private @Nullable Boolean parallelToolCalls;

		private @Nullable Map<String, Object> extraBody;

		private @Nullable Map<String, String> httpHeaders;

		private Builder() {
		}

		/**
		 * The model.
		 * @param model a catalog model
		 * @return this builder
		 */
		public Builder model(GlmModel model) {
			return model(model.getId());
		}

		/**
		 * {@code repetition_penalty}, greater than 0.
		 * @param repetitionPenalty the penalty
		 * @return this builder
		 */
		public Builder repetitionPenalty(@Nullable Double repetitionPenalty) {
			this.repetitionPenalty = repetitionPenalty;
			return this;
		}

		/**
		 * {@code seed}, 0 to 2^31-1.
		 * @param seed the seed
		 * @return this builder
		 */
		public Builder seed(@Nullable Long seed) {
			this.seed = seed;
			return this;
		}

		/**
		 * {@code enable_thinking}.
		 * @param enableThinking whether the model thinks before answering
		 * @return this builder
		 */
		public Builder enableThinking(@Nullable Boolean enableThinking) {
			this.enableThinking = enableThinking;
			return this;
		}

		/**
		 * {@code thinking_budget}, 1 to the model's maximum reasoning tokens.
		 * @param thinkingBudget the budget
		 * @return this builder
		 */
		public Builder thinkingBudget(@Nullable Integer thinkingBudget) {
			this.thinkingBudget = thinkingBudget;
			return this;
		}

		/**
		 * {@code reasoning_effort}, e.g. {@code low}, {@code high}, {@code max}.
		 * @param reasoningEffort the effort
		 * @return this builder
		 */
		public Builder reasoningEffort(@Nullable String reasoningEffort) {
			this.reasoningEffort = reasoningEffort;
			return this;
		}

		/**
		 * {@code clear_thinking}; {@code false} = preserved thinking.
		 * @param clearThinking whether earlier reasoning is cleared
		 * @return this builder
		 */
		public Builder clearThinking(@Nullable Boolean clearThinking) {
			this.clearThinking = clearThinking;
			return this;
		}

		/**
		 * {@code tool_stream}.
		 * @param toolStream whether tool-call arguments stream in fragments
		 * @return this builder
		 */
		public Builder toolStream(@Nullable Boolean toolStream) {
			this.toolStream = toolStream;
			return this;
		}

		/**
		 * {@code response_format}.
		 * @param responseFormat the format
		 * @return this builder
		 */
		public Builder responseFormat(@Nullable GlmResponseFormat responseFormat) {
			this.responseFormat = responseFormat;
			return this;
		}

		@Override
		public Builder outputSchema(@Nullable String outputSchema) {
			this.outputSchema = outputSchema;
			return this;
		}

		/**
		 * {@code tool_choice}: {@code auto}, {@code none}, {@code required} or a function
		 * name.
		 * @param toolChoice the choice
		 * @return this builder
		 */
		public Builder toolChoice(@Nullable String toolChoice) {
			this.toolChoice = toolChoice;
			return this;
		}

		/**
		 * {@code parallel_tool_calls}.
		 * @param parallelToolCalls whether several tools may be called in one turn
		 * @return this builder
		 */
		public Builder parallelToolCalls(@Nullable Boolean parallelToolCalls) {
			this.parallelToolCalls = parallelToolCalls;
			return this;
		}

		/**
		 * Extra request parameters (replaces previous ones).
		 * @param extraBody the parameters
		 * @return this builder
		 */
		public Builder extraBody(@Nullable Map<String, Object> extraBody) {
			this.extraBody = (extraBody != null) ? new LinkedHashMap<>(extraBody) : null;
			return this;
		}

		/**
		 * Extra HTTP headers (replaces previous ones).
		 * @param httpHeaders the headers
		 * @return this builder
		 */
		public Builder httpHeaders(@Nullable Map<String, String> httpHeaders) {
			this.httpHeaders = (httpHeaders != null) ? new LinkedHashMap<>(httpHeaders) : null;
			return this;
		}

		@Override
		public Builder clone() {
			Builder copy = super.clone();
			copy.extraBody = (this.extraBody != null) ? new LinkedHashMap<>(this.extraBody) : null;
			copy.httpHeaders = (this.httpHeaders != null) ? new LinkedHashMap<>(this.httpHeaders) : null;
			return copy;
		}

		@Override
		public Builder combineWith(ChatOptions.Builder<?> other) {
			super.combineWith(other);
			if (other instanceof Builder that) {
				this.repetitionPenalty = (that.repetitionPenalty != null) ? that.repetitionPenalty
						: this.repetitionPenalty;
				this.seed = (that.seed != null) ? that.seed : this.seed;
				this.enableThinking = (that.enableThinking != null) ? that.enableThinking : this.enableThinking;
				this.thinkingBudget = (that.thinkingBudget != null) ? that.thinkingBudget : this.thinkingBudget;
				this.reasoningEffort = (that.reasoningEffort != null) ? that.reasoningEffort : this.reasoningEffort;
				this.clearThinking = (that.clearThinking != null) ? that.clearThinking : this.clearThinking;
				this.toolStream = (that.toolStream != null) ? that.toolStream : this.toolStream;
				this.responseFormat = (that.responseFormat != null) ? that.responseFormat : this.responseFormat;
				this.outputSchema = (that.outputSchema != null) ? that.outputSchema : this.outputSchema;
				this.toolChoice = (that.toolChoice != null) ? that.toolChoice : this.toolChoice;
				this.parallelToolCalls = (that.parallelToolCalls != null) ? that.parallelToolCalls
						: this.parallelToolCalls;
				this.extraBody = merge(this.extraBody, that.extraBody);
				this.httpHeaders = merge(this.httpHeaders, that.httpHeaders);
			}
			return this;
		}

		private static <V> @Nullable Map<String, V> merge(@Nullable Map<String, V> mine,
				@Nullable Map<String, V> theirs) {
			if (theirs == null) {
				return mine;
			}
			Map<String, V> merged = (mine != null) ? new LinkedHashMap<>(mine) : new HashMap<>();
			merged.putAll(theirs);
			return merged;
		}

		@Override
		public GlmChatOptions build() {
			return new GlmChatOptions(this.model, this.temperature, this.topP, this.topK, this.repetitionPenalty,
					this.presencePenalty, this.frequencyPenalty, this.maxTokens, this.stopSequences, this.seed,
					this.enableThinking, this.thinkingBudget, this.reasoningEffort, this.clearThinking, this.toolStream,
					this.responseFormat, this.outputSchema, this.toolChoice, this.parallelToolCalls, this.toolCallbacks,
					this.toolContext, this.extraBody, this.httpHeaders);
		}

	}

}
