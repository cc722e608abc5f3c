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
 * @param enableThinking {@code enable_thinking}
 * @param thinkingBudget {@code thinking_budget}
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
 * @param toolChoice {@code tool_choice}: {@code auto}, {@code none} or a function name
 * @param parallelToolCalls {@code parallel_tool_calls}
 * @param extraBody extra parameters merged into the request
 * @param httpHeaders extra HTTP headers for this request
 * @author glm-spring-ai
 */
public record GlmRequest(String model, List<GlmMessage> messages, @Nullable Boolean enableThinking,
		@Nullable Integer thinkingBudget, @Nullable Double temperature, @Nullable Double topP, @Nullable Integer topK,
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
