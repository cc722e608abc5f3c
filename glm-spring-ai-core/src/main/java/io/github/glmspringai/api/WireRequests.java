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

import org.jspecify.annotations.Nullable;

/**
 * Request JSON shared by the protocol adapters: the {@code messages} and {@code tools}
 * arrays, and the generation parameters the two Bailian protocols spell the same way.
 *
 * @author glm-spring-ai
 */
public final class WireRequests {

	private WireRequests() {
	}

	/**
	 * The {@code messages} array.
	 * @param messages the conversation
	 * @return wire messages
	 */
	public static List<Map<String, Object>> messages(List<GlmMessage> messages) {
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
			if (message.reasoningContent() != null) {
				m.put("reasoning_content", message.reasoningContent());
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
	public static void bailianParameters(GlmRequest request, Map<String, Object> target) {
		putIfSet(target, "enable_thinking", request.enableThinking());
		putIfSet(target, "thinking_budget", request.thinkingBudget());
		putIfSet(target, "reasoning_effort", request.reasoningEffort());
		putIfSet(target, "clear_thinking", request.clearThinking());
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
			if (format.type() == GlmRequest.ResponseFormat.Type.JSON_SCHEMA && format.jsonSchema() != null) {
				Map<String, Object> schema = new LinkedHashMap<>();
				schema.put("name", "response");
				schema.put("schema", WireJson.readTree(format.jsonSchema(), "responseFormat.jsonSchema"));
				schema.put("strict", true);
				f.put("json_schema", schema);
			}
			target.put("response_format", f);
		}
		if (!request.tools().isEmpty()) {
			target.put("tools", tools(request.tools()));
		}
		String toolChoice = request.toolChoice();
		if (toolChoice != null) {
			target.put("tool_choice", GlmRequest.isToolChoiceMode(toolChoice) ? toolChoice
					: Map.of("type", "function", "function", Map.of("name", toolChoice)));
		}
		putIfSet(target, "parallel_tool_calls", request.parallelToolCalls());
		putIfSet(target, "tool_stream", request.toolStream());
		target.putAll(request.extraBody());
	}

	/**
	 * The {@code tools} array: one {@code function} entry per tool, spelled the same on
	 * every protocol.
	 * @param tools the tools
	 * @return wire tools
	 * @throws IllegalArgumentException for an input schema that is not JSON
	 */
	public static List<Map<String, Object>> tools(List<GlmRequest.Tool> tools) {
		List<Map<String, Object>> wire = new ArrayList<>(tools.size());
		for (GlmRequest.Tool tool : tools) {
			Map<String, Object> function = new LinkedHashMap<>();
			function.put("name", tool.name());
			if (tool.description() != null) {
				function.put("description", tool.description());
			}
			function.put("parameters", WireJson.readTree(tool.inputSchema(), "tool " + tool.name() + " input schema"));
			wire.add(Map.of("type", "function", "function", function));
		}
		return wire;
	}

	/**
	 * Put a value unless it is {@code null} (an explicit {@code false} is sent).
	 * @param target the map
	 * @param key the wire name
	 * @param value the value
	 */
	public static void putIfSet(Map<String, Object> target, String key, @Nullable Object value) {
		if (value != null) {
			target.put(key, value);
		}
	}

}
