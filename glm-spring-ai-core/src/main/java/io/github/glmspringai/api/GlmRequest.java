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

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A protocol-neutral chat request. Every {@code null} parameter is left to the service
 * default; the protocol adapters turn it into wire JSON.
 *
 * @param model the model id
 * @param messages the conversation
 * @param enableThinking {@code enable_thinking} (Zhipu: {@code thinking.type})
 * @param thinkingBudget {@code thinking_budget}
 * @param reasoningEffort {@code reasoning_effort}
 * @param clearThinking {@code clear_thinking} (Zhipu: {@code thinking.clear_thinking})
 * @param toolStream {@code tool_stream}
 * @param temperature {@code temperature}
 * @param topP {@code top_p}
 * @param topK {@code top_k}
 * @param repetitionPenalty {@code repetition_penalty}
 * @param presencePenalty {@code presence_penalty}
 * @param maxTokens {@code max_tokens}
 * @param stop {@code stop}
 * @param seed {@code seed}
 * @param responseFormat {@code response_format}
 * @param tools {@code tools}
 * @param toolChoice {@code tool_choice}: {@code auto}, {@code none}, {@code required} or
 * a function name
 * @param parallelToolCalls {@code parallel_tool_calls}
 * @param extraBody extra parameters merged into the request
 * @param httpHeaders extra HTTP headers for this request
 * @author glm-spring-ai
 */
