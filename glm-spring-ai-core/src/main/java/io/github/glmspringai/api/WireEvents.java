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
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static io.github.glmspringai.api.WireJson.JSON;
import static io.github.glmspringai.api.WireJson.string;

/**
 * Event JSON shared by the protocol adapters: the first choice of a frame, its message
 * delta, tool-call fragments, usage and finish reasons, read with a streaming parser.
 *
 * @author glm-spring-ai
 */
public final class WireEvents {

	/** The most tool calls one turn may carry; a higher index is a malformed event. */
	public static final int MAX_TOOL_CALLS = 1024;

	private WireEvents() {
	}

	/**
	 * A finish reason, with the native protocol's string {@code "null"} (and an empty
	 * string) read as "not finished".
	 * @param value the wire value
	 * @return the finish reason or {@code null}
	 */
	public static @Nullable String finishReason(@Nullable String value) {
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
	public static GlmStreamEvent event(@Nullable String requestId, @Nullable String model, @Nullable Delta delta,
			@Nullable String finishReason, @Nullable GlmTokenUsage usage) {
		if (delta == null) {
			return new GlmStreamEvent(requestId, model, null, null, List.of(), finishReason(finishReason), usage);
		}
		return new GlmStreamEvent(requestId, model, delta.content(), delta.reasoningContent(), delta.toolCalls(),
				finishReason(finishReason), usage);
	}

	/**
	 * Read what a frame adds to the assistant message ({@code delta} on the compatible
	 * protocol, {@code message} on the native one): {@code content},
	 * {@code reasoning_content} and {@code tool_calls}.
	 * @param parser the parser, on the value
	 * @return the delta, or {@code null} for JSON null
	 */
	public static @Nullable Delta readDelta(JsonParser parser) {
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
	 * Read one chat-completion chunk as the OpenAI-style protocols (Bailian's compatible
	 * mode, Zhipu) spell it: {@code id}, {@code request_id}, {@code model}, the first
	 * choice's {@code delta}, {@code usage} and an {@code error} object; other fields are
	 * skipped.
	 * @param parser the parser, on the chunk's opening brace; read to its closing brace
	 * @return the chunk
	 */
	public static Chunk readChunk(JsonParser parser) {
		String id = null;
		String requestId = null;
		String model = null;
		Choice choice = null;
		GlmTokenUsage usage = null;
		JsonNode error = null;
		String name;
		while ((name = parser.nextName()) != null) {
			JsonToken token = parser.nextToken();
			switch (name) {
				case "choices" -> choice = readFirstChoice(parser, "delta");
				case "usage" -> usage = readUsage(parser);
				case "model" -> model = string(parser);
				case "id" -> id = string(parser);
				case "request_id" -> requestId = string(parser);
				case "error" -> {
					if (token == JsonToken.START_OBJECT) {
						error = JSON.readTree(parser);
					}
					else {
						parser.skipChildren();
					}
				}
				default -> parser.skipChildren();
			}
		}
		return new Chunk(id, requestId, model, choice, usage, error);
	}

	/**
	 * Read the first element of a {@code choices} array (GLM answers with one choice):
	 * its message delta (named {@code deltaField}) and its finish reason; other elements
	 * are skipped.
	 * @param parser the parser, on the value of {@code choices}
	 * @param deltaField {@code delta} (compatible) or {@code message} (native)
	 * @return the choice, or {@code null} when the array is empty or absent
	 */
	public static @Nullable Choice readFirstChoice(JsonParser parser, String deltaField) {
		if (parser.currentToken() != JsonToken.START_ARRAY) {
			parser.skipChildren();
			return null;
		}
		Choice choice = null;
		for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
			if (token == null) {
				throw new IllegalStateException("unterminated choices array");
			}
			if (choice != null || token != JsonToken.START_OBJECT) {
				// null elements and further choices are skipped
				parser.skipChildren();
				continue;
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
			choice = new Choice(delta, finishReason);
		}
		return choice;
	}

	private static List<GlmStreamEvent.ToolCallFragment> skip(JsonParser parser) {
		parser.skipChildren();
		return List.of();
	}

	/**
	 * Tool-call fragments; a fragment without {@code index} takes its position in the
	 * array (the native protocol omits it on continuations). An index sent as a string of
	 * digits is read as that number; arguments sent as a JSON object are kept as its JSON
	 * text.
	 * @param calls the {@code tool_calls} array
	 * @return the fragments
	 * @throws IllegalStateException for an index that is not an integer in [0,
	 * {@value #MAX_TOOL_CALLS})
	 */
	public static List<GlmStreamEvent.ToolCallFragment> fragments(JsonNode calls) {
		if (calls.isEmpty()) {
			return List.of();
		}
		List<GlmStreamEvent.ToolCallFragment> fragments = new ArrayList<>(calls.size());
		for (int i = 0; i < calls.size(); i++) {
			JsonNode call = calls.get(i);
			if (call == null || !call.isObject()) {
				continue;
			}
			JsonNode function = call.path("function");
			JsonNode arguments = function.path("arguments");
			fragments.add(new GlmStreamEvent.ToolCallFragment(index(call.path("index"), i), text(call, "id"),
					text(function, "name"),
					arguments.isContainer() ? JSON.writeValueAsString(arguments) : text(function, "arguments")));
		}
		return fragments;
	}

	private static int index(JsonNode index, int position) {
		if (index.isMissingNode() || index.isNull()) {
			return position;
		}
		long value;
		if (index.isIntegralNumber()) {
			value = index.longValue();
		}
		else if (index.isString() && index.asString().strip().matches("\\d{1,10}")) {
			value = Long.parseLong(index.asString().strip());
		}
		else {
			throw new IllegalStateException("tool call index " + index + " is not an integer");
		}
		if (value < 0 || value >= MAX_TOOL_CALLS) {
			throw new IllegalStateException(
					"tool call index " + value + " is out of range [0, " + (MAX_TOOL_CALLS - 1) + "]");
		}
		return (int) value;
	}

	/**
	 * Read a usage object. Both protocols' names are understood ({@code prompt_tokens} /
	 * {@code input_tokens}, {@code completion_tokens} / {@code output_tokens},
	 * {@code completion_tokens_details} / {@code output_tokens_details}); the details
	 * objects are optional. The wire object is kept as the native usage.
	 * @param parser the parser, on the value
	 * @return the usage, or {@code null} for JSON null
	 */
	public static @Nullable GlmTokenUsage readUsage(JsonParser parser) {
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
		Long totalTokens = count(total);
		Long reasoningTokens = count(reasoning);
		return new GlmTokenUsage(tokens(usage, "prompt_tokens", "input_tokens"),
				tokens(usage, "completion_tokens", "output_tokens"),
				(totalTokens != null) ? totalTokens.intValue() : null,
				(reasoningTokens != null) ? reasoningTokens.intValue() : null, count(cached), usage);
	}

	private static int tokens(JsonNode usage, String name, String nativeName) {
		Long count = count(usage.has(name) ? usage.path(name) : usage.path(nativeName));
		return (count != null) ? count.intValue() : 0;
	}

	/** A token count: a non-negative number, or a string of digits some gateways send. */
	private static @Nullable Long count(JsonNode value) {
		long count;
		if (value.isNumber()) {
			count = value.longValue();
		}
		else if (value.isString() && value.asString().strip().matches("\\d{1,18}")) {
			count = Long.parseLong(value.asString().strip());
		}
		else {
			return null;
		}
		return (count >= 0) ? Math.min(count, Integer.MAX_VALUE) : null;
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
	public record Delta(@Nullable String content, @Nullable String reasoningContent,
			List<GlmStreamEvent.ToolCallFragment> toolCalls) {
	}

	/**
	 * One chunk of an OpenAI-style stream.
	 *
	 * @param id the chunk id
	 * @param requestId the {@code request_id}, when the chunk has one
	 * @param model the model that answered
	 * @param choice the first choice
	 * @param usage the usage
	 * @param error an error object reported in place of a chunk
	 */
	public record Chunk(@Nullable String id, @Nullable String requestId, @Nullable String model,
			@Nullable Choice choice, @Nullable GlmTokenUsage usage, @Nullable JsonNode error) {

		/**
		 * What the first choice adds to the message.
		 * @return the delta, or {@code null}
		 */
		public @Nullable Delta delta() {
			return (this.choice != null) ? this.choice.delta() : null;
		}

		/**
		 * The first choice's wire finish reason.
		 * @return the finish reason, or {@code null} when absent
		 */
		public @Nullable String finishReason() {
			return (this.choice != null) ? this.choice.finishReason() : null;
		}

		/**
		 * The error report a protocol adapter hands to {@code streamError}:
		 * {@code {"error": {...}, "request_id": ...}}.
		 * @param requestId the request id to report
		 * @return the report
		 * @throws IllegalStateException when the chunk has no error
		 */
		public ObjectNode errorReport(@Nullable String requestId) {
			if (this.error == null) {
				throw new IllegalStateException("the chunk reports no error");
			}
			ObjectNode report = JSON.createObjectNode();
			report.set("error", this.error);
			report.put("request_id", requestId);
			return report;
		}

	}

	/**
	 * The first choice of a frame.
	 *
	 * @param delta what it adds to the message
	 * @param finishReason its wire finish reason
	 */
	public record Choice(@Nullable Delta delta, @Nullable String finishReason) {
	}

}
