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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.glmspringai.chat.GlmResponseFormat;
import io.github.glmspringai.chat.GlmUsage;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wire JSON shared by the two protocol adapters: the parts of the request and response
 * that both protocols spell the same way (messages, sampling parameters, tools, tool-call
 * fragments, finish reasons). Only the adapters use it.
 *
 * @author glm-spring-ai
 */
final class GlmWire {

	static final JsonMapper JSON = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	private GlmWire() {
	}

	/**
	 * The {@code messages} array.
	 * @param messages the conversation
	 * @return wire messages
	 */
	static List<Map<String, Object>> messages(List<GlmMessage> messages) {
		List<Map<String, Object>> wire = new ArrayList<>(messages.size());
		for (GlmMessage message : messages) {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("role", message.role().value());
			// An assistant message that only calls tools is sent with empty content.
			m.put("content", (message.content() != null) ? message.content() : "");
			if (!message.toolCalls().isEmpty()) {
				List<Map<String, Object>> calls = new ArrayList<>(message.toolCalls().size());
				int index = 0;
				for (GlmMessage.ToolCall call : message.toolCalls()) {
					Map<String, Object> c = new LinkedHashMap<>();
					c.put("id", call.id());
					c.put("type", "function");
					c.put("function", Map.of("name", call.name(), "arguments", call.arguments()));
					c.put("index", index++);
					calls.add(c);
				}
				m.put("tool_calls", calls);
			}
			if (message.toolCallId() != null) {
				m.put("tool_call_id", message.toolCallId());
			}
			wire.add(m);
		}
		return wire;
	}

	/**
	 * The generation parameters, spelled the same on both protocols (top-level on the
	 * compatible protocol, under {@code parameters} on the native one). Unset values are
	 * omitted; {@code extraBody} is merged last.
	 * @param request the request
	 * @param target the map to fill
	 */
	static void parameters(GlmRequest request, Map<String, Object> target) {
		putIfSet(target, "enable_thinking", request.enableThinking());
		putIfSet(target, "thinking_budget", request.thinkingBudget());
		putIfSet(target, "temperature", request.temperature());
		putIfSet(target, "top_p", request.topP());
		putIfSet(target, "top_k", request.topK());
		putIfSet(target, "repetition_penalty", request.repetitionPenalty());
		putIfSet(target, "presence_penalty", request.presencePenalty());
		putIfSet(target, "max_tokens", request.maxTokens());
		putIfSet(target, "stop", request.stop());
		putIfSet(target, "seed", request.seed());
		GlmRequest.ResponseFormat format = request.responseFormat();
		if (format != null) {
			Map<String, Object> f = new LinkedHashMap<>();
			f.put("type", format.type().getValue());
			if (format.type() == GlmResponseFormat.JSON_SCHEMA && format.jsonSchema() != null) {
				Map<String, Object> schema = new LinkedHashMap<>();
				schema.put("name", "response");
				schema.put("schema", readTree(format.jsonSchema(), "responseFormat.jsonSchema"));
				schema.put("strict", true);
				f.put("json_schema", schema);
			}
			target.put("response_format", f);
		}
		if (!request.tools().isEmpty()) {
			List<Map<String, Object>> tools = new ArrayList<>(request.tools().size());
			for (GlmRequest.Tool tool : request.tools()) {
				Map<String, Object> function = new LinkedHashMap<>();
				function.put("name", tool.name());
				if (tool.description() != null) {
					function.put("description", tool.description());
				}
				function.put("parameters", readTree(tool.inputSchema(), "tool " + tool.name() + " input schema"));
				tools.add(Map.of("type", "function", "function", function));
			}
			target.put("tools", tools);
		}
		String toolChoice = request.toolChoice();
		if (toolChoice != null) {
			target.put("tool_choice", ("auto".equals(toolChoice) || "none".equals(toolChoice)) ? toolChoice
					: Map.of("type", "function", "function", Map.of("name", toolChoice)));
		}
		putIfSet(target, "parallel_tool_calls", request.parallelToolCalls());
		target.putAll(request.extraBody());
	}