public record GlmRequest(String model, List<GlmMessage> messages, @Nullable Boolean enableThinking,
		@Nullable Integer thinkingBudget, @Nullable String reasoningEffort, @Nullable Boolean clearThinking,
		@Nullable Boolean toolStream, @Nullable Double temperature, @Nullable Double topP, @Nullable Integer topK,
		@Nullable Double repetitionPenalty, @Nullable Double presencePenalty, @Nullable Integer maxTokens,
		@Nullable List<String> stop, @Nullable Long seed, @Nullable ResponseFormat responseFormat, List<Tool> tools,
		@Nullable String toolChoice, @Nullable Boolean parallelToolCalls, Map<String, Object> extraBody,
		Map<String, String> httpHeaders) {

	public GlmRequest {
		messages = List.copyOf(messages);
		tools = List.copyOf(tools);
		// extraBody may hold JSON nulls on purpose
		extraBody = Collections.unmodifiableMap(new LinkedHashMap<>(extraBody));
		httpHeaders = Map.copyOf(httpHeaders);
	}

	/**
	 * Whether a {@code tool_choice} is a mode ({@code auto}, {@code none},
	 * {@code required}) rather than the name of a function to force.
	 * @param toolChoice the tool choice
	 * @return {@code true} for a mode
	 */
	public static boolean isToolChoiceMode(@Nullable String toolChoice) {
		return "auto".equals(toolChoice) || "none".equals(toolChoice) || "required".equals(toolChoice);
	}

	/**
	 * A builder of a request: every parameter starts unset.
	 * @param model the model id
	 * @param messages the conversation
	 * @return the builder
	 */
	public static Builder builder(String model, List<GlmMessage> messages) {
		return new Builder(model, messages);
	}

	/**
	 * Builds a {@link GlmRequest}; every parameter left unset is not sent.
	 */
	public static final class Builder {

		private final String model;

		private final List<GlmMessage> messages;

		private @Nullable Boolean enableThinking;

		private @Nullable Integer thinkingBudget;

		private @Nullable String reasoningEffort;

		private @Nullable Boolean clearThinking;

		private @Nullable Boolean toolStream;

		private @Nullable Double temperature;

		private @Nullable Double topP;

		private @Nullable Integer topK;

		private @Nullable Double repetitionPenalty;

		private @Nullable Double presencePenalty;

		private @Nullable Integer maxTokens;

		private @Nullable List<String> stop;

		private @Nullable Long seed;

		private @Nullable ResponseFormat responseFormat;

		private List<Tool> tools = List.of();

		private @Nullable String toolChoice;

		private @Nullable Boolean parallelToolCalls;

		private Map<String, Object> extraBody = Map.of();

		private Map<String, String> httpHeaders = Map.of();

		private Builder(String model, List<GlmMessage> messages) {
			this.model = model;
			this.messages = messages;
		}

		/**
		 * Thinking on or off.
		 * @param enableThinking whether the model thinks
		 * @return this builder
		 */
		public Builder enableThinking(@Nullable Boolean enableThinking) {
			this.enableThinking = enableThinking;
			return this;
		}

		/**
		 * The reasoning token budget.
		 * @param thinkingBudget the budget
		 * @return this builder
		 */
		public Builder thinkingBudget(@Nullable Integer thinkingBudget) {
			this.thinkingBudget = thinkingBudget;
			return this;
		}

		/**
		 * How hard the model thinks.
		 * @param reasoningEffort e.g. {@code low}, {@code high}, {@code max}
		 * @return this builder
		 */
		public Builder reasoningEffort(@Nullable String reasoningEffort) {
			this.reasoningEffort = reasoningEffort;
			return this;
		}

		/**
		 * Whether earlier turns' reasoning is ignored ({@code false}: preserved
		 * thinking).
		 * @param clearThinking the flag
		 * @return this builder
		 */
		public Builder clearThinking(@Nullable Boolean clearThinking) {
			this.clearThinking = clearThinking;
			return this;
		}

		/**
		 * Whether tool-call arguments stream in fragments.
		 * @param toolStream the flag
		 * @return this builder
		 */
		public Builder toolStream(@Nullable Boolean toolStream) {
			this.toolStream = toolStream;
			return this;
		}

		/**
		 * Sampling: temperature, top-p, top-k.
		 * @param temperature the temperature
		 * @param topP the nucleus threshold
		 * @param topK the candidate count
		 * @return this builder
		 */
		public Builder sampling(@Nullable Double temperature, @Nullable Double topP, @Nullable Integer topK) {
			this.temperature = temperature;
			this.topP = topP;
			this.topK = topK;
			return this;
		}

		/**
		 * Penalties.
		 * @param repetitionPenalty {@code repetition_penalty}
		 * @param presencePenalty {@code presence_penalty}
		 * @return this builder
		 */
		public Builder penalties(@Nullable Double repetitionPenalty, @Nullable Double presencePenalty) {
			this.repetitionPenalty = repetitionPenalty;
			this.presencePenalty = presencePenalty;
			return this;
		}

		/**
		 * The output limit.
		 * @param maxTokens {@code max_tokens}
		 * @return this builder
		 */
		public Builder maxTokens(@Nullable Integer maxTokens) {
			this.maxTokens = maxTokens;
			return this;
		}

		/**
		 * Stop sequences.
		 * @param stop the sequences
		 * @return this builder
		 */
		public Builder stop(@Nullable List<String> stop) {
			this.stop = stop;
			return this;
		}

		/**
		 * The sampling seed.
		 * @param seed the seed
		 * @return this builder
		 */
		public Builder seed(@Nullable Long seed) {
			this.seed = seed;
			return this;
		}

		/**
		 * The response format.
		 * @param responseFormat the format
		 * @return this builder
		 */
		public Builder responseFormat(@Nullable ResponseFormat responseFormat) {
			this.responseFormat = responseFormat;
			return this;
		}

		/**
		 * Tools and how the model may use them.
		 * @param tools the tools
		 * @param toolChoice {@code tool_choice}
		 * @param parallelToolCalls {@code parallel_tool_calls}
		 * @return this builder
		 */
		public Builder tools(List<Tool> tools, @Nullable String toolChoice, @Nullable Boolean parallelToolCalls) {
			this.tools = tools;
			this.toolChoice = toolChoice;
			this.parallelToolCalls = parallelToolCalls;
			return this;
		}

		/**
		 * Extra body parameters and HTTP headers.
		 * @param extraBody merged into the request
		 * @param httpHeaders sent with the request
		 * @return this builder
		 */
		public Builder extras(Map<String, Object> extraBody, Map<String, String> httpHeaders) {
			this.extraBody = extraBody;
			this.httpHeaders = httpHeaders;
			return this;
		}

		/**
		 * Build the request.
		 * @return the request
		 */
		public GlmRequest build() {
			return new GlmRequest(this.model, this.messages, this.enableThinking, this.thinkingBudget,
					this.reasoningEffort, this.clearThinking, this.toolStream, this.temperature, this.topP, this.topK,
					this.repetitionPenalty, this.presencePenalty, this.maxTokens, this.stop, this.seed,
					this.responseFormat, this.tools, this.toolChoice, this.parallelToolCalls, this.extraBody,
					this.httpHeaders);
		}

	}

	/**
	 * A function the model may call.
	 *
	 * @param name the function name
	 * @param description what it does
	 * @param inputSchema the JSON schema of its parameters
	 */
	public record Tool(String name, @Nullable String description, String inputSchema) {
	}

	/**
	 * The requested response format.
	 *
	 * @param type the format
	 * @param jsonSchema the schema, for {@link Type#JSON_SCHEMA}
	 */
	public record ResponseFormat(Type type, @Nullable String jsonSchema) {

		/** The {@code response_format} types. */
		public enum Type {

			/** Free text. */
			TEXT("text"),

			/** Any JSON object. */
			JSON_OBJECT("json_object"),

			/** JSON conforming to a schema. */
			JSON_SCHEMA("json_schema");

			private final String value;

			Type(String value) {
				this.value = value;
			}

			/**
			 * The wire value.
			 * @return the value
			 */
			public String getValue() {
				return this.value;
			}

		}

	}

}
