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

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import io.github.glmspringai.api.GlmError;
import io.github.glmspringai.api.GlmServiceException;
import io.github.glmspringai.api.GlmStreamEvent;
import io.github.glmspringai.api.GlmTokenUsage;
import io.github.glmspringai.api.GlmTransientException;
import io.github.glmspringai.api.WireEvents;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.metadata.ChatGenerationMetadata;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.EmptyUsage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;

/**
 * The state of one streamed turn, shared by {@code stream()} and {@code call()}: it
 * accumulates text and reasoning once (linear), merges tool-call fragments by index,
 * keeps the last usage and the finish reason, and builds the chunks and the final
 * response. Not thread-safe: one instance per subscription.
 *
 * @author glm-spring-ai
 */
final class GlmTurn {

	private final String requestedModel;

	private final StringBuilder text = new StringBuilder();

	private final StringBuilder reasoning = new StringBuilder();

	private final TreeMap<Integer, PartialToolCall> toolCalls = new TreeMap<>();

	private @Nullable String requestId;

	private @Nullable String model;

	private @Nullable String finishReason;

	private @Nullable GlmTokenUsage usage;

	private @Nullable ChatResponseMetadata chunkMetadata;

	GlmTurn(String requestedModel) {
		this.requestedModel = requestedModel;
	}

	/**
	 * Take in one event.
	 * @param event the event
	 */
	void accept(GlmStreamEvent event) {
		if (event.requestId() != null && this.requestId == null) {
			this.requestId = event.requestId();
		}
		if (event.model() != null && this.model == null) {
			this.model = event.model();
		}
		if (event.text() != null) {
			this.text.append(event.text());
		}
		if (event.reasoning() != null) {
			this.reasoning.append(event.reasoning());
		}
		for (GlmStreamEvent.ToolCallFragment fragment : event.toolCalls()) {
			merge(fragment);
		}
		if (event.finishReason() != null) {
			this.finishReason = event.finishReason();
		}
		if (event.usage() != null) {
			this.usage = event.usage();
		}
	}

	/**
	 * Take in one event and return the chunk a stream emits for it: the text and
	 * reasoning it added, or {@code null} when it added neither (tool-call fragments,
	 * finish reason and usage are reported once, by {@link #lastChunk()}).
	 * @param event the event
	 * @return the chunk or {@code null}
	 */
	@Nullable ChatResponse chunk(GlmStreamEvent event) {
		accept(event);
		String delta = event.text();
		String reasoningDelta = event.reasoning();
		boolean hasText = delta != null && !delta.isEmpty();
		boolean hasReasoning = reasoningDelta != null && !reasoningDelta.isEmpty();
		if (!hasText && !hasReasoning) {
			return null;
		}
		Map<String, Object> properties = hasReasoning ? Map.of(GlmReasoning.REASONING_DELTA, reasoningDelta) : Map.of();
		AssistantMessage message = AssistantMessage.builder()
			.content(hasText ? delta : "")
			.properties(properties)
			.build();
		return new ChatResponse(List.of(new Generation(message)), chunkMetadata());
	}

	/**
	 * The last chunk of a stream: no new text, the complete reasoning, the merged tool
	 * calls, the finish reason and the usage.
	 * @return the chunk
	 */
	ChatResponse lastChunk() {
		return response("");
	}

	/**
	 * The whole turn, as {@code call()} returns it.
	 * @return the response
	 */
	ChatResponse fullResponse() {
		return response(this.text.toString());
	}

	/**
	 * Whether the service reported how the turn ended.
	 * @return {@code true} when a finish reason arrived
	 */
	boolean finished() {
		return this.finishReason != null || hasCompleteToolCalls();
	}

	/**
	 * Check that a finished turn is consistent: a turn that ends for tool calls carries
	 * at least one complete call.
	 * @throws RuntimeException a {@code MalformedEvent} error carrying the partial
	 * content otherwise
	 */
	void verify() {
		if (("tool_calls".equals(this.finishReason) || "function_call".equals(this.finishReason))
				&& completedToolCalls().isEmpty()) {
			throw malformed("the service ended the turn with finish reason " + this.finishReason
					+ " but sent no complete tool call");
		}
	}

	/**
	 * Tool calls whose arguments form complete JSON objects end a turn even when no frame
	 * reported a finish reason (the service may report {@code "null"} throughout).
	 */
	private boolean hasCompleteToolCalls() {
		if (this.toolCalls.isEmpty()) {
			return false;
		}
		for (PartialToolCall call : this.toolCalls.values()) {
			if (call.name == null || !isCompleteJsonObject(call.arguments)) {
				return false;
			}
		}
		return true;
	}

	private static boolean isCompleteJsonObject(CharSequence json) {
		int depth = 0;
		boolean inString = false;
		boolean escaped = false;
		boolean opened = false;
		for (int i = 0; i < json.length(); i++) {
			char c = json.charAt(i);
			if (inString) {
				if (escaped) {
					escaped = false;
				}
				else if (c == '\\') {
					escaped = true;
				}
				else if (c == '"') {
					inString = false;
				}
			}
			else if (c == '"') {
				inString = true;
			}
			else if (c == '{' || c == '[') {
				depth++;
				opened = true;
			}
			else if (c == '}' || c == ']') {
				depth--;
			}
		}
		return opened && depth == 0 && !inString;
	}

	/**
	 * The error for a stream that ended without a finish reason.
	 * @param redactor removes credentials from text
	 * @return the exception, carrying the partial content
	 */
	RuntimeException truncated(UnaryOperator<String> redactor) {
		return new GlmTransientException(new GlmError(200, "StreamTruncated",
				"the stream ended before the service reported a finish reason", this.requestId, null,
				redactor.apply(this.text.toString()), redactor.apply(this.reasoning.toString())), null);
	}