	private static void putIfSet(Map<String, Object> target, String key, @Nullable Object value) {
		if (value != null) {
			target.put(key, value);
		}
	}

	private static JsonNode readTree(String json, String what) {
		try {
			return JSON.readTree(json);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException(what + " must be valid JSON: " + ex.getOriginalMessage(), ex);
		}
	}

	/**
	 * Serialize a request body.
	 * @param body the body
	 * @return UTF-8 JSON
	 */
	static byte[] write(Object body) {
		return JSON.writeValueAsBytes(body);
	}

	/**
	 * A finish reason, with the native protocol's string {@code "null"} (and an empty
	 * string) read as "not finished".
	 * @param value the wire value
	 * @return the finish reason or {@code null}
	 */
	static @Nullable String finishReason(@Nullable String value) {
		return (value == null || value.isEmpty() || "null".equals(value)) ? null : value;
	}

	/**
	 * Tool-call fragments; a fragment without {@code index} takes its position in the
	 * array (the native protocol omits it on continuations).
	 * @param calls the wire tool calls
	 * @return the fragments
	 */
	static List<GlmStreamEvent.ToolCallFragment> fragments(@Nullable List<ToolCall> calls) {
		if (calls == null || calls.isEmpty()) {
			return List.of();
		}
		List<GlmStreamEvent.ToolCallFragment> fragments = new ArrayList<>(calls.size());
		for (int i = 0; i < calls.size(); i++) {
			ToolCall call = calls.get(i);
			Function function = call.function();
			fragments.add(new GlmStreamEvent.ToolCallFragment((call.index() != null) ? call.index() : i, call.id(),
					(function != null) ? function.name() : null, (function != null) ? function.arguments() : null));
		}
		return fragments;
	}

	/**
	 * The protocol-neutral event for one frame's message delta.
	 * @param requestId the request id
	 * @param model the model, if the protocol reports it
	 * @param delta the delta ({@code delta} on the compatible protocol, {@code message}
	 * on the native one), or {@code null}
	 * @param finishReason the wire finish reason
	 * @param usage the usage, if any
	 * @return the event
	 */
	static GlmStreamEvent event(@Nullable String requestId, @Nullable String model, @Nullable Delta delta,
			@Nullable String finishReason, @Nullable GlmUsage usage) {
		if (delta == null) {
			return new GlmStreamEvent(requestId, model, null, null, List.of(), finishReason(finishReason), usage);
		}
		return new GlmStreamEvent(requestId, model, delta.content(), delta.reasoningContent(),
				fragments(delta.toolCalls()), finishReason(finishReason), usage);
	}

	/**
	 * What a frame adds to the assistant message, spelled the same on both protocols.
	 *
	 * @param content answer text
	 * @param reasoningContent reasoning text
	 * @param toolCalls tool-call fragments
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Delta(@Nullable String content, @JsonProperty("reasoning_content") @Nullable String reasoningContent,
			@JsonProperty("tool_calls") @Nullable List<ToolCall> toolCalls) {
	}

	/**
	 * A streamed tool call as both protocols send it.
	 *
	 * @param index position of the call
	 * @param id call id, empty on continuations
	 * @param function name and argument slice
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record ToolCall(@Nullable Integer index, @Nullable String id, @Nullable Function function) {
	}

	/**
	 * Function part of a streamed tool call.
	 *
	 * @param name function name, first fragment only
	 * @param arguments argument slice
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Function(@Nullable String name, @Nullable String arguments) {
	}

	/**
	 * {@code completion_tokens_details} / {@code output_tokens_details}.
	 *
	 * @param reasoningTokens reasoning tokens
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record OutputDetails(@JsonProperty("reasoning_tokens") @Nullable Integer reasoningTokens) {
	}

	/**
	 * {@code prompt_tokens_details}.
	 *
	 * @param cachedTokens cached prompt tokens
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record PromptDetails(@JsonProperty("cached_tokens") @Nullable Long cachedTokens) {
	}

}
