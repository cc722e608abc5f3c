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

import io.github.glmspringai.chat.GlmResponseFormat;
import io.github.glmspringai.chat.GlmUsage;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
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
		// parts of an event (usage, tool calls) are read as trees from the middle of it
		.disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
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
		return new GlmStreamEvent(requestId, model, delta.content(), delta.reasoningContent(), delta.toolCalls(),
				finishReason(finishReason), usage);
	}

	/**
	 * Open a streaming parser on an event's JSON. Events are read token by token, without
	 * data binding: only the fields we need are decoded, the rest is skipped.
	 * @param data the JSON
	 * @return the parser, positioned on the opening brace
	 */
	static JsonParser parser(byte[] data) {
		JsonParser parser = JSON.createParser(data);
		if (parser.nextToken() != JsonToken.START_OBJECT) {
			throw new IllegalStateException("an SSE event must carry a JSON object");
		}
		return parser;
	}

	/**
	 * The current value as text: strings as they are, other scalars as text, {@code null}
	 * for JSON null; objects and arrays are skipped and read as {@code null}.
	 * @param parser the parser, on a value
	 * @return the text
	 */
	static @Nullable String string(JsonParser parser) {
		JsonToken token = parser.currentToken();
		if (token == JsonToken.VALUE_STRING) {
			return parser.getString();
		}
		if (token == null || token == JsonToken.VALUE_NULL) {
			return null;
		}
		if (token.isScalarValue()) {
			return parser.getValueAsString();
		}
		parser.skipChildren();
		return null;
	}

	/**
	 * Read what a frame adds to the assistant message ({@code delta} on the compatible
	 * protocol, {@code message} on the native one): {@code content},
	 * {@code reasoning_content} and {@code tool_calls}.
	 * @param parser the parser, on the value
	 * @return the delta, or {@code null} for JSON null
	 */
	static @Nullable Delta readDelta(JsonParser parser) {
		if (parser.currentToken() != JsonToken.START_OBJECT) {
			parser.skipChildren();
			return null;
		}
		String content = null;
		String reasoning = null;
		List<GlmStreamEvent.ToolCallFragment> toolCalls = List.of();
		String name;
		while ((name = parser.nextName()) != null) {
			JsonToken token = parser.nextToken();
			switch (name) {
				case "content" -> content = string(parser);
				case "reasoning_content" -> reasoning = string(parser);
				case "tool_calls" ->
					toolCalls = (token == JsonToken.START_ARRAY) ? fragments(JSON.readTree(parser)) : skip(parser);
				default -> parser.skipChildren();
			}
		}
		return new Delta(content, reasoning, toolCalls);
	}

	/**
	 * Read the first element of a {@code choices} array (GLM answers with one choice):
	 * its message delta (named {@code deltaField}) and its finish reason; other elements
	 * are skipped.
	 * @param parser the parser, on the value of {@code choices}
	 * @param deltaField {@code delta} (compatible) or {@code message} (native)
	 * @return the choice, or {@code null} when the array is empty or absent
	 */
	static @Nullable Choice readFirstChoice(JsonParser parser, String deltaField) {
		if (parser.currentToken() != JsonToken.START_ARRAY) {
			parser.skipChildren();
			return null;
		}
		if (parser.nextToken() != JsonToken.START_OBJECT) {
			return null;
		}
		Delta delta = null;
		String finishReason = null;
		String field;
		while ((field = parser.nextName()) != null) {
			parser.nextToken();
			if (field.equals(deltaField)) {
				delta = readDelta(parser);
			}
			else if (field.equals("finish_reason")) {
				finishReason = string(parser);
			}
			else {
				parser.skipChildren();
			}
		}
		while (parser.nextToken() != JsonToken.END_ARRAY) {
			parser.skipChildren();
		}
		return new Choice(delta, finishReason);
	}

	private static List<GlmStreamEvent.ToolCallFragment> skip(JsonParser parser) {
		parser.skipChildren();
		return List.of();
	}

	/**
	 * Tool-call fragments; a fragment without {@code index} takes its position in the
	 * array (the native protocol omits it on continuations).
	 * @param calls the {@code tool_calls} array
	 * @return the fragments
	 */
	static List<GlmStreamEvent.ToolCallFragment> fragments(JsonNode calls) {
		if (calls.isEmpty()) {
			return List.of();
		}
		List<GlmStreamEvent.ToolCallFragment> fragments = new ArrayList<>(calls.size());
		for (int i = 0; i < calls.size(); i++) {
			JsonNode call = calls.get(i);
			JsonNode index = call.path("index");
			JsonNode function = call.path("function");
			fragments.add(new GlmStreamEvent.ToolCallFragment(index.isNumber() ? index.intValue() : i, text(call, "id"),
					text(function, "name"), text(function, "arguments")));
		}
		return fragments;
	}

	/**
	 * Read a usage object. Both protocols' names are understood ({@code prompt_tokens} /
	 * {@code input_tokens}, {@code completion_tokens} / {@code output_tokens},
	 * {@code completion_tokens_details} / {@code output_tokens_details}); the details
	 * objects are optional. The wire object is kept as the native usage.
	 * @param parser the parser, on the value
	 * @return the usage, or {@code null} for JSON null
	 */
	static @Nullable GlmUsage readUsage(JsonParser parser) {
		if (parser.currentToken() != JsonToken.START_OBJECT) {
			parser.skipChildren();
			return null;
		}
		JsonNode usage = JSON.readTree(parser);
		JsonNode total = usage.path("total_tokens");
		JsonNode details = usage.has("completion_tokens_details") ? usage.path("completion_tokens_details")
				: usage.path("output_tokens_details");
		JsonNode reasoning = details.path("reasoning_tokens");
		JsonNode cached = usage.path("prompt_tokens_details").path("cached_tokens");
		return new GlmUsage(tokens(usage, "prompt_tokens", "input_tokens"),
				tokens(usage, "completion_tokens", "output_tokens"), total.isNumber() ? total.intValue() : null,
				reasoning.isNumber() ? reasoning.intValue() : null, cached.isNumber() ? cached.longValue() : null,
				usage);
	}

	private static int tokens(JsonNode usage, String name, String nativeName) {
		JsonNode value = usage.has(name) ? usage.path(name) : usage.path(nativeName);
		return value.isNumber() ? value.intValue() : 0;
	}

	private static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return (value.isMissingNode() || value.isNull()) ? null : value.asString();
	}

	/**
	 * What a frame adds to the assistant message, spelled the same on both protocols.
	 *
	 * @param content answer text
	 * @param reasoningContent reasoning text
	 * @param toolCalls tool-call fragments
	 */
	record Delta(@Nullable String content, @Nullable String reasoningContent,
			List<GlmStreamEvent.ToolCallFragment> toolCalls) {
	}

	/**
	 * The first choice of a frame.
	 *
	 * @param delta what it adds to the message
	 * @param finishReason its wire finish reason
	 */
	record Choice(@Nullable Delta delta, @Nullable String finishReason) {
	}

}