	/**
	 * Attach the partial content received so far, without credentials (and the request
	 * id, when the error lacks it), to a failure; the original failure becomes the cause.
	 * @param failure the failure
	 * @param redactor removes credentials from text
	 * @return the failure with the partial content
	 */
	Throwable withPartial(Throwable failure, UnaryOperator<String> redactor) {
		if (!(failure instanceof GlmServiceException gse) || !gse.getPartialText().isEmpty()
				|| !gse.getPartialReasoning().isEmpty()) {
			return failure;
		}
		GlmError error = gse.getError().withRequestIdIfAbsent(this.requestId);
		if (this.text.length() == 0 && this.reasoning.length() == 0 && error == gse.getError()) {
			return failure;
		}
		return error.withPartial(redactor.apply(this.text.toString()), redactor.apply(this.reasoning.toString()))
			.toException(failure);
	}

	private RuntimeException malformed(String message) {
		return new GlmTransientException(new GlmError(200, "MalformedEvent", message, this.requestId, null,
				this.text.toString(), this.reasoning.toString()), null);
	}

	/**
	 * The request id reported by the service.
	 * @return the request id
	 */
	@Nullable String requestId() {
		return this.requestId;
	}

	private ChatResponse response(String content) {
		List<AssistantMessage.ToolCall> calls = completedToolCalls();
		Map<String, Object> properties = new HashMap<>(4);
		properties.put(GlmReasoning.REASONING_CONTENT, this.reasoning.toString());
		properties.put(GlmReasoning.REASONING_DELTA, "");
		// kept on the message too: Spring AI's MessageAggregator rebuilds usage from
		// prompt, completion and total tokens only, but keeps message metadata
		if (this.usage != null && this.usage.reasoningTokens() != null) {
			properties.put(GlmUsage.REASONING_TOKENS, this.usage.reasoningTokens());
		}
		if (this.usage != null && this.usage.cachedTokens() != null) {
			properties.put(GlmUsage.CACHED_TOKENS, this.usage.cachedTokens());
		}
		AssistantMessage message = AssistantMessage.builder()
			.content(content)
			.properties(properties)
			.toolCalls(calls)
			.build();
		String reason = calls.isEmpty() ? finishReason(this.finishReason) : "TOOL_CALLS";
		ChatGenerationMetadata generationMetadata = ChatGenerationMetadata.builder().finishReason(reason).build();
		ChatResponseMetadata metadata = ChatResponseMetadata.builder()
			.id(idOrEmpty())
			.model(modelName())
			.usage((this.usage != null) ? GlmUsage.from(this.usage) : new EmptyUsage())
			.build();
		return new ChatResponse(List.of(new Generation(message, generationMetadata)), metadata);
	}

	private ChatResponseMetadata chunkMetadata() {
		ChatResponseMetadata metadata = this.chunkMetadata;
		if (metadata == null) {
			metadata = ChatResponseMetadata.builder().id(idOrEmpty()).model(modelName()).build();
			this.chunkMetadata = metadata;
		}
		return metadata;
	}

	private String idOrEmpty() {
		return (this.requestId != null) ? this.requestId : "";
	}

	private String modelName() {
		return (this.model != null) ? this.model : this.requestedModel;
	}

	/**
	 * The finish reason as Spring AI providers report it: upper case, with Zhipu's
	 * {@code sensitive} (the output was cut by the content filter) reported as
	 * {@code CONTENT_FILTER}, Spring AI's convention for a filtered completion; unknown
	 * values pass through, upper-cased.
	 */
	static @Nullable String finishReason(@Nullable String wire) {
		if (wire == null) {
			return null;
		}
		return switch (wire) {
			case "stop" -> "STOP";
			case "length" -> "LENGTH";
			case "tool_calls", "function_call" -> "TOOL_CALLS";
			case "sensitive", "content_filter" -> "CONTENT_FILTER";
			default -> wire.toUpperCase(Locale.ROOT);
		};
	}

	private void merge(GlmStreamEvent.ToolCallFragment fragment) {
		int index = fragment.index();
		if (index < 0 || index >= WireEvents.MAX_TOOL_CALLS) {
			throw malformed(
					"tool call index " + index + " is out of range [0, " + (WireEvents.MAX_TOOL_CALLS - 1) + "]");
		}
		PartialToolCall call = this.toolCalls.computeIfAbsent(index, (i) -> new PartialToolCall());
		if (call.id == null && fragment.id() != null && !fragment.id().isEmpty()) {
			call.id = fragment.id();
		}
		if (call.name == null && fragment.name() != null && !fragment.name().isEmpty()) {
			call.name = fragment.name();
		}
		if (fragment.arguments() != null) {
			call.arguments.append(fragment.arguments());
		}
	}

	private List<AssistantMessage.ToolCall> completedToolCalls() {
		if (this.toolCalls.isEmpty()) {
			return List.of();
		}
		List<AssistantMessage.ToolCall> calls = new ArrayList<>(this.toolCalls.size());
		this.toolCalls.forEach((index, call) -> {
			if (call.name != null) {
				String arguments = call.arguments.toString();
				calls.add(new AssistantMessage.ToolCall((call.id != null) ? call.id : "call_" + index, "function",
						call.name, arguments.isBlank() ? "{}" : arguments));
			}
		});
		return calls;
	}

	private static final class PartialToolCall {

		private @Nullable String id;

		private @Nullable String name;

		private final StringBuilder arguments = new StringBuilder();

	}

}
